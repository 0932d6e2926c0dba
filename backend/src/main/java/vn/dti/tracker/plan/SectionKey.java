package vn.dti.tracker.plan;

/** Which part of an administrative plan a text section is. */
public enum SectionKey { PURPOSE, REQUIREMENTS, OBJECTIVES, TASKS, SOLUTIONS, FUNDING, ORGANISATION, REPORTING, CLOSING, OTHER }
