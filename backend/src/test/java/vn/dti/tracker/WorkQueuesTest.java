package vn.dti.tracker;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import vn.dti.tracker.reporting.ReportingClock;

/**
 * The first screen of each person who works the reports: the reporter's "my work" (this period, returned reports first with
 * the reviewer's comment, counts per state, earlier late items counted, search without diacritics) and the coordinator's
 * review queue (every waiting report across periods, the oldest period first, counted per period, each naming its unit).
 */
@QuarkusTest
class WorkQueuesTest {

    static final String CENTRE = "DNAI.XUANLOC.TTPVHCC";

    @Inject
    ReportingClock clock;

    @AfterEach
    void realTime() {
        clock.useSystemClock();
    }

    void at(String vietnamTime) {
        clock.fixAt(OffsetDateTime.parse(vietnamTime + "+07:00").toInstant());
    }

    record Fixture(String plan, Map<String, String> indicators) {
    }

    /** An issued 2026 plan of Xuân Lộc, in force from 5 January, with three indicators the public-service centre leads. */
    static Fixture issuedPlan() {
        String commune = Api.unitId("DNAI.XUANLOC");
        String centre = Api.unitId(CENTRE);
        Map<String, Object> body = Api.planBody(Api.code("WORK"), commune, 2026, 2026);
        String plan = Api.createPlan(body);
        String group = Api.createGroup(plan, "INDICATOR", "C");
        Map<String, String> contents = Map.of("UD-1", "Ứng dụng định danh điện tử được kích hoạt", "HS-2",
                "Tỷ lệ hồ sơ trực tuyến toàn trình", "CK-3", "Tỷ lệ người trưởng thành có chữ ký số");
        Map<String, String> ids = new HashMap<>();
        int order = 1;
        for (String code : List.of("UD-1", "HS-2", "CK-3")) {
            Map<String, Object> ind = Api.indicatorBody(code, group, centre, List.of(Api.target(2026, "PERCENT", "GE", 80, "≥ 80%")));
            ind.put("content", contents.get(code));
            ind.put("order", order++);
            ids.put(code, Api.json().body(ind).post("/api/v1/plans/" + plan + "/indicators").then().statusCode(201).extract().path("id"));
        }
        Map<String, Object> issue = new HashMap<>(body);
        issue.remove("code");
        issue.put("status", "ISSUED");
        issue.put("documentNumber", "15/KH-UBND");
        issue.put("issueDate", "2026-01-05");
        String tag = Api.json().get("/api/v1/plans/" + plan).getHeader("ETag");
        Api.json().header("If-Match", tag).body(issue).put("/api/v1/plans/" + plan).then().statusCode(200);
        return new Fixture(plan, ids);
    }

    static Response draft(String indicator, String periodKey) {
        Map<String, Object> body = new HashMap<>();
        body.put("periodKey", periodKey);
        body.put("indicatorId", indicator);
        body.put("value", Map.of("number", 85));
        Response draft = Api.as("reporter").body(body).post("/api/v1/reports");
        draft.then().statusCode(201);
        return draft;
    }

    static Response submit(Response draft) {
        Response submitted = Api.as("reporter").header("If-Match", draft.getHeader("ETag")).post("/api/v1/reports/" + draft.path("id") + "/submit");
        submitted.then().statusCode(200);
        return submitted;
    }

    static JsonPath myWork(String plan, Map<String, Object> query) {
        return Api.as("reporter").queryParam("mine", true).queryParam("planId", plan).queryParams(query).get("/api/v1/assignments").then()
                .statusCode(200).extract().jsonPath();
    }

    @Test
    void myWorkPutsTheReturnedReportFirstWithItsCommentAndCountsTheRest() {
        Fixture f = issuedPlan();
        at("2026-03-10T09:00:00");
        Response returned = submit(draft(f.indicators().get("HS-2"), "2026-03"));
        Api.as("commune").header("If-Match", returned.getHeader("ETag")).body(Map.of("comment", "Bổ sung số hồ sơ toàn trình"))
                .post("/api/v1/reports/" + returned.path("id") + "/return").then().statusCode(200);
        draft(f.indicators().get("CK-3"), "2026-03");

        JsonPath now = myWork(f.plan(), Map.of("periodScope", "CURRENT", "sort", "attention,asc"));
        assertEquals(List.of("HS-2", "CK-3", "UD-1"), now.getList("items.item.code"));
        assertEquals(List.of("RETURNED", "DRAFT", "NOT_STARTED"), now.getList("items.state"));
        assertEquals(List.of("2026-03", "2026-03", "2026-03"), now.getList("items.period.key"));
        assertEquals("Bổ sung số hồ sơ toàn trình", now.getString("items[0].reviewComment"));
        assertEquals(null, now.getString("items[1].reviewComment"));
        assertEquals(Map.of("NOT_STARTED", 1, "DRAFT", 1, "SUBMITTED", 0, "RETURNED", 1, "ACCEPTED", 0, "LATE", 0), now.getMap("counts"));
        // January and February are over and nothing of theirs was sent: three indicators each.
        assertEquals(6, now.getInt("overdueEarlier"));
        // A state filter narrows the list, not the counts.
        JsonPath returnedOnly = myWork(f.plan(), Map.of("periodScope", "CURRENT", "state", "RETURNED"));
        assertEquals(List.of("HS-2"), returnedOnly.getList("items.item.code"));
        assertEquals(now.getMap("counts"), returnedOnly.getMap("counts"));

        // One tap away: the earlier late items themselves, the oldest first.
        JsonPath earlier = myWork(f.plan(), Map.of("periodScope", "EARLIER", "state", "LATE", "sort", "deadline,asc"));
        assertEquals(6, earlier.getInt("totalItems"));
        assertEquals(List.of("2026-01", "2026-01", "2026-01", "2026-02", "2026-02", "2026-02"), earlier.getList("items.period.key"));
        assertEquals(6, earlier.getInt("counts.LATE"));
        assertEquals(6, earlier.getInt("overdueEarlier"));
    }

