package vn.dti.tracker.reporting;

import vn.dti.tracker.plan.ReportFrequency;

/** Kỳ báo cáo: month, quarter, half-year or year. */
public enum PeriodKind {
    MONTH, QUARTER, HALF_YEAR, YEAR;

    static PeriodKind of(ReportFrequency frequency) {
        return switch (frequency) {
            case MONTHLY -> MONTH;
            case QUARTERLY -> QUARTER;
            case HALF_YEARLY -> HALF_YEAR;
            case YEARLY -> YEAR;
        };
    }
}
