package vn.dti.tracker.reporting;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import vn.dti.tracker.plan.DeadlineShift;
import vn.dti.tracker.plan.ReportFrequency;
import vn.dti.tracker.reporting.PeriodCalendar.Spec;

/** Reporting periods and deadlines as the commune and provincial plans set them. */
class PeriodCalendarTest {

    private static LocalDate date(String iso) {
        return LocalDate.parse(iso);
    }

    private static Spec period(List<Spec> periods, String key) {
        return periods.stream().filter(p -> p.key().equals(key)).findFirst()
                .orElseThrow(() -> new AssertionError("no period " + key));
    }

    private static List<Spec> monthly2026(int unitDay, Integer consolidationDay, DeadlineShift shift, Set<LocalDate> holidays) {
        return PeriodCalendar.periods(ReportFrequency.MONTHLY, 2026, 2026, unitDay, consolidationDay, shift, holidays);
    }

    @Test
    void monthlyYearHasTwelvePeriodsKeyedByMonth() {
        List<Spec> periods = monthly2026(20, 25, DeadlineShift.NONE, Set.of());

        assertEquals(List.of("2026-01", "2026-02", "2026-03", "2026-04", "2026-05", "2026-06", "2026-07", "2026-08", "2026-09",
                "2026-10", "2026-11", "2026-12"), periods.stream().map(Spec::key).toList());
        assertEquals(new Spec("2026-03", PeriodKind.MONTH, 2026, 3, date("2026-03-01"), date("2026-03-31"), date("2026-03-20"),
                date("2026-03-25")), period(periods, "2026-03"));
        assertEquals(new Spec("2026-12", PeriodKind.MONTH, 2026, 12, date("2026-12-01"), date("2026-12-31"), date("2026-12-20"),
                date("2026-12-25")), period(periods, "2026-12"));
    }

    @Test
    void phuLamPlanRunsSixtyMonthsFrom2026To2030() {
        // Phú Lâm: units by the 18th, the commune sends up by the 20th.
        List<Spec> periods = PeriodCalendar.periods(ReportFrequency.MONTHLY, 2026, 2030, 18, 20, DeadlineShift.NONE, Set.of());

        assertEquals(60, periods.size());
        assertEquals(new Spec("2026-01", PeriodKind.MONTH, 2026, 1, date("2026-01-01"), date("2026-01-31"), date("2026-01-18"),
                date("2026-01-20")), periods.get(0));
        assertEquals(new Spec("2030-12", PeriodKind.MONTH, 2030, 12, date("2030-12-01"), date("2030-12-31"), date("2030-12-18"),
                date("2030-12-20")), periods.get(59));
        assertEquals("2028-07", periods.get(30).key());
    }

    @Test
    void phuLamFirstUnitDeadlineOnSundayMovesToFriday() {
        // 2026-01-18 is a Sunday; 2026-01-20 is a Tuesday and stays.
        List<Spec> periods = PeriodCalendar.periods(ReportFrequency.MONTHLY, 2026, 2030, 18, 20,
                DeadlineShift.PREVIOUS_WORKING_DAY, Set.of());

        assertEquals(date("2026-01-16"), periods.get(0).unitDeadline());
        assertEquals(date("2026-01-20"), periods.get(0).consolidationDeadline());
        // 2030-12-18 (Wednesday) and 2030-12-20 (Friday) are working days.
        assertEquals(date("2030-12-18"), periods.get(59).unitDeadline());
        assertEquals(date("2030-12-20"), periods.get(59).consolidationDeadline());
    }

    @Test
    void quartersHaveDeadlinesInTheirLastMonth() {
        List<Spec> periods = PeriodCalendar.periods(ReportFrequency.QUARTERLY, 2026, 2026, 20, 25, DeadlineShift.NONE, Set.of());

        assertEquals(List.of(
                new Spec("2026-Q1", PeriodKind.QUARTER, 2026, 1, date("2026-01-01"), date("2026-03-31"), date("2026-03-20"),
                        date("2026-03-25")),
                new Spec("2026-Q2", PeriodKind.QUARTER, 2026, 2, date("2026-04-01"), date("2026-06-30"), date("2026-06-20"),
                        date("2026-06-25")),
                new Spec("2026-Q3", PeriodKind.QUARTER, 2026, 3, date("2026-07-01"), date("2026-09-30"), date("2026-09-20"),
                        date("2026-09-25")),
                new Spec("2026-Q4", PeriodKind.QUARTER, 2026, 4, date("2026-10-01"), date("2026-12-31"), date("2026-12-20"),
                        date("2026-12-25"))),
                periods);
    }

