package vn.dti.tracker.reporting;

import static vn.dti.tracker.common.Values.strip;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.databind.ObjectMapper;

import vn.dti.tracker.auth.AccessPolicy;
import vn.dti.tracker.common.Entities;
import vn.dti.tracker.indicator.Comparator;
import vn.dti.tracker.indicator.TargetDto;
import vn.dti.tracker.indicator.TargetKind;
import vn.dti.tracker.orgunit.OrgUnitDtos.OrgUnitRef;
import vn.dti.tracker.plan.Plan;
import vn.dti.tracker.plan.PlanDtos.PlanRef;
import vn.dti.tracker.plan.PlanService;
import vn.dti.tracker.reporting.ReportingDtos.ConsolidatedReport;
import vn.dti.tracker.reporting.ReportingDtos.IndicatorResult;
import vn.dti.tracker.reporting.ReportingDtos.ItemRef;
import vn.dti.tracker.reporting.ReportingDtos.LateUnit;
import vn.dti.tracker.reporting.ReportingDtos.ProvinceOverview;
import vn.dti.tracker.reporting.ReportingDtos.Rollup;
import vn.dti.tracker.reporting.ReportingDtos.SubordinatePlan;
import vn.dti.tracker.reporting.ReportingDtos.TaskResult;
import vn.dti.tracker.reporting.ReportingDtos.Timeliness;
import vn.dti.tracker.task.TaskEnums;

/**
 * Báo cáo tổng hợp: a plan's period as the coordinator sends it up, and the province's view of the
 * plans that carry out its own. Everything is read set-wise for all plans at once (a fixed number of
 * queries, whatever the number of communes, indicators or reports), then the statuses are computed by
 * {@link StatusRules}.
 */
@ApplicationScoped
public class ConsolidationService {

    private final EntityManager em;
    private final PlanService plans;
    private final PeriodService periods;
    private final AccessPolicy access;
    private final ReportingClock clock;
    private final ObjectMapper json;

    public ConsolidationService(EntityManager em, PlanService plans, PeriodService periods, AccessPolicy access, ReportingClock clock,
            ObjectMapper json) {
        this.em = em;
        this.plans = plans;
        this.periods = periods;
        this.access = access;
        this.clock = clock;
        this.json = json;
    }

    /** What the engine reads about one plan's indicators in one period. */
    record PlanPeriod(UUID planId, UUID periodId, String key, int year, LocalDate endsOn, LocalDate consolidationDeadline,
            OffsetDateTime sentUpAt, String sentUpBy) {
        int monthsElapsed() {
            return endsOn.getMonthValue();
        }
    }

    record IndicatorRow(UUID id, UUID planId, String code, String content, String groupCode, String unitOfMeasure, TargetDto baseline,
            boolean fraction, OrgUnitRef lead, UUID contributesTo) {
    }

    /** {@code months}: months of the year up to the end of the period the value reports on. */
    record Accepted(UUID reportId, String periodKey, ReportValue value, String achievements, String difficulties, String proposals,
            int evidence, int months) {
    }

    /** All of the period's facts for a set of plans. */
    record Facts(Map<UUID, PlanPeriod> periods, List<IndicatorRow> indicators, Map<UUID, TargetDto> targets,
            Map<UUID, Accepted> accepted, Map<UUID, ReportState> leadState, Map<UUID, Integer> contributions,
            Map<UUID, List<LateUnitRow>> timeliness) {
    }

    record LateUnitRow(OrgUnitRef unit, int expected, int submitted, int onTime, int late, int missing, long daysLate) {
    }

    @Transactional
    public ConsolidatedReport consolidated(UUID planId, String key) {
        Plan plan = plans.require(planId);
        ReportingPeriod period = periods.require(plan, key);
        Facts facts = facts(List.of(plan.id), key);
        List<IndicatorResult> indicators = new ArrayList<>();
        for (IndicatorRow i : facts.indicators()) {
            indicators.add(result(i, facts));
        }
        return new ConsolidatedReport(PlanRef.of(plan), OrgUnitRef.of(plan.issuingUnit), periods.view(period), counts(indicators),
                indicators, tasks(plan.id, period), timeliness(facts.timeliness().getOrDefault(plan.id, List.of())));
    }

