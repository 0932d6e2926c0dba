package vn.dti.tracker;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/** Plans, indicators in every target shape, tasks, and every refusal of bad content. */
@QuarkusTest
class PlanContentTest {

    @Inject
    EntityManager em;

    String communeId;
    String leadId;
    String otherId;
    String planId;
    String groupId;

    @BeforeEach
    void plan() {
        String root = Api.code("X");
        communeId = Api.createUnit(root, "Xã Phước Tân", "COMMUNE", null);
        leadId = Api.createUnit(root + ".VHXH", "Phòng Văn hóa - Xã hội", "DEPARTMENT", communeId);
        otherId = Api.createUnit(root + ".CA", "Công an xã", "POLICE", communeId);
        planId = Api.createPlan(Api.planBody(Api.code("KH"), communeId, 2026, 2030));
        groupId = Api.createGroup(planId, "INDICATOR", "A");
    }

    Map<String, Object> shape(String kind, String comparator, Object value, String wording) {
        return Api.target(2026, kind, comparator, value, wording);
    }

    @Test
    void everyTargetShapeIsStoredWithItsWording() {
        List<Map<String, Object>> shapes = new ArrayList<>();
        shapes.add(shape("PERCENT", "GE", 50, "≥ 50%"));
        Map<String, Object> grdp = shape("PERCENT", "GE", 1, "≥ 1%/năm");
        grdp.put("basis", "GRDP");
        shapes.add(grdp);
        Map<String, Object> ratio = shape("RATIO", "GE", 1, "1/1.000 dân");
        ratio.put("per", 1000);
        ratio.put("basis", "dân");
        shapes.add(ratio);
        shapes.add(shape("COUNT", "GE", 1, "≥ 01"));
        shapes.add(shape("PASS_FAIL", null, null, "Đạt"));
        Map<String, Object> rank = shape("RANK", "LE", 4, "≤ 4");
        rank.put("outOf", 34);
        shapes.add(rank);
        shapes.add(shape("LEADING_GROUP", "LE", 60, "Xếp hạng ở nhóm 60 xã dẫn đầu"));
        Map<String, Object> milestone = shape("MILESTONE", null, null, "Triển khai");
        milestone.put("text", "Triển khai");
        shapes.add(milestone);
        Map<String, Object> qualified = shape("PERCENT", "EQ", 100, "100% (trừ văn bản mật)");
        qualified.put("qualification", "trừ văn bản mật");
        shapes.add(qualified);

        for (Map<String, Object> target : shapes) {
            Map<String, Object> body = Api.indicatorBody(Api.code("I"), groupId, leadId, List.of(target));
            Map<String, Object> baseline = new HashMap<>(target);
            baseline.put("year", null);
            body.put("baseline", "RATIO".equals(target.get("kind")) ? baseline : null);
            String id = Api.json().body(body).post("/api/v1/plans/" + planId + "/indicators").then().statusCode(201)
                    .extract().path("id");
            var read = Api.json().get("/api/v1/plans/" + planId + "/indicators/" + id).then().statusCode(200)
                    .body("targets[0].kind", equalTo(target.get("kind")))
                    .body("targets[0].comparator", equalTo(target.get("comparator")))
                    .body("targets[0].wording", equalTo(target.get("wording")))
                    .body("targets[0].basis", equalTo(target.get("basis")))
                    .body("targets[0].outOf", equalTo(target.get("outOf")))
                    .body("targets[0].text", equalTo(target.get("text")))
                    .body("targets[0].qualification", equalTo(target.get("qualification")));
            if (target.get("value") != null) {
                read.body("targets[0].value", equalTo(target.get("value")));
            }
            if ("RATIO".equals(target.get("kind"))) {
                read.body("targets[0].per", equalTo(1000)).body("baseline.per", equalTo(1000)).body("baseline.year", nullValue());
            }
        }
    }

