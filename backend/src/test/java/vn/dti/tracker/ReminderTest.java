package vn.dti.tracker;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import vn.dti.tracker.auth.AccessPolicy;
import vn.dti.tracker.notification.NotificationService;
import vn.dti.tracker.reporting.ReportingClock;

/**
 * Reminders 3 days and 1 day before the deadline of 20 April 2026, once it has passed (the unit, then
 * its coordinator), and after a review; each exactly once however often the job runs; e-mail held in
 * the outbox when no SMTP server is configured.
 */
@QuarkusTest
class ReminderTest {

    @Inject
    NotificationService notifications;

    @Inject
    ReportingClock clock;

    @AfterEach
    void realTime() {
        clock.useSystemClock();
    }

    static RequestSpecification as(String token) {
        return RestAssured.given().contentType(ContentType.JSON).header("Authorization", "Bearer " + token);
    }

    static String person(String unit, String role, String email) {
        Map<String, Object> user = new HashMap<>(Map.of("username", "r-" + Api.code("u").toLowerCase(), "fullName", "Cán bộ kiểm thử",
                "orgUnitId", unit, "roles", List.of(role), "password", "Kiem@Thu2026", "email", email));
        Api.json().body(user).post("/api/v1/users").then().statusCode(201);
        return Api.signIn((String) user.get("username"), "Kiem@Thu2026");
    }

    void remind(String day) {
        clock.fixAt(OffsetDateTime.parse(day + "T06:00:00+07:00").toInstant());
        AccessPolicy.asSystem(() -> notifications.remind(LocalDate.parse(day)));
    }

    @Test
    void reportersAreRemindedBeforeAndAfterTheDeadlineAndCoordinatorsOfLateness() {
        String commune = Api.unitId("DNAI.XUANLOC");
        String office = Api.createUnit(Api.code("VP"), "Văn phòng điều phối kiểm thử", "OFFICE", commune);
        String unit = Api.createUnit(Api.code("TO"), "Tổ công nghệ số kiểm thử", "COMMUNITY_TECH_TEAM", commune);
        String reporterMail = Api.code("bc").toLowerCase() + "@xuanloc.dongnai.gov.vn";
        String reporter = person(unit, "UNIT_REPORTER", reporterMail);
        String coordinator = person(office, "COMMUNE_COORDINATOR", Api.code("dp").toLowerCase() + "@xuanloc.dongnai.gov.vn");
        Map<String, Object> body = Api.issued(Api.planBody(Api.code("REMIND"), commune, 2026, 2026));
        body.put("reportingRegime", Api.regime(office));
        String plan = Api.createPlan(body);
        String group = Api.createGroup(plan, "INDICATOR", "A");
        String indicator = Api.json().body(Api.indicatorBody("A.1", group, unit, List.of(Api.target(2026, "PERCENT", "GE", 80, "≥ 80%"))))
                .post("/api/v1/plans/" + plan + "/indicators").then().statusCode(201).extract().path("id");

        // Deadlines of January to March passed long before the first run: only the last week is caught up.
        remind("2026-04-17");
        assertEquals(1, unread(reporter), "3 days before");
        remind("2026-04-17");
        remind("2026-04-18");
        assertEquals(1, unread(reporter), "a second run the same day, or a day without a reminder, adds nothing");
        remind("2026-04-19");
        assertEquals(2, unread(reporter), "1 day before");
        assertEquals(0, unread(coordinator));
        remind("2026-04-21");
        remind("2026-04-22");
        assertEquals(3, unread(reporter), "once passed");
        assertEquals(1, unread(coordinator), "the coordinator learns the unit is late");

        as(reporter).get("/api/v1/notifications/unread-count").then().statusCode(200).body("unread", equalTo(3));
        as(reporter).get("/api/v1/notifications").then().statusCode(200)
                .body("items.kind", equalTo(List.of("DEADLINE_PASSED", "DEADLINE_SOON", "DEADLINE_SOON")))
                .body("items[0].title", equalTo("Đã quá hạn báo cáo tháng 4/2026"))
                .body("items[0].body", equalTo("Đơn vị Tổ công nghệ số kiểm thử chưa gửi 1 mục trong báo cáo tháng 4/2026 theo Kế hoạch số"
                        + " 01/KH-UBND; hạn là 20/04/2026. Hãy gửi ngay."))
                .body("items[1].body", equalTo("Đơn vị Tổ công nghệ số kiểm thử còn 1 mục chưa gửi trong báo cáo tháng 4/2026 theo Kế hoạch"
                        + " số 01/KH-UBND. Hạn gửi: 20/04/2026."));
        as(coordinator).get("/api/v1/notifications").then().statusCode(200).body("items.kind", equalTo(List.of("UNIT_LATE")))
                .body("items[0].title", equalTo("Đơn vị chậm báo cáo: Tổ công nghệ số kiểm thử"))
                .body("items[0].body", equalTo("Tổ công nghệ số kiểm thử chưa gửi 1 mục trong báo cáo tháng 4/2026 theo Kế hoạch số 01/KH-UBND,"
                        + " hạn 20/04/2026."));
        Api.json().queryParam("size", 200).get("/api/v1/mail-outbox").then().statusCode(200)
                .body("items.findAll { it.to == '" + reporterMail + "' }.subject", hasItem("Sắp đến hạn báo cáo tháng 4/2026"))
                .body("items.findAll { it.to == '" + reporterMail + "' }.size()", equalTo(3))
                .body("items.find { it.to == '" + reporterMail + "' }.sentAt", equalTo(null));
        Api.refused(Api.as("commune").get("/api/v1/mail-outbox").then(), 403, "access.denied", null);

        // Read, they leave the unread count.
        as(reporter).body(Map.of()).post("/api/v1/notifications/read").then().statusCode(204);
        as(reporter).get("/api/v1/notifications/unread-count").then().body("unread", equalTo(0));

        // A returned report is told to its unit, with the reviewer's comment.
        clock.fixAt(OffsetDateTime.parse("2026-05-10T09:00:00+07:00").toInstant());
        Response draft = as(reporter).body(Map.of("periodKey", "2026-05", "indicatorId", indicator, "value", Map.of("number", 60)))
                .post("/api/v1/reports");
        Response submitted = as(reporter).header("If-Match", draft.getHeader("ETag")).post("/api/v1/reports/" + draft.path("id") + "/submit");
        as(coordinator).header("If-Match", submitted.getHeader("ETag")).body(Map.of("comment", "Thiếu số liệu ấp 2"))
                .post("/api/v1/reports/" + draft.path("id") + "/return").then().statusCode(200);
        as(reporter).queryParam("unread", true).get("/api/v1/notifications").then()
                .body("items.kind", equalTo(List.of("REPORT_RETURNED")))
                .body("items[0].title", equalTo("Báo cáo bị trả lại: A.1, tháng 5/2026"))
                .body("items[0].body", equalTo("Báo cáo tháng 5/2026 của đơn vị về A.1 cần sửa và gửi lại. Ý kiến: Thiếu số liệu ấp 2"));
        // Resubmitted in time: no reminder for May.
        Response again = as(reporter).get("/api/v1/reports/" + draft.path("id"));
        as(reporter).header("If-Match", again.getHeader("ETag")).post("/api/v1/reports/" + draft.path("id") + "/submit").then().statusCode(200);
        remind("2026-05-17");
        assertEquals(1, unread(reporter), "only the returned report's notice");
    }

