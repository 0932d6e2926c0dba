package vn.dti.tracker.reporting;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;

import vn.dti.tracker.auth.Visibility;
import vn.dti.tracker.auth.AccessPolicy;
import vn.dti.tracker.auth.Caller;
import vn.dti.tracker.common.DomainException;
import vn.dti.tracker.common.Page;
import vn.dti.tracker.common.PageRequest;
import vn.dti.tracker.common.TextSearch;
import vn.dti.tracker.orgunit.OrgUnitDtos.OrgUnitRef;
import vn.dti.tracker.orgunit.OrgUnitService;
import vn.dti.tracker.plan.PlanDtos.PlanRef;
import vn.dti.tracker.plan.PlanStatus;
import vn.dti.tracker.reporting.ReportingDtos.AssignmentPage;
import vn.dti.tracker.reporting.ReportingDtos.AssignmentState;
import vn.dti.tracker.reporting.ReportingDtos.AssignmentView;
import vn.dti.tracker.reporting.ReportingDtos.ItemRef;
import vn.dti.tracker.reporting.ReportingDtos.PeriodRef;
import vn.dti.tracker.reporting.ReportingDtos.PeriodScope;

/**
 * "What is due": every indicator or task × period a unit must report on, with its deadline and state,
 * computed in one query over the {@code assignment} view (V3), so its cost does not grow with the page.
 */
@ApplicationScoped
public class AssignmentService {

    static final Map<String, String> SORTABLE = Map.of("deadline", "x.unit_deadline", "plan", "x.plan_code", "unit", "x.unit_code",
            "state", "x.state", "attention", AssignmentService.ATTENTION);

    /**
     * What needs the unit first: a returned report (the reviewer waits for its fix), then what is late, drafts, what is not
     * started, and last what is sent or accepted.
     */
    static final String ATTENTION = "case x.state when 'RETURNED' then 0 when 'LATE' then 1 when 'DRAFT' then 2"
            + " when 'NOT_STARTED' then 3 when 'SUBMITTED' then 4 else 5 end";

    /** The latest period first (the current one, then the late ones behind it), then in the plan's own order. */
    static final String DEFAULT_ORDER = "x.unit_deadline desc, x.plan_code, x.unit_code, x.item_kind, x.group_pos, x.item_pos, x.item_id";

    /**
     * @param q words or code of the item, matched without diacritics ("ung dung" finds "Ứng dụng")
     * @param periodScope the period each plan is in today, or the periods that ended before it; null for no such limit
     */
    public record Filter(UUID planId, String periodKey, UUID unitId, boolean mine, Set<AssignmentState> states, LocalDate dueFrom,
            LocalDate dueTo, Boolean overdue, String q, PeriodScope periodScope) {
    }

    /**
     * Due assignments only ({@link ReportingRules}, in its SQL form): the state a unit sees is its report's, or NOT_STARTED; LATE
     * for an overdue one with no report or a draft. A returned report keeps RETURNED and is flagged overdue.
     */
    static final String SELECT = """
            select a.period_id, rp.period_key, rp.unit_deadline, rp.sent_up_at is not null as closed,
                   pl.id as plan_id, pl.code as plan_code, pl.document_number, pl.title, pl.status as plan_status,
                   a.item_kind, a.item_id, coalesce(i.code, t.code) as item_code, coalesce(i.content, t.description) as item_content,
                   u.id as unit_id, u.code as unit_code, u.name as unit_name, a.role, r.id as report_id, r.version as report_version,
                   r.review_comment, r.state as report_state,
                   case when r.id is null and o.overdue then 'LATE'
                        when r.id is null then 'NOT_STARTED'
                        when r.state = 'DRAFT' and o.overdue then 'LATE'
                        else r.state end as state,
                   o.overdue, reporting_days_late(d.due, a.role, rp.unit_deadline, r.state, r.submitted_at, :today, :zone) as days_late,
                   coalesce(ig.position, tg.position) as group_pos, coalesce(i.position, t.position) as item_pos
              from assignment a
              join reporting_period rp on rp.id = a.period_id
              join plan pl on pl.id = a.plan_id
              join org_unit u on u.id = a.unit_id
              left join indicator i on a.item_kind = 'INDICATOR' and i.id = a.item_id
              left join plan_group ig on ig.id = i.group_id
              left join task t on a.item_kind = 'TASK' and t.id = a.item_id
              left join plan_group tg on tg.id = t.group_id
              left join report r on r.unit_id = a.unit_id and r.period_id = a.period_id
                   and coalesce(r.indicator_id, r.task_id) = a.item_id
              cross join lateral (select reporting_period_due(pl.status, pl.issue_date, pl.effective_date, rp.ends_on) as due) d
              cross join lateral (select reporting_overdue(d.due, a.role, rp.unit_deadline, r.state, :today) as overdue) o
            """;

