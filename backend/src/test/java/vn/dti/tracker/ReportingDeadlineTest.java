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
 * The clock stands on the days around a deadline (20 April 2026, Vietnam time) and the answers follow:
 * a submission at 23:00 on the day is on time, one two days later is late by two days, an item never
 * submitted is late and counted missing; every target shape takes its own kind of value.
 */
@QuarkusTest
class ReportingDeadlineTest {

    @Inject
    ReportingClock clock;

    @AfterEach
    void realTime() {
        clock.useSystemClock();
    }

    void at(String vietnamTime) {
        clock.fixAt(OffsetDateTime.parse(vietnamTime + "+07:00").toInstant());
    }

    /** A plan of Xuân Lộc whose indicators the public-service centre leads, one per target shape. */
    record Fixture(String plan, Map<String, String> indicators) {
    }

    static Fixture fixture() {
        String commune = Api.unitId("DNAI.XUANLOC");
        String centre = Api.unitId("DNAI.XUANLOC.TTPVHCC");
        Map<String, Object> body = Api.issued(Api.planBody(Api.code("DEADLINE"), commune, 2026, 2026));
        String plan = Api.createPlan(body);
        String group = Api.createGroup(plan, "INDICATOR", "A");
        Map<String, String> ids = new HashMap<>();
        Map<String, Map<String, Object>> shapes = new HashMap<>();
        shapes.put("PERCENT", Api.target(2026, "PERCENT", "GE", 80, "≥ 80%"));
        shapes.put("FRACTION", Api.target(2026, "PERCENT", "GE", 50, "≥ 50%"));
        Map<String, Object> pass = Api.target(2026, "PASS_FAIL", null, null, "Đạt");
        shapes.put("PASS_FAIL", pass);
        Map<String, Object> rank = Api.target(2026, "RANK", "LE", 4, "≤ 4");
        rank.put("outOf", 34);
        shapes.put("RANK", rank);
        shapes.put("COUNT", Api.target(2026, "COUNT", "GE", 1, "≥ 01"));
        int order = 1;
        for (var e : shapes.entrySet()) {
            Map<String, Object> ind = Api.indicatorBody(e.getKey().replace('_', '-'), group, centre, List.of(e.getValue()));
            ind.put("order", order++);
            if (e.getKey().equals("FRACTION")) {
                ind.put("capturedAsFraction", true);
            }
            ids.put(e.getKey(), Api.json().body(ind).post("/api/v1/plans/" + plan + "/indicators").then().statusCode(201).extract().path("id"));
        }
        return new Fixture(plan, ids);
    }

    static Response draft(String indicator, Map<String, Object> value) {
        Map<String, Object> body = new HashMap<>();
        body.put("periodKey", "2026-04");
        body.put("indicatorId", indicator);
        body.put("value", value);
        return Api.as("reporter").body(body).post("/api/v1/reports");
    }

    static Response submit(Response draft) {
        return Api.as("reporter").header("If-Match", draft.getHeader("ETag")).post("/api/v1/reports/" + draft.path("id") + "/submit");
    }

    @Test
    void onTimeLateAndMissingAroundTheDeadline() {
        Fixture f = fixture();
        at("2026-04-20T23:00:00");
        Response onTime = draft(f.indicators().get("PERCENT"), Map.of("number", 82));
        submit(onTime).then().statusCode(200).body("onTime", equalTo(true)).body("daysLate", equalTo(0));

        // Before the deadline has passed nothing is late.
        JsonPath due = Api.as("reporter").queryParam("planId", f.plan()).queryParam("periodKey", "2026-04").queryParam("mine", true)
                .get("/api/v1/assignments").then().statusCode(200).extract().jsonPath();
        assertEquals(5, due.getInt("totalItems"));
        assertEquals(List.of(), due.getList("items.findAll { it.state == 'LATE' }"));
        assertEquals(0, due.getInt("items.find { it.item.code == 'COUNT' }.daysLeft"));

        at("2026-04-22T09:00:00");
        Response late = draft(f.indicators().get("COUNT"), Map.of("number", 1));
        submit(late).then().statusCode(200).body("onTime", equalTo(false)).body("daysLate", equalTo(2));
        Response unsent = draft(f.indicators().get("RANK"), Map.of("rank", 6, "rankOutOf", 34));
        unsent.then().statusCode(201).body("daysLate", equalTo(2));

        JsonPath after = Api.as("commune").queryParam("planId", f.plan()).queryParam("periodKey", "2026-04")
                .get("/api/v1/assignments").then().statusCode(200).extract().jsonPath();
        assertEquals("SUBMITTED", after.getString("items.find { it.item.code == 'PERCENT' }.state"));
        assertEquals("SUBMITTED", after.getString("items.find { it.item.code == 'COUNT' }.state"));
        assertEquals("LATE", after.getString("items.find { it.item.code == 'RANK' }.state"));
        assertEquals("LATE", after.getString("items.find { it.item.code == 'PASS-FAIL' }.state"));
        assertEquals(-2, after.getInt("items.find { it.item.code == 'RANK' }.daysLeft"));
        Api.as("commune").queryParam("planId", f.plan()).queryParam("periodKey", "2026-04").queryParam("state", "LATE").get("/api/v1/assignments").then()
                .body("totalItems", equalTo(3));

        at("2026-04-25T08:00:00");
        Api.as("commune").get("/api/v1/plans/" + f.plan() + "/periods/2026-04/consolidated").then().statusCode(200)
                .body("timeliness.expected", equalTo(5)).body("timeliness.submitted", equalTo(2))
                .body("timeliness.onTime", equalTo(1)).body("timeliness.late", equalTo(1)).body("timeliness.missing", equalTo(3))
                .body("timeliness.lateUnits[0].unit.code", equalTo("DNAI.XUANLOC.TTPVHCC"))
                .body("timeliness.lateUnits[0].missing", equalTo(3)).body("timeliness.lateUnits[0].submittedLate", equalTo(1))
                .body("timeliness.lateUnits[0].daysLate", equalTo(5));
    }

