package vn.dti.tracker.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The packaged product on its own embedded PostgreSQL, as {@code make run} starts it, while writers and uploaders
 * keep it busy:
 * <ul>
 * <li>every database process is killed (SIGKILL, as an OOM killer does) several times over: the product answers
 * 503 while the database is away, starts it again by itself, and every write it acknowledged is still there;</li>
 * <li>the product itself is killed (SIGKILL): the database stops with it, and the next start succeeds at once,
 * with every acknowledged write.</li>
 * </ul>
 */
class DatabaseCrashIT {

    static final Path WORK = Path.of("target", "database-crash-it").toAbsolutePath();
    static final Path DATA = WORK.resolve("data");
    static final Path CLUSTER = DATA.resolve("postgres");
    static final int DATABASE_KILLS = 8;
    static final int PRODUCT_KILLS = 2;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private Process app;
    private int port;

    /** What the product answered 201 to: org unit ids, and evidence ids with the hash of the bytes sent. */
    private final Map<String, String> acknowledgedUnits = new ConcurrentHashMap<>();
    private final Map<String, String> acknowledgedUploads = new ConcurrentHashMap<>();
    private final Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<String> unexpected = new ConcurrentLinkedQueue<>();

    @AfterEach
    void stop() throws InterruptedException {
        PackagedProduct.stop(app);
        awaitNoClusterProcesses();
    }

