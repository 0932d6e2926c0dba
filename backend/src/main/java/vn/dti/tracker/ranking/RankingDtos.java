package vn.dti.tracker.ranking;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import vn.dti.tracker.orgunit.OrgUnitDtos;
import vn.dti.tracker.orgunit.OrgUnitDtos.OrgUnitRef;
import vn.dti.tracker.plan.PlanDtos.PlanRef;

/** The API shapes of DTI frameworks and ranks. */
public final class RankingDtos {

    private RankingDtos() {
    }

    @Schema(name = "DtiPillarInput")
    public record PillarInput(
            @NotBlank @Pattern(regexp = "^[A-Z0-9][A-Z0-9._-]{0,31}$") @Schema(examples = "HT") String code,
            @NotNull @Min(1) @Max(100) Integer order,
            @NotBlank @Size(max = 500) @Schema(examples = "Hạ tầng và Nền tảng số") String name,
            @NotNull @Min(1) @Max(1000) @Schema(examples = "6") Integer subIndexCount,
            @NotNull @Min(1) @Max(100000) @Schema(examples = "200") BigDecimal maxPoints) {
    }

    @Schema(name = "DtiFrameworkInput", description = "A DTI framework edition with its pillars")
    public record FrameworkInput(
            @NotBlank @Pattern(regexp = OrgUnitDtos.CODE_PATTERN) @Schema(examples = "DTI-405-2025") String code,
            @NotBlank @Size(max = 500) String name,
            @NotBlank @Size(max = 32) @Schema(examples = "2025") String edition,
            @Size(max = 2000) @Schema(nullable = true) String source,
            @Valid @NotNull @Size(min = 1, max = 50) List<@NotNull PillarInput> pillars) {
    }

    @Schema(name = "DtiPillar")
    public record PillarView(UUID id, String code, int order, String name, int subIndexCount, BigDecimal maxPoints) {
    }

    @Schema(name = "DtiFramework", description = "A DTI framework edition")
    public record FrameworkView(UUID id, String code, String name, String edition, @Schema(nullable = true) String source,
            List<PillarView> pillars, int subIndexCount, BigDecimal maxPoints, long version, OffsetDateTime createdAt,
            OffsetDateTime updatedAt) {
    }

    @Schema(name = "DtiRankTargetInput")
    public record RankTargetInput(
            @Schema(nullable = true, description = "Pillar code; null for the whole index") String pillarCode,
            @NotNull @Min(2000) @Max(2100) Integer year,
            @NotNull DtiRank.RankComparator comparator,
            @NotNull @Min(1) Integer rank,
            @NotNull @Min(1) @Schema(description = "Out of how many ranked units", examples = "34") Integer outOf,
            @Size(max = 200) @Schema(nullable = true, examples = "≤12/34") String wording) {
    }

    @Schema(name = "DtiRankTargetsInput", description = "All rank targets of a unit in one framework (replaces the stored ones)")
    public record RankTargetsInput(@NotNull UUID frameworkId, @Valid @NotNull @Size(max = 1000) List<@NotNull RankTargetInput> targets) {
    }

    @Schema(name = "DtiRankResultInput")
    public record RankResultInput(
            @Schema(nullable = true, description = "Pillar code; null for the whole index") String pillarCode,
            @PositiveOrZero @Schema(nullable = true) BigDecimal score,
            @NotNull @Min(1) Integer rank,
            @NotNull @Min(1) Integer outOf,
            @Size(max = 2000) @Schema(nullable = true, description = "Where this result was published, when it differs from the common source") String source) {
    }

    @Schema(name = "DtiRankResultsInput", description = "The published results of one year (replaces that year's stored ones)")
    public record RankResultsInput(@NotNull UUID frameworkId, @Size(max = 2000) @Schema(nullable = true) String source,
            @Valid @NotNull @Size(max = 100) List<@NotNull RankResultInput> results) {
    }

    @Schema(name = "DtiRankTarget")
    public record TargetView(int year, DtiRank.RankComparator comparator, int rank, int outOf, @Schema(nullable = true) String wording,
            @Schema(nullable = true) PlanRef plan) {
    }

    @Schema(name = "DtiRankResult")
    public record ResultView(int year, @Schema(nullable = true) BigDecimal score, int rank, int outOf,
            @Schema(nullable = true) String source) {
    }

    @Schema(name = "DtiRankGap", description = "Target beside result for a year that has both; `gap` > 0 means places still to climb")
    public record GapView(int year, int targetRank, int actualRank, boolean met, int gap) {
    }

    @Schema(name = "DtiRankingRow", description = "One pillar (or the whole index when pillar is null)")
    public record RowView(@Schema(nullable = true) PillarView pillar, List<TargetView> targets, List<ResultView> results, List<GapView> gaps) {
    }

    @Schema(name = "DtiRanking", description = "Targets and results of a unit in one framework, with the gap")
    public record RankingView(OrgUnitRef unit, FrameworkView framework, List<RowView> rows,
            @Schema(description = "Version of the unit's targets and results in this framework (0 before any): `If-Match` names it,"
                    + " in quotes, when they are replaced", examples = "3") long version) {
    }
}
