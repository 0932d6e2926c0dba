package vn.dti.tracker.indicator;

/** The shapes a target takes in the plans (DOMAIN.md, "Targets … come in many shapes"). */
public enum TargetKind {
    /** ≥ 50%, 100%, ≥ 1%/năm of GRDP. */
    PERCENT,
    /** 1/1.000 dân, 4 người/vạn dân: value per {@code per}. */
    RATIO,
    /** ≥ 01 centre. */
    COUNT,
    /** Any other number with the indicator's unit of measure. */
    NUMBER,
    /** Đạt / Không đạt. */
    PASS_FAIL,
    /** ≤ 4 (out of 34): lower is better. */
    RANK,
    /** In the leading group of N. */
    LEADING_GROUP,
    /** Triển khai: a milestone in words. */
    MILESTONE
}
