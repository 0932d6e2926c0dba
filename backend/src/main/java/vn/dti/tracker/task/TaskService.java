package vn.dti.tracker.task;

import static vn.dti.tracker.common.Values.blankToNull;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import vn.dti.tracker.auth.Visibility;
import vn.dti.tracker.common.DomainException;
import vn.dti.tracker.common.FieldError;
import vn.dti.tracker.common.Page;
import vn.dti.tracker.common.PageRequest;
import vn.dti.tracker.common.TextSearch;
import vn.dti.tracker.common.Versions;
import vn.dti.tracker.orgunit.OrgUnitDtos.OrgUnitRef;
import vn.dti.tracker.orgunit.OrgUnitService;
import vn.dti.tracker.plan.GroupKind;
import vn.dti.tracker.plan.Plan;
import vn.dti.tracker.plan.PlanService;
import vn.dti.tracker.task.TaskDtos.GroupRef;
import vn.dti.tracker.task.TaskDtos.TaskInput;
import vn.dti.tracker.task.TaskDtos.TaskView;
import vn.dti.tracker.task.TaskDtos.Timeframe;
import vn.dti.tracker.task.TaskEnums.TimeframeKind;
import vn.dti.tracker.task.TaskEnums.UnitRole;

/** Rules of tasks: at least one lead unit, a timeframe of a valid shape inside the plan's years. */
@ApplicationScoped
public class TaskService {

    static final Map<String, String> SORTABLE = Map.of("order", "g.position, t.position", "code", "t.code",
            "updatedAt", "t.updatedAt", "progress", "t.progress");

    public record Filter(String q, UUID groupId, UUID unitId, TaskEnums.Progress progress, OffsetDateTime updatedSince) {
    }

    private final EntityManager em;
    private final PlanService plans;
    private final OrgUnitService units;
    private final Visibility visibility;

    public TaskService(EntityManager em, PlanService plans, OrgUnitService units, Visibility visibility) {
        this.em = em;
        this.plans = plans;
        this.units = units;
        this.visibility = visibility;
    }

    @Transactional
    public Page<TaskView> list(UUID planId, Filter filter, PageRequest page) {
        plans.require(planId);
        StringBuilder where = new StringBuilder(" where t.plan.id = :plan");
        Map<String, Object> params = new HashMap<>();
        params.put("plan", planId);
        if (filter.q() != null && !filter.q().isBlank()) {
            where.append(" and t.searchText like :q escape '\\'");
            params.put("q", TextSearch.likePattern(filter.q()));
        }
        visibility.requireFilter(Visibility.Kind.PLAN_GROUP, filter.groupId());
        visibility.requireFilter(Visibility.Kind.ORG_UNIT, filter.unitId());
        if (filter.groupId() != null) {
            where.append(" and g.id = :group");
            params.put("group", filter.groupId());
        }
        if (filter.unitId() != null) {
            where.append(" and exists (select 1 from Task s join s.units u where s = t and u.unit.id = :unit)");
            params.put("unit", filter.unitId());
        }
        if (filter.progress() != null) {
            where.append(" and t.progress = :progress");
            params.put("progress", filter.progress());
        }
        if (filter.updatedSince() != null) {
            where.append(" and t.updatedAt > :updatedSince");
            params.put("updatedSince", filter.updatedSince());
        }
        var count = em.createQuery("select count(t) from Task t join t.group g" + where, Long.class);
        var list = em.createQuery("select t from Task t join fetch t.group g" + where + " order by " + page.orderBy(), Task.class);
        params.forEach((k, v) -> {
            count.setParameter(k, v);
            list.setParameter(k, v);
        });
        long total = count.getSingleResult();
        List<TaskView> items = list.setFirstResult(page.offset()).setMaxResults(page.size()).getResultStream()
                .map(TaskService::view).toList();
        return Page.of(items, page, total);
    }

    @Transactional
    public TaskView get(UUID planId, UUID id) {
        return view(require(planId, id));
    }

    @Transactional
    public TaskView create(UUID planId, TaskInput input) {
        Plan plan = plans.requireEditable(planId);
        if (Task.count("plan.id = ?1 and code = ?2", planId, input.code()) > 0) {
            throw DomainException.conflictField("code", "task.code-taken", "Mã nhiệm vụ '" + input.code() + "' đã có trong kế hoạch.");
        }
        Task task = new Task();
        task.id = UUID.randomUUID();
        task.plan = plan;
        apply(task, input);
        task.persist();
        em.flush();
        return view(task);
    }

    @Transactional
    public TaskView update(UUID planId, UUID id, long expectedVersion, TaskInput input) {
        Task task = requireEditable(planId, id);
        Versions.check(expectedVersion, task.version, "nhiệm vụ");
        if (!task.code.equals(input.code()) && Task.count("plan.id = ?1 and code = ?2", planId, input.code()) > 0) {
            throw DomainException.conflictField("code", "task.code-taken", "Mã nhiệm vụ '" + input.code() + "' đã có trong kế hoạch.");
        }
        apply(task, input);
        em.flush();
        return view(task);
    }

    @Transactional
    public void delete(UUID planId, UUID id, long expectedVersion) {
        Task task = requireEditable(planId, id);
        Versions.check(expectedVersion, task.version, "nhiệm vụ");
        task.delete();
    }