    /**
     * The province's view: every plan carrying out this one (a commune's plan whose parent it is) with its
     * sent-up time, status counts and timeliness for the period, and this plan's indicators rolled up
     * from the commune indicators that feed them.
     */
    @Transactional
    public ProvinceOverview overview(UUID planId, String key) {
        Plan plan = plans.require(planId);
        periods.require(plan, key);
        AccessPolicy.Clause scope = access.planScope("c");
        var q = em.createQuery("select c from Plan c join fetch c.issuingUnit where c.parentPlan.id = :parent and " + scope.jpql()
                + " order by c.issuingUnit.code, c.code", Plan.class).setParameter("parent", planId);
        scope.params().forEach(q::setParameter);
        List<Plan> children = q.getResultList();
        List<UUID> ids = new ArrayList<>(children.stream().map(c -> c.id).toList());
        Facts facts = facts(ids, key);
        Map<UUID, List<IndicatorResult>> byPlan = new HashMap<>();
        for (IndicatorRow i : facts.indicators()) {
            byPlan.computeIfAbsent(i.planId(), k -> new ArrayList<>()).add(result(i, facts));
        }
        LocalDate today = clock.today();
        List<SubordinatePlan> subordinates = new ArrayList<>();
        for (Plan c : children) {
            PlanPeriod pp = facts.periods().get(c.id);
            boolean late = sentUpLate(c, pp, today);
            subordinates.add(new SubordinatePlan(PlanRef.of(c), OrgUnitRef.of(c.issuingUnit), pp == null ? null : pp.key(),
                    pp == null ? null : pp.consolidationDeadline(), pp == null ? null : pp.sentUpAt(), pp == null ? null : pp.sentUpBy(), late,
                    counts(byPlan.getOrDefault(c.id, List.of())), timeliness(facts.timeliness().getOrDefault(c.id, List.of()))));
        }
        return new ProvinceOverview(PlanRef.of(plan), key, subordinates, rollups(plan, key, facts));
    }

    /** The commune's report was sent up late, by the reporting rules (ReportingRules#sentUpLate). */
    private boolean sentUpLate(Plan c, PlanPeriod pp, LocalDate today) {
        return pp != null && ReportingRules.sentUpLate(ReportingRules.due(c.status, c.issueDate, c.effectiveDate, pp.endsOn()),
                pp.consolidationDeadline(), pp.sentUpAt() == null ? null : pp.sentUpAt().toInstant(), today, clock.zone());
    }

    // ---- what the dashboards read ----

    /** One plan's period as a dashboard counts it: each indicator's result (in the plan's order), the counts, the timeliness. */
    public record Standing(List<IndicatorResult> indicators, Map<IndicatorStatus, Integer> statusCounts, Timeliness timeliness) {
    }

    /** {@link #consolidated}'s indicators and timeliness without the tasks, for a period the caller's plan was already read for. */
    public Standing standing(UUID planId, String key) {
        Facts facts = facts(List.of(planId), key);
        List<IndicatorResult> indicators = new ArrayList<>();
        if (facts.periods().containsKey(planId)) {
            for (IndicatorRow i : facts.indicators()) {
                indicators.add(result(i, facts));
            }
        }
        return new Standing(indicators, counts(indicators), timeliness(facts.timeliness().getOrDefault(planId, List.of())));
    }

    /**
     * Plans of communes, whether or not they carry out {@code parent}, each with its report for the period as the
     * province overview shows it ({@link SubordinatePlan}); for each, the statuses of its indicators feeding each of the
     * parent's indicators; and the parent's roll-ups. The same fixed number of queries as {@link #overview}.
     */
    public record CommunePlans(Map<UUID, SubordinatePlan> plans, Map<UUID, Map<UUID, List<IndicatorStatus>>> feeding, List<Rollup> rollups) {
    }

