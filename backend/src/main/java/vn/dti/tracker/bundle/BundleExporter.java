package vn.dti.tracker.bundle;

import static vn.dti.tracker.common.Values.strip;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import vn.dti.tracker.bundle.PlanBundle.BundleIndicator;
import vn.dti.tracker.bundle.PlanBundle.BundlePlan;
import vn.dti.tracker.bundle.PlanBundle.BundleTask;
import vn.dti.tracker.bundle.PlanBundle.Fraction;
import vn.dti.tracker.bundle.PlanBundle.Framework;
import vn.dti.tracker.bundle.PlanBundle.Group;
import vn.dti.tracker.bundle.PlanBundle.IndicatorKey;
import vn.dti.tracker.bundle.PlanBundle.LegalBasis;
import vn.dti.tracker.bundle.PlanBundle.Pillar;
import vn.dti.tracker.bundle.PlanBundle.RankResult;
import vn.dti.tracker.bundle.PlanBundle.RankTarget;
import vn.dti.tracker.bundle.PlanBundle.Regime;
import vn.dti.tracker.plan.DeadlineShift;
import vn.dti.tracker.bundle.PlanBundle.Unit;
import vn.dti.tracker.indicator.Indicator;
import vn.dti.tracker.indicator.IndicatorService;
import vn.dti.tracker.orgunit.OrgUnit;
import vn.dti.tracker.plan.GroupKind;
import vn.dti.tracker.plan.Plan;
import vn.dti.tracker.plan.PlanGroup;
import vn.dti.tracker.plan.PlanService;
import vn.dti.tracker.ranking.DtiFramework;
import vn.dti.tracker.ranking.DtiRank;
import vn.dti.tracker.task.Task;
import vn.dti.tracker.task.TaskEnums.UnitRole;
import vn.dti.tracker.task.TaskService;

/** Writes a stored plan as a bundle; also gives the bundle form of single objects for comparison. */
@ApplicationScoped
public class BundleExporter {

    private final EntityManager em;
    private final PlanService plans;

    public BundleExporter(EntityManager em, PlanService plans) {
        this.em = em;
        this.plans = plans;
    }

    @Transactional
    public PlanBundle export(UUID planId) {
        return export(plans.require(planId));
    }

    PlanBundle export(Plan plan) {
        List<PlanGroup> groups = PlanGroup.list("plan = ?1 order by position, code", plan);
        List<Indicator> indicators = em.createQuery(
                "select i from Indicator i join fetch i.group g join fetch i.leadUnit where i.plan = :p order by g.position, i.position, i.code",
                Indicator.class).setParameter("p", plan).getResultList();
        List<Task> tasks = em.createQuery("select t from Task t join fetch t.group g where t.plan = :p order by g.position, t.position, t.code",
                Task.class).setParameter("p", plan).getResultList();
        List<DtiRank.RankTarget> targets = DtiRank.RankTarget.list("plan = ?1", plan);
        List<DtiRank.RankResult> results = DtiRank.RankResult.list("plan = ?1", plan);

        Map<UUID, OrgUnit> units = new LinkedHashMap<>();
        PlanService.unitsOf(plan).forEach(u -> units.put(u.id, u));
        indicators.forEach(i -> {
            units.put(i.leadUnit.id, i.leadUnit);
            i.cooperatingUnits.forEach(u -> units.put(u.id, u));
        });
        tasks.forEach(t -> t.units.forEach(u -> units.put(u.unit.id, u.unit)));
        targets.forEach(t -> units.put(t.unit.id, t.unit));
        results.forEach(r -> units.put(r.unit.id, r.unit));
        List<OrgUnit> withAncestors = withAncestors(units.values());

        Map<UUID, DtiFramework> frameworks = new LinkedHashMap<>();
        targets.forEach(t -> frameworks.put(t.framework.id, t.framework));
        results.forEach(r -> frameworks.put(r.framework.id, r.framework));

        return new PlanBundle(PlanBundle.FORMAT, 1,
                withAncestors.stream().map(BundleExporter::unit).toList(),
                frameworks.values().stream().sorted(Comparator.comparing(f -> f.code)).map(BundleExporter::framework).toList(),
                plan(plan),
                groups.stream().filter(g -> g.kind == GroupKind.INDICATOR).map(BundleExporter::group).toList(),
                indicators.stream().map(BundleExporter::indicator).toList(),
                groups.stream().filter(g -> g.kind == GroupKind.TASK).map(BundleExporter::group).toList(),
                tasks.stream().map(BundleExporter::task).toList(),
                targets.stream().sorted(Comparator.<DtiRank.RankTarget, String>comparing(t -> t.unit.code)
                        .thenComparing(t -> t.framework.code).thenComparing(t -> pillarOrder(t.pillar)).thenComparing(t -> t.year))
                        .map(BundleExporter::target).toList(),
                results.stream().sorted(Comparator.<DtiRank.RankResult, String>comparing(r -> r.unit.code)
                        .thenComparing(r -> r.framework.code).thenComparing(r -> r.year).thenComparing(r -> pillarOrder(r.pillar)))
                        .map(BundleExporter::result).toList());
    }

