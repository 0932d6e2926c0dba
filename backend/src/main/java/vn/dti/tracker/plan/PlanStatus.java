package vn.dti.tracker.plan;

/** Trạng thái: a plan is drafted, issued (with number and date), then closed. */
public enum PlanStatus {
    DRAFT, ISSUED, CLOSED;

    /** Đang có hiệu lực: an issued plan, neither a draft nor closed. Its periods may be due (see ReportingRules). */
    public boolean inForce() {
        return this == ISSUED;
    }

    /** As people say it: dự thảo, đã ban hành, đã đóng. */
    public String vietnamese() {
        return switch (this) {
            case DRAFT -> "dự thảo";
            case ISSUED -> "đã ban hành";
            case CLOSED -> "đã đóng";
        };
    }

    public boolean mayBecome(PlanStatus next) {
        return next == this || next.ordinal() == ordinal() + 1;
    }
}
