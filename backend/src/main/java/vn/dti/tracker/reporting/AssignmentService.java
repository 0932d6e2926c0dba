package vn.dti.tracker.reporting;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import vn.dti.tracker.auth.Visibility;
import vn.dti.tracker.auth.AccessPolicy;
import vn.dti.tracker.auth.Caller;
import vn.dti.tracker.common.DomainException;
import vn.dti.tracker.common.Page;
import vn.dti.tracker.common.PageRequest;
import vn.dti.tracker.orgunit.OrgUnitDtos.OrgUnitRef;
import vn.dti.tracker.orgunit.OrgUnitService;
import vn.dti.tracker.plan.PlanDtos.PlanRef;
import vn.dti.tracker.reporting.ReportingDtos.AssignmentState;
import vn.dti.tracker.reporting.ReportingDtos.AssignmentView;
import vn.dti.tracker.reporting.ReportingDtos.ItemRef;
import vn.dti.tracker.reporting.ReportingDtos.PeriodRef;

/**
 * "What is due": every indicator or task × period a unit must report on, with its deadline and state,
 * computed in one query over the {@code assignment} view (V3), so its cost does not grow with the page.
 */
@ApplicationScoped
public class AssignmentService {

    static final Map<String, String> SORTABLE = Map.of("deadline", "x.unit_deadline", "plan", "x.plan_code", "unit", "x.unit_code",
            "state", "x.state");

    /** The latest period first (the current one, then the late ones behind it), then in the plan's own order. */
    static final String DEFAULT_ORDER = "x.unit_deadline desc, x.plan_code, x.unit_code, x.item_kind, x.group_pos, x.item_pos, x.item_id";

    public record Filter(UUID planId, String periodKey, UUID unitId, boolean mine, Set<AssignmentState> states, LocalDate dueFrom,
            LocalDate dueTo) {
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
    public Page<AssignmentView> list(Filter f, PageRequest page) {
        LocalDate today = clock.today();
        AccessPolicy.Clause scope = access.unitScope("u.path", false);
        StringBuilder where = new StringBuilder(" where pl.status <> 'CLOSED' and ").append(scope.jpql());
        Map<String, Object> params = new HashMap<>(scope.params());
        params.put("today", today);
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
        if (unitId != null) {
            where.append(" and a.unit_id = :unit");
            params.put("unit", unitId);
        }
        visibility.requireFilter(Visibility.Kind.PLAN, f.planId());
        if (f.planId() != null) {
            where.append(" and a.plan_id = :plan");
            params.put("plan", f.planId());
        }
        if (f.periodKey() != null && !f.periodKey().isBlank()) {
            where.append(" and rp.period_key = :key");
            params.put("key", f.periodKey().trim());
        } else if (f.dueFrom() == null && f.dueTo() == null) {
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
        String inner = SELECT + where;
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
        for (Object[] r : rows) {
            LocalDate deadline = toDate(r[2]);
            items.add(new AssignmentView(new PlanRef((UUID) r[4], (String) r[5], (String) r[6], (String) r[7]),
                    new PeriodRef((UUID) r[0], (String) r[1], deadline, (Boolean) r[3]),
                    new ItemRef((String) r[8], (UUID) r[9], (String) r[10], (String) r[11]),
                    new OrgUnitRef((UUID) r[12], (String) r[13], (String) r[14]), Report.Role.valueOf((String) r[15]),
                    AssignmentState.valueOf((String) r[18]), deadline, ChronoUnit.DAYS.between(today, deadline), (UUID) r[16],
                    r[17] == null ? null : ((Number) r[17]).longValue()));
        }
        return Page.of(items, page, total);
    }

    static LocalDate toDate(Object o) {
        return o instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) o;
    }
}
