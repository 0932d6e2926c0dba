package vn.dti.tracker.common;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.function.Supplier;

/** Timestamps as the API shows them: UTC, microsecond precision (what PostgreSQL keeps). */
public final class Entities {

    private Entities() {
    }

    /** A timestamp read by a native query (driver types vary) as the API shows it; null stays null. */
    public static OffsetDateTime utc(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof OffsetDateTime t) {
            return t.withOffsetSameInstant(ZoneOffset.UTC);
        }
        if (value instanceof Instant i) {
            return OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
        }
        return OffsetDateTime.ofInstant(((java.sql.Timestamp) value).toInstant(), ZoneOffset.UTC);
    }

    public static OffsetDateTime now() {
        Instant past = AS_OF.get();
        return (past != null ? OffsetDateTime.ofInstant(past, ZoneOffset.UTC) : OffsetDateTime.now(ZoneOffset.UTC)).truncatedTo(ChronoUnit.MICROS);
    }

    private static final ThreadLocal<Instant> AS_OF = new ThreadLocal<>();

    /**
     * Runs start-up work that writes the past (the demo's year of reporting, demo/DemoHistory) as of {@code moment}, on
     * this thread only: timestamps written here and the reporting clock read that moment. Never used for an HTTP caller.
     */
    public static <T> T asOf(Instant moment, Supplier<T> work) {
        Instant outer = AS_OF.get();
        AS_OF.set(moment);
        try {
            return work.get();
        } finally {
            if (outer == null) {
                AS_OF.remove();
            } else {
                AS_OF.set(outer);
            }
        }
    }

    /** The moment set by {@link #asOf} on this thread, or null. */
    public static Instant pastMoment() {
        return AS_OF.get();
    }
}
