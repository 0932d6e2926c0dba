package vn.dti.tracker.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import vn.dti.tracker.S3MockResource;

/**
 * deploy/backup: a product with the demo data and uploaded evidence is backed up while it runs, restored
 * into a new installation (an empty database and an empty evidence store), and the two are compared:
 * the row count of every table, and every stored file's SHA-256, recomputed from the restored bytes. The
 * restored product then works: its people sign in with their passwords and download their evidence. A
 * damaged backup and a target that is not empty are refused before anything is written. The round is
 * made with evidence on local disk and in S3-compatible storage (S3Mock).
 * <p>
 * The server is PostgreSQL 15 (Zonky's binaries, copied by the build into target/test-tools), the major
 * version of the pg_dump that Debian ships ({@code postgresql-client}, which {@code make test} installs).
 */
class BackupRestoreIT {

    static final Path WORK = Path.of("target", "backup-it").toAbsolutePath();
    static final Path SCRIPTS = Path.of("..", "deploy", "backup").toAbsolutePath().normalize();
    static final Path BINARIES = Path.of("target", "test-tools", "postgres-15-binaries.jar").toAbsolutePath();
    static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private EmbeddedPostgres postgres;
    private S3MockResource s3;
    private Process app;

    @AfterEach
    void stopEverything() throws Exception {
        PackagedProduct.stop(app);
        if (s3 != null) {
            s3.stop();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    /** An evidence store as the product and the scripts are told of it, and a way to read what it holds. */
    interface Store {
        Map<String, String> settings();

        byte[] read(String sha256) throws Exception;
    }

    record LocalStore(Path root) implements Store {
        public Map<String, String> settings() {
            return Map.of("DTI_EVIDENCE_STORAGE", "local", "DTI_EVIDENCE_LOCAL_DIRECTORY", root.toString());
        }

        public byte[] read(String sha) throws IOException {
            return Files.readAllBytes(root.resolve("objects").resolve(sha.substring(0, 2)).resolve(sha.substring(2, 4)).resolve(sha));
        }
    }

    /** A prefix of the test bucket of S3Mock: a new prefix is a new, empty store. */
    record S3Store(Map<String, String> server, String prefix) implements Store {
        public Map<String, String> settings() {
            Map<String, String> settings = new java.util.HashMap<>(server);
            settings.put("DTI_EVIDENCE_S3_PREFIX", prefix);
            return settings;
        }

        public byte[] read(String sha) throws Exception {
            URI object = URI.create(server.get("QUARKUS_S3_ENDPOINT_OVERRIDE") + "/" + server.get("DTI_EVIDENCE_S3_BUCKET") + "/" + prefix + sha);
            HttpResponse<byte[]> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(object).build(), HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, r.statusCode(), object.toString());
            return r.body();
        }
    }

    @Test
    void localEvidence() throws Exception {
        start("local");
        Script made = backUpAndRestore(new LocalStore(WORK.resolve("original").resolve("evidence")),
                new LocalStore(WORK.resolve("restored").resolve("evidence")));
        Path backup = WORK.resolve("backup");
        assertTrue(made.output().contains("evidence objects with their hashes checked"), made.output());

        // ---- refused before anything is written: a target that is not empty, a damaged backup ----
        Store elsewhere = new LocalStore(WORK.resolve("elsewhere").resolve("evidence"));
        Script intoFull = run("restore.sh", backup, "dti_restored", elsewhere);
        assertNotEquals(0, intoFull.exit());
        assertTrue(intoFull.output().contains("is not empty"), intoFull.output());
        Path damaged = WORK.resolve("damaged");
        copyTree(backup, damaged);
        try (Stream<Path> files = Files.walk(damaged.resolve("objects"))) {
            Path one = files.filter(Files::isRegularFile).findFirst().orElseThrow();
            Files.write(one, new byte[] {'x'}, StandardOpenOption.APPEND);
        }
        Script fromDamaged = run("restore.sh", damaged, "postgres", elsewhere);
        assertNotEquals(0, fromDamaged.exit());
        assertTrue(fromDamaged.output().contains("the backup is damaged"), fromDamaged.output());
        assertEquals(0, tablesIn("postgres"), "nothing was restored from the damaged backup");
        assertFalse(Files.exists(WORK.resolve("elsewhere")), "nothing was written to the store");
    }

    @Test
    void s3Evidence() throws Exception {
        start("s3");
        s3 = new S3MockResource();
        Map<String, String> server = new java.util.HashMap<>();
        s3.start().forEach((k, v) -> server.put(PackagedProduct.environmentName(k), v));
        // The product and the scripts reach S3Mock through the same settings: endpoint, bucket, keys, prefix.
        String prefix = "backup-it-" + UUID.randomUUID().toString().substring(0, 8);
        backUpAndRestore(new S3Store(server, prefix + "/evidence/"), new S3Store(server, prefix + "/restored/"));
    }

    /** A PostgreSQL 15 server for one test, with the original's database and an empty one to restore into. */
    private void start(String name) throws Exception {
        UploadCrashIT.deleteTree(WORK);
        Files.createDirectories(WORK);
        postgres = EmbeddedPostgres.builder().setDataDirectory(WORK.resolve("postgres-" + name)).setCleanDataDirectory(true)
                .setPgBinaryResolver((system, hardware) -> txz()).start();
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
            st.executeUpdate("create database dti encoding 'UTF8' template template0");
            st.executeUpdate("create database dti_restored encoding 'UTF8' template template0");
        }
    }

