package vn.dti.tracker.reporting;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import vn.dti.tracker.auth.AccessPolicy;
import vn.dti.tracker.auth.Caller;
import vn.dti.tracker.common.DomainException;
import vn.dti.tracker.common.Versions;
import vn.dti.tracker.plan.Plan;
import vn.dti.tracker.plan.PlanSaved;
import vn.dti.tracker.plan.PlanService;
import vn.dti.tracker.reporting.ReportingDtos.PeriodView;

/** A plan's periods follow its regime; the coordinator closes one by sending the consolidated report up. */
@ApplicationScoped
public class PeriodService {

    private final EntityManager em;
    private final PlanService plans;
    private final AccessPolicy access;
    private final ReportingClock clock;
    private final Set<java.time.LocalDate> holidays;

    public PeriodService(EntityManager em, PlanService plans, AccessPolicy access, ReportingClock clock, ReportingSettings settings) {
        this.em = em;
        this.plans = plans;
        this.access = access;
        this.clock = clock;
        this.holidays = Set.copyOf(settings.holidays().orElse(List.of()));
    }

    /** Same transaction as the plan's change: a regime that would orphan reports is refused with it. */
    void onPlanSaved(@Observes PlanSaved event) {
        sync(event.plan());
    }

    /**
     * Holidays are configuration: deadlines are re-derived at every start, so a new holiday list applies at once.
     * One transaction per plan, so that the work and the memory stay the same for every plan whatever their number.
     */
    void onStart(@Observes StartupEvent event) {
        List<UUID> ids = QuarkusTransaction.requiringNew().call(() -> em.createQuery("select p.id from Plan p", UUID.class).getResultList());
        for (UUID id : ids) {
            QuarkusTransaction.requiringNew().run(() -> AccessPolicy.asSystem(() -> {
                Plan plan = Plan.findById(id);
                if (plan != null) {
                    sync(plan);
                }
                return null;
            }));
        }
    }

    void sync(Plan plan) {
        List<PeriodCalendar.Spec> specs = PeriodCalendar.periods(plan.reportFrequency, plan.startYear, plan.endYear, plan.unitReportDay,
                plan.consolidationDay == null ? null : plan.consolidationDay.intValue(), plan.deadlineShift, holidays);
        Map<String, ReportingPeriod> existing = new HashMap<>();
        ReportingPeriod.<ReportingPeriod>list("plan", plan).forEach(p -> existing.put(p.key, p));
        Set<String> wanted = new HashSet<>();
        for (PeriodCalendar.Spec s : specs) {
            wanted.add(s.key());
            ReportingPeriod p = existing.get(s.key());
            if (p == null) {
                p = new ReportingPeriod();
                p.id = UUID.randomUUID();
                p.plan = plan;
                p.key = s.key();
            }
            // Only a real change is written, so that an unchanged plan leaves its periods' versions alone.
            if (p.kind != s.kind() || p.year != s.year() || p.seq != s.seq() || !s.startsOn().equals(p.startsOn)
                    || !s.endsOn().equals(p.endsOn) || !s.unitDeadline().equals(p.unitDeadline)
                    || !s.consolidationDeadline().equals(p.consolidationDeadline)) {
                p.kind = s.kind();
                p.year = s.year();
                p.seq = s.seq();
                p.startsOn = s.startsOn();
                p.endsOn = s.endsOn();
                p.unitDeadline = s.unitDeadline();
                p.consolidationDeadline = s.consolidationDeadline();
                if (!p.isPersistent()) {
                    p.persist();
                }
            }
        }
        for (ReportingPeriod p : existing.values()) {
            if (!wanted.contains(p.key)) {
                long reports = Report.count("period", p);
                if (reports > 0) {
                    throw DomainException.conflictField("reportingRegime", "plan.periods-in-use",
                            "Kỳ báo cáo " + p.label() + " đã có " + reports + " báo cáo của đơn vị; không đổi được tần suất hoặc thời gian"
                                    + " của kế hoạch theo cách bỏ kỳ đó.");
                }
                p.delete();
            }
        }
        em.flush();
    }