    @Test
    void weekendDeadlineMovesToFridayWhenThePlanSaysSo() {
        String commune = Api.unitId("DNAI.XUANLOC");
        Map<String, Object> body = Api.planBody(Api.code("SHIFT"), commune, 2026, 2026);
        @SuppressWarnings("unchecked")
        Map<String, Object> regime = (Map<String, Object>) body.get("reportingRegime");
        regime.put("deadlineShift", "PREVIOUS_WORKING_DAY");
        String plan = Api.createPlan(body);
        // 20 June 2026 is a Saturday, 25 June a Thursday; 20 September a Sunday.
        Api.json().get("/api/v1/plans/" + plan + "/periods/2026-06").then().body("unitDeadline", equalTo("2026-06-19"))
                .body("consolidationDeadline", equalTo("2026-06-25"));
        Api.json().get("/api/v1/plans/" + plan + "/periods/2026-09").then().body("unitDeadline", equalTo("2026-09-18"));
        // The same plan without the setting keeps the day.
        Map<String, Object> plain = Api.planBody(Api.code("NOSHIFT"), commune, 2026, 2026);
        Api.json().get("/api/v1/plans/" + Api.createPlan(plain) + "/periods/2026-06").then().body("unitDeadline", equalTo("2026-06-20"));
    }

    @Test
    void everyShapeTakesItsOwnValueAndStatus() {
        Fixture f = fixture();
        at("2026-04-10T10:00:00");
        Api.refused(draft(f.indicators().get("FRACTION"), Map.of("numerator", 3, "denominator", 0)).then(), 400,
                "report.denominator-zero", "value.denominator");
        Api.refused(draft(f.indicators().get("FRACTION"), Map.of("numerator", 5, "denominator", 4)).then(), 400,
                "report.numerator-exceeds-denominator", "value.numerator");
        Api.refused(draft(f.indicators().get("FRACTION"), Map.of("number", 40)).then(), 400, "report.value-shape", "value.number");
        Api.refused(draft(f.indicators().get("COUNT"), Map.of("number", 1.5)).then(), 400, "report.count-not-whole", "value.number");
        Api.refused(draft(f.indicators().get("PASS_FAIL"), Map.of("number", 1)).then(), 400, "report.value-shape", "value.number");
        Api.refused(draft(f.indicators().get("RANK"), Map.of("rank", 40, "rankOutOf", 34)).then(), 400, "report.rank-beyond-out-of",
                "value.rankOutOf");
        Api.json().queryParam("planId", f.plan()).get("/api/v1/reports").then().body("totalItems", equalTo(0));

        Map<String, Map<String, Object>> values = Map.of("PERCENT", Map.of("number", 75), "FRACTION", Map.of("numerator", 450, "denominator", 1000),
                "PASS_FAIL", Map.of("met", true), "RANK", Map.of("rank", 3, "rankOutOf", 34), "COUNT", Map.of("number", 0));
        for (var e : values.entrySet()) {
            Response r = submit(draft(f.indicators().get(e.getKey()), e.getValue()));
            r.then().statusCode(200);
            Api.as("commune").header("If-Match", r.getHeader("ETag")).body(Map.of()).post("/api/v1/reports/" + r.path("id") + "/accept")
                    .then().statusCode(200);
        }
        // April is a third of the way through the year; without a baseline each value is held against the target itself.
        JsonPath c = Api.as("viewer").get("/api/v1/plans/" + f.plan() + "/periods/2026-04/consolidated").then().statusCode(200)
                .extract().jsonPath();
        assertEquals("AT_RISK", c.getString("indicators.find { it.indicator.code == 'PERCENT' }.status"));
        assertEquals("AT_RISK", c.getString("indicators.find { it.indicator.code == 'FRACTION' }.status"));
        assertEquals(45, c.getInt("indicators.find { it.indicator.code == 'FRACTION' }.achieved"));
        assertEquals("MET", c.getString("indicators.find { it.indicator.code == 'PASS-FAIL' }.status"));
        assertEquals("MET", c.getString("indicators.find { it.indicator.code == 'RANK' }.status"));
        assertEquals("OFF_TRACK", c.getString("indicators.find { it.indicator.code == 'COUNT' }.status"));
        assertEquals(2, c.getInt("statusCounts.MET"));
        // A later month with no report of its own still counts the latest accepted value of the year.
        Api.as("viewer").get("/api/v1/plans/" + f.plan() + "/periods/2026-05/consolidated").then()
                .body("indicators.find { it.indicator.code == 'RANK' }.status", equalTo("MET"))
                .body("indicators.find { it.indicator.code == 'RANK' }.reportPeriodKey", equalTo("2026-04"));
        // December read in April, with April's value: judged as April's, so off track, not yet "not met".
        Api.as("viewer").get("/api/v1/plans/" + f.plan() + "/periods/2026-12/consolidated").then()
                .body("indicators.find { it.indicator.code == 'COUNT' }.status", equalTo("OFF_TRACK"));
        // Once December's deadline for the consolidated report has passed, the year's result is final: not met.
        at("2026-12-26T10:00:00");
        Api.as("viewer").get("/api/v1/plans/" + f.plan() + "/periods/2026-12/consolidated").then()
                .body("indicators.find { it.indicator.code == 'COUNT' }.status", equalTo("NOT_MET"));
    }

