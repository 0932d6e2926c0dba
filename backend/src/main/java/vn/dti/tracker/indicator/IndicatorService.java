package vn.dti.tracker.indicator;

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
import vn.dti.tracker.auth.AccessPolicy;
import vn.dti.tracker.common.DomainException;
import vn.dti.tracker.common.FieldError;
import vn.dti.tracker.common.Page;
import vn.dti.tracker.common.PageRequest;
import vn.dti.tracker.common.TextSearch;
import vn.dti.tracker.common.Versions;
import vn.dti.tracker.indicator.IndicatorDtos.GroupRef;
import vn.dti.tracker.indicator.IndicatorDtos.IndicatorInput;
import vn.dti.tracker.indicator.IndicatorDtos.IndicatorRef;
import vn.dti.tracker.indicator.IndicatorDtos.IndicatorView;
import vn.dti.tracker.orgunit.OrgUnit;
import vn.dti.tracker.orgunit.OrgUnitDtos.OrgUnitRef;
import vn.dti.tracker.orgunit.OrgUnitService;
import vn.dti.tracker.plan.GroupKind;
import vn.dti.tracker.plan.Plan;
import vn.dti.tracker.plan.PlanService;

/** Rules of indicators: one lead unit, targets in a valid shape inside the plan's years. */
@ApplicationScoped
public class IndicatorService {

    static final Map<String, String> SORTABLE = Map.of("order", "g.position, i.position", "code", "i.code",
            "updatedAt", "i.updatedAt", "content", "i.content");

    public record Filter(String q, UUID groupId, UUID unitId, UUID leadUnitId, OffsetDateTime updatedSince) {
    }

    private final EntityManager em;
    private final PlanService plans;
    private final OrgUnitService units;
    private final AccessPolicy access;
    private final Visibility visibility;

    public IndicatorService(EntityManager em, PlanService plans, OrgUnitService units, AccessPolicy access, Visibility visibility) {
        this.access = access;
        this.visibility = visibility;
        this.em = em;
        this.plans = plans;
        this.units = units;
    }

    @Transactional
    public Page<IndicatorView> list(UUID planId, Filter filter, PageRequest page) {
        plans.require(planId);
        StringBuilder where = new StringBuilder(" where i.plan.id = :plan");
        Map<String, Object> params = new HashMap<>();
        params.put("plan", planId);
        if (filter.q() != null && !filter.q().isBlank()) {
            where.append(" and i.searchText like :q escape '\\'");
            params.put("q", TextSearch.likePattern(filter.q()));
        }
        visibility.requireFilter(Visibility.Kind.PLAN_GROUP, filter.groupId());
        visibility.requireFilter(Visibility.Kind.ORG_UNIT, filter.leadUnitId());
        visibility.requireFilter(Visibility.Kind.ORG_UNIT, filter.unitId());
        if (filter.groupId() != null) {
            where.append(" and g.id = :group");
            params.put("group", filter.groupId());
        }
        if (filter.leadUnitId() != null) {
            where.append(" and i.leadUnit.id = :lead");
            params.put("lead", filter.leadUnitId());
        }
        if (filter.unitId() != null) {
            where.append(" and (i.leadUnit.id = :unit or exists (select 1 from Indicator j join j.cooperatingUnits c where j = i and c.id = :unit))");
            params.put("unit", filter.unitId());
        }
        if (filter.updatedSince() != null) {
            where.append(" and i.updatedAt > :updatedSince");
            params.put("updatedSince", filter.updatedSince());
        }
        var count = em.createQuery("select count(i) from Indicator i join i.group g" + where, Long.class);
        var list = em.createQuery("select i from Indicator i join fetch i.group g join fetch i.leadUnit" + where + " order by "
                + page.orderBy(), Indicator.class);
        params.forEach((k, v) -> {
            count.setParameter(k, v);
            list.setParameter(k, v);
        });
        long total = count.getSingleResult();
        List<IndicatorView> items = list.setFirstResult(page.offset()).setMaxResults(page.size()).getResultStream()
                .map(IndicatorService::view).toList();
        return Page.of(items, page, total);
    }