    public CommunePlans communePlans(Plan parent, List<Plan> plansOfCommunes, String key) {
        Facts facts = facts(plansOfCommunes.stream().map(p -> p.id).toList(), key);
        Map<UUID, List<IndicatorResult>> byPlan = new HashMap<>();
        Map<UUID, Map<UUID, List<IndicatorStatus>>> feeding = new HashMap<>();
        for (IndicatorRow i : facts.indicators()) {
            IndicatorResult r = result(i, facts);
            byPlan.computeIfAbsent(i.planId(), k -> new ArrayList<>()).add(r);
            if (i.contributesTo() != null) {
                feeding.computeIfAbsent(i.planId(), k -> new LinkedHashMap<>()).computeIfAbsent(i.contributesTo(), k -> new ArrayList<>())
                        .add(r.status());
            }
        }
        LocalDate today = clock.today();
        Map<UUID, SubordinatePlan> out = new HashMap<>();
        for (Plan c : plansOfCommunes) {
            PlanPeriod pp = facts.periods().get(c.id);
            out.put(c.id, new SubordinatePlan(PlanRef.of(c), OrgUnitRef.of(c.issuingUnit), pp == null ? null : pp.key(),
                    pp == null ? null : pp.consolidationDeadline(), pp == null ? null : pp.sentUpAt(), pp == null ? null : pp.sentUpBy(),
                    sentUpLate(c, pp, today), counts(byPlan.getOrDefault(c.id, List.of())),
                    timeliness(facts.timeliness().getOrDefault(c.id, List.of()))));
        }
        return new CommunePlans(out, feeding, rollups(parent, key, facts));
    }

    // ---- the facts, in a fixed number of queries ----

