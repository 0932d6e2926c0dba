package vn.dti.tracker.plan;

import static vn.dti.tracker.common.Values.blankToNull;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import vn.dti.tracker.auth.AccessPolicy;
import vn.dti.tracker.auth.Visibility;
import vn.dti.tracker.common.DomainException;
import vn.dti.tracker.common.FieldError;
import vn.dti.tracker.common.Page;
import vn.dti.tracker.common.PageRequest;
import vn.dti.tracker.common.TextSearch;
import vn.dti.tracker.common.Versions;
import vn.dti.tracker.orgunit.OrgUnit;
import vn.dti.tracker.orgunit.OrgUnitDtos.OrgUnitRef;
import vn.dti.tracker.orgunit.OrgUnitService;
import vn.dti.tracker.plan.PlanDtos.GroupInput;
import vn.dti.tracker.plan.PlanDtos.GroupView;
import vn.dti.tracker.plan.PlanDtos.LegalBasisInput;
import vn.dti.tracker.plan.PlanDtos.LegalBasisView;
import vn.dti.tracker.plan.PlanDtos.PlanCreate;
import vn.dti.tracker.plan.PlanDtos.PlanFields;
import vn.dti.tracker.plan.PlanDtos.PlanRef;
import vn.dti.tracker.plan.PlanDtos.PlanSummary;
import vn.dti.tracker.plan.PlanDtos.PlanView;
import vn.dti.tracker.plan.PlanDtos.ReportingRegimeView;

/** Rules of plans: years, status moves, parents without cycles, and what an issued plan must carry. */
@ApplicationScoped
public class PlanService {

    static final Map<String, String> SORTABLE = Map.of("code", "p.code", "title", "p.title", "issueDate", "p.issueDate",
            "startYear", "p.startYear", "status", "p.status", "updatedAt", "p.updatedAt");

    /** {@code reviewable}: true for the plans whose reports the caller reviews now ({@link AccessPolicy#reviewScope}), false for the others. */
    public record Filter(String q, PlanStatus status, UUID issuingUnitId, UUID withinUnitId, UUID parentPlanId, Integer year,
            OffsetDateTime updatedSince, Boolean reviewable) {
    }

    private final EntityManager em;
    private final OrgUnitService units;
    private final AccessPolicy access;
    private final Visibility visibility;
    private final Event<PlanSaved> saved;

    public PlanService(EntityManager em, OrgUnitService units, AccessPolicy access, Visibility visibility, Event<PlanSaved> saved) {
        this.em = em;
        this.units = units;
        this.access = access;
        this.visibility = visibility;
        this.saved = saved;
    }

    @Transactional
    public Page<PlanSummary> list(Filter filter, PageRequest page) {
        AccessPolicy.Clause scope = access.planScope("p");
        StringBuilder where = new StringBuilder(" where ").append(scope.jpql());
        Map<String, Object> params = new HashMap<>(scope.params());
        if (filter.q() != null && !filter.q().isBlank()) {
            where.append(" and p.searchText like :q escape '\\'");
            params.put("q", TextSearch.likePattern(filter.q()));
        }
        if (filter.status() != null) {
            where.append(" and p.status = :status");
            params.put("status", filter.status());
        }
        visibility.requireFilter(Visibility.Kind.ORG_UNIT, filter.issuingUnitId());
        visibility.requireFilter(Visibility.Kind.PLAN, filter.parentPlanId());
        if (filter.issuingUnitId() != null) {
            where.append(" and p.issuingUnit.id = :issuer");
            params.put("issuer", filter.issuingUnitId());
        }
        if (filter.withinUnitId() != null) {
            where.append(" and p.issuingUnit.path like :within");
            params.put("within", units.requireVisible(filter.withinUnitId()).path + "%");
        }
        if (filter.parentPlanId() != null) {
            where.append(" and p.parentPlan.id = :parent");
            params.put("parent", filter.parentPlanId());
        }
        if (filter.year() != null) {
            where.append(" and p.startYear <= :year and p.endYear >= :year");
            params.put("year", filter.year());
        }
        if (filter.updatedSince() != null) {
            where.append(" and p.updatedAt > :updatedSince");
            params.put("updatedSince", filter.updatedSince());
        }
        if (filter.reviewable() != null) {
            AccessPolicy.Clause reviewed = access.reviewScope("p");
            where.append(filter.reviewable() ? " and " : " and not ").append(reviewed.jpql());
            params.putAll(reviewed.params());
        }
        var count = em.createQuery("select count(p) from Plan p join p.issuingUnit" + where, Long.class);
        var list = em.createQuery("select p from Plan p join fetch p.issuingUnit" + where + " order by " + page.orderBy(), Plan.class);
        params.forEach((k, v) -> {
            count.setParameter(k, v);
            list.setParameter(k, v);
        });
        long total = count.getSingleResult();
        List<Plan> found = list.setFirstResult(page.offset()).setMaxResults(page.size()).getResultList();
        Set<UUID> reportable = plansWithOwnItems(found.stream().map(p -> p.id).toList());
        List<PlanSummary> items = found.stream().map(p -> summary(p, actions(p, reportable.contains(p.id), false))).toList();
        return Page.of(items, page, total);
    }

