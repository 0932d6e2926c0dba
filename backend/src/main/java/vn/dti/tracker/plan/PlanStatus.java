package vn.dti.tracker.plan;

/** Trạng thái: a plan is drafted, issued (with number and date), then closed. */
public enum PlanStatus {
    DRAFT, ISSUED, CLOSED;

    public boolean mayBecome(PlanStatus next) {
        return next == this || next.ordinal() == ordinal() + 1;
    }
}
