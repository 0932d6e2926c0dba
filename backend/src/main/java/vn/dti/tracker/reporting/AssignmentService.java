package vn.dti.tracker.reporting;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
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
            LocalDate dueTo, String q, PeriodScope periodScope) {
    }

    /** The state a unit sees: its report's, or NOT_STARTED; LATE for a lead unit that let the deadline pass unsubmitted. */
    static final String SELECT = """
            select a.period_id, rp.period_key, rp.unit_deadline, rp.sent_up_at is not null as closed,
                   pl.id as plan_id, pl.code as plan_code, pl.document_number, pl.title,
                   a.item_kind, a.item_id, coalesce(i.code, t.code) as item_code, coalesce(i.content, t.description) as item_content,
                   u.id as unit_id, u.code as unit_code, u.name as unit_name, a.role, r.id as report_id, r.version as report_version,
                   case when r.id is null and a.role = 'LEAD' and rp.unit_deadline < :today then 'LATE'
                        when r.id is null then 'NOT_STARTED'
                        when r.state = 'DRAFT' and a.role = 'LEAD' and rp.unit_deadline < :today then 'LATE'
                        else r.state end as state,
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
        String stateFilter = "";
        if (f.states() != null && !f.states().isEmpty()) {
            stateFilter = " where x.state in (:states)";
            params.put("states", f.states().stream().map(Enum::name).collect(Collectors.toList()));
        }
        Query count = em.createNativeQuery("select count(*) from (" + inner + ") x" + stateFilter);
        Query list = em.createNativeQuery("select x.* from (" + inner + ") x" + stateFilter + " order by " + page.orderBy()
                + " limit " + page.size() + " offset " + page.offset());
        params.forEach((k, v) -> {
            count.setParameter(k, v);
            list.setParameter(k, v);
        });
        long total = ((Number) count.getSingleResult()).longValue();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = list.getResultList();
        List<AssignmentView> items = new ArrayList<>(rows.size());
        Map<UUID, String> comments = reviewComments(rows.stream().filter(r -> "RETURNED".equals(r[18])).map(r -> (UUID) r[16]).toList());
        for (Object[] r : rows) {
            LocalDate deadline = toDate(r[2]);
            items.add(new AssignmentView(new PlanRef((UUID) r[4], (String) r[5], (String) r[6], (String) r[7]),
                    new PeriodRef((UUID) r[0], (String) r[1], deadline, (Boolean) r[3]),
                    new ItemRef((String) r[8], (UUID) r[9], (String) r[10], (String) r[11]),
                    new OrgUnitRef((UUID) r[12], (String) r[13], (String) r[14]), Report.Role.valueOf((String) r[15]),
                    AssignmentState.valueOf((String) r[18]), deadline, ChronoUnit.DAYS.between(today, deadline), (UUID) r[16],
                    r[17] == null ? null : ((Number) r[17]).longValue(), r[16] == null ? null : comments.get((UUID) r[16])));
        }
        Page<AssignmentView> found = Page.of(items, page, total);
        return new AssignmentPage(found.items(), found.page(), found.size(), found.totalItems(), found.totalPages(),
                countsByState(inner, params), overdueEarlier(f, unitId, today));
    }

    /** The assignments the filter selects, its state filter left aside: the scope, unit, plan, period, deadlines and words. */
    private String where(Filter f, UUID unitId, LocalDate today, Map<String, Object> params) {
        AccessPolicy.Clause scope = access.unitScope("u.path", false);
        StringBuilder where = new StringBuilder(" where pl.status <> 'CLOSED' and ").append(scope.jpql());
        params.putAll(scope.params());
        params.put("today", today);
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
            if (!k.equals("states")) {
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

    /** LATE assignments of the periods that ended before today, in the same plan and unit. */
    private long overdueEarlier(Filter f, UUID unitId, LocalDate today) {
        Filter earlier = new Filter(f.planId(), null, unitId, false, null, null, null, null, PeriodScope.EARLIER);
        Map<String, Object> params = new HashMap<>();
        Query query = em.createNativeQuery("select count(*) from (" + SELECT + where(earlier, unitId, today, params) + ") x where x.state = 'LATE'");
        params.forEach(query::setParameter);
        return ((Number) query.getSingleResult()).longValue();
    }

    /** The reviewers' comments of the listed reports, in one query. */
    private Map<UUID, String> reviewComments(List<UUID> reportIds) {
        if (reportIds.isEmpty()) {
            return Map.of();
        }
        Map<UUID, String> out = new HashMap<>();
        for (Object row : em.createNativeQuery("select id, review_comment from report where id in (:ids)", Tuple.class)
                .setParameter("ids", reportIds).getResultList()) {
            Tuple t = (Tuple) row;
            String comment = t.get("review_comment", String.class);
            if (comment != null) {
                out.put(t.get("id", UUID.class), comment);
            }
        }
        return out;
    }

    static LocalDate toDate(Object o) {
        return o instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) o;
    }
}