    /** A plan of Xuân Lộc issued on {@code issueDate} (and taking effect on {@code effectiveDate}, if given), one indicator of the centre. */
    static Fixture issuedOn(String issueDate, String effectiveDate) {
        Map<String, Object> body = Api.issued(Api.planBody(Api.code("ISSUED"), Api.unitId("DNAI.XUANLOC"), 2026, 2026));
        body.put("issueDate", issueDate);
        body.put("effectiveDate", effectiveDate);
        String plan = Api.createPlan(body);
        String group = Api.createGroup(plan, "INDICATOR", "A");
        String id = Api.json().body(Api.indicatorBody("A.1", group, Api.unitId("DNAI.XUANLOC.TTPVHCC"),
                List.of(Api.target(2026, "COUNT", "GE", 1, "≥ 01")))).post("/api/v1/plans/" + plan + "/indicators").then().statusCode(201)
                .extract().path("id");
        return new Fixture(plan, Map.of("COUNT", id));
    }

    @Test
    void aPlanIssuedOnSevenDecemberMakesOnlyDecemberDue() {
        Fixture f = issuedOn("2026-12-07", null);
        at("2026-12-22T09:00:00");
        // December is due and overdue; January to November are neither due nor late.
        JsonPath mine = Api.as("reporter").queryParam("planId", f.plan()).queryParam("mine", true).get("/api/v1/assignments").then()
                .statusCode(200).extract().jsonPath();
        assertEquals(List.of("2026-12"), mine.getList("items.period.key"));
        assertEquals("LATE", mine.getString("items[0].state"));
        assertEquals(true, mine.getBoolean("items[0].overdue"));
        assertEquals(2, mine.getInt("items[0].daysLate"));
        Api.as("commune").queryParam("planId", f.plan()).queryParam("periodKey", "2026-11").get("/api/v1/assignments").then()
                .body("totalItems", equalTo(0));
        Api.as("commune").get("/api/v1/plans/" + f.plan() + "/periods/2026-11").then().body("due", equalTo(false))
                .body("sentUpLate", equalTo(false));
        Api.as("commune").get("/api/v1/plans/" + f.plan() + "/periods/2026-11/consolidated").then().statusCode(200)
                .body("timeliness.expected", equalTo(0)).body("timeliness.missing", equalTo(0)).body("timeliness.lateUnits.size()", equalTo(0));
        Api.as("commune").get("/api/v1/plans/" + f.plan() + "/periods/2026-12/consolidated").then()
                .body("timeliness.expected", equalTo(1)).body("timeliness.missing", equalTo(1))
                .body("timeliness.lateUnits[0].daysLate", equalTo(2));
        // A November report sent now is not late: November was never due.
        Response november = Api.as("reporter").body(Map.of("periodKey", "2026-11", "indicatorId", f.indicators().get("COUNT"),
                "value", Map.of("number", 1))).post("/api/v1/reports");
        november.then().statusCode(201).body("due", equalTo(false)).body("overdue", equalTo(false)).body("daysLate", equalTo(0));
        submit(november).then().statusCode(200).body("onTime", equalTo(true)).body("daysLate", equalTo(0));
        Api.as("commune").get("/api/v1/plans/" + f.plan()).then().body("effectiveFrom", equalTo("2026-12-07"));
    }

