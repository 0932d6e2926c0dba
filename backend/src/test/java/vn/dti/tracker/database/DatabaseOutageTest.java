package vn.dti.tracker.database;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ConnectException;
import java.sql.SQLException;

import jakarta.persistence.PersistenceException;

import org.junit.jupiter.api.Test;

class DatabaseOutageTest {

    @Test
    void aLostOrRefusedConnectionIsAnOutage() {
        assertTrue(DatabaseOutage.isOutage(new SQLException("I/O error", "08006")));
        assertTrue(DatabaseOutage.isOutage(new SQLException("Connection refused", "08001")));
        assertTrue(DatabaseOutage.isOutage(new IllegalStateException("tagging failed", new SQLException("closed", "08003"))));
        assertTrue(DatabaseOutage.isOutage(new PersistenceException(new RuntimeException(new ConnectException("refused")))));
        // A commit that failed because the connection broke: the driver's error is suppressed, not the cause.
        Exception rollback = new IllegalStateException("Could not commit transaction.");
        rollback.addSuppressed(new SQLException("An I/O error occurred while sending to the backend.", "08006"));
        assertTrue(DatabaseOutage.isOutage(new RuntimeException(rollback)));
    }

    @Test
    void aServerShuttingDownStartingOrFullIsAnOutage() {
        assertTrue(DatabaseOutage.isOutage(new SQLException("terminating connection due to administrator command", "57P01")));
        assertTrue(DatabaseOutage.isOutage(new SQLException("crash shutdown", "57P02")));
        assertTrue(DatabaseOutage.isOutage(new SQLException("the database system is starting up", "57P03")));
        assertTrue(DatabaseOutage.isOutage(new SQLException("too many clients", "53300")));
        assertTrue(DatabaseOutage.isOutage(new SQLException("Acquisition timeout while waiting for new connection")));
        assertTrue(DatabaseOutage.isOutage(new PersistenceException(new SQLException("Exception in association of connection to existing"
                + " transaction", new SQLException("Failed to enlist. Check if a connection from another datasource is already enlisted")))));
    }

    @Test
    void theTransactionManagerLosingItsConnectionIsAnOutage() {
        // A caller check whose connection was closed under it: the transaction runner rethrows the manager's checked
        // exception as it is, with the driver's error only in its message.
        assertTrue(DatabaseOutage.isOutage(new jakarta.transaction.SystemException("ARJUNA016054: could not register transaction")));
        assertTrue(DatabaseOutage.isOutage(new RuntimeException(new javax.transaction.xa.XAException(
                javax.transaction.xa.XAException.XAER_RMERR))));
    }

    @Test
    void faultsOfTheRequestOrTheProductAreNot() {
        assertFalse(DatabaseOutage.isOutage(new SQLException("duplicate key", "23505")));
        assertFalse(DatabaseOutage.isOutage(new SQLException("invalid byte sequence", "22021")));
        assertFalse(DatabaseOutage.isOutage(new SQLException("syntax error", "42601")));
        assertFalse(DatabaseOutage.isOutage(new NullPointerException()));
        assertFalse(DatabaseOutage.isOutage(new PersistenceException("no cause")));
    }
}
