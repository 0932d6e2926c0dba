package vn.dti.tracker.plan;

/** Fired inside the transaction that created or changed a plan, so that what derives from it follows. */
public record PlanSaved(Plan plan) {
}
