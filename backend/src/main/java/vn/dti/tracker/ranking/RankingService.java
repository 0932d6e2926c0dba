package vn.dti.tracker.ranking;

import static vn.dti.tracker.common.Values.blankToNull;
import static vn.dti.tracker.common.Values.strip;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import vn.dti.tracker.auth.AccessPolicy;
import vn.dti.tracker.common.DomainException;
import vn.dti.tracker.common.Entities;
import vn.dti.tracker.common.FieldError;
import vn.dti.tracker.common.Page;
import vn.dti.tracker.common.PageRequest;
import vn.dti.tracker.common.ValueLimits;
import vn.dti.tracker.common.Versions;
import vn.dti.tracker.orgunit.OrgUnit;
import vn.dti.tracker.orgunit.OrgUnitDtos.OrgUnitRef;
import vn.dti.tracker.orgunit.OrgUnitService;
import vn.dti.tracker.plan.Plan;
import vn.dti.tracker.plan.PlanDtos.PlanRef;
import vn.dti.tracker.ranking.DtiRank.RankComparator;
import vn.dti.tracker.ranking.DtiRank.RankResult;
import vn.dti.tracker.ranking.DtiRank.RankTarget;
import vn.dti.tracker.ranking.RankingDtos.FrameworkInput;
import vn.dti.tracker.ranking.RankingDtos.FrameworkView;
import vn.dti.tracker.ranking.RankingDtos.GapView;
import vn.dti.tracker.ranking.RankingDtos.PillarInput;
import vn.dti.tracker.ranking.RankingDtos.PillarView;
import vn.dti.tracker.ranking.RankingDtos.RankResultInput;
import vn.dti.tracker.ranking.RankingDtos.RankTargetInput;
import vn.dti.tracker.ranking.RankingDtos.RankingView;
import vn.dti.tracker.ranking.RankingDtos.ResultView;
import vn.dti.tracker.ranking.RankingDtos.RowView;
import vn.dti.tracker.ranking.RankingDtos.TargetView;

/** DTI frameworks, and each unit's target and actual ranks beside each other. */
@ApplicationScoped
public class RankingService {

    /** The largest score the database holds (numeric(10,2)); a pillar's own maximum is usually far below it. */
    static final BigDecimal MAX_STORED_SCORE = new BigDecimal("99999999.99");

    static final Map<String, String> SORTABLE = Map.of("code", "f.code", "edition", "f.edition", "updatedAt", "f.updatedAt");

    private final EntityManager em;
    private final OrgUnitService units;

    private final AccessPolicy access;

    public RankingService(EntityManager em, OrgUnitService units, AccessPolicy access) {
        this.em = em;
        this.units = units;
        this.access = access;
    }

    /** The national framework is the ministry's; only administrators record it, whatever the path (API or bundle). */
    private void requireFrameworkEditor() {
        if (!access.caller().isAdmin()) {
            throw DomainException.forbidden("access.framework-denied", "Chỉ quản trị viên được sửa bộ chỉ số DTI.");
        }
    }

    @Transactional
    public Page<FrameworkView> list(PageRequest page) {
        long total = DtiFramework.count();
        List<FrameworkView> items = em.createQuery("select f from DtiFramework f order by " + page.orderBy(), DtiFramework.class)
                .setFirstResult(page.offset()).setMaxResults(page.size()).getResultStream()
                .map(RankingService::view).toList();
        return Page.of(items, page, total);
    }

    @Transactional
    public FrameworkView get(UUID id) {
        return view(require(id));
    }

    @Transactional
    public FrameworkView create(FrameworkInput input) {
        requireFrameworkEditor();
        if (DtiFramework.count("code", input.code()) > 0) {
            throw DomainException.conflictField("code", "dti-framework.code-taken", "Mã bộ chỉ số '" + input.code() + "' đã được dùng.");
        }
        DtiFramework f = new DtiFramework();
        f.id = UUID.randomUUID();
        f.code = input.code();
        apply(f, input);
        f.persist();
        em.flush();
        return view(f);
    }