    @Test
    void acknowledgedWritesSurviveKilledDatabasesAndAKilledProduct() throws Exception {
        deleteTree(WORK);
        Files.createDirectories(DATA);
        port = PackagedProduct.freePort();
        app = start();

        for (int round = 1; round <= DATABASE_KILLS; round++) {
            int before = acknowledgedUnits.size();
            try (Load load = new Load()) {
                load.awaitAcknowledged(before + 10);
                List<ProcessHandle> killed = killCluster();
                assertFalse(killed.isEmpty(), "round " + round + ": the database was running");
                awaitReady();
                load.awaitAcknowledged(acknowledgedUnits.size() + 10);
            }
            assertTrue(app.isAlive(), "round " + round + ": the product outlived its database");
        }

        for (int round = 1; round <= PRODUCT_KILLS; round++) {
            try (Load load = new Load()) {
                load.awaitAcknowledged(acknowledgedUnits.size() + 10);
                app.destroyForcibly().waitFor();
            }
            // The database stops with the product; a server still shutting down is stopped by the next start.
            app = start();
        }

        String admin = signIn("admin");
        String reporter = signIn("reporter");
        List<String> missing = new ArrayList<>();
        for (String id : acknowledgedUnits.keySet()) {
            HttpResponse<String> r = send(HttpRequest.newBuilder(uri("/api/v1/org-units/" + id)).header("Authorization", "Bearer " + admin).build());
            if (r.statusCode() != 200) {
                missing.add("org unit " + id + ": " + r.statusCode());
            }
        }
        for (Map.Entry<String, String> upload : acknowledgedUploads.entrySet()) {
            HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(uri("/api/v1/evidence/" + upload.getKey() + "/content"))
                    .header("Authorization", "Bearer " + reporter).build(), HttpResponse.BodyHandlers.ofByteArray());
            if (r.statusCode() != 200 || !sha256(r.body()).equals(upload.getValue())) {
                missing.add("evidence " + upload.getKey() + ": " + r.statusCode());
            }
        }
        System.out.printf("Acknowledged: %d units, %d uploads; answers by status: %s%n", acknowledgedUnits.size(),
                acknowledgedUploads.size(), statuses);
        assertTrue(acknowledgedUnits.size() >= (DATABASE_KILLS + PRODUCT_KILLS) * 10, "writes went on between the crashes");
        assertFalse(acknowledgedUploads.isEmpty(), "uploads went on between the crashes");
        assertEquals(List.of(), missing, "acknowledged writes lost");
        assertEquals(List.of(), List.copyOf(unexpected), "answers other than 201 and 503 while the database was killed");
    }

    /** Writers (org units) and an uploader (evidence) running until closed. */
    private final class Load implements AutoCloseable {
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final ExecutorService pool = Executors.newFixedThreadPool(4);
        private final CountDownLatch stopped = new CountDownLatch(4);

        Load() throws Exception {
            String admin = signIn("admin");
            String reporter = signIn("reporter");
            for (int w = 0; w < 3; w++) {
                pool.submit(() -> loop(() -> createUnit(admin)));
            }
            pool.submit(() -> loop(() -> upload(reporter)));
        }

        private void loop(Step step) {
            try {
                while (running.get()) {
                    try {
                        step.run();
                    } catch (IOException e) {
                        // The connection to the product broke (the product was killed): nothing was acknowledged.
                        pause(50);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            } finally {
                stopped.countDown();
            }
        }

        void awaitAcknowledged(int units) throws InterruptedException {
            Instant until = Instant.now().plus(Duration.ofMinutes(3));
            while (acknowledgedUnits.size() < units && Instant.now().isBefore(until)) {
                Thread.sleep(20);
            }
            assertTrue(acknowledgedUnits.size() >= units, "the writers got " + acknowledgedUnits.size() + " of " + units + " writes through");
        }

        @Override
        public void close() throws InterruptedException {
            running.set(false);
            stopped.await(2, TimeUnit.MINUTES);
            pool.shutdownNow();
        }
    }

    private interface Step {
        void run() throws IOException, InterruptedException;
    }

    private void createUnit(String token) throws IOException, InterruptedException {
        String code = "CRASH." + Long.toHexString(new Random().nextLong()).toUpperCase();
        String body = "{\"code\":\"" + code + "\",\"name\":\"Đơn vị thử " + code + "\",\"kind\":\"DEPARTMENT\",\"parentId\":null}";
        HttpResponse<String> r = send(HttpRequest.newBuilder(uri("/api/v1/org-units")).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build());
        record(r.statusCode(), r.body());
        if (r.statusCode() == 201) {
            acknowledgedUnits.put(id(r.body()), code);
        }
    }

    private void upload(String token) throws IOException, InterruptedException {
        byte[] content = new byte[256 * 1024];
        new Random().nextBytes(content);
        System.arraycopy("%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII), 0, content, 0, 9);
        String boundary = "----crash-upload";
        byte[] body = PackagedProduct.fileForm(boundary, "bien-ban.pdf", "application/pdf", content);
        HttpResponse<String> r = send(HttpRequest.newBuilder(uri("/api/v1/evidence")).header("Authorization", "Bearer " + token)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
        record(r.statusCode(), r.body());
        if (r.statusCode() == 201) {
            acknowledgedUploads.put(id(r.body()), sha256(content));
        }
    }

    private void record(int status, String body) {
        statuses.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
        if (status == 503) {
            if (!body.contains("\"code\":\"service.database-unavailable\"")) {
                unexpected.add("503 without its problem code: " + body);
            }
        } else if (status != 201) {
            unexpected.add(status + ": " + body);
        }
    }

    // ---- the database's processes ----

    /** SIGKILL to every process working in the cluster's directory: the postmaster and all its children at once. */
    private static List<ProcessHandle> killCluster() {
        List<ProcessHandle> found = clusterProcesses();
        found.forEach(ProcessHandle::destroyForcibly);
        return found;
    }

    private static List<ProcessHandle> clusterProcesses() {
        List<ProcessHandle> found = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(Path.of("/proc"))) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (!name.chars().allMatch(Character::isDigit)) {
                    continue;
                }
                try {
                    if (Files.readSymbolicLink(entry.resolve("cwd")).equals(CLUSTER.toRealPath())) {
                        ProcessHandle.of(Long.parseLong(name)).ifPresent(found::add);
                    }
                } catch (IOException e) {
                    // gone, or not ours to read
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return found;
    }

    private static void awaitNoClusterProcesses() throws InterruptedException {
        Instant until = Instant.now().plus(Duration.ofSeconds(60));
        while (Files.isDirectory(CLUSTER) && !clusterProcesses().isEmpty() && Instant.now().isBefore(until)) {
            Thread.sleep(100);
        }
        assertTrue(!Files.isDirectory(CLUSTER) || clusterProcesses().isEmpty(), "the database stopped with the product");
    }

    // ---- the product ----

    private Process start() throws Exception {
        return PackagedProduct.startEmbedded(DATA, port, WORK.resolve("app.log"), Map.of());
    }

    private void awaitReady() throws InterruptedException {
        Instant until = Instant.now().plus(Duration.ofMinutes(2));
        while (Instant.now().isBefore(until)) {
            try {
                if (send(HttpRequest.newBuilder(uri("/q/health/ready")).build()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not answering yet
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the product did not recover its database");
    }

    private String signIn(String user) throws IOException, InterruptedException {
        String form = "grant_type=password&username=" + user + "&password=" + URLEncoder.encode("Demo@2026", StandardCharsets.UTF_8);
        Instant until = Instant.now().plus(Duration.ofMinutes(1));
        while (true) {
            HttpResponse<String> r = send(HttpRequest.newBuilder(uri("/api/v1/auth/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build());
            Matcher m = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"").matcher(r.body());
            if (m.find()) {
                return m.group(1);
            }
            if (r.statusCode() != 503 || Instant.now().isAfter(until)) {
                throw new AssertionError("sign-in of " + user + ": " + r.statusCode() + " " + r.body());
            }
            Thread.sleep(200);
        }
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static String id(String body) {
        Matcher m = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"").matcher(body);
        assertTrue(m.find(), body);
        return m.group(1);
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (var paths = Files.walk(root)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
