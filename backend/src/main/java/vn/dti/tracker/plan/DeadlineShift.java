package vn.dti.tracker.plan;

/** What happens to a reporting deadline that falls on a weekend or a configured holiday. */
public enum DeadlineShift {
    /** The deadline stays on its day. */
    NONE,
    /** The deadline moves to the previous working day (Monday to Friday, not a holiday). */
    PREVIOUS_WORKING_DAY
}
