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
}
