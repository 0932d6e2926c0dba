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

    public static boolean isOutage(Throwable failure) {
        Throwable cause = failure;
        for (int depth = 0; cause != null && depth < 32; depth++) {
            if (cause instanceof ConnectException || cause instanceof SQLTransientConnectionException
                    || cause instanceof org.hibernate.exception.JDBCConnectionException) {
                return true;
            }
            if (cause instanceof SQLException sql && isUnavailable(sql)) {
                return true;
            }
            cause = cause.getCause() == cause ? null : cause.getCause();
        }
        return false;
    }

    private static boolean isUnavailable(SQLException e) {
        String state = e.getSQLState();
        if (state != null) {
            return state.startsWith("08") || UNAVAILABLE_STATES.contains(state);
        }
        // The pool's own refusal when no connection can be made or freed in time carries no SQLSTATE.
        String message = e.getMessage();
        return message != null && message.startsWith("Acquisition timeout");
    }
}