    @Test
    void oneLeadUnitExactly() {
        Map<String, Object> body = Api.indicatorBody(Api.code("I"), groupId, leadId, List.of(shape("PERCENT", "GE", 50, "≥ 50%")));
        body.put("leadUnitId", List.of(leadId, otherId));
        Api.refused(Api.json().body(body).post("/api/v1/plans/" + planId + "/indicators").then(), 400, "request.invalid-value", "leadUnitId");
        body.remove("leadUnitId");
        body.put("leadUnitIds", List.of(leadId, otherId));
        Api.refused(Api.json().body(body).post("/api/v1/plans/" + planId + "/indicators").then(), 400, "request.unknown-field", "leadUnitIds");
        body.remove("leadUnitIds");
        Api.refused(Api.json().body(body).post("/api/v1/plans/" + planId + "/indicators").then(), 400, "request.invalid", "leadUnitId");
        body.put("leadUnitId", leadId);
        body.put("cooperatingUnitIds", List.of(leadId));
        Api.refused(Api.json().body(body).post("/api/v1/plans/" + planId + "/indicators").then(), 400, "indicator.invalid",
                "cooperatingUnitIds[0]");
        body.put("leadUnitId", UUID.randomUUID().toString());
        body.put("cooperatingUnitIds", List.of());
        Api.refused(Api.json().body(body).post("/api/v1/plans/" + planId + "/indicators").then(), 400, "org-unit.unknown", "leadUnitId");
        Api.json().get("/api/v1/plans/" + planId + "/indicators").then().body("totalItems", equalTo(0));

        // The database itself holds no indicator without a lead unit.
        assertThrows(Exception.class, () -> QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "insert into indicator (id, plan_id, code, group_id, position, content, lead_unit_id, search_text, created_at, updated_at)"
                        + " values (gen_random_uuid(), :plan, 'Z', :group, 1, 'x', null, 'x', now(), now())")
                .setParameter("plan", UUID.fromString(planId)).setParameter("group", UUID.fromString(groupId)).executeUpdate()));
    }

    @Test
    void badTargetsAreRefusedWithTheirField() {
        String url = "/api/v1/plans/" + planId + "/indicators";
        Api.refused(Api.json().body(Api.indicatorBody(Api.code("I"), groupId, leadId, List.of(Api.target(2031, "PERCENT", "GE", 50, "≥ 50%"))))
                .post(url).then(), 400, "indicator.invalid", "targets[0].year");
        Api.refused(Api.json().body(Api.indicatorBody(Api.code("I"), groupId, leadId, List.of(shape("RATIO", "GE", 1, "1/1.000 dân"))))
                .post(url).then(), 400, "indicator.invalid", "targets[0].per");
        Api.refused(Api.json().body(Api.indicatorBody(Api.code("I"), groupId, leadId, List.of(shape("PASS_FAIL", "GE", 1, "Đạt"))))
                .post(url).then(), 400, "indicator.invalid", "targets[0].comparator");
        Api.refused(Api.json().body(Api.indicatorBody(Api.code("I"), groupId, leadId, List.of(shape("PERCENT", "GE", -5, "≥ -5%"))))
                .post(url).then(), 400, "indicator.invalid", "targets[0].value");
        Map<String, Object> rank = shape("RANK", "LE", 40, "≤ 40");
        rank.put("outOf", 34);
        Api.refused(Api.json().body(Api.indicatorBody(Api.code("I"), groupId, leadId, List.of(rank))).post(url).then(), 400,
                "indicator.invalid", "targets[0].value");
        Api.refused(Api.json().body(Api.indicatorBody(Api.code("I"), groupId, leadId,
                List.of(shape("PERCENT", "GE", 50, "≥ 50%"), shape("PERCENT", "GE", 60, "≥ 60%")))).post(url).then(), 400,
                "indicator.invalid", "targets[1].year");
        Api.refused(Api.json().body(Api.indicatorBody(Api.code("I"), groupId, leadId, List.of(shape("PERCENT", "ABOUT", 50, "~50%"))))
                .post(url).then(), 400, "request.invalid-value", "targets[0].comparator");
        Api.refused(Api.json().body(Api.indicatorBody(Api.code("I"), groupId, leadId, List.of(shape("PERCENT", "GE", "năm mươi", "≥ 50%"))))
                .post(url).then(), 400, "request.invalid-value", "targets[0].value");
        Api.json().get(url).then().body("totalItems", equalTo(0));
    }

    @Test
    void indicatorUpdatesNeedTheCurrentVersion() {
        String url = "/api/v1/plans/" + planId + "/indicators";
        Map<String, Object> body = Api.indicatorBody("A.1", groupId, leadId, List.of(shape("PERCENT", "GE", 50, "≥ 50%")));
        String id = Api.json().body(body).post(url).then().statusCode(201).extract().path("id");
        Api.refused(Api.json().body(body).post(url).then(), 409, "indicator.code-taken", "code");
        body.put("targets", List.of(shape("PERCENT", "GE", 60, "≥ 60%"), Api.target(2030, "PERCENT", "EQ", 100, "100%")));
        body.put("cooperatingUnitIds", List.of(otherId));
        Api.json().header("If-Match", "\"0\"").body(body).put(url + "/" + id).then().statusCode(200)
                .body("version", equalTo(1)).body("targets.year", contains(2026, 2030)).body("cooperatingUnits.id", contains(otherId));
        body.put("targets", List.of(shape("PERCENT", "GE", 70, "≥ 70%")));
        Api.refused(Api.json().header("If-Match", "\"0\"").body(body).put(url + "/" + id).then(), 412, "conflict.stale-version", null);
        Api.json().get(url + "/" + id).then().body("targets[0].value", equalTo(60));
        Api.json().queryParam("unitId", otherId).get(url).then().body("items.id", contains(id));
    }

    @Test
    void plansRefuseCyclesReversedYearsAndIssuingWithoutNumber() {
        Map<String, Object> bad = Api.planBody(Api.code("KH"), communeId, 2030, 2026);
        Api.refused(Api.json().body(bad).post("/api/v1/plans").then(), 400, "plan.invalid", "endYear");
        Map<String, Object> issued = Api.planBody(Api.code("KH"), communeId, 2026, 2026);
        issued.put("status", "ISSUED");
        Api.refused(Api.json().body(issued).post("/api/v1/plans").then(), 400, "plan.invalid", "documentNumber");
        Map<String, Object> unknownBasis = Api.planBody(Api.code("KH"), communeId, 2026, 2026);
        unknownBasis.put("legalBases", List.of(Map.of("citation", "Căn cứ Kế hoạch số 1/KH-UBND", "planId", UUID.randomUUID().toString())));
        Api.refused(Api.json().body(unknownBasis).post("/api/v1/plans").then(), 400, "plan.unknown", "legalBases[0].planId");

        Map<String, Object> childBody = Api.planBody(Api.code("KH"), communeId, 2026, 2030);
        childBody.put("parentPlanId", planId);
        String childId = Api.createPlan(childBody);
        Map<String, Object> update = new HashMap<>(Api.planBody("ignored", communeId, 2026, 2030));
        update.remove("code");
        update.put("status", "DRAFT");
        update.put("parentPlanId", childId);
        Api.refused(Api.json().header("If-Match", "\"0\"").body(update).put("/api/v1/plans/" + planId).then(), 409, "plan.cycle",
                "parentPlanId");

        update.put("parentPlanId", null);
        update.put("status", "ISSUED");
        update.put("documentNumber", "12/KH-UBND");
        update.put("issueDate", "2026-04-02");
        Api.json().header("If-Match", "\"0\"").body(update).put("/api/v1/plans/" + planId).then().statusCode(200)
                .body("status", equalTo("ISSUED")).body("documentNumber", equalTo("12/KH-UBND"));
        update.put("status", "DRAFT");
        Api.refused(Api.json().header("If-Match", "\"1\"").body(update).put("/api/v1/plans/" + planId).then(), 409,
                "plan.invalid-status-change", "status");
        Api.refused(Api.json().header("If-Match", "\"1\"").delete("/api/v1/plans/" + planId).then(), 409, "plan.not-draft", null);
    }

    @Test
    void tasksHaveLeadsAndATimeframeInsideThePlan() {
        String taskGroup = Api.createGroup(planId, "TASK", "III.1");
        String url = "/api/v1/plans/" + planId + "/tasks";
        Map<String, Object> task = new HashMap<>();
        task.put("code", "III.1.1");
        task.put("groupId", taskGroup);
        task.put("order", 1);
        task.put("description", "Tuyên truyền, hướng dẫn người dân sử dụng chữ ký số");
        task.put("leadUnitIds", List.of(leadId, otherId));
        task.put("product", "Tin bài tuyên truyền");
        task.put("timeframe", Map.of("kind", "SPAN", "startYear", 2026, "endYear", 2030, "wording", "Giai đoạn 2026 - 2030"));
        Api.json().body(task).post(url).then().statusCode(201)
                .body("leadUnits.id", contains(leadId, otherId)).body("progress", equalTo("NOT_STARTED"))
                .body("timeframe.wording", equalTo("Giai đoạn 2026 - 2030"));
        task.put("code", "III.1.2");
        task.put("leadUnitIds", List.of());
        Api.refused(Api.json().body(task).post(url).then(), 400, "request.invalid", "leadUnitIds");
        task.put("leadUnitIds", List.of(leadId));
        task.put("timeframe", Map.of("kind", "SPAN", "startYear", 2026, "endYear", 2031));
        Api.refused(Api.json().body(task).post(url).then(), 400, "task.invalid", "timeframe");
        task.put("timeframe", Map.of("kind", "ONGOING", "startYear", 2026));
        Api.refused(Api.json().body(task).post(url).then(), 400, "task.invalid", "timeframe");
        task.put("timeframe", Map.of("kind", "ONGOING", "wording", "Thường xuyên"));
        task.put("groupId", groupId);
        Api.refused(Api.json().body(task).post(url).then(), 400, "group.unknown", "groupId");
        task.put("groupId", taskGroup);
        Api.json().body(task).post(url).then().statusCode(201);
        Api.json().queryParam("q", "chu ky so").get(url).then().body("totalItems", equalTo(2));
        assertEquals(2, (int) Api.json().get("/api/v1/plans/" + planId).then().extract().path("taskCount"));
    }
}
