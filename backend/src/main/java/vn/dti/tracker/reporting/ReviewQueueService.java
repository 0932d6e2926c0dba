package vn.dti.tracker.reporting;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;

import vn.dti.tracker.auth.AccessPolicy;
import vn.dti.tracker.common.Page;
import vn.dti.tracker.common.PageRequest;
import vn.dti.tracker.plan.PlanDtos.PlanRef;
import vn.dti.tracker.reporting.ReportingDtos.PeriodRef;
import vn.dti.tracker.reporting.ReportingDtos.ReportView;
import vn.dti.tracker.reporting.ReportingDtos.ReviewQueue;
import vn.dti.tracker.reporting.ReportingDtos.WaitingPeriod;

/**
 * The coordinator's review queue: the reports waiting for review across every period and plan in the caller's scope, the
 * oldest period first, so that a late report of an earlier month is not hidden behind the current one, with how many wait in
 * each period. A read model for one screen; the reports themselves are read as {@link ReportService} lists them.
 */
@ApplicationScoped
public class ReviewQueueService {

    /** The oldest period first, then in the order the reports arrived. */
    static final String ORDER = "p.startsOn asc, r.submittedAt asc, u.code asc, r.id asc";

    public record Filter(UUID planId, String periodKey, UUID unitId, Report.Role role, ReportState state) {
    }

    private final EntityManager em;
    private final AccessPolicy access;
    private final ReportService reports;

    public ReviewQueueService(EntityManager em, AccessPolicy access, ReportService reports) {
        this.em = em;
        this.access = access;
        this.reports = reports;
    }

    @Transactional
    public ReviewQueue queue(Filter f, PageRequest page) {
        ReportState state = f.state() == null ? ReportState.SUBMITTED : f.state();
        Page<ReportView> found = reports.list(new ReportService.Filter(f.planId(), f.periodKey(), f.unitId(), null, null, state, f.role(),
                null), page);
        return new ReviewQueue(found.items(), found.page(), found.size(), found.totalItems(), found.totalPages(), periods(f, state));
    }

    public static PageRequest pageRequest(Integer page, Integer size) {
        return PageRequest.of(page, size, null, Map.of(), ORDER);
    }

    /** Every period holding reports in the state, oldest first, with their number; the period filter left aside. */
    private List<WaitingPeriod> periods(Filter f, ReportState state) {
        AccessPolicy.Clause scope = access.unitScope("u.path", false);
        StringBuilder where = new StringBuilder(" where r.state = :state and ").append(scope.jpql());
        Map<String, Object> params = new HashMap<>(scope.params());
        params.put("state", state);
        if (f.planId() != null) {
            where.append(" and pl.id = :plan");
            params.put("plan", f.planId());
        }
        if (f.unitId() != null) {
            where.append(" and u.id = :unit");
            params.put("unit", f.unitId());
        }
        if (f.role() != null) {
            where.append(" and r.role = :role");
            params.put("role", f.role());
        }
        var query = em.createQuery("select pl.id as planId, pl.code as planCode, pl.documentNumber as documentNumber, pl.title as title,"
                + " p.id as periodId, p.key as periodKey, p.unitDeadline as unitDeadline, p.sentUpAt as sentUpAt, count(r) as n"
                + " from Report r join r.unit u join r.period p join r.plan pl" + where
                + " group by pl.id, pl.code, pl.documentNumber, pl.title, p.id, p.key, p.unitDeadline, p.sentUpAt, p.startsOn"
                + " order by p.startsOn asc, pl.code asc", Tuple.class);
        params.forEach(query::setParameter);
        List<WaitingPeriod> out = new ArrayList<>();
        for (Tuple t : query.getResultList()) {
            out.add(new WaitingPeriod(
                    new PlanRef(t.get("planId", UUID.class), t.get("planCode", String.class), t.get("documentNumber", String.class),
                            t.get("title", String.class)),
                    new PeriodRef(t.get("periodId", UUID.class), t.get("periodKey", String.class),
                            t.get("unitDeadline", java.time.LocalDate.class), t.get("sentUpAt") != null),
                    t.get("n", Long.class)));
        }
        return out;
    }
}