    @Test
    void halfYearsHaveDeadlinesInJuneAndDecember() {
        List<Spec> periods = PeriodCalendar.periods(ReportFrequency.HALF_YEARLY, 2026, 2026, 20, 25, DeadlineShift.NONE, Set.of());

        assertEquals(List.of(
                new Spec("2026-H1", PeriodKind.HALF_YEAR, 2026, 1, date("2026-01-01"), date("2026-06-30"), date("2026-06-20"),
                        date("2026-06-25")),
                new Spec("2026-H2", PeriodKind.HALF_YEAR, 2026, 2, date("2026-07-01"), date("2026-12-31"), date("2026-12-20"),
                        date("2026-12-25"))),
                periods);
    }

    @Test
    void yearIsKeyedByTheYearWithDecemberDeadlines() {
        List<Spec> periods = PeriodCalendar.periods(ReportFrequency.YEARLY, 2026, 2026, 20, 25, DeadlineShift.NONE, Set.of());

        assertEquals(List.of(new Spec("2026", PeriodKind.YEAR, 2026, 1, date("2026-01-01"), date("2026-12-31"), date("2026-12-20"),
                date("2026-12-25"))), periods);
    }

    @Test
    void dongNaiYearlyPeriodsSpanTheWholePlan() {
        List<Spec> periods = PeriodCalendar.periods(ReportFrequency.YEARLY, 2026, 2030, 20, 25, DeadlineShift.NONE, Set.of());

        assertEquals(List.of("2026", "2027", "2028", "2029", "2030"), periods.stream().map(Spec::key).toList());
        assertEquals(date("2030-12-25"), periods.get(4).consolidationDeadline());
    }

    @Test
    void dayBeyondTheMonthMeansItsLastDay() {
        List<Spec> periods = monthly2026(31, 31, DeadlineShift.NONE, Set.of());

        assertEquals(date("2026-02-28"), period(periods, "2026-02").unitDeadline());
        assertEquals(date("2026-02-28"), period(periods, "2026-02").consolidationDeadline());
        assertEquals(date("2026-04-30"), period(periods, "2026-04").unitDeadline());
        assertEquals(date("2026-01-31"), period(periods, "2026-01").unitDeadline());
    }

    @Test
    void dayBeyondFebruaryInALeapYearIsThe29th() {
        List<Spec> periods = PeriodCalendar.periods(ReportFrequency.MONTHLY, 2028, 2028, 30, 31, DeadlineShift.NONE, Set.of());

        assertEquals(date("2028-02-29"), period(periods, "2028-02").unitDeadline());
        assertEquals(date("2028-02-29"), period(periods, "2028-02").consolidationDeadline());
    }

    @Test
    void withoutConsolidationDayTheCoordinatorDeadlineIsTheUnitDeadline() {
        List<Spec> periods = monthly2026(20, null, DeadlineShift.NONE, Set.of());

        for (Spec p : periods) {
            assertEquals(p.unitDeadline(), p.consolidationDeadline(), p.key());
        }
        assertEquals(date("2026-03-20"), period(periods, "2026-03").consolidationDeadline());
    }

    @Test
    void withoutConsolidationDayTheCoordinatorDeadlineFollowsTheShiftedUnitDeadline() {
        // 2026-06-20 is a Saturday.
        Spec june = period(monthly2026(20, null, DeadlineShift.PREVIOUS_WORKING_DAY, Set.of()), "2026-06");

        assertEquals(date("2026-06-19"), june.unitDeadline());
        assertEquals(date("2026-06-19"), june.consolidationDeadline());
    }