    @Test
    void nothingBeforeAPlanTakesEffectAndNothingOfADraftIsChased() {
        String commune = Api.unitId("DNAI.XUANLOC");
        String unit = Api.createUnit(Api.code("TO"), "Tổ công nghệ số kiểm thử", "COMMUNITY_TECH_TEAM", commune);
        String reporter = person(unit, "UNIT_REPORTER", Api.code("bc").toLowerCase() + "@xuanloc.dongnai.gov.vn");
        Map<String, Object> issued = Api.issued(Api.planBody(Api.code("REMIND"), commune, 2026, 2026));
        issued.put("issueDate", "2026-12-07");
        Map<String, Object> draft = Api.planBody(Api.code("REMIND"), commune, 2026, 2026);
        for (Map<String, Object> body : List.of(issued, draft)) {
            String plan = Api.createPlan(body);
            String group = Api.createGroup(plan, "INDICATOR", "A");
            Api.json().body(Api.indicatorBody("A.1", group, unit, List.of(Api.target(2026, "PERCENT", "GE", 80, "≥ 80%"))))
                    .post("/api/v1/plans/" + plan + "/indicators").then().statusCode(201);
        }
        // 22 November: November's deadline (the 20th) has passed, but the plan issued on 7 December does not cover it yet
        // and the draft covers nothing.
        remind("2026-11-22");
        assertEquals(0, unread(reporter));
        // December is due: reminded 3 days before its deadline, and once it has passed, for the issued plan only.
        remind("2026-12-17");
        remind("2026-12-22");
        as(reporter).get("/api/v1/notifications").then().statusCode(200)
                .body("items.kind", equalTo(List.of("DEADLINE_PASSED", "DEADLINE_SOON")))
                .body("items.title", equalTo(List.of("Đã quá hạn báo cáo tháng 12/2026", "Sắp đến hạn báo cáo tháng 12/2026")));
    }

    static int unread(String token) {
        return as(token).get("/api/v1/notifications/unread-count").then().statusCode(200).extract().path("unread");
    }
}
