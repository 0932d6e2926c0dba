package vn.dti.tracker.reporting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Which states hold a report's evidence on record, and how periods and states are named to people. */
class ReportWordsTest {

    @Test
    void aSubmittedOrAcceptedReportHoldsItsEvidence() {
        assertTrue(ReportState.SUBMITTED.holdsEvidence());
        assertTrue(ReportState.ACCEPTED.holdsEvidence());
        assertFalse(ReportState.DRAFT.holdsEvidence());
        assertFalse(ReportState.RETURNED.holdsEvidence());
    }

    @Test
    void periodsAreNamedAsPeopleSayThem() {
        assertEquals("tháng 12/2026", ReportingPeriod.label("2026-12"));
        assertEquals("tháng 3/2026", ReportingPeriod.label("2026-03"));
        assertEquals("quý II/2027", ReportingPeriod.label("2027-Q2"));
        assertEquals("6 tháng đầu năm 2026", ReportingPeriod.label("2026-H1"));
        assertEquals("6 tháng cuối năm 2026", ReportingPeriod.label("2026-H2"));
        assertEquals("năm 2030", ReportingPeriod.label("2030"));
        assertEquals("2026-13", ReportingPeriod.label("2026-13"));
        ReportingPeriod p = new ReportingPeriod();
        p.kind = PeriodKind.MONTH;
        p.year = 2026;
        p.seq = 12;
        assertEquals("tháng 12/2026", p.label());
        p.kind = PeriodKind.HALF_YEAR;
        p.seq = 2;
        assertEquals("6 tháng cuối năm 2026", p.label());
    }

    @Test
    void statesHaveVietnameseNames() {
        assertEquals("đã chấp nhận", ReportState.ACCEPTED.vietnamese());
        assertEquals("bị trả lại", ReportState.RETURNED.vietnamese());
        assertEquals("đã ban hành", vn.dti.tracker.plan.PlanStatus.ISSUED.vietnamese());
    }
}