    @Transactional
    public IndicatorView get(UUID planId, UUID id) {
        return view(require(planId, id));
    }

    @Transactional
    public IndicatorView create(UUID planId, IndicatorInput input) {
        Plan plan = plans.requireEditable(planId);
        if (Indicator.count("plan.id = ?1 and code = ?2", planId, input.code()) > 0) {
            throw DomainException.conflictField("code", "indicator.code-taken", "Mã chỉ tiêu '" + input.code() + "' đã có trong kế hoạch.");
        }
        Indicator indicator = new Indicator();
        indicator.id = UUID.randomUUID();
        indicator.plan = plan;
        apply(indicator, input);
        indicator.persist();
        em.flush();
        return view(indicator);
    }

    @Transactional
    public IndicatorView update(UUID planId, UUID id, long expectedVersion, IndicatorInput input) {
        Indicator indicator = requireEditable(planId, id);
        Versions.check(expectedVersion, indicator.version, "chỉ tiêu");
        if (!indicator.code.equals(input.code()) && Indicator.count("plan.id = ?1 and code = ?2", planId, input.code()) > 0) {
            throw DomainException.conflictField("code", "indicator.code-taken", "Mã chỉ tiêu '" + input.code() + "' đã có trong kế hoạch.");
        }
        apply(indicator, input);
        em.flush();
        return view(indicator);
    }

    @Transactional
    public void delete(UUID planId, UUID id, long expectedVersion) {
        Indicator indicator = requireEditable(planId, id);
        Versions.check(expectedVersion, indicator.version, "chỉ tiêu");
        long fed = Indicator.count("contributesTo.id", id);
        if (fed > 0) {
            throw DomainException.conflict("indicator.referenced",
                    "Có " + fed + " chỉ tiêu của kế hoạch cấp dưới đóng góp vào chỉ tiêu này, nên không xóa được.");
        }
        indicator.delete();
    }

