package vn.dti.tracker.reporting;

/** Where a report is in its review: draft → submitted → accepted, or returned → resubmitted … */
public enum ReportState { DRAFT, SUBMITTED, RETURNED, ACCEPTED }
