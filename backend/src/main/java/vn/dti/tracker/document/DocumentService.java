package vn.dti.tracker.document;

import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import vn.dti.tracker.bundle.BundleExporter;
import vn.dti.tracker.bundle.PlanBundle;
import vn.dti.tracker.document.DocumentDtos.AppendixPart;
import vn.dti.tracker.plan.GroupKind;
import vn.dti.tracker.plan.Plan;
import vn.dti.tracker.plan.PlanDtos.GroupView;
import vn.dti.tracker.plan.PlanService;
import vn.dti.tracker.reporting.ConsolidationService;
import vn.dti.tracker.reporting.ReportingClock;
import vn.dti.tracker.reporting.ReportingDtos.ConsolidatedReport;
import vn.dti.tracker.reporting.ReportingDtos.ProvinceOverview;

/**
 * What the documents are made of, read in one transaction under the same access rules as the API: the
 * consolidated report from the service that serves it as JSON, a plan's appendix from the plan-bundle export.
 * The files themselves are written afterwards, outside the transaction.
 */
@ApplicationScoped
public class DocumentService {

    private final ConsolidationService consolidation;
    private final PlanService plans;
    private final BundleExporter exporter;
    private final ReportingClock clock;

    public DocumentService(ConsolidationService consolidation, PlanService plans, BundleExporter exporter, ReportingClock clock) {
        this.consolidation = consolidation;
        this.plans = plans;
        this.exporter = exporter;
        this.clock = clock;
    }

    /** The consolidated report of a plan's period, and its layout as an official document. */
    record Report(ConsolidatedReport report, OfficialReport document, Map<String, String> groupNames, ProvinceOverview overview) {
    }

    /** A plan's appendix as the bundle export gives it, with the years of its target columns. */
    record Appendix(PlanBundle bundle, String title, int startYear, int endYear, String fileName) {
    }

    @Transactional
    public Report report(UUID planId, String periodKey) {
        ConsolidatedReport report = consolidation.consolidated(planId, periodKey);
        Plan plan = plans.require(planId);
        Map<String, String> groups = plans.groups(planId, GroupKind.INDICATOR).stream()
                .collect(Collectors.toMap(GroupView::code, GroupView::name, (a, b) -> a));
        // A plan others carry out (a province's) reports on them too: its indicators summed from theirs, and who sent theirs;
        // only for a reader who sees all of them (a commune reading its province's plan would get its own share as the total).
        long carriedOutBy = Plan.count("parentPlan.id", planId);
        ProvinceOverview overview = carriedOutBy > 0 ? consolidation.overview(planId, periodKey) : null;
        if (overview != null && overview.plans().size() < carriedOutBy) {
            overview = null;
        }
        OfficialReport document = OfficialReport.of(report, plans.view(plan), groups, plan.issuingUnit.kind, clock.today(), clock.zone(),
                overview);
        return new Report(report, document, groups, overview);
    }

    @Transactional
    public Appendix appendix(UUID planId, AppendixPart part) {
        Plan plan = plans.require(planId);
        PlanBundle bundle = exporter.export(planId);
        String what = part == AppendixPart.INDICATORS ? "Phụ lục chỉ tiêu" : "Phụ lục nhiệm vụ";
        return new Appendix(bundle, what + " — " + plan.title, plan.startYear, plan.endYear, what + " " + plan.code + ".xlsx");
    }
}