    private final EntityManager em;
    private final AccessPolicy access;
    private final Visibility visibility;
    private final OrgUnitService units;
    private final ReportingClock clock;

    public AssignmentService(EntityManager em, AccessPolicy access, Visibility visibility, OrgUnitService units, ReportingClock clock) {
        this.em = em;
        this.access = access;
        this.visibility = visibility;
        this.units = units;
        this.clock = clock;
    }

    @Transactional
    public AssignmentPage list(Filter f, PageRequest page) {
        LocalDate today = clock.today();
        UUID unitId = f.unitId();
        if (f.mine()) {
            Caller caller = access.caller();
            if (caller.unitId() == null) {
                throw DomainException.invalidField("mine", "assignment.no-own-unit", "Tài khoản này không thuộc đơn vị nào.");
            }
            unitId = caller.unitId();
        } else if (unitId != null) {
            units.requireVisible(unitId);
        }
        visibility.requireFilter(Visibility.Kind.PLAN, f.planId());
        Map<String, Object> params = new HashMap<>();
        String inner = SELECT + where(f, unitId, today, params);
        List<String> outer = new ArrayList<>();
        if (f.states() != null && !f.states().isEmpty()) {
            outer.add("x.state in (:states)");
            params.put("states", f.states().stream().map(Enum::name).collect(Collectors.toList()));
        }
        if (f.overdue() != null) {
            outer.add("x.overdue = :overdue");
            params.put("overdue", f.overdue());
        }
        String stateFilter = outer.isEmpty() ? "" : " where " + String.join(" and ", outer);
        Query count = em.createNativeQuery("select count(*) from (" + inner + ") x" + stateFilter);
        Query list = em.createNativeQuery("select x.* from (" + inner + ") x" + stateFilter + " order by " + page.orderBy()
                + " limit " + page.size() + " offset " + page.offset(), Tuple.class);
        params.forEach((k, v) -> {
            count.setParameter(k, v);
            list.setParameter(k, v);
        });
        long total = ((Number) count.getSingleResult()).longValue();
        @SuppressWarnings("unchecked")
        List<Tuple> rows = list.getResultList();
        List<AssignmentView> items = new ArrayList<>(rows.size());
        for (Tuple r : rows) {
            LocalDate deadline = toDate(r.get("unit_deadline"));
            boolean closed = (Boolean) r.get("closed");
            UUID unit = (UUID) r.get("unit_id");
            UUID report = (UUID) r.get("report_id");
            Number version = (Number) r.get("report_version");
            items.add(new AssignmentView(new PlanRef((UUID) r.get("plan_id"), (String) r.get("plan_code"), (String) r.get("document_number"),
                    (String) r.get("title")), new PeriodRef((UUID) r.get("period_id"), (String) r.get("period_key"), deadline, closed),
                    new ItemRef((String) r.get("item_kind"), (UUID) r.get("item_id"), (String) r.get("item_code"), (String) r.get("item_content")),
                    new OrgUnitRef(unit, (String) r.get("unit_code"), (String) r.get("unit_name")), Report.Role.valueOf((String) r.get("role")),
                    AssignmentState.valueOf((String) r.get("state")), deadline, ReportingRules.daysLeft(deadline, today), report,
                    version == null ? null : version.longValue(), (Boolean) r.get("overdue"), ((Number) r.get("days_late")).intValue(),
                    (String) r.get("review_comment"), actions(r, unit, report, closed)));
        }
        Page<AssignmentView> found = Page.of(items, page, total);
        return new AssignmentPage(found.items(), found.page(), found.size(), found.totalItems(), found.totalPages(),
                countsByState(inner, params), overdueEarlier(f, unitId, today));
    }

