package vn.dti.tracker.reporting;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import vn.dti.tracker.orgunit.OrgUnitDtos.OrgUnitRef;
import vn.dti.tracker.plan.Plan;
import vn.dti.tracker.plan.PlanDtos.PlanRef;
import vn.dti.tracker.plan.PlanService;
import vn.dti.tracker.reporting.ConsolidationService.Standing;
import vn.dti.tracker.reporting.DashboardDtos.PeriodChange;
import vn.dti.tracker.reporting.DashboardDtos.PeriodFigures;
import vn.dti.tracker.reporting.DashboardDtos.PeriodSummary;
import vn.dti.tracker.reporting.DashboardDtos.StatusChange;
import vn.dti.tracker.reporting.DashboardDtos.YearLateUnit;
import vn.dti.tracker.reporting.DashboardDtos.YearToDate;
import vn.dti.tracker.reporting.ReportingDtos.IndicatorResult;
import vn.dti.tracker.reporting.ReportingDtos.LateUnit;

/**
 * The leader's question about a plan's period, answered in one read: indicators by status, who is late, what changed
 * since the previous period, and how the year went so far. Statuses and lateness are {@link ConsolidationService}'s,
 * period by period (a year has at most twelve), so that this view and the consolidated report never disagree.
 */
@ApplicationScoped
public class PeriodSummaryService {

    private final PlanService plans;
    private final PeriodService periods;
    private final ConsolidationService consolidation;

    public PeriodSummaryService(PlanService plans, PeriodService periods, ConsolidationService consolidation) {
        this.plans = plans;
        this.periods = periods;
        this.consolidation = consolidation;
    }

    @Transactional
    public PeriodSummary summary(UUID planId, String key) {
        Plan plan = plans.require(planId);
        ReportingPeriod period = periods.require(plan, key);
        List<ReportingPeriod> year = ReportingPeriod.list("plan = ?1 and year = ?2 and startsOn <= ?3 order by startsOn", plan, period.year,
                period.startsOn);
        ReportingPeriod previous = ReportingPeriod.find("plan = ?1 and startsOn < ?2 order by startsOn desc", plan, period.startsOn)
                .firstResult();

        Map<String, Standing> standings = new LinkedHashMap<>();
        for (ReportingPeriod p : year) {
            standings.put(p.key, consolidation.standing(plan.id, p.key));
        }
        Standing now = standings.get(period.key);
        PeriodChange change = null;
        if (previous != null) {
            Standing before = standings.containsKey(previous.key) ? standings.get(previous.key) : consolidation.standing(plan.id, previous.key);
            change = change(previous, before, now);
        }
        return new PeriodSummary(PlanRef.of(plan), OrgUnitRef.of(plan.issuingUnit), periods.view(period), now.statusCounts(),
                now.timeliness(), change, yearToDate(period.year, year, standings));
    }

    static PeriodChange change(ReportingPeriod previous, Standing before, Standing now) {
        Map<IndicatorStatus, Integer> delta = new EnumMap<>(IndicatorStatus.class);
        for (IndicatorStatus s : IndicatorStatus.values()) {
            delta.put(s, now.statusCounts().getOrDefault(s, 0) - before.statusCounts().getOrDefault(s, 0));
        }
        Map<UUID, IndicatorStatus> was = new HashMap<>();
        before.indicators().forEach(r -> was.put(r.indicator().id(), r.status()));
        List<StatusChange> changes = new ArrayList<>();
        for (IndicatorResult r : now.indicators()) {
            IndicatorStatus from = was.get(r.indicator().id());
            if (from != null && from != r.status()) {
                changes.add(new StatusChange(r.indicator(), from, r.status(), StatusRules.direction(from, r.status())));
            }
        }
        // Worse first, then better, then the rest; the plan's order within each.
        changes.sort(Comparator.comparingInt(c -> switch (c.direction()) {
            case WORSE -> 0;
            case BETTER -> 1;
            case OTHER -> 2;
        }));
        int better = (int) changes.stream().filter(c -> c.direction() == StatusRules.Direction.BETTER).count();
        int worse = (int) changes.stream().filter(c -> c.direction() == StatusRules.Direction.WORSE).count();
        return new PeriodChange(previous.key, previous.kind, previous.year, previous.seq, before.statusCounts(), delta, better, worse,
                changes, before.timeliness().lateUnits().size(), before.timeliness().late() + before.timeliness().missing());
    }

    static YearToDate yearToDate(int year, List<ReportingPeriod> periods, Map<String, Standing> standings) {
        List<PeriodFigures> figures = new ArrayList<>();
        int expected = 0;
        int submitted = 0;
        int onTime = 0;
        int late = 0;
        int missing = 0;
        Map<UUID, long[]> byUnit = new LinkedHashMap<>();
        Map<UUID, OrgUnitRef> units = new HashMap<>();
        for (ReportingPeriod p : periods) {
            Standing s = standings.get(p.key);
            var t = s.timeliness();
            figures.add(new PeriodFigures(p.key, p.kind, p.year, p.seq, p.unitDeadline, p.closed(), s.statusCounts(), t.expected(), t.onTime(),
                    t.late(), t.missing(), t.lateUnits().size()));
            expected += t.expected();
            submitted += t.submitted();
            onTime += t.onTime();
            late += t.late();
            missing += t.missing();
            for (LateUnit u : t.lateUnits()) {
                units.put(u.unit().id(), u.unit());
                long[] sums = byUnit.computeIfAbsent(u.unit().id(), k -> new long[4]);
                sums[0] += u.missing();
                sums[1] += u.submittedLate();
                sums[2] += 1;
                sums[3] = Math.max(sums[3], u.daysLate());
            }
        }
        List<YearLateUnit> lateUnits = new ArrayList<>();
        byUnit.forEach((id, sums) -> lateUnits.add(new YearLateUnit(units.get(id), (int) sums[0], (int) sums[1], (int) sums[2], sums[3])));
        lateUnits.sort(Comparator.comparingInt((YearLateUnit u) -> u.missing() + u.submittedLate()).reversed()
                .thenComparing(u -> u.unit().name()));
        return new YearToDate(year, figures, expected, submitted, onTime, late, missing, lateUnits);
    }
}
