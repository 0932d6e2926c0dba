package vn.dti.tracker.indicator;

import static vn.dti.tracker.common.Values.blankToNull;
import static vn.dti.tracker.common.Values.strip;

import java.math.BigDecimal;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A target (or a baseline) in its structured shape, with its original wording. Which fields a
 * kind needs is listed in docs/plan-bundle.md and checked by {@link TargetRules}.
 */
@Schema(name = "Target", description = "A target in one of the shapes of the plans, with its original wording")
@JsonInclude(JsonInclude.Include.ALWAYS)
public record TargetDto(
        @Schema(nullable = true, description = "Year of the target; may be null for a baseline", examples = "2026") Integer year,
        TargetKind kind,
        @Schema(nullable = true, description = "Null for PASS_FAIL and MILESTONE") Comparator comparator,
        @Schema(nullable = true, examples = "50") BigDecimal value,
        @Schema(nullable = true, description = "RATIO only: value per this many (1000 for 1/1.000 dân)") BigDecimal per,
        @Schema(nullable = true, description = "What a percentage or ratio is of, when not the population", examples = "GRDP") String basis,
        @Schema(nullable = true, description = "RANK / LEADING_GROUP: out of how many", examples = "34") Integer outOf,
        @Schema(nullable = true, description = "MILESTONE: the milestone in words", examples = "Triển khai") String text,
        @Schema(nullable = true, description = "An exception in words", examples = "trừ văn bản mật") String qualification,
        @Schema(description = "The target exactly as written in the plan", examples = "≥ 50%") String wording) {

    static TargetDto of(Target t) {
        return new TargetDto(t.year, t.kind, t.comparator, strip(t.value), strip(t.per), t.basis, t.outOf, t.text, t.qualification,
                t.wording);
    }

    Target toEntity() {
        Target t = new Target();
        t.year = year;
        t.kind = kind;
        t.comparator = comparator;
        t.value = value;
        t.per = per;
        t.basis = blankToNull(basis);
        t.outOf = outOf;
        t.text = blankToNull(text);
        t.qualification = blankToNull(qualification);
        t.wording = wording.trim();
        return t;
    }

    TargetDto normalised() {
        return new TargetDto(year, kind, comparator, strip(value), strip(per), blankToNull(basis), outOf, blankToNull(text),
                blankToNull(qualification), wording == null ? null : wording.trim());
    }
}