    /** Pillars in the framework's order, the whole index last, as the plans print them. */
    private static int pillarOrder(vn.dti.tracker.ranking.DtiPillar pillar) {
        return pillar == null ? Integer.MAX_VALUE : pillar.position;
    }

    static final Comparator<RankTarget> TARGET_ORDER = Comparator.comparing(RankTarget::unitCode)
            .thenComparing(RankTarget::frameworkCode)
            .thenComparing(t -> t.pillarCode() == null ? "~" : t.pillarCode())
            .thenComparing(RankTarget::year);

    static final Comparator<RankResult> RESULT_ORDER = Comparator.comparing(RankResult::unitCode)
            .thenComparing(RankResult::frameworkCode)
            .thenComparing(RankResult::year)
            .thenComparing(r -> r.pillarCode() == null ? "~" : r.pillarCode());

    /** The units with all their ancestors, parents before children, siblings by code. */
    private List<OrgUnit> withAncestors(java.util.Collection<OrgUnit> units) {
        java.util.Set<UUID> ids = new java.util.HashSet<>();
        for (OrgUnit u : units) {
            for (String part : u.path.split("/")) {
                if (!part.isEmpty()) {
                    ids.add(UUID.fromString(part));
                }
            }
        }
        if (ids.isEmpty()) {
            return List.of();
        }
        List<OrgUnit> all = em.createQuery("select u from OrgUnit u left join fetch u.parent where u.id in :ids", OrgUnit.class)
                .setParameter("ids", ids).getResultList();
        Map<UUID, OrgUnit> byId = all.stream().collect(Collectors.toMap(u -> u.id, u -> u));
        // Sort by the chain of codes from the root, so a parent always precedes its children.
        return all.stream().sorted(Comparator.comparing(u -> codeChain(u, byId))).toList();
    }

    private static String codeChain(OrgUnit u, Map<UUID, OrgUnit> byId) {
        List<String> codes = new ArrayList<>();
        for (String part : u.path.split("/")) {
            if (!part.isEmpty()) {
                codes.add(byId.get(UUID.fromString(part)).code);
            }
        }
        return String.join("\u0000", codes);
    }

    static Unit unit(OrgUnit u) {
        return new Unit(u.code, u.name, u.shortName, u.kind, u.parent == null ? null : u.parent.code, u.active);
    }

    static Framework framework(DtiFramework f) {
        return new Framework(f.code, f.name, f.edition, f.source, f.pillars.stream()
                .map(p -> new Pillar(p.code, p.position, p.name, p.subIndexCount, strip(p.maxPoints))).toList());
    }

    static BundlePlan plan(Plan p) {
        return new BundlePlan(p.code, p.documentNumber, p.issuingUnit.code, p.issueDate, p.issuePlace, p.title, p.startYear, p.endYear,
                p.status, p.parentPlan == null ? null : p.parentPlan.code,
                p.legalBases.stream().map(b -> new LegalBasis(b.citation, b.referencedPlan == null ? null : b.referencedPlan.code)).toList(),
                List.copyOf(p.sections), p.signerName, p.signerTitle, List.copyOf(p.recipients),
                new Regime(p.reportFrequency, (int) p.unitReportDay, p.consolidationDay == null ? null : p.consolidationDay.intValue(),
                        p.coordinatorUnit.code, p.recipientUnit == null ? null : p.recipientUnit.code, p.regimeWording,
                        p.deadlineShift == DeadlineShift.NONE ? null : p.deadlineShift), p.effectiveDate);
    }

    static Group group(PlanGroup g) {
        return new Group(g.code, g.name, g.position);
    }

    static BundleIndicator indicator(Indicator i) {
        var view = IndicatorService.view(i);
        return new BundleIndicator(i.code, i.group.code, i.position, i.content, i.unitOfMeasure, view.targets(), view.baseline(),
                i.leadUnit.code, i.cooperatingUnits.stream().map(u -> u.code).toList(), i.leadWording, i.cooperatingWording, i.note,
                i.capturedAsFraction ? new Fraction(i.numeratorLabel, i.denominatorLabel) : null,
                i.contributesTo == null ? null : new IndicatorKey(i.contributesTo.plan.code, i.contributesTo.code),
                i.evidenceRequired ? Boolean.TRUE : null);
    }

    static BundleTask task(Task t) {
        var view = TaskService.view(t);
        return new BundleTask(t.code, t.group.code, t.position, t.description,
                t.units.stream().filter(u -> u.role == UnitRole.LEAD).map(u -> u.unit.code).toList(),
                t.units.stream().filter(u -> u.role == UnitRole.COOPERATING).map(u -> u.unit.code).toList(), t.product,
                view.timeframe(), t.progress, t.note);
    }

    static RankTarget target(DtiRank.RankTarget t) {
        return new RankTarget(t.unit.code, t.framework.code, t.pillar == null ? null : t.pillar.code, t.year, t.comparator, t.rank,
                t.outOf, t.wording);
    }

    static RankResult result(DtiRank.RankResult r) {
        return new RankResult(r.unit.code, r.framework.code, r.pillar == null ? null : r.pillar.code, r.year, strip(r.score), r.rank,
                r.outOf, r.source);
    }
}
