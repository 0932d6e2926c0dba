package vn.dti.tracker.database;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;

/**
 * Whether a failure means the database cannot be reached right now (stopped, restarting, recovering, or out of
 * connections), rather than a fault of the request or of the product. Such a failure is answered 503 with
 * {@code Retry-After}: the caller did nothing wrong, and the same request succeeds once the database is back.
 */
public final class DatabaseOutage {

    /**
     * PostgreSQL's SQLSTATEs of a server going away or not yet there: class 08 (connection exception), 57P01-57P03
     * (administrator or crash shutdown, cannot connect now) and 53300 (too many connections).
     */
    private static final Set<String> UNAVAILABLE_STATES = Set.of("57P01", "57P02", "57P03", "53300");

    private DatabaseOutage() {
    }

    /** Looks through the causes and the suppressed exceptions: a failed commit carries the driver's error as suppressed. */
    public static boolean isOutage(Throwable failure) {
        java.util.ArrayDeque<Throwable> pending = new java.util.ArrayDeque<>();
        java.util.Set<Throwable> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        if (failure != null) {
            pending.add(failure);
        }
        while (!pending.isEmpty() && seen.size() < 64) {
            Throwable cause = pending.poll();
            if (!seen.add(cause)) {
                continue;
            }
            // The transaction manager's own failures to reach its resource (the connection died under it) carry the
            // driver's error only in their message, if at all.
            if (cause instanceof ConnectException || cause instanceof SQLTransientConnectionException
                    || cause instanceof org.hibernate.exception.JDBCConnectionException
                    || cause instanceof jakarta.transaction.SystemException || cause instanceof javax.transaction.xa.XAException) {
                return true;
            }
            if (cause instanceof SQLException sql && isUnavailable(sql)) {
                return true;
            }
            if (cause.getCause() != null) {
                pending.add(cause.getCause());
            }
            if (cause instanceof SQLException sql && sql.getNextException() != null) {
                pending.add(sql.getNextException());
            }
            pending.addAll(java.util.Arrays.asList(cause.getSuppressed()));
        }
        return false;
    }

    private static boolean isUnavailable(SQLException e) {
        String state = e.getSQLState();
        if (state != null) {
            return state.startsWith("08") || UNAVAILABLE_STATES.contains(state);
        }
        // The pool's own refusals carry no SQLSTATE: no connection could be made or freed in time, or a transaction whose
        // connection died could not take another one (its resource can no longer be enlisted).
        String message = e.getMessage();
        return message != null && (message.startsWith("Acquisition timeout") || message.startsWith("Failed to enlist")
                || message.startsWith("Exception in association of connection to existing transaction"));
    }
}
