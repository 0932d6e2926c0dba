package vn.dti.tracker.task;

/** Enumerations of tasks. */
public final class TaskEnums {

    private TaskEnums() {
    }

    /** Thời gian thực hiện: a year, a span of years, or ongoing (Thường xuyên). */
    public enum TimeframeKind { YEAR, SPAN, ONGOING }

    /** Tiến độ. */
    public enum Progress { NOT_STARTED, IN_PROGRESS, COMPLETED, SUSPENDED }

    /** A unit's part in a task. */
    public enum UnitRole { LEAD, COOPERATING }
}