    static PlanSummary summary(Plan p, List<PlanAction> actions) {
        return new PlanSummary(p.id, p.code, p.documentNumber, p.title, OrgUnitRef.of(p.issuingUnit), p.issueDate, p.startYear,
                p.endYear, p.status, p.version, p.updatedAt, p.effectiveDate, p.effectiveFrom(), actions);
    }

    /**
     * What the caller may do with the plan now, by the rules that refuse the calls: {@link AccessPolicy#editsPlan}, the
     * status order, {@link #deleteRefusal} and, to start a report, a plan in force with an item of the caller's own unit.
     * DELETE is only weighed when {@code withDelete} (it counts the plan's references; lists leave it out).
     */
    List<PlanAction> actions(Plan p, boolean ownItems, boolean withDelete) {
        List<PlanAction> out = new ArrayList<>();
        if (access.editsPlan(p)) {
            out.add(PlanAction.EDIT);
            out.add(PlanAction.IMPORT_APPENDIX);
            if (p.status != PlanStatus.ISSUED && p.status.mayBecome(PlanStatus.ISSUED)) {
                out.add(PlanAction.ISSUE);
            }
            if (p.status != PlanStatus.CLOSED && p.status.mayBecome(PlanStatus.CLOSED)) {
                out.add(PlanAction.CLOSE);
            }
            if (withDelete && deleteRefusal(p) == null) {
                out.add(PlanAction.DELETE);
            }
        }
        if (p.status.inForce() && ownItems) {
            out.add(PlanAction.CREATE_REPORT);
        }
        return out;
    }

    /** Of these plans, those where the caller writes reports for its own unit and that unit leads or cooperates on an item. */
    Set<UUID> plansWithOwnItems(List<UUID> planIds) {
        UUID unit = access.caller().unitId();
        if (planIds.isEmpty() || unit == null || !access.writesReportsOf(unit)) {
            return Set.of();
        }
        @SuppressWarnings("unchecked")
        List<UUID> rows = em.createNativeQuery("""
                select i.plan_id from indicator i where i.plan_id in (:plans) and (i.lead_unit_id = :unit
                       or exists (select 1 from indicator_cooperating_unit c where c.indicator_id = i.id and c.unit_id = :unit))
                union
                select t.plan_id from task t join task_unit tu on tu.task_id = t.id where t.plan_id in (:plans) and tu.unit_id = :unit""")
                .setParameter("plans", planIds).setParameter("unit", unit).getResultList();
        return new HashSet<>(rows);
    }

    @Transactional
    public PlanView get(UUID id) {
        return view(require(id));
    }

