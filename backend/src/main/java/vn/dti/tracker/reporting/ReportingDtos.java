package vn.dti.tracker.reporting;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import vn.dti.tracker.indicator.TargetDto;
import vn.dti.tracker.orgunit.OrgUnitDtos.OrgUnitRef;
import vn.dti.tracker.plan.PlanDtos.PlanRef;
import vn.dti.tracker.task.TaskEnums;

/** The API shapes of the reporting cycle. */
public final class ReportingDtos {

    private ReportingDtos() {
    }

    @Schema(name = "ReportingPeriod", description = "Kỳ báo cáo: derived from the plan's reporting regime")
    public record PeriodView(UUID id, UUID planId, @Schema(examples = "2026-03") String key, PeriodKind kind, int year,
            @Schema(description = "Month, quarter or half of the year, 1-based") int seq, LocalDate startsOn, LocalDate endsOn,
            @Schema(description = "Units report by the end of this day (Vietnam time)") LocalDate unitDeadline,
            @Schema(description = "The coordinator sends the consolidated report up by this day") LocalDate consolidationDeadline,
            @Schema(description = "The consolidated report is sent up; accepted reports are locked") boolean closed,
            @Schema(nullable = true) OffsetDateTime sentUpAt, @Schema(nullable = true) String sentUpBy,
            @Schema(nullable = true) String sentUpNote, long version,
            @Schema(description = "Units must report on this period: the plan is in force and took effect by the period's end") boolean due,
            @Schema(description = "The consolidated report is sent up after the consolidation deadline, or not yet and that day has ended")
            boolean sentUpLate,
            @Schema(description = "What the caller may do with this period now") List<PeriodAction> actions) {
    }

    @Schema(name = "SendUpInput", description = "Marks the period's consolidated report as sent up")
    public record SendUpInput(@Size(max = 2000) @Schema(nullable = true, examples = "Báo cáo số 45/BC-UBND ngày 25/3/2026") String note) {
    }

    @Schema(name = "ReportCreate", description = "A unit's report on one indicator or one task for one period, saved as a draft")
    public record ReportCreate(
            @NotBlank @Size(max = 16) @Schema(examples = "2026-03") String periodKey,
            @Schema(nullable = true, description = "The indicator reported on (or taskId)") UUID indicatorId,
            @Schema(nullable = true, description = "The task reported on (or indicatorId)") UUID taskId,
            @Schema(nullable = true, description = "The reporting unit; default the caller's own unit") UUID unitId,
            @Valid @Schema(nullable = true) ReportValue value,
            @Schema(nullable = true, description = "Tasks: progress as the unit reports it") TaskEnums.Progress progress,
            @Size(max = 8000) @Schema(nullable = true, description = "Kết quả thực hiện: what was done") String achievements,
            @Size(max = 8000) @Schema(nullable = true, description = "Khó khăn, vướng mắc") String difficulties,
            @Size(max = 8000) @Schema(nullable = true, description = "Kiến nghị, đề xuất") String proposals,
            @Size(max = 4000) @Schema(nullable = true, description = "Why there is no evidence, where the indicator requires it") String evidenceExplanation)
            implements ReportContent {
    }

    @Schema(name = "ReportUpdate", description = "The new content of a draft or returned report")
    public record ReportUpdate(
            @Valid @Schema(nullable = true) ReportValue value,
            @Schema(nullable = true) TaskEnums.Progress progress,
            @Size(max = 8000) @Schema(nullable = true) String achievements,
            @Size(max = 8000) @Schema(nullable = true) String difficulties,
            @Size(max = 8000) @Schema(nullable = true) String proposals,
            @Size(max = 4000) @Schema(nullable = true, description = "Why there is no evidence, where the indicator requires it") String evidenceExplanation)
            implements ReportContent {
    }

    /** What create and update share. */
    public interface ReportContent {
        ReportValue value();
        TaskEnums.Progress progress();
        String achievements();
        String difficulties();
        String proposals();
        String evidenceExplanation();
    }

    @Schema(name = "ReviewInput", description = "A reviewer's comment: optional when accepting, required when returning; the reason when reopening")
    public record ReviewInput(@Size(max = 4000) @Schema(nullable = true, examples = "Bổ sung tài liệu kiểm chứng") String comment) {
    }

    @Schema(name = "ReportItem", description = "What a report is about: an indicator or a task")
    public record ItemRef(@Schema(examples = "INDICATOR", description = "INDICATOR or TASK") String kind, UUID id,
            @Schema(examples = "C.11") String code, String content) {
    }

    @Schema(name = "ReportPeriodRef")
    public record PeriodRef(UUID id, @Schema(examples = "2026-03") String key, LocalDate unitDeadline, boolean closed) {
        static PeriodRef of(ReportingPeriod p) {
            return new PeriodRef(p.id, p.key, p.unitDeadline, p.closed());
        }
    }

