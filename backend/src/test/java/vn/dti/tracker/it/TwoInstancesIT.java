package vn.dti.tracker.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import vn.dti.tracker.S3MockResource;
import vn.dti.tracker.auth.SigningKeys;
import vn.dti.tracker.database.EmbeddedDatabase;

/**
 * Two instances of the packaged product on different ports, configured as several instances behind a
 * load balancer are: one database, one S3-compatible evidence store (S3Mock), the same token keys, and a
 * data directory each. Nothing that one instance knows is missing on the other: a token issued by one is
 * accepted by the other, a report and its evidence written through one are read through the other, and
 * the background jobs that both fire run once between them. Their logs are JSON lines with the request's
 * id and no password, token, name or e-mail address.
 */
class TwoInstancesIT {

    static final Path WORK = Path.of("target", "two-instances-it").toAbsolutePath();
    static final ObjectMapper JSON = new ObjectMapper();
    static final String PASSWORD = "Demo@2026";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private EmbeddedDatabase database;
    private S3MockResource s3;
    private Process a;
    private Process b;

    @AfterEach
    void stopEverything() throws InterruptedException {
        PackagedProduct.stop(a);
        PackagedProduct.stop(b);
        if (s3 != null) {
            s3.stop();
        }
        if (database != null) {
            database.close();
        }
    }

    @Test
    void twoInstancesShareTokensReportsEvidenceAndRunEachJobOnce() throws Exception {
        UploadCrashIT.deleteTree(WORK);
        Files.createDirectories(WORK);
        database = EmbeddedDatabase.start(WORK.resolve("postgres"), false);
        s3 = new S3MockResource();
        Map<String, String> shared = new HashMap<>();
        s3.start().forEach((k, v) -> shared.put(PackagedProduct.environmentName(k), v));
        Path keys = SigningKeys.ensure(WORK.resolve("keys"));
        shared.put("DTI_AUTH_PRIVATE_KEY_FILE", keys.resolve(SigningKeys.PRIVATE_FILE).toString());
        shared.put("DTI_AUTH_PUBLIC_KEY_FILE", keys.resolve(SigningKeys.PUBLIC_FILE).toString());
        // Both schedulers on, each job's first turn a second after start; the interval stays the hour of production.
        shared.put("QUARKUS_SCHEDULER_ENABLED", "true");
        shared.put("DTI_EVIDENCE_SWEEP_DELAY", "1s");
        shared.put("DTI_REPORTING_REMINDER_DELAY", "1s");

        int portA = PackagedProduct.freePort();
        a = start("a", portA, shared);
        int portB = PackagedProduct.freePort();
        b = start("b", portB, shared);
        String urlA = "http://localhost:" + portA;
        String urlB = "http://localhost:" + portB;

        // ---- a token issued by one is accepted by the other; the sign-in's refresh token too ----
        JsonNode signedIn = signIn(urlA, "reporter");
        String reporter = signedIn.get("access_token").asText();
        JsonNode me = json(send(urlB, "GET", "/api/v1/me", reporter, null, null), 200);
        assertEquals("reporter", me.get("username").asText());
        JsonNode refreshed = json(http.send(form(urlB + "/api/v1/auth/token", "grant_type=refresh_token&refresh_token="
                + URLEncoder.encode(signedIn.get("refresh_token").asText(), StandardCharsets.UTF_8)), HttpResponse.BodyHandlers.ofString()), 200);
        // The old refresh token was rotated through B: A refuses it now.
        HttpResponse<String> reused = http.send(form(urlA + "/api/v1/auth/token", "grant_type=refresh_token&refresh_token="
                + URLEncoder.encode(signedIn.get("refresh_token").asText(), StandardCharsets.UTF_8)), HttpResponse.BodyHandlers.ofString());
        assertEquals(401, reused.statusCode(), reused.body());
        assertNotEquals(signedIn.get("access_token").asText(), refreshed.get("access_token").asText());

        // ---- a report written through A is read, changed and submitted through B ----
        String admin = signIn(urlB, "admin").get("access_token").asText();
        String plan = json(send(urlA, "GET", "/api/v1/plans?q=XUANLOC-CDS-2026", reporter, null, null), 200).get("items").get(0).get("id").asText();
        String indicator = null;
        for (JsonNode i : json(send(urlB, "GET", "/api/v1/plans/" + plan + "/indicators?size=200", reporter, null, null), 200).get("items")) {
            if (i.get("code").asText().equals("C.1")) {
                indicator = i.get("id").asText();
            }
        }
        HttpResponse<String> created = send(urlA, "POST", "/api/v1/reports", reporter, null,
                "{\"periodKey\":\"2026-05\",\"indicatorId\":\"" + indicator + "\",\"value\":{\"number\":42},"
                        + "\"achievements\":\"Tiếp nhận 840 hồ sơ trực tuyến\"}");
        String report = json(created, 201).get("id").asText();
        HttpResponse<String> readOnB = send(urlB, "GET", "/api/v1/reports/" + report, reporter, null, null);
        JsonNode onB = json(readOnB, 200);
        assertEquals(42, onB.get("value").get("number").asInt());
        assertEquals("Tiếp nhận 840 hồ sơ trực tuyến", onB.get("achievements").asText());
        assertEquals(created.headers().firstValue("ETag").orElseThrow(), readOnB.headers().firstValue("ETag").orElseThrow());

        // Its evidence: uploaded through A into the shared store, downloaded through B, byte for byte.
        byte[] pdf = ("%PDF-1.4\n% bien ban " + UUID.randomUUID() + "\n%%EOF\n").getBytes(StandardCharsets.US_ASCII);
        HttpResponse<String> uploaded = http.send(HttpRequest.newBuilder(URI.create(urlA + "/api/v1/evidence/stream?fileName=bien-ban.pdf&reportId=" + report))
                .header("Authorization", "Bearer " + reporter).header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(pdf)).build(), HttpResponse.BodyHandlers.ofString());
        String evidence = json(uploaded, 201).get("id").asText();
        HttpResponse<byte[]> downloaded = http.send(HttpRequest.newBuilder(URI.create(urlB + "/api/v1/evidence/" + evidence + "/content"))
                .header("Authorization", "Bearer " + reporter).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, downloaded.statusCode());
        assertEquals(sha256(pdf), sha256(downloaded.body()));

