package vn.dti.tracker;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * The whole review cycle on the demo plan of Xuân Lộc (units report by the 20th, the coordinator sends
 * up by the 25th), as its people do it: the public-service centre's reporter writes, the commune's
 * Culture and Society Office reviews. Each test uses its own period so that they do not meet.
 */
@QuarkusTest
class ReportingWorkflowTest {

    static final String PLAN = "XUANLOC-CDS-2026";

    static String indicator(String planId, String code) {
        return Api.json().queryParam("size", 200).get("/api/v1/plans/" + planId + "/indicators").then().statusCode(200)
                .extract().path("items.find { it.code == '" + code + "' }.id");
    }

    static Map<String, Object> report(String period, String indicatorId, Map<String, Object> value, String achievements) {
        Map<String, Object> body = new HashMap<>();
        body.put("periodKey", period);
        body.put("indicatorId", indicatorId);
        body.put("value", value);
        body.put("achievements", achievements);
        return body;
    }

    static Map<String, Object> number(Object n) {
        return Map.of("number", n);
    }

    static Response create(String who, Map<String, Object> body) {
        return Api.as(who).body(body).post("/api/v1/reports");
    }

    static String etag(Response r) {
        return r.getHeader("ETag");
    }

    @Test
    void periodsFollowTheRegime() {
        String plan = Api.planId(PLAN);
        JsonPath periods = Api.as("reporter").get("/api/v1/plans/" + plan + "/periods").then().statusCode(200).extract().jsonPath();
        assertEquals(12, periods.getList("$").size());
        assertEquals(List.of("2026-01", "2026-02", "2026-03"), periods.getList("key").subList(0, 3));
        Api.as("reporter").get("/api/v1/plans/" + plan + "/periods/2026-02").then().statusCode(200)
                .header("ETag", notNullValue())
                .body("startsOn", equalTo("2026-02-01")).body("endsOn", equalTo("2026-02-28"))
                .body("unitDeadline", equalTo("2026-02-20")).body("consolidationDeadline", equalTo("2026-02-25"))
                .body("closed", equalTo(false));
        // Phú Lâm: units by the 18th, the coordinator by the 20th, over 2026–2030.
        String phuLam = Api.planId("PHULAM-DTI-2026-2030");
        JsonPath pl = Api.json().get("/api/v1/plans/" + phuLam + "/periods").then().statusCode(200).extract().jsonPath();
        assertEquals(60, pl.getList("$").size());
        assertEquals("2030-12-18", pl.getString("find { it.key == '2030-12' }.unitDeadline"));
        assertEquals("2030-12-20", pl.getString("find { it.key == '2030-12' }.consolidationDeadline"));
        Api.refused(Api.json().get("/api/v1/plans/" + plan + "/periods/2026-13").then(), 404, "period.not-found", null);
    }

