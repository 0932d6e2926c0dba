package vn.dti.tracker.reporting;

/** Tình trạng of an indicator in a period, computed from the lead unit's accepted reports; never typed. */
public enum IndicatorStatus {
    /** The year's target is reached (đạt). */
    MET,
    /** Not reached yet, but at or beyond where the straight line to the target says it should be by now. */
    ON_TRACK,
    /** Behind the line by at most a tenth of the way to the target. */
    AT_RISK,
    /** Further behind. */
    OFF_TRACK,
    /** Reported as not met (pass/fail, milestone), or a numeric target still missed in the year's last period. */
    NOT_MET,
    /** No accepted report of the lead unit in this year up to this period. */
    NOT_REPORTED,
    /** The plan sets no target for this year. */
    NO_TARGET
}
