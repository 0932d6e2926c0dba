package vn.dti.tracker;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;

/** The three plans of the seeds, loaded through the bundle import, read back with every fact. */
@QuarkusTest
class DemoPlansTest {

    static final ObjectMapper JSON = new ObjectMapper();

    /** Numbers compare by value: 50 written in a file equals 50 exported. */
    static final Comparator<JsonNode> BY_VALUE = (a, b) -> a.isNumber() && b.isNumber()
            ? a.decimalValue().compareTo(b.decimalValue()) : a.equals(b) ? 0 : 1;

    static JsonNode resource(String name) throws Exception {
        try (InputStream in = DemoPlansTest.class.getClassLoader().getResourceAsStream("demo/" + name)) {
            return JSON.readTree(in);
        }
    }

    /** Lists whose order carries no meaning are compared as sets. */
    static JsonNode withUnitsSorted(JsonNode bundle) {
        ObjectNode copy = bundle.deepCopy();
        for (String field : List.of("orgUnits", "dtiTargets", "dtiResults")) {
            List<JsonNode> items = new ArrayList<>();
            copy.withArray(field).forEach(items::add);
            items.sort(Comparator.comparing(JsonNode::toString));
            ArrayNode sorted = JSON.createArrayNode();
            items.forEach(sorted::add);
            copy.set(field, sorted);
        }
        return copy;
    }

    @Test
    void everyDemoPlanExportsExactlyAsTranscribed() throws Exception {
        for (String file : List.of("01-dong-nai-dti-2026-2030.json", "02-xuan-loc-cds-2026.json", "03-phu-lam-dti-2026-2030.json")) {
            JsonNode expected = withUnitsSorted(resource(file));
            ObjectNode plan = (ObjectNode) expected.get("plan");
            if (!plan.has("effectiveDate")) {
                // The transcriptions state no effective date (the field came later): the export names it empty.
                plan.putNull("effectiveDate");
            }
            if ("DRAFT".equals(plan.get("status").asText())) {
                // Nobody reports on a draft: the demo issues a draft seed as it loads it, with its own number and date.
                plan.put("status", "ISSUED");
                plan.put("documentNumber", "01/KH-UBND");
                plan.put("issueDate", "2026-01-05");
            }
            String planId = Api.planId(expected.at("/plan/code").asText());
            JsonNode exported = withUnitsSorted(JSON.readTree(Api.json().get("/api/v1/plans/" + planId + "/bundle")
                    .then().statusCode(200).extract().asString()));
            for (String field : List.of("format", "formatVersion", "plan", "indicatorGroups", "indicators", "taskGroups", "tasks",
                    "dtiTargets", "dtiResults", "dtiFrameworks")) {
                assertTrue(expected.get(field).equals(BY_VALUE, exported.get(field)),
                        file + ": " + field + " differs\nexpected " + expected.get(field) + "\nexported " + exported.get(field));
            }
            // The export names the units the plan refers to; the file also lists units the text only mentions.
            List<String> transcribed = new ArrayList<>();
            expected.get("orgUnits").forEach(u -> transcribed.add(u.toString()));
            exported.get("orgUnits").forEach(u -> assertTrue(transcribed.contains(u.toString()), file + ": unexpected unit " + u));
            for (JsonNode unit : expected.get("orgUnits")) {
                String id = Api.unitId(unit.get("code").asText());
                Api.json().get("/api/v1/org-units/" + id).then().statusCode(200)
                        .body("name", equalTo(unit.get("name").asText()))
                        .body("kind", equalTo(unit.get("kind").asText()))
                        .body("active", equalTo(unit.get("active").asBoolean()));
            }
        }
    }