    private void apply(Indicator indicator, IndicatorInput in) {
        Plan plan = indicator.plan;
        List<FieldError> errors = new ArrayList<>(TargetRules.check(in.targets(), plan.startYear, plan.endYear));
        if (in.baseline() != null) {
            errors.addAll(TargetRules.shape(in.baseline(), "baseline"));
        }
        boolean fraction = Boolean.TRUE.equals(in.capturedAsFraction());
        if (!fraction && (in.numeratorLabel() != null || in.denominatorLabel() != null)) {
            errors.add(new FieldError("capturedAsFraction", "indicator.fraction-labels-without-fraction",
                    "Tên tử số và mẫu số chỉ dùng khi chỉ tiêu được báo cáo dạng tử số / mẫu số."));
        }
        List<UUID> cooperating = in.cooperatingUnitIds() == null ? List.of() : in.cooperatingUnitIds();
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < cooperating.size(); i++) {
            UUID unitId = cooperating.get(i);
            if (unitId.equals(in.leadUnitId())) {
                errors.add(new FieldError("cooperatingUnitIds[" + i + "]", "indicator.lead-also-cooperating",
                        "Đơn vị chủ trì không đồng thời là đơn vị phối hợp."));
            } else if (!seen.add(unitId)) {
                errors.add(new FieldError("cooperatingUnitIds[" + i + "]", "indicator.cooperating-repeated", "Đơn vị phối hợp bị lặp."));
            }
        }
        if (!errors.isEmpty()) {
            throw DomainException.invalid("indicator.invalid", "Chỉ tiêu chưa hợp lệ: " + errors.get(0).detail(), errors);
        }
        indicator.code = in.code();
        indicator.group = plans.requireGroupField(plan, in.groupId(), GroupKind.INDICATOR, "groupId");
        indicator.position = in.order();
        indicator.content = in.content().trim();
        indicator.unitOfMeasure = blankToNull(in.unitOfMeasure());
        indicator.leadUnit = units.requireReferenced(in.leadUnitId(), "leadUnitId");
        List<OrgUnit> coop = new ArrayList<>();
        for (int i = 0; i < cooperating.size(); i++) {
            coop.add(units.requireReferenced(cooperating.get(i), "cooperatingUnitIds[" + i + "]"));
        }
        if (!indicator.cooperatingUnits.equals(coop)) {
            indicator.cooperatingUnits.clear();
            indicator.cooperatingUnits.addAll(coop);
        }
        List<TargetDto> wanted = in.targets().stream().map(TargetDto::normalised)
                .sorted(java.util.Comparator.comparing(TargetDto::year)).toList();
        List<TargetDto> current = indicator.targets.stream().map(TargetDto::of).toList();
        if (!wanted.equals(current)) {
            indicator.targets.clear();
            wanted.forEach(t -> indicator.targets.add(t.toEntity()));
        }
        indicator.baseline = in.baseline() == null ? null : in.baseline().normalised();
        indicator.leadWording = blankToNull(in.leadWording());
        indicator.cooperatingWording = blankToNull(in.cooperatingWording());
        indicator.note = blankToNull(in.note());
        indicator.capturedAsFraction = fraction;
        indicator.numeratorLabel = blankToNull(in.numeratorLabel());
        indicator.denominatorLabel = blankToNull(in.denominatorLabel());
        indicator.contributesTo = in.contributesToId() == null ? null : contribution(plan, in.contributesToId());
        indicator.evidenceRequired = Boolean.TRUE.equals(in.evidenceRequired());
    }

    private Indicator contribution(Plan plan, UUID id) {
        Indicator target = Indicator.findById(id);
        if (target == null || !access.readsPlan(target.plan)) {
            throw DomainException.invalidField("contributesToId", "indicator.unknown", "Không có chỉ tiêu với mã định danh " + id + ".");
        }
        if (plan.parentPlan == null || !target.plan.id.equals(plan.parentPlan.id)) {
            throw DomainException.invalidField("contributesToId", "indicator.contribution-outside-parent",
                    "Chỉ tiêu được đóng góp phải thuộc kế hoạch cấp trên mà kế hoạch này thực hiện.");
        }
        return target;
    }

    /** One the caller may change: the plan's content is edited by those who coordinate its issuer. */
    public Indicator requireEditable(UUID planId, UUID id) {
        plans.requireEditable(planId);
        return find(planId, id);
    }

    /** One the caller may read; any other is answered as missing. */
    public Indicator require(UUID planId, UUID id) {
        plans.require(planId);
        return find(planId, id);
    }

    private Indicator find(UUID planId, UUID id) {
        Indicator indicator = id == null ? null : Indicator.findById(id);
        if (indicator == null || !indicator.plan.id.equals(planId)) {
            throw DomainException.notFound("indicator.not-found", "Không tìm thấy chỉ tiêu trong kế hoạch.");
        }
        return indicator;
    }

    public static IndicatorView view(Indicator i) {
        return new IndicatorView(i.id, i.plan.id, i.code, new GroupRef(i.group.id, i.group.code, i.group.name, i.group.position),
                i.position, i.content, i.unitOfMeasure, i.targets.stream().map(TargetDto::of).toList(), i.baseline,
                OrgUnitRef.of(i.leadUnit), i.cooperatingUnits.stream().map(OrgUnitRef::of).toList(), i.leadWording,
                i.cooperatingWording, i.note, i.capturedAsFraction, i.numeratorLabel, i.denominatorLabel,
                IndicatorRef.of(i.contributesTo), i.evidenceRequired, i.version, i.createdAt, i.updatedAt);
    }
}
