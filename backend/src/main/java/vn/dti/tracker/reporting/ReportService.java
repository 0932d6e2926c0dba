package vn.dti.tracker.reporting;

import static vn.dti.tracker.common.Values.blankToNull;
import static vn.dti.tracker.common.Values.strip;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.databind.ObjectMapper;

import vn.dti.tracker.auth.AccessPolicy;
import vn.dti.tracker.auth.Visibility;
import vn.dti.tracker.auth.Caller;
import vn.dti.tracker.common.DomainException;
import vn.dti.tracker.common.Entities;
import vn.dti.tracker.common.FieldError;
import vn.dti.tracker.common.Page;
import vn.dti.tracker.common.PageRequest;
import vn.dti.tracker.common.ProductMetrics;
import vn.dti.tracker.common.ProductMetrics.Decision;
import vn.dti.tracker.common.Versions;
import vn.dti.tracker.indicator.Indicator;
import vn.dti.tracker.indicator.Target;
import vn.dti.tracker.indicator.TargetKind;
import vn.dti.tracker.orgunit.OrgUnit;
import vn.dti.tracker.orgunit.OrgUnitDtos.OrgUnitRef;
import vn.dti.tracker.orgunit.OrgUnitService;
import vn.dti.tracker.plan.Plan;
import vn.dti.tracker.plan.PlanDtos.PlanRef;
import vn.dti.tracker.reporting.ReportingDtos.FieldChange;
import vn.dti.tracker.reporting.ReportingDtos.ItemRef;
import vn.dti.tracker.reporting.ReportingDtos.PeriodRef;
import vn.dti.tracker.reporting.ReportingDtos.ReportChange;
import vn.dti.tracker.reporting.ReportingDtos.ReportContent;
import vn.dti.tracker.reporting.ReportingDtos.ReportCreate;
import vn.dti.tracker.reporting.ReportingDtos.ReportView;
import vn.dti.tracker.task.Task;
import vn.dti.tracker.task.TaskEnums;
import vn.dti.tracker.task.TaskUnit;

/**
 * The life of a report: a unit writes it (draft), submits it, a coordinator accepts it or returns it
 * with a comment, the unit resubmits … Once its period is closed an accepted report is locked until a
 * coordinator reopens it with a reason. Every refusal names its own reason.
 */
@ApplicationScoped
public class ReportService {

    static final Map<String, String> SORTABLE = Map.of("period", "p.startsOn", "updatedAt", "r.updatedAt", "submittedAt",
            "r.submittedAt", "state", "r.state", "unit", "u.code");

    public record Filter(UUID planId, String periodKey, UUID unitId, UUID indicatorId, UUID taskId, ReportState state,
            Report.Role role, OffsetDateTime updatedSince) {
    }

    /** Column names of the audit trail as the API names the fields. */
    private static final Map<String, String> FIELD_NAMES = Map.ofEntries(Map.entry("state", "state"),
            Map.entry("value_number", "value.number"), Map.entry("numerator", "value.numerator"),
            Map.entry("denominator", "value.denominator"), Map.entry("met", "value.met"), Map.entry("rank", "value.rank"),
            Map.entry("rank_out_of", "value.rankOutOf"), Map.entry("milestone_text", "value.text"), Map.entry("progress", "progress"),
            Map.entry("achievements", "achievements"), Map.entry("difficulties", "difficulties"), Map.entry("proposals", "proposals"),
            Map.entry("review_comment", "reviewComment"), Map.entry("submitted_at", "submittedAt"),
            Map.entry("first_submitted_at", "firstSubmittedAt"), Map.entry("submitted_by_name", "submittedBy"),
            Map.entry("reviewed_at", "reviewedAt"), Map.entry("reviewed_by_name", "reviewedBy"), Map.entry("reopen_reason", "reopenReason"),
            Map.entry("unit_id", "unitId"), Map.entry("indicator_id", "indicatorId"), Map.entry("task_id", "taskId"),
            Map.entry("period_id", "periodId"), Map.entry("role", "role"), Map.entry("evidence_explanation", "evidenceExplanation"));

    private final EntityManager em;
    private final AccessPolicy access;
    private final Visibility visibility;
    private final OrgUnitService units;
    private final PeriodService periods;
    private final ReportingClock clock;
    private final ObjectMapper json;
    private final Event<ReportReviewed> reviewed;
    private final ProductMetrics metrics;