    public PlanView view(Plan p) {
        long indicators = ((Number) em.createNativeQuery("select count(*) from indicator where plan_id = :id")
                .setParameter("id", p.id).getSingleResult()).longValue();
        long tasks = ((Number) em.createNativeQuery("select count(*) from task where plan_id = :id")
                .setParameter("id", p.id).getSingleResult()).longValue();
        List<LegalBasisView> bases = p.legalBases.stream()
                .map(b -> new LegalBasisView(b.citation, PlanRef.of(b.referencedPlan))).toList();
        ReportingRegimeView regime = new ReportingRegimeView(p.reportFrequency, p.unitReportDay,
                p.consolidationDay == null ? null : p.consolidationDay.intValue(), OrgUnitRef.of(p.coordinatorUnit),
                OrgUnitRef.of(p.recipientUnit), p.regimeWording, p.deadlineShift);
        return new PlanView(p.id, p.code, p.documentNumber, OrgUnitRef.of(p.issuingUnit), p.issueDate, p.issuePlace, p.title,
                p.startYear, p.endYear, p.status, PlanRef.of(p.parentPlan), bases, List.copyOf(p.sections), p.signerName,
                p.signerTitle, List.copyOf(p.recipients), regime, indicators, tasks, p.version, p.createdAt, p.updatedAt, p.effectiveDate,
                p.effectiveFrom(), actions(p, plansWithOwnItems(List.of(p.id)).contains(p.id), true));
    }

    @Transactional
    public PlanView create(PlanCreate input) {
        if (Plan.count("code", input.code()) > 0) {
            throw DomainException.conflictField("code", "plan.code-taken", "Mã kế hoạch '" + input.code() + "' đã được dùng.");
        }
        Plan plan = new Plan();
        plan.id = UUID.randomUUID();
        plan.code = input.code();
        apply(plan, input, input.status() == null ? PlanStatus.DRAFT : input.status());
        requireIssuerManaged(plan);
        plan.persist();
        em.flush();
        saved.fire(new PlanSaved(plan));
        return view(plan);
    }

    @Transactional
    public PlanView update(UUID id, long expectedVersion, PlanDtos.PlanUpdate input) {
        Plan plan = requireEditable(id);
        Versions.check(expectedVersion, plan.version, "kế hoạch");
        if (!plan.status.mayBecome(input.status())) {
            throw DomainException.conflictField("status", "plan.invalid-status-change",
                    "Không chuyển được kế hoạch từ " + plan.status.vietnamese() + " sang " + input.status().vietnamese()
                            + ". Kế hoạch đi lần lượt từ dự thảo sang đã ban hành, rồi đã đóng.");
        }
        int oldStart = plan.startYear;
        int oldEnd = plan.endYear;
        apply(plan, input, input.status());
        requireIssuerManaged(plan);
        if (plan.startYear > oldStart || plan.endYear < oldEnd) {
            Number outside = (Number) em.createNativeQuery("""
                    select count(*) from indicator_target t join indicator i on i.id = t.indicator_id
                    where i.plan_id = :id and (t.year < :start or t.year > :end)""")
                    .setParameter("id", plan.id).setParameter("start", plan.startYear).setParameter("end", plan.endYear)
                    .getSingleResult();
            if (outside.longValue() > 0) {
                throw DomainException.conflictField("startYear", "plan.targets-outside-years",
                        "Có " + outside + " chỉ tiêu phấn đấu nằm ngoài thời gian mới " + plan.startYear + "–" + plan.endYear
                                + ". Hãy sửa các chỉ tiêu đó trước.");
            }
        }
        em.flush();
        saved.fire(new PlanSaved(plan));
        return view(plan);
    }

