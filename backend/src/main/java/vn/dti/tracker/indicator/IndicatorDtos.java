package vn.dti.tracker.indicator;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import vn.dti.tracker.orgunit.OrgUnitDtos.OrgUnitRef;

/** The API shapes of indicators. */
public final class IndicatorDtos {

    private IndicatorDtos() {
    }

    public static final String CODE_PATTERN = "^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$";

    @Schema(name = "IndicatorInput", description = "An indicator to create, or its new state (the code may change)")
    public record IndicatorInput(
            @NotBlank @Pattern(regexp = CODE_PATTERN) @Schema(examples = "C.11") String code,
            @NotNull @Schema(description = "An INDICATOR group of the same plan") UUID groupId,
            @NotNull @Min(1) @Max(10000) @Schema(description = "STT inside the group", examples = "11") Integer order,
            @NotBlank @Size(max = 4000) String content,
            @Size(max = 200) @Schema(nullable = true, examples = "%") String unitOfMeasure,
            @NotNull @Size(max = 100) List<TargetDto> targets,
            @Schema(nullable = true) TargetDto baseline,
            @NotNull @Schema(description = "Đơn vị chủ trì: exactly one") UUID leadUnitId,
            @Size(max = 200) List<@NotNull UUID> cooperatingUnitIds,
            @Size(max = 2000) @Schema(nullable = true, description = "The lead cell as written, when it names more than the lead unit") String leadWording,
            @Size(max = 2000) @Schema(nullable = true, description = "The cooperating cell as written") String cooperatingWording,
            @Size(max = 4000) @Schema(nullable = true) String note,
            @Schema(description = "Values are reported as numerator and denominator") Boolean capturedAsFraction,
            @Size(max = 500) @Schema(nullable = true) String numeratorLabel,
            @Size(max = 500) @Schema(nullable = true) String denominatorLabel,
            @Schema(nullable = true, description = "An indicator of the parent plan that this one feeds") UUID contributesToId,
            @Schema(nullable = true, description = "Reports must carry evidence or explain why there is none; default false") Boolean evidenceRequired) {
    }

    @Schema(name = "IndicatorGroupRef")
    public record GroupRef(UUID id, String code, String name, int order) {
    }

    @Schema(name = "IndicatorRef", description = "A short reference to an indicator")
    public record IndicatorRef(UUID id, UUID planId, String planCode, String code, String content) {
        static IndicatorRef of(Indicator i) {
            return i == null ? null : new IndicatorRef(i.id, i.plan.id, i.plan.code, i.code, i.content);
        }
    }

    @Schema(name = "Indicator", description = "Chỉ tiêu: an indicator with its targets by year and its units")
    public record IndicatorView(UUID id, UUID planId, String code, GroupRef group, int order, String content,
            @Schema(nullable = true) String unitOfMeasure, List<TargetDto> targets, @Schema(nullable = true) TargetDto baseline,
            OrgUnitRef leadUnit, List<OrgUnitRef> cooperatingUnits, @Schema(nullable = true) String leadWording,
            @Schema(nullable = true) String cooperatingWording, @Schema(nullable = true) String note, boolean capturedAsFraction,
            @Schema(nullable = true) String numeratorLabel, @Schema(nullable = true) String denominatorLabel,
            @Schema(nullable = true) IndicatorRef contributesTo,
            @Schema(description = "Reports must carry evidence or explain why there is none") boolean evidenceRequired, long version, OffsetDateTime createdAt, OffsetDateTime updatedAt) {
    }
}