    public ReportService(EntityManager em, AccessPolicy access, Visibility visibility, OrgUnitService units, PeriodService periods, ReportingClock clock,
            ObjectMapper json, Event<ReportReviewed> reviewed, ProductMetrics metrics) {
        this.reviewed = reviewed;
        this.metrics = metrics;
        this.em = em;
        this.access = access;
        this.visibility = visibility;
        this.units = units;
        this.periods = periods;
        this.clock = clock;
        this.json = json;
    }

    // ---- reading ----

    @Transactional
    public Page<ReportView> list(Filter f, PageRequest page) {
        visibility.requireFilter(Visibility.Kind.PLAN, f.planId());
        visibility.requireFilter(Visibility.Kind.ORG_UNIT, f.unitId());
        visibility.requireFilter(Visibility.Kind.INDICATOR, f.indicatorId());
        visibility.requireFilter(Visibility.Kind.TASK, f.taskId());
        AccessPolicy.Clause scope = access.unitScope("u.path", false);
        StringBuilder where = new StringBuilder(" where ").append(scope.jpql());
        Map<String, Object> params = new HashMap<>(scope.params());
        if (f.planId() != null) {
            where.append(" and r.plan.id = :plan");
            params.put("plan", f.planId());
        }
        if (f.periodKey() != null && !f.periodKey().isBlank()) {
            where.append(" and p.key = :key");
            params.put("key", f.periodKey().trim());
        }
        if (f.unitId() != null) {
            where.append(" and u.id = :unit");
            params.put("unit", f.unitId());
        }
        if (f.indicatorId() != null) {
            where.append(" and r.indicator.id = :indicator");
            params.put("indicator", f.indicatorId());
        }
        if (f.taskId() != null) {
            where.append(" and r.task.id = :task");
            params.put("task", f.taskId());
        }
        if (f.state() != null) {
            where.append(" and r.state = :state");
            params.put("state", f.state());
        }
        if (f.role() != null) {
            where.append(" and r.role = :role");
            params.put("role", f.role());
        }
        if (f.updatedSince() != null) {
            where.append(" and r.updatedAt > :since");
            params.put("since", f.updatedSince());
        }
        var count = em.createQuery("select count(r) from Report r join r.unit u join r.period p" + where, Long.class);
        var list = em.createQuery("select r from Report r join fetch r.unit u join fetch r.period p join fetch r.plan"
                + " left join fetch r.indicator left join fetch r.task" + where + " order by " + page.orderBy(), Report.class);
        params.forEach((k, v) -> {
            count.setParameter(k, v);
            list.setParameter(k, v);
        });
        long total = count.getSingleResult();
        List<Report> found = list.setFirstResult(page.offset()).setMaxResults(page.size()).getResultList();
        Map<UUID, Integer> evidence = evidenceCounts(found.stream().map(r -> r.id).toList());
        List<ReportView> items = found.stream().map(r -> view(r, evidence.getOrDefault(r.id, 0))).toList();
        return Page.of(items, page, total);
    }

    @Transactional
    public ReportView get(UUID id) {
        return view(require(id));
    }

    /** Columns of a piece of evidence that describe the document, as the API names them. */
    private static final Map<String, String> EVIDENCE_FIELDS = Map.of("title", "evidence.title", "doc_number", "evidence.docNumber",
            "doc_date", "evidence.docDate", "issuer", "evidence.issuer", "summary", "evidence.summary");