    private void apply(Plan plan, PlanFields in, PlanStatus status) {
        List<FieldError> errors = new ArrayList<>();
        if (in.endYear() < in.startYear()) {
            errors.add(new FieldError("endYear", "plan.years-reversed", "Năm kết thúc phải bằng hoặc sau năm bắt đầu."));
        } else if (in.endYear() - in.startYear() > 20) {
            errors.add(new FieldError("endYear", "plan.years-too-long", "Một kế hoạch không kéo dài quá 20 năm."));
        }
        String number = blankToNull(in.documentNumber());
        if (status != PlanStatus.DRAFT && number == null) {
            errors.add(new FieldError("documentNumber", "plan.issued-needs-number", "Kế hoạch đã ban hành phải có số hiệu."));
        }
        if (status != PlanStatus.DRAFT && in.issueDate() == null) {
            errors.add(new FieldError("issueDate", "plan.issued-needs-date", "Kế hoạch đã ban hành phải có ngày ban hành."));
        }
        if (in.effectiveDate() != null && in.endYear() >= in.startYear()
                && (in.effectiveDate().getYear() < in.startYear() || in.effectiveDate().getYear() > in.endYear())) {
            errors.add(new FieldError("effectiveDate", "plan.effective-outside-years", "Ngày hiệu lực phải nằm trong thời gian của kế hoạch ("
                    + in.startYear() + "–" + in.endYear() + ")."));
        }
        var regime = in.reportingRegime();
        if (regime.consolidationDay() != null && regime.consolidationDay() < regime.unitReportDay()) {
            errors.add(new FieldError("reportingRegime.consolidationDay", "plan.consolidation-before-reports",
                    "Ngày tổng hợp phải bằng hoặc sau ngày các đơn vị báo cáo."));
        }
        if (!errors.isEmpty()) {
            throw DomainException.invalid("plan.invalid", "Kế hoạch chưa hợp lệ: " + errors.get(0).detail(), errors);
        }
        plan.documentNumber = number;
        plan.issuingUnit = units.requireReferenced(in.issuingUnitId(), "issuingUnitId");
        plan.issueDate = in.issueDate();
        plan.effectiveDate = in.effectiveDate();
        plan.issuePlace = blankToNull(in.issuePlace());
        plan.title = in.title().trim();
        plan.startYear = in.startYear();
        plan.endYear = in.endYear();
        plan.status = status;
        plan.parentPlan = in.parentPlanId() == null ? null : requireParent(plan, in.parentPlanId());
        List<LegalBasisInput> bases = in.legalBases() == null ? List.of() : in.legalBases();
        List<LegalBasis> wanted = new ArrayList<>();
        for (int i = 0; i < bases.size(); i++) {
            LegalBasisInput b = bases.get(i);
            Plan cited = b.planId() == null ? null : requireReferenced(b.planId(), "legalBases[" + i + "].planId");
            wanted.add(new LegalBasis(b.citation().trim(), cited));
        }
        boolean same = wanted.size() == plan.legalBases.size();
        for (int i = 0; same && i < wanted.size(); i++) {
            LegalBasis a = wanted.get(i);
            LegalBasis b = plan.legalBases.get(i);
            same = a.citation.equals(b.citation) && Objects.equals(a.referencedPlan == null ? null : a.referencedPlan.id,
                    b.referencedPlan == null ? null : b.referencedPlan.id);
        }
        if (!same) {
            // Only a real change touches the collection, so an unchanged re-import keeps the version.
            plan.legalBases.clear();
            plan.legalBases.addAll(wanted);
        }
        plan.sections = in.sections() == null ? new ArrayList<>() : new ArrayList<>(in.sections());
        plan.signerName = blankToNull(in.signerName());
        plan.signerTitle = blankToNull(in.signerTitle());
        plan.recipients = in.recipients() == null ? new ArrayList<>() : new ArrayList<>(in.recipients());
        plan.reportFrequency = regime.frequency();
        plan.unitReportDay = regime.unitReportDay().shortValue();
        plan.consolidationDay = regime.consolidationDay() == null ? null : regime.consolidationDay().shortValue();
        plan.coordinatorUnit = units.requireReferenced(regime.coordinatorUnitId(), "reportingRegime.coordinatorUnitId");
        plan.recipientUnit = regime.recipientUnitId() == null ? null
                : units.requireReferenced(regime.recipientUnitId(), "reportingRegime.recipientUnitId");
        plan.regimeWording = blankToNull(regime.wording());
        plan.deadlineShift = regime.deadlineShift() == null ? DeadlineShift.NONE : regime.deadlineShift();
    }

    private Plan requireParent(Plan plan, UUID parentId) {
        Plan parent = requireReferenced(parentId, "parentPlanId");
        Set<UUID> seen = new HashSet<>();
        for (Plan p = parent; p != null && seen.add(p.id); p = p.parentPlan) {
            if (Objects.equals(p.id, plan.id)) {
                throw DomainException.conflictField("parentPlanId", "plan.cycle",
                        "Kế hoạch '" + parent.title + "' đã thực hiện kế hoạch này (trực tiếp hoặc gián tiếp), nên không thể là kế hoạch cấp trên của nó.");
            }
        }
        return parent;
    }