    Facts facts(Collection<UUID> planIds, String key) {
        Map<UUID, PlanPeriod> periodsByPlan = new HashMap<>();
        List<IndicatorRow> indicators = new ArrayList<>();
        Map<UUID, TargetDto> targets = new HashMap<>();
        Map<UUID, Accepted> accepted = new HashMap<>();
        Map<UUID, ReportState> leadState = new HashMap<>();
        Map<UUID, Integer> contributions = new HashMap<>();
        Map<UUID, List<LateUnitRow>> timeliness = new HashMap<>();
        if (planIds.isEmpty()) {
            return new Facts(periodsByPlan, indicators, targets, accepted, leadState, contributions, timeliness);
        }
        for (Object[] r : rows(em.createNativeQuery("""
                select plan_id, id, period_key, year, ends_on, consolidation_deadline, sent_up_at, sent_up_by_name
                from reporting_period where plan_id in (:plans) and period_key = :key""").setParameter("plans", planIds).setParameter("key", key))) {
            periodsByPlan.put((UUID) r[0], new PlanPeriod((UUID) r[0], (UUID) r[1], (String) r[2], ((Number) r[3]).intValue(),
                    AssignmentService.toDate(r[4]), AssignmentService.toDate(r[5]), Entities.utc(r[6]), (String) r[7]));
        }
        if (periodsByPlan.isEmpty()) {
            return new Facts(periodsByPlan, indicators, targets, accepted, leadState, contributions, timeliness);
        }
        int year = periodsByPlan.values().iterator().next().year();
        LocalDate endsOn = periodsByPlan.values().iterator().next().endsOn();
        Collection<UUID> withPeriod = periodsByPlan.keySet();
        List<UUID> periodIds = periodsByPlan.values().stream().map(PlanPeriod::periodId).toList();
        for (Object[] r : rows(em.createNativeQuery("""
                select i.id, i.plan_id, i.code, i.content, g.code as group_code, i.unit_of_measure, cast(i.baseline as text),
                       i.captured_as_fraction, u.id as unit_id, u.code as unit_code, u.name, i.contributes_to_id
                from indicator i join plan_group g on g.id = i.group_id join org_unit u on u.id = i.lead_unit_id
                where i.plan_id in (:plans) order by i.plan_id, g.position, i.position, i.code""").setParameter("plans", withPeriod))) {
            indicators.add(new IndicatorRow((UUID) r[0], (UUID) r[1], (String) r[2], (String) r[3], (String) r[4], (String) r[5],
                    target((String) r[6]), (Boolean) r[7], new OrgUnitRef((UUID) r[8], (String) r[9], (String) r[10]), (UUID) r[11]));
        }
        for (Object[] r : rows(em.createNativeQuery("""
                select t.indicator_id, t.year, t.kind, t.comparator, t.value, t.per, t.basis, t.out_of, t.text, t.qualification, t.wording
                from indicator_target t join indicator i on i.id = t.indicator_id
                where i.plan_id in (:plans) and t.year = :year""").setParameter("plans", withPeriod).setParameter("year", year))) {
            targets.put((UUID) r[0], new TargetDto(((Number) r[1]).intValue(), TargetKind.valueOf((String) r[2]),
                    r[3] == null ? null : Comparator.valueOf((String) r[3]), strip((BigDecimal) r[4]), strip((BigDecimal) r[5]), (String) r[6], r[7] == null ? null : ((Number) r[7]).intValue(),
                    (String) r[8], (String) r[9], (String) r[10]));
        }
        // The latest accepted value of the lead unit in the year, up to this period: results are cumulative. Only the
        // year's periods are read (by their ids, through the report's period index), the latest report of each indicator
        // is picked on narrow rows, and only those are read in full, with their evidence counted.
        @SuppressWarnings("unchecked")
        List<UUID> yearPeriods = em.createNativeQuery("select id from reporting_period where plan_id in (:plans) and year = :year and ends_on <= :endsOn")
                .setParameter("plans", withPeriod).setParameter("year", year).setParameter("endsOn", endsOn).getResultList();
        for (Object[] r : yearPeriods.isEmpty() ? List.<Object[]>of() : rows(em.createNativeQuery("""
                select l.indicator_id, r.id, l.period_key, r.value_number, r.numerator, r.denominator, r.met, r.rank, r.rank_out_of,
                       r.milestone_text, r.achievements, r.difficulties, r.proposals,
                       (select count(*) from report_evidence re where re.report_id = r.id), l.months
                from (select distinct on (r.indicator_id) r.indicator_id, r.id, p.period_key, cast(extract(month from p.ends_on) as int) as months
                      from report r join reporting_period p on p.id = r.period_id
                      where r.period_id in (:periods) and r.indicator_id is not null and r.role = 'LEAD' and r.state = 'ACCEPTED'
                      order by r.indicator_id, p.starts_on desc) l
                join report r on r.id = l.id""").setParameter("periods", yearPeriods))) {
            accepted.put((UUID) r[0], new Accepted((UUID) r[1], (String) r[2], new ReportValue(strip((BigDecimal) r[3]),
                    strip((BigDecimal) r[4]), strip((BigDecimal) r[5]), (Boolean) r[6], r[7] == null ? null : ((Number) r[7]).intValue(),
                    r[8] == null ? null : ((Number) r[8]).intValue(), (String) r[9]), (String) r[10], (String) r[11], (String) r[12],
                    ((Number) r[13]).intValue(), ((Number) r[14]).intValue()));
        }
        for (Object[] r : rows(em.createNativeQuery("""
                select r.indicator_id, max(case when r.role = 'LEAD' then r.state end),
                       count(*) filter (where r.role = 'COOPERATING' and r.state <> 'DRAFT')
                from report r where r.period_id in (:periods) and r.indicator_id is not null group by r.indicator_id""")
                .setParameter("periods", periodIds))) {
            if (r[1] != null) {
                leadState.put((UUID) r[0], ReportState.valueOf((String) r[1]));
            }
            contributions.put((UUID) r[0], ((Number) r[2]).intValue());
        }
        LocalDate today = clock.today();
        // Timeliness by ReportingRules, in its SQL form: lead assignments of due periods; submitted = standing as sent (submitted or
        // accepted), late = the submission that stands came after the deadline, missing = overdue (none, a draft, or returned).
        for (Object[] r : rows(em.createNativeQuery("""
                select a.plan_id, u.id, u.code, u.name, count(*),
                       count(*) filter (where reporting_stands_submitted(r.state)),
                       count(*) filter (where reporting_stands_submitted(r.state)
                                        and not reporting_submitted_late(d.due, r.state, r.submitted_at, rp.unit_deadline, :zone)),
                       count(*) filter (where reporting_submitted_late(d.due, r.state, r.submitted_at, rp.unit_deadline, :zone)),
                       count(*) filter (where reporting_overdue(d.due, a.role, rp.unit_deadline, r.state, :today)),
                       coalesce(max(reporting_days_late(d.due, a.role, rp.unit_deadline, r.state, r.submitted_at, :today, :zone)), 0)
                from assignment a join reporting_period rp on rp.id = a.period_id join plan pl on pl.id = a.plan_id
                join org_unit u on u.id = a.unit_id
                left join report r on r.unit_id = a.unit_id and r.period_id = a.period_id and coalesce(r.indicator_id, r.task_id) = a.item_id
                cross join lateral (select reporting_period_due(pl.status, pl.issue_date, pl.effective_date, rp.ends_on) as due) d
                where a.period_id in (:periods) and a.role = 'LEAD' and d.due
                group by a.plan_id, u.id, u.code, u.name order by u.code""").setParameter("periods", periodIds)
                .setParameter("zone", clock.zone().getId()).setParameter("today", today))) {
            timeliness.computeIfAbsent((UUID) r[0], k -> new ArrayList<>()).add(new LateUnitRow(
                    new OrgUnitRef((UUID) r[1], (String) r[2], (String) r[3]), ((Number) r[4]).intValue(), ((Number) r[5]).intValue(),
                    ((Number) r[6]).intValue(), ((Number) r[7]).intValue(), ((Number) r[8]).intValue(), Math.max(0, ((Number) r[9]).longValue())));
        }
        return new Facts(periodsByPlan, indicators, targets, accepted, leadState, contributions, timeliness);
    }

