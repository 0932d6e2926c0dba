package vn.dti.tracker.indicator;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import vn.dti.tracker.common.FieldError;
import vn.dti.tracker.common.ProblemTexts;

/** The rules a target of each shape must follow; the database checks the same ones. */
final class TargetRules {

    private TargetRules() {
    }

    static List<FieldError> check(List<TargetDto> targets, int startYear, int endYear) {
        List<FieldError> errors = new ArrayList<>();
        Set<Integer> years = new HashSet<>();
        for (int i = 0; i < targets.size(); i++) {
            TargetDto t = targets.get(i);
            String at = "targets[" + i + "]";
            if (t == null) {
                errors.add(new FieldError(at, "field.not-null", "Bắt buộc phải có."));
                continue;
            }
            if (t.year() == null) {
                errors.add(new FieldError(at + ".year", "target.year-required", "Chỉ tiêu phấn đấu phải có năm."));
            } else {
                if (t.year() < startYear || t.year() > endYear) {
                    errors.add(new FieldError(at + ".year", "target.year-outside-plan", "Năm " + t.year()
                            + " nằm ngoài thời gian của kế hoạch (" + startYear + "–" + endYear + ")."));
                }
                if (!years.add(t.year())) {
                    errors.add(new FieldError(at + ".year", "target.year-repeated", "Năm " + t.year() + " đã có chỉ tiêu phấn đấu."));
                }
            }
            errors.addAll(shape(t, at));
        }
        return errors;
    }

    /** Shape rules shared by targets and baselines. */
    static List<FieldError> shape(TargetDto t, String at) {
        List<FieldError> errors = new ArrayList<>();
        if (t.kind() == null) {
            errors.add(new FieldError(at + ".kind", "field.not-null", "Cần chọn dạng chỉ tiêu."));
            return errors;
        }
        if (t.wording() == null || t.wording().isBlank()) {
            errors.add(new FieldError(at + ".wording", "target.wording-required", "Cần ghi nguyên văn chỉ tiêu như trong văn bản."));
        } else if (t.wording().length() > 1000) {
            errors.add(new FieldError(at + ".wording", "field.size",
                    ProblemTexts.format("field.size", ProblemTexts.requestLanguage(), 1, 1000).orElseThrow()));
        }
        boolean wordsOnly = t.kind() == TargetKind.PASS_FAIL || t.kind() == TargetKind.MILESTONE;
        if (wordsOnly) {
            if (t.comparator() != null) {
                errors.add(new FieldError(at + ".comparator", "target.comparator-not-allowed", (t.kind() == TargetKind.PASS_FAIL ? "Chỉ tiêu đạt/không đạt" : "Chỉ tiêu dạng mốc") + " không có phép so sánh."));
            }
            if (t.value() != null) {
                errors.add(new FieldError(at + ".value", "target.value-not-allowed", (t.kind() == TargetKind.PASS_FAIL ? "Chỉ tiêu đạt/không đạt" : "Chỉ tiêu dạng mốc") + " không có giá trị số."));
            }
        } else {
            if (t.comparator() == null) {
                errors.add(new FieldError(at + ".comparator", "target.comparator-required", "Cần chọn phép so sánh (bằng, ít nhất, nhiều hơn, nhiều nhất, ít hơn)."));
            }
            if (t.value() == null) {
                errors.add(new FieldError(at + ".value", "target.value-required", "Cần giá trị số của chỉ tiêu."));
            } else if (t.value().signum() < 0) {
                errors.add(new FieldError(at + ".value", "target.value-negative", "Giá trị chỉ tiêu không được âm."));
            }
        }
        if (t.kind() == TargetKind.MILESTONE && (t.text() == null || t.text().isBlank())) {
            errors.add(new FieldError(at + ".text", "target.text-required", "Cần mô tả mốc cần đạt (ví dụ: Triển khai)."));
        }
        if (t.kind() == TargetKind.RATIO) {
            if (t.per() == null || t.per().signum() <= 0) {
                errors.add(new FieldError(at + ".per", "target.per-required", "Tỷ lệ cần mẫu số dương (ví dụ 1.000 cho 1/1.000 dân)."));
            }
        } else if (t.per() != null) {
            errors.add(new FieldError(at + ".per", "target.per-not-allowed", "Chỉ chỉ tiêu dạng tỷ lệ trên số dân mới có mẫu số."));
        }
        boolean ranked = t.kind() == TargetKind.RANK || t.kind() == TargetKind.LEADING_GROUP;
        if (!ranked && t.outOf() != null) {
            errors.add(new FieldError(at + ".outOf", "target.out-of-not-allowed", "Chỉ dạng xếp hạng mới có tổng số đơn vị."));
        }
        if (t.outOf() != null && t.outOf() < 1) {
            errors.add(new FieldError(at + ".outOf", "target.out-of-invalid", "Tổng số đơn vị được xếp hạng phải lớn hơn 0."));
        }
        if (ranked && t.value() != null) {
            if (t.value().compareTo(BigDecimal.ONE) < 0 || t.value().stripTrailingZeros().scale() > 0) {
                errors.add(new FieldError(at + ".value", "target.rank-invalid", "Thứ hạng là số nguyên từ 1 trở lên."));
            } else if (t.outOf() != null && t.value().compareTo(BigDecimal.valueOf(t.outOf())) > 0) {
                errors.add(new FieldError(at + ".value", "target.rank-beyond-out-of",
                        "Thứ hạng " + t.value() + " lớn hơn tổng số " + t.outOf() + "."));
            }
        }
        if (t.kind() == TargetKind.COUNT && t.value() != null && t.value().stripTrailingZeros().scale() > 0) {
            errors.add(new FieldError(at + ".value", "target.count-not-whole", "Số lượng phải là số nguyên."));
        }
        return errors;
    }
}
