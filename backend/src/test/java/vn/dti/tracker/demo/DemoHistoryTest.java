package vn.dti.tracker.demo;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.MessageDigest;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.specification.RequestSpecification;
import vn.dti.tracker.reporting.ReportingClock;

/**
 * The demo's year of reporting, written on a fixed day (Monday 7 December 2026) into a fresh database, as the people of
 * the demo then see it: plans in force, earlier months sent up, November waiting for review with a few items overdue and
 * a report returned to the reporter, December partly filled, evidence whose checksums hold, unread notifications, and
 * the province's wards without a plan. The same day gives the same steps; a second run adds nothing.
 */
@QuarkusTest
@TestProfile(DemoHistoryTest.FreshDatabase.class)
class DemoHistoryTest {

    /** Its own boot, so that the year of reports stays out of the other tests' database. */
    public static class FreshDatabase implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // The plans load as the history expects them (drafts, issued by it), and the history waits for the test's day.
            return Map.of("dti.demo.history", "true", "dti.demo.history.on-start", "false");
        }
    }

    static final LocalDate TODAY = LocalDate.of(2026, 12, 7);
    static final String PLAN = "XUANLOC-CDS-2026";

    @Inject
    DemoHistory history;

    @Inject
    ReportingClock clock;

    @Inject
    EntityManager em;

    @Test
    void aYearOfReportingUpToTodayAsThePeopleOfTheDemoSeeIt() throws Exception {
        clock.fixAt(TODAY.atTime(9, 30).atZone(clock.zone()).toInstant());
        try {
            DemoHistory.Outcome outcome = history.write(TODAY);
            assertTrue(outcome.written());
            assertEquals(List.of(), outcome.refusals(), "every step is one the product allows");
            Map<String, Long> figures = figures();

            // The same day gives the same steps; a restart on the same data adds nothing.
            assertEquals(history.script(TODAY), history.script(TODAY));
            assertFalse(history.write(TODAY).written());
            assertEquals(figures, figures());

            plansInForce();
            periodsAndLateness(figures);
            reporterAndCoordinator();
            evidenceChecksumsHold();
            provinceSeesItsCommunes();
        } finally {
            clock.useSystemClock();
        }
    }

    private void plansInForce() {
        Map<String, Object> plan = as("commune").get("/api/v1/plans/" + planId(PLAN)).then().statusCode(200).extract().path("$");
        assertEquals("ISSUED", plan.get("status"));
        assertEquals("2025-12-26", plan.get("issueDate"));
        assertTrue(((String) plan.get("documentNumber")).endsWith("/KH-UBND"));
        List<Map<String, Object>> sections = cast(plan.get("sections"));
        assertTrue(sections.stream().anyMatch(s -> PlanIssue.NOTE_HEADING.equals(s.get("heading"))
                && ((String) s.get("body")).contains("giá trị của bản trình diễn")), "the plan says its number and date are the demo's");
        Map<String, Object> phuLam = as("province").get("/api/v1/plans/" + planId("PHULAM-DTI-2026-2030")).then().statusCode(200)
                .extract().path("$");
        assertEquals("ISSUED", phuLam.get("status"));
        assertEquals("2026-04-10", phuLam.get("issueDate"), "a fortnight after the province plan it implements");
        assertEquals("154/KH-UBND", as("province").get("/api/v1/plans/" + planId("DNAI-KH154-2026")).then().extract().path("documentNumber"));
    }

    private void periodsAndLateness(Map<String, Long> f) {
        List<Map<String, Object>> periods = as("commune").get("/api/v1/plans/" + planId(PLAN) + "/periods").then().statusCode(200)
                .extract().path("$");
        Map<String, Boolean> closed = new LinkedHashMap<>();
        periods.forEach(p -> closed.put((String) p.get("key"), (Boolean) p.get("closed")));
        for (int m = 1; m <= 10; m++) {
            assertTrue(closed.get(String.format("2026-%02d", m)), "month " + m + " was sent up");
        }
        assertFalse(closed.get("2026-11"), "November still has reports waiting for review");
        assertFalse(closed.get("2026-12"));

        long submitted = f.get("submitted");
        assertTrue(f.get("onTime") > 0.75 * submitted, "most units report on time: " + f);
        assertTrue(f.get("late") > 0.03 * submitted && f.get("late") < 0.25 * submitted, "some report late: " + f);
        assertTrue(f.get("returnedThenResubmitted") >= 20, "reports returned and sent again: " + f);
        assertTrue(f.get("overdueNow") >= 2 && f.get("overdueNow") <= 15, "a few items overdue now: " + f);
        assertTrue(f.get("waitingNovember") >= 2 && f.get("waitingDecember") >= 2, "waiting for review in two periods: " + f);
        assertTrue(f.get("notSentDecember") > 0 && f.get("sentDecember") > 0, "December is partly filled: " + f);
        assertEquals(0, f.get("openBeforeNovember"), "every report of a period sent up is accepted: " + f);
        assertEquals(0, f.get("stepsFromToday"), "everything happened before today: " + f);
    }

    private void reporterAndCoordinator() {
        // The reporter finds a report the coordinator returned, with the comment, waiting to be corrected.
        List<Map<String, Object>> returned = as("reporter").get("/api/v1/reports?state=RETURNED&size=100").then().statusCode(200)
                .extract().path("items");
        assertFalse(returned.isEmpty());
        assertTrue(returned.stream().allMatch(r -> r.get("reviewComment") != null && !((String) r.get("reviewComment")).isBlank()));
        String id = (String) returned.get(0).get("id");
        List<Map<String, Object>> changes = as("reporter").get("/api/v1/reports/" + id + "/history").then().statusCode(200)
                .extract().path("$");
        assertTrue(changes.size() >= 3, "created, submitted, returned");
        assertTrue(changes.stream().allMatch(c -> c.get("by") != null && !"system".equals(c.get("by"))), "people, not the system");
        assertTrue(changes.stream().allMatch(c -> OffsetDateTime.parse((String) c.get("at")).toLocalDate().isBefore(TODAY)),
                "the history happened in the past");
        // The reporter has news, and the coordinator has reports waiting in more than one period.
        long unread = ((Number) as("reporter").get("/api/v1/notifications/unread-count").then().statusCode(200).extract().path("unread"))
                .longValue();
        assertTrue(unread > 0);
        List<String> waitingPeriods = as("commune").get("/api/v1/reports?state=SUBMITTED&size=100&planId=" + planId(PLAN)).then()
                .statusCode(200).extract().path("items.period.key");
        assertTrue(waitingPeriods.stream().distinct().count() >= 2, "waiting in " + waitingPeriods);
    }

    private void evidenceChecksumsHold() throws Exception {
        List<Map<String, Object>> files = as("commune").get("/api/v1/evidence?size=100").then().statusCode(200).extract().path("items");
        assertTrue(files.size() >= 5, "evidence on record: " + files.size());
        Map<String, Object> one = files.get(0);
        byte[] content = as("commune").get("/api/v1/evidence/" + one.get("id") + "/content").then().statusCode(200).extract().asByteArray();
        assertTrue(new String(content, 0, 5, java.nio.charset.StandardCharsets.US_ASCII).startsWith("%PDF"));
        assertEquals(one.get("sha256"), HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content)));
    }

    private void provinceSeesItsCommunes() {
        long communes = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery("""
                select count(*) from org_unit u join org_unit p on p.id = u.parent_id
                 where p.code = 'DNAI' and u.kind in ('COMMUNE', 'WARD')""").getSingleResult()).longValue());
        long withoutPlan = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery("""
                select count(*) from org_unit u join org_unit p on p.id = u.parent_id
                 where p.code = 'DNAI' and u.kind in ('COMMUNE', 'WARD')
                   and not exists (select 1 from plan pl where pl.issuing_unit_id = u.id)""").getSingleResult()).longValue());
        assertTrue(communes >= 4, "communes and wards: " + communes);
        assertTrue(withoutPlan >= 1);
    }

    /** What a coordinator or a dashboard counts, straight from the rows. */
    private Map<String, Long> figures() {
        return QuarkusTransaction.requiringNew().call(() -> {
            Map<String, Long> f = new LinkedHashMap<>();
            String reports = "from report r join reporting_period p on p.id = r.period_id join plan pl on pl.id = r.plan_id ";
            f.put("reports", count("select count(*) " + reports));
            f.put("submitted", count("select count(*) " + reports + "where r.first_submitted_at is not null"));
            f.put("onTime", count("select count(*) " + reports + "where r.first_submitted_at < (p.unit_deadline + 1) at time zone 'Asia/Ho_Chi_Minh'"));
            f.put("late", count("select count(*) " + reports + "where r.first_submitted_at >= (p.unit_deadline + 1) at time zone 'Asia/Ho_Chi_Minh'"));
            f.put("returnedThenResubmitted", count("select count(*) " + reports + "where r.submitted_at > r.first_submitted_at"));
            f.put("overdueNow", count("""
                    select count(*) from assignment a join reporting_period p on p.id = a.period_id join plan pl on pl.id = a.plan_id
                     where a.role = 'LEAD' and pl.code = 'XUANLOC-CDS-2026' and p.period_key = '2026-11'
                       and not exists (select 1 from report r where r.period_id = a.period_id and r.unit_id = a.unit_id
                                       and coalesce(r.indicator_id, r.task_id) = a.item_id and r.state in ('SUBMITTED', 'ACCEPTED'))"""));
            f.put("waitingNovember", count("select count(*) " + reports + "where pl.code = 'XUANLOC-CDS-2026' and p.period_key = '2026-11' and r.state = 'SUBMITTED'"));
            f.put("waitingDecember", count("select count(*) " + reports + "where pl.code = 'XUANLOC-CDS-2026' and p.period_key = '2026-12' and r.state = 'SUBMITTED'"));
            f.put("sentDecember", count("select count(*) " + reports + "where pl.code = 'XUANLOC-CDS-2026' and p.period_key = '2026-12' and r.first_submitted_at is not null"));
            f.put("notSentDecember", count("""
                    select count(*) from assignment a join reporting_period p on p.id = a.period_id join plan pl on pl.id = a.plan_id
                     where a.role = 'LEAD' and pl.code = 'XUANLOC-CDS-2026' and p.period_key = '2026-12'
                       and not exists (select 1 from report r where r.period_id = a.period_id and r.unit_id = a.unit_id
                                       and coalesce(r.indicator_id, r.task_id) = a.item_id and r.first_submitted_at is not null)"""));
            f.put("openBeforeNovember", count("select count(*) " + reports + "where p.sent_up_at is not null and r.state <> 'ACCEPTED'"));
            f.put("stepsFromToday", count("select count(*) from audit_event where object_type = 'report' and occurred_at >= '2026-12-07T00:00:00+07'"));
            f.put("notifications", count("select count(*) from notification"));
            f.put("evidence", count("select count(*) from evidence"));
            return f;
        });
    }

    private long count(String sql) {
        return ((Number) em.createNativeQuery(sql).getSingleResult()).longValue();
    }

    private static final Map<String, String> TOKENS = new java.util.HashMap<>();

    private static RequestSpecification as(String username) {
        String token = TOKENS.computeIfAbsent(username, u -> given().formParam("grant_type", "password").formParam("username", u)
                .formParam("password", "Demo@2026").post("/api/v1/auth/token").then().statusCode(200).extract().path("access_token"));
        return given().header("Authorization", "Bearer " + token).accept("application/json");
    }

    private static String planId(String code) {
        return as("admin").get("/api/v1/plans?q=" + code + "&size=50").then().statusCode(200).extract()
                .path("items.find { it.code == '" + code + "' }.id");
    }

    @SuppressWarnings("unchecked")
    private static <T> T cast(Object o) {
        return (T) o;
    }
}