    IndicatorResult result(IndicatorRow i, Facts facts) {
        PlanPeriod pp = facts.periods().get(i.planId());
        TargetDto target = facts.targets().get(i.id());
        Accepted a = facts.accepted().get(i.id());
        // The year's result is final once its last period's consolidation deadline has passed.
        boolean yearOver = pp.monthsElapsed() >= 12 && pp.consolidationDeadline() != null && clock.today().isAfter(pp.consolidationDeadline());
        StatusRules.Evaluation e = StatusRules.evaluate(target, i.baseline(), i.fraction(), a == null ? null : a.value(), pp.monthsElapsed(),
                a == null ? pp.monthsElapsed() : a.months(), yearOver);
        return new IndicatorResult(new ItemRef("INDICATOR", i.id(), i.code(), i.content()), i.groupCode(), i.unitOfMeasure(), target,
                i.lead(), e.status(), strip(e.achieved()), strip(e.expected()), a == null ? null : a.reportId(), a == null ? null : a.periodKey(),
                a == null ? null : a.value(), facts.leadState().get(i.id()), a == null ? null : a.achievements(),
                a == null ? null : a.difficulties(), a == null ? null : a.proposals(), facts.contributions().getOrDefault(i.id(), 0),
                a == null ? 0 : a.evidence());
    }

    static Map<IndicatorStatus, Integer> counts(List<IndicatorResult> results) {
        Map<IndicatorStatus, Integer> counts = new EnumMap<>(IndicatorStatus.class);
        for (IndicatorStatus s : IndicatorStatus.values()) {
            counts.put(s, 0);
        }
        results.forEach(r -> counts.merge(r.status(), 1, Integer::sum));
        return counts;
    }