    @Transactional
    public List<PeriodView> list(UUID planId, Integer year) {
        Plan plan = plans.require(planId);
        String query = "plan = ?1" + (year == null ? "" : " and year = ?2") + " order by startsOn";
        List<ReportingPeriod> periods = year == null ? ReportingPeriod.list(query, plan) : ReportingPeriod.list(query, plan, year);
        Map<UUID, Long> waiting = new HashMap<>();
        if (access.manages(plan.issuingUnit.path) && !periods.isEmpty()) {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("select period_id, count(*) from report where plan_id = :plan and state = 'SUBMITTED'"
                    + " group by period_id").setParameter("plan", plan.id).getResultList();
            rows.forEach(r -> waiting.put((UUID) r[0], ((Number) r[1]).longValue()));
        }
        return periods.stream().map(p -> view(p, waiting.getOrDefault(p.id, 0L))).toList();
    }

    @Transactional
    public PeriodView get(UUID planId, String key) {
        return view(require(plans.require(planId), key));
    }

    /**
     * Gửi báo cáo tổng hợp: the coordinator sends the period's consolidated report up, which closes the period.
     * Reports still waiting for review must be accepted or returned first.
     */
    @Transactional
    public PeriodView sendUp(UUID planId, String key, long expectedVersion, String note) {
        Plan plan = plans.require(planId);
        ReportingPeriod period = require(plan, key);
        if (!access.manages(plan.issuingUnit.path)) {
            throw DomainException.forbidden("access.review-denied",
                    "Chỉ cán bộ điều phối của " + plan.issuingUnit.name + " mới gửi báo cáo tổng hợp của kế hoạch này.");
        }
        Versions.check(expectedVersion, period.version, "kỳ báo cáo");
        DomainException refused = ReportingRules.sendUpRefusal(period, waitingForReview(period), clock.zone());
        if (refused != null) {
            throw refused;
        }
        Caller caller = access.caller();
        period.sentUpAt = OffsetDateTime.ofInstant(clock.now(), ZoneOffset.UTC);
        period.sentUpBy = caller.kind() == Caller.Kind.USER ? caller.id() : null;
        period.sentUpByName = access.callerFullName();
        period.sentUpNote = vn.dti.tracker.common.Values.blankToNull(note);
        em.flush();
        return view(period);
    }

    /** A period of the plan by its key; a key the plan does not have is answered as missing. */
    public ReportingPeriod require(Plan plan, String key) {
        ReportingPeriod period = key == null ? null : ReportingPeriod.find("plan = ?1 and key = ?2", plan, key).firstResult();
        if (period == null) {
            throw DomainException.notFound("period.not-found", "Kế hoạch không có kỳ báo cáo " + ReportingPeriod.label(key) + ".");
        }
        return period;
    }

    private long waitingForReview(ReportingPeriod period) {
        return Report.count("period = ?1 and state = ?2", period, ReportState.SUBMITTED);
    }

    PeriodView view(ReportingPeriod p) {
        return view(p, access.manages(p.plan.issuingUnit.path) ? waitingForReview(p) : 0);
    }

    /** The period with its due-ness and lateness by {@link ReportingRules}, and SEND_UP when the call would pass. */
    PeriodView view(ReportingPeriod p, long waitingForReview) {
        boolean due = ReportingRules.due(p);
        boolean late = ReportingRules.sentUpLate(due, p.consolidationDeadline, p.sentUpAt == null ? null : p.sentUpAt.toInstant(), clock.today(),
                clock.zone());
        List<PeriodAction> actions = access.manages(p.plan.issuingUnit.path)
                && ReportingRules.sendUpRefusal(p, waitingForReview, clock.zone()) == null ? List.of(PeriodAction.SEND_UP) : List.of();
        return new PeriodView(p.id, p.plan.id, p.key, p.kind, p.year, p.seq, p.startsOn, p.endsOn, p.unitDeadline, p.consolidationDeadline,
                p.closed(), p.sentUpAt, p.sentUpByName, p.sentUpNote, p.version, due, late, actions);
    }
}