    @Transactional
    public FrameworkView update(UUID id, long expectedVersion, FrameworkInput input) {
        requireFrameworkEditor();
        DtiFramework f = require(id);
        Versions.check(expectedVersion, f.version, "bộ chỉ số");
        if (!f.code.equals(input.code())) {
            throw DomainException.conflictField("code", "dti-framework.code-fixed", "Không đổi được mã của bộ chỉ số.");
        }
        apply(f, input);
        em.flush();
        return view(f);
    }

    private void apply(DtiFramework f, FrameworkInput in) {
        Set<String> codes = new HashSet<>();
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < in.pillars().size(); i++) {
            if (!codes.add(in.pillars().get(i).code())) {
                errors.add(new FieldError("pillars[" + i + "].code", "dti-pillar.code-repeated", "Mã chỉ số chính bị lặp."));
            }
        }
        if (!errors.isEmpty()) {
            throw DomainException.invalid("dti-framework.invalid", "Bộ chỉ số chưa hợp lệ.", errors);
        }
        f.name = in.name().trim();
        f.edition = in.edition().trim();
        f.source = blankToNull(in.source());
        Map<String, DtiPillar> existing = f.pillars.stream().collect(Collectors.toMap(p -> p.code, Function.identity()));
        for (DtiPillar old : List.copyOf(f.pillars)) {
            if (!codes.contains(old.code)) {
                long used = RankTarget.count("pillar", old) + RankResult.count("pillar", old);
                if (used > 0) {
                    throw DomainException.conflictField("pillars", "dti-pillar.in-use",
                            "Chỉ số chính '" + old.name + "' đã có mục tiêu hoặc kết quả xếp hạng, nên không bỏ được.");
                }
                f.pillars.remove(old);
            }
        }
        for (PillarInput p : in.pillars()) {
            DtiPillar pillar = existing.get(p.code());
            if (pillar == null) {
                pillar = new DtiPillar();
                pillar.id = UUID.randomUUID();
                pillar.framework = f;
                pillar.code = p.code();
                f.pillars.add(pillar);
            }
            pillar.position = p.order();
            pillar.name = p.name().trim();
            pillar.subIndexCount = p.subIndexCount();
            pillar.maxPoints = p.maxPoints();
        }
        f.pillars.sort(java.util.Comparator.comparingInt(p -> p.position));
    }

    public DtiFramework require(UUID id) {
        DtiFramework f = id == null ? null : DtiFramework.findById(id);
        if (f == null) {
            throw DomainException.notFound("dti-framework.not-found", "Không tìm thấy bộ chỉ số DTI.");
        }
        return f;
    }

    private DtiFramework requireReferenced(UUID id) {
        DtiFramework f = id == null ? null : DtiFramework.findById(id);
        if (f == null) {
            throw DomainException.invalidField("frameworkId", "dti-framework.unknown", "Không có bộ chỉ số DTI với mã định danh " + id + ".");
        }
        return f;
    }

    static FrameworkView view(DtiFramework f) {
        List<PillarView> pillars = f.pillars.stream().map(RankingService::view).toList();
        int subIndices = f.pillars.stream().mapToInt(p -> p.subIndexCount).sum();
        BigDecimal points = f.pillars.stream().map(p -> p.maxPoints).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new FrameworkView(f.id, f.code, f.name, f.edition, f.source, pillars, subIndices, strip(points), f.version,
                f.createdAt, f.updatedAt);
    }

    static PillarView view(DtiPillar p) {
        return new PillarView(p.id, p.code, p.position, p.name, p.subIndexCount, strip(p.maxPoints));
    }

    // ---- ranks ----

    @Transactional
    public RankingView ranking(UUID unitId, UUID frameworkId) {
        OrgUnit unit = units.requireVisible(unitId);
        DtiFramework f = frameworkId != null ? require(frameworkId)
                : em.createQuery("select f from DtiFramework f order by f.edition desc, f.createdAt desc", DtiFramework.class)
                        .setMaxResults(1).getResultStream().findFirst()
                        .orElseThrow(() -> DomainException.notFound("dti-framework.not-found", "Chưa có bộ chỉ số DTI nào."));
        List<RankTarget> targets = RankTarget.list("unit = ?1 and framework = ?2 order by year", unit, f);
        List<RankResult> results = RankResult.list("unit = ?1 and framework = ?2 order by year", unit, f);
        List<RowView> rows = new ArrayList<>();
        List<DtiPillar> pillars = new ArrayList<>(f.pillars);
        pillars.add(null);
        for (DtiPillar pillar : pillars) {
            List<TargetView> t = targets.stream().filter(x -> Objects.equals(x.pillar, pillar))
                    .map(x -> new TargetView(x.year, x.comparator, x.rank, x.outOf, x.wording, PlanRef.of(x.plan))).toList();
            List<ResultView> r = results.stream().filter(x -> Objects.equals(x.pillar, pillar))
                    .map(x -> new ResultView(x.year, strip(x.score), x.rank, x.outOf, x.source)).toList();
            Map<Integer, ResultView> byYear = r.stream().collect(Collectors.toMap(ResultView::year, Function.identity()));
            List<GapView> gaps = t.stream().filter(x -> byYear.containsKey(x.year())).map(x -> {
                ResultView actual = byYear.get(x.year());
                boolean met = x.comparator() == RankComparator.LE ? actual.rank() <= x.rank() : actual.rank() == x.rank();
                return new GapView(x.year(), x.rank(), actual.rank(), met, actual.rank() - x.rank());
            }).toList();
            rows.add(new RowView(pillar == null ? null : view(pillar), t, r, gaps));
        }
        return new RankingView(OrgUnitRef.of(unit), view(f), rows, rankVersion(unit.id, f.id));
    }

    /** The version of a unit's ranks in a framework; 0 before anything was recorded. */
    private long rankVersion(UUID unitId, UUID frameworkId) {
        List<?> found = em.createNativeQuery("select version from dti_rank_version where unit_id = :unit and framework_id = :framework")
                .setParameter("unit", unitId).setParameter("framework", frameworkId).getResultList();
        return found.isEmpty() ? 0L : ((Number) found.get(0)).longValue();
    }

    /**
     * Takes the next version of a unit's ranks in a framework, holding its row until the transaction
     * ends, so that of two writers based on the same version exactly one gets through. With
     * {@code expectedVersion} null (the bundle import, which has its own guard) nothing is compared.
     */
    private void nextRankVersion(UUID unitId, UUID frameworkId, Long expectedVersion) {
        em.createNativeQuery("""
                insert into dti_rank_version (unit_id, framework_id, version, updated_at) values (:unit, :framework, 0, :at)
                on conflict do nothing""")
                .setParameter("unit", unitId).setParameter("framework", frameworkId).setParameter("at", Entities.now()).executeUpdate();
        long current = ((Number) em.createNativeQuery(
                "select version from dti_rank_version where unit_id = :unit and framework_id = :framework for update")
                .setParameter("unit", unitId).setParameter("framework", frameworkId).getSingleResult()).longValue();
        if (expectedVersion != null) {
            Versions.check(expectedVersion, current, "xếp hạng DTI của đơn vị");
        }
        em.createNativeQuery("update dti_rank_version set version = version + 1, updated_at = :at where unit_id = :unit and framework_id = :framework")
                .setParameter("unit", unitId).setParameter("framework", frameworkId).setParameter("at", Entities.now()).executeUpdate();
    }

    @Transactional
    public RankingView replaceTargets(UUID unitId, UUID frameworkId, Long expectedVersion, List<RankTargetInput> input, Plan plan) {
        OrgUnit unit = units.require(unitId);
        access.requireUnitDataEditable(unit);
        DtiFramework f = requireReferenced(frameworkId);
        nextRankVersion(unit.id, f.id, expectedVersion);
        Map<String, DtiPillar> pillars = pillarsByCode(f);
        List<FieldError> errors = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < input.size(); i++) {
            RankTargetInput t = input.get(i);
            String at = "targets[" + i + "]";
            checkRank(pillars, t.pillarCode(), t.rank(), t.outOf(), at, errors);
            if (!seen.add(t.pillarCode() + "/" + t.year())) {
                errors.add(new FieldError(at + ".year", "rank.year-repeated", "Năm " + t.year() + " đã có mục tiêu cho chỉ số này."));
            }
        }
        if (!errors.isEmpty()) {
            throw DomainException.invalid("rank.invalid", "Mục tiêu xếp hạng chưa hợp lệ: " + errors.get(0).detail(), errors);
        }
        RankTarget.delete("unit = ?1 and framework = ?2", unit, f);
        em.flush();
        for (RankTargetInput t : input) {
            RankTarget row = new RankTarget();
            row.place(unit, f, t.pillarCode() == null ? null : pillars.get(t.pillarCode()), t.year(), t.rank(), t.outOf(), plan);
            row.comparator = t.comparator();
            row.wording = blankToNull(t.wording());
            row.persist();
        }
        em.flush();
        return ranking(unitId, f.id);
    }

    @Transactional
    public RankingView replaceResults(UUID unitId, int year, UUID frameworkId, Long expectedVersion, String source, List<RankResultInput> input,
            Plan plan) {
        OrgUnit unit = units.require(unitId);
        access.requireUnitDataEditable(unit);
        DtiFramework f = requireReferenced(frameworkId);
        nextRankVersion(unit.id, f.id, expectedVersion);
        Map<String, DtiPillar> pillars = pillarsByCode(f);
        List<FieldError> errors = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < input.size(); i++) {
            RankResultInput r = input.get(i);
            String at = "results[" + i + "]";
            DtiPillar pillar = r.pillarCode() == null ? null : pillars.get(r.pillarCode());
            checkRank(pillars, r.pillarCode(), r.rank(), r.outOf(), at, errors);
            if (r.score() != null && pillar != null && r.score().compareTo(pillar.maxPoints) > 0) {
                errors.add(new FieldError(at + ".score", "rank.score-beyond-max", "Điểm vượt quá điểm tối đa " + strip(pillar.maxPoints) + "."));
            } else if (r.score() != null && r.score().compareTo(MAX_STORED_SCORE) > 0) {
                errors.add(new FieldError(at + ".score", ValueLimits.CODE, "Điểm tối đa lưu được là " + MAX_STORED_SCORE.toPlainString() + "."));
            }
            if (!seen.add(String.valueOf(r.pillarCode()))) {
                errors.add(new FieldError(at + ".pillarCode", "rank.pillar-repeated", "Chỉ số này đã có kết quả trong năm."));
            }
        }
        if (!errors.isEmpty()) {
            throw DomainException.invalid("rank.invalid", "Kết quả xếp hạng chưa hợp lệ: " + errors.get(0).detail(), errors);
        }
        RankResult.delete("unit = ?1 and framework = ?2 and year = ?3", unit, f, year);
        em.flush();
        for (RankResultInput r : input) {
            RankResult row = new RankResult();
            row.place(unit, f, r.pillarCode() == null ? null : pillars.get(r.pillarCode()), year, r.rank(), r.outOf(), plan);
            row.score = r.score();
            row.source = r.source() != null && !r.source().isBlank() ? r.source().trim() : blankToNull(source);
            row.persist();
        }
        em.flush();
        return ranking(unitId, f.id);
    }

    /** Rules every rank row follows, target or result. */
    private static void checkRank(Map<String, DtiPillar> pillars, String pillarCode, int rank, int outOf, String at, List<FieldError> errors) {
        if (pillarCode != null && !pillars.containsKey(pillarCode)) {
            errors.add(new FieldError(at + ".pillarCode", "dti-pillar.unknown", "Bộ chỉ số không có chỉ số chính '" + pillarCode + "'."));
        }
        if (rank > outOf) {
            errors.add(new FieldError(at + ".rank", "rank.beyond-out-of", "Thứ hạng " + rank + " lớn hơn tổng số " + outOf + "."));
        }
    }

    private static Map<String, DtiPillar> pillarsByCode(DtiFramework f) {
        Map<String, DtiPillar> map = new HashMap<>();
        f.pillars.forEach(p -> map.put(p.code, p));
        return map;
    }
}
