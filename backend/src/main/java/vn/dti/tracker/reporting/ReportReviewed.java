package vn.dti.tracker.reporting;

import java.util.UUID;

/** Fired inside the review's transaction when a report is accepted, returned or reopened. */
public record ReportReviewed(UUID reportId, boolean accepted, String comment) {
}
