package vn.dti.tracker.demo;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import vn.dti.tracker.plan.Plan;
import vn.dti.tracker.plan.PlanDtos.LegalBasisInput;
import vn.dti.tracker.plan.PlanDtos.PlanUpdate;
import vn.dti.tracker.plan.PlanDtos.PlanView;
import vn.dti.tracker.plan.PlanDtos.ReportingRegimeInput;
import vn.dti.tracker.plan.PlanSection;
import vn.dti.tracker.plan.PlanService;
import vn.dti.tracker.plan.PlanStatus;
import vn.dti.tracker.plan.SectionKey;

/**
 * Ban hành: the demo's draft plans are issued by their coordinators, so that they are in force. Where the seed
 * leaves the number or the date blank (a draft's "Số: /KH-UBND"), the demo gives its own, and the plan says so in
 * a note section.
 */
@ApplicationScoped
class PlanIssue {

    /** Heading of the note that names the demo's own values. */
    static final String NOTE_HEADING = "Ghi chú về dữ liệu trình diễn";

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    /** The number and date the plan is issued with; {@code ownNumber}/{@code ownDate}: the demo's, not the seed's. */
    record DemoIssue(String documentNumber, LocalDate issueDate, boolean ownNumber, boolean ownDate) {
    }

    private final PlanService plans;

    PlanIssue(PlanService plans) {
        this.plans = plans;
    }

    /**
     * The seed's number and date where it has them; otherwise a number of the demo's own and a date before the
     * plan's first period (a year plan is issued late in the year before), or a fortnight after its parent plan.
     */
    static DemoIssue demoValues(Plan plan) {
        String number = plan.documentNumber;
        boolean ownNumber = number == null || number.isBlank();
        if (ownNumber) {
            number = (60 + Math.floorMod(plan.code.hashCode(), 300)) + "/KH-UBND";
        }
        LocalDate date = plan.issueDate;
        boolean ownDate = date == null;
        if (ownDate) {
            date = plan.parentPlan != null && plan.parentPlan.issueDate != null ? plan.parentPlan.issueDate.plusDays(15)
                    : LocalDate.of(plan.startYear - 1, 12, 26);
        }
        return new DemoIssue(number, date, ownNumber, ownDate);
    }

    @Transactional
    public PlanView issue(UUID planId, DemoIssue values) {
        PlanView p = plans.get(planId);
        List<PlanSection> sections = new ArrayList<>(p.sections());
        if ((values.ownNumber() || values.ownDate()) && sections.stream().noneMatch(s -> NOTE_HEADING.equals(s.heading()))) {
            String which = values.ownNumber() && values.ownDate() ? "Số hiệu " + values.documentNumber() + " và ngày ban hành "
                    + values.issueDate().format(DAY) : values.ownNumber() ? "Số hiệu " + values.documentNumber()
                    : "Ngày ban hành " + values.issueDate().format(DAY);
            sections.add(new PlanSection(SectionKey.OTHER, NOTE_HEADING, which + " là giá trị của bản trình diễn: văn bản gốc"
                    + " (bản dự thảo) để trống. Các nội dung khác giữ nguyên theo văn bản gốc."));
        }
        var regime = p.reportingRegime();
        return plans.update(planId, p.version(), new PlanUpdate(values.documentNumber(), p.issuingUnit().id(), values.issueDate(),
                p.effectiveDate(), p.issuePlace(), p.title(), p.startYear(), p.endYear(), PlanStatus.ISSUED, p.parentPlan() == null ? null : p.parentPlan().id(),
                p.legalBases().stream().map(b -> new LegalBasisInput(b.citation(), b.plan() == null ? null : b.plan().id())).toList(),
                sections, p.signerName(), p.signerTitle(), p.recipients(),
                new ReportingRegimeInput(regime.frequency(), regime.unitReportDay(), regime.consolidationDay(), regime.coordinatorUnit().id(),
                        regime.recipientUnit() == null ? null : regime.recipientUnit().id(), regime.wording(), regime.deadlineShift())));
    }
}