    private void apply(Task task, TaskInput in) {
        Plan plan = task.plan;
        List<FieldError> errors = new ArrayList<>();
        Timeframe tf = in.timeframe();
        switch (tf.kind()) {
            case ONGOING -> {
                if (tf.startYear() != null || tf.endYear() != null) {
                    errors.add(new FieldError("timeframe", "task.timeframe-ongoing-has-years", "Nhiệm vụ thường xuyên không ghi năm."));
                }
            }
            case YEAR -> {
                if (tf.startYear() == null || (tf.endYear() != null && !tf.endYear().equals(tf.startYear()))) {
                    errors.add(new FieldError("timeframe.startYear", "task.timeframe-year-invalid",
                            "Nhiệm vụ trong một năm cần năm bắt đầu (và năm kết thúc, nếu có, bằng năm bắt đầu)."));
                }
            }
            case SPAN -> {
                if (tf.startYear() == null || tf.endYear() == null || tf.endYear() <= tf.startYear()) {
                    errors.add(new FieldError("timeframe.endYear", "task.timeframe-span-invalid",
                            "Giai đoạn cần năm bắt đầu và năm kết thúc sau năm bắt đầu."));
                }
            }
        }
        for (Integer year : new Integer[] {tf.startYear(), tf.endYear()}) {
            if (year != null && !plan.covers(year)) {
                errors.add(new FieldError("timeframe", "task.timeframe-outside-plan",
                        "Năm " + year + " nằm ngoài thời gian của kế hoạch (" + plan.startYear + "–" + plan.endYear + ")."));
                break;
            }
        }
        Set<UUID> seen = new HashSet<>();
        List<UUID> coop = in.cooperatingUnitIds() == null ? List.of() : in.cooperatingUnitIds();
        for (int i = 0; i < in.leadUnitIds().size(); i++) {
            if (!seen.add(in.leadUnitIds().get(i))) {
                errors.add(new FieldError("leadUnitIds[" + i + "]", "task.unit-repeated", "Đơn vị bị lặp."));
            }
        }
        for (int i = 0; i < coop.size(); i++) {
            if (!seen.add(coop.get(i))) {
                errors.add(new FieldError("cooperatingUnitIds[" + i + "]", "task.unit-repeated",
                        "Đơn vị bị lặp, hoặc vừa chủ trì vừa phối hợp."));
            }
        }
        if (!errors.isEmpty()) {
            throw DomainException.invalid("task.invalid", "Nhiệm vụ chưa hợp lệ: " + errors.get(0).detail(), errors);
        }
        task.code = in.code();
        task.group = plans.requireGroupField(plan, in.groupId(), GroupKind.TASK, "groupId");
        task.position = in.order();
        task.description = in.description().trim();
        task.product = blankToNull(in.product());
        task.timeframeKind = tf.kind();
        task.timeframeStartYear = tf.startYear();
        task.timeframeEndYear = tf.kind() == TimeframeKind.YEAR ? tf.startYear() : tf.endYear();
        task.timeframeWording = blankToNull(tf.wording());
        task.progress = in.progress() == null ? TaskEnums.Progress.NOT_STARTED : in.progress();
        task.note = blankToNull(in.note());
        List<TaskUnit> wanted = new ArrayList<>();
        for (int i = 0; i < in.leadUnitIds().size(); i++) {
            wanted.add(new TaskUnit(units.requireReferenced(in.leadUnitIds().get(i), "leadUnitIds[" + i + "]"), UnitRole.LEAD));
        }
        for (int i = 0; i < coop.size(); i++) {
            wanted.add(new TaskUnit(units.requireReferenced(coop.get(i), "cooperatingUnitIds[" + i + "]"), UnitRole.COOPERATING));
        }
        boolean same = wanted.size() == task.units.size();
        for (int i = 0; same && i < wanted.size(); i++) {
            same = wanted.get(i).unit.id.equals(task.units.get(i).unit.id) && wanted.get(i).role == task.units.get(i).role;
        }
        if (!same) {
            task.units.clear();
            task.units.addAll(wanted);
        }
    }

    /** One the caller may change: the plan's content is edited by those who coordinate its issuer. */
    public Task requireEditable(UUID planId, UUID id) {
        plans.requireEditable(planId);
        return find(planId, id);
    }

    /** One the caller may read; any other is answered as missing. */
    public Task require(UUID planId, UUID id) {
        plans.require(planId);
        return find(planId, id);
    }

    private Task find(UUID planId, UUID id) {
        Task task = id == null ? null : Task.findById(id);
        if (task == null || !task.plan.id.equals(planId)) {
            throw DomainException.notFound("task.not-found", "Không tìm thấy nhiệm vụ trong kế hoạch.");
        }
        return task;
    }

    public static TaskView view(Task t) {
        List<OrgUnitRef> leads = t.units.stream().filter(u -> u.role == UnitRole.LEAD).map(u -> OrgUnitRef.of(u.unit)).toList();
        List<OrgUnitRef> coop = t.units.stream().filter(u -> u.role == UnitRole.COOPERATING).map(u -> OrgUnitRef.of(u.unit)).toList();
        return new TaskView(t.id, t.plan.id, t.code, new GroupRef(t.group.id, t.group.code, t.group.name, t.group.position),
                t.position, t.description, leads, coop, t.product,
                new Timeframe(t.timeframeKind, t.timeframeStartYear, t.timeframeEndYear, t.timeframeWording), t.progress, t.note,
                t.version, t.createdAt, t.updatedAt);
    }
}