    static Timeliness timeliness(List<LateUnitRow> rows) {
        int expected = 0;
        int submitted = 0;
        int onTime = 0;
        int late = 0;
        int missing = 0;
        List<LateUnit> lateUnits = new ArrayList<>();
        for (LateUnitRow r : rows) {
            expected += r.expected();
            submitted += r.submitted();
            onTime += r.onTime();
            late += r.late();
            missing += r.missing();
            if (r.late() > 0 || r.missing() > 0) {
                lateUnits.add(new LateUnit(r.unit(), r.missing(), r.late(), r.daysLate()));
            }
        }
        lateUnits.sort((x, y) -> Long.compare(y.daysLate(), x.daysLate()));
        return new Timeliness(expected, submitted, onTime, late, missing, lateUnits);
    }

    private List<TaskResult> tasks(UUID planId, ReportingPeriod period) {
        Map<UUID, List<OrgUnitRef>> leads = new HashMap<>();
        for (Object[] r : rows(em.createNativeQuery("""
                select tu.task_id, u.id, u.code, u.name from task_unit tu join task t on t.id = tu.task_id join org_unit u on u.id = tu.unit_id
                where t.plan_id = :plan and tu.role = 'LEAD' order by tu.task_id, tu.position""").setParameter("plan", planId))) {
            leads.computeIfAbsent((UUID) r[0], k -> new ArrayList<>()).add(new OrgUnitRef((UUID) r[1], (String) r[2], (String) r[3]));
        }
        Map<UUID, List<Object[]>> reported = new HashMap<>();
        for (Object[] r : rows(em.createNativeQuery("""
                select r.task_id, r.progress, r.achievements, u.code from report r join org_unit u on u.id = r.unit_id
                where r.period_id = :period and r.task_id is not null and r.role = 'LEAD' and reporting_stands_submitted(r.state)
                order by u.code""").setParameter("period", period.id))) {
            reported.computeIfAbsent((UUID) r[0], k -> new ArrayList<>()).add(r);
        }
        List<TaskResult> out = new ArrayList<>();
        for (Object[] r : rows(em.createNativeQuery("""
                select t.id, t.code, t.description, g.code as group_code, t.progress, t.timeframe_kind, t.timeframe_start_year, t.timeframe_end_year
                from task t join plan_group g on g.id = t.group_id where t.plan_id = :plan order by g.position, t.position, t.code""")
                .setParameter("plan", planId))) {
            boolean inTimeframe = "ONGOING".equals(r[5]) || ((Number) r[6]).intValue() <= period.year && period.year <= ((Number) r[7]).intValue();
            if (!inTimeframe) {
                continue;
            }
            UUID id = (UUID) r[0];
            List<Object[]> reps = reported.getOrDefault(id, List.of());
            TaskEnums.Progress least = null;
            StringBuilder achievements = new StringBuilder();
            for (Object[] rep : reps) {
                TaskEnums.Progress p = rep[1] == null ? null : TaskEnums.Progress.valueOf((String) rep[1]);
                if (p != null && (least == null || advance(p) < advance(least))) {
                    least = p;
                }
                if (rep[2] != null) {
                    achievements.append(achievements.length() == 0 ? "" : "\n").append(reps.size() > 1 ? rep[3] + ": " : "").append(rep[2]);
                }
            }
            out.add(new TaskResult(new ItemRef("TASK", id, (String) r[1], (String) r[2]), (String) r[3], leads.getOrDefault(id, List.of()),
                    TaskEnums.Progress.valueOf((String) r[4]), least, achievements.length() == 0 ? null : achievements.toString(), reps.size()));
        }
        return out;
    }

    private static int advance(TaskEnums.Progress p) {
        return switch (p) {
            case SUSPENDED -> 0;
            case NOT_STARTED -> 1;
            case IN_PROGRESS -> 2;
            case COMPLETED -> 3;
        };
    }

