package vn.dti.tracker.reporting;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import vn.dti.tracker.orgunit.OrgUnitDtos.OrgUnitRef;
import vn.dti.tracker.orgunit.OrgUnitKind;
import vn.dti.tracker.plan.PlanDtos.PlanRef;
import vn.dti.tracker.plan.PlanStatus;
import vn.dti.tracker.reporting.ReportingDtos.ItemRef;
import vn.dti.tracker.reporting.ReportingDtos.PeriodView;
import vn.dti.tracker.reporting.ReportingDtos.Rollup;
import vn.dti.tracker.reporting.ReportingDtos.Timeliness;

/** What the dashboards draw first, each answered in one request. */
public final class DashboardDtos {

    private DashboardDtos() {
    }

    // ---- a plan's period at a glance (the leader's first screen) ----

    @Schema(name = "PeriodSummary", description = "A plan's period at a glance: indicators by status, the late units, the change since"
            + " the previous period and the year to date")
    public record PeriodSummary(PlanRef plan, OrgUnitRef issuingUnit, PeriodView period,
            @Schema(description = "Indicators by computed status") Map<IndicatorStatus, Integer> statusCounts,
            @Schema(description = "This period's lead assignments; the late units by name, longest delay first") Timeliness timeliness,
            @Schema(nullable = true, description = "Against the plan's previous period; absent for its first") PeriodChange change,
            YearToDate yearToDate) {
    }

    @Schema(name = "PeriodChange", description = "What changed since the plan's previous period")
    public record PeriodChange(@Schema(examples = "2026-10") String previousKey, PeriodKind previousKind, int previousYear, int previousSeq,
            @Schema(description = "Indicators by status in the previous period") Map<IndicatorStatus, Integer> previousStatusCounts,
            @Schema(description = "This period's count minus the previous one's, per status") Map<IndicatorStatus, Integer> statusDelta,
            @Schema(description = "Indicators whose status moved up the ladder not met, off track, at risk, on track, met") int better,
            @Schema(description = "Indicators whose status moved down that ladder") int worse,
            @Schema(description = "Every indicator whose status changed, worse first") List<StatusChange> indicators,
            @Schema(description = "Late units in the previous period") int previousLateUnits,
            @Schema(description = "Lead assignments submitted late or missing in the previous period") int previousLateOrMissing) {
    }

    @Schema(name = "StatusChange", description = "An indicator whose status is not what it was in the previous period")
    public record StatusChange(ItemRef indicator, IndicatorStatus from, IndicatorStatus to,
            @Schema(description = "BETTER or WORSE along the status ladder; OTHER to or from not reported or no target") StatusRules.Direction direction) {
    }

    @Schema(name = "YearToDate", description = "The plan's periods of the year up to this one, each with its figures, and their totals")
    public record YearToDate(int year, List<PeriodFigures> periods,
            @Schema(description = "Lead assignments of these periods") int expected, int submitted, int onTime, int late, int missing,
            @Schema(description = "Units late in any of these periods, most late or missing items first") List<YearLateUnit> lateUnits) {
    }

    @Schema(name = "PeriodFigures", description = "One period of the year: indicators by status and the timeliness of its assignments")
    public record PeriodFigures(@Schema(examples = "2026-11") String key, PeriodKind kind, int year, int seq, LocalDate unitDeadline,
            boolean closed, Map<IndicatorStatus, Integer> statusCounts, int expected, int onTime, int late, int missing,
            @Schema(description = "Units late in this period") int lateUnits) {
    }

    @Schema(name = "YearLateUnit", description = "A unit late in some periods of the year")
    public record YearLateUnit(OrgUnitRef unit, @Schema(description = "Items never submitted, their deadline passed") int missing,
            @Schema(description = "Items submitted after their deadline") int submittedLate,
            @Schema(description = "Periods in which the unit was late") int periods,
            @Schema(description = "The longest delay, in days") long daysLate) {
    }

    // ---- the province's communes ----

    /** Where a commune's consolidated report for the period stands. */
    @Schema(name = "CommuneReportState", description = "NO_PLAN: the commune has no plan covering the year; PLAN_NOT_ISSUED: its plan"
            + " is still a draft; NO_PERIOD: its plan has no such period; NOT_SENT: not sent up, its deadline not passed; OVERDUE: not"
            + " sent up and its deadline passed; SENT: sent up on time; SENT_LATE: sent up after its deadline")
    public enum CommuneReportState { NO_PLAN, PLAN_NOT_ISSUED, NO_PERIOD, NOT_SENT, OVERDUE, SENT, SENT_LATE }

    @Schema(name = "CommunePlanRef", description = "The commune's plan the row reads")
    public record CommunePlanRef(UUID id, @Schema(examples = "XUANLOC-CDS-2026") String code,
            @Schema(nullable = true, examples = "84/KH-UBND") String documentNumber, String title, PlanStatus status,
            @Schema(description = "Its parent plan is the province plan asked about") boolean implementsParent) {
    }

    @Schema(name = "CommuneProgress", description = "A commune or ward of the province, with or without a plan, and its report for the period")
    public record CommuneProgress(OrgUnitRef commune, OrgUnitKind kind, @Schema(nullable = true) CommunePlanRef plan,
            CommuneReportState state, @Schema(nullable = true, examples = "2026-11") String periodKey,
            @Schema(nullable = true) LocalDate consolidationDeadline, @Schema(nullable = true) OffsetDateTime sentUpAt,
            @Schema(nullable = true) String sentUpBy, Map<IndicatorStatus, Integer> statusCounts, Timeliness timeliness,
            @Schema(description = "For each indicator of the province plan (by id) that some of the commune's indicators feed: their statuses")
            Map<UUID, List<IndicatorStatus>> feeding) {
    }

    @Schema(name = "CommuneProgressPage", description = "One page of the province's communes for a period, the counts over all of them,"
            + " and the province plan's roll-ups")
    public record CommuneProgressPage(PlanRef plan, OrgUnitRef unit, @Schema(examples = "2026-11") String periodKey,
            List<CommuneProgress> items, int page, int size, long totalItems, int totalPages,
            @Schema(description = "Communes and wards in the caller's scope, whatever the filter") int totalCommunes,
            @Schema(description = "Communes per state, whatever the filter") Map<CommuneReportState, Integer> stateCounts,
            List<Rollup> rollups) {
    }
}
