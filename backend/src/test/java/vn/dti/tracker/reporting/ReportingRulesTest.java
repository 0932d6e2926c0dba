package vn.dti.tracker.reporting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import org.junit.jupiter.api.Test;

import vn.dti.tracker.plan.Plan;
import vn.dti.tracker.plan.PlanStatus;
import vn.dti.tracker.reporting.Report.Role;

/** Each reporting rule and its edges, without a database (the SQL form is checked against these in ReportingRulesSqlTest). */
class ReportingRulesTest {

    static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");
    static final LocalDate DEADLINE = LocalDate.of(2026, 3, 20);

    static Instant vn(int month, int day, int hour, int minute) {
        return ZonedDateTime.of(2026, month, day, hour, minute, 0, 0, VN).toInstant();
    }

    @Test
    void onlyAnIssuedPlanIsInForce() {
        assertFalse(ReportingRules.inForce(PlanStatus.DRAFT));
        assertTrue(ReportingRules.inForce(PlanStatus.ISSUED));
        assertFalse(ReportingRules.inForce(PlanStatus.CLOSED));
        assertFalse(ReportingRules.inForce(null));
    }

    @Test
    void aPlanTakesEffectOnItsStatedDateElseOnItsIssueDate() {
        assertEquals(LocalDate.of(2026, 12, 7), ReportingRules.effectiveFrom(LocalDate.of(2026, 12, 7), null));
        assertEquals(LocalDate.of(2026, 1, 1), ReportingRules.effectiveFrom(LocalDate.of(2026, 12, 7), LocalDate.of(2026, 1, 1)));
        assertNull(ReportingRules.effectiveFrom(null, null));
    }