    @Test
    void xuanLocAppendixHasThirtyIndicatorsInThreeGroups() {
        String planId = Api.planId("XUANLOC-CDS-2026");
        Api.json().queryParam("size", 100).get("/api/v1/plans/" + planId + "/indicators").then().statusCode(200)
                .body("totalItems", equalTo(30))
                .body("items.findAll { it.group.code == 'A' }", hasSize(2))
                .body("items.findAll { it.group.code == 'B' }", hasSize(5))
                .body("items.findAll { it.group.code == 'C' }", hasSize(23))
                .body("items[0].code", equalTo("A.1"))
                .body("items[0].targets[0].wording", equalTo("≥ 50%"))
                .body("items.find { it.code == 'C.11' }.targets[0].qualification", equalTo("trừ văn bản mật"))
                .body("items.find { it.code == 'C.11' }.targets[0].wording", equalTo("100% (trừ văn bản mật)"))
                .body("items.find { it.code == 'B.1' }.targets[0].basis", equalTo("GRDP"))
                .body("items.find { it.code == 'C.18' }.targets[0].kind", equalTo("PASS_FAIL"))
                .body("items.find { it.code == 'C.18' }.targets[0].comparator", nullValue())
                .body("items.find { it.code == 'C.16' }.leadUnit.code", equalTo("DNAI.XUANLOC.CA"));
        Api.json().get("/api/v1/plans/" + planId).then().statusCode(200)
                // The seed leaves number and date blank; the demo issues it with its own (5 January of the current year).
                .body("documentNumber", equalTo("01/KH-UBND"))
                .body("status", equalTo("ISSUED"))
                .body("issueDate", equalTo("2026-01-05"))
                .body("reportingRegime.unitReportDay", equalTo(20))
                .body("reportingRegime.consolidationDay", equalTo(25))
                .body("reportingRegime.coordinatorUnit.name", equalTo("Phòng Văn hóa - Xã hội"))
                .body("signerName", equalTo("Thân Anh Thiết"))
                .body("indicatorCount", equalTo(30))
                .body("taskCount", equalTo(25))
                .body("recipients", hasItem("31 Tổ Công nghệ số cộng đồng"));
    }

    @Test
    void provinceRankTargetsAndResultsShowTheGapTable() {
        String dongNai = Api.unitId("DNAI");
        Api.json().get("/api/v1/org-units/" + dongNai + "/dti-ranking").then().statusCode(200)
                .body("framework.subIndexCount", equalTo(29))
                .body("framework.maxPoints", equalTo(1000))
                .body("rows", hasSize(7))
                .body("rows[0].pillar.name", equalTo("Hạ tầng và Nền tảng số"))
                .body("rows[0].results[0].rank", equalTo(5))
                .body("rows[0].targets.find { it.year == 2026 }.rank", equalTo(4))
                .body("rows[0].targets.find { it.year == 2026 }.comparator", equalTo("LE"))
                .body("rows[6].pillar", nullValue())
                .body("rows[6].results[0].rank", equalTo(15))
                .body("rows[6].results[0].outOf", equalTo(34))
                .body("rows[6].targets.find { it.year == 2030 }.wording", equalTo("≤3/34"));
        String binhPhuoc = Api.unitId("BINHPHUOC-CU");
        Api.json().get("/api/v1/org-units/" + binhPhuoc + "/dti-ranking").then().statusCode(200)
                .body("rows[6].results[0].rank", equalTo(12))
                .body("rows[6].results[0].outOf", equalTo(63));
    }

    @Test
    void phuLamImplementsTheProvincePlan() {
        String phuLam = Api.planId("PHULAM-DTI-2026-2030");
        String province = Api.planId("DNAI-KH154-2026");
        Api.json().get("/api/v1/plans/" + phuLam).then().statusCode(200)
                .body("parentPlan.documentNumber", equalTo("154/KH-UBND"))
                .body("legalBases[0].plan.id", equalTo(province))
                .body("issuePlace", equalTo("Phú Lâm"))
                .body("reportingRegime.unitReportDay", equalTo(18))
                .body("reportingRegime.consolidationDay", equalTo(20));
        Api.json().queryParam("parentPlanId", province).get("/api/v1/plans").then().statusCode(200)
                .body("items.code", contains("PHULAM-DTI-2026-2030"));
        Api.json().get("/api/v1/plans/" + phuLam + "/indicators").then().statusCode(200)
                .body("items.contributesTo.planCode", hasItem("DNAI-KH154-2026"));
    }

    @Test
    void searchFindsPlansWithOrWithoutDiacritics() {
        for (String q : List.of("Phú Lâm", "phu lam", "PHU LAM")) {
            List<String> codes = Api.json().queryParam("q", q).get("/api/v1/plans").then().statusCode(200).extract().path("items.code");
            assertEquals(List.of("PHULAM-DTI-2026-2030"), codes.stream().filter(c -> c.startsWith("PHULAM")).toList(), q);
        }
        Api.json().queryParam("q", "van hoa xa hoi").queryParam("kind", "DEPARTMENT").get("/api/v1/org-units").then().statusCode(200)
                .body("items.name", hasItem("Phòng Văn hóa - Xã hội"));
    }
}
