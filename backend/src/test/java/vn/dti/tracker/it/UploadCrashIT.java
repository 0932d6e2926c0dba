package vn.dti.tracker.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import vn.dti.tracker.database.EmbeddedDatabase;

/**
 * The packaged product is killed (SIGKILL) in the middle of an evidence upload, then started again:
 * no half file is left on disk or in the store, and no row points at content that is not there.
 */
class UploadCrashIT {

    static final Path WORK = Path.of("target", "crash-it").toAbsolutePath();
    static final Path DATA = WORK.resolve("data");

    private EmbeddedDatabase database;
    private Process app;
    private int port;

    @AfterEach
    void stopEverything() throws InterruptedException {
        PackagedProduct.stop(app);
        if (database != null) {
            database.close();
        }
    }

    @Test
    void aStopInTheMiddleOfAnUploadLeavesNothingHalfDone() throws Exception {
        deleteTree(WORK);
        Files.createDirectories(DATA);
        database = EmbeddedDatabase.start(WORK.resolve("postgres"), false);
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        app = start();
        String token = signIn("reporter");

        // Declare 20 MB, send 6 MB of it, and wait until the server is writing it to disk.
        Path uploads = DATA.resolve("uploads");
        try (Socket socket = new Socket("localhost", port)) {
            OutputStream out = socket.getOutputStream();
            String boundary = "----cat-ngang";
            String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"bi-cat.pdf\"\r\n"
                    + "Content-Type: application/pdf\r\n\r\n";
            long total = 20L * 1024 * 1024;
            out.write(("POST /api/v1/evidence HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + token
                    + "\r\nContent-Type: multipart/form-data; boundary=" + boundary + "\r\nContent-Length: " + total + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.write("%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = new byte[64 * 1024];
            for (int i = 0; i < 96; i++) {
                out.write(chunk);
            }
            out.flush();
            awaitPartialUpload(uploads);
            app.destroyForcibly().waitFor();
        }
        assertTrue(sizeOfFiles(uploads) > 0, "the stop came while the upload was being written");

        app = start();
        assertEquals(0, filesIn(uploads), "partial uploads are removed at start");
        assertEquals(0, filesIn(DATA.resolve("evidence").resolve("partial")));
        assertEquals(0, count("select count(*) from evidence where file_name = 'bi-cat.pdf'"));
        // Every stored file has its row and every row its file.
        String integrity = get("/api/v1/evidence/integrity", signIn("admin"));
        assertTrue(integrity.contains("\"problems\":[]"), integrity);
        assertEquals(count("select count(*) from stored_file"), filesIn(DATA.resolve("evidence").resolve("objects")));

        // And the product takes the same upload whole after the restart.
        String created = upload(signIn("reporter"), "bi-cat.pdf", "%PDF-1.4\nnguyen ven\n%%EOF\n".getBytes(StandardCharsets.US_ASCII));
        assertTrue(created.contains("\"mediaType\":\"application/pdf\""), created);
        assertEquals(1, count("select count(*) from evidence where file_name = 'bi-cat.pdf'"));

        // Large bodies at once through the streaming path: each is paused and resumed many times over while it is
        // hashed and written, and each is stored whole, under its own hash.
        List<Path> files = new ArrayList<>();
        java.util.Random random = new java.util.Random(84);
        for (int i = 0; i < 4; i++) {
            byte[] content = new byte[40 * 1024 * 1024 + 4321 * i];
            random.nextBytes(content);
            System.arraycopy("%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII), 0, content, 0, 9);
            Path file = WORK.resolve("lon-" + i + ".pdf");
            Files.write(file, content);
            files.add(file);
        }
        String reporter = signIn("reporter");
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        List<java.util.concurrent.CompletableFuture<HttpResponse<String>>> sent = new ArrayList<>();
        for (Path file : files) {
            sent.add(client.sendAsync(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/evidence/stream?fileName="
                    + file.getFileName())).timeout(Duration.ofSeconds(120)).header("Authorization", "Bearer " + reporter)
                    .header("Content-Type", "application/octet-stream").POST(HttpRequest.BodyPublishers.ofFile(file)).build(),
                    HttpResponse.BodyHandlers.ofString()));
        }
        for (int i = 0; i < files.size(); i++) {
            HttpResponse<String> answer = sent.get(i).get(150, java.util.concurrent.TimeUnit.SECONDS);
            assertEquals(201, answer.statusCode(), answer.body());
            String sha = sha256(files.get(i));
            assertTrue(answer.body().contains("\"sha256\":\"" + sha + "\""), answer.body());
            Path stored = DATA.resolve("evidence").resolve("objects").resolve(sha.substring(0, 2)).resolve(sha.substring(2, 4)).resolve(sha);
            assertEquals(Files.size(files.get(i)), Files.size(stored));
            assertEquals(sha, sha256(stored));
        }
    }

    private static String sha256(Path file) throws Exception {
        java.security.MessageDigest digest = java.security.MessageDigest.getInstance("SHA-256");
        try (var in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0;) {
                digest.update(buffer, 0, n);
            }
        }
        return java.util.HexFormat.of().formatHex(digest.digest());
    }

    // ---- the product as a process ----

    /** With a small receive window, so that large uploads are paused and resumed many times over. */
    private Process start() throws Exception {
        return PackagedProduct.start(database, DATA, port, WORK.resolve("app.log"), java.util.Map.of("DTI_EVIDENCE_RECEIVE_WINDOW", "256K"));
    }

    private String signIn(String user) throws Exception {
        String form = "grant_type=password&username=" + user + "&password=" + URLEncoder.encode("Demo@2026", StandardCharsets.UTF_8);
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/auth/token"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher m = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"").matcher(r.body());
        assertTrue(m.find(), r.body());
        return m.group(1);
    }

    private String get(String path, String token) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private String upload(String token, String name, byte[] content) throws Exception {
        String boundary = "----nguyen-ven";
        byte[] body = PackagedProduct.fileForm(boundary, name, "application/octet-stream", content);
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/evidence"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(201, r.statusCode(), r.body());
        return r.body();
    }

    private long count(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password());
                Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    // ---- files ----

    private static void awaitPartialUpload(Path uploads) throws InterruptedException {
        Instant until = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(until)) {
            if (sizeOfFiles(uploads) > 1024 * 1024) {
                return;
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("the server never started writing the upload to " + uploads);
    }

    static long sizeOfFiles(Path dir) {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        } catch (IOException e) {
            return 0;
        }
    }

    static long filesIn(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).count();
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        List<Path> all = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dir)) {
            files.forEach(all::add);
        }
        for (int i = all.size() - 1; i >= 0; i--) {
            Files.deleteIfExists(all.get(i));
        }
    }
}
