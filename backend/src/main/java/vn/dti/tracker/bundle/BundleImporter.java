package vn.dti.tracker.bundle;

import static vn.dti.tracker.common.Values.blankToNull;
import static vn.dti.tracker.common.Values.strip;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import io.quarkus.narayana.jta.QuarkusTransaction;
import vn.dti.tracker.auth.Visibility;
import vn.dti.tracker.bundle.BundleImportResult.Tally;
import vn.dti.tracker.bundle.PlanBundle.BundleIndicator;
import vn.dti.tracker.bundle.PlanBundle.BundlePlan;
import vn.dti.tracker.bundle.PlanBundle.BundleTask;
import vn.dti.tracker.bundle.PlanBundle.Framework;
import vn.dti.tracker.bundle.PlanBundle.Group;
import vn.dti.tracker.bundle.PlanBundle.Pillar;
import vn.dti.tracker.bundle.PlanBundle.RankResult;
import vn.dti.tracker.bundle.PlanBundle.RankTarget;
import vn.dti.tracker.bundle.PlanBundle.Unit;
import vn.dti.tracker.common.ConditionalGet;
import vn.dti.tracker.common.DomainException;
import vn.dti.tracker.common.Versions;
import vn.dti.tracker.common.FieldError;
import vn.dti.tracker.indicator.Indicator;
import vn.dti.tracker.indicator.IndicatorDtos.IndicatorInput;
import vn.dti.tracker.indicator.IndicatorService;
import vn.dti.tracker.orgunit.OrgUnit;
import vn.dti.tracker.orgunit.OrgUnitDtos.OrgUnitCreate;
import vn.dti.tracker.orgunit.OrgUnitDtos.OrgUnitUpdate;
import vn.dti.tracker.orgunit.OrgUnitService;
import vn.dti.tracker.plan.GroupKind;
import vn.dti.tracker.plan.Plan;
import vn.dti.tracker.plan.PlanDtos.GroupInput;
import vn.dti.tracker.plan.PlanDtos.LegalBasisInput;
import vn.dti.tracker.plan.PlanDtos.PlanCreate;
import vn.dti.tracker.plan.PlanDtos.PlanUpdate;
import vn.dti.tracker.plan.PlanDtos.ReportingRegimeInput;
import vn.dti.tracker.plan.PlanGroup;
import vn.dti.tracker.plan.PlanService;
import vn.dti.tracker.ranking.DtiFramework;
import vn.dti.tracker.ranking.DtiRank;
import vn.dti.tracker.ranking.RankingDtos.FrameworkInput;
import vn.dti.tracker.ranking.RankingDtos.PillarInput;
import vn.dti.tracker.ranking.RankingDtos.RankResultInput;
import vn.dti.tracker.ranking.RankingDtos.RankTargetInput;
import vn.dti.tracker.ranking.RankingService;
import vn.dti.tracker.task.Task;
import vn.dti.tracker.task.TaskDtos.TaskInput;
import vn.dti.tracker.task.TaskService;

/**
 * Imports a plan bundle through the same services the API uses, in one transaction: matched by
 * code, updated where different, created where missing; a dry run does all of it and rolls back.
 */
@ApplicationScoped
public class BundleImporter {

    private final EntityManager em;
    private final Validator validator;
    private final OrgUnitService units;
    private final PlanService plans;
    private final IndicatorService indicators;
    private final TaskService tasks;
    private final RankingService ranking;
    private final Visibility visibility;
    private final BundleExporter exporter;
    private final ConditionalGet tags;

    public BundleImporter(EntityManager em, Validator validator, OrgUnitService units, PlanService plans, IndicatorService indicators,
            TaskService tasks, RankingService ranking, Visibility visibility, BundleExporter exporter, ConditionalGet tags) {
        this.visibility = visibility;
        this.em = em;
        this.exporter = exporter;
        this.tags = tags;
        this.validator = validator;
        this.units = units;
        this.plans = plans;
        this.indicators = indicators;
        this.tasks = tasks;
        this.ranking = ranking;
    }

    /** Imports as the system does (demo data): nothing to compare the stored plan with. */
    public BundleImportResult importBundle(PlanBundle bundle, boolean dryRun) {
        return importBundle(bundle, dryRun, null, false);
    }

