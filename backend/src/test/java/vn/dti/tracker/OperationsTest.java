package vn.dti.tracker;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** What operators rely on: request ids, the product's metrics, and readiness that includes the evidence store. */
@QuarkusTest
class OperationsTest {

    static final String UUID_PATTERN = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    @TestHTTPResource(value = "/", management = true)
    java.net.URL management;

    @TestHTTPResource("/")
    java.net.URL base;

    @ConfigProperty(name = "dti.data-dir")
    String dataDir;

    // ---- request ids ----

    @Test
    void aSaneRequestIdIsKeptAndAnswered() {
        String sent = "dns-" + UUID.randomUUID().toString().substring(0, 8) + ".2026:11/ab=cd@x";
        Response r = Api.as("admin").header("X-Request-Id", sent).get("/api/v1/plans/" + UUID.randomUUID());
        Api.refused(r.then(), 404, "plan.not-found", null).header("X-Request-Id", equalTo(sent)).body("requestId", equalTo(sent));
        Api.as("admin").header("X-Request-Id", sent).get("/api/v1/plans").then().statusCode(200).header("X-Request-Id", equalTo(sent));
    }

    @Test
    void anUnsaneOrMissingRequestIdIsReplacedWithAFreshOne() {
        for (String bad : new String[] {"có dấu", "a b", "x\"y", "<script>", "x".repeat(129), ""}) {
            Response r = Api.anonymous().header("X-Request-Id", bad).get("/api/v1/plans");
            Api.refused(r.then(), 401, "auth.unauthenticated", null);
            String answered = r.getHeader("X-Request-Id");
            assertNotEquals(bad, answered);
            assertTrue(answered.matches(UUID_PATTERN), answered);
            assertEquals(answered, r.path("requestId"));
        }
        String first = Api.anonymous().get("/api/v1/plans").getHeader("X-Request-Id");
        String second = Api.anonymous().get("/api/v1/plans").getHeader("X-Request-Id");
        assertTrue(first.matches(UUID_PATTERN), first);
        assertNotEquals(first, second);
        // Not only the API: the health endpoint answers one too.
        given().get("/q/health/live").then().statusCode(200).header("X-Request-Id", matchesPattern(UUID_PATTERN));
    }

