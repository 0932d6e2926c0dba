package vn.dti.tracker;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;

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
        Api.json().body(bundle.toString()).post("/api/v1/plan-bundles").then().statusCode(200)
                .body("plan.created", contains(code))
                .body("indicators.created.size()", equalTo(30))
                .body("tasks.created.size()", equalTo(25))
                .body("orgUnits.created", empty());
        String planId = Api.planId(code);

        Api.json().body(bundle.toString()).post("/api/v1/plan-bundles").then().statusCode(200)
                .body("plan.unchanged", equalTo(1))
                .body("indicators.unchanged", equalTo(30))
                .body("indicators.updated", empty())
                .body("tasks.unchanged", equalTo(25));
        Api.json().get("/api/v1/plans/" + planId).then().body("version", equalTo(0));

        // Change one target, drop one indicator: a dry run says so and leaves everything as it was.
        ArrayNode indicators = (ArrayNode) bundle.get("indicators");
        ((ObjectNode) indicators.get(0).get("targets").get(0)).put("value", 70).put("wording", "≥ 70%");
        indicators.remove(29);
        Api.json().queryParam("dryRun", true).body(bundle.toString()).post("/api/v1/plan-bundles").then().statusCode(200)
                .body("dryRun", equalTo(true))
                .body("indicators.updated", contains("A.1"))
                .body("indicators.removed", contains("C.23"))
                .body("indicators.unchanged", equalTo(28));
        Api.json().queryParam("size", 100).get("/api/v1/plans/" + planId + "/indicators").then()
                .body("totalItems", equalTo(30)).body("items[0].targets[0].wording", equalTo("≥ 50%"));

        Api.json().body(bundle.toString()).post("/api/v1/plan-bundles").then().statusCode(200)
                .body("dryRun", equalTo(false)).body("indicators.removed", contains("C.23"));
        Api.json().queryParam("size", 100).get("/api/v1/plans/" + planId + "/indicators").then()
                .body("totalItems", equalTo(29)).body("items[0].targets[0].wording", equalTo("≥ 70%"))
                .body("items[0].version", equalTo(1));
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