        String etag = send(urlA, "GET", "/api/v1/reports/" + report, reporter, null, null).headers().firstValue("ETag").orElseThrow();
        json(send(urlB, "POST", "/api/v1/reports/" + report + "/submit", reporter, etag, null), 200);
        JsonNode submitted = json(send(urlA, "GET", "/api/v1/reports/" + report, reporter, null, null), 200);
        assertEquals("SUBMITTED", submitted.get("state").asText());
        assertEquals(1, submitted.get("evidenceCount").asInt());

        // ---- the jobs both instances fired ran once between them ----
        for (String job : List.of("reminders", "evidence-sweep")) {
            awaitTurns(urlA, job);
            awaitTurns(urlB, job);
            Map<String, Double> onA = jobTurns(urlA, job);
            Map<String, Double> onBTurns = jobTurns(urlB, job);
            assertEquals(1.0, onA.getOrDefault("ran", 0.0) + onBTurns.getOrDefault("ran", 0.0), job + ": A " + onA + ", B " + onBTurns);
            assertEquals(1.0, onA.getOrDefault("skipped", 0.0) + onBTurns.getOrDefault("skipped", 0.0), job + ": A " + onA + ", B " + onBTurns);
            assertEquals(0.0, onA.getOrDefault("failed", 0.0) + onBTurns.getOrDefault("failed", 0.0), job);
            assertEquals(1, count("select runs from scheduled_job where name = '" + job + "' and last_outcome = 'RAN'"), job);
        }