    /**
     * Every change of the report, oldest first, from the audit trail that no write can skip: its own rows, the evidence
     * attached to it and taken off it, and changes of a document's details while it was attached. Each names the person
     * (their full name; the account's name only where no account is known any more).
     */
    @Transactional
    public List<ReportChange> history(UUID id) {
        Report report = require(id);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select a.occurred_at, coalesce(u.full_name, s.name, a.actor_name), a.action, a.object_type, a.object_id, cast(a.changes as text)
                  from audit_event a
                  left join app_user u on a.actor_kind = 'USER' and u.id = a.actor_id
                  left join service_account s on a.actor_kind = 'SERVICE' and s.id = a.actor_id
                 where a.object_type in ('report', 'report_evidence') and a.object_id = :id
                    or a.object_type = 'evidence' and a.object_id in (select e.changes ->> 'evidence_id' from audit_event e
                                                                       where e.object_type = 'report_evidence' and e.object_id = :id)
                 order by a.occurred_at, a.id""")
                .setParameter("id", report.id.toString()).getResultList();
        List<ReportChange> out = new ArrayList<>();
        Map<String, String> titles = new HashMap<>();
        java.util.Set<String> attached = new java.util.HashSet<>();
        for (Object[] row : rows) {
            OffsetDateTime at = Entities.utc(row[0]);
            String by = (String) row[1];
            String action = (String) row[2];
            String type = (String) row[3];
            Map<String, Object> raw = raw((String) row[5]);
            switch (type) {
                case "report" -> out.add(new ReportChange(at, by, action, changes(action, raw)));
                case "report_evidence" -> {
                    String evidence = String.valueOf(raw.get("evidence_id"));
                    String title = titles.get(evidence);
                    if ("CREATE".equals(action)) {
                        attached.add(evidence);
                        out.add(new ReportChange(at, by, "EVIDENCE_ATTACHED", Map.of("evidence", new FieldChange(null, title))));
                    } else if ("DELETE".equals(action)) {
                        attached.remove(evidence);
                        out.add(new ReportChange(at, by, "EVIDENCE_DETACHED", Map.of("evidence", new FieldChange(title, null))));
                    }
                }
                default -> {
                    String evidence = (String) row[4];
                    if ("CREATE".equals(action)) {
                        titles.put(evidence, (String) raw.get("title"));
                    } else if ("UPDATE".equals(action)) {
                        String before = titles.get(evidence);
                        Map<String, FieldChange> details = new LinkedHashMap<>();
                        raw.forEach((column, v) -> {
                            if (EVIDENCE_FIELDS.containsKey(column) && v instanceof Map<?, ?> m) {
                                details.put(EVIDENCE_FIELDS.get(column), new FieldChange(m.get("from"), m.get("to")));
                                if ("title".equals(column)) {
                                    titles.put(evidence, (String) m.get("to"));
                                }
                            }
                        });
                        if (!details.isEmpty() && attached.contains(evidence)) {
                            Map<String, FieldChange> changes = new LinkedHashMap<>();
                            changes.put("evidence", new FieldChange(before, titles.get(evidence)));
                            changes.putAll(details);
                            out.add(new ReportChange(at, by, "EVIDENCE_UPDATED", changes));
                        }
                    }
                }
            }
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> raw(String text) {
        if (text == null) {
            return Map.of();
        }
        try {
            return json.readValue(text, Map.class);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("unreadable audit entry", e);
        }
    }

    private Map<String, FieldChange> changes(String action, Map<String, Object> raw) {
        Map<String, FieldChange> out = new LinkedHashMap<>();
        raw.forEach((column, v) -> {
            String field = FIELD_NAMES.get(column);
            if (field == null) {
                return;
            }
            if ("UPDATE".equals(action) && v instanceof Map<?, ?> m) {
                out.put(field, new FieldChange(plain(m.get("from")), plain(m.get("to"))));
            } else if (v != null) {
                out.put(field, "DELETE".equals(action) ? new FieldChange(plain(v), null) : new FieldChange(null, plain(v)));
            }
        });
        return out;
    }

    /** Numbers as the API writes them (65, not 65.000000 as the numeric column keeps it). */
    private static Object plain(Object v) {
        return v instanceof Number n && !(v instanceof Boolean) ? strip(new BigDecimal(n.toString())) : v;
    }


    // ---- writing ----

    @Transactional
    public ReportView create(ReportCreate in) {
        if ((in.indicatorId() == null) == (in.taskId() == null)) {
            throw DomainException.invalidField("indicatorId", "report.item-required",
                    "Báo cáo phải nói về đúng một chỉ tiêu (indicatorId) hoặc một nhiệm vụ (taskId).");
        }
        Indicator indicator = null;
        Task task = null;
        Plan plan;
        if (in.indicatorId() != null) {
            indicator = Indicator.findById(in.indicatorId());
            if (indicator == null || !access.readsPlan(indicator.plan)) {
                throw DomainException.invalidField("indicatorId", "indicator.unknown", "Không có chỉ tiêu với mã định danh " + in.indicatorId() + ".");
            }
            plan = indicator.plan;
        } else {
            task = Task.findById(in.taskId());
            if (task == null || !access.readsPlan(task.plan)) {
                throw DomainException.invalidField("taskId", "task.unknown", "Không có nhiệm vụ với mã định danh " + in.taskId() + ".");
            }
            plan = task.plan;
        }
        OrgUnit unit;
        if (in.unitId() != null) {
            unit = units.requireReferenced(in.unitId(), "unitId");
        } else {
            Caller caller = access.caller();
            unit = caller.unitId() == null ? null : OrgUnit.findById(caller.unitId());
            if (unit == null) {
                throw DomainException.invalidField("unitId", "report.unit-required", "Cần chọn đơn vị báo cáo.");
            }
        }
        access.requireReportWriter(unit);
        DomainException refused = ReportingRules.startRefusal(plan, null);
        if (refused != null) {
            throw refused;
        }
        ReportingPeriod period = ReportingPeriod.find("plan = ?1 and key = ?2", plan, in.periodKey().trim()).firstResult();
        if (period == null) {
            throw DomainException.invalidField("periodKey", "report.period-unknown", "Kế hoạch '" + plan.code + "' không có kỳ báo cáo "
                    + ReportingPeriod.label(in.periodKey()) + ". Các kỳ được tính từ chế độ báo cáo của kế hoạch.");
        }
        Report.Role role = indicator != null ? roleOn(indicator, unit) : roleOn(task, unit, period.year);
        if (role == null) {
            String field = indicator != null ? "indicatorId" : "taskId";
            String what = indicator != null ? "chỉ tiêu " + indicator.code : "nhiệm vụ " + task.code + (task.units.stream()
                    .anyMatch(u -> u.unit.id.equals(unit.id)) ? " trong năm " + period.year : "");
            throw DomainException.invalidField(field, "report.not-assigned",
                    "Đơn vị '" + unit.name + "' không được giao chủ trì hay phối hợp " + what + ".");
        }
        refused = ReportingRules.startRefusal(plan, period);
        if (refused != null) {
            throw refused;
        }
        long existing = indicator != null ? Report.count("indicator = ?1 and period = ?2 and unit = ?3", indicator, period, unit)
                : Report.count("task = ?1 and period = ?2 and unit = ?3", task, period, unit);
        if (existing > 0) {
            throw DomainException.conflictField(indicator != null ? "indicatorId" : "taskId", "report.exists",
                    "Đơn vị '" + unit.name + "' đã có báo cáo " + period.label() + " cho mục này; hãy sửa báo cáo đó.");
        }
        Report r = new Report();
        r.id = UUID.randomUUID();
        r.plan = plan;
        r.period = period;
        r.indicator = indicator;
        r.task = task;
        r.unit = unit;
        r.role = role;
        r.state = ReportState.DRAFT;
        apply(r, in);
        r.persist();
        em.flush();
        return view(r);
    }

    @Transactional
    public ReportView update(UUID id, long expectedVersion, ReportContent in) {
        Report r = requireWritable(id);
        Versions.check(expectedVersion, r.version, "báo cáo");
        apply(r, in);
        em.flush();
        return view(r);
    }

    @Transactional
    public ReportView submit(UUID id, long expectedVersion) {
        Report r = requireWritable(id);
        Versions.check(expectedVersion, r.version, "báo cáo");
        List<FieldError> missing = completeness(r);
        if (!missing.isEmpty()) {
            throw DomainException.invalid("report.incomplete", "Báo cáo chưa đủ để gửi: " + missing.get(0).detail(), missing);
        }
        if (r.indicator != null && r.indicator.evidenceRequired && r.evidenceExplanation == null && evidenceCounts(List.of(r.id)).isEmpty()) {
            throw DomainException.invalidField("evidenceExplanation", "report.evidence-required", "Chỉ tiêu " + r.indicator.code
                    + " cần tài liệu kiểm chứng: hãy đính kèm tài liệu, hoặc giải trình vì sao chưa có.");
        }
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.now(), ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        r.state = ReportState.SUBMITTED;
        r.submittedAt = now;
        if (r.firstSubmittedAt == null) {
            r.firstSubmittedAt = now;
        }
        r.submittedByName = access.callerFullName();
        em.flush();
        metrics.reportSubmitted();
        return view(r);
    }

    @Transactional
    public ReportView accept(UUID id, long expectedVersion, String comment) {
        Report r = requireReviewable(id);
        Versions.check(expectedVersion, r.version, "báo cáo");
        requireDecision(r, ReportAction.ACCEPT);
        review(r, ReportState.ACCEPTED, blankToNull(comment), Decision.ACCEPTED);
        return view(r);
    }

    @Transactional
    public ReportView sendBack(UUID id, long expectedVersion, String comment) {
        Report r = requireReviewable(id);
        Versions.check(expectedVersion, r.version, "báo cáo");
        requireDecision(r, ReportAction.RETURN);
        if (blankToNull(comment) == null) {
            throw DomainException.invalidField("comment", "report.comment-required", "Khi trả lại báo cáo, cần ghi rõ lý do để đơn vị sửa.");
        }
        review(r, ReportState.RETURNED, comment.trim(), Decision.RETURNED);
        return view(r);
    }

    /** Mở lại: an accepted report (locked once its period is closed) goes back to its unit, with the reason on record. */
    @Transactional
    public ReportView reopen(UUID id, long expectedVersion, String reason) {
        Report r = requireReviewable(id);
        Versions.check(expectedVersion, r.version, "báo cáo");
        requireDecision(r, ReportAction.REOPEN);
        if (blankToNull(reason) == null) {
            throw DomainException.invalidField("comment", "report.reason-required", "Cần ghi lý do mở lại báo cáo.");
        }
        r.reopenReason = reason.trim();
        review(r, ReportState.RETURNED, reason.trim(), Decision.REOPENED);
        return view(r);
    }

    private void review(Report r, ReportState state, String comment, Decision decision) {
        r.state = state;
        r.reviewComment = comment;
        r.reviewedAt = OffsetDateTime.ofInstant(clock.now(), ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        r.reviewedByName = access.callerFullName();
        em.flush();
        reviewed.fire(new ReportReviewed(r.id, state == ReportState.ACCEPTED, comment));
        metrics.reviewed(decision);
    }

    private static void requireDecision(Report r, ReportAction decision) {
        DomainException refused = ReportingRules.reviewRefusal(r.state, decision);
        if (refused != null) {
            throw refused;
        }
    }

    // ---- rules ----

    /** One the caller may read; any other is answered as missing. */
    public Report require(UUID id) {
        Report r = id == null ? null : Report.findById(id);
        if (r == null || !visibility.sees(Visibility.Kind.REPORT, r.id)) {
            throw DomainException.notFound("report.not-found", "Không tìm thấy báo cáo.");
        }
        return r;
    }

    /** A report the caller may change now: its own unit's, in a state and period that allow it. */
    public Report requireWritable(UUID id) {
        Report r = require(id);
        access.requireReportWriter(r.unit);
        DomainException refused = ReportingRules.changeRefusal(r);
        if (refused != null) {
            throw refused;
        }
        return r;
    }

    /**
     * A writable report still at the version the caller read, held until the transaction ends: a change
     * kept beside the report (its evidence) is refused once the report moved on (saved, submitted,
     * returned), and a submit waits for it rather than slipping between the check and the change.
     */
    public Report requireWritableAt(UUID id, long expectedVersion) {
        Report r = require(id);
        em.refresh(r, LockModeType.PESSIMISTIC_WRITE);
        requireWritable(id);
        Versions.check(expectedVersion, r.version, "báo cáo");
        return r;
    }

    /**
     * Evidence was attached to or taken off the report: that changes the report (what it cites, its evidence count), so its
     * version and update time move on, and a copy read before no longer passes for current.
     */
    public void evidenceChanged(Report r) {
        r.updatedAt = Entities.now();
        em.flush();
    }

    private Report requireReviewable(UUID id) {
        Report r = require(id);
        access.requireReviewer(r.plan);
        return r;
    }

    static Report.Role roleOn(Indicator indicator, OrgUnit unit) {
        if (indicator.leadUnit.id.equals(unit.id)) {
            return Report.Role.LEAD;
        }
        return indicator.cooperatingUnits.stream().anyMatch(u -> u.id.equals(unit.id)) ? Report.Role.COOPERATING : null;
    }

    static Report.Role roleOn(Task task, OrgUnit unit, int year) {
        boolean inTimeframe = task.timeframeKind == TaskEnums.TimeframeKind.ONGOING
                || year >= task.timeframeStartYear && year <= task.timeframeEndYear;
        if (!inTimeframe) {
            return null;
        }
        for (TaskUnit tu : task.units) {
            if (tu.unit.id.equals(unit.id)) {
                return tu.role == TaskEnums.UnitRole.LEAD ? Report.Role.LEAD : Report.Role.COOPERATING;
            }
        }
        return null;
    }

    /** The target that decides the value's shape: the period's year, else the indicator's first. */
    static Target targetFor(Indicator indicator, int year) {
        Target first = null;
        for (Target t : indicator.targets) {
            if (t.year == year) {
                return t;
            }
            if (first == null) {
                first = t;
            }
        }
        return first;
    }

    private void apply(Report r, ReportContent in) {
        ReportValue v = in.value() == null ? ReportValue.EMPTY : in.value();
        List<FieldError> errors = r.indicator != null ? shape(r.indicator, r.period.year, v) : taskShape(v);
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors.get(0).code(), "Giá trị báo cáo chưa hợp lệ: " + errors.get(0).detail(), errors);
        }
        if (r.indicator != null && in.progress() != null) {
            throw DomainException.invalidField("progress", "report.progress-not-allowed", "Tiến độ chỉ dùng cho báo cáo nhiệm vụ.");
        }
        r.valueNumber = strip(v.number());
        r.numerator = strip(v.numerator());
        r.denominator = strip(v.denominator());
        r.met = v.met();
        r.rank = v.rank();
        r.rankOutOf = v.rankOutOf();
        r.milestoneText = blankToNull(v.text());
        r.progress = in.progress();
        r.achievements = blankToNull(in.achievements());
        r.difficulties = blankToNull(in.difficulties());
        r.proposals = blankToNull(in.proposals());
        r.evidenceExplanation = blankToNull(in.evidenceExplanation());
    }

    /** A value must have the indicator's shape; a draft may leave it out, a submission of the lead unit may not. */
    static List<FieldError> shape(Indicator indicator, int year, ReportValue v) {
        List<FieldError> errors = new ArrayList<>();
        Target target = targetFor(indicator, year);
        TargetKind kind = target == null ? TargetKind.NUMBER : target.kind;
        boolean fraction = indicator.capturedAsFraction;
        for (var n : List.of(Map.entry("value.number", nz(v.number())), Map.entry("value.numerator", nz(v.numerator())))) {
            if (n.getValue().signum() < 0) {
                errors.add(new FieldError(n.getKey(), "report.value-negative", "Giá trị không được âm."));
            }
        }
        if (v.denominator() != null && v.denominator().signum() == 0) {
            errors.add(new FieldError("value.denominator", "report.denominator-zero", "Mẫu số phải lớn hơn 0."));
        } else if (v.denominator() != null && v.denominator().signum() < 0) {
            errors.add(new FieldError("value.denominator", "report.value-negative", "Mẫu số không được âm."));
        }
        switch (kind) {
            case PERCENT, RATIO, COUNT, NUMBER -> {
                if (fraction) {
                    notAllowed(errors, "value.number", v.number(), "Chỉ tiêu này báo cáo bằng tử số và mẫu số, không nhập số trực tiếp.");
                    if ((v.numerator() == null) != (v.denominator() == null)) {
                        errors.add(new FieldError(v.numerator() == null ? "value.numerator" : "value.denominator", "report.fraction-incomplete",
                                "Cần cả tử số và mẫu số."));
                    } else if (kind == TargetKind.PERCENT && v.numerator() != null && v.denominator().signum() > 0
                            && v.numerator().compareTo(v.denominator()) > 0) {
                        errors.add(new FieldError("value.numerator", "report.numerator-exceeds-denominator",
                                "Tử số (" + strip(v.numerator()) + ") lớn hơn mẫu số (" + strip(v.denominator()) + "): tỷ lệ vượt 100%."));
                    }
                } else {
                    notAllowed(errors, "value.numerator", v.numerator(), "Chỉ tiêu này báo cáo bằng một số, không dùng tử số.");
                    notAllowed(errors, "value.denominator", v.denominator(), "Chỉ tiêu này báo cáo bằng một số, không dùng mẫu số.");
                    if (kind == TargetKind.COUNT && v.number() != null && strip(v.number()).scale() > 0) {
                        errors.add(new FieldError("value.number", "report.count-not-whole", "Số lượng phải là số nguyên."));
                    }
                    if (kind == TargetKind.PERCENT && v.number() != null && v.number().compareTo(BigDecimal.valueOf(100)) > 0) {
                        errors.add(new FieldError("value.number", "report.percent-over-100", "Tỷ lệ phần trăm không vượt quá 100."));
                    }
                }
                notAllowed(errors, "value.met", v.met(), "Chỉ tiêu dạng số không dùng đạt/không đạt.");
                notAllowed(errors, "value.rank", v.rank(), "Chỉ tiêu dạng số không dùng thứ hạng.");
                notAllowed(errors, "value.rankOutOf", v.rankOutOf(), "Chỉ tiêu dạng số không dùng thứ hạng.");
            }
            case PASS_FAIL, MILESTONE -> {
                String words = kind == TargetKind.PASS_FAIL ? "Chỉ tiêu đạt/không đạt" : "Chỉ tiêu dạng mốc";
                notAllowed(errors, "value.number", v.number(), words + " không nhập số; chọn đạt hoặc chưa đạt.");
                notAllowed(errors, "value.numerator", v.numerator(), words + " không dùng tử số.");
                notAllowed(errors, "value.denominator", v.denominator(), words + " không dùng mẫu số.");
                notAllowed(errors, "value.rank", v.rank(), words + " không dùng thứ hạng.");
                notAllowed(errors, "value.rankOutOf", v.rankOutOf(), words + " không dùng thứ hạng.");
            }
            case RANK, LEADING_GROUP -> {
                notAllowed(errors, "value.number", v.number(), "Chỉ tiêu xếp hạng báo cáo bằng thứ hạng (rank).");
                notAllowed(errors, "value.numerator", v.numerator(), "Chỉ tiêu xếp hạng không dùng tử số.");
                notAllowed(errors, "value.denominator", v.denominator(), "Chỉ tiêu xếp hạng không dùng mẫu số.");
                notAllowed(errors, "value.met", v.met(), "Chỉ tiêu xếp hạng báo cáo bằng thứ hạng, không dùng đạt/không đạt.");
                if (v.rank() != null && v.rank() < 1) {
                    errors.add(new FieldError("value.rank", "report.rank-invalid", "Thứ hạng là số nguyên từ 1 trở lên."));
                }
                if (v.rankOutOf() != null && (v.rankOutOf() < 1 || v.rank() != null && v.rank() > v.rankOutOf())) {
                    errors.add(new FieldError("value.rankOutOf", "report.rank-beyond-out-of", "Thứ hạng không được lớn hơn tổng số được xếp hạng."));
                }
            }
        }
        return errors;
    }

    private static List<FieldError> taskShape(ReportValue v) {
        List<FieldError> errors = new ArrayList<>();
        if (!v.isEmpty()) {
            errors.add(new FieldError("value", "report.value-shape", "Báo cáo nhiệm vụ không có giá trị chỉ tiêu; hãy báo cáo tiến độ và kết quả."));
        }
        return errors;
    }

    /** What a report must carry to be submitted. */
    static List<FieldError> completeness(Report r) {
        List<FieldError> missing = new ArrayList<>();
        ReportValue v = r.value();
        if (r.task != null) {
            if (r.progress == null) {
                missing.add(new FieldError("progress", "report.progress-required", "Cần cho biết tiến độ thực hiện nhiệm vụ."));
            }
            if (r.achievements == null) {
                missing.add(new FieldError("achievements", "report.achievements-required", "Cần nêu kết quả thực hiện."));
            }
            return missing;
        }
        if (r.role == Report.Role.COOPERATING) {
            if (v.isEmpty() && r.achievements == null) {
                missing.add(new FieldError("achievements", "report.contribution-empty", "Cần nêu phần đóng góp (kết quả hoặc giá trị)."));
            }
            return missing;
        }
        Target target = targetFor(r.indicator, r.period.year);
        TargetKind kind = target == null ? TargetKind.NUMBER : target.kind;
        switch (kind) {
            case PASS_FAIL, MILESTONE -> {
                if (v.met() == null) {
                    missing.add(new FieldError("value.met", "report.value-required", "Cần cho biết đạt hay chưa đạt."));
                }
            }
            case RANK, LEADING_GROUP -> {
                if (v.rank() == null) {
                    missing.add(new FieldError("value.rank", "report.value-required", "Cần nhập thứ hạng đạt được."));
                }
            }
            default -> {
                if (r.indicator.capturedAsFraction ? v.numerator() == null : v.number() == null) {
                    missing.add(new FieldError(r.indicator.capturedAsFraction ? "value.numerator" : "value.number", "report.value-required",
                            "Cần nhập giá trị đạt được."));
                }
            }
        }
        return missing;
    }

    private static void notAllowed(List<FieldError> errors, String field, Object value, String detail) {
        if (value != null) {
            errors.add(new FieldError(field, "report.value-shape", detail));
        }
    }

    private static BigDecimal nz(BigDecimal n) {
        return n == null ? BigDecimal.ZERO : n;
    }

    // ---- read shape ----

    /** Pieces of evidence attached to each report, for reports that have any; one query. */
    Map<UUID, Integer> evidenceCounts(List<UUID> reportIds) {
        Map<UUID, Integer> out = new HashMap<>();
        if (reportIds.isEmpty()) {
            return out;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select report_id, count(*) from report_evidence where report_id in (:ids) group by report_id")
                .setParameter("ids", reportIds).getResultList();
        rows.forEach(row -> out.put((UUID) row[0], ((Number) row[1]).intValue()));
        return out;
    }

    ReportView view(Report r) {
        return view(r, evidenceCounts(List.of(r.id)).getOrDefault(r.id, 0));
    }

    ReportView view(Report r, int evidenceCount) {
        ReportingPeriod p = r.period;
        ReportingRules.Lateness late = ReportingRules.lateness(ReportingRules.due(p), r.role, p.unitDeadline, r.state,
                r.submittedAt == null ? null : r.submittedAt.toInstant(), clock.today(), clock.zone());
        return new ReportView(r.id, PlanRef.of(r.plan), PeriodRef.of(p), item(r), OrgUnitRef.of(r.unit), r.role, r.state, r.value(),
                r.progress, r.achievements, r.difficulties, r.proposals, r.reviewComment, r.firstSubmittedAt, r.submittedAt,
                r.submittedByName, r.reviewedAt, r.reviewedByName, r.reopenReason, late.onTime(), late.daysLate(),
                ReportingRules.daysLeft(p.unitDeadline, clock.today()), r.state == ReportState.ACCEPTED && p.closed(), evidenceCount, r.indicator != null && r.indicator.evidenceRequired,
                r.evidenceExplanation, r.version, r.createdAt, r.updatedAt, late.due(), late.overdue(), actions(r));
    }

    /**
     * What the caller may do with the report now, decided by the rules that refuse the calls: the unit's own people change it
     * ({@link AccessPolicy#writesReportsOf}) while {@link ReportingRules#changeRefusal} has no objection; the plan's coordinators
     * review it ({@link AccessPolicy#reviews}) as {@link ReportingRules#reviewRefusal} allows.
     */
    List<ReportAction> actions(Report r) {
        List<ReportAction> out = new ArrayList<>();
        if (access.caller().kind() != Caller.Kind.SYSTEM && access.writesReportsOf(r.unit.id) && ReportingRules.changeRefusal(r) == null) {
            out.addAll(List.of(ReportAction.EDIT, ReportAction.SUBMIT, ReportAction.ATTACH_EVIDENCE, ReportAction.DETACH_EVIDENCE));
        }
        if (access.reviews(r.plan)) {
            for (ReportAction decision : List.of(ReportAction.ACCEPT, ReportAction.RETURN, ReportAction.REOPEN)) {
                if (ReportingRules.reviewRefusal(r.state, decision) == null) {
                    out.add(decision);
                }
            }
        }
        return out;
    }

    static ItemRef item(Report r) {
        return r.indicator != null ? new ItemRef("INDICATOR", r.indicator.id, r.indicator.code, r.indicator.content)
                : new ItemRef("TASK", r.task.id, r.task.code, r.task.description);
    }
}
