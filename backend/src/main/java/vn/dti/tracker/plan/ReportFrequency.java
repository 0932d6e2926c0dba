package vn.dti.tracker.plan;

/** How often units report under a plan's reporting regime. */
public enum ReportFrequency { MONTHLY, QUARTERLY, HALF_YEARLY, YEARLY }