        // ---- a sweep asked of both at the same moment removes each orphan once ----
        List<String> orphans = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String via = i % 2 == 0 ? urlA : urlB;
            byte[] content = ("%PDF-1.4\n% mo coi " + UUID.randomUUID() + "\n%%EOF\n").getBytes(StandardCharsets.US_ASCII);
            orphans.add(json(http.send(HttpRequest.newBuilder(URI.create(via + "/api/v1/evidence/stream?fileName=mo-coi-" + i + ".pdf"))
                    .header("Authorization", "Bearer " + reporter).header("Content-Type", "application/octet-stream")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(content)).build(), HttpResponse.BodyHandlers.ofString()), 201).get("id").asText());
        }
        long filesBefore = count("select count(*) from stored_file");
        try (Connection c = connect(); PreparedStatement st = c.prepareStatement(
                "update evidence set unattached_since = now() - interval '2 days' where id = any(?)")) {
            st.setArray(1, c.createArrayOf("uuid", orphans.stream().map(UUID::fromString).toArray()));
            assertEquals(4, st.executeUpdate());
        }
        CountDownLatch together = new CountDownLatch(1);
        CompletableFuture<JsonNode> sweepA = CompletableFuture.supplyAsync(() -> sweep(urlA, admin, together));
        CompletableFuture<JsonNode> sweepB = CompletableFuture.supplyAsync(() -> sweep(urlB, admin, together));
        together.countDown();
        JsonNode resultA = sweepA.get();
        JsonNode resultB = sweepB.get();
        assertEquals(4, resultA.get("evidenceRemoved").asInt() + resultB.get("evidenceRemoved").asInt(), resultA + " " + resultB);
        assertEquals(4, resultA.get("filesRemoved").asInt() + resultB.get("filesRemoved").asInt(), resultA + " " + resultB);
        assertEquals(filesBefore - 4, count("select count(*) from stored_file"));
        JsonNode integrity = json(send(urlB, "GET", "/api/v1/evidence/integrity", admin, null, null), 200);
        assertEquals(0, integrity.get("problems").size(), integrity.toString());
        assertEquals(filesBefore - 4, integrity.get("filesChecked").asLong());

        // ---- logs: JSON lines with the request id; no secret and no personal data ----
        String requestId = "it-" + UUID.randomUUID().toString().substring(0, 8);
        String stranger = "Nguyễn Thị Minh Khai";
        String email = "minh.khai." + UUID.randomUUID().toString().substring(0, 6) + "@xuanloc.gov.vn";
        String unit = json(send(urlA, "GET", "/api/v1/me", reporter, null, null), 200).get("unit").get("id").asText();
        json(send(urlA, "POST", "/api/v1/users", admin, null, "{\"username\":\"minhkhai\",\"fullName\":\"" + stranger + "\",\"email\":\""
                + email + "\",\"orgUnitId\":\"" + unit + "\",\"roles\":[\"UNIT_REPORTER\"],\"password\":\"Rieng-tu@2026x\"}"), 201);
        HttpResponse<String> wrong = http.send(form(urlB + "/api/v1/auth/token", "grant_type=password&username=minhkhai&password=Sai-mat-khau%402026"),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(401, wrong.statusCode());
        HttpResponse<String> traced = http.send(HttpRequest.newBuilder(URI.create(urlB + "/api/v1/reports/" + UUID.randomUUID()))
                .header("Authorization", "Bearer " + reporter).header("X-Request-Id", requestId).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(404, traced.statusCode());
        assertEquals(requestId, JSON.readTree(traced.body()).get("requestId").asText());
        Thread.sleep(500);
        PackagedProduct.stop(a);
        PackagedProduct.stop(b);

        boolean tracedInLog = false;
        for (String instance : List.of("a", "b")) {
            String log = Files.readString(WORK.resolve(instance + ".log"));
            int lines = 0;
            for (String line : log.split("\n")) {
                if (line.isBlank() || line.startsWith("WARNING: ") || line.startsWith("OpenJDK")) {
                    continue; // the JVM's own notices, before logging starts
                }
                JsonNode entry = JSON.readTree(line);
                assertTrue(entry.has("level") && entry.has("message") && entry.has("timestamp"), line);
                lines++;
                if (entry.path("mdc").path("requestId").asText().equals(requestId) && entry.get("message").asText().contains("404")) {
                    tracedInLog = true;
                }
            }
            assertTrue(lines > 10, instance + " logged " + lines + " lines");
            for (String secret : List.of(PASSWORD, "Rieng-tu@2026x", "Sai-mat-khau", reporter, admin, signedIn.get("refresh_token").asText(),
                    stranger, email)) {
                assertFalse(log.contains(secret), instance + "'s log holds a secret or personal data: " + secret);
            }
        }
        assertTrue(tracedInLog, "the access log line of the 404 carries the client's request id");
    }

    // ---- the instances ----

    /** Each instance's metrics (on its management interface), by the instance's base URL. */
    private final Map<String, String> metricsOf = new HashMap<>();

    private Process start(String name, int port, Map<String, String> shared) throws Exception {
        Map<String, String> settings = new HashMap<>(shared);
        settings.put("DTI_INSTANCE_NAME", "instance-" + name);
        int management = PackagedProduct.freePort();
        settings.put("QUARKUS_MANAGEMENT_PORT", String.valueOf(management));
        metricsOf.put("http://localhost:" + port, "http://localhost:" + management + "/q/metrics");
        Path data = WORK.resolve(name);
        Files.createDirectories(data);
        return PackagedProduct.start(database, data, port, WORK.resolve(name + ".log"), settings);
    }

    private void awaitTurns(String url, String job) throws Exception {
        Instant until = Instant.now().plus(Duration.ofSeconds(90));
        while (Instant.now().isBefore(until)) {
            Map<String, Double> turns = jobTurns(url, job);
            if (turns.values().stream().mapToDouble(Double::doubleValue).sum() >= 1) {
                return;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("no turn of " + job + " on " + url + " within 90 s");
    }

    /** dti_jobs_total of one job on one instance, by outcome. */
    private Map<String, Double> jobTurns(String url, String job) throws Exception {
        String text = http.send(HttpRequest.newBuilder(URI.create(metricsOf.get(url))).build(), HttpResponse.BodyHandlers.ofString()).body();
        Map<String, Double> turns = new HashMap<>();
        Matcher m = Pattern.compile("(?m)^dti_jobs_total\\{([^}]*)\\} (\\S+)$").matcher(text);
        while (m.find()) {
            String labels = m.group(1);
            if (labels.contains("job=\"" + job + "\"")) {
                Matcher outcome = Pattern.compile("outcome=\"([a-z]+)\"").matcher(labels);
                if (outcome.find()) {
                    turns.merge(outcome.group(1), Double.parseDouble(m.group(2)), Double::sum);
                }
            }
        }
        return turns;
    }

    private JsonNode sweep(String url, String token, CountDownLatch together) {
        try {
            together.await();
            return json(send(url, "POST", "/api/v1/evidence/sweep", token, null, null), 200);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- HTTP ----

    private JsonNode signIn(String url, String user) throws Exception {
        return json(http.send(form(url + "/api/v1/auth/token", "grant_type=password&username=" + user + "&password="
                + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8)), HttpResponse.BodyHandlers.ofString()), 200);
    }

    private static HttpRequest form(String url, String body) {
        return HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private HttpResponse<String> send(String url, String method, String path, String token, String ifMatch, String body) throws Exception {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(url + path)).header("Authorization", "Bearer " + token)
                .header("Accept", "application/json");
        if (ifMatch != null) {
            r.header("If-Match", ifMatch);
        }
        if (body != null) {
            r.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        } else {
            r.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return http.send(r.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> r, int status) throws Exception {
        assertEquals(status, r.statusCode(), r.request().method() + " " + r.uri() + ": " + r.body());
        return JSON.readTree(r.body());
    }

    // ---- database ----

    private Connection connect() throws Exception {
        return DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password());
    }

    private long count(String sql) throws Exception {
        try (Connection c = connect(); var st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
