package vn.dti.tracker.reporting;

import java.math.BigDecimal;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A reported value in the indicator's own shape. Which fields a shape uses: a number (PERCENT, RATIO,
 * COUNT, NUMBER); numerator and denominator instead when the indicator is captured as a fraction;
 * {@code met} for PASS_FAIL and MILESTONE (with {@code text} describing the milestone); {@code rank}
 * and {@code rankOutOf} for RANK and LEADING_GROUP.
 */
@Schema(name = "ReportValue", description = "The value achieved, in the indicator's own shape")
public record ReportValue(
        @Schema(nullable = true, examples = "72.5") BigDecimal number,
        @Schema(nullable = true, description = "Tử số, when the indicator is captured as a fraction", examples = "1450") BigDecimal numerator,
        @Schema(nullable = true, description = "Mẫu số, greater than zero", examples = "2000") BigDecimal denominator,
        @Schema(nullable = true, description = "Đạt / không đạt (PASS_FAIL), or the milestone is reached (MILESTONE)") Boolean met,
        @Schema(nullable = true, examples = "3") Integer rank,
        @Schema(nullable = true, examples = "34") Integer rankOutOf,
        @Schema(nullable = true, description = "The milestone or the result in words", examples = "Đã triển khai tại 31 ấp") String text) {

    public static final ReportValue EMPTY = new ReportValue(null, null, null, null, null, null, null);

    public boolean isEmpty() {
        return number == null && numerator == null && denominator == null && met == null && rank == null && rankOutOf == null
                && (text == null || text.isBlank());
    }
}