    @Test
    void aStatedEffectiveDateDecidesWhatIsDue() {
        Fixture f = issuedOn("2026-12-07", "2026-10-01");
        at("2026-12-22T09:00:00");
        JsonPath all = Api.as("commune").queryParam("planId", f.plan()).queryParam("sort", "deadline,asc").get("/api/v1/assignments").then()
                .statusCode(200).extract().jsonPath();
        assertEquals(List.of("2026-10", "2026-11", "2026-12"), all.getList("items.period.key"));
        Api.as("commune").get("/api/v1/plans/" + f.plan()).then().body("effectiveDate", equalTo("2026-10-01"))
                .body("effectiveFrom", equalTo("2026-10-01"));
        // Outside the plan's years it is refused, and nothing changes.
        Map<String, Object> bad = Api.issued(Api.planBody(Api.code("EFFECT"), Api.unitId("DNAI.XUANLOC"), 2026, 2026));
        bad.put("effectiveDate", "2027-01-01");
        Api.refused(Api.json().body(bad).post("/api/v1/plans").then(), 400, "plan.invalid", "effectiveDate")
                .body("errors[0].code", equalTo("plan.effective-outside-years"));
        Api.json().queryParam("q", bad.get("code")).get("/api/v1/plans").then().body("totalItems", equalTo(0));
    }

    @Test
    void aReturnedReportPastItsDeadlineIsOverdueAndAResubmissionIsJudgedByItsOwnDay() {
        Fixture f = issuedOn("2026-01-01", null);
        String indicator = f.indicators().get("COUNT");
        at("2026-03-18T10:00:00");
        Response sent = submit(Api.as("reporter").body(Map.of("periodKey", "2026-03", "indicatorId", indicator, "value", Map.of("number", 1)))
                .post("/api/v1/reports"));
        sent.then().statusCode(200).body("onTime", equalTo(true));
        String id = sent.path("id");
        at("2026-03-19T10:00:00");
        Api.as("commune").header("If-Match", sent.getHeader("ETag")).body(Map.of("comment", "Bổ sung tài liệu")).post("/api/v1/reports/" + id + "/return")
                .then().statusCode(200).body("onTime", equalTo(null)).body("overdue", equalTo(false));

        at("2026-03-23T10:00:00");
        Api.as("reporter").get("/api/v1/reports/" + id).then().body("state", equalTo("RETURNED")).body("overdue", equalTo(true))
                .body("daysLate", equalTo(3));
        JsonPath mine = Api.as("reporter").queryParam("planId", f.plan()).queryParam("periodKey", "2026-03").queryParam("mine", true)
                .get("/api/v1/assignments").then().extract().jsonPath();
        assertEquals("RETURNED", mine.getString("items[0].state"));
        assertEquals(true, mine.getBoolean("items[0].overdue"));
        assertEquals("Bổ sung tài liệu", mine.getString("items[0].reviewComment"));
        // January and February, never reported, are overdue too; March is, though a report was sent in time and returned.
        Api.as("commune").queryParam("planId", f.plan()).queryParam("overdue", true).get("/api/v1/assignments").then()
                .body("items.period.key", equalTo(List.of("2026-03", "2026-02", "2026-01")))
                .body("items.state", equalTo(List.of("RETURNED", "LATE", "LATE")));
        Api.as("commune").get("/api/v1/plans/" + f.plan() + "/periods/2026-03/consolidated").then()
                .body("timeliness.submitted", equalTo(0)).body("timeliness.missing", equalTo(1)).body("timeliness.lateUnits[0].daysLate", equalTo(3));

        at("2026-03-24T10:00:00");
        String tag = Api.as("reporter").get("/api/v1/reports/" + id).then().extract().header("ETag");
        Api.as("reporter").header("If-Match", tag).post("/api/v1/reports/" + id + "/submit").then().statusCode(200)
                .body("onTime", equalTo(false)).body("daysLate", equalTo(4)).body("overdue", equalTo(false));
        Api.as("commune").get("/api/v1/plans/" + f.plan() + "/periods/2026-03/consolidated").then()
                .body("timeliness.submitted", equalTo(1)).body("timeliness.onTime", equalTo(0)).body("timeliness.late", equalTo(1))
                .body("timeliness.missing", equalTo(0)).body("timeliness.lateUnits[0].submittedLate", equalTo(1))
                .body("timeliness.lateUnits[0].daysLate", equalTo(4));
    }
}