    /**
     * Imports a bundle over a plan already stored only when {@code ifMatch} names that plan's bundle
     * as it stands (the ETag of its export, or of a dry run's answer): whoever changed the plan since
     * is not overwritten unseen. A dry run may leave it out; a new plan needs none.
     */
    public BundleImportResult importBundle(PlanBundle bundle, boolean dryRun, String ifMatch) {
        return importBundle(bundle, dryRun, ifMatch, true);
    }

    private BundleImportResult importBundle(PlanBundle bundle, boolean dryRun, String ifMatch, boolean guarded) {
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                String before = guarded ? requireCurrent(bundle, dryRun, ifMatch) : null;
                BundleImportResult result = run(bundle, dryRun);
                result = result.withEtag(dryRun ? before : storedTag(result.planId()));
                if (dryRun) {
                    // Leaving by exception rolls the whole transaction back: the dry run did everything and keeps nothing.
                    throw new DryRunDone(result);
                }
                return result;
            });
        } catch (DryRunDone done) {
            return done.result;
        } catch (RuntimeException e) {
            if (e.getCause() instanceof DryRunDone done) {
                return done.result;
            }
            throw e;
        }
    }

    /** The ETag of the plan's bundle as this transaction wrote it, read afresh as an export would read it. */
    private String storedTag(UUID planId) {
        em.flush();
        em.clear();
        return tags.tagOf(exporter.export(planId));
    }

    /** The ETag of the stored plan's bundle, held against other writers till the end; null for a new plan. */
    private String requireCurrent(PlanBundle bundle, boolean dryRun, String ifMatch) {
        Plan stored = bundle.plan() == null ? null : PlanService.findByCode(bundle.plan().code());
        if (stored == null) {
            return null;
        }
        em.refresh(stored, LockModeType.PESSIMISTIC_WRITE);
        String current = tags.tagOf(exporter.export(stored.id));
        if (dryRun && (ifMatch == null || ifMatch.isBlank())) {
            return current;
        }
        Versions.requireIfMatchTag(ifMatch);
        if (!ConditionalGet.matchesStrongly(ifMatch, current)) {
            throw DomainException.staleTag("Kế hoạch '" + stored.code + "' đã được thay đổi sau lần xuất hoặc xem trước mà gói này dựa vào."
                    + " Hãy xem trước lại để thấy thay đổi mới nhất, rồi nhập.", current);
        }
        return current;
    }

    private static final class DryRunDone extends RuntimeException {
        final transient BundleImportResult result;

        DryRunDone(BundleImportResult result) {
            super(null, null, false, false);
            this.result = result;
        }
    }

    private BundleImportResult run(PlanBundle b, boolean dryRun) {
        if (!PlanBundle.FORMAT.equals(b.format()) || b.formatVersion() != 1) {
            throw DomainException.invalidField("formatVersion", "bundle.unsupported-format",
                    "Chỉ nhận gói kế hoạch dạng '" + PlanBundle.FORMAT + "', phiên bản 1.");
        }
        checkReferences(b);

        Tally unitTally = new Tally();
        Map<String, OrgUnit> unitByCode = new HashMap<>();
        for (int i = 0; i < b.orgUnits().size(); i++) {
            Unit u = b.orgUnits().get(i);
            unitByCode.put(u.code(), importUnit(u, unitByCode, unitTally, "orgUnits[" + i + "]"));
        }
        Function<String, UUID> unitId = code -> {
            OrgUnit u = unitByCode.computeIfAbsent(code, this::visibleUnit);
            return u == null ? null : u.id;
        };

        Tally frameworkTally = new Tally();
        Map<String, DtiFramework> frameworkByCode = new HashMap<>();
        List<Framework> frameworks = list(b.dtiFrameworks());
        for (int i = 0; i < frameworks.size(); i++) {
            Framework f = frameworks.get(i);
            frameworkByCode.put(f.code(), importFramework(f, frameworkTally, "dtiFrameworks[" + i + "]"));
        }

        Tally planTally = new Tally();
        Plan plan = importPlan(b.plan(), unitId, planTally);

        Tally groupTally = new Tally();
        Map<String, UUID> indicatorGroups = importGroups(plan, GroupKind.INDICATOR, list(b.indicatorGroups()), groupTally, "indicatorGroups");
        Map<String, UUID> taskGroups = importGroups(plan, GroupKind.TASK, list(b.taskGroups()), groupTally, "taskGroups");

        Tally indicatorTally = new Tally();
        List<BundleIndicator> inds = list(b.indicators());
        for (int i = 0; i < inds.size(); i++) {
            importIndicator(plan, inds.get(i), indicatorGroups, unitId, indicatorTally, "indicators[" + i + "]");
        }
        Tally taskTally = new Tally();
        List<BundleTask> ts = list(b.tasks());
        for (int i = 0; i < ts.size(); i++) {
            importTask(plan, ts.get(i), taskGroups, unitId, taskTally, "tasks[" + i + "]");
        }
        removeMissing(plan, inds, ts, b, indicatorTally, taskTally, groupTally);

        Tally targetTally = importTargets(plan, list(b.dtiTargets()), unitId, frameworkByCode);
        Tally resultTally = importResults(plan, list(b.dtiResults()), unitId, frameworkByCode);
        em.flush();
        return new BundleImportResult(dryRun, dryRun && planTally.created.size() > 0 ? null : plan.id, plan.code, unitTally.done(),
                frameworkTally.done(), planTally.done(), groupTally.done(), indicatorTally.done(), taskTally.done(), targetTally.done(),
                resultTally.done(), null);
    }

    /** Every code the bundle uses must name something in the bundle or already stored; all problems are listed at once. */
    private void checkReferences(PlanBundle b) {
        List<FieldError> errors = new ArrayList<>();
        Set<String> unitCodes = new HashSet<>();
        for (int i = 0; i < b.orgUnits().size(); i++) {
            Unit u = b.orgUnits().get(i);
            if (!unitCodes.add(u.code())) {
                errors.add(new FieldError("orgUnits[" + i + "].code", "bundle.code-repeated", "Mã đơn vị '" + u.code() + "' bị lặp."));
            }
        }
        Set<String> referenced = new HashSet<>();
        b.orgUnits().forEach(u -> referenced.add(u.parentCode()));
        referenced.add(b.plan().issuingUnitCode());
        referenced.add(b.plan().reportingRegime().coordinatorUnitCode());
        referenced.add(b.plan().reportingRegime().recipientUnitCode());
        list(b.indicators()).forEach(i -> {
            referenced.add(i.leadUnitCode());
            referenced.addAll(list(i.cooperatingUnitCodes()));
        });
        list(b.tasks()).forEach(t -> {
            referenced.addAll(list(t.leadUnitCodes()));
            referenced.addAll(list(t.cooperatingUnitCodes()));
        });
        list(b.dtiTargets()).forEach(t -> referenced.add(t.unitCode()));
        list(b.dtiResults()).forEach(r -> referenced.add(r.unitCode()));
        referenced.remove(null);
        referenced.removeAll(unitCodes);
        Set<String> stored = units.byCodes(referenced).values().stream()
                .filter(u -> visibility.sees(Visibility.Kind.ORG_UNIT, u.id)).map(u -> u.code).collect(Collectors.toSet());
        for (String code : referenced) {
            if (!stored.contains(code)) {
                errors.add(new FieldError("orgUnits", "bundle.unknown-unit",
                        "Gói dùng đơn vị '" + code + "' nhưng không khai báo trong orgUnits và hệ thống chưa có đơn vị này."));
            }
        }
        Set<String> indicatorGroups = list(b.indicatorGroups()).stream().map(Group::code).collect(Collectors.toSet());
        Set<String> taskGroups = list(b.taskGroups()).stream().map(Group::code).collect(Collectors.toSet());
        Set<String> seen = new HashSet<>();
        List<BundleIndicator> inds = list(b.indicators());
        for (int i = 0; i < inds.size(); i++) {
            if (!indicatorGroups.contains(inds.get(i).groupCode())) {
                errors.add(new FieldError("indicators[" + i + "].groupCode", "bundle.unknown-group",
                        "Nhóm chỉ tiêu '" + inds.get(i).groupCode() + "' không có trong indicatorGroups."));
            }
            if (!seen.add(inds.get(i).code())) {
                errors.add(new FieldError("indicators[" + i + "].code", "bundle.code-repeated", "Mã chỉ tiêu '" + inds.get(i).code() + "' bị lặp."));
            }
        }
        seen.clear();
        List<BundleTask> ts = list(b.tasks());
        for (int i = 0; i < ts.size(); i++) {
            if (!taskGroups.contains(ts.get(i).groupCode())) {
                errors.add(new FieldError("tasks[" + i + "].groupCode", "bundle.unknown-group",
                        "Nhóm nhiệm vụ '" + ts.get(i).groupCode() + "' không có trong taskGroups."));
            }
            if (!seen.add(ts.get(i).code())) {
                errors.add(new FieldError("tasks[" + i + "].code", "bundle.code-repeated", "Mã nhiệm vụ '" + ts.get(i).code() + "' bị lặp."));
            }
        }
        Set<String> frameworks = list(b.dtiFrameworks()).stream().map(Framework::code).collect(Collectors.toSet());
        List<String> usedFrameworks = new ArrayList<>();
        list(b.dtiTargets()).forEach(t -> usedFrameworks.add(t.frameworkCode()));
        list(b.dtiResults()).forEach(r -> usedFrameworks.add(r.frameworkCode()));
        for (String code : new HashSet<>(usedFrameworks)) {
            if (!frameworks.contains(code) && DtiFramework.count("code", code) == 0) {
                errors.add(new FieldError("dtiFrameworks", "bundle.unknown-framework",
                        "Gói dùng bộ chỉ số '" + code + "' nhưng không khai báo và hệ thống chưa có."));
            }
        }
        if (!errors.isEmpty()) {
            throw DomainException.invalid("bundle.invalid", "Gói kế hoạch có " + errors.size() + " tham chiếu không hợp lệ.", errors);
        }
    }

    private OrgUnit importUnit(Unit u, Map<String, OrgUnit> known, Tally tally, String at) {
        UUID parentId = null;
        if (u.parentCode() != null) {
            OrgUnit parent = known.computeIfAbsent(u.parentCode(), this::visibleUnit);
            if (parent == null) {
                throw DomainException.invalidField(at + ".parentCode", "bundle.parent-after-child",
                        "Đơn vị cấp trên '" + u.parentCode() + "' phải đứng trước đơn vị cấp dưới trong orgUnits.");
            }
            parentId = parent.id;
        }
        boolean active = u.active() == null || u.active();
        OrgUnit existing = OrgUnit.findByCode(u.code());
        if (existing == null) {
            OrgUnitCreate create = valid(new OrgUnitCreate(u.code(), u.name(), u.shortName(), u.kind(), parentId), at);
            UUID id = wrap(at, () -> units.create(create)).id();
            OrgUnit created = OrgUnit.findById(id);
            if (!active) {
                OrgUnitUpdate off = new OrgUnitUpdate(u.name(), u.shortName(), u.kind(), parentId, false);
                wrap(at, () -> units.update(id, created.version, off));
            }
            tally.created.add(u.code());
            return created;
        }
        Unit before = BundleExporter.unit(existing);
        if (before.equals(new Unit(u.code(), u.name() == null ? null : u.name().trim(), blankToNull(u.shortName()), u.kind(),
                u.parentCode(), active))) {
            // Unchanged units (the ancestors every bundle names) are not written, so importing needs no right over them.
            tally.unchanged++;
            return existing;
        }
        OrgUnitUpdate update = valid(new OrgUnitUpdate(u.name(), u.shortName(), u.kind(), parentId, active), at);
        wrap(at, () -> units.update(existing.id, existing.version, update));
        count(tally, u.code(), before, BundleExporter.unit(existing));
        return existing;
    }

    private DtiFramework importFramework(Framework f, Tally tally, String at) {
        List<PillarInput> pillars = f.pillars().stream()
                .map(p -> new PillarInput(p.code(), p.order(), p.name(), p.subIndexCount(), p.maxPoints())).toList();
        FrameworkInput input = valid(new FrameworkInput(f.code(), f.name(), f.edition(), f.source(), pillars), at);
        DtiFramework existing = DtiFramework.find("code", f.code()).firstResult();
        if (existing == null) {
            UUID id = wrap(at, () -> ranking.create(input)).id();
            tally.created.add(f.code());
            return DtiFramework.findById(id);
        }
        Framework before = BundleExporter.framework(existing);
        Framework wanted = new Framework(f.code(), f.name(), f.edition(), f.source(), f.pillars().stream()
                .map(p -> new Pillar(p.code(), p.order(), p.name(), p.subIndexCount(), strip(p.maxPoints()))).toList());
        if (before.equals(wanted)) {
            tally.unchanged++;
            return existing;
        }
        wrap(at, () -> ranking.update(existing.id, existing.version, input));
        count(tally, f.code(), before, BundleExporter.framework(existing));
        return existing;
    }

    private Plan importPlan(BundlePlan p, Function<String, UUID> unitId, Tally tally) {
        String at = "plan";
        UUID parentId = planId(p.parentPlanCode(), at + ".parentPlanCode");
        List<LegalBasisInput> bases = new ArrayList<>();
        List<PlanBundle.LegalBasis> given = list(p.legalBases());
        for (int i = 0; i < given.size(); i++) {
            PlanBundle.LegalBasis lb = given.get(i);
            bases.add(new LegalBasisInput(lb.citation(), planId(lb.planCode(), at + ".legalBases[" + i + "].planCode")));
        }
        var r = p.reportingRegime();
        ReportingRegimeInput regime = new ReportingRegimeInput(r.frequency(), r.unitReportDay(), r.consolidationDay(),
                unitId.apply(r.coordinatorUnitCode()), r.recipientUnitCode() == null ? null : unitId.apply(r.recipientUnitCode()), r.wording(),
                r.deadlineShift());
        Plan existing = PlanService.findByCode(p.code());
        if (existing == null) {
            PlanCreate create = valid(new PlanCreate(p.code(), p.documentNumber(), unitId.apply(p.issuingUnitCode()), p.issueDate(),
                    p.effectiveDate(), p.issuePlace(), p.title(), p.startYear(), p.endYear(), p.status(), parentId, bases, list(p.sections()), p.signerName(),
                    p.signerTitle(), list(p.recipients()), regime), at);
            UUID id = wrap(at, () -> plans.create(create)).id();
            tally.created.add(p.code());
            return Plan.findById(id);
        }
        BundlePlan before = BundleExporter.plan(existing);
        if (before.equals(p)) {
            // An unchanged plan is not written, so that importing its indicators needs no sight of every unit the plan
            // names (a commune's plan reports to a province department its coordinators do not see).
            tally.unchanged++;
            return existing;
        }
        PlanUpdate update = valid(new PlanUpdate(p.documentNumber(), unitId.apply(p.issuingUnitCode()), p.issueDate(), p.effectiveDate(),
                p.issuePlace(),
                p.title(), p.startYear(), p.endYear(), p.status(), parentId, bases, list(p.sections()), p.signerName(), p.signerTitle(),
                list(p.recipients()), regime), at);
        wrap(at, () -> plans.update(existing.id, existing.version, update));
        count(tally, p.code(), before, BundleExporter.plan(existing));
        return existing;
    }

    /**
     * A unit named by code that the caller may see; one outside its sight is as unknown as a missing one, so
     * that neither its id nor its existence comes back in a result or an error.
     */
    private OrgUnit visibleUnit(String code) {
        OrgUnit unit = OrgUnit.findByCode(code);
        return unit != null && visibility.sees(Visibility.Kind.ORG_UNIT, unit.id) ? unit : null;
    }

    /** A plan named by code (parent plan, legal basis): one the caller may not read is unknown. */
    private UUID planId(String code, String field) {
        if (code == null) {
            return null;
        }
        Plan plan = PlanService.findByCode(code);
        if (plan == null || !visibility.sees(Visibility.Kind.PLAN, plan.id)) {
            throw DomainException.invalidField(field, "bundle.unknown-plan",
                    "Hệ thống chưa có kế hoạch '" + code + "'. Nhập kế hoạch đó trước, hoặc chỉ ghi căn cứ bằng lời.");
        }
        return plan.id;
    }

    private Map<String, UUID> importGroups(Plan plan, GroupKind kind, List<Group> groups, Tally tally, String path) {
        Map<String, UUID> ids = new LinkedHashMap<>();
        for (int i = 0; i < groups.size(); i++) {
            Group g = groups.get(i);
            String at = path + "[" + i + "]";
            String key = kind.name().toLowerCase() + ":" + g.code();
            GroupInput input = valid(new GroupInput(kind, g.code(), g.name(), g.order()), at);
            PlanGroup existing = PlanGroup.find("plan = ?1 and kind = ?2 and code = ?3", plan, kind, g.code()).firstResult();
            if (existing == null) {
                ids.put(g.code(), wrap(at, () -> plans.createGroup(plan.id, input)).id());
                tally.created.add(key);
            } else {
                Group before = BundleExporter.group(existing);
                wrap(at, () -> plans.updateGroup(plan.id, existing.id, existing.version, input));
                count(tally, key, before, BundleExporter.group(existing));
                ids.put(g.code(), existing.id);
            }
        }
        return ids;
    }

    private void importIndicator(Plan plan, BundleIndicator bi, Map<String, UUID> groups, Function<String, UUID> unitId, Tally tally,
            String at) {
        UUID contributesTo = null;
        if (bi.contributesTo() != null) {
            Indicator target = Indicator.find("plan.code = ?1 and code = ?2", bi.contributesTo().planCode(), bi.contributesTo().indicatorCode())
                    .firstResult();
            if (target == null) {
                throw DomainException.invalidField(at + ".contributesTo", "bundle.unknown-indicator",
                        "Không có chỉ tiêu '" + bi.contributesTo().indicatorCode() + "' trong kế hoạch '" + bi.contributesTo().planCode() + "'.");
            }
            contributesTo = target.id;
        }
        IndicatorInput input = valid(new IndicatorInput(bi.code(), groups.get(bi.groupCode()), bi.order(), bi.content(), bi.unitOfMeasure(),
                list(bi.targets()), bi.baseline(), unitId.apply(bi.leadUnitCode()),
                list(bi.cooperatingUnitCodes()).stream().map(unitId).toList(), bi.leadWording(), bi.cooperatingWording(), bi.note(),
                bi.fraction() != null, bi.fraction() == null ? null : bi.fraction().numeratorLabel(),
                bi.fraction() == null ? null : bi.fraction().denominatorLabel(), contributesTo, bi.evidenceRequired()), at);
        Indicator existing = Indicator.find("plan = ?1 and code = ?2", plan, bi.code()).firstResult();
        if (existing == null) {
            wrap(at, () -> indicators.create(plan.id, input));
            tally.created.add(bi.code());
            return;
        }
        BundleIndicator before = BundleExporter.indicator(existing);
        wrap(at, () -> indicators.update(plan.id, existing.id, existing.version, input));
        count(tally, bi.code(), before, BundleExporter.indicator(existing));
    }

    private void importTask(Plan plan, BundleTask bt, Map<String, UUID> groups, Function<String, UUID> unitId, Tally tally, String at) {
        TaskInput input = valid(new TaskInput(bt.code(), groups.get(bt.groupCode()), bt.order(), bt.description(),
                list(bt.leadUnitCodes()).stream().map(unitId).toList(), list(bt.cooperatingUnitCodes()).stream().map(unitId).toList(),
                bt.product(), bt.timeframe(), bt.progress(), bt.note()), at);
        Task existing = Task.find("plan = ?1 and code = ?2", plan, bt.code()).firstResult();
        if (existing == null) {
            wrap(at, () -> tasks.create(plan.id, input));
            tally.created.add(bt.code());
            return;
        }
        BundleTask before = BundleExporter.task(existing);
        wrap(at, () -> tasks.update(plan.id, existing.id, existing.version, input));
        count(tally, bt.code(), before, BundleExporter.task(existing));
    }

    /** A bundle is the whole plan: indicators, tasks and groups it no longer lists are removed. */
    private void removeMissing(Plan plan, List<BundleIndicator> inds, List<BundleTask> ts, PlanBundle b, Tally indicatorTally,
            Tally taskTally, Tally groupTally) {
        Set<String> keepIndicators = inds.stream().map(BundleIndicator::code).collect(Collectors.toSet());
        for (Indicator i : Indicator.<Indicator>list("plan = ?1 order by code", plan)) {
            if (!keepIndicators.contains(i.code)) {
                wrap("indicators", () -> {
                    indicators.delete(plan.id, i.id, i.version);
                    return null;
                });
                indicatorTally.removed.add(i.code);
            }
        }
        Set<String> keepTasks = ts.stream().map(BundleTask::code).collect(Collectors.toSet());
        for (Task t : Task.<Task>list("plan = ?1 order by code", plan)) {
            if (!keepTasks.contains(t.code)) {
                tasks.delete(plan.id, t.id, t.version);
                taskTally.removed.add(t.code);
            }
        }
        em.flush();
        Set<String> keepGroups = new HashSet<>();
        list(b.indicatorGroups()).forEach(g -> keepGroups.add("indicator:" + g.code()));
        list(b.taskGroups()).forEach(g -> keepGroups.add("task:" + g.code()));
        for (PlanGroup g : PlanGroup.<PlanGroup>list("plan = ?1 order by kind, code", plan)) {
            String key = g.kind.name().toLowerCase() + ":" + g.code;
            if (!keepGroups.contains(key)) {
                plans.deleteGroup(plan.id, g.id, g.version);
                groupTally.removed.add(key);
            }
        }
    }

    private Tally importTargets(Plan plan, List<RankTarget> given, Function<String, UUID> unitId, Map<String, DtiFramework> frameworks) {
        Tally tally = new Tally();
        Map<String, RankTarget> before = DtiRank.RankTarget.<DtiRank.RankTarget>list("plan = ?1", plan).stream()
                .map(BundleExporter::target).collect(Collectors.toMap(BundleImporter::key, t -> t));
        Map<List<String>, List<RankTarget>> byUnit = given.stream()
                .collect(Collectors.groupingBy(t -> List.of(t.unitCode(), t.frameworkCode()), LinkedHashMap::new, Collectors.toList()));
        Set<List<String>> stale = before.values().stream().map(t -> List.of(t.unitCode(), t.frameworkCode())).collect(Collectors.toSet());
        stale.removeAll(byUnit.keySet());
        for (List<String> key : stale) {
            byUnit.put(key, List.of());
        }
        for (Map.Entry<List<String>, List<RankTarget>> e : byUnit.entrySet()) {
            UUID unit = unitId.apply(e.getKey().get(0));
            DtiFramework f = frameworks.computeIfAbsent(e.getKey().get(1), c -> DtiFramework.find("code", c).firstResult());
            List<RankTarget> stored = DtiRank.RankTarget.<DtiRank.RankTarget>list("unit.id = ?1 and framework = ?2", unit, f).stream()
                    .map(BundleExporter::target).sorted(BundleExporter.TARGET_ORDER).toList();
            List<RankTarget> wanted = e.getValue().stream().sorted(BundleExporter.TARGET_ORDER).toList();
            boolean samePlan = DtiRank.RankTarget.count("unit.id = ?1 and framework = ?2 and (plan is null or plan <> ?3)", unit, f, plan) == 0;
            if (!stored.equals(wanted) || !samePlan) {
                List<RankTargetInput> inputs = wanted.stream()
                        .map(t -> new RankTargetInput(t.pillarCode(), t.year(), t.comparator(), t.rank(), t.outOf(), t.wording())).toList();
                wrap("dtiTargets", () -> ranking.replaceTargets(unit, f.id, null, inputs, plan));
            }
        }
        Map<String, RankTarget> after = given.stream().collect(Collectors.toMap(BundleImporter::key, t -> t, (a, b) -> b));
        diff(tally, before, after);
        return tally;
    }

    private Tally importResults(Plan plan, List<RankResult> given, Function<String, UUID> unitId, Map<String, DtiFramework> frameworks) {
        Tally tally = new Tally();
        Map<String, RankResult> before = DtiRank.RankResult.<DtiRank.RankResult>list("plan = ?1", plan).stream()
                .map(BundleExporter::result).collect(Collectors.toMap(BundleImporter::key, r -> r));
        Map<List<Object>, List<RankResult>> byYear = given.stream().collect(
                Collectors.groupingBy(r -> List.of(r.unitCode(), r.frameworkCode(), r.year()), LinkedHashMap::new, Collectors.toList()));
        for (Map.Entry<List<Object>, List<RankResult>> e : byYear.entrySet()) {
            UUID unit = unitId.apply((String) e.getKey().get(0));
            DtiFramework f = frameworks.computeIfAbsent((String) e.getKey().get(1), c -> DtiFramework.find("code", c).firstResult());
            int year = (Integer) e.getKey().get(2);
            List<RankResult> stored = DtiRank.RankResult.<DtiRank.RankResult>list("unit.id = ?1 and framework = ?2 and year = ?3", unit, f, year)
                    .stream().map(BundleExporter::result).sorted(BundleExporter.RESULT_ORDER).toList();
            List<RankResult> wanted = e.getValue().stream()
                    .map(r -> new RankResult(r.unitCode(), r.frameworkCode(), r.pillarCode(), r.year(), strip(r.score()), r.rank(),
                            r.outOf(), r.source()))
                    .sorted(BundleExporter.RESULT_ORDER).toList();
            boolean samePlan = DtiRank.RankResult.count("unit.id = ?1 and framework = ?2 and year = ?3 and (plan is null or plan <> ?4)",
                    unit, f, year, plan) == 0;
            if (!stored.equals(wanted) || !samePlan) {
                List<RankResultInput> inputs = wanted.stream()
                        .map(r -> new RankResultInput(r.pillarCode(), r.score(), r.rank(), r.outOf(), r.source())).toList();
                wrap("dtiResults", () -> ranking.replaceResults(unit, year, f.id, null, null, inputs, plan));
            }
        }
        Map<String, RankResult> after = given.stream().collect(Collectors.toMap(BundleImporter::key, r -> r, (a, b) -> b));
        diff(tally, before, after);
        return tally;
    }

    private static String key(RankTarget t) {
        return t.unitCode() + "/" + t.frameworkCode() + "/" + (t.pillarCode() == null ? "TOTAL" : t.pillarCode()) + "/" + t.year();
    }

    private static String key(RankResult r) {
        return r.unitCode() + "/" + r.frameworkCode() + "/" + (r.pillarCode() == null ? "TOTAL" : r.pillarCode()) + "/" + r.year();
    }

    private static <T> void diff(Tally tally, Map<String, T> before, Map<String, T> after) {
        for (Map.Entry<String, T> e : after.entrySet()) {
            T old = before.get(e.getKey());
            if (old == null) {
                tally.created.add(e.getKey());
            } else if (!normalisedEquals(old, e.getValue())) {
                tally.updated.add(e.getKey());
            } else {
                tally.unchanged++;
            }
        }
        before.keySet().stream().filter(k -> !after.containsKey(k)).sorted().forEach(tally.removed::add);
    }

    private static boolean normalisedEquals(Object a, Object b) {
        if (a instanceof RankResult x && b instanceof RankResult y) {
            return x.equals(new RankResult(y.unitCode(), y.frameworkCode(), y.pillarCode(), y.year(), strip(y.score()),
                    y.rank(), y.outOf(), y.source()));
        }
        return Objects.equals(a, b);
    }

    private static void count(Tally tally, String code, Object before, Object after) {
        if (Objects.equals(before, after)) {
            tally.unchanged++;
        } else {
            tally.updated.add(code);
        }
    }

    private <T> T valid(T input, String at) {
        Set<ConstraintViolation<T>> violations = validator.validate(input);
        if (violations.isEmpty()) {
            return input;
        }
        List<FieldError> errors = violations.stream()
                .map(v -> new FieldError(at + "." + v.getPropertyPath(), "field.invalid", v.getPropertyPath() + ": " + v.getMessage()))
                .sorted((x, y) -> x.field().compareTo(y.field())).toList();
        throw DomainException.invalid("bundle.invalid", "Gói kế hoạch có dữ liệu không hợp lệ ở " + errors.get(0).field() + ".", errors);
    }

    private static <T> T wrap(String at, java.util.function.Supplier<T> step) {
        try {
            return step.get();
        } catch (DomainException e) {
            throw e.under(at);
        }
    }

    private static <T> List<T> list(List<T> maybe) {
        return maybe == null ? List.of() : maybe;
    }
}
