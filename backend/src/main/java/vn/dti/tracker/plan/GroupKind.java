package vn.dti.tracker.plan;

/** Whether a group holds indicators or tasks. */
public enum GroupKind { INDICATOR, TASK }