    /** The whole round: the original with evidence in {@code original}, backed up, restored into {@code restored}, compared. */
    private Script backUpAndRestore(Store original, Store restored) throws Exception {
        Path originalData = WORK.resolve("original");
        Path restoredData = WORK.resolve("restored");

        // ---- the original: demo data, a report, evidence (two files of the same content, one other) ----
        int port = PackagedProduct.freePort();
        app = PackagedProduct.start(jdbc("dti"), "postgres", originalData, port, WORK.resolve("original.log"), original.settings());
        String url = "http://localhost:" + port;
        String reporter = token(url, "reporter");
        String plan = json(get(url, "/api/v1/plans?q=XUANLOC-CDS-2026", reporter), 200).get("items").get(0).get("id").asText();
        String indicator = null;
        for (JsonNode i : json(get(url, "/api/v1/plans/" + plan + "/indicators?size=200", reporter), 200).get("items")) {
            if (i.get("code").asText().equals("C.1")) {
                indicator = i.get("id").asText();
            }
        }
        String report = json(http.send(HttpRequest.newBuilder(URI.create(url + "/api/v1/reports")).header("Authorization", "Bearer " + reporter)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"periodKey\":\"2026-06\",\"indicatorId\":\""
                        + indicator + "\",\"value\":{\"number\":57},\"achievements\":\"Số hóa 1.140 hồ sơ\"}")).build(),
                HttpResponse.BodyHandlers.ofString()), 201).get("id").asText();
        byte[] decision = pdf("Quyết định 45/QĐ-UBND");
        byte[] minutes = pdf("Biên bản kiểm tra");
        String attached = upload(url, reporter, "quyet-dinh-45.pdf", decision, report);
        upload(url, reporter, "ban-sao-quyet-dinh.pdf", decision, null);
        upload(url, reporter, "bien-ban.pdf", minutes, null);

        // ---- backed up while it runs ----
        Path backup = WORK.resolve("backup");
        Script made = run("backup.sh", backup, "dti", original);
        assertEquals(0, made.exit(), made.output());
        Map<String, Long> originalCounts = rowCounts("dti");
        Map<String, String> originalHashes = storedHashes("dti", original);
        PackagedProduct.stop(app);
        app = null;
        assertEquals(2, originalHashes.size());
        assertEquals(3L, originalCounts.get("evidence"));
        assertTrue(originalCounts.get("plan") >= 3 && originalCounts.get("indicator") >= 30 && originalCounts.get("audit_event") > 0,
                originalCounts.toString());

        // ---- restored into an empty database and an empty store ----
        Script restore = run("restore.sh", backup, "dti_restored", restored);
        assertEquals(0, restore.exit(), restore.output());
        assertEquals(originalCounts, rowCounts("dti_restored"));
        Map<String, String> restoredHashes = storedHashes("dti_restored", restored);
        assertEquals(originalHashes, restoredHashes, "every stored file, recomputed from its restored bytes");
        for (Map.Entry<String, String> file : restoredHashes.entrySet()) {
            assertEquals(file.getKey(), file.getValue(), "the restored content of " + file.getKey() + " hashes to its name");
        }

        // ---- the restored installation works ----
        port = PackagedProduct.freePort();
        Map<String, String> settings = new java.util.HashMap<>(restored.settings());
        settings.put("DTI_DEMO_LOAD", "false");
        app = PackagedProduct.start(jdbc("dti_restored"), "postgres", restoredData, port, WORK.resolve("restored.log"), settings);
        url = "http://localhost:" + port;
        String again = token(url, "reporter");
        HttpResponse<byte[]> download = http.send(HttpRequest.newBuilder(URI.create(url + "/api/v1/evidence/" + attached + "/content"))
                .header("Authorization", "Bearer " + again).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, download.statusCode());
        assertArrayEquals(decision, download.body());
        assertEquals(57, json(get(url, "/api/v1/reports/" + report, again), 200).get("value").get("number").asInt());
        JsonNode integrity = json(get(url, "/api/v1/evidence/integrity", token(url, "admin")), 200);
        assertEquals(0, integrity.get("problems").size(), integrity.toString());
        assertEquals(2, integrity.get("filesChecked").asInt());
        PackagedProduct.stop(app);
        app = null;
        return restore;
    }

    // ---- the scripts ----

    record Script(int exit, String output) {
    }

    /** Runs a backup script with the settings the service would have. */
    private Script run(String script, Path backup, String database, Store store) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("bash", SCRIPTS.resolve(script).toString(), backup.toString()).redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        env.put("PGHOST", "localhost");
        env.put("PGPORT", String.valueOf(postgres.getPort()));
        env.put("PGUSER", "postgres");
        env.put("PGDATABASE", database);
        env.putAll(store.settings());
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly().waitFor();
            throw new IllegalStateException(script + " did not finish in 5 minutes: " + output);
        }
        return new Script(p.exitValue(), output);
    }

    /** Zonky's PostgreSQL 15 archive from the binaries jar the build copied. */
    private static InputStream txz() throws IOException {
        if (!Files.isRegularFile(BINARIES)) {
            throw new IllegalStateException("PostgreSQL 15 binaries missing: " + BINARIES + " (made by the build's process-test-resources phase)");
        }
        ZipFile zip = new ZipFile(BINARIES.toFile());
        ZipEntry archive = zip.stream().filter(e -> e.getName().endsWith(".txz")).findFirst()
                .orElseThrow(() -> new IOException("no .txz in " + BINARIES));
        return new FilterInputStream(zip.getInputStream(archive)) {
            @Override
            public void close() throws IOException {
                super.close();
                zip.close();
            }
        };
    }

    // ---- the database and the store ----

    private String jdbc(String database) {
        return postgres.getJdbcUrl("postgres", database);
    }

    private Map<String, Long> rowCounts(String database) throws Exception {
        Map<String, Long> counts = new TreeMap<>();
        try (Connection c = DriverManager.getConnection(jdbc(database), "postgres", ""); Statement st = c.createStatement()) {
            List<String> tables = new java.util.ArrayList<>();
            try (ResultSet rs = st.executeQuery("select tablename from pg_tables where schemaname = 'public'")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            for (String table : tables) {
                try (ResultSet rs = st.executeQuery("select count(*) from public.\"" + table + "\"")) {
                    rs.next();
                    counts.put(table, rs.getLong(1));
                }
            }
        }
        return counts;
    }

    private long tablesIn(String database) throws Exception {
        try (Connection c = DriverManager.getConnection(jdbc(database), "postgres", ""); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("select count(*) from pg_tables where schemaname = 'public'")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Each stored_file row's hash, with the SHA-256 of the bytes the store holds under it. */
    private Map<String, String> storedHashes(String database, Store store) throws Exception {
        Map<String, String> hashes = new TreeMap<>();
        TreeSet<String> rows = new TreeSet<>();
        try (Connection c = DriverManager.getConnection(jdbc(database), "postgres", ""); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("select sha256 from stored_file")) {
            while (rs.next()) {
                rows.add(rs.getString(1).trim());
            }
        }
        for (String sha : rows) {
            hashes.put(sha, TwoInstancesIT.sha256(store.read(sha)));
        }
        return hashes;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }

    // ---- HTTP ----

    private String token(String url, String user) throws Exception {
        return json(http.send(HttpRequest.newBuilder(URI.create(url + "/api/v1/auth/token")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&username=" + user + "&password="
                        + URLEncoder.encode("Demo@2026", StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString()), 200)
                .get("access_token").asText();
    }

    private HttpResponse<String> get(String url, String path, String token) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url + path)).header("Authorization", "Bearer " + token).header("Accept", "application/json")
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private String upload(String url, String token, String name, byte[] content, String report) throws Exception {
        String query = "fileName=" + URLEncoder.encode(name, StandardCharsets.UTF_8) + (report == null ? "" : "&reportId=" + report);
        return json(http.send(HttpRequest.newBuilder(URI.create(url + "/api/v1/evidence/stream?" + query)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/octet-stream").POST(HttpRequest.BodyPublishers.ofByteArray(content)).build(),
                HttpResponse.BodyHandlers.ofString()), 201).get("id").asText();
    }

    private static byte[] pdf(String title) {
        return ("%PDF-1.4\n% " + title + " " + UUID.randomUUID() + "\n%%EOF\n").getBytes(StandardCharsets.UTF_8);
    }

    private static JsonNode json(HttpResponse<String> r, int status) throws Exception {
        assertEquals(status, r.statusCode(), r.request().method() + " " + r.uri() + ": " + r.body());
        return JSON.readTree(r.body());
    }
}