    @Test
    void reportGoesThroughDraftSubmitReturnAcceptLockAndReopen() {
        String plan = Api.planId(PLAN);
        String c1 = indicator(plan, "C.1");
        String c2 = indicator(plan, "C.2");

        Response created = create("reporter", report("2026-02", c1, number(65), "Đã tiếp nhận 1.300 hồ sơ trực tuyến"));
        created.then().statusCode(201).body("state", equalTo("DRAFT")).body("role", equalTo("LEAD"))
                .body("unit.code", equalTo("DNAI.XUANLOC.TTPVHCC")).body("value.number", equalTo(65))
                .body("period.key", equalTo("2026-02")).body("item.code", equalTo("C.1"));
        String id = created.path("id");
        String path = "/api/v1/reports/" + id;
        Api.refused(create("reporter", report("2026-02", c1, number(66), null)).then(), 409, "report.exists", "indicatorId");

        // Two people edit the same draft: the second save from the old version is refused with the current one.
        String v0 = etag(created);
        Response first = Api.as("reporter").header("If-Match", v0).body(Map.of("value", number(66))).put(path);
        first.then().statusCode(200).body("value.number", equalTo(66));
        Api.refused(Api.as("reporter").header("If-Match", v0).body(Map.of("value", number(99))).put(path).then(), 412,
                "conflict.stale-version", null).header("ETag", etag(first)).body("currentVersion", equalTo(1));
        Api.refused(Api.as("reporter").body(Map.of("value", number(99))).put(path).then(), 428, "request.if-match-required", "If-Match");
        Api.as("reporter").get(path).then().body("value.number", equalTo(66));

        // Only the unit's people write it; only the commune's coordinators review it.
        Api.refused(Api.as("reporter2").header("If-Match", etag(first)).body(Map.of("value", number(1))).put(path).then(), 403,
                "access.not-your-unit", null);
        Api.refused(Api.as("viewer").header("If-Match", etag(first)).post(path + "/submit").then(), 403, "access.denied", null);
        Api.refused(Api.as("reporter").header("If-Match", etag(first)).body(Map.of()).post(path + "/accept").then(), 403,
                "access.denied", null);
        Api.refused(Api.as("commune").header("If-Match", etag(first)).body(Map.of()).post(path + "/accept").then(), 409,
                "report.not-submitted", null);

        Response submitted = Api.as("reporter").header("If-Match", etag(first)).post(path + "/submit");
        submitted.then().statusCode(200).body("state", equalTo("SUBMITTED")).body("submittedBy", notNullValue())
                .body("firstSubmittedAt", notNullValue());
        Api.refused(Api.as("reporter").header("If-Match", etag(submitted)).body(Map.of("value", number(70))).put(path).then(), 409,
                "report.under-review", null);
        Api.refused(Api.as("commune").header("If-Match", etag(submitted)).body(Map.of("comment", " ")).post(path + "/return").then(), 400,
                "report.comment-required", "comment");

        Response returned = Api.as("commune").header("If-Match", etag(submitted))
                .body(Map.of("comment", "Bổ sung số hồ sơ của tháng 02")).post(path + "/return");
        returned.then().statusCode(200).body("state", equalTo("RETURNED")).body("reviewComment", equalTo("Bổ sung số hồ sơ của tháng 02"));
        Response corrected = Api.as("reporter").header("If-Match", etag(returned)).body(Map.of("value", number(72),
                "achievements", "Đã tiếp nhận 1.440 hồ sơ trực tuyến", "difficulties", "Mạng chập chờn ở ấp 3")).put(path);
        corrected.then().statusCode(200).body("state", equalTo("RETURNED"));
        Response resubmitted = Api.as("reporter").header("If-Match", etag(corrected)).post(path + "/submit");
        resubmitted.then().statusCode(200).body("state", equalTo("SUBMITTED"));
        Response accepted = Api.as("commune").header("If-Match", etag(resubmitted)).body(Map.of()).post(path + "/accept");
        accepted.then().statusCode(200).body("state", equalTo("ACCEPTED")).body("locked", equalTo(false));
        Api.refused(Api.as("reporter").header("If-Match", etag(accepted)).body(Map.of("value", number(80))).put(path).then(), 409,
                "report.already-accepted", null);
        Api.refused(Api.as("commune").header("If-Match", etag(accepted)).body(Map.of()).post(path + "/accept").then(), 409,
                "report.already-accepted", null);

        // Sending the consolidated report up closes the period: the accepted report is locked.
        String periodPath = "/api/v1/plans/" + plan + "/periods/2026-02";
        String periodTag = Api.as("commune").get(periodPath).getHeader("ETag");
        Api.refused(Api.as("reporter").header("If-Match", periodTag).body(Map.of()).post(periodPath + "/send-up").then(), 403,
                "access.denied", null);
        Api.as("commune").header("If-Match", periodTag).body(Map.of("note", "Báo cáo số 12/BC-UBND")).post(periodPath + "/send-up")
                .then().statusCode(200).body("closed", equalTo(true)).body("sentUpNote", equalTo("Báo cáo số 12/BC-UBND"));
        Api.refused(Api.as("commune").header("If-Match", Api.as("commune").get(periodPath).getHeader("ETag")).body(Map.of())
                .post(periodPath + "/send-up").then(), 409, "period.already-sent-up", null);
        Api.as("reporter").get(path).then().body("locked", equalTo(true));
        Api.refused(Api.as("reporter").header("If-Match", etag(accepted)).body(Map.of("value", number(80))).put(path).then(), 409,
                "report.locked", null);
        Api.refused(create("reporter", report("2026-02", c2, number(100), null)).then(), 409, "report.period-closed", null);

        // Reopen takes a reason; the unit corrects and resubmits; the coordinator accepts again.
        Api.refused(Api.as("commune").header("If-Match", etag(accepted)).body(Map.of("comment", "")).post(path + "/reopen").then(), 400,
                "report.reason-required", "comment");
        Response reopened = Api.as("commune").header("If-Match", etag(accepted))
                .body(Map.of("comment", "Sở KH&CN đề nghị rà soát lại số liệu")).post(path + "/reopen");
        reopened.then().statusCode(200).body("state", equalTo("RETURNED")).body("reopenReason", equalTo("Sở KH&CN đề nghị rà soát lại số liệu"))
                .body("locked", equalTo(false));
        Response fixed = Api.as("reporter").header("If-Match", etag(reopened)).body(Map.of("value", number(71),
                "achievements", "Đã tiếp nhận 1.420 hồ sơ trực tuyến (đã rà soát)")).put(path);
        fixed.then().statusCode(200);
        Response again = Api.as("reporter").header("If-Match", etag(fixed)).post(path + "/submit");
        Api.as("commune").header("If-Match", etag(again)).body(Map.of()).post(path + "/accept").then().statusCode(200)
                .body("locked", equalTo(true)).body("value.number", equalTo(71));

        // The history names who changed which field, from what to what.
        JsonPath history = Api.as("viewer").get(path + "/history").then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> changes = history.getList("$");
        assertEquals("CREATE", changes.get(0).get("action"));
        assertEquals(65, history.getInt("[0].changes.'value.number'.to"));
        assertTrue(changes.stream().anyMatch(c -> "UPDATE".equals(c.get("action"))
                && Map.of("from", 66, "to", 72).equals(((Map<?, ?>) c.get("changes")).get("value.number"))), changes.toString());
        List<Object> states = history.getList("findAll { it.changes.state != null }.changes.state.to");
        assertEquals(List.of("DRAFT", "SUBMITTED", "RETURNED", "SUBMITTED", "ACCEPTED", "RETURNED", "SUBMITTED", "ACCEPTED"), states);
        // People by their full names, never by their account names.
        assertTrue(history.getList("by").contains("Cán bộ điều phối xã Xuân Lộc")
                && history.getList("by").contains("Cán bộ Trung tâm Phục vụ hành chính công xã Xuân Lộc"), history.prettify());
        assertFalse(history.getList("by").contains("commune") || history.getList("by").contains("reporter"), history.prettify());

        // The consolidated report counts the lead unit's accepted value: 71% against "70%".
        Api.as("viewer").get(periodPath + "/consolidated").then().statusCode(200)
                .body("period.closed", equalTo(true))
                .body("indicators.find { it.indicator.code == 'C.1' }.status", equalTo("MET"))
                .body("indicators.find { it.indicator.code == 'C.1' }.achieved", equalTo(71))
                .body("indicators.find { it.indicator.code == 'C.1' }.leadUnit.code", equalTo("DNAI.XUANLOC.TTPVHCC"))
                .body("indicators.find { it.indicator.code == 'C.1' }.achievements", equalTo("Đã tiếp nhận 1.420 hồ sơ trực tuyến (đã rà soát)"))
                .body("indicators.find { it.indicator.code == 'C.2' }.status", equalTo("NOT_REPORTED"))
                .body("indicators", hasSize(30));
    }

