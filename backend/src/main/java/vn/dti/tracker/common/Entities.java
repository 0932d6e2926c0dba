package vn.dti.tracker.common;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

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
        if (value instanceof java.time.Instant i) {
            return OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
        }
        return OffsetDateTime.ofInstant(((java.sql.Timestamp) value).toInstant(), ZoneOffset.UTC);
    }

    public static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }
}