    @Test
    void myWorkFindsItemsByCodeOrWordsWithoutDiacritics() {
        Fixture f = issuedPlan();
        at("2026-03-10T09:00:00");
        JsonPath words = myWork(f.plan(), Map.of("periodScope", "CURRENT", "q", "ung dung"));
        assertEquals(List.of("UD-1"), words.getList("items.item.code"));
        assertEquals("Ứng dụng định danh điện tử được kích hoạt", words.getString("items[0].item.content"));
        assertEquals(1, words.getInt("counts.NOT_STARTED"));
        JsonPath code = myWork(f.plan(), Map.of("periodScope", "CURRENT", "q", "ck-3"));
        assertEquals(List.of("CK-3"), code.getList("items.item.code"));
        JsonPath none = myWork(f.plan(), Map.of("periodScope", "CURRENT", "q", "khong co muc nay"));
        assertEquals(0, none.getInt("totalItems"));
        assertEquals(0, none.getInt("counts.NOT_STARTED"));
        // Punctuation alone is no words: nothing is filtered out.
        assertEquals(3, myWork(f.plan(), Map.of("periodScope", "CURRENT", "q", "%")).getInt("totalItems"));
        Api.refused(Api.as("reporter").queryParam("periodScope", "SOMEDAY").get("/api/v1/assignments").then(), 400, "request.invalid-parameter", null);
    }

    @Test
    void reviewQueueHoldsEveryWaitingPeriodOldestFirstAndNamesTheUnit() {
        Fixture f = issuedPlan();
        // One after another, so that the order of arrival is the order of the submission times.
        at("2026-03-10T09:00:00");
        submit(draft(f.indicators().get("HS-2"), "2026-03"));
        at("2026-03-10T09:01:00");
        submit(draft(f.indicators().get("CK-3"), "2026-02"));
        at("2026-03-10T09:02:00");
        submit(draft(f.indicators().get("UD-1"), "2026-01"));
        at("2026-03-10T09:03:00");
        submit(draft(f.indicators().get("UD-1"), "2026-03"));

        JsonPath queue = Api.as("commune").queryParam("planId", f.plan()).get("/api/v1/review-queue").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(4, queue.getInt("totalItems"));
        assertEquals(List.of("2026-01", "2026-02", "2026-03", "2026-03"), queue.getList("items.period.key"));
        // Within a period, in the order they arrived.
        assertEquals(List.of("UD-1", "CK-3", "HS-2", "UD-1"), queue.getList("items.item.code"));
        assertEquals(List.of(CENTRE, CENTRE, CENTRE, CENTRE), queue.getList("items.unit.code"));
        String centreName = Api.json().get("/api/v1/org-units/" + Api.unitId(CENTRE)).then().extract().path("name");
        assertEquals(centreName, queue.getString("items[0].unit.name"));
        assertEquals(List.of("2026-01", "2026-02", "2026-03"), queue.getList("periods.period.key"));
        assertEquals(List.of(1, 1, 2), queue.getList("periods.count"));
        assertEquals(List.of("15/KH-UBND", "15/KH-UBND", "15/KH-UBND"), queue.getList("periods.plan.documentNumber"));

        // One period at a time, its neighbours still counted.
        Api.as("commune").queryParam("planId", f.plan()).queryParam("periodKey", "2026-02").get("/api/v1/review-queue").then()
                .statusCode(200).body("totalItems", equalTo(1)).body("items[0].item.code", equalTo("CK-3"))
                .body("periods.size()", equalTo(3));

        // Across every plan in the coordinator's scope, the periods stay oldest first.
        JsonPath all = Api.as("commune").queryParam("size", 200).get("/api/v1/review-queue").then().statusCode(200).extract().jsonPath();
        List<String> starts = all.getList("periods.period.key");
        List<String> sorted = starts.stream().sorted((a, b) -> a.substring(0, Math.min(a.length(), 7)).compareTo(b.substring(0,
                Math.min(b.length(), 7)))).toList();
        assertEquals(sorted, starts);
        assertEquals(List.of("2026-01", "2026-02", "2026-03", "2026-03"),
                all.getList("items.findAll { it.plan.id == '" + f.plan() + "' }.period.key"));
    }
}
