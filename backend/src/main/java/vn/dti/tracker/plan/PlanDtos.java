package vn.dti.tracker.plan;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import vn.dti.tracker.orgunit.OrgUnitDtos;
import vn.dti.tracker.orgunit.OrgUnitDtos.OrgUnitRef;

/** The API shapes of plans and their groups. */
public final class PlanDtos {

    private PlanDtos() {
    }

    @Schema(name = "PlanRef", description = "A short reference to a plan")
    public record PlanRef(UUID id, @Schema(examples = "DNAI-KH154-2026") String code,
            @Schema(nullable = true, examples = "154/KH-UBND") String documentNumber, String title) {
        public static PlanRef of(Plan plan) {
            return plan == null ? null : new PlanRef(plan.id, plan.code, plan.documentNumber, plan.title);
        }
    }

    @Schema(name = "PlanSummary", description = "A plan as lists show it")
    public record PlanSummary(UUID id, String code, @Schema(nullable = true) String documentNumber, String title,
            OrgUnitRef issuingUnit, @Schema(nullable = true) LocalDate issueDate, int startYear, int endYear,
            PlanStatus status, long version, OffsetDateTime updatedAt,
            @Schema(nullable = true, description = "The date the plan states it takes effect") LocalDate effectiveDate,
            @Schema(description = "The day the plan takes effect: its effective date, else its issue date; null for a draft without either",
                    nullable = true) LocalDate effectiveFrom,
            @Schema(description = "What the caller may do with this plan now") List<PlanAction> actions) {
    }

    @Schema(name = "LegalBasisInput")
    public record LegalBasisInput(
            @NotBlank @Size(max = 4000) @Schema(examples = "Căn cứ Quyết định số 405/QĐ-BKHCN ngày 03/4/2025 của Bộ Khoa học và Công nghệ ...") String citation,
            @Schema(nullable = true, description = "The cited plan, when it is in the system") UUID planId) {
    }

    @Schema(name = "LegalBasis")
    public record LegalBasisView(String citation, @Schema(nullable = true) PlanRef plan) {
    }

    @Schema(name = "ReportingRegimeInput")
    public record ReportingRegimeInput(
            @NotNull ReportFrequency frequency,
            @NotNull @Min(1) @Max(31) @Schema(description = "Day of the month by which units report", examples = "20") Integer unitReportDay,
            @Min(1) @Max(31) @Schema(nullable = true, description = "Day of the month by which the coordinator sends the consolidated report", examples = "25") Integer consolidationDay,
            @NotNull @Schema(description = "Unit that receives and consolidates the units' reports") UUID coordinatorUnitId,
            @Schema(nullable = true, description = "Unit that receives the consolidated report") UUID recipientUnitId,
            @Size(max = 4000) @Schema(nullable = true) String wording,
            @Schema(nullable = true, description = "Whether a deadline on a weekend or a configured holiday moves to the previous working day; default NONE")
            DeadlineShift deadlineShift) {
    }

    @Schema(name = "ReportingRegime")
    public record ReportingRegimeView(ReportFrequency frequency, int unitReportDay, @Schema(nullable = true) Integer consolidationDay,
            OrgUnitRef coordinatorUnit, @Schema(nullable = true) OrgUnitRef recipientUnit, @Schema(nullable = true) String wording,
            DeadlineShift deadlineShift) {
    }

    /** Fields shared by create and update. */
    public interface PlanFields {
        String documentNumber();
        UUID issuingUnitId();
        LocalDate issueDate();
        LocalDate effectiveDate();
        String issuePlace();
        String title();
        Integer startYear();
        Integer endYear();
        PlanStatus status();
        UUID parentPlanId();
        List<LegalBasisInput> legalBases();
        List<PlanSection> sections();
        String signerName();
        String signerTitle();
        List<String> recipients();
        ReportingRegimeInput reportingRegime();
    }

