package vn.dti.tracker.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The embedded server as the product runs it (a kept cluster), without the product around it. */
class EmbeddedDatabaseTest {

    static final Path WORK = Path.of("target", "embedded-database-test").toAbsolutePath();
    static final Path CLUSTER = WORK.resolve("postgres");

    private EmbeddedDatabase database;

    @BeforeEach
    void clean() throws Exception {
        PostgresBinaries.deleteTree(WORK);
        Files.createDirectories(WORK);
    }

    @AfterEach
    void stop() {
        if (database != null) {
            database.close();
        }
    }

    @Test
    void aKeptClusterIsDurableClosedAndSignsInOnlyWithItsPassword() throws Exception {
        database = EmbeddedDatabase.start(CLUSTER, true);
        try (Connection c = connect(database.password()); Statement st = c.createStatement()) {
            for (String setting : List.of("fsync", "synchronous_commit", "full_page_writes", "data_checksums")) {
                assertEquals("on", show(st, setting), setting);
            }
            assertEquals("127.0.0.1", show(st, "listen_addresses"));
            assertEquals("", show(st, "unix_socket_directories"));
        }
        SQLException refused = assertThrows(SQLException.class, () -> connect("postgres").close());
        assertEquals("28P01", refused.getSQLState(), "a wrong password is refused");
        assertEquals(Set.of(java.nio.file.attribute.PosixFilePermission.OWNER_READ, java.nio.file.attribute.PosixFilePermission.OWNER_WRITE),
                Files.getPosixFilePermissions(WORK.resolve("postgres.password")));
        String rules = Files.readString(CLUSTER.resolve("pg_hba.conf"));
        assertTrue(rules.lines().filter(l -> !l.isBlank() && !l.startsWith("#")).allMatch(l -> l.endsWith("scram-sha-256")), rules);
    }

    @Test
    void aServerLeftByACrashIsStoppedAndTheNextStartSucceedsWithTheData() throws Exception {
        database = EmbeddedDatabase.start(CLUSTER, true);
        try (Connection c = connect(database.password()); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE kept (v text)");
            st.execute("INSERT INTO kept VALUES ('trước sự cố')");
        }
        long orphan = database.postmasterPid().orElseThrow();
        // A crash of the product that took its guard with it: the server is left running, holding the directory.
        database.abandon();
        database.guard().descendants().filter(p -> p.pid() != orphan).forEach(ProcessHandle::destroyForcibly);
        database.guard().destroyForcibly().waitFor();
        assertTrue(ProcessHandle.of(orphan).map(ProcessHandle::isAlive).orElse(false), "the server outlived its guard");
        database = EmbeddedDatabase.start(CLUSTER, true);
        assertTrue(ProcessHandle.of(orphan).map(ProcessHandle::isAlive).isEmpty() || !ProcessHandle.of(orphan).get().isAlive(),
                "the server left running was stopped");
        assertNotEquals(orphan, database.postmasterPid().orElseThrow());
        assertEquals("trước sự cố", value(database.password()));
    }

    @Test
    void aKilledServerIsStartedAgainOnTheSamePort() throws Exception {
        database = EmbeddedDatabase.start(CLUSTER, true);
        try (Connection c = connect(database.password()); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE kept (v text)");
            st.execute("INSERT INTO kept VALUES ('đã ghi')");
        }
        long first = database.postmasterPid().orElseThrow();
        ClusterProcesses.all(CLUSTER).forEach(ProcessHandle::destroyForcibly);
        Instant until = Instant.now().plus(Duration.ofMinutes(2));
        String value = null;
        while (value == null && Instant.now().isBefore(until)) {
            try {
                value = value(database.password());
            } catch (SQLException e) {
                Thread.sleep(100);
            }
        }
        assertEquals("đã ghi", value);
        assertNotEquals(first, database.postmasterPid().orElseThrow());
        assertTrue(database.recoverable());
    }

    @Test
    void theServerStopsWithItsOwner() throws Exception {
        database = EmbeddedDatabase.start(CLUSTER, true);
        ProcessHandle postmaster = ProcessHandle.of(database.postmasterPid().orElseThrow()).orElseThrow();
        database.close();
        assertTrue(postmaster.onExit().isDone() || !postmaster.isAlive());
        assertEquals(List.of(), ClusterProcesses.all(CLUSTER));
    }

    private Connection connect(String password) throws SQLException {
        return DriverManager.getConnection(database.jdbcUrl(), EmbeddedDatabase.SUPERUSER, password);
    }

    private String value(String password) throws SQLException {
        try (Connection c = connect(password); Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT v FROM kept")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static String show(Statement st, String setting) throws SQLException {
        try (ResultSet rs = st.executeQuery("SHOW " + setting)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
