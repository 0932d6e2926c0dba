package vn.dti.tracker;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.lessThan;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** However malformed a request, the answer is a 4xx problem+json, never a 500. */
@QuarkusTest
class MalformedInputTest {

    static final List<String> BODIES = List.of("", "{", "null", "[]", "\"text\"", "42", "{\"code\": {}}", "{\"targets\": \"many\"}",
            "{\"name\": 1e400}", "{\"startYear\": 99999999999999}", "{\"kind\": null}", "{\"issueDate\": \"26/03/2026\"}",
            "{\"parentId\": \"not-a-uuid\"}", "{\"x\": \"\\u0000\"}", "{\"code\":\"" + "A".repeat(5000) + "\"}");

    @Test
    void everyWriteAnswersMalformedBodiesWithAProblem() {
        String planId = Api.planId("XUANLOC-CDS-2026");
        String unitId = Api.unitId("DNAI");
        String some = UUID.randomUUID().toString();
        Map<String, String> writes = Map.ofEntries(
                Map.entry("POST /api/v1/org-units", ""),
                Map.entry("PUT /api/v1/org-units/" + unitId, ""),
                Map.entry("POST /api/v1/plans", ""),
                Map.entry("PUT /api/v1/plans/" + planId, ""),
                Map.entry("POST /api/v1/plans/" + planId + "/groups", ""),
                Map.entry("POST /api/v1/plans/" + planId + "/indicators", ""),
                Map.entry("PUT /api/v1/plans/" + planId + "/indicators/" + some, ""),
                Map.entry("POST /api/v1/plans/" + planId + "/tasks", ""),
                Map.entry("POST /api/v1/dti-frameworks", ""),
                Map.entry("PUT /api/v1/org-units/" + unitId + "/dti-targets", ""),
                Map.entry("PUT /api/v1/org-units/" + unitId + "/dti-results/2025", ""),
                Map.entry("POST /api/v1/plan-bundles", ""));
        for (String write : writes.keySet()) {
            String[] parts = write.split(" ");
            for (String body : BODIES) {
                var request = Api.json().header("If-Match", "\"0\"").body(body);
                var response = parts[0].equals("POST") ? request.post(parts[1]) : request.put(parts[1]);
                response.then().statusCode(allOf(greaterThanOrEqualTo(400), lessThan(500))).contentType("application/problem+json");
            }
        }
        // The stored plan is untouched by all of it.
        Api.json().get("/api/v1/plans/" + planId).then().statusCode(200)
                .body("version", org.hamcrest.Matchers.equalTo(0)).body("indicatorCount", org.hamcrest.Matchers.equalTo(30));
    }

    @Test
    void unknownPathsMethodsAndMediaTypesAreProblems() {
        Api.refused(Api.json().get("/api/v1/nothing-here").then(), 404, "resource.not-found", null);
        Api.refused(Api.json().delete("/api/v1/plans").then(), 405, "request.method-not-allowed", null);
        Api.refused(Api.as("admin").contentType("text/plain").body("x").post("/api/v1/org-units").then(), 415,
                "request.unsupported-media-type", null);
        Api.refused(Api.json().get("/api/v1/plans/" + UUID.randomUUID()).then(), 404, "plan.not-found", null);
    }

    @Test
    void aBodyOverTheLimitIsRefusedBeforeItIsRead() {
        byte[] big = new byte[11 * 1024 * 1024];
        java.util.Arrays.fill(big, (byte) ' ');
        Api.refused(Api.json().body(big).post("/api/v1/plan-bundles").then(), 413, "request.too-large", null);
    }
    @Test
    void aNulCharacterIsRefusedWhereverItComesWithTheFieldNamed() {
        String unitId = Api.unitId("DNAI");
        Map<String, Object> unit = new java.util.HashMap<>(Map.of("code", Api.code("NUL"), "name", "Tổ\u0000 số", "kind", "OFFICE"));
        unit.put("parentId", unitId);
        Api.refused(Api.json().body(unit).post("/api/v1/org-units").then(), 400, "request.nul-character", "name");
        // Deep inside a body, and in free-form JSON too.
        String planId = Api.planId("XUANLOC-CDS-2026");
        String group = Api.createGroup(planId, "INDICATOR", Api.code("G"));
        Api.refused(Api.json().body(Api.indicatorBody(Api.code("I"), group, unitId, List.of(Api.target(2026, "PERCENT", "GE", 80, "≥ 80\u0000%"))))
                .post("/api/v1/plans/" + planId + "/indicators").then(), 400, "request.nul-character", "targets[0].wording");
        Api.refused(Api.json().queryParam("q", "Xuân\u0000").get("/api/v1/plans").then(), 400, "request.nul-character", "q");
        Api.refused(Api.anonymous().contentType("application/x-www-form-urlencoded").body("grant_type=password&username=ad%00min&password=x")
                .post("/api/v1/auth/token").then(), 400, "request.nul-character", "username");
        Api.refused(Api.as("reporter").contentType("multipart/form-data").multiPart("file", "a.pdf", EvidenceTest.pdf(), "application/pdf")
                .multiPart("title", "Biên\u0000bản").post("/api/v1/evidence").then(), 400, "request.nul-character", "title");
        // Nothing of it was stored.
        Api.json().queryParam("q", unit.get("code")).get("/api/v1/org-units").then().statusCode(200).body("items", org.hamcrest.Matchers.empty());
    }