    @Transactional
    public void delete(UUID id, long expectedVersion) {
        Plan plan = requireEditable(id);
        Versions.check(expectedVersion, plan.version, "kế hoạch");
        DomainException refused = deleteRefusal(plan);
        if (refused != null) {
            throw refused;
        }
        em.createNativeQuery("update dti_rank_target set plan_id = null where plan_id = :id").setParameter("id", id).executeUpdate();
        em.createNativeQuery("update dti_rank_result set plan_id = null where plan_id = :id").setParameter("id", id).executeUpdate();
        em.createNativeQuery("delete from indicator_target where indicator_id in (select id from indicator where plan_id = :id)")
                .setParameter("id", id).executeUpdate();
        em.createNativeQuery("update indicator set contributes_to_id = null where plan_id = :id").setParameter("id", id).executeUpdate();
        em.createNativeQuery("delete from indicator where plan_id = :id").setParameter("id", id).executeUpdate();
        em.createNativeQuery("delete from task where plan_id = :id").setParameter("id", id).executeUpdate();
        em.createNativeQuery("delete from plan_group where plan_id = :id").setParameter("id", id).executeUpdate();
        plan.delete();
    }

    /** Why the plan may not be deleted, or null: only a draft that has no reports and that nothing refers to. */
    DomainException deleteRefusal(Plan plan) {
        UUID id = plan.id;
        if (plan.status != PlanStatus.DRAFT) {
            return DomainException.conflict("plan.not-draft", "Chỉ xóa được kế hoạch dự thảo; kế hoạch đã ban hành thì đóng lại.");
        }
        long reports = ((Number) em.createNativeQuery("select count(*) from report where plan_id = :id").setParameter("id", id)
                .getSingleResult()).longValue();
        if (reports > 0) {
            return DomainException.conflict("plan.has-reports", "Kế hoạch đã có " + reports + " báo cáo kết quả của các đơn vị, nên không xóa được.");
        }
        long refs = ((Number) em.createNativeQuery("""
                select (select count(*) from plan where parent_plan_id = :id)
                     + (select count(*) from plan_legal_basis where referenced_plan_id = :id)
                     + (select count(*) from indicator c join indicator p on c.contributes_to_id = p.id where p.plan_id = :id and c.plan_id <> :id)
                """).setParameter("id", id).getSingleResult()).longValue();
        if (refs > 0) {
            return DomainException.conflict("plan.referenced", "Kế hoạch đang được " + refs + " kế hoạch hoặc chỉ tiêu khác dẫn chiếu, nên không xóa được.");
        }
        return null;
    }

    /** A plan the caller may read; any other is answered as missing. */
    public Plan require(UUID id) {
        Plan plan = id == null ? null : Plan.findById(id);
        if (plan == null || !visibility.sees(Visibility.Kind.PLAN, plan.id)) {
            throw DomainException.notFound("plan.not-found", "Không tìm thấy kế hoạch.");
        }
        return plan;
    }

    /** A plan whose content the caller may change: 404 outside its sight, 403 where it may only read. */
    public Plan requireEditable(UUID id) {
        return access.requireEditable(require(id));
    }

    /** The issuing unit decides who edits the plan; nobody hands a plan to a unit they do not coordinate. */
    private void requireIssuerManaged(Plan plan) {
        if (!access.manages(plan.issuingUnit.path)) {
            throw DomainException.forbidden("access.plan-denied",
                    "Bạn không được lập hoặc chuyển kế hoạch cho đơn vị '" + plan.issuingUnit.name + "' ngoài phạm vi bạn điều phối.");
        }
    }

    public Plan requireReferenced(UUID id, String field) {
        Plan plan = id == null ? null : Plan.findById(id);
        if (plan == null) {
            throw DomainException.invalidField(field, "plan.unknown", "Không có kế hoạch với mã định danh " + id + ".");
        }
        return access.referenced(plan, field, id);
    }