    @Schema(name = "Report", description = "Báo cáo kết quả of one unit on one indicator or task for one period")
    public record ReportView(UUID id, PlanRef plan, PeriodRef period, ItemRef item, OrgUnitRef unit,
            @Schema(description = "LEAD: the report that counts; COOPERATING: a contribution") Report.Role role,
            ReportState state, ReportValue value,
            @Schema(nullable = true) TaskEnums.Progress progress,
            @Schema(nullable = true) String achievements, @Schema(nullable = true) String difficulties,
            @Schema(nullable = true) String proposals, @Schema(nullable = true) String reviewComment,
            @Schema(nullable = true) OffsetDateTime firstSubmittedAt, @Schema(nullable = true) OffsetDateTime submittedAt,
            @Schema(nullable = true) String submittedBy, @Schema(nullable = true) OffsetDateTime reviewedAt,
            @Schema(nullable = true) String reviewedBy, @Schema(nullable = true) String reopenReason,
            @Schema(nullable = true, description = "Whether the submission that stands (the latest) came by the deadline; null while the report"
                    + " is not submitted or accepted") Boolean onTime,
            @Schema(description = "Days late: of the submission that stands after the deadline, or, while overdue, until today; 0 otherwise")
            int daysLate,
            @Schema(description = "Days until the period's deadline for units (0 on the day, negative once passed)") long daysLeft,
            @Schema(description = "Accepted in a closed period: only a coordinator's reopen changes it") boolean locked,
            @Schema(description = "Pieces of evidence attached") int evidenceCount,
            @Schema(description = "The indicator requires evidence (or an explanation) for submission") boolean evidenceRequired,
            @Schema(nullable = true) String evidenceExplanation,
            long version, OffsetDateTime createdAt, OffsetDateTime updatedAt,
            @Schema(description = "The period is due: the plan is in force and took effect by the period's end") boolean due,
            @Schema(description = "Quá hạn: the lead unit's report is not submitted or accepted and the deadline day has ended") boolean overdue,
            @Schema(description = "What the caller may do with this report now; the same rules refuse anything else") List<ReportAction> actions) {
    }

    @Schema(name = "ReportChange", description = "One change of a report: who, when, which fields, before and after")
    public record ReportChange(OffsetDateTime at,
            @Schema(nullable = true, description = "The person's full name (a service account's name)", examples = "Nguyễn Văn An") String by,
            @Schema(examples = "UPDATE", description = "CREATE, UPDATE, DELETE of the report itself; EVIDENCE_ATTACHED, EVIDENCE_DETACHED,"
                    + " and EVIDENCE_UPDATED (details of a document changed while attached)") String action,
            @Schema(description = "{field: {from, to}}; on creation, {field: {from: null, to}}. For evidence, `evidence` holds the"
                    + " document's title before and after, and `evidence.title`, `evidence.docNumber`, `evidence.docDate`, `evidence.issuer`,"
                    + " `evidence.summary` what changed") Map<String, FieldChange> changes) {
    }

    @Schema(name = "FieldChange")
    public record FieldChange(@Schema(nullable = true) Object from, @Schema(nullable = true) Object to) {
    }

    // ---- what is due ----

    /** State of an assignment as the unit sees it. */
    public enum AssignmentState { NOT_STARTED, DRAFT, SUBMITTED, RETURNED, ACCEPTED, LATE }

    @Schema(name = "Assignment", description = "One indicator or task a unit must report on in one period, with its deadline and state")
    public record AssignmentView(PlanRef plan, PeriodRef period, ItemRef item, OrgUnitRef unit, Report.Role role,
            @Schema(description = "LATE: overdue with no report or a draft; a returned report past its deadline stays RETURNED and is overdue")
            AssignmentState state,
            LocalDate deadline, @Schema(description = "Days until the deadline (negative once passed)") long daysLeft,
            @Schema(nullable = true) UUID reportId, @Schema(nullable = true) Long reportVersion,
            @Schema(description = "Quá hạn: the lead unit's report is not submitted or accepted and the deadline day has ended") boolean overdue,
            @Schema(description = "Days late: while overdue until today, or of a submission after the deadline; 0 otherwise") int daysLate,
            @Schema(nullable = true, description = "The reviewer's comment on a returned report") String reviewComment,
            @Schema(description = "What the caller may do now: CREATE (start the report), or EDIT and SUBMIT its report") List<ReportAction> actions) {
    }

    /** Which periods a list of assignments covers, relative to today. */
    public enum PeriodScope {
        /** The period each plan is in today. */
        CURRENT,
        /** Periods that ended before today. */
        EARLIER
    }

    @Schema(name = "AssignmentPage", description = "One page of assignments, with what the whole list holds per state")
    public record AssignmentPage(List<AssignmentView> items, int page, int size, long totalItems, int totalPages,
            @Schema(description = "Assignments per state under the same filters, the state filter left aside; every state is listed, 0 included")
            Map<AssignmentState, Long> counts,
            @Schema(description = "Overdue assignments (a returned report past its deadline included) of periods that ended before today, in the same plan and unit scope, whatever the period, state and text filters")
            long overdueEarlier) {
    }

    // ---- status and consolidation ----

