package vn.dti.tracker;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * What the dashboards draw first, each in one request, on a province of its own: three communes (one whose plan carries
 * out the province's, one whose plan does not, one without a plan) and a commune's plan reported on in January and
 * February, late. The province sees every commune, searchable without diacritics; a commune sees itself alone; the
 * leader reads the period's statuses, its late units, the change since January and the year so far.
 */
@QuarkusTest
class DashboardReadTest {

    static final String PASSWORD = "Kiem@Thu2026";

    static String province;
    static String provincePlan;
    static String provinceIndicator;
    static String xuanLoc;
    static String xuanLocPlan;
    static String phuLamPlan;
    static String office;
    static String provinceToken;
    static String xuanLocToken;
    static String leaderToken;
    static String fedIndicator;
    static String otherIndicator;

    /** Made once, before the first test (the server is up by then, not yet before all of them). */
    @BeforeEach
    void aProvinceOfItsOwn() {
        if (province != null) {
            return;
        }
        province = Api.createUnit(Api.code("TINH"), "Tỉnh Thử Nghiệm", "PROVINCE", null);
        String department = Api.createUnit(Api.code("SKHCN"), "Sở Khoa học và Công nghệ", "DEPARTMENT", province);
        xuanLoc = Api.createUnit(Api.code("XL"), "Xã Xuân Lộc", "COMMUNE", province);
        String phuLam = Api.createUnit(Api.code("PL"), "Phường Phú Lâm", "WARD", province);
        Api.createUnit(Api.code("TP"), "Xã Tân Phú", "COMMUNE", province);
        String closed = Api.createUnit(Api.code("CU"), "Xã Cũ Đã Sáp Nhập", "COMMUNE", province);
        deactivate(closed);
        office = Api.createUnit(Api.code("VHXH"), "Phòng Văn hóa - Xã hội", "DEPARTMENT", xuanLoc);

        provincePlan = issuedPlan(province, null);
        provinceIndicator = indicator(provincePlan, department, "C.1", null);
        phuLamPlan = issuedPlan(phuLam, provincePlan);
        indicator(phuLamPlan, phuLam, "C.1", provinceIndicator);
        xuanLocPlan = issuedPlan(xuanLoc, null);
        fedIndicator = indicator(xuanLocPlan, office, "C.1", null);
        otherIndicator = indicator(xuanLocPlan, office, "C.2", null);

        provinceToken = Api.signIn(user(department, "PROVINCE_COORDINATOR"), PASSWORD);
        xuanLocToken = Api.signIn(user(office, "COMMUNE_COORDINATOR"), PASSWORD);
        leaderToken = Api.signIn(user(xuanLoc, "VIEWER"), PASSWORD);

        // Xuân Lộc's office reports C.1 for January (50%, off track) and February (90%, met), both after their deadlines,
        // and never C.2; January's consolidated report is sent up, after its deadline too.
        report(xuanLocToken, "2026-01", fedIndicator, 50);
        report(xuanLocToken, "2026-02", fedIndicator, 90);
        String period = "/api/v1/plans/" + xuanLocPlan + "/periods/2026-01";
        with(xuanLocToken).header("If-Match", with(xuanLocToken).get(period).getHeader("ETag")).body(Map.of()).post(period + "/send-up")
                .then().statusCode(200);
    }

    static void deactivate(String unit) {
        Response current = Api.json().get("/api/v1/org-units/" + unit);
        Map<String, Object> body = new HashMap<>();
        body.put("name", current.path("name"));
        body.put("kind", current.path("kind"));
        body.put("parentId", current.path("parent.id"));
        body.put("active", false);
        Api.json().header("If-Match", current.getHeader("ETag")).body(body).put("/api/v1/org-units/" + unit).then().statusCode(200);
    }

    static String issuedPlan(String issuer, String parent) {
        Map<String, Object> body = Api.planBody(Api.code("KH"), issuer, 2026, 2026);
        body.put("status", "ISSUED");
        body.put("documentNumber", "12/KH-UBND");
        body.put("issueDate", "2025-12-15");
        body.put("parentPlanId", parent);
        return Api.createPlan(body);
    }

    static String indicator(String plan, String lead, String code, String feeds) {
        Map<String, Object> body = Api.indicatorBody(code, group(plan), lead, List.of(Api.target(2026, "PERCENT", "GE", 80, "≥ 80%")));
        body.put("contributesToId", feeds);
        return Api.json().body(body).post("/api/v1/plans/" + plan + "/indicators").then().statusCode(201).extract().path("id");
    }

    static String group(String plan) {
        List<String> existing = Api.json().get("/api/v1/plans/" + plan + "/groups").then().statusCode(200).extract().path("id");
        return existing.isEmpty() ? Api.createGroup(plan, "INDICATOR", "C") : existing.get(0);
    }

    static String user(String unit, String role) {
        String username = "t-" + java.util.UUID.randomUUID().toString().substring(0, 10);
        Map<String, Object> body = new HashMap<>();
        body.put("username", username);
        body.put("fullName", "Người dùng kiểm thử");
        body.put("orgUnitId", unit);
        body.put("roles", List.of(role));
        body.put("password", PASSWORD);
        Api.json().body(body).post("/api/v1/users").then().statusCode(201);
        return username;
    }

    static RequestSpecification with(String token) {
        return given().contentType(ContentType.JSON).accept(ContentType.JSON).header("Authorization", "Bearer " + token);
    }

    /** A report of the office, submitted and accepted. */
    static void report(String token, String periodKey, String indicator, int percent) {
        Response draft = with(token).body(Map.of("periodKey", periodKey, "indicatorId", indicator, "value", Map.of("number", percent)))
                .post("/api/v1/reports");
        draft.then().statusCode(201);
        String path = "/api/v1/reports/" + draft.path("id");
        Response submitted = with(token).header("If-Match", draft.getHeader("ETag")).post(path + "/submit");
        submitted.then().statusCode(200);
        with(token).header("If-Match", submitted.getHeader("ETag")).body(Map.of()).post(path + "/accept").then().statusCode(200);
    }

    static String communes(String periodKey) {
        return "/api/v1/plans/" + provincePlan + "/periods/" + periodKey + "/communes";
    }

    // ---- the province's communes ----

    @Test
    void theProvinceSeesEveryCommuneWithOrWithoutAPlan() {
        JsonPath page = with(provinceToken).get(communes("2026-01")).then().statusCode(200).extract().jsonPath();
        // Vietnamese order; the commune merged away (inactive) is not listed.
        assertEquals(List.of("Phường Phú Lâm", "Xã Tân Phú", "Xã Xuân Lộc"), page.getList("items.commune.name"));
        assertEquals(3, page.getInt("totalCommunes"));
        assertEquals(3, page.getInt("totalItems"));
        assertEquals(List.of("WARD", "COMMUNE", "COMMUNE"), page.getList("items.kind"));

        // Phú Lâm carries out the province's plan and has sent nothing, its deadline long passed.
        assertEquals(true, page.getBoolean("items[0].plan.implementsParent"));
        assertEquals("ISSUED", page.getString("items[0].plan.status"));
        assertEquals("OVERDUE", page.getString("items[0].state"));
        assertEquals("2026-01", page.getString("items[0].periodKey"));
        assertEquals("2026-01-25", page.getString("items[0].consolidationDeadline"));
        assertNull(page.get("items[0].sentUpAt"));
        assertEquals(1, page.getInt("items[0].timeliness.expected"));
        assertEquals(1, page.getInt("items[0].timeliness.missing"));
        assertEquals(List.of("Phường Phú Lâm"), page.getList("items[0].timeliness.lateUnits.unit.name"));
        assertEquals(List.of("NOT_REPORTED"), page.getList("items[0].feeding." + provinceIndicator));
        assertEquals(1, page.getInt("items[0].statusCounts.NOT_REPORTED"));

        // Tân Phú has no plan: that is shown, not hidden.
        assertNull(page.get("items[1].plan"));
        assertEquals("NO_PLAN", page.getString("items[1].state"));
        assertEquals(0, page.getInt("items[1].timeliness.expected"));

        // Xuân Lộc's plan does not carry out the province's, and it is listed all the same: sent up, late.
        assertEquals(false, page.getBoolean("items[2].plan.implementsParent"));
        assertEquals(xuanLocPlan, page.getString("items[2].plan.id"));
        assertEquals("SENT_LATE", page.getString("items[2].state"));
        assertNotNull(page.get("items[2].sentUpAt"));
        assertEquals(2, page.getInt("items[2].timeliness.expected"));
        assertEquals(1, page.getInt("items[2].timeliness.late"));
        assertEquals(1, page.getInt("items[2].timeliness.missing"));
        assertEquals(1, page.getInt("items[2].statusCounts.OFF_TRACK"));
        assertEquals(1, page.getInt("items[2].statusCounts.NOT_REPORTED"));

        assertEquals(Map.of("NO_PLAN", 1, "PLAN_NOT_ISSUED", 0, "NO_PERIOD", 0, "NOT_SENT", 0, "OVERDUE", 1, "SENT", 0, "SENT_LATE", 1),
                page.getMap("stateCounts"));
        // The province's indicator, rolled up from the one commune indicator that feeds it (nothing accepted yet).
        assertEquals(1, page.getInt("rollups[0].feeding"));
        assertEquals(0, page.getInt("rollups[0].reported"));
    }

    @Test
    void theListIsSearchedWithoutDiacriticsFilteredSortedAndPaged() {
        with(provinceToken).queryParam("q", "xuan loc").get(communes("2026-01")).then().statusCode(200)
                .body("items.commune.name", equalTo(List.of("Xã Xuân Lộc"))).body("totalItems", equalTo(1)).body("totalCommunes", equalTo(3));
        with(provinceToken).queryParam("q", "PHÚ").get(communes("2026-01")).then().statusCode(200)
                .body("items.commune.name", equalTo(List.of("Phường Phú Lâm", "Xã Tân Phú")));
        with(provinceToken).queryParam("q", "12/kh-ubnd").get(communes("2026-01")).then().statusCode(200)
                .body("items.commune.name", equalTo(List.of("Phường Phú Lâm", "Xã Xuân Lộc")));
        with(provinceToken).queryParam("state", "NO_PLAN").get(communes("2026-01")).then().statusCode(200)
                .body("items.commune.name", equalTo(List.of("Xã Tân Phú")));
        with(provinceToken).queryParam("state", "SENT_LATE").get(communes("2026-01")).then().statusCode(200)
                .body("items.commune.name", equalTo(List.of("Xã Xuân Lộc")));
        // Worst first: overdue, then without a plan, then sent late.
        with(provinceToken).queryParam("sort", "state,asc").get(communes("2026-01")).then().statusCode(200)
                .body("items.state", equalTo(List.of("OVERDUE", "NO_PLAN", "SENT_LATE")));
        with(provinceToken).queryParam("sort", "name,desc").queryParam("size", 2).queryParam("page", 1).get(communes("2026-01")).then()
                .statusCode(200).body("items.commune.name", equalTo(List.of("Phường Phú Lâm"))).body("totalPages", equalTo(2))
                .body("totalItems", equalTo(3)).body("page", equalTo(1)).body("size", equalTo(2));
        // February: nobody has sent up yet; Xuân Lộc's deadline passed too.
        with(provinceToken).queryParam("q", "xuan loc").get(communes("2026-02")).then().statusCode(200)
                .body("items[0].state", equalTo("OVERDUE")).body("items[0].sentUpAt", nullValue())
                .body("items[0].statusCounts.MET", equalTo(1));
    }

    @Test
    void aCommuneSeesItselfAloneAndOthersSeeNothing() {
        with(xuanLocToken).get(communes("2026-01")).then().statusCode(200)
                .body("items.commune.name", equalTo(List.of("Xã Xuân Lộc"))).body("totalCommunes", equalTo(1))
                .body("stateCounts.SENT_LATE", equalTo(1)).body("stateCounts.OVERDUE", equalTo(0));
        with(leaderToken).get(communes("2026-01")).then().statusCode(200).body("items.commune.name", equalTo(List.of("Xã Xuân Lộc")));
        // Another province's people do not know this province's plan exists.
        Api.refused(Api.as("province").get(communes("2026-01")).then(), 404, "plan.not-found", null);
        Api.refused(Api.as("commune").get(communes("2026-01")).then(), 404, "plan.not-found", null);
        Api.as("admin").get(communes("2026-01")).then().statusCode(200).body("totalCommunes", equalTo(3));
    }

    @Test
    void badListRequestsAreRefused() {
        Api.refused(with(provinceToken).get(communes("2026-13")).then(), 404, "period.not-found", null);
        Api.refused(with(provinceToken).queryParam("sort", "population").get(communes("2026-01")).then(), 400, "request.invalid-paging", "sort");
        Api.refused(with(provinceToken).queryParam("size", 0).get(communes("2026-01")).then(), 400, "request.invalid-paging", "size");
        with(provinceToken).queryParam("state", "LOST").get(communes("2026-01")).then().statusCode(400)
                .contentType("application/problem+json");
        Api.refused(Api.anonymous().get(communes("2026-01")).then(), 401, "auth.unauthenticated", null);
    }

    // ---- a plan's period at a glance ----

    static String summary(String periodKey) {
        return "/api/v1/plans/" + xuanLocPlan + "/periods/" + periodKey + "/summary";
    }

    @Test
    void theLeaderReadsStatusesLateUnitsChangeAndTheYearSoFar() {
        JsonPath s = with(leaderToken).get(summary("2026-02")).then().statusCode(200).extract().jsonPath();
        assertEquals("2026-02", s.getString("period.key"));
        assertEquals("Xã Xuân Lộc", s.getString("issuingUnit.name"));
        assertEquals(1, s.getInt("statusCounts.MET"));
        assertEquals(1, s.getInt("statusCounts.NOT_REPORTED"));
        assertEquals(0, s.getInt("statusCounts.OFF_TRACK"));
        assertEquals(2, s.getInt("timeliness.expected"));
        assertEquals(1, s.getInt("timeliness.late"));
        assertEquals(1, s.getInt("timeliness.missing"));
        assertEquals(List.of("Phòng Văn hóa - Xã hội"), s.getList("timeliness.lateUnits.unit.name"));

        // Since January: C.1 went from off track to met; the counts moved with it.
        assertEquals("2026-01", s.getString("change.previousKey"));
        assertEquals(1, s.getInt("change.previousStatusCounts.OFF_TRACK"));
        assertEquals(1, s.getInt("change.statusDelta.MET"));
        assertEquals(-1, s.getInt("change.statusDelta.OFF_TRACK"));
        assertEquals(0, s.getInt("change.statusDelta.NOT_REPORTED"));
        assertEquals(1, s.getInt("change.better"));
        assertEquals(0, s.getInt("change.worse"));
        assertEquals(List.of("C.1"), s.getList("change.indicators.indicator.code"));
        assertEquals("OFF_TRACK", s.getString("change.indicators[0].from"));
        assertEquals("MET", s.getString("change.indicators[0].to"));
        assertEquals("BETTER", s.getString("change.indicators[0].direction"));
        assertEquals(1, s.getInt("change.previousLateUnits"));
        assertEquals(2, s.getInt("change.previousLateOrMissing"));

        // The year so far: January and February, each late; the office late in both.
        assertEquals(2026, s.getInt("yearToDate.year"));
        assertEquals(List.of("2026-01", "2026-02"), s.getList("yearToDate.periods.key"));
        assertEquals(List.of(true, false), s.getList("yearToDate.periods.closed"));
        assertEquals(List.of(1, 1), s.getList("yearToDate.periods.late"));
        assertEquals(List.of(1, 1), s.getList("yearToDate.periods.missing"));
        assertEquals(1, s.getInt("yearToDate.periods[0].statusCounts.OFF_TRACK"));
        assertEquals(4, s.getInt("yearToDate.expected"));
        assertEquals(2, s.getInt("yearToDate.submitted"));
        assertEquals(0, s.getInt("yearToDate.onTime"));
        assertEquals(2, s.getInt("yearToDate.late"));
        assertEquals(2, s.getInt("yearToDate.missing"));
        assertEquals(List.of("Phòng Văn hóa - Xã hội"), s.getList("yearToDate.lateUnits.unit.name"));
        assertEquals(2, s.getInt("yearToDate.lateUnits[0].missing"));
        assertEquals(2, s.getInt("yearToDate.lateUnits[0].submittedLate"));
        assertEquals(2, s.getInt("yearToDate.lateUnits[0].periods"));
    }

    @Test
    void theFirstPeriodHasNoChangeAndOthersDoNotSeeTheSummary() {
        with(leaderToken).get(summary("2026-01")).then().statusCode(200).body("change", nullValue())
                .body("yearToDate.periods.key", equalTo(List.of("2026-01")));
        // The province reads its communes' summaries; the demo commune's people do not know this plan.
        with(provinceToken).get(summary("2026-02")).then().statusCode(200).body("statusCounts.MET", equalTo(1));
        Api.refused(Api.as("viewer").get(summary("2026-02")).then(), 404, "plan.not-found", null);
        Api.refused(with(leaderToken).get(summary("2026-13")).then(), 404, "period.not-found", null);
    }
}