    @Test
    void numbersAndDatesPastWhatIsStoredAreRefusedWithTheFieldNamed() {
        String unitId = Api.unitId("DNAI");
        String frameworkId = Api.json().get("/api/v1/dti-frameworks").then().statusCode(200).extract().path("items[0].id");
        String results = "/api/v1/org-units/" + unitId + "/dti-results/2025";
        Api.refused(Api.json().header("If-Match", RankingTest.rankingTag(unitId, frameworkId)).body("{\"frameworkId\":\"" + frameworkId + "\",\"results\":[{\"rank\":1,\"outOf\":2,\"score\":1e400}]}")
                .put(results).then(), 400, "request.out-of-range", "results[0].score");
        // Within what a decimal may be, past what a score column holds.
        Api.refused(Api.json().header("If-Match", RankingTest.rankingTag(unitId, frameworkId)).body("{\"frameworkId\":\"" + frameworkId + "\",\"results\":[{\"rank\":1,\"outOf\":2,\"score\":1000000000}]}")
                .put(results).then(), 400, "rank.invalid", "results[0].score");
        Api.refused(Api.json().header("If-Match", RankingTest.rankingTag(unitId, frameworkId)).body("{\"frameworkId\":\"" + frameworkId + "\",\"results\":[{\"rank\":2147483648,\"outOf\":2}]}")
                .put(results).then(), 400, "request.out-of-range", "results[0].rank");
        Map<String, Object> plan = Api.planBody(Api.code("P"), unitId, 2026, 2026);
        plan.put("issueDate", "+99999999-12-31");
        Api.refused(Api.json().body(plan).post("/api/v1/plans").then(), 400, "request.out-of-range", "issueDate");
        // A page whose first row lies past what a list can hold.
        Api.refused(Api.json().queryParam("page", Integer.MAX_VALUE).queryParam("size", 200).get("/api/v1/org-units").then(), 400,
                "request.invalid-paging", "page");
    }

    @Test
    void brokenFormsAndMultipartBodiesAreProblems() {
        Api.refused(Api.anonymous().contentType("application/x-www-form-urlencoded").body("grant_type=password&username=%zz&password=%")
                .post("/api/v1/auth/token").then(), 400, "request.malformed-form", null);
        Api.refused(Api.anonymous().config(MalformedRequestFuzzTest.RAW).contentType("application/x-www-form-urlencoded; charset=nope")
                .body("grant_type=password&username=ad%40min".getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post("/api/v1/auth/token").then(), 415, "request.unsupported-charset", null);
        // A form-encoded body is read by the sign-in operations only; elsewhere it is refused before it is read.
        Api.refused(Api.as("reporter").config(MalformedRequestFuzzTest.RAW).contentType("application/x-www-form-urlencoded")
                .body("%PDF-1.4 %zz".getBytes(java.nio.charset.StandardCharsets.UTF_8)).post("/api/v1/evidence").then(), 415,
                "request.unsupported-media-type", null);
        Api.refused(Api.as("reporter").config(MalformedRequestFuzzTest.RAW).contentType("multipart/form-data; boundary=b")
                .body("--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.pdf\"\r\n\r\n%PDF".getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post("/api/v1/evidence").then(), 400, "request.malformed-multipart", null);
    }

    /** Refusals of the HTTP layer: outside any operation, so outside what the contract check of the other tests knows. */
    @Test
    void theHttpLayerRefusesWithProblemsUnderTheApi() {
        String longQuery = "x".repeat(5000);
        Api.refused(Api.json().noFilters().queryParam("q", longQuery).get("/api/v1/plans").then(), 414, "request.uri-too-long", null);
        Api.refused(Api.json().noFilters().header("X-Filler", "x".repeat(30_000)).get("/api/v1/plans").then(), 431, "request.headers-too-large", null);
        // The web app's paths keep a bare status.
        io.restassured.RestAssured.given().noFilters().queryParam("q", longQuery).get("/plans").then().statusCode(414);
        Api.refused(Api.json().noFilters().get("/api/").then(), 404, "resource.not-found", null);
        Api.refused(Api.json().noFilters().get("/api/v9/plans").then(), 404, "resource.not-found", null);
    }

    @Test
    void aForgedForwardedSchemeDoesNotBreakWhatIsCreated() {
        // The test profile honours forwarded headers, as production behind its proxy does; a client can still send any.
        for (String scheme : java.util.List.of("", "\"", "abc def", "S$]~b%")) {
            String location = Api.as("reporter").header("X-Forwarded-Proto", scheme)
                    .body(Map.of("url", "https://dongnai.gov.vn/van-ban/1", "title", "Văn bản")).post("/api/v1/evidence/links")
                    .then().statusCode(201).extract().header("Location");
            org.junit.jupiter.api.Assertions.assertTrue(location.startsWith("/api/v1/evidence/"), location);
        }
    }

    @Test
    void aStreamedBodyOverTheLimitIsAProblem() {
        // No Content-Length: the limit is found while the body streams in.
        byte[] big = new byte[12 * 1024 * 1024];
        java.util.Arrays.fill(big, (byte) ' ');
        Api.refused(Api.json().noFilters().body(new java.io.ByteArrayInputStream(big)).post("/api/v1/plan-bundles").then(), 413, "request.too-large", null);
    }
}
