package vn.dti.tracker.bundle;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import vn.dti.tracker.indicator.TargetDto;
import vn.dti.tracker.orgunit.OrgUnitKind;
import vn.dti.tracker.plan.DeadlineShift;
import vn.dti.tracker.plan.PlanSection;
import vn.dti.tracker.plan.PlanStatus;
import vn.dti.tracker.plan.ReportFrequency;
import vn.dti.tracker.ranking.DtiRank.RankComparator;
import vn.dti.tracker.task.TaskDtos.Timeframe;
import vn.dti.tracker.task.TaskEnums.Progress;

/**
 * A whole plan in one JSON document, with every reference by code (see docs/plan-bundle.md).
 * The same format is exported, imported, and used for the demo data.
 */
@Schema(name = "PlanBundle", description = "A whole plan with everything it references, by code (format version 1)")
@JsonInclude(JsonInclude.Include.ALWAYS)
public record PlanBundle(
        @NotBlank @Schema(examples = "dti-plan-bundle") String format,
        @NotNull Integer formatVersion,
        @Valid @NotNull @Size(max = 5000) List<@NotNull Unit> orgUnits,
        @Valid @Size(max = 50) List<@NotNull Framework> dtiFrameworks,
        @Valid @NotNull BundlePlan plan,
        @Valid @Size(max = 500) List<@NotNull Group> indicatorGroups,
        @Valid @Size(max = 5000) List<@NotNull BundleIndicator> indicators,
        @Valid @Size(max = 500) List<@NotNull Group> taskGroups,
        @Valid @Size(max = 5000) List<@NotNull BundleTask> tasks,
        @Valid @Size(max = 5000) List<@NotNull RankTarget> dtiTargets,
        @Valid @Size(max = 5000) List<@NotNull RankResult> dtiResults) {

    public static final String FORMAT = "dti-plan-bundle";

    @Schema(name = "BundleOrgUnit")
    public record Unit(@NotBlank String code, @NotBlank String name, String shortName, @NotNull OrgUnitKind kind, String parentCode,
            Boolean active) {
    }

    @Schema(name = "BundlePillar")
    public record Pillar(@NotBlank String code, @NotNull Integer order, @NotBlank String name, @NotNull Integer subIndexCount,
            @NotNull BigDecimal maxPoints) {
    }

    @Schema(name = "BundleDtiFramework")
    public record Framework(@NotBlank String code, @NotBlank String name, @NotBlank String edition, String source,
            @Valid @NotNull List<@NotNull Pillar> pillars) {
    }

    @Schema(name = "BundleLegalBasis")
    public record LegalBasis(@NotBlank String citation, String planCode) {
    }

    @Schema(name = "BundleReportingRegime")
    public record Regime(@NotNull ReportFrequency frequency, @NotNull Integer unitReportDay, Integer consolidationDay,
            @NotBlank String coordinatorUnitCode, String recipientUnitCode, String wording,
            @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(nullable = true, description = "Omitted when NONE") DeadlineShift deadlineShift) {
    }

    @Schema(name = "BundlePlanBody")
    public record BundlePlan(@NotBlank String code, String documentNumber, @NotBlank String issuingUnitCode, LocalDate issueDate,
            String issuePlace, @NotBlank String title, @NotNull Integer startYear, @NotNull Integer endYear, @NotNull PlanStatus status,
            String parentPlanCode, @Valid List<@NotNull LegalBasis> legalBases, @Valid List<@NotNull PlanSection> sections,
            String signerName, String signerTitle, List<@NotNull String> recipients, @Valid @NotNull Regime reportingRegime,
            @Schema(nullable = true, description = "Ngày hiệu lực, when the plan states one; otherwise it takes effect on its issue date")
            LocalDate effectiveDate) {
    }

    @Schema(name = "BundleGroup")
    public record Group(@NotBlank String code, @NotBlank String name, @NotNull Integer order) {
    }

    @Schema(name = "BundleFraction")
    public record Fraction(String numeratorLabel, String denominatorLabel) {
    }

    @Schema(name = "BundleIndicatorRef")
    public record IndicatorKey(@NotBlank String planCode, @NotBlank String indicatorCode) {
    }

    @Schema(name = "BundleIndicator")
    public record BundleIndicator(@NotBlank String code, @NotBlank String groupCode, @NotNull Integer order, @NotBlank String content,
            String unitOfMeasure, @NotNull List<@NotNull TargetDto> targets, TargetDto baseline, @NotBlank String leadUnitCode,
            List<@NotBlank String> cooperatingUnitCodes, String leadWording, String cooperatingWording, String note,
            Fraction fraction, @Valid IndicatorKey contributesTo,
            @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(nullable = true, description = "Reports must carry evidence; omitted when false") Boolean evidenceRequired) {
    }

    @Schema(name = "BundleTask")
    public record BundleTask(@NotBlank String code, @NotBlank String groupCode, @NotNull Integer order, @NotBlank String description,
            @NotNull @Size(min = 1) List<@NotBlank String> leadUnitCodes, List<@NotBlank String> cooperatingUnitCodes, String product,
            @Valid @NotNull Timeframe timeframe, Progress progress, String note) {
    }

    @Schema(name = "BundleRankTarget")
    public record RankTarget(@NotBlank String unitCode, @NotBlank String frameworkCode, String pillarCode, @NotNull Integer year,
            @NotNull RankComparator comparator, @NotNull Integer rank, @NotNull Integer outOf, String wording) {
    }

    @Schema(name = "BundleRankResult")
    public record RankResult(@NotBlank String unitCode, @NotBlank String frameworkCode, String pillarCode, @NotNull Integer year,
            BigDecimal score, @NotNull Integer rank, @NotNull Integer outOf, String source) {
    }
}
