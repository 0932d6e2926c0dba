package vn.dti.tracker.reporting;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import vn.dti.tracker.plan.PlanStatus;

/**
 * The SQL form of the reporting rules (the reporting_* functions of migration V11, which the lists computed in the database
 * call) gives the same answer as {@link ReportingRules} on every case of a table that crosses each input's edges.
 */
@QuarkusTest
class ReportingRulesSqlTest {

    static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");

    @Inject
    EntityManager em;

    static Instant vn(int month, int day, int hour, int minute) {
        return ZonedDateTime.of(2026, month, day, hour, minute, 0, 0, VN).toInstant();
    }

    @Test
    void dueAgreesOnEveryCase() {
        List<LocalDate> dates = Arrays.asList(null, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 3, 31), LocalDate.of(2026, 12, 7));
        List<LocalDate> ends = List.of(LocalDate.of(2026, 1, 31), LocalDate.of(2026, 3, 31), LocalDate.of(2026, 11, 30), LocalDate.of(2026, 12, 31));
        int cases = 0;
        for (PlanStatus status : PlanStatus.values()) {
            for (LocalDate issue : dates) {
                for (LocalDate effective : dates) {
                    for (LocalDate end : ends) {
                        boolean java = ReportingRules.due(status, issue, effective, end);
                        boolean sql = QuarkusTransaction.requiringNew().call(() -> (Boolean) em.createNativeQuery(
                                "select reporting_period_due(cast(:s as varchar), cast(:i as date), cast(:e as date), cast(:end as date))")
                                .setParameter("s", status.name()).setParameter("i", issue).setParameter("e", effective).setParameter("end", end)
                                .getSingleResult());
                        assertEquals(java, sql, status + " issued " + issue + " effective " + effective + " period ending " + end);
                        cases++;
                    }
                }
            }
        }
        assertEquals(192, cases);
    }

    @Test
    void latenessAgreesOnEveryCase() {
        LocalDate deadline = LocalDate.of(2026, 3, 20);
        List<Instant> submissions = Arrays.asList(null, vn(3, 20, 23, 59), vn(3, 21, 0, 0), vn(3, 25, 10, 0));
        List<LocalDate> days = List.of(LocalDate.of(2026, 3, 20), LocalDate.of(2026, 3, 21), LocalDate.of(2026, 4, 1));
        List<ReportState> states = new ArrayList<>(Arrays.asList(ReportState.values()));
        states.add(null);
        int cases = 0;
        for (boolean due : List.of(true, false)) {
            for (Report.Role role : Report.Role.values()) {
                for (ReportState state : states) {
                    for (Instant at : submissions) {
                        for (LocalDate today : days) {
                            Tuple sql = QuarkusTransaction.requiringNew().call(() -> (Tuple) em.createNativeQuery("""
                                    select reporting_overdue(:due, cast(:role as varchar), cast(:deadline as date), cast(:state as varchar),
                                                             cast(:today as date)) as overdue,
                                           reporting_submitted_late(:due, cast(:state as varchar), cast(:at as timestamptz), cast(:deadline as date),
                                                                    cast(:zone as text)) as late,
                                           reporting_days_late(:due, cast(:role as varchar), cast(:deadline as date), cast(:state as varchar),
                                                               cast(:at as timestamptz), cast(:today as date), cast(:zone as text)) as days,
                                           reporting_stands_submitted(cast(:state as varchar)) as stands""", Tuple.class)
                                    .setParameter("due", due).setParameter("role", role.name()).setParameter("deadline", deadline)
                                    .setParameter("state", state == null ? null : state.name())
                                    .setParameter("at", at == null ? null : OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                                    .setParameter("today", today).setParameter("zone", VN.getId()).getSingleResult());
                            String c = "due " + due + ", " + role + ", " + state + ", sent " + at + ", today " + today;
                            assertEquals(ReportingRules.overdue(due, role, deadline, state, today), sql.get("overdue"), c);
                            assertEquals(ReportingRules.submittedLate(due, state, at, deadline, VN), sql.get("late"), c);
                            assertEquals(ReportingRules.daysLate(due, role, deadline, state, at, today, VN), ((Number) sql.get("days")).intValue(), c);
                            assertEquals(ReportingRules.standsSubmitted(state), sql.get("stands"), c);
                            cases++;
                        }
                    }
                }
            }
        }
        assertEquals(240, cases);
    }
}