    @Test
    void cooperatingUnitsContributeAndOthersAreNotAssigned() {
        String plan = Api.planId(PLAN);
        String c3 = indicator(plan, "C.3");
        // The commune's agencies (cơ quan chuyên môn) cooperate on C.3; give them a reporter.
        Map<String, Object> user = new HashMap<>(Map.of("username", "coquan-" + Api.code("u").toLowerCase(), "fullName", "Cán bộ cơ quan",
                "orgUnitId", Api.unitId("DNAI.XUANLOC.COQUAN"), "roles", List.of("UNIT_REPORTER"), "password", "Kiem@Thu2026"));
        Api.json().body(user).post("/api/v1/users").then().statusCode(201);
        String token = Api.signIn((String) user.get("username"), "Kiem@Thu2026");
        Response contribution = io.restassured.RestAssured.given().contentType("application/json").header("Authorization", "Bearer " + token)
                .body(report("2026-03", c3, Map.of(), "Số hóa 120 hồ sơ lưu trữ")).post("/api/v1/reports");
        contribution.then().statusCode(201).body("role", equalTo("COOPERATING"));
        io.restassured.RestAssured.given().header("Authorization", "Bearer " + token).header("If-Match", etag(contribution))
                .post("/api/v1/reports/" + contribution.path("id") + "/submit").then().statusCode(200);
        // The lead unit sees it while writing its own.
        Api.as("reporter").queryParam("indicatorId", c3).queryParam("periodKey", "2026-03").queryParam("role", "COOPERATING")
                .get("/api/v1/reports").then().statusCode(200).body("items", hasSize(1))
                .body("items[0].unit.code", equalTo("DNAI.XUANLOC.COQUAN")).body("items[0].achievements", equalTo("Số hóa 120 hồ sơ lưu trữ"));
        // The police post is not assigned C.3: refused on the field, nothing stored.
        Api.refused(create("reporter2", report("2026-03", c3, number(100), null)).then(), 400, "report.not-assigned", "indicatorId");
        Api.json().queryParam("indicatorId", c3).queryParam("unitId", Api.unitId("DNAI.XUANLOC.CA")).get("/api/v1/reports").then()
                .body("totalItems", equalTo(0));
        // And what is due for the police post lists only its own indicators (C.16 and C.22) and its tasks.
        JsonPath due = Api.as("reporter2").queryParam("mine", true).queryParam("planId", plan).queryParam("periodKey", "2026-03")
                .queryParam("size", 200)
                .get("/api/v1/assignments").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("C.16", "C.22"), due.getList("items.findAll { it.item.kind == 'INDICATOR' && it.role == 'LEAD' }.item.code"));
        assertTrue(due.getList("items.unit.code").stream().allMatch("DNAI.XUANLOC.CA"::equals));
    }

    @Test
    void badValuesAreRefusedOnTheFieldAndNothingIsStored() {
        String plan = Api.planId(PLAN);
        String c4 = indicator(plan, "C.4");
        Api.refused(create("reporter", report("2026-05", c4, Map.of("met", true), null)).then(), 400, "report.value-shape", "value.met");
        Api.refused(create("reporter", report("2026-05", c4, number(-5), null)).then(), 400, "report.value-negative", "value.number");
        Api.refused(create("reporter", report("2026-05", c4, number(120), null)).then(), 400, "report.percent-over-100", "value.number");
        Api.refused(create("reporter", report("2026-05", c4, Map.of("numerator", 3, "denominator", 4), null)).then(), 400,
                "report.value-shape", "value.numerator");
        Api.refused(create("reporter", report("2026-13", c4, number(5), null)).then(), 400, "report.period-unknown", "periodKey");
        Api.refused(create("reporter", report("2026-05", "00000000-0000-0000-0000-000000000000", number(5), null)).then(), 400,
                "indicator.unknown", "indicatorId");
        Map<String, Object> both = report("2026-05", c4, number(5), null);
        both.put("taskId", "00000000-0000-0000-0000-000000000000");
        Api.refused(create("reporter", both).then(), 400, "report.item-required", "indicatorId");
        Api.refused(create("reporter", report("2026-05", c4, Map.of("number", "nhiều"), null)).then(), 400, "request.invalid-value",
                "value.number");
        Api.json().queryParam("indicatorId", c4).get("/api/v1/reports").then().body("totalItems", equalTo(0));

        // A draft may be incomplete; a submission of the lead unit may not.
        Response draft = create("reporter", report("2026-05", c4, null, "Đang tổng hợp"));
        draft.then().statusCode(201);
        Api.refused(Api.as("reporter").header("If-Match", etag(draft)).post("/api/v1/reports/" + draft.path("id") + "/submit").then(), 400,
                "report.incomplete", "value.number");
        Api.as("reporter").get("/api/v1/reports/" + draft.path("id")).then().body("state", equalTo("DRAFT")).body("value.number", nullValue());
    }

    @Test
    void statusesOfTheDemoPlanAreComputedNotTyped() {
        String plan = Api.planId(PLAN);
        JsonPath consolidated = Api.as("commune").get("/api/v1/plans/" + plan + "/periods/2026-01/consolidated").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(30, consolidated.getList("indicators").size());
        assertEquals(30, consolidated.getInt("statusCounts.NOT_REPORTED"));
        assertEquals(List.of("A", "A", "B"), consolidated.getList("indicators.groupCode").subList(0, 3));
        assertTrue(consolidated.getInt("timeliness.expected") >= 30, consolidated.prettify());
        Api.as("commune").get("/api/v1/plans/" + plan + "/periods/2026-01/consolidated").then()
                .body("tasks.task.code", hasItem(notNullValue()));
    }
}
