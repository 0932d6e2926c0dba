package vn.dti.tracker;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.yaml.snakeyaml.Yaml;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.builder.MultiPartSpecBuilder;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Every field the contract documents for a request is honoured. Each write operation is sent here
 * with every documented field of its body, form or query set; the object is then read back and each
 * field's effect checked (stored and echoed, or what it changes). The last test walks the contract:
 * an operation or a field documented without a check here fails it, so a field the server ignores
 * cannot hide behind the contract again.
 */
@QuarkusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RequestFieldsTest {

    /** Operation → the documented fields sent with their effect checked. */
    static final Map<String, Set<String>> CHECKED = new ConcurrentHashMap<>();

    static void checked(String operationId, Collection<String> fields) {
        CHECKED.computeIfAbsent(operationId, k -> ConcurrentHashMap.newKeySet()).addAll(fields);
    }

    // ---- the generic check: what was sent is what is read back ----

    /** Names in a request that the read shape spells otherwise. */
    static final Map<String, String> RENAMED = Map.of("orgUnitId", "unit", "reportIds", "attachments");

    /**
     * Each sent field is found in the object read back with the same value: under its own name, as
     * the object a {@code ...Id} names ({@code parentId} → {@code parent.id}), or as the list of objects
     * {@code ...Ids} name ({@code leadUnitIds} → {@code leadUnits[].id}).
     */
    @SuppressWarnings("unchecked")
    static void assertEchoed(String at, Object sent, Object got) {
        if (sent instanceof Map<?, ?> sentMap) {
            if (!(got instanceof Map<?, ?> gotMap)) {
                fail(at + ": sent an object, read back " + got);
                return;
            }
            for (Map.Entry<?, ?> e : sentMap.entrySet()) {
                String key = (String) e.getKey();
                String path = at + "." + key;
                if (e.getValue() == null && !gotMap.containsKey(key)) {
                    // A reference sent empty reads back empty.
                    String name = RENAMED.getOrDefault(key, key.endsWith("Id") ? key.substring(0, key.length() - 2) : key);
                    assertEquals(null, gotMap.get(name), path);
                } else if (gotMap.containsKey(key)) {
                    assertEchoed(path, e.getValue(), gotMap.get(key));
                } else if (RENAMED.containsKey(key) && key.endsWith("Id")) {
                    assertEchoed(path, e.getValue(), ((Map<String, Object>) gotMap.get(RENAMED.get(key))).get("id"));
                } else if (key.endsWith("Ids")) {
                    String name = RENAMED.getOrDefault(key, key.substring(0, key.length() - 3) + "s");
                    List<Map<String, Object>> refs = (List<Map<String, Object>>) gotMap.get(name);
                    assertTrue(refs != null, path + ": nothing read back under " + name);
                    String idKey = name.equals("attachments") ? "reportId" : "id";
                    assertEquals(new TreeSet<>(((List<Object>) e.getValue()).stream().map(String::valueOf).toList()),
                            new TreeSet<>(refs.stream().map(r -> String.valueOf(r.get(idKey))).toList()), path);
                } else if (key.endsWith("Id")) {
                    Object ref = gotMap.get(key.substring(0, key.length() - 2));
                    assertTrue(ref instanceof Map<?, ?>, path + ": nothing read back under " + key.substring(0, key.length() - 2));
                    assertEchoed(path, e.getValue(), ((Map<String, Object>) ref).get("id"));
                } else {
                    fail(path + ": sent, but not read back");
                }
            }
        } else if (sent instanceof List<?> sentList) {
            assertTrue(got instanceof List<?>, at + ": sent a list, read back " + got);
            List<?> gotList = (List<?>) got;
            assertEquals(sentList.size(), gotList.size(), at + ": " + gotList);
            for (int i = 0; i < sentList.size(); i++) {
                assertEchoed(at + "[" + i + "]", sentList.get(i), gotList.get(i));
            }
        } else if (sent instanceof Number n) {
            assertTrue(got instanceof Number, at + ": sent " + sent + ", read back " + got);
            assertEquals(0, new BigDecimal(n.toString()).compareTo(new BigDecimal(got.toString())), at + ": sent " + sent + ", read back " + got);
        } else {
            assertEquals(String.valueOf(sent), String.valueOf(got), at);
        }
    }

    static Map<String, Object> read(String path) {
        return Api.json().get(path).then().statusCode(200).extract().as(Map.class);
    }

    /** A map that keeps its order and takes nulls (Map.of takes neither). */
    static Map<String, Object> body(Object... pairs) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], pairs[i + 1]);
        }
        return m;
    }

    static Map<String, Object> without(Map<String, Object> m, String... keys) {
        Map<String, Object> copy = new LinkedHashMap<>(m);
        for (String k : keys) {
            copy.remove(k);
        }
        return copy;
    }

    static String tag(Response r) {
        return r.getHeader("ETag");
    }

    // ---- org units ----

    @Test
    @Order(1)
    void orgUnits() {
        String commune = Api.unitId("DNAI.XUANLOC");
        String hamlet = Api.createUnit(Api.code("XL.AP"), "Ấp Bình Hòa", "HAMLET", commune);
        Map<String, Object> create = body("code", Api.code("XL.TCN"), "name", "Tổ công nghệ số cộng đồng ấp 3", "shortName", "Tổ CNS ấp 3",
                "kind", "COMMUNITY_TECH_TEAM", "parentId", commune);
        Response created = Api.json().body(create).post("/api/v1/org-units");
        created.then().statusCode(201);
        String id = created.path("id");
        assertEchoed("createOrgUnit", create, read("/api/v1/org-units/" + id));
        checked("createOrgUnit", create.keySet());

        Map<String, Object> update = body("name", "Tổ công nghệ số ấp Bình Hòa", "shortName", "Tổ CNS Bình Hòa", "kind", "COMMUNITY_TECH_TEAM",
                "parentId", hamlet, "active", false);
        Api.json().header("If-Match", tag(created)).body(update).put("/api/v1/org-units/" + id).then().statusCode(200);
        assertEchoed("updateOrgUnit", update, read("/api/v1/org-units/" + id));
        checked("updateOrgUnit", update.keySet());
    }

    // ---- DTI frameworks and ranks ----

    static Map<String, Object> pillar(String code, int order, String name, int subIndices, int maxPoints) {
        return body("code", code, "order", order, "name", name, "subIndexCount", subIndices, "maxPoints", maxPoints);
    }

    @Test
    @Order(2)
    void frameworksTargetsAndResults() {
        Map<String, Object> create = body("code", Api.code("DTI-TEST"), "name", "Bộ chỉ số thử", "edition", "2026",
                "source", "Quyết định 405/QĐ-BKHCN", "pillars", List.of(pillar("HT", 1, "Hạ tầng số", 6, 200), pillar("NL", 2, "Nhân lực số", 4, 100)));
        Response created = Api.json().body(create).post("/api/v1/dti-frameworks");
        created.then().statusCode(201);
        String frameworkId = created.path("id");
        assertEchoed("createDtiFramework", create, read("/api/v1/dti-frameworks/" + frameworkId));
        checked("createDtiFramework", create.keySet());

        Map<String, Object> update = new LinkedHashMap<>(create);
        update.put("name", "Bộ chỉ số thử (sửa)");
        update.put("edition", "2026b");
        update.put("source", "Quyết định 406/QĐ-BKHCN");
        update.put("pillars", List.of(pillar("HT", 2, "Hạ tầng và nền tảng số", 7, 210), pillar("NL", 1, "Nhân lực số", 4, 100)));
        Api.json().header("If-Match", tag(created)).body(update).put("/api/v1/dti-frameworks/" + frameworkId).then().statusCode(200);
        Map<String, Object> stored = read("/api/v1/dti-frameworks/" + frameworkId);
        // Pillars come back in their order.
        Map<String, Object> expected = new LinkedHashMap<>(update);
        expected.put("pillars", List.of(((List<?>) update.get("pillars")).get(1), ((List<?>) update.get("pillars")).get(0)));
        assertEchoed("updateDtiFramework", expected, stored);
        checked("updateDtiFramework", update.keySet());

        String unitId = Api.createUnit(Api.code("T"), "Tỉnh thử", "PROVINCE", null);
        Map<String, Object> target = body("pillarCode", "HT", "year", 2027, "comparator", "EQ", "rank", 4, "outOf", 34, "wording", "Hạng 4/34");
        Map<String, Object> targets = body("frameworkId", frameworkId, "targets", List.of(target));
        Api.json().header("If-Match", "\"0\"").body(targets).put("/api/v1/org-units/" + unitId + "/dti-targets").then().statusCode(200);
        Map<String, Object> result = body("pillarCode", "HT", "score", 150.5, "rank", 6, "outOf", 34, "source", "Báo cáo riêng của trụ cột");
        Map<String, Object> total = body("pillarCode", null, "score", null, "rank", 9, "outOf", 34, "source", null);
        Map<String, Object> results = body("frameworkId", frameworkId, "source", "Báo cáo DTI 2027", "results", List.of(result, total));
        Api.json().header("If-Match", "\"1\"").body(results).put("/api/v1/org-units/" + unitId + "/dti-results/2027").then().statusCode(200);

        var ranking = Api.json().queryParam("frameworkId", frameworkId).get("/api/v1/org-units/" + unitId + "/dti-ranking").then()
                .statusCode(200).body("framework.id", equalTo(frameworkId)).extract().jsonPath();
        // Rows: the pillars in order (NL, HT), then the whole index.
        assertEquals("HT", ranking.getString("rows[1].pillar.code"));
        assertEchoed("replaceDtiTargets.targets[0]", without(target, "pillarCode"), ranking.getMap("rows[1].targets[0]"));
        assertEchoed("replaceDtiResults.results[0]", body("score", 150.5, "rank", 6, "outOf", 34, "source", "Báo cáo riêng của trụ cột"),
                ranking.getMap("rows[1].results[0]"));
        // A result without its own source takes the common one.
        assertEchoed("replaceDtiResults.source", body("year", 2027, "rank", 9, "outOf", 34, "source", "Báo cáo DTI 2027", "score", null),
                ranking.getMap("rows[2].results[0]"));
        checked("replaceDtiTargets", targets.keySet());
        checked("replaceDtiResults", results.keySet());
    }

    // ---- plans, groups, indicators, tasks ----

    static Map<String, Object> regime(String coordinator, String recipient) {
        return body("frequency", "QUARTERLY", "unitReportDay", 15, "consolidationDay", 20, "coordinatorUnitId", coordinator,
                "recipientUnitId", recipient, "wording", "Báo cáo quý trước ngày 15 của tháng cuối quý", "deadlineShift", "PREVIOUS_WORKING_DAY");
    }

    @Test
    @Order(3)
    void plansGroupsIndicatorsAndTasks() {
        String commune = Api.unitId("DNAI.XUANLOC");
        String province = Api.unitId("DNAI");
        String department = Api.unitId("DNAI.XUANLOC.VHXH");
        String centre = Api.unitId("DNAI.XUANLOC.TTPVHCC");
        String police = Api.unitId("DNAI.XUANLOC.CA");
        String parent = Api.planId("DNAI-KH154-2026");
        String basis = Api.planId("XUANLOC-CDS-2026");
        Map<String, Object> create = body("code", Api.code("FIELDS"), "documentNumber", "99/KH-UBND", "issuingUnitId", commune,
                "issueDate", "2026-02-10", "effectiveDate", "2026-03-01", "issuePlace", "Xuân Lộc", "title", "Kế hoạch thử mọi trường", "startYear", 2026, "endYear", 2027,
                "status", "DRAFT", "parentPlanId", parent,
                "legalBases", List.of(body("citation", "Kế hoạch số 84/KH-UBND", "planId", basis), body("citation", "Luật Giao dịch điện tử 2023", "planId", null)),
                "sections", List.of(body("key", "PURPOSE", "heading", "I. MỤC ĐÍCH", "body", "Đẩy mạnh chuyển đổi số."),
                        body("key", "OTHER", "heading", null, "body", "Nội dung khác.")),
                "signerName", "Nguyễn Văn A", "signerTitle", "Chủ tịch", "recipients", List.of("UBND tỉnh", "Lưu: VT"),
                "reportingRegime", regime(department, province));
        Response created = Api.json().body(create).post("/api/v1/plans");
        created.then().statusCode(201);
        String planId = created.path("id");
        assertEchoed("createPlan", create, read("/api/v1/plans/" + planId));
        checked("createPlan", create.keySet());

        Map<String, Object> update = without(create, "code");
        update.put("documentNumber", "100/KH-UBND");
        update.put("issueDate", "2026-02-11");
        update.put("effectiveDate", "2026-04-01");
        update.put("issuePlace", "Xã Xuân Lộc");
        update.put("title", "Kế hoạch thử mọi trường (sửa)");
        update.put("endYear", 2028);
        update.put("status", "ISSUED");
        update.put("legalBases", List.of(body("citation", "Luật Giao dịch điện tử 2023", "planId", null)));
        update.put("sections", List.of(body("key", "OBJECTIVES", "heading", "II. MỤC TIÊU", "body", "Hoàn thành các chỉ tiêu.")));
        update.put("signerName", "Trần Thị B");
        update.put("signerTitle", "Phó Chủ tịch");
        update.put("recipients", List.of("Sở KH&CN"));
        Map<String, Object> changedRegime = regime(commune, null);
        changedRegime.put("frequency", "MONTHLY");
        changedRegime.put("deadlineShift", "NONE");
        update.put("reportingRegime", changedRegime);
        Response updated = Api.json().header("If-Match", tag(created)).body(update).put("/api/v1/plans/" + planId);
        updated.then().statusCode(200);
        assertEchoed("updatePlan", update, read("/api/v1/plans/" + planId));
        checked("updatePlan", update.keySet());

        Map<String, Object> group = body("kind", "INDICATOR", "code", "A", "name", "Hạ tầng số", "order", 2);
        Response g = Api.json().body(group).post("/api/v1/plans/" + planId + "/groups");
        g.then().statusCode(201);
        String groupId = g.path("id");
        assertEchoed("createPlanGroup", group, groupOf(planId, groupId));
        checked("createPlanGroup", group.keySet());
        Map<String, Object> renamed = body("kind", "INDICATOR", "code", "A1", "name", "Hạ tầng và nền tảng số", "order", 1);
        Api.json().header("If-Match", "\"" + g.path("version") + "\"").body(renamed).put("/api/v1/plans/" + planId + "/groups/" + groupId)
                .then().statusCode(200);
        assertEchoed("updatePlanGroup", renamed, groupOf(planId, groupId));
        checked("updatePlanGroup", renamed.keySet());

        String provinceIndicator = Api.json().queryParam("size", 100).get("/api/v1/plans/" + parent + "/indicators").then().statusCode(200)
                .extract().path("items[0].id");
        Map<String, Object> indicator = body("code", "A.1", "groupId", groupId, "order", 3, "content", "Tỷ lệ hồ sơ trực tuyến toàn trình",
                "unitOfMeasure", "%",
                "targets", List.of(body("year", 2026, "kind", "PERCENT", "comparator", "GE", "value", 80, "qualification", "trừ hồ sơ mật",
                        "wording", "≥ 80% (trừ hồ sơ mật)")),
                "baseline", body("year", 2025, "kind", "PERCENT", "comparator", "EQ", "value", 60, "wording", "60%"),
                "leadUnitId", centre, "cooperatingUnitIds", List.of(police, department), "leadWording", "Trung tâm Phục vụ hành chính công",
                "cooperatingWording", "Công an xã, Phòng VH-XH", "note", "Theo dõi hằng tháng", "capturedAsFraction", true,
                "numeratorLabel", "Hồ sơ trực tuyến toàn trình", "denominatorLabel", "Tổng số hồ sơ", "contributesToId", provinceIndicator,
                "evidenceRequired", true);
        Response ind = Api.json().body(indicator).post("/api/v1/plans/" + planId + "/indicators");
        ind.then().statusCode(201);
        String indicatorId = ind.path("id");
        assertEchoed("createIndicator", indicator, read("/api/v1/plans/" + planId + "/indicators/" + indicatorId));
        checked("createIndicator", indicator.keySet());
        Map<String, Object> indicatorUpdate = new LinkedHashMap<>(indicator);
        indicatorUpdate.put("code", "A.2");
        indicatorUpdate.put("order", 4);
        indicatorUpdate.put("content", "Tỷ lệ hồ sơ trực tuyến toàn trình (sửa)");
        indicatorUpdate.put("unitOfMeasure", "phần trăm");
        indicatorUpdate.put("targets", List.of(body("year", 2027, "kind", "RATIO", "comparator", "GE", "value", 2, "per", 1000, "basis", "dân",
                "wording", "≥ 2/1.000 dân")));
        indicatorUpdate.put("baseline", null);
        indicatorUpdate.put("cooperatingUnitIds", List.of(police));
        indicatorUpdate.put("leadWording", "TTPVHCC");
        indicatorUpdate.put("cooperatingWording", "Công an xã");
        indicatorUpdate.put("note", "Theo dõi hằng quý");
        indicatorUpdate.put("capturedAsFraction", false);
        indicatorUpdate.put("numeratorLabel", null);
        indicatorUpdate.put("denominatorLabel", null);
        indicatorUpdate.put("contributesToId", null);
        indicatorUpdate.put("evidenceRequired", false);
        Api.json().header("If-Match", tag(ind)).body(indicatorUpdate).put("/api/v1/plans/" + planId + "/indicators/" + indicatorId)
                .then().statusCode(200);
        Map<String, Object> storedIndicator = read("/api/v1/plans/" + planId + "/indicators/" + indicatorId);
        assertEchoed("updateIndicator", without(indicatorUpdate, "contributesToId"), storedIndicator);
        assertEquals(null, storedIndicator.get("contributesTo"), "updateIndicator.contributesToId");
        checked("updateIndicator", indicatorUpdate.keySet());

        String taskGroup = Api.createGroup(planId, "TASK", "I");
        String taskGroup2 = Api.createGroup(planId, "TASK", "II");
        Map<String, Object> task = body("code", "NV.1", "groupId", taskGroup, "order", 1, "description", "Số hóa hồ sơ hộ tịch",
                "leadUnitIds", List.of(centre, department), "cooperatingUnitIds", List.of(police), "product", "Cơ sở dữ liệu hộ tịch",
                "timeframe", body("kind", "SPAN", "startYear", 2026, "endYear", 2027, "wording", "2026-2027"), "progress", "IN_PROGRESS",
                "note", "Ưu tiên");
        Response t = Api.json().body(task).post("/api/v1/plans/" + planId + "/tasks");
        t.then().statusCode(201);
        String taskId = t.path("id");
        assertEchoed("createTask", task, read("/api/v1/plans/" + planId + "/tasks/" + taskId));
        checked("createTask", task.keySet());
        Map<String, Object> taskUpdate = body("code", "NV.2", "groupId", taskGroup2, "order", 2, "description", "Số hóa hồ sơ đất đai",
                "leadUnitIds", List.of(department), "cooperatingUnitIds", List.of(centre, police), "product", "Cơ sở dữ liệu đất đai",
                "timeframe", body("kind", "YEAR", "startYear", 2027, "endYear", 2027, "wording", "Năm 2027"), "progress", "COMPLETED",
                "note", "Đã xong");
        Api.json().header("If-Match", tag(t)).body(taskUpdate).put("/api/v1/plans/" + planId + "/tasks/" + taskId).then().statusCode(200);
        assertEchoed("updateTask", taskUpdate, read("/api/v1/plans/" + planId + "/tasks/" + taskId));
        checked("updateTask", taskUpdate.keySet());
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> groupOf(String planId, String groupId) {
        List<Map<String, Object>> groups = Api.json().get("/api/v1/plans/" + planId + "/groups").then().statusCode(200).extract().as(List.class);
        return groups.stream().filter(g -> groupId.equals(g.get("id"))).findFirst().orElseThrow();
    }

    // ---- reports, reviews, the period sent up, notifications ----

    /** The ids and links of every unread notification of {@code who}, page by page. */
    static Map<String, String> unreadNotifications(String who) {
        Map<String, String> out = new LinkedHashMap<>();
        for (int page = 0; ; page++) {
            var notes = Api.as(who).queryParam("unread", true).queryParam("size", 100).queryParam("page", page).get("/api/v1/notifications")
                    .then().statusCode(200).extract().jsonPath();
            List<Map<String, Object>> items = notes.getList("items");
            if (items.isEmpty()) {
                return out;
            }
            items.forEach(n -> out.put((String) n.get("id"), (String) n.get("link")));
        }
    }

    @Test
    @Order(4)
    void reportsReviewsAndThePeriod() {
        String commune = Api.unitId("DNAI.XUANLOC");
        String centre = Api.unitId("DNAI.XUANLOC.TTPVHCC");
        String planId = Api.createPlan(Api.issued(Api.planBody(Api.code("FIELDS-RP"), commune, 2026, 2026)));
        String group = Api.createGroup(planId, "INDICATOR", "A");
        Map<String, Object> ind = Api.indicatorBody("A.1", group, centre, List.of(Api.target(2026, "PERCENT", "GE", 50, "≥ 50%")));
        String indicatorId = Api.json().body(ind).post("/api/v1/plans/" + planId + "/indicators").then().statusCode(201).extract().path("id");
        String taskGroup = Api.createGroup(planId, "TASK", "I");
        String taskId = Api.json().body(body("code", "NV.1", "groupId", taskGroup, "order", 1, "description", "Số hóa hồ sơ",
                "leadUnitIds", List.of(centre), "timeframe", body("kind", "YEAR", "startYear", 2026, "endYear", 2026)))
                .post("/api/v1/plans/" + planId + "/tasks").then().statusCode(201).extract().path("id");

        Map<String, Object> onIndicator = body("periodKey", "2026-04", "indicatorId", indicatorId, "unitId", centre,
                "value", body("number", 96.5), "achievements", "Tiếp nhận 1.250 hồ sơ", "difficulties", "Đường truyền chậm",
                "proposals", "Nâng cấp đường truyền", "evidenceExplanation", "Số liệu từ hệ thống một cửa");
        Response r = Api.as("reporter").body(onIndicator).post("/api/v1/reports");
        r.then().statusCode(201);
        String reportId = r.path("id");
        Map<String, Object> report = read("/api/v1/reports/" + reportId);
        assertEchoed("createReport", without(onIndicator, "periodKey", "indicatorId", "unitId"), report);
        assertEquals("2026-04", ((Map<?, ?>) report.get("period")).get("key"), "createReport.periodKey");
        assertEquals(indicatorId, ((Map<?, ?>) report.get("item")).get("id"), "createReport.indicatorId");
        assertEquals(centre, ((Map<?, ?>) report.get("unit")).get("id"), "createReport.unitId");
        Map<String, Object> onTask = body("periodKey", "2026-04", "taskId", taskId, "progress", "IN_PROGRESS");
        String taskReport = Api.as("reporter").body(onTask).post("/api/v1/reports").then().statusCode(201).extract().path("id");
        Map<String, Object> readTask = read("/api/v1/reports/" + taskReport);
        assertEquals(taskId, ((Map<?, ?>) readTask.get("item")).get("id"), "createReport.taskId");
        assertEquals("IN_PROGRESS", readTask.get("progress"), "createReport.progress");
        checked("createReport", onIndicator.keySet());
        checked("createReport", onTask.keySet());

        Map<String, Object> update = body("value", body("number", 97), "progress", null, "achievements", "Tiếp nhận 1.300 hồ sơ",
                "difficulties", "Không", "proposals", "Không", "evidenceExplanation", "Theo báo cáo của hệ thống");
        Response saved = Api.as("reporter").header("If-Match", tag(r)).body(update).put("/api/v1/reports/" + reportId);
        saved.then().statusCode(200);
        assertEchoed("updateReport", update, read("/api/v1/reports/" + reportId));
        Map<String, Object> taskUpdate = body("progress", "COMPLETED", "achievements", "Đã số hóa toàn bộ hồ sơ");
        String taskTag = Api.as("reporter").get("/api/v1/reports/" + taskReport).getHeader("ETag");
        Api.as("reporter").header("If-Match", taskTag).body(taskUpdate).put("/api/v1/reports/" + taskReport).then().statusCode(200);
        assertEquals("COMPLETED", read("/api/v1/reports/" + taskReport).get("progress"), "updateReport.progress");
        checked("updateReport", update.keySet());

        // Return with a comment, resubmit, accept with a comment, reopen with a reason.
        String submitted = Api.as("reporter").header("If-Match", tag(saved)).post("/api/v1/reports/" + reportId + "/submit").then()
                .statusCode(200).extract().header("ETag");
        String returned = Api.as("commune").header("If-Match", submitted).body(body("comment", "Bổ sung số hồ sơ toàn trình"))
                .post("/api/v1/reports/" + reportId + "/return").then().statusCode(200).extract().header("ETag");
        Api.json().get("/api/v1/reports/" + reportId).then().body("reviewComment", equalTo("Bổ sung số hồ sơ toàn trình"));
        checked("returnReport", List.of("comment"));

        // The reporter is told of the return; marking that notification read leaves it read.
        // Other tests' notifications of this reporter may stand before it (their clocks are their own): all unread ones are read.
        Map<String, String> unread = unreadNotifications("reporter");
        String note = unread.entrySet().stream().filter(e -> e.getValue().equals("/my-work/reports/" + reportId)).map(Map.Entry::getKey)
                .findFirst().orElse(null);
        assertTrue(note != null, "a notification of the return");
        Api.as("reporter").body(body("ids", List.of(note))).post("/api/v1/notifications/read").then().statusCode(204);
        Map<String, String> after = unreadNotifications("reporter");
        assertFalse(after.containsKey(note), "the notification marked read is no longer unread");
        assertEquals(unread.size() - 1, after.size(), "only that one was marked");
        checked("markNotificationsRead", List.of("ids"));

        String resubmitted = Api.as("reporter").header("If-Match", returned).post("/api/v1/reports/" + reportId + "/submit").then()
                .statusCode(200).extract().header("ETag");
        String accepted = Api.as("commune").header("If-Match", resubmitted).body(body("comment", "Đạt yêu cầu"))
                .post("/api/v1/reports/" + reportId + "/accept").then().statusCode(200).extract().header("ETag");
        Api.json().get("/api/v1/reports/" + reportId).then().body("state", equalTo("ACCEPTED")).body("reviewComment", equalTo("Đạt yêu cầu"));
        checked("acceptReport", List.of("comment"));
        Api.as("commune").header("If-Match", accepted).body(body("comment", "Số liệu cần đối chiếu lại"))
                .post("/api/v1/reports/" + reportId + "/reopen").then().statusCode(200);
        Api.json().get("/api/v1/reports/" + reportId).then().body("state", equalTo("RETURNED"))
                .body("reopenReason", equalTo("Số liệu cần đối chiếu lại"));
        checked("reopenReport", List.of("comment"));

        // The task report is accepted so that nothing waits for review; then the period goes up with its note.
        String taskSubmitted = Api.as("reporter").header("If-Match", Api.as("reporter").get("/api/v1/reports/" + taskReport).getHeader("ETag"))
                .post("/api/v1/reports/" + taskReport + "/submit").then().statusCode(200).extract().header("ETag");
        Api.as("commune").header("If-Match", taskSubmitted).body(body("comment", null)).post("/api/v1/reports/" + taskReport + "/accept")
                .then().statusCode(200);
        Response period = Api.as("commune").get("/api/v1/plans/" + planId + "/periods/2026-04");
        period.then().statusCode(200);
        Api.as("commune").header("If-Match", tag(period)).body(body("note", "Gửi kèm báo cáo tổng hợp quý"))
                .post("/api/v1/plans/" + planId + "/periods/2026-04/send-up").then().statusCode(200);
        Api.json().get("/api/v1/plans/" + planId + "/periods/2026-04").then().body("sentUpNote", equalTo("Gửi kèm báo cáo tổng hợp quý"))
                .body("closed", equalTo(true));
        checked("sendUpPeriod", List.of("note"));
    }

    // ---- evidence ----

    @Test
    @Order(5)
    void evidence() throws Exception {
        EvidenceTest.Fixture f = EvidenceTest.fixture();
        String r1 = EvidenceTest.draft(f.first(), "2026-05").path("id");
        String r2 = EvidenceTest.draft(f.second(), "2026-05").path("id");
        byte[] pdf = EvidenceTest.pdf();
        String sha = EvidenceTest.sha256(pdf);

        // The multipart upload, every field of the form; reportIds (as documented) attaches it to both reports.
        Map<String, Object> form = body("title", "Quyết định phê duyệt", "docNumber", "123/QĐ-UBND", "docDate", "2026-03-02",
                "issuer", "UBND xã Xuân Lộc", "summary", "Phê duyệt kế hoạch", "sha256", sha, "reportIds", List.of(r1, r2));
        RequestSpecification upload = given().header("Authorization", "Bearer " + Api.token("reporter")).accept(ContentType.JSON)
                .multiPart("file", "QD-123.pdf", pdf, "application/octet-stream");
        form.forEach((k, v) -> {
            for (Object x : v instanceof List<?> list ? list : List.of(v)) {
                upload.multiPart(new MultiPartSpecBuilder(String.valueOf(x)).controlName(k).charset(StandardCharsets.UTF_8).build());
            }
        });
        String uploaded = upload.post("/api/v1/evidence").then().statusCode(201).extract().path("id");
        Map<String, Object> stored = read("/api/v1/evidence/" + uploaded);
        assertEchoed("uploadEvidence", form, stored);
        assertEquals("QD-123.pdf", stored.get("fileName"), "uploadEvidence.file");
        Api.as("reporter").get("/api/v1/reports/" + r1).then().body("evidenceCount", equalTo(1));
        checked("uploadEvidence", form.keySet());
        checked("uploadEvidence", List.of("file"));

        // The streaming upload: the same description in the query.
        Map<String, Object> query = body("fileName", "Biên bản.pdf", "title", "Biên bản kiểm tra", "docNumber", "45/BB", "docDate", "2026-03-05",
                "issuer", "Phòng VH-XH", "summary", "Kiểm tra bộ phận một cửa", "sha256", sha, "reportId", List.of(r1));
        RequestSpecification stream = given().header("Authorization", "Bearer " + Api.token("reporter")).accept(ContentType.JSON)
                .contentType("application/octet-stream").body(pdf);
        query.forEach((k, v) -> stream.queryParam(k, v instanceof List<?> list ? list : List.of(v)));
        String streamed = stream.post("/api/v1/evidence/stream").then().statusCode(201).extract().path("id");
        Map<String, Object> streamedView = read("/api/v1/evidence/" + streamed);
        assertEchoed("streamEvidence", without(query, "reportId"), streamedView);
        assertEchoed("streamEvidence.reportId", body("reportIds", List.of(r1)), streamedView);
        checked("streamEvidence", query.keySet());

        Map<String, Object> link = body("url", "https://xuanloc.dongnai.gov.vn/van-ban/45", "title", "Văn bản trên cổng", "docNumber", "45/KH-UBND",
                "docDate", "2026-03-01", "issuer", "UBND xã", "summary", "Kế hoạch triển khai", "reportIds", List.of(r2));
        String linked = Api.as("reporter").body(link).post("/api/v1/evidence/links").then().statusCode(201).extract().path("id");
        assertEchoed("createEvidenceLink", link, read("/api/v1/evidence/" + linked));
        checked("createEvidenceLink", link.keySet());

        Map<String, Object> described = body("title", "Văn bản trên cổng (bản chính)", "docNumber", "46/KH-UBND", "docDate", "2026-03-03",
                "issuer", "UBND xã Xuân Lộc", "summary", "Kế hoạch triển khai (bản chính)");
        Api.as("reporter").header("If-Match", "\"0\"").body(described).put("/api/v1/evidence/" + linked).then().statusCode(200);
        assertEchoed("updateEvidence", described, read("/api/v1/evidence/" + linked));
        checked("updateEvidence", described.keySet());

        Api.as("reporter").header("If-Match", EvidenceTest.reportTag(r2)).body(body("evidenceId", streamed))
                .post("/api/v1/reports/" + r2 + "/evidence").then().statusCode(200);
        Api.json().get("/api/v1/evidence/" + streamed).then().body("attachments.reportId", hasItem(r2));
        checked("attachEvidence", List.of("evidenceId"));
    }

    // ---- accounts and tokens ----

    @Test
    @Order(6)
    void accountsPasswordsAndTokens() {
        String unit = Api.unitId("DNAI.XUANLOC.TTPVHCC");
        String other = Api.unitId("DNAI.XUANLOC.CA");
        String username = ("fields." + Api.code("u")).toLowerCase();
        Map<String, Object> user = body("username", username, "fullName", "Nguyễn Văn Thử", "email", "thu@xuanloc.example", "phone", "0251 3870 123",
                "orgUnitId", unit, "roles", List.of("UNIT_REPORTER"), "password", "Mat#Khau2026");
        String userId = Api.json().body(user).post("/api/v1/users").then().statusCode(201).extract().path("id");
        assertEchoed("createUser", without(user, "password"), read("/api/v1/users/" + userId));
        // The password is the one that signs in.
        Api.signIn(username, "Mat#Khau2026");
        checked("createUser", user.keySet());

        Map<String, Object> update = body("fullName", "Nguyễn Văn Thử (sửa)", "email", "thu2@xuanloc.example", "phone", "0251 3870 456",
                "orgUnitId", other, "roles", List.of("VIEWER"), "active", true);
        Response u = Api.json().get("/api/v1/users/" + userId);
        Api.json().header("If-Match", tag(u)).body(update).put("/api/v1/users/" + userId).then().statusCode(200);
        assertEchoed("updateUser", update, read("/api/v1/users/" + userId));
        checked("updateUser", update.keySet());

        Response again = Api.json().get("/api/v1/users/" + userId);
        Api.json().header("If-Match", tag(again)).body(body("newPassword", "Moi#Khau2026")).put("/api/v1/users/" + userId + "/password")
                .then().statusCode(200);
        Api.signIn(username, "Moi#Khau2026");
        checked("resetUserPassword", List.of("newPassword"));

        String token = Api.signIn(username, "Moi#Khau2026");
        given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON)
                .body(body("currentPassword", "Moi#Khau2026", "newPassword", "Doi#Khau2027")).put("/api/v1/me/password").then().statusCode(204);
        Api.signIn(username, "Doi#Khau2027");
        given().formParam("grant_type", "password").formParam("username", username).formParam("password", "Moi#Khau2026")
                .post("/api/v1/auth/token").then().statusCode(not(equalTo(200)));
        checked("changeMyPassword", List.of("currentPassword", "newPassword"));

        // Tokens: the password grant, the refresh grant with its refresh_token, the client grant; sign-out revokes the refresh token.
        Map<String, Object> tokens = given().formParam("grant_type", "password").formParam("username", username)
                .formParam("password", "Doi#Khau2027").post("/api/v1/auth/token").then().statusCode(200).extract().as(Map.class);
        Map<String, Object> refreshed = given().formParam("grant_type", "refresh_token").formParam("refresh_token", tokens.get("refresh_token"))
                .post("/api/v1/auth/token").then().statusCode(200).extract().as(Map.class);
        given().header("Authorization", "Bearer " + refreshed.get("access_token")).get("/api/v1/me").then().statusCode(200)
                .body("username", equalTo(username));

        String clientId = ("fields-" + Api.code("c")).toLowerCase();
        Map<String, Object> account = body("clientId", clientId, "name", "Hệ thống thử", "description", "Kho dữ liệu thử", "orgUnitId", unit);
        Response createdAccount = Api.json().body(account).post("/api/v1/service-accounts");
        createdAccount.then().statusCode(201);
        String accountId = createdAccount.path("account.id");
        String secret = createdAccount.path("clientSecret");
        assertEchoed("createServiceAccount", account, read("/api/v1/service-accounts/" + accountId));
        checked("createServiceAccount", account.keySet());
        String clientToken = given().formParam("grant_type", "client_credentials").formParam("client_id", clientId).formParam("client_secret", secret)
                .post("/api/v1/auth/token").then().statusCode(200).extract().path("access_token");
        given().header("Authorization", "Bearer " + clientToken).get("/api/v1/me").then().statusCode(200).body("kind", equalTo("SERVICE"));
        checked("createToken", List.of("grant_type", "username", "password", "refresh_token", "client_id", "client_secret"));

        given().formParam("refresh_token", refreshed.get("refresh_token")).post("/api/v1/auth/sign-out").then().statusCode(204);
        given().formParam("grant_type", "refresh_token").formParam("refresh_token", refreshed.get("refresh_token"))
                .post("/api/v1/auth/token").then().statusCode(not(equalTo(200)));
        checked("signOut", List.of("refresh_token"));

        Map<String, Object> accountUpdate = body("name", "Hệ thống thử (sửa)", "description", "Kho dữ liệu tỉnh", "orgUnitId", other, "active", false);
        Response a = Api.json().get("/api/v1/service-accounts/" + accountId);
        Api.json().header("If-Match", tag(a)).body(accountUpdate).put("/api/v1/service-accounts/" + accountId).then().statusCode(200);
        assertEchoed("updateServiceAccount", accountUpdate, read("/api/v1/service-accounts/" + accountId));
        checked("updateServiceAccount", accountUpdate.keySet());
    }

    // ---- bundles and appendices ----

    @Test
    @Order(7)
    @SuppressWarnings("unchecked")
    void bundlesAndAppendices() throws Exception {
        // The demo bundle of Đồng Nai uses every part of the format: units, the framework, groups, indicators, tasks, ranks.
        Map<String, Object> bundle = new com.fasterxml.jackson.databind.ObjectMapper().convertValue(
                DemoPlansTest.resource("01-dong-nai-dti-2026-2030.json"), Map.class);
        String code = Api.code("DNAI-FIELDS");
        ((Map<String, Object>) bundle.get("plan")).put("code", code);
        // The ranks go to units of this test's own (one for each ranked unit), so that the demo plan keeps its own.
        List<Map<String, Object>> units = new ArrayList<>((List<Map<String, Object>>) bundle.get("orgUnits"));
        List<Map<String, Object>> targets = (List<Map<String, Object>>) bundle.get("dtiTargets");
        List<Map<String, Object>> results = (List<Map<String, Object>>) bundle.get("dtiResults");
        Map<Object, String> ranked = new HashMap<>();
        for (Map<String, Object> rank : concat(targets, results)) {
            rank.put("unitCode", ranked.computeIfAbsent(rank.get("unitCode"), old -> {
                String fresh = Api.code("TINH");
                units.add(body("code", fresh, "name", "Tỉnh thử xếp hạng " + old, "shortName", null, "kind", "PROVINCE", "parentCode", null,
                        "active", true));
                return fresh;
            }));
        }
        bundle.put("orgUnits", units);
        for (String part : List.of("orgUnits", "dtiFrameworks", "indicatorGroups", "indicators", "taskGroups", "tasks", "dtiTargets", "dtiResults")) {
            assertTrue(bundle.get(part) instanceof List<?> l && !l.isEmpty(), "the demo bundle has " + part);
        }
        assertTrue(!targets.isEmpty() && !results.isEmpty());

        // dryRun=true changes nothing; without it the plan is stored, and its export is the bundle sent.
        Api.json().queryParam("dryRun", true).body(bundle).post("/api/v1/plan-bundles").then().statusCode(200).body("dryRun", equalTo(true))
                .body("planId", nullValue());
        Api.json().queryParam("q", code).get("/api/v1/plans").then().body("totalItems", equalTo(0));
        String planId = Api.json().queryParam("dryRun", false).body(bundle).post("/api/v1/plan-bundles").then().statusCode(200)
                .extract().path("planId");
        Map<String, Object> exported = Api.json().get("/api/v1/plans/" + planId + "/bundle").then().statusCode(200).extract().as(Map.class);
        for (String part : new TreeSet<>(bundle.keySet())) {
            if (!part.equals("orgUnits") && !part.equals("dtiFrameworks")) {
                assertEquals(unordered(bundle.get(part)), unordered(exported.get(part)), "importPlanBundle." + part);
            }
        }
        // Frameworks and units are matched by code: each one sent is stored as sent.
        Map<Object, Object> frameworks = new HashMap<>();
        ((List<Map<String, Object>>) exported.get("dtiFrameworks")).forEach(x -> frameworks.put(x.get("code"), normalise(x)));
        for (Map<String, Object> sent : (List<Map<String, Object>>) bundle.get("dtiFrameworks")) {
            assertEquals(normalise(sent), frameworks.get(sent.get("code")), "importPlanBundle.dtiFrameworks " + sent.get("code"));
        }
        for (Map<String, Object> sent : (List<Map<String, Object>>) bundle.get("orgUnits")) {
            String at = "importPlanBundle.orgUnits " + sent.get("code");
            Map<String, Object> stored = Api.json().queryParam("q", sent.get("code")).queryParam("size", 200).get("/api/v1/org-units").then()
                    .statusCode(200).extract().jsonPath().getMap("items.find { it.code == '" + sent.get("code") + "' }");
            assertTrue(stored != null, at);
            assertEchoed(at, without(sent, "parentCode"), stored);
            Object parentCode = stored.get("parent") == null ? null : ((Map<?, ?>) stored.get("parent")).get("code");
            assertEquals(sent.get("parentCode"), parentCode, at + ".parentCode");
        }
        checked("importPlanBundle", bundle.keySet());
        checked("importPlanBundle", List.of("dryRun"));

        // The appendix: part and dryRun.
        String appendixPlan = AppendixImportTest.newXuanLocPlan(2026, 2027);
        byte[] sheet = Sheets.xlsx(Sheets.xuanLocAppendix(), 0);
        String previewed = AppendixImportTest.send("commune", appendixPlan, sheet, true, "INDICATORS").then().statusCode(200)
                .body("dryRun", equalTo(true)).body("part", equalTo("INDICATORS")).extract().path("etag");
        assertEquals(0, AppendixImportTest.indicatorCount(appendixPlan));
        Api.as("commune").contentType(Sheets.XLSX).body(sheet).queryParam("dryRun", false).queryParam("part", "INDICATORS")
                .header("If-Match", previewed).post("/api/v1/plans/" + appendixPlan + "/appendix/imports").then().statusCode(200);
        assertEquals(30, AppendixImportTest.indicatorCount(appendixPlan));
        // part=TASKS reads a task sheet into the plan's tasks and leaves its indicators as they are.
        List<List<String>> rows = List.of(
                List.of("STT", "Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Sản phẩm", "Thời gian thực hiện"),
                List.of("I.", "Hạ tầng số", "", "", "", ""),
                List.of("1", "Số hóa hồ sơ thủ tục hành chính", "Trung tâm Phục vụ hành chính công", "", "Cơ sở dữ liệu", "Năm 2026"),
                List.of("2", "Phủ sóng 5G các ấp", "Phòng Văn hóa - Xã hội", "", "Báo cáo", "Giai đoạn 2026 - 2027"));
        byte[] tasks = Sheets.xlsx(rows, 0);
        String tasksPreviewed = AppendixImportTest.send("commune", appendixPlan, tasks, true, "TASKS").then().statusCode(200)
                .body("part", equalTo("TASKS")).body("items.created.size()", equalTo(2)).extract().path("etag");
        Api.as("commune").contentType(Sheets.XLSX).body(tasks).queryParam("dryRun", false).queryParam("part", "TASKS")
                .header("If-Match", tasksPreviewed).post("/api/v1/plans/" + appendixPlan + "/appendix/imports").then().statusCode(200);
        Api.json().get("/api/v1/plans/" + appendixPlan + "/tasks").then().statusCode(200).body("totalItems", equalTo(2));
        assertEquals(30, AppendixImportTest.indicatorCount(appendixPlan));
        // acknowledgeUnused: a commit that would leave a column's content out goes ahead only when it says so.
        List<List<String>> extra = new java.util.ArrayList<>();
        for (List<String> r : Sheets.xuanLocAppendix()) {
            List<String> withProgress = new java.util.ArrayList<>(r);
            withProgress.add(r.get(0).equals("STT") ? "Tiến độ" : r.get(0).matches("\\d+") ? "Quý IV" : "");
            extra.add(withProgress);
        }
        byte[] unusedSheet = Sheets.xlsx(extra, 0);
        String unusedPreviewed = AppendixImportTest.send("commune", appendixPlan, unusedSheet, true, "INDICATORS").then().statusCode(200)
                .body("unusedColumns.column", equalTo(List.of("H"))).extract().path("etag");
        Api.refused(Api.as("commune").contentType(Sheets.XLSX).body(unusedSheet).queryParam("dryRun", false)
                .header("If-Match", unusedPreviewed).post("/api/v1/plans/" + appendixPlan + "/appendix/imports").then(), 400,
                "import.unused-columns", "H");
        Api.as("commune").contentType(Sheets.XLSX).body(unusedSheet).queryParam("dryRun", false).queryParam("acknowledgeUnused", true)
                .header("If-Match", unusedPreviewed).post("/api/v1/plans/" + appendixPlan + "/appendix/imports").then().statusCode(200)
                .body("items.unchanged", equalTo(30)).body("unusedColumns.column", equalTo(List.of("H")));
        checked("importPlanAppendix", List.of("dryRun", "part", "acknowledgeUnused"));
    }

    static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    /** A list as a multiset of its normalised items; anything else normalised. */
    static Object unordered(Object o) {
        if (o instanceof List<?> l) {
            return l.stream().map(x -> String.valueOf(normalise(x))).sorted().toList();
        }
        return normalise(o);
    }

    /** JSON as compared: numbers by value, nulls and absent alike. */
    @SuppressWarnings("unchecked")
    static Object normalise(Object o) {
        if (o instanceof Map<?, ?> m) {
            Map<String, Object> out = new TreeMap<>();
            m.forEach((k, v) -> {
                if (v != null) {
                    out.put((String) k, normalise(v));
                }
            });
            return out;
        }
        if (o instanceof List<?> l) {
            return l.stream().map(RequestFieldsTest::normalise).toList();
        }
        if (o instanceof Number n) {
            return new BigDecimal(n.toString()).stripTrailingZeros().toPlainString();
        }
        return o;
    }

    // ---- the walk ----

    /** Every documented field of every write's body, form or query, by operation. */
    @SuppressWarnings("unchecked")
    static Map<String, Set<String>> documentedFields() throws Exception {
        Map<String, Object> contract;
        try (InputStream in = Files.newInputStream(ContractCompatibilityTest.CURRENT)) {
            contract = new Yaml().load(in);
        }
        Map<String, Object> schemas = (Map<String, Object>) ((Map<String, Object>) contract.get("components")).get("schemas");
        Map<String, Set<String>> out = new TreeMap<>();
        for (Map.Entry<String, Object> path : ((Map<String, Object>) contract.get("paths")).entrySet()) {
            for (Map.Entry<String, Object> method : ((Map<String, Object>) path.getValue()).entrySet()) {
                if (!List.of("post", "put", "patch", "delete").contains(method.getKey())) {
                    continue;
                }
                Map<String, Object> op = (Map<String, Object>) method.getValue();
                Set<String> fields = new TreeSet<>();
                for (Map<String, Object> p : (List<Map<String, Object>>) op.getOrDefault("parameters", List.of())) {
                    if ("query".equals(p.get("in"))) {
                        fields.add((String) p.get("name"));
                    }
                }
                Map<String, Object> requestBody = (Map<String, Object>) op.get("requestBody");
                if (requestBody != null) {
                    for (Object media : ((Map<String, Object>) requestBody.get("content")).values()) {
                        Map<String, Object> schema = (Map<String, Object>) ((Map<String, Object>) media).get("schema");
                        if (schema != null && schema.get("$ref") instanceof String ref) {
                            schema = (Map<String, Object>) schemas.get(ref.substring(ref.lastIndexOf('/') + 1));
                        }
                        if (schema != null && schema.get("properties") instanceof Map<?, ?> props) {
                            props.keySet().forEach(k -> fields.add((String) k));
                        }
                    }
                }
                if (!fields.isEmpty()) {
                    out.put((String) op.get("operationId"), fields);
                }
            }
        }
        return out;
    }

    @Test
    @Order(8)
    void aPlanBroughtInFromItsFileTakesTheChoicesAndCorrectionsSent() {
        // issuingUnitId: the document names no issuer; the chosen unit issues it.
        String phuLam = Api.unitId("DNAI.PHULAM");
        Api.as("province").contentType("application/octet-stream").body(PlanIntakeTest.plainPlanDocx("Chuyển đổi số thử năm 2027"))
                .queryParam("issuingUnitId", phuLam).post("/api/v1/plan-intakes").then().statusCode(200)
                .body("plan.plan.issuingUnitCode", equalTo("DNAI.PHULAM"));
        checked("readPlanDocument", List.of("issuingUnitId"));
        // source and choices: a title corrected in the source and a code chosen are what the plan gets.
        String code = Api.code("RF");
        Map<String, Object> request = Map.of("source", PlanIntakeTest.plainSource("Chuyển đổi số đã sửa năm 2027"),
                "choices", Map.of("issuingUnitId", phuLam, "planCode", code));
        Api.as("province").contentType(ContentType.JSON).body(request).post("/api/v1/plan-intakes/previews").then().statusCode(200)
                .body("plan.plan.title", equalTo("Kế hoạch Chuyển đổi số đã sửa năm 2027")).body("plan.plan.code", equalTo(code));
        checked("previewPlanIntake", List.of("source", "choices"));
        Api.as("province").contentType(ContentType.JSON).header("If-Match", "\"new\"").body(request).post("/api/v1/plan-intakes/commits")
                .then().statusCode(200);
        Api.json().get("/api/v1/plans/" + Api.planId(code)).then().statusCode(200).body("title", equalTo("Kế hoạch Chuyển đổi số đã sửa năm 2027"))
                .body("reportingRegime.unitReportDay", equalTo(15));
        checked("commitPlanIntake", List.of("source", "choices"));
        // aliases: what is sent is what the unit answers to.
        String unit = Api.unitId("DNAI.PHULAM.KT");
        String tag = Api.json().get("/api/v1/org-units/" + unit).then().statusCode(200).extract().header("ETag");
        Api.as("province").contentType(ContentType.JSON).header("If-Match", tag).body(Map.of("aliases", List.of("P. KT xã Phú Lâm")))
                .put("/api/v1/org-units/" + unit + "/aliases").then().statusCode(200);
        Api.json().get("/api/v1/org-units/" + unit).then().body("aliases", equalTo(List.of("P. KT xã Phú Lâm")));
        checked("updateOrgUnitAliases", List.of("aliases"));
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void everyDocumentedRequestFieldWasSentAndItsEffectChecked() throws Exception {
        Map<String, Set<String>> documented = documentedFields();
        assertTrue(documented.containsKey("uploadEvidence") && documented.get("uploadEvidence").contains("reportIds"), documented.toString());
        List<String> unchecked = new ArrayList<>();
        documented.forEach((op, fields) -> fields.stream()
                .filter(field -> !CHECKED.getOrDefault(op, Set.of()).contains(field))
                .forEach(field -> unchecked.add(op + "." + field)));
        assertEquals(List.of(), unchecked, "documented request fields that no check here sends and reads back");
        // And nothing is checked here that the contract does not document.
        List<String> undocumented = new ArrayList<>();
        CHECKED.forEach((op, fields) -> fields.stream().filter(field -> !documented.getOrDefault(op, Set.of()).contains(field))
                .forEach(field -> undocumented.add(op + "." + field)));
        assertEquals(List.of(), undocumented, "fields sent here that the contract does not document");
        assertTrue(Objects.equals(new TreeSet<>(documented.keySet()), new TreeSet<>(CHECKED.keySet())), "operations: " + documented.keySet());
    }
}
