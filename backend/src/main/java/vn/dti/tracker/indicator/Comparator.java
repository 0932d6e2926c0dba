package vn.dti.tracker.indicator;

/** How an achieved value is compared with a target value. */
public enum Comparator { EQ, GE, GT, LE, LT }