    @Test
    void aPlanIssuedOnSevenDecemberMakesOnlyDecemberDue() {
        LocalDate issued = LocalDate.of(2026, 12, 7);
        assertTrue(ReportingRules.due(PlanStatus.ISSUED, issued, null, LocalDate.of(2026, 12, 31)));
        assertFalse(ReportingRules.due(PlanStatus.ISSUED, issued, null, LocalDate.of(2026, 11, 30)));
        assertFalse(ReportingRules.due(PlanStatus.ISSUED, issued, null, LocalDate.of(2026, 1, 31)));
        // A period ending on the very day the plan takes effect is due.
        assertTrue(ReportingRules.due(PlanStatus.ISSUED, LocalDate.of(2026, 11, 30), null, LocalDate.of(2026, 11, 30)));
        // A stated effective date wins over the issue date, earlier or later.
        assertTrue(ReportingRules.due(PlanStatus.ISSUED, issued, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 31)));
        assertFalse(ReportingRules.due(PlanStatus.ISSUED, LocalDate.of(2026, 1, 5), LocalDate.of(2026, 7, 1), LocalDate.of(2026, 6, 30)));
    }

    @Test
    void draftsAndClosedPlansAreNeverDue() {
        assertFalse(ReportingRules.due(PlanStatus.DRAFT, LocalDate.of(2026, 1, 1), null, LocalDate.of(2026, 3, 31)));
        assertFalse(ReportingRules.due(PlanStatus.DRAFT, null, null, LocalDate.of(2026, 3, 31)));
        assertFalse(ReportingRules.due(PlanStatus.CLOSED, LocalDate.of(2026, 1, 1), null, LocalDate.of(2026, 3, 31)));
        assertFalse(ReportingRules.due(PlanStatus.ISSUED, null, null, LocalDate.of(2026, 3, 31)));
    }

    @Test
    void overdueOnceTheDeadlineDayHasEndedUnlessTheReportStandsAsSent() {
        LocalDate onTheDay = DEADLINE;
        LocalDate dayAfter = DEADLINE.plusDays(1);
        assertFalse(ReportingRules.overdue(true, Role.LEAD, DEADLINE, null, onTheDay), "the deadline day is still open");
        assertTrue(ReportingRules.overdue(true, Role.LEAD, DEADLINE, null, dayAfter), "no report");
        assertTrue(ReportingRules.overdue(true, Role.LEAD, DEADLINE, ReportState.DRAFT, dayAfter), "a draft");
        assertTrue(ReportingRules.overdue(true, Role.LEAD, DEADLINE, ReportState.RETURNED, dayAfter), "a returned report");
        assertFalse(ReportingRules.overdue(true, Role.LEAD, DEADLINE, ReportState.SUBMITTED, dayAfter));
        assertFalse(ReportingRules.overdue(true, Role.LEAD, DEADLINE, ReportState.ACCEPTED, dayAfter));
        assertFalse(ReportingRules.overdue(true, Role.COOPERATING, DEADLINE, null, dayAfter), "contributions are not chased");
        assertFalse(ReportingRules.overdue(false, Role.LEAD, DEADLINE, null, dayAfter), "a period that is not due");
    }

    @Test
    void aSubmissionIsLateByTheDayItWasSentInVietnam() {
        // 23:59 on the deadline day in Vietnam is 16:59 UTC: on time; 00:00 the next day is late.
        assertFalse(ReportingRules.submittedLate(true, ReportState.SUBMITTED, vn(3, 20, 23, 59), DEADLINE, VN));
        assertTrue(ReportingRules.submittedLate(true, ReportState.SUBMITTED, vn(3, 21, 0, 0), DEADLINE, VN));
        assertTrue(ReportingRules.submittedLate(true, ReportState.ACCEPTED, vn(3, 25, 9, 0), DEADLINE, VN));
        assertFalse(ReportingRules.submittedLate(false, ReportState.ACCEPTED, vn(3, 25, 9, 0), DEADLINE, VN), "not due: not late");
        assertFalse(ReportingRules.submittedLate(true, ReportState.RETURNED, vn(3, 25, 9, 0), DEADLINE, VN), "does not stand as sent");
        assertNull(ReportingRules.onTime(true, ReportState.RETURNED, vn(3, 19, 9, 0), DEADLINE, VN));
        assertNull(ReportingRules.onTime(true, ReportState.DRAFT, null, DEADLINE, VN));
        assertEquals(Boolean.TRUE, ReportingRules.onTime(true, ReportState.SUBMITTED, vn(3, 19, 9, 0), DEADLINE, VN));
        assertEquals(Boolean.FALSE, ReportingRules.onTime(true, ReportState.SUBMITTED, vn(3, 22, 9, 0), DEADLINE, VN));
    }

    @Test
    void theSubmissionThatStandsIsTheLatest() {
        // Sent on time, returned, sent again after the deadline: the resubmission is what counts.
        Instant resubmitted = vn(3, 24, 8, 0);
        assertTrue(ReportingRules.submittedLate(true, ReportState.SUBMITTED, resubmitted, DEADLINE, VN));
        assertEquals(4, ReportingRules.daysLate(true, Role.LEAD, DEADLINE, ReportState.SUBMITTED, resubmitted, LocalDate.of(2026, 4, 10), VN));
    }

    @Test
    void daysLateAreCountedOnce() {
        LocalDate today = LocalDate.of(2026, 3, 30);
        assertEquals(10, ReportingRules.daysLate(true, Role.LEAD, DEADLINE, null, null, today, VN), "overdue: until today");
        assertEquals(10, ReportingRules.daysLate(true, Role.LEAD, DEADLINE, ReportState.RETURNED, vn(3, 18, 8, 0), today, VN),
                "returned: overdue until today, whatever the first submission");
        assertEquals(2, ReportingRules.daysLate(true, Role.LEAD, DEADLINE, ReportState.ACCEPTED, vn(3, 22, 8, 0), today, VN));
        assertEquals(0, ReportingRules.daysLate(true, Role.LEAD, DEADLINE, ReportState.ACCEPTED, vn(3, 20, 8, 0), today, VN));
        assertEquals(0, ReportingRules.daysLate(true, Role.COOPERATING, DEADLINE, null, null, today, VN));
        assertEquals(0, ReportingRules.daysLate(false, Role.LEAD, DEADLINE, null, null, today, VN));
        assertEquals(0, ReportingRules.daysLate(true, Role.LEAD, DEADLINE, null, null, DEADLINE, VN));
    }

    @Test
    void aConsolidatedReportIsSentUpLateAfterItsDeadlineDay() {
        LocalDate deadline = LocalDate.of(2026, 3, 25);
        assertFalse(ReportingRules.sentUpLate(true, deadline, vn(3, 25, 23, 0), LocalDate.of(2026, 4, 1), VN));
        assertTrue(ReportingRules.sentUpLate(true, deadline, vn(3, 26, 8, 0), LocalDate.of(2026, 4, 1), VN));
        assertFalse(ReportingRules.sentUpLate(true, deadline, null, deadline, VN));
        assertTrue(ReportingRules.sentUpLate(true, deadline, null, deadline.plusDays(1), VN));
        assertFalse(ReportingRules.sentUpLate(false, deadline, null, deadline.plusDays(30), VN));
    }

    // ---- what the states allow ----

    static Report report(ReportState state, PlanStatus planStatus, boolean periodClosed) {
        Plan plan = new Plan();
        plan.code = "KH";
        plan.status = planStatus;
        ReportingPeriod period = new ReportingPeriod();
        period.key = "2026-03";
        period.kind = PeriodKind.MONTH;
        period.year = 2026;
        period.seq = 3;
        period.plan = plan;
        period.sentUpAt = periodClosed ? OffsetDateTime.parse("2026-03-25T03:00:00Z") : null;
        Report r = new Report();
        r.plan = plan;
        r.period = period;
        r.state = state;
        return r;
    }

    static String code(RuntimeException e) {
        return e == null ? null : ((vn.dti.tracker.common.DomainException) e).code();
    }

    @Test
    void aUnitChangesOnlyADraftOrAReturnedReportOfAPlanInForce() {
        assertNull(code(ReportingRules.changeRefusal(report(ReportState.DRAFT, PlanStatus.ISSUED, false))));
        assertNull(code(ReportingRules.changeRefusal(report(ReportState.RETURNED, PlanStatus.ISSUED, false))));
        assertNull(code(ReportingRules.changeRefusal(report(ReportState.RETURNED, PlanStatus.ISSUED, true))), "asked for by the coordinator");
        assertEquals("report.under-review", code(ReportingRules.changeRefusal(report(ReportState.SUBMITTED, PlanStatus.ISSUED, false))));
        assertEquals("report.already-accepted", code(ReportingRules.changeRefusal(report(ReportState.ACCEPTED, PlanStatus.ISSUED, false))));
        assertEquals("report.locked", code(ReportingRules.changeRefusal(report(ReportState.ACCEPTED, PlanStatus.ISSUED, true))));
        assertEquals("report.period-closed", code(ReportingRules.changeRefusal(report(ReportState.DRAFT, PlanStatus.ISSUED, true))));
        assertEquals("report.plan-draft", code(ReportingRules.changeRefusal(report(ReportState.DRAFT, PlanStatus.DRAFT, false))));
        assertEquals("report.plan-closed", code(ReportingRules.changeRefusal(report(ReportState.RETURNED, PlanStatus.CLOSED, false))));
    }

    @Test
    void nobodyStartsAReportOnADraftOrAClosedPlanOrInAClosedPeriod() {
        assertEquals("report.plan-draft", code(ReportingRules.startRefusal(PlanStatus.DRAFT, "KH", false, "2026-03")));
        assertEquals("report.plan-closed", code(ReportingRules.startRefusal(PlanStatus.CLOSED, "KH", false, "2026-03")));
        assertEquals("report.period-closed", code(ReportingRules.startRefusal(PlanStatus.ISSUED, "KH", true, "2026-03")));
        assertNull(code(ReportingRules.startRefusal(PlanStatus.ISSUED, "KH", false, "2026-03")));
    }

    @Test
    void reviewersAcceptOrReturnASubmittedReportAndReopenAnAcceptedOne() {
        for (ReportState s : ReportState.values()) {
            assertEquals(s == ReportState.SUBMITTED, ReportingRules.reviewRefusal(s, ReportAction.ACCEPT) == null, s.name());
            assertEquals(s == ReportState.SUBMITTED, ReportingRules.reviewRefusal(s, ReportAction.RETURN) == null, s.name());
            assertEquals(s == ReportState.ACCEPTED, ReportingRules.reviewRefusal(s, ReportAction.REOPEN) == null, s.name());
        }
        assertEquals("report.already-returned", code(ReportingRules.reviewRefusal(ReportState.RETURNED, ReportAction.ACCEPT)));
        assertEquals("report.not-submitted", code(ReportingRules.reviewRefusal(ReportState.DRAFT, ReportAction.RETURN)));
        assertEquals("report.not-accepted", code(ReportingRules.reviewRefusal(ReportState.SUBMITTED, ReportAction.REOPEN)));
    }

    @Test
    void aPeriodIsSentUpOnceWithNothingWaitingAndNeverForADraftPlan() {
        Report r = report(ReportState.DRAFT, PlanStatus.ISSUED, false);
        assertNull(code(ReportingRules.sendUpRefusal(r.period, 0, VN)));
        assertEquals("period.reviews-pending", code(ReportingRules.sendUpRefusal(r.period, 2, VN)));
        assertEquals("period.already-sent-up", code(ReportingRules.sendUpRefusal(report(ReportState.DRAFT, PlanStatus.ISSUED, true).period, 0, VN)));
        assertEquals("period.plan-draft", code(ReportingRules.sendUpRefusal(report(ReportState.DRAFT, PlanStatus.DRAFT, false).period, 0, VN)));
    }
}