    @Schema(name = "PlanCreate", description = "A new plan")
    public record PlanCreate(
            @NotBlank @Pattern(regexp = OrgUnitDtos.CODE_PATTERN) @Schema(examples = "XUANLOC-CDS-2026") String code,
            @Size(max = 100) @Schema(nullable = true, examples = "154/KH-UBND") String documentNumber,
            @NotNull UUID issuingUnitId,
            @Schema(nullable = true) LocalDate issueDate,
            @Schema(nullable = true, description = "Ngày hiệu lực: the day the plan takes effect, when it states one (within its years);"
                    + " otherwise it takes effect on its issue date. Periods ending before it are not due.") LocalDate effectiveDate,
            @Size(max = 200) @Schema(nullable = true) String issuePlace,
            @NotBlank @Size(max = 1000) String title,
            @NotNull @Min(2000) @Max(2100) Integer startYear,
            @NotNull @Min(2000) @Max(2100) Integer endYear,
            @Schema(nullable = true, description = "Default DRAFT") PlanStatus status,
            @Schema(nullable = true) UUID parentPlanId,
            @Valid @Size(max = 200) List<LegalBasisInput> legalBases,
            @Valid @Size(max = 100) List<PlanSection> sections,
            @Size(max = 200) String signerName,
            @Size(max = 200) String signerTitle,
            @Size(max = 200) List<@NotBlank @Size(max = 1000) String> recipients,
            @Valid @NotNull ReportingRegimeInput reportingRegime) implements PlanFields {
    }

    @Schema(name = "PlanUpdate", description = "Editable fields of a plan (everything but its code)")
    public record PlanUpdate(
            @Size(max = 100) @Schema(nullable = true) String documentNumber,
            @NotNull UUID issuingUnitId,
            @Schema(nullable = true) LocalDate issueDate,
            @Schema(nullable = true, description = "Ngày hiệu lực: the day the plan takes effect, when it states one (within its years);"
                    + " otherwise it takes effect on its issue date. Periods ending before it are not due.") LocalDate effectiveDate,
            @Size(max = 200) @Schema(nullable = true) String issuePlace,
            @NotBlank @Size(max = 1000) String title,
            @NotNull @Min(2000) @Max(2100) Integer startYear,
            @NotNull @Min(2000) @Max(2100) Integer endYear,
            @NotNull PlanStatus status,
            @Schema(nullable = true) UUID parentPlanId,
            @Valid @Size(max = 200) List<LegalBasisInput> legalBases,
            @Valid @Size(max = 100) List<PlanSection> sections,
            @Size(max = 200) String signerName,
            @Size(max = 200) String signerTitle,
            @Size(max = 200) List<@NotBlank @Size(max = 1000) String> recipients,
            @Valid @NotNull ReportingRegimeInput reportingRegime) implements PlanFields {
    }

    @Schema(name = "Plan", description = "A plan (kế hoạch) with every fact of the issued document")
    public record PlanView(UUID id, String code, @Schema(nullable = true) String documentNumber, OrgUnitRef issuingUnit,
            @Schema(nullable = true) LocalDate issueDate, @Schema(nullable = true) String issuePlace, String title,
            int startYear, int endYear, PlanStatus status, @Schema(nullable = true) PlanRef parentPlan,
            List<LegalBasisView> legalBases, List<PlanSection> sections, @Schema(nullable = true) String signerName,
            @Schema(nullable = true) String signerTitle, List<String> recipients, ReportingRegimeView reportingRegime,
            long indicatorCount, long taskCount, long version, OffsetDateTime createdAt, OffsetDateTime updatedAt,
            @Schema(nullable = true, description = "The date the plan states it takes effect") LocalDate effectiveDate,
            @Schema(description = "The day the plan takes effect: its effective date, else its issue date; null for a draft without either",
                    nullable = true) LocalDate effectiveFrom,
            @Schema(description = "What the caller may do with this plan now; the same rules refuse anything else") List<PlanAction> actions) {
    }

    @Schema(name = "PlanGroupInput", description = "A group of indicators or tasks")
    public record GroupInput(
            @NotNull GroupKind kind,
            @NotBlank @Pattern(regexp = "^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$") @Schema(examples = "A") String code,
            @NotBlank @Size(max = 1000) @Schema(examples = "Phát triển hạ tầng") String name,
            @NotNull @Min(1) @Max(10000) Integer order) {
    }

    @Schema(name = "PlanGroup", description = "A group of a plan's indicators or tasks")
    public record GroupView(UUID id, UUID planId, GroupKind kind, String code, String name, int order, long version) {
        public static GroupView of(PlanGroup g) {
            return new GroupView(g.id, g.plan.id, g.kind, g.code, g.name, g.position, g.version);
        }
    }
}