    /**
     * Roll-ups name their method: fractions are summed then divided (a province rate from its communes'
     * counts, never an average of percentages), counts and numbers are summed, pass/fail is counted;
     * percentages reported as bare numbers and ranks cannot be combined honestly (NONE).
     */
    private List<Rollup> rollups(Plan plan, String key, Facts facts) {
        Facts own = facts(List.of(plan.id), key);
        Map<UUID, List<IndicatorRow>> feeding = new LinkedHashMap<>();
        for (IndicatorRow child : facts.indicators()) {
            if (child.contributesTo() != null) {
                feeding.computeIfAbsent(child.contributesTo(), k -> new ArrayList<>()).add(child);
            }
        }
        List<Rollup> out = new ArrayList<>();
        for (IndicatorRow parent : own.indicators()) {
            List<IndicatorRow> children = feeding.getOrDefault(parent.id(), List.of());
            if (children.isEmpty()) {
                continue;
            }
            TargetDto target = own.targets().get(parent.id());
            TargetKind kind = target != null ? target.kind() : TargetKind.NUMBER;
            boolean allFractions = children.stream().allMatch(IndicatorRow::fraction);
            BigDecimal num = BigDecimal.ZERO;
            BigDecimal den = BigDecimal.ZERO;
            BigDecimal sum = BigDecimal.ZERO;
            int met = 0;
            int reported = 0;
            String method = kind == TargetKind.PASS_FAIL || kind == TargetKind.MILESTONE ? "COUNT_MET"
                    : allFractions && (kind == TargetKind.PERCENT || kind == TargetKind.RATIO) ? "SUM_FRACTIONS"
                    : kind == TargetKind.COUNT || kind == TargetKind.NUMBER ? "SUM" : "NONE";
            for (IndicatorRow child : children) {
                Accepted a = facts.accepted().get(child.id());
                if (a == null) {
                    continue;
                }
                ReportValue v = a.value();
                switch (method) {
                    case "SUM_FRACTIONS" -> {
                        if (v.numerator() != null && v.denominator() != null) {
                            num = num.add(v.numerator());
                            den = den.add(v.denominator());
                            reported++;
                        }
                    }
                    case "SUM" -> {
                        if (v.number() != null) {
                            sum = sum.add(v.number());
                            reported++;
                        }
                    }
                    case "COUNT_MET" -> {
                        if (v.met() != null) {
                            reported++;
                            met += v.met() ? 1 : 0;
                        }
                    }
                    default -> reported++;
                }
            }
            BigDecimal value = null;
            IndicatorStatus status = IndicatorStatus.NOT_REPORTED;
            PlanPeriod pp = own.periods().get(plan.id);
            int months = pp == null ? 12 : pp.monthsElapsed();
            if (method.equals("SUM_FRACTIONS") && den.signum() > 0) {
                BigDecimal scale = kind == TargetKind.PERCENT ? BigDecimal.valueOf(100) : target.per() == null ? BigDecimal.ONE : target.per();
                value = num.multiply(scale).divide(den, 4, RoundingMode.HALF_UP).stripTrailingZeros();
                status = StatusRules.evaluate(target, parent.baseline(), false, new ReportValue(value, null, null, null, null, null, null),
                        months).status();
            } else if (method.equals("SUM") && reported > 0) {
                value = sum.stripTrailingZeros();
                status = StatusRules.evaluate(target, parent.baseline(), false, new ReportValue(value, null, null, null, null, null, null),
                        months).status();
            } else if (method.equals("COUNT_MET") && reported > 0) {
                status = met == children.size() ? IndicatorStatus.MET : reported == children.size() ? IndicatorStatus.NOT_MET
                        : IndicatorStatus.NOT_REPORTED;
            } else if (target == null) {
                status = IndicatorStatus.NO_TARGET;
            }
            out.add(new Rollup(new ItemRef("INDICATOR", parent.id(), parent.code(), parent.content()), target, method,
                    method.equals("SUM_FRACTIONS") ? num.stripTrailingZeros() : null, method.equals("SUM_FRACTIONS") ? den.stripTrailingZeros() : null,
                    value, method.equals("COUNT_MET") ? met : null, reported, children.size(), status));
        }
        return out;
    }

    private TargetDto target(String text) {
        if (text == null) {
            return null;
        }
        try {
            return json.readValue(text, TargetDto.class);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("unreadable baseline", e);
        }
    }


    @SuppressWarnings("unchecked")
    private static List<Object[]> rows(Query q) {
        return q.getResultList();
    }
}