    @Test
    void weekendDeadlineMovesToFriday() {
        List<Spec> periods = monthly2026(20, 25, DeadlineShift.PREVIOUS_WORKING_DAY, Set.of());

        // 2026-06-20 is a Saturday, 2026-09-20 a Sunday.
        assertEquals(date("2026-06-19"), period(periods, "2026-06").unitDeadline());
        assertEquals(date("2026-09-18"), period(periods, "2026-09").unitDeadline());
        // 2026-04-25 is a Saturday; the Thursday 2026-06-25 stays.
        assertEquals(date("2026-04-24"), period(periods, "2026-04").consolidationDeadline());
        assertEquals(date("2026-06-25"), period(periods, "2026-06").consolidationDeadline());
        // 2026-03-20 is a Friday.
        assertEquals(date("2026-03-20"), period(periods, "2026-03").unitDeadline());
    }

    @Test
    void withoutShiftWeekendAndHolidayDeadlinesStay() {
        List<Spec> periods = monthly2026(20, 25, DeadlineShift.NONE, Set.of(date("2026-04-20")));

        assertEquals(date("2026-06-20"), period(periods, "2026-06").unitDeadline());
        assertEquals(date("2026-09-20"), period(periods, "2026-09").unitDeadline());
        assertEquals(date("2026-04-20"), period(periods, "2026-04").unitDeadline());
        assertEquals(date("2026-04-25"), period(periods, "2026-04").consolidationDeadline());
    }

    @Test
    void holidayDeadlineMovesToPreviousWorkingDaySkippingTheWeekend() {
        // 2026-04-20 is a Monday; the Saturday and Sunday before it are not working days either.
        Spec april = period(monthly2026(20, 25, DeadlineShift.PREVIOUS_WORKING_DAY, Set.of(date("2026-04-20"))), "2026-04");

        assertEquals(date("2026-04-17"), april.unitDeadline());
    }

    @Test
    void holidayMidweekMovesTheDeadlineOneDay() {
        // 2026-05-20 is a Wednesday.
        Spec may = period(monthly2026(20, 25, DeadlineShift.PREVIOUS_WORKING_DAY, Set.of(date("2026-05-20"))), "2026-05");

        assertEquals(date("2026-05-19"), may.unitDeadline());
        assertEquals(date("2026-05-25"), may.consolidationDeadline());
    }

    @Test
    void weekendDeadlineSkipsAHolidayFriday() {
        // 2026-06-20 is a Saturday; with the Friday off the last working day is Thursday.
        Spec june = period(monthly2026(20, 25, DeadlineShift.PREVIOUS_WORKING_DAY, Set.of(date("2026-06-19"))), "2026-06");

        assertEquals(date("2026-06-18"), june.unitDeadline());
    }

    @Test
    void lunarNewYearBreakMovesFebruaryDeadlineBeforeTheBreak() {
        // Tết Bính Ngọ: nine days off, Saturday 2026-02-14 to Sunday 2026-02-22.
        Set<LocalDate> tet = new HashSet<>();
        for (LocalDate d = date("2026-02-14"); !d.isAfter(date("2026-02-22")); d = d.plusDays(1)) {
            tet.add(d);
        }
        List<Spec> periods = monthly2026(20, 25, DeadlineShift.PREVIOUS_WORKING_DAY, tet);

        assertEquals(date("2026-02-13"), period(periods, "2026-02").unitDeadline());
        // The Wednesday after the break is a working day again.
        assertEquals(date("2026-02-25"), period(periods, "2026-02").consolidationDeadline());
        // Holidays of February do not touch other months.
        assertEquals(date("2026-03-20"), period(periods, "2026-03").unitDeadline());
    }

    @Test
    void keysArePaddedAndLabelledByKind() {
        assertEquals("2026-03", PeriodCalendar.key(PeriodKind.MONTH, 2026, 3));
        assertEquals("2026-11", PeriodCalendar.key(PeriodKind.MONTH, 2026, 11));
        assertEquals("2026-Q2", PeriodCalendar.key(PeriodKind.QUARTER, 2026, 2));
        assertEquals("2026-H2", PeriodCalendar.key(PeriodKind.HALF_YEAR, 2026, 2));
        assertEquals("2026", PeriodCalendar.key(PeriodKind.YEAR, 2026, 1));
    }
}