    /** A body refused before it is read (declared length over the limit) is answered outside JAX-RS, with the id all the same. */
    @Test
    void theEarlyBodyLimitAnswerCarriesTheRequestId() throws Exception {
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/v1/plans HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nX-Request-Id: qua-lon-01\r\n"
                    + "Content-Length: 99999999999\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String answer = readAll(socket.getInputStream());
            assertTrue(answer.startsWith("HTTP/1.1 413"), answer);
            assertTrue(answer.toLowerCase().contains("x-request-id: qua-lon-01"), answer);
            assertTrue(answer.contains("\"code\":\"request.too-large\""), answer);
            assertTrue(answer.contains("\"requestId\":\"qua-lon-01\""), answer);
        }
    }

    private static String readAll(InputStream in) throws java.io.IOException {
        byte[] buffer = new byte[8192];
        StringBuilder text = new StringBuilder();
        for (int n; (n = in.read(buffer)) > 0;) {
            text.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
            if (text.indexOf("}") > 0 && text.indexOf("\r\n\r\n") > 0) {
                break;
            }
        }
        return text.toString();
    }

    // ---- metrics ----

    @Test
    void metricsAreOnlyOnTheManagementInterface() {
        // The public port, where the API and the web app answer, has no metrics; the management port has.
        given().get("/q/metrics").then().statusCode(404);
        given().accept("text/plain").get(Metrics.at(management)).then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("jvm_memory_used_bytes"));
        assertNotEquals(base.getPort(), management.getPort());
        // Health stays on the public port for the probes.
        given().get("/q/health/ready").then().statusCode(200);
    }

    @Test
    void aRequestRefusedBeforeAnyRouteIsCountedWithoutItsPath() {
        // 414 is the HTTP layer's answer, which no operation of the contract describes.
        given().noFilters().get("/api/v1/" + "ma-so-bi-mat-".repeat(400)).then().statusCode(414);
        Metrics after = Metrics.scrape(management);
        assertTrue(after.sum("http_server_requests_seconds_count", Map.of("uri", "/api/{refused}", "status", "414")) >= 1);
        assertFalse(after.text.contains("ma-so-bi-mat"), "a refused path never becomes a label");
    }

    @Test
    void theProductsCountersMoveWithWhatPeopleDo() {
        Metrics before = Metrics.scrape(management);

        // Sign-in failures, by the problem code the client got.
        given().formParam("grant_type", "password").formParam("username", "khong-co-" + UUID.randomUUID()).formParam("password", "sai")
                .post("/api/v1/auth/token").then().statusCode(401);
        given().formParam("grant_type", "client_credentials").formParam("client_id", "khong-co").formParam("client_secret", "sai")
                .post("/api/v1/auth/token").then().statusCode(401);

        // Uploads: one stored, with its bytes; one refused for its content, one for its size.
        byte[] pdf = EvidenceTest.pdf();
        String evidence = EvidenceTest.upload("reporter", "bien-ban.pdf", pdf, Map.of()).then().statusCode(201).extract().path("id");
        byte[] program = ("MZ" + "\0".repeat(200)).getBytes(StandardCharsets.ISO_8859_1);
        EvidenceTest.upload("reporter", "bao-cao.pdf", program, Map.of()).then().statusCode(415);
        EvidenceTest.upload("reporter", "qua-lon.pdf", new byte[4 * 1024 * 1024], Map.of()).then().statusCode(413);

        // A report submitted, returned, resubmitted and accepted.
        EvidenceTest.Fixture f = EvidenceTest.fixture();
        Response draft = EvidenceTest.draft(f.first(), "2026-04");
        String path = "/api/v1/reports/" + draft.path("id");
        Response submitted = Api.as("reporter").header("If-Match", draft.getHeader("ETag")).post(path + "/submit");
        submitted.then().statusCode(200);
        Response returned = Api.as("commune").header("If-Match", submitted.getHeader("ETag")).body(Map.of("comment", "Bổ sung số liệu"))
                .post(path + "/return");
        returned.then().statusCode(200);
        Response again = Api.as("reporter").header("If-Match", returned.getHeader("ETag")).post(path + "/submit");
        again.then().statusCode(200);
        Api.as("commune").header("If-Match", again.getHeader("ETag")).body(Map.of()).post(path + "/accept").then().statusCode(200);

        // An export in each format.
        Api.as("admin").accept("*/*").queryParam("from", "2026-04").queryParam("to", "2026-04").queryParam("format", "ndjson")
                .get("/api/v1/exports/results").then().statusCode(200);
        Api.as("admin").accept("*/*").queryParam("from", "2026-04").queryParam("to", "2026-04")
                .get("/api/v1/exports/results").then().statusCode(200);

        // Reads of one piece of evidence, timed under the route's template.
        Api.as("reporter").get("/api/v1/evidence/" + evidence).then().statusCode(200);
        Api.as("reporter").get("/api/v1/evidence/" + evidence).then().statusCode(200);
        // A web app page named by an id, as a browser asks for it.
        given().accept("text/html").get("/plans/" + evidence);

        Metrics after = Metrics.scrape(management);
        assertEquals(1, after.delta(before, "dti_sign_in_failures_total", Map.of("reason", "auth.invalid-credentials")));
        assertEquals(1, after.delta(before, "dti_sign_in_failures_total", Map.of("reason", "auth.invalid-client")));
        assertEquals(1, after.delta(before, "dti_evidence_uploads_total", Map.of("outcome", "accepted")));
        assertEquals(pdf.length, after.delta(before, "dti_evidence_upload_bytes_total", Map.of()));
        assertEquals(1, after.delta(before, "dti_evidence_uploads_total", Map.of("outcome", "rejected", "reason", "evidence.type-not-allowed")));
        assertEquals(1, after.delta(before, "dti_evidence_uploads_total", Map.of("outcome", "rejected", "reason", "evidence.too-large")));
        assertEquals(2, after.delta(before, "dti_reports_submitted_total", Map.of()));
        assertEquals(1, after.delta(before, "dti_reviews_total", Map.of("decision", "returned")));
        assertEquals(1, after.delta(before, "dti_reviews_total", Map.of("decision", "accepted")));
        assertEquals(1, after.delta(before, "dti_exports_total", Map.of("format", "ndjson")));
        assertEquals(1, after.delta(before, "dti_exports_total", Map.of("format", "csv")));
        assertEquals(2, after.delta(before, "http_server_requests_seconds_count",
                Map.of("method", "GET", "uri", "/api/v1/evidence/{evidenceId}", "status", "200")));
        assertEquals(1, after.delta(before, "http_server_requests_seconds_count", Map.of("method", "POST", "uri", "/api/v1/reports/{reportId}/accept")));
        assertTrue(after.sum("http_server_requests_seconds_sum", Map.of("uri", "/api/v1/evidence/{evidenceId}")) > 0);
        assertFalse(after.text.contains(evidence), "no raw path (with its id) becomes a metric");
    }

    // ---- health ----

    @Test
    void readinessCoversTheEvidenceStore() throws Exception {
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'Evidence store' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'Evidence store' }.data.storage", equalTo("local"))
                .body("checks.name", hasItem("Database connections health check"));

        // The store's working directory taken away (a disk unmounted, a volume gone read-only): not ready, and back.
        Path partial = Path.of(dataDir, "evidence", "partial").toAbsolutePath();
        Path aside = partial.resolveSibling("partial-aside-" + UUID.randomUUID());
        Files.move(partial, aside);
        try {
            Files.writeString(partial, "not a directory");
            given().get("/q/health/ready").then().statusCode(503)
                    .body("checks.find { it.name == 'Evidence store' }.status", equalTo("DOWN"));
            given().get("/q/health/live").then().statusCode(200);
        } finally {
            Files.deleteIfExists(partial);
            Files.move(aside, partial);
        }
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'Evidence store' }.status", equalTo("UP"));
    }

    /** The Prometheus text of /q/metrics, read as series. */
    record Metrics(String text) {

        // The label value's pattern is an unrolled loop: a value of thousands of characters (a long refused path) is matched
        // without one level of recursion per character.
        private static final java.util.regex.Pattern LABEL = java.util.regex.Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"([^\"\\\\]*+(?:\\\\.[^\"\\\\]*+)*+)\"");

        /** Read on the management interface, whose address is injected with {@code @TestHTTPResource(management = true)}. */
        static Metrics scrape(java.net.URL management) {
            return new Metrics(given().accept("text/plain").get(at(management)).then().statusCode(200).extract().asString());
        }

        static java.net.URL at(java.net.URL management) {
            try {
                return java.net.URI.create(management.getProtocol() + "://" + management.getHost() + ":" + management.getPort() + "/q/metrics").toURL();
            } catch (java.net.MalformedURLException e) {
                throw new IllegalStateException(e);
            }
        }

        /** The sum of every series of {@code name} whose labels include {@code labels}. */
        double sum(String name, Map<String, String> labels) {
            double total = 0;
            for (String line : text.split("\n")) {
                if (line.startsWith("#") || !(line.startsWith(name + "{") || line.startsWith(name + " "))) {
                    continue;
                }
                int space = line.lastIndexOf(' ');
                String series = line.substring(0, space);
                Map<String, String> found = new HashMap<>();
                java.util.regex.Matcher pair = LABEL.matcher(series);
                while (pair.find()) {
                    found.put(pair.group(1), pair.group(2));
                }
                if (found.entrySet().containsAll(labels.entrySet())) {
                    total += Double.parseDouble(line.substring(space + 1));
                }
            }
            return total;
        }

        long delta(Metrics before, String name, Map<String, String> labels) {
            return Math.round(sum(name, labels) - before.sum(name, labels));
        }
    }
}
