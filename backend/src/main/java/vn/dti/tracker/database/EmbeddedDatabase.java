package vn.dti.tracker.database;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.jboss.logging.Logger;
import org.postgresql.ds.PGSimpleDataSource;

import io.zonky.test.db.postgres.util.LinuxUtils;

/**
 * A real PostgreSQL server run from the binaries on the class path, used when no external database is
 * configured. Users run it for real, so a kept cluster is as durable as a production server:
 * <ul>
 * <li>{@code fsync}, {@code synchronous_commit} and {@code full_page_writes} are on, and new clusters carry data
 * checksums;</li>
 * <li>it listens on loopback only, with no Unix socket, and signs in only with a generated password
 * (scram-sha-256), kept beside the cluster in a file only its owner reads;</li>
 * <li>a server left running in the same data directory by a crashed product is found and stopped safely
 * (a fast shutdown, an immediate one if that hangs) before the start;</li>
 * <li>the server stops with the JVM, even one killed outright: it runs under a small guard that holds the
 * JVM's end of a pipe and stops the server when that pipe closes;</li>
 * <li>when the server dies, a supervisor starts it again on the same port, so the connection pool finds it
 * where it was.</li>
 * </ul>
 * A cluster that is not kept (tests) starts from an empty directory and trades durability for speed.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    public static final String DATABASE = "dti";
    public static final String SUPERUSER = "postgres";
    private static final Logger LOG = Logger.getLogger(EmbeddedDatabase.class);
    private static final Duration READY_TIMEOUT = Duration.ofMinutes(10);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);
    /** Consecutive failed restarts after which the product reports itself not alive, so a supervisor restarts it. */
    static final int RESTARTS_BEFORE_GIVING_UP = 6;

    /**
     * Runs the server ({@code $@}) with its standard input closed, and stops it with a fast shutdown when the
     * guard's own standard input (the JVM's pipe) reaches its end, or when the guard is asked to stop.
     */
    private static final String GUARD = String.join("\n",
            // A background job of a non-interactive shell reads /dev/null unless told otherwise: the watcher is given
            // the pipe through descriptor 3.
            "exec 3<&0",
            "\"$@\" < /dev/null 3<&- &",
            "server=$!",
            "trap 'kill -INT \"$server\" 2>/dev/null' INT TERM HUP",
            "( while read -r _; do :; done <&3; kill -INT \"$server\" 2>/dev/null ) &",
            "watcher=$!",
            "wait \"$server\"; status=$?",
            "while kill -0 \"$server\" 2>/dev/null; do wait \"$server\"; status=$?; done",
            "kill \"$watcher\" 2>/dev/null",
            "exit \"$status\"");

    private static volatile EmbeddedDatabase running;

    private final Path directory;
    private final Path bin;
    private final boolean durable;
    private final int port;
    private final Path passwordFile;
    private final Path logFile;
    private String password;
    private volatile Process server;
    private volatile OutputStream lifeline;
    private volatile boolean closed;
    private volatile int failedRestarts;
    private volatile Instant lastStart = Instant.now();

    private EmbeddedDatabase(Path directory, Path bin, boolean durable, int port) {
        this.directory = directory;
        this.bin = bin;
        this.durable = durable;
        this.port = port;
        this.passwordFile = directory.resolveSibling(directory.getFileName() + ".password");
        this.logFile = directory.resolveSibling(directory.getFileName() + ".log");
    }

    /**
     * @param directory where the cluster's files live
     * @param keep whether files already there are kept and written durably (the product), or the cluster starts
     *        empty and may lose its last writes in a crash (tests)
     */
    public static EmbeddedDatabase start(Path directory, boolean keep) {
        Path dir = directory.toAbsolutePath().normalize();
        try {
            Files.createDirectories(dir.getParent());
            EmbeddedDatabase database = new EmbeddedDatabase(dir, PostgresBinaries.prepare().resolve("bin"), keep, freePort());
            database.stopLeftovers();
            if (!keep) {
                PostgresBinaries.deleteTree(dir);
                Files.deleteIfExists(database.passwordFile);
            }
            database.prepareCluster();
            database.launch();
            database.awaitReady();
            database.createDatabase();
            database.supervise();
            running = database;
            LOG.infof("Embedded PostgreSQL started on 127.0.0.1:%d with its files in %s", database.port, dir);
            return database;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dir, e);
        }
    }

    /** The embedded server of this JVM, when one was started. */
    public static Optional<EmbeddedDatabase> current() {
        return Optional.ofNullable(running);
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE;
    }

    public String username() {
        return SUPERUSER;
    }

    public String password() {
        return password;
    }

    public int port() {
        return port;
    }

    public Path directory() {
        return directory;
    }

    /**
     * Whether the server can still come back without restarting the product: false once it has failed to start
     * again {@value #RESTARTS_BEFORE_GIVING_UP} times in a row.
     */
    public boolean recoverable() {
        return closed || failedRestarts < RESTARTS_BEFORE_GIVING_UP;
    }

    /** The guard process the server runs under (for tests that play a crash). */
    Process guard() {
        return server;
    }

    /** Stops supervising without stopping anything, as a product that crashed would (for tests that play a crash). */
    void abandon() {
        closed = true;
        if (running == this) {
            running = null;
        }
    }

    /** The process id of the running server's postmaster, or empty while it is down. */
    public Optional<Long> postmasterPid() {
        return ClusterProcesses.postmaster(directory).map(ProcessHandle::pid);
    }

    /**
     * A PostgreSQL program's command. PostgreSQL refuses to run as root; where the product runs as root (a
     * developer's container), the programs run in a user namespace of their own, as Zonky's launcher does.
     */
    private List<String> program(String name, String... args) {
        List<String> command = new ArrayList<>();
        if (LinuxUtils.isUnshareAvailable()) {
            command.addAll(List.of("unshare", "-U"));
        }
        command.add(bin.resolve(name).toString());
        command.addAll(List.of(args));
        return command;
    }

    private void prepareCluster() throws IOException {
        if (!Files.exists(directory.resolve("PG_VERSION"))) {
            initialize();
        } else if (!Files.exists(passwordFile)) {
            // A cluster made before the product set a password: give its superuser one, in single-user mode, so that
            // no port is open while it has none.
            String fresh = newPassword();
            singleUser("ALTER ROLE " + SUPERUSER + " PASSWORD '" + fresh + "'");
            writePassword(fresh);
        }
        password = Files.readString(passwordFile, StandardCharsets.UTF_8).trim();
        writeAccessRules();
    }

    private void initialize() throws IOException {
        // initdb works in a folder beside the cluster's and the result is moved in at once: a start cut off while
        // creating the cluster leaves nothing that looks like a cluster.
        Path staging = directory.resolveSibling(directory.getFileName() + ".initdb");
        PostgresBinaries.deleteTree(staging);
        PostgresBinaries.deleteTree(directory);
        String fresh = newPassword();
        Path pwfile = directory.resolveSibling(directory.getFileName() + ".initdb-password");
        writePrivate(pwfile, fresh);
        try {
            run(program("initdb", "-D", staging.toString(), "-U", SUPERUSER, "-E", "UTF8", "--auth=scram-sha-256",
                    "--pwfile=" + pwfile, durable ? "--data-checksums" : "--no-sync"), Duration.ofMinutes(5));
        } finally {
            Files.deleteIfExists(pwfile);
        }
        Files.move(staging, directory, StandardCopyOption.ATOMIC_MOVE);
        writePassword(fresh);
    }

    private void singleUser(String sql) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(program("postgres", "--single", "-D", directory.toString(), "-c", "exit_on_error=true",
                SUPERUSER)).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        Process p = pb.start();
        try (OutputStream in = p.getOutputStream()) {
            in.write((sql + "\n").getBytes(StandardCharsets.UTF_8));
        }
        await(p, Duration.ofMinutes(5), "postgres --single");
    }

    /** pg_hba.conf, written at every start: password sign-in over loopback and nothing else. */
    private void writeAccessRules() throws IOException {
        String rules = """
                # Written by the DTI plan tracker at each start of its embedded PostgreSQL: only password sign-in
                # (scram-sha-256) over loopback. The password is in the file beside this cluster.
                host all all 127.0.0.1/32 scram-sha-256
                host all all ::1/128 scram-sha-256
                """;
        Files.writeString(directory.resolve("pg_hba.conf"), rules, StandardCharsets.UTF_8);
    }

    private void launch() throws IOException {
        List<String> postgres = program("postgres", "-D", directory.toString(),
                "-c", "listen_addresses=127.0.0.1", "-c", "port=" + port, "-c", "unix_socket_directories=",
                "-c", "timezone=UTC", "-c", "max_connections=100", "-c", "password_encryption=scram-sha-256");
        String onOff = durable ? "on" : "off";
        for (String setting : List.of("fsync", "synchronous_commit", "full_page_writes")) {
            postgres.add("-c");
            postgres.add(setting + "=" + onOff);
        }
        List<String> command = new ArrayList<>();
        if (java.io.File.separatorChar == '/') {
            command.addAll(List.of("/bin/sh", "-c", GUARD, "dti-embedded-postgres"));
        }
        command.addAll(postgres);
        ProcessBuilder pb = new ProcessBuilder(command).directory(directory.getParent().toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        pb.environment().keySet().removeIf(k -> k.startsWith("PG"));
        Process process = pb.start();
        lastStart = Instant.now();
        server = process;
        // Kept open for as long as this JVM wants the server; its end, however the JVM ends, stops the server.
        lifeline = process.getOutputStream();
    }

    private void awaitReady() {
        Instant until = Instant.now().plus(READY_TIMEOUT);
        SQLException last = null;
        while (Instant.now().isBefore(until)) {
            if (!server.isAlive()) {
                throw new IllegalStateException("The embedded PostgreSQL stopped while starting (exit " + server.exitValue()
                        + "); see " + logFile);
            }
            try (Connection c = dataSource("postgres").getConnection(); Statement s = c.createStatement()) {
                s.execute("SELECT 1");
                return;
            } catch (SQLException e) {
                last = e;
            }
            pause(Duration.ofMillis(100));
        }
        throw new IllegalStateException("The embedded PostgreSQL was not ready after " + READY_TIMEOUT + "; see " + logFile, last);
    }

    private void createDatabase() {
        try (Connection connection = dataSource("postgres").getConnection(); Statement statement = connection.createStatement()) {
            try (ResultSet rs = statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'")) {
                if (rs.next()) {
                    return;
                }
            }
            statement.executeUpdate("CREATE DATABASE " + DATABASE + " ENCODING 'UTF8' TEMPLATE template0");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create the database " + DATABASE, e);
        }
    }

    private PGSimpleDataSource dataSource(String database) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setServerNames(new String[] {"127.0.0.1"});
        ds.setPortNumbers(new int[] {port});
        ds.setDatabaseName(database);
        ds.setUser(SUPERUSER);
        ds.setPassword(password);
        ds.setConnectTimeout(5);
        ds.setLoginTimeout(5);
        return ds;
    }

    private void supervise() {
        Thread supervisor = new Thread(this::superviseLoop, "embedded-postgres-supervisor");
        supervisor.setDaemon(true);
        supervisor.start();
    }

    private void superviseLoop() {
        while (!closed) {
            Process watched = server;
            int exit;
            try {
                exit = watched.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (closed) {
                return;
            }
            LOG.errorf("The embedded PostgreSQL stopped unexpectedly (exit %d); starting it again", exit);
            restartUntilRunning();
        }
    }

    private void restartUntilRunning() {
        int attempt = 0;
        while (!closed) {
            try {
                closeLifeline();
                stopLeftovers();
                writeAccessRules();
                launch();
                if (closed) {
                    closeLifeline();
                    return;
                }
                awaitReady();
                failedRestarts = 0;
                LOG.infof("Embedded PostgreSQL running again on 127.0.0.1:%d", port);
                return;
            } catch (RuntimeException | IOException e) {
                attempt++;
                failedRestarts = attempt;
                LOG.errorf(e, "The embedded PostgreSQL did not start again (attempt %d)", attempt);
                pause(Duration.ofSeconds(Math.min(30, 1L << Math.min(attempt, 5))));
            }
        }
    }

    /**
     * Stops what a crash left working in this cluster's directory: the postmaster, with a fast shutdown (an
     * immediate one if that does not end in time), then any server process that outlived it.
     */
    private void stopLeftovers() throws IOException {
        Optional<ProcessHandle> postmaster = ClusterProcesses.postmaster(directory);
        if (postmaster.isPresent()) {
            LOG.warnf("A PostgreSQL server (pid %d) is still running in %s; stopping it before the start", postmaster.get().pid(),
                    directory);
            int fast = run(program("pg_ctl", "stop", "-D", directory.toString(), "-m", "fast", "-w", "-t", "60"), STOP_TIMEOUT.plusSeconds(10), false);
            if (fast != 0 && postmaster.get().isAlive()) {
                run(program("pg_ctl", "stop", "-D", directory.toString(), "-m", "immediate", "-w", "-t", "30"), Duration.ofSeconds(40), false);
            }
            awaitExit(postmaster.get(), Duration.ofSeconds(10));
        }
        List<ProcessHandle> rest = ClusterProcesses.all(directory);
        if (!rest.isEmpty()) {
            // Backends of a postmaster that was killed leave on their own once they notice; those that do not hold its
            // shared memory and keep a new server from starting.
            Instant until = Instant.now().plusSeconds(10);
            for (ProcessHandle p : rest) {
                awaitExit(p, Duration.between(Instant.now(), until));
            }
            for (ProcessHandle p : ClusterProcesses.all(directory)) {
                LOG.warnf("Stopping PostgreSQL process %d left from a crash in %s", p.pid(), directory);
                p.destroyForcibly();
                awaitExit(p, Duration.ofSeconds(10));
            }
        }
    }

    private static void awaitExit(ProcessHandle process, Duration timeout) {
        try {
            process.onExit().get(Math.max(0, timeout.toMillis()), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException e) {
            // still there; the caller decides
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void closeLifeline() {
        OutputStream line = lifeline;
        lifeline = null;
        if (line != null) {
            try {
                line.close();
            } catch (IOException e) {
                // the guard is gone already
            }
        }
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (running == this) {
            running = null;
        }
        Process guard = server;
        closeLifeline();
        try {
            if (guard != null && !guard.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                LOG.warn("The embedded PostgreSQL did not stop in time; stopping it immediately");
                run(program("pg_ctl", "stop", "-D", directory.toString(), "-m", "immediate", "-w", "-t", "30"), Duration.ofSeconds(40), false);
                guard.destroyForcibly();
            }
            LOG.info("Embedded PostgreSQL stopped");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            LOG.warn("The embedded PostgreSQL did not stop cleanly", e);
        }
    }

    private void run(List<String> command, Duration timeout) throws IOException {
        run(command, timeout, true);
    }

    private int run(List<String> command, Duration timeout, boolean mustSucceed) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        pb.environment().keySet().removeIf(k -> k.startsWith("PG"));
        Process p = pb.start();
        p.getOutputStream().close();
        String name = command.stream().filter(c -> c.startsWith(bin.toString())).map(c -> Path.of(c).getFileName().toString())
                .findFirst().orElse(command.get(0));
        int exit = await(p, timeout, name);
        if (mustSucceed && exit != 0) {
            throw new IOException(name + " failed (exit " + exit + "); see " + logFile);
        }
        return exit;
    }

    private static int await(Process p, Duration timeout, String what) throws IOException {
        try {
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                throw new IOException(what + " did not finish in " + timeout);
            }
            return p.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(what + " was interrupted", e);
        }
    }

    private void writePassword(String value) throws IOException {
        Path partial = passwordFile.resolveSibling(passwordFile.getFileName() + ".partial");
        writePrivate(partial, value);
        Files.move(partial, passwordFile, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private static void writePrivate(Path file, String value) throws IOException {
        Files.deleteIfExists(file);
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(file);
        }
        try (var channel = java.nio.channels.FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.write(java.nio.ByteBuffer.wrap(value.getBytes(StandardCharsets.UTF_8)));
            channel.force(true);
        }
    }

    private static String newPassword() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        // URL-safe Base64 has no quote or backslash, so it is safe inside the SQL literal of ALTER ROLE.
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