    public static Plan findByCode(String code) {
        return Plan.find("code", code).firstResult();
    }

    // ---- groups ----

    @Transactional
    public List<GroupView> groups(UUID planId, GroupKind kind) {
        require(planId);
        String q = "plan.id = ?1" + (kind == null ? "" : " and kind = ?2") + " order by kind, position, code";
        List<PlanGroup> groups = kind == null ? PlanGroup.list(q, planId) : PlanGroup.list(q, planId, kind);
        return groups.stream().map(GroupView::of).toList();
    }

    @Transactional
    public GroupView createGroup(UUID planId, GroupInput input) {
        Plan plan = requireEditable(planId);
        if (PlanGroup.count("plan.id = ?1 and kind = ?2 and code = ?3", planId, input.kind(), input.code()) > 0) {
            throw DomainException.conflictField("code", "group.code-taken", "Nhóm '" + input.code() + "' đã có trong kế hoạch.");
        }
        PlanGroup g = new PlanGroup();
        g.id = UUID.randomUUID();
        g.plan = plan;
        g.kind = input.kind();
        g.code = input.code();
        g.name = input.name().trim();
        g.position = input.order();
        g.persist();
        em.flush();
        return GroupView.of(g);
    }

    @Transactional
    public GroupView updateGroup(UUID planId, UUID groupId, long expectedVersion, GroupInput input) {
        PlanGroup g = requireGroup(planId, groupId);
        Versions.check(expectedVersion, g.version, "nhóm");
        if (g.kind != input.kind()) {
            throw DomainException.conflictField("kind", "group.kind-fixed", "Không đổi được loại của nhóm đã có.");
        }
        if (!g.code.equals(input.code())
                && PlanGroup.count("plan.id = ?1 and kind = ?2 and code = ?3", planId, input.kind(), input.code()) > 0) {
            throw DomainException.conflictField("code", "group.code-taken", "Nhóm '" + input.code() + "' đã có trong kế hoạch.");
        }
        g.code = input.code();
        g.name = input.name().trim();
        g.position = input.order();
        em.flush();
        return GroupView.of(g);
    }

    @Transactional
    public void deleteGroup(UUID planId, UUID groupId, long expectedVersion) {
        PlanGroup g = requireGroup(planId, groupId);
        Versions.check(expectedVersion, g.version, "nhóm");
        long members = ((Number) em.createNativeQuery(
                "select (select count(*) from indicator where group_id = :id) + (select count(*) from task where group_id = :id)")
                .setParameter("id", groupId).getSingleResult()).longValue();
        if (members > 0) {
            throw DomainException.conflict("group.not-empty", "Nhóm còn " + members + " chỉ tiêu hoặc nhiệm vụ, nên không xóa được.");
        }
        g.delete();
    }

    public PlanGroup requireGroup(UUID planId, UUID groupId) {
        requireEditable(planId);
        PlanGroup g = groupId == null ? null : PlanGroup.findById(groupId);
        if (g == null || !g.plan.id.equals(planId)) {
            throw DomainException.notFound("group.not-found", "Không tìm thấy nhóm trong kế hoạch.");
        }
        return g;
    }

    public PlanGroup requireGroupField(Plan plan, UUID groupId, GroupKind kind, String field) {
        PlanGroup g = groupId == null ? null : PlanGroup.findById(groupId);
        if (g == null || !g.plan.id.equals(plan.id) || g.kind != kind) {
            throw DomainException.invalidField(field, "group.unknown",
                    "Không có nhóm " + (kind == GroupKind.INDICATOR ? "chỉ tiêu" : "nhiệm vụ") + " này trong kế hoạch.");
        }
        return g;
    }

    /** Units referenced by a plan itself (not its indicators or tasks). */
    public static List<OrgUnit> unitsOf(Plan p) {
        List<OrgUnit> out = new ArrayList<>();
        out.add(p.issuingUnit);
        out.add(p.coordinatorUnit);
        if (p.recipientUnit != null) {
            out.add(p.recipientUnit);
        }
        return out;
    }
}