    @Schema(name = "IndicatorResult", description = "An indicator in a consolidated report: target, value, computed status")
    public record IndicatorResult(ItemRef indicator, @Schema(examples = "A") String groupCode, @Schema(nullable = true) String unitOfMeasure,
            @Schema(nullable = true) TargetDto target, OrgUnitRef leadUnit, IndicatorStatus status,
            @Schema(nullable = true, description = "The value in the target's units (a fraction as a rate)") BigDecimal achieved,
            @Schema(nullable = true, description = "Where the line from the baseline to the target stands at the end of the period") BigDecimal expected,
            @Schema(nullable = true, description = "The lead unit's latest accepted report of the year up to this period") UUID reportId,
            @Schema(nullable = true) String reportPeriodKey, @Schema(nullable = true) ReportValue value,
            @Schema(nullable = true, description = "State of the lead unit's report of this very period") ReportState reportState,
            @Schema(nullable = true) String achievements, @Schema(nullable = true) String difficulties,
            @Schema(nullable = true) String proposals, int contributions,
            @Schema(description = "Pieces of evidence attached to the lead unit's report used") int evidenceCount) {
    }

    @Schema(name = "TaskResult", description = "A task in a consolidated report")
    public record TaskResult(ItemRef task, @Schema(examples = "I") String groupCode, List<OrgUnitRef> leadUnits,
            @Schema(description = "Progress in the plan") TaskEnums.Progress planProgress,
            @Schema(nullable = true, description = "Progress reported by the lead units this period (the least advanced when several)") TaskEnums.Progress reportedProgress,
            @Schema(nullable = true) String achievements, int reports) {
    }

    @Schema(name = "LateUnit", description = "A unit that missed the deadline for some of its lead assignments")
    public record LateUnit(OrgUnitRef unit, @Schema(description = "Overdue: not submitted or accepted (none, a draft, or returned) after the deadline")
            int missing, @Schema(description = "Whose submission that stands came after the deadline") int submittedLate,
            @Schema(description = "The longest delay, in days") long daysLate) {
    }

    @Schema(name = "Timeliness", description = "Lead assignments of the period, when it is due (ReportingRules): expected; submitted (standing as"
            + " submitted or accepted); on time and late (by the submission that stands, the latest); missing (overdue: none, a draft, or returned"
            + " after the deadline). All 0 for a period that is not due.")
    public record Timeliness(int expected, int submitted, int onTime, int late, int missing, List<LateUnit> lateUnits) {
    }

    // ---- the review queue ----

    @Schema(name = "WaitingPeriod", description = "A period of a plan with the number of reports in the queue's state")
    public record WaitingPeriod(PlanRef plan, PeriodRef period, long count) {
    }

    @Schema(name = "ReviewQueue", description = "Reports waiting for review (or in the state asked) across every period, oldest period first,"
            + " with their number per period")
    public record ReviewQueue(List<ReportView> items, int page, int size, long totalItems, int totalPages,
            @Schema(description = "Every period holding such reports, oldest first, with their number (the period filter left aside)")
            List<WaitingPeriod> periods) {
    }

    @Schema(name = "ConsolidatedReport", description = "Báo cáo tổng hợp of a plan for a period")
    public record ConsolidatedReport(PlanRef plan, OrgUnitRef issuingUnit, PeriodView period,
            Map<IndicatorStatus, Integer> statusCounts, List<IndicatorResult> indicators, List<TaskResult> tasks, Timeliness timeliness) {
    }

    @Schema(name = "Rollup", description = "A province indicator summed from the commune indicators that feed it")
    public record Rollup(ItemRef indicator, @Schema(nullable = true) TargetDto target,
            @Schema(examples = "SUM_FRACTIONS", description = "SUM_FRACTIONS (numerators and denominators summed, then divided), SUM (counts summed), COUNT_MET (pass/fail counted), NONE (not combinable: see each commune)") String method,
            @Schema(nullable = true) BigDecimal numerator, @Schema(nullable = true) BigDecimal denominator,
            @Schema(nullable = true, description = "The combined value in the target's units") BigDecimal value,
            @Schema(nullable = true) Integer met, @Schema(description = "Feeding indicators with an accepted value") int reported,
            @Schema(description = "Feeding indicators in all") int feeding, IndicatorStatus status) {
    }

    @Schema(name = "SubordinatePlan", description = "A plan carrying out this one (a commune's), with its report for the period")
    public record SubordinatePlan(PlanRef plan, OrgUnitRef issuingUnit, @Schema(nullable = true) String periodKey,
            @Schema(nullable = true) LocalDate consolidationDeadline, @Schema(nullable = true) OffsetDateTime sentUpAt,
            @Schema(nullable = true) String sentUpBy, @Schema(description = "Sent up after the consolidation deadline, or not yet and it has passed") boolean late,
            Map<IndicatorStatus, Integer> statusCounts, Timeliness timeliness) {
    }

    @Schema(name = "ProvinceOverview", description = "The province's view of a period: each plan carrying out its plan, and roll-ups")
    public record ProvinceOverview(PlanRef plan, @Schema(examples = "2026-03") String periodKey, List<SubordinatePlan> plans,
            List<Rollup> rollups) {
    }
}
