package vn.dti.tracker;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** Re-import updates instead of duplicating; a dry run reports without changing; bad bundles change nothing. */
@QuarkusTest
class BundleImportTest {

    ObjectNode xuanLocCopy(String planCode) throws Exception {
        ObjectNode bundle = (ObjectNode) DemoPlansTest.resource("02-xuan-loc-cds-2026.json");
        ((ObjectNode) bundle.get("plan")).put("code", planCode);
        return bundle;
    }

    @Test
    void reimportChangesNothingAndADryRunChangesNothing() throws Exception {
        String code = Api.code("XL");
        ObjectNode bundle = xuanLocCopy(code);
        String created = Api.json().body(bundle.toString()).post("/api/v1/plan-bundles").then().statusCode(200)
                .body("plan.created", contains(code))
                .body("indicators.created.size()", equalTo(30))
                .body("tasks.created.size()", equalTo(25))
                .body("orgUnits.created", empty()).extract().path("etag");
        String planId = Api.planId(code);
        // The answer's etag is the export's: the plan as the import left it.
        Api.json().get("/api/v1/plans/" + planId + "/bundle").then().statusCode(200).header("ETag", created);

        Api.json().header("If-Match", created).body(bundle.toString()).post("/api/v1/plan-bundles").then().statusCode(200)
                .body("plan.unchanged", equalTo(1))
                .body("indicators.unchanged", equalTo(30))
                .body("indicators.updated", empty())
                .body("tasks.unchanged", equalTo(25));
        Api.json().get("/api/v1/plans/" + planId).then().body("version", equalTo(0));

        // Change one target, drop one indicator: a dry run says so and leaves everything as it was.
        ArrayNode indicators = (ArrayNode) bundle.get("indicators");
        ((ObjectNode) indicators.get(0).get("targets").get(0)).put("value", 70).put("wording", "≥ 70%");
        indicators.remove(29);
        String previewed = Api.json().queryParam("dryRun", true).body(bundle.toString()).post("/api/v1/plan-bundles").then().statusCode(200)
                .body("dryRun", equalTo(true))
                .body("indicators.updated", contains("A.1"))
                .body("indicators.removed", contains("C.23"))
                .body("indicators.unchanged", equalTo(28))
                .body("etag", equalTo(created)).extract().path("etag");
        Api.json().queryParam("size", 100).get("/api/v1/plans/" + planId + "/indicators").then()
                .body("totalItems", equalTo(30)).body("items[0].targets[0].wording", equalTo("≥ 50%"));

        Api.json().header("If-Match", previewed).body(bundle.toString()).post("/api/v1/plan-bundles").then().statusCode(200)
                .body("dryRun", equalTo(false)).body("indicators.removed", contains("C.23"));
        Api.json().queryParam("size", 100).get("/api/v1/plans/" + planId + "/indicators").then()
                .body("totalItems", equalTo(29)).body("items[0].targets[0].wording", equalTo("≥ 70%"))
                .body("items[0].version", equalTo(1));
    }

    @Test
    void anImportOverAStoredPlanNamesTheBundleItWasBasedOn() throws Exception {
        String code = Api.code("XL");
        ObjectNode bundle = xuanLocCopy(code);
        Api.json().body(bundle.toString()).post("/api/v1/plan-bundles").then().statusCode(200);
        String planId = Api.planId(code);
        String exported = Api.json().get("/api/v1/plans/" + planId + "/bundle").then().statusCode(200).extract().header("ETag");
        ((ObjectNode) bundle.get("plan")).put("title", "Kế hoạch đã sửa trong gói");

        // Without If-Match: refused, nothing changed.
        Api.refused(Api.json().body(bundle.toString()).post("/api/v1/plan-bundles").then(), 428, "request.if-match-required", "If-Match");
        Api.json().get("/api/v1/plans/" + planId).then().body("title", not(equalTo("Kế hoạch đã sửa trong gói"))).body("version", equalTo(0));

        // Someone renames a group after the export: the bundle edited from the export is refused, their change kept.
        var group = Api.json().get("/api/v1/plans/" + planId + "/groups").then().statusCode(200).extract()
                .jsonPath().getMap("find { it.kind == 'INDICATOR' }");
        String groupId = (String) group.get("id");
        Api.json().header("If-Match", "\"" + group.get("version") + "\"").body(java.util.Map.of("kind", "INDICATOR", "code", group.get("code"),
                "name", "Tên nhóm do người khác sửa", "order", group.get("order"))).put("/api/v1/plans/" + planId + "/groups/" + groupId)
                .then().statusCode(200);
        String current = Api.json().get("/api/v1/plans/" + planId + "/bundle").then().extract().header("ETag");
        Api.refused(Api.json().header("If-Match", exported).body(bundle.toString()).post("/api/v1/plan-bundles").then(), 412,
                "conflict.stale-version", null).header("ETag", current);
        Api.json().get("/api/v1/plans/" + planId + "/groups").then().body("find { it.id == '" + groupId + "' }.name",
                equalTo("Tên nhóm do người khác sửa"));
        Api.json().get("/api/v1/plans/" + planId).then().body("title", not(equalTo("Kế hoạch đã sửa trong gói")));
        // A weak form of the tag is no match either (If-Match compares strongly).
        Api.refused(Api.json().header("If-Match", "W/" + current).body(bundle.toString()).post("/api/v1/plan-bundles").then(), 412,
                "conflict.stale-version", null);
    }

