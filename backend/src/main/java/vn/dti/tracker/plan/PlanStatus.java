package vn.dti.tracker.plan;

/** Trạng thái: a plan is drafted, issued (with number and date), then closed. */
public enum PlanStatus {
    DRAFT, ISSUED, CLOSED;

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
