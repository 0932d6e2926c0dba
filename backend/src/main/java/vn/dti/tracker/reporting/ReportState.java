package vn.dti.tracker.reporting;

/** Where a report is in its review: draft → submitted → accepted, or returned → resubmitted … */
public enum ReportState {
    DRAFT, SUBMITTED, RETURNED, ACCEPTED;

    /**
     * Submitted (under review) or accepted (on record, locked once its period is closed): the evidence the report cites
     * is part of what was sent, so neither its attachments nor the details of a cited document change until the report is
     * returned or reopened.
     */
    /** As people say it. */
    public String vietnamese() {
        return switch (this) {
            case DRAFT -> "nháp";
            case SUBMITTED -> "đã gửi, chờ duyệt";
            case RETURNED -> "bị trả lại";
            case ACCEPTED -> "đã chấp nhận";
        };
    }

    public boolean holdsEvidence() {
        return this == SUBMITTED || this == ACCEPTED;
    }
}
