package vn.dti.tracker.reporting;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import vn.dti.tracker.plan.DeadlineShift;
import vn.dti.tracker.plan.ReportFrequency;

/**
 * Derives a plan's reporting periods and their deadlines from its regime. A period's deadlines fall in
 * its last month: units report by the unit report day of that month, the coordinator sends the
 * consolidated report up by the consolidation day. This follows the cut-off of Nghị định
 * 09/2019/NĐ-CP (Art. 12): a monthly report is closed and sent within the month it reports on.
 * A day beyond the month's length (31 in April) means the month's last day. With
 * {@link DeadlineShift#PREVIOUS_WORKING_DAY} a deadline early in a month may move into the month
 * before (1 August 2026 is a Saturday: 31 July). The consolidation deadline is never before the
 * units' deadline.
 */
public final class PeriodCalendar {

    private PeriodCalendar() {
    }

    /** One period: its key ({@code 2026-03}, {@code 2026-Q1}, {@code 2026-H1}, {@code 2026}), span and deadlines. */
    public record Spec(String key, PeriodKind kind, int year, int seq, LocalDate startsOn, LocalDate endsOn,
            LocalDate unitDeadline, LocalDate consolidationDeadline) {
    }

    public static List<Spec> periods(ReportFrequency frequency, int startYear, int endYear, int unitReportDay,
            Integer consolidationDay, DeadlineShift shift, Set<LocalDate> holidays) {
        int months = switch (frequency) {
            case MONTHLY -> 1;
            case QUARTERLY -> 3;
            case HALF_YEARLY -> 6;
            case YEARLY -> 12;
        };
        PeriodKind kind = PeriodKind.of(frequency);
        List<Spec> out = new ArrayList<>();
        for (int year = startYear; year <= endYear; year++) {
            for (int seq = 1; seq <= 12 / months; seq++) {
                YearMonth first = YearMonth.of(year, (seq - 1) * months + 1);
                YearMonth last = first.plusMonths(months - 1L);
                LocalDate unitDeadline = shifted(dayOf(last, unitReportDay), shift, holidays);
                LocalDate consolidation = consolidationDay == null ? unitDeadline
                        : shifted(dayOf(last, consolidationDay), shift, holidays);
                if (consolidation.isBefore(unitDeadline)) {
                    consolidation = unitDeadline;
                }
                out.add(new Spec(key(kind, year, seq), kind, year, seq, first.atDay(1), last.atEndOfMonth(), unitDeadline,
                        consolidation));
            }
        }
        return out;
    }

    public static String key(PeriodKind kind, int year, int seq) {
        return switch (kind) {
            case MONTH -> String.format("%04d-%02d", year, seq);
            case QUARTER -> year + "-Q" + seq;
            case HALF_YEAR -> year + "-H" + seq;
            case YEAR -> String.valueOf(year);
        };
    }

    static LocalDate dayOf(YearMonth month, int day) {
        return month.atDay(Math.min(day, month.lengthOfMonth()));
    }

    /** The deadline itself, or with {@link DeadlineShift#PREVIOUS_WORKING_DAY} the last working day on or before it. */
    static LocalDate shifted(LocalDate day, DeadlineShift shift, Set<LocalDate> holidays) {
        if (shift != DeadlineShift.PREVIOUS_WORKING_DAY) {
            return day;
        }
        LocalDate d = day;
        // A long holiday (Tết) is at most about ten days; the bound only guards against a misconfigured calendar.
        for (int i = 0; i < 60 && !working(d, holidays); i++) {
            d = d.minusDays(1);
        }
        return d;
    }

    static boolean working(LocalDate d, Set<LocalDate> holidays) {
        return d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY && !holidays.contains(d);
    }
}