    @Test
    void ofTwoImportsFromTheSameExportExactlyOneIsKept() throws Exception {
        String code = Api.code("XL");
        Api.json().body(xuanLocCopy(code).toString()).post("/api/v1/plan-bundles").then().statusCode(200);
        String planId = Api.planId(code);
        String exported = Api.json().get("/api/v1/plans/" + planId + "/bundle").then().statusCode(200).extract().header("ETag");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Response>> imports = new ArrayList<>();
            for (String title : List.of("Bản của người thứ nhất", "Bản của người thứ hai")) {
                ObjectNode edited = xuanLocCopy(code);
                ((ObjectNode) edited.get("plan")).put("title", title);
                imports.add(pool.submit(() -> {
                    start.await();
                    return Api.json().header("If-Match", exported).body(edited.toString()).post("/api/v1/plan-bundles");
                }));
            }
            start.countDown();
            Response first = imports.get(0).get();
            Response second = imports.get(1).get();
            List<Integer> statuses = new ArrayList<>(List.of(first.statusCode(), second.statusCode()));
            Collections.sort(statuses);
            assertEquals(List.of(200, 412), statuses);
            String winner = first.statusCode() == 200 ? "Bản của người thứ nhất" : "Bản của người thứ hai";
            Response loser = first.statusCode() == 200 ? second : first;
            Api.refused(loser.then(), 412, "conflict.stale-version", null);
            Api.json().get("/api/v1/plans/" + planId).then().body("title", equalTo(winner)).body("version", equalTo(1));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aDryRunOfANewPlanCreatesNothing() throws Exception {
        String code = Api.code("XL");
        Api.json().queryParam("dryRun", true).body(xuanLocCopy(code).toString()).post("/api/v1/plan-bundles").then().statusCode(200)
                .body("planId", nullValue()).body("plan.created", contains(code)).body("indicators.created.size()", equalTo(30));
        Api.json().queryParam("q", code).get("/api/v1/plans").then().body("totalItems", equalTo(0));
    }

    @Test
    void badReferencesAreAllReportedAndNothingIsStored() throws Exception {
        String code = Api.code("XL");
        ObjectNode bundle = xuanLocCopy(code);
        ((ObjectNode) bundle.get("indicators").get(3)).put("leadUnitCode", "NO.SUCH.UNIT");
        ((ObjectNode) bundle.get("indicators").get(4)).put("groupCode", "Z");
        ((ObjectNode) bundle.get("tasks").get(0)).put("code", bundle.get("tasks").get(1).get("code").asText());
        Api.refused(Api.json().body(bundle.toString()).post("/api/v1/plan-bundles").then(), 400, "bundle.invalid", "orgUnits")
                .body("errors.field", hasItem("indicators[4].groupCode"))
                .body("errors.field", hasItem("tasks[1].code"));
        Api.json().queryParam("q", code).get("/api/v1/plans").then().body("totalItems", equalTo(0));
    }

    @Test
    void aFailureHalfwayLeavesNoTrace() throws Exception {
        String code = Api.code("XL");
        ObjectNode bundle = xuanLocCopy(code);
        // The last indicator has a target outside the plan's single year: refused after everything before it was written.
        ((ObjectNode) bundle.get("indicators").get(29).get("targets").get(0)).put("year", 2027);
        String unitCode = Api.code("NEW");
        ObjectNode unit = ((ArrayNode) bundle.get("orgUnits")).addObject();
        unit.put("code", unitCode).put("name", "Đơn vị mới").put("kind", "SCHOOL").put("parentCode", "DNAI.XUANLOC").put("active", true);
        Api.refused(Api.json().body(bundle.toString()).post("/api/v1/plan-bundles").then(), 400, "indicator.invalid",
                "indicators[29].targets[0].year");
        Api.json().queryParam("q", code).get("/api/v1/plans").then().body("totalItems", equalTo(0));
        Api.json().queryParam("q", unitCode).get("/api/v1/org-units").then().body("totalItems", equalTo(0));
    }

    /** The answer to a bundle, with the one code that differs between two imports written the same way. */
    static String answer(ObjectNode bundle, String who, String code) {
        io.restassured.response.Response r = Api.as(who).body(bundle.toString()).post("/api/v1/plan-bundles");
        return r.statusCode() + " " + r.jsonPath().getString("code") + " " + r.jsonPath().getList("errors").toString().replace(code, "<CODE>");
    }

    @Test
    void aPlanOrUnitOutOfSightIsAsUnknownAsAMissingOneAndItsIdNeverComesBack() throws Exception {
        String phuLamPlanCode = "PHULAM-DTI-2026-2030";
        String phuLamPlan = Api.planId(phuLamPlanCode);
        String phuLamUnit = Api.unitId("DNAI.PHULAM.VHXH");
        String missingPlan = Api.code("NO-SUCH-PLAN");
        String missingUnit = Api.code("NO.SUCH.UNIT");

        ObjectNode parent = xuanLocCopy(Api.code("XL"));
        ((ObjectNode) parent.get("plan")).put("parentPlanCode", phuLamPlanCode);
        String hidden = Api.as("commune").body(parent.toString()).post("/api/v1/plan-bundles").then().extract().asString();
        Api.refused(Api.as("commune").body(parent.toString()).post("/api/v1/plan-bundles").then(), 400, "bundle.unknown-plan",
                "plan.parentPlanCode");
        org.junit.jupiter.api.Assertions.assertFalse(hidden.contains(phuLamPlan), hidden);
        String seen = answer(parent, "commune", phuLamPlanCode);
        ((ObjectNode) parent.get("plan")).put("parentPlanCode", missingPlan);
        org.junit.jupiter.api.Assertions.assertEquals(seen, answer(parent, "commune", missingPlan));

        ObjectNode basis = xuanLocCopy(Api.code("XL"));
        ((ObjectNode) basis.get("plan").get("legalBases").get(0)).put("planCode", phuLamPlanCode);
        seen = answer(basis, "commune", phuLamPlanCode);
        org.junit.jupiter.api.Assertions.assertTrue(seen.startsWith("400 bundle.unknown-plan"), seen);
        ((ObjectNode) basis.get("plan").get("legalBases").get(0)).put("planCode", missingPlan);
        org.junit.jupiter.api.Assertions.assertEquals(seen, answer(basis, "commune", missingPlan));

        ObjectNode lead = xuanLocCopy(Api.code("XL"));
        ((ObjectNode) lead.get("indicators").get(3)).put("leadUnitCode", "DNAI.PHULAM.VHXH");
        hidden = Api.as("commune").body(lead.toString()).post("/api/v1/plan-bundles").then().statusCode(400).extract().asString();
        org.junit.jupiter.api.Assertions.assertFalse(hidden.contains(phuLamUnit), hidden);
        seen = answer(lead, "commune", "DNAI.PHULAM.VHXH");
        org.junit.jupiter.api.Assertions.assertTrue(seen.startsWith("400 bundle.invalid"), seen);
        ((ObjectNode) lead.get("indicators").get(3)).put("leadUnitCode", missingUnit);
        org.junit.jupiter.api.Assertions.assertEquals(seen, answer(lead, "commune", missingUnit));
        // The province sees Phú Lâm: the same bundle is imported there.
        ((ObjectNode) lead.get("indicators").get(3)).put("leadUnitCode", "DNAI.PHULAM.VHXH");
        Api.as("province").queryParam("dryRun", true).body(lead.toString()).post("/api/v1/plan-bundles").then().statusCode(200);
    }

    @Test
    void unsupportedFormatsAreRefused() throws Exception {
        ObjectNode bundle = xuanLocCopy(Api.code("XL"));
        bundle.put("formatVersion", 2);
        Api.refused(Api.json().body(bundle.toString()).post("/api/v1/plan-bundles").then(), 400, "bundle.unsupported-format",
                "formatVersion");
        Api.refused(Api.json().body("[]").post("/api/v1/plan-bundles").then(), 400, "request.invalid-body", null);
        Api.refused(Api.json().body(List.of()).post("/api/v1/plan-bundles").then(), 400, "request.invalid-body", null);
    }
}
