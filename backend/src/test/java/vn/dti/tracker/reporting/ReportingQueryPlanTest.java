package vn.dti.tracker.reporting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.hibernate.SessionFactory;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import vn.dti.tracker.auth.AccessPolicy;
import vn.dti.tracker.plan.Plan;
import vn.dti.tracker.plan.PlanService;

/**
 * The queries behind "what is due" and the consolidated report can be answered from indexes on every
 * table they touch (with sequential scans priced out, the planner still chooses one only where no
 * index serves), and their number does not grow with the number of indicators, units or plans.
 */
@QuarkusTest
class ReportingQueryPlanTest {

    @Inject
    EntityManager em;

    @Inject
    SessionFactory sessions;

    @Inject
    ConsolidationService consolidation;

    List<String> seqScans(String sql, Object... params) {
        return QuarkusTransaction.requiringNew().call(() -> {
            em.createNativeQuery("set local enable_seqscan = off").executeUpdate();
            var q = em.createNativeQuery("explain (format text) " + sql);
            for (int i = 0; i < params.length; i += 2) {
                q.setParameter((String) params[i], params[i + 1]);
            }
            List<String> found = new ArrayList<>();
            for (Object line : q.getResultList()) {
                String text = line.toString();
                if (text.contains("Seq Scan")) {
                    found.add(text.trim());
                }
            }
            return found;
        });
    }

    UUID plan(String code) {
        return QuarkusTransaction.requiringNew().call(() -> PlanService.findByCode(code).id);
    }

    @Test
    void whatIsDueIsServedByIndexes() {
        UUID unit = QuarkusTransaction.requiringNew().call(() -> vn.dti.tracker.orgunit.OrgUnit.findByCode("DNAI.XUANLOC.TTPVHCC").id);
        String sql = AssignmentService.SELECT + " where d.due and a.unit_id = :unit and rp.starts_on <= :today";
        assertEquals(List.of(), seqScans(sql, "unit", unit, "today", java.time.LocalDate.parse("2026-06-30"), "zone", "Asia/Ho_Chi_Minh"));
        String byPlan = AssignmentService.SELECT + " where d.due and a.plan_id = :plan and rp.period_key = :key";
        assertEquals(List.of(), seqScans(byPlan, "plan", plan("XUANLOC-CDS-2026"), "key", "2026-03", "today",
                java.time.LocalDate.parse("2026-06-30"), "zone", "Asia/Ho_Chi_Minh"));
    }

    @Test
    void consolidatedReportRunsAFixedNumberOfQueries() {
        boolean was = sessions.getStatistics().isStatisticsEnabled();
        sessions.getStatistics().setStatisticsEnabled(true);
        try {
            long small = statements(() -> consolidation.consolidated(plan("PHULAM-DTI-2026-2030"), "2026-03"));
            long large = statements(() -> consolidation.consolidated(plan("XUANLOC-CDS-2026"), "2026-03"));
            assertEquals(small, large, "statements for 4 indicators and 19 tasks vs 30 indicators and 25 tasks");
            long oneCommune = statements(() -> consolidation.overview(plan("DNAI-KH154-2026"), "2026-03"));
            assertFalse(oneCommune > small + 12, "the province overview reads all communes set-wise: " + oneCommune);
        } finally {
            sessions.getStatistics().setStatisticsEnabled(was);
        }
    }

    long statements(Runnable work) {
        sessions.getStatistics().clear();
        AccessPolicy.asSystem(() -> {
            work.run();
            return null;
        });
        return sessions.getStatistics().getPrepareStatementCount();
    }
}