    /** The assignments the filter selects, its state filter left aside: the scope, unit, plan, period, deadlines and words. */
    private String where(Filter f, UUID unitId, LocalDate today, Map<String, Object> params) {
        AccessPolicy.Clause scope = access.unitScope("u.path", false);
        StringBuilder where = new StringBuilder(" where d.due and ").append(scope.jpql());
        params.putAll(scope.params());
        params.put("today", today);
        params.put("zone", clock.zone().getId());
        if (unitId != null) {
            where.append(" and a.unit_id = :unit");
            params.put("unit", unitId);
        }
        if (f.planId() != null) {
            where.append(" and a.plan_id = :plan");
            params.put("plan", f.planId());
        }
        if (f.periodKey() != null && !f.periodKey().isBlank()) {
            where.append(" and rp.period_key = :key");
            params.put("key", f.periodKey().trim());
        } else if (f.dueFrom() == null && f.dueTo() == null && f.periodScope() == null) {
            // By default every period that has begun: the current one and the late ones behind it.
            where.append(" and rp.starts_on <= :today");
        }
        if (f.dueFrom() != null) {
            where.append(" and rp.unit_deadline >= :dueFrom");
            params.put("dueFrom", f.dueFrom());
        }
        if (f.dueTo() != null) {
            where.append(" and rp.unit_deadline <= :dueTo");
            params.put("dueTo", f.dueTo());
        }
        if (f.dueFrom() != null && f.dueTo() != null && f.dueTo().isBefore(f.dueFrom())) {
            throw DomainException.invalidField("dueTo", "request.range-reversed", "Ngày kết thúc phải sau ngày bắt đầu.");
        }
        if (f.periodScope() == PeriodScope.CURRENT) {
            where.append(" and rp.starts_on <= :today and rp.ends_on >= :today");
        } else if (f.periodScope() == PeriodScope.EARLIER) {
            where.append(" and rp.ends_on < :today");
        }
        if (f.q() != null && !f.q().isBlank()) {
            where.append(" and coalesce(i.search_text, t.search_text) like :q escape '\\'");
            params.put("q", TextSearch.likePattern(f.q()));
        }
        return where.toString();
    }

    /** How many assignments of the list hold each state; every state is named, 0 included. */
    private Map<AssignmentState, Long> countsByState(String inner, Map<String, Object> params) {
        Query query = em.createNativeQuery("select x.state, count(*) as n from (" + inner + ") x group by x.state", Tuple.class);
        params.forEach((k, v) -> {
            if (!k.equals("states") && !k.equals("overdue")) {
                query.setParameter(k, v);
            }
        });
        Map<AssignmentState, Long> counts = new EnumMap<>(AssignmentState.class);
        for (AssignmentState state : AssignmentState.values()) {
            counts.put(state, 0L);
        }
        for (Object row : query.getResultList()) {
            Tuple t = (Tuple) row;
            counts.put(AssignmentState.valueOf(t.get("state", String.class)), t.get("n", Number.class).longValue());
        }
        return counts;
    }

    /** Overdue assignments (ReportingRules) of the periods that ended before today, in the same plan and unit. */
    private long overdueEarlier(Filter f, UUID unitId, LocalDate today) {
        Filter earlier = new Filter(f.planId(), null, unitId, false, null, null, null, null, null, PeriodScope.EARLIER);
        Map<String, Object> params = new HashMap<>();
        Query query = em.createNativeQuery("select count(*) from (" + SELECT + where(earlier, unitId, today, params) + ") x where x.overdue");
        params.forEach(query::setParameter);
        return ((Number) query.getSingleResult()).longValue();
    }

    /** What the caller may do with the assignment: start its report, or change it, by the rules that refuse those calls. */
    private List<ReportAction> actions(Tuple r, UUID unit, UUID report, boolean closed) {
        if (!access.writesReportsOf(unit)) {
            return List.of();
        }
        PlanStatus planStatus = PlanStatus.valueOf((String) r.get("plan_status"));
        String planCode = (String) r.get("plan_code");
        String key = (String) r.get("period_key");
        if (report == null) {
            return ReportingRules.startRefusal(planStatus, planCode, closed, key) == null ? List.of(ReportAction.CREATE) : List.of();
        }
        ReportState state = ReportState.valueOf((String) r.get("report_state"));
        return ReportingRules.changeRefusal(state, closed, key, planStatus, planCode) == null ? List.of(ReportAction.EDIT, ReportAction.SUBMIT)
                : List.of();
    }

    static LocalDate toDate(Object o) {
        return o instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) o;
    }
}
