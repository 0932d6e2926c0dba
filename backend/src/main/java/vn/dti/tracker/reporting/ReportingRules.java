package vn.dti.tracker.reporting;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

import vn.dti.tracker.common.DomainException;
import vn.dti.tracker.plan.Plan;
import vn.dti.tracker.plan.PlanStatus;

/**
 * The rules of the reporting cycle: which periods are due, what is late and by how many days. Every
 * screen, list, reminder, document and export reads them from here; where a list is computed in the
 * database, it calls the SQL form of the same rules (the {@code reporting_*} functions of migration V11),
 * and {@code ReportingRulesSqlTest} checks both forms agree on a table of cases.
 *
 * <ol>
 * <li><b>In force.</b> A plan is in force while it is ISSUED: a DRAFT is not yet, a CLOSED plan no longer.
 * Nothing of a plan that is not in force is due or late, and nobody reports on a draft.</li>
 * <li><b>Takes effect.</b> A plan takes effect on the effective date it states (ngày hiệu lực), else on its
 * issue date.</li>
 * <li><b>Due.</b> A period is due when its plan is in force and the period ends on or after the day the plan
 * takes effect. A plan issued on 7 December makes December due, and none of January to November.</li>
 * <li><b>Overdue (quá hạn).</b> An assignment is overdue when it is the lead unit's (cooperating units
 * contribute, they are not chased), its period is due, its deadline day has ended in Vietnam (today, in
 * Vietnam, is after the deadline), and its report is not currently submitted or accepted: there is none, it is
 * a draft, or it was returned (a returned report past its deadline is overdue until it is sent again).</li>
 * <li><b>Submitted late (gửi muộn).</b> A submitted or accepted report of a due period was sent late when the
 * submission that stands, the latest one (a resubmission after a return replaces the first), came on a day, in
 * Vietnam, after the deadline day. A report not currently submitted is neither on time nor late; it may be
 * overdue.</li>
 * <li><b>Days late.</b> Overdue: today minus the deadline. Submitted late: the day of the submission that stands
 * minus the deadline. Otherwise 0.</li>
 * <li><b>Sent up late.</b> A period's consolidated report is late when its period is due and it was sent up on a
 * day after the consolidation deadline, or is not sent up and today is after that deadline.</li>
 * </ol>
 *
 * What a caller may do with a report, a plan or a period follows these rules, the report's review states and
 * {@link vn.dti.tracker.auth.AccessPolicy}; the services list it as {@code actions} with the code that enforces it.
 */
public final class ReportingRules {

    private ReportingRules() {
    }

    /** The plan is in force: issued, neither a draft nor closed. */
    public static boolean inForce(PlanStatus status) {
        return status != null && status.inForce();
    }

    /** The day the plan takes effect: the date it states, else its issue date; null for a draft without either. */
    public static LocalDate effectiveFrom(LocalDate issueDate, LocalDate effectiveDate) {
        return Plan.effectiveFrom(issueDate, effectiveDate);
    }

    /** {@link #due(PlanStatus, LocalDate, LocalDate, LocalDate)} of a period. */
    public static boolean due(ReportingPeriod period) {
        return due(period.plan.status, period.plan.issueDate, period.plan.effectiveDate, period.endsOn);
    }

    /** The period ending on {@code periodEndsOn} is due: the plan is in force and took effect by the period's end. */
    public static boolean due(PlanStatus status, LocalDate issueDate, LocalDate effectiveDate, LocalDate periodEndsOn) {
        LocalDate from = effectiveFrom(issueDate, effectiveDate);
        return inForce(status) && from != null && !periodEndsOn.isBefore(from);
    }

    /** A report that stands as sent: submitted and waiting for review, or accepted. */
    public static boolean standsSubmitted(ReportState state) {
        return state == ReportState.SUBMITTED || state == ReportState.ACCEPTED;
    }

    /** The deadline day has ended in Vietnam: today is after it. */
    public static boolean deadlinePassed(LocalDate deadline, LocalDate today) {
        return today.isAfter(deadline);
    }

    /** Days from today to the deadline day, in Vietnam: 0 on the day itself, negative once it has passed. */
    public static long daysLeft(LocalDate deadline, LocalDate today) {
        return ChronoUnit.DAYS.between(today, deadline);
    }

    /**
     * The assignment is overdue (quá hạn).
     *
     * @param state the state of the unit's report, or null when it has none
     */
    public static boolean overdue(boolean due, Report.Role role, LocalDate deadline, ReportState state, LocalDate today) {
        return due && role == Report.Role.LEAD && deadlinePassed(deadline, today) && !standsSubmitted(state);
    }

    /** The report was sent late: the submission that stands ({@code submittedAt}, the latest) fell after the deadline day. */
    public static boolean submittedLate(boolean due, ReportState state, Instant submittedAt, LocalDate deadline, ZoneId zone) {
        return due && standsSubmitted(state) && submittedAt != null && submittedAt.atZone(zone).toLocalDate().isAfter(deadline);
    }

    /** Days late: of an overdue assignment until today, of a late submission until the day it was sent; otherwise 0. */
    public static int daysLate(boolean due, Report.Role role, LocalDate deadline, ReportState state, Instant submittedAt, LocalDate today,
            ZoneId zone) {
        if (overdue(due, role, deadline, state, today)) {
            return (int) ChronoUnit.DAYS.between(deadline, today);
        }
        if (submittedLate(due, state, submittedAt, deadline, zone)) {
            return (int) ChronoUnit.DAYS.between(deadline, submittedAt.atZone(zone).toLocalDate());
        }
        return 0;
    }

    /** Whether a submission came in time: null while the report does not stand as sent, else not {@link #submittedLate}. */
    public static Boolean onTime(boolean due, ReportState state, Instant submittedAt, LocalDate deadline, ZoneId zone) {
        return standsSubmitted(state) ? !submittedLate(due, state, submittedAt, deadline, zone) : null;
    }

    /** The period's consolidated report was (or is) sent up late. */
    public static boolean sentUpLate(boolean due, LocalDate consolidationDeadline, Instant sentUpAt, LocalDate today, ZoneId zone) {
        if (!due) {
            return false;
        }
        return sentUpAt != null ? sentUpAt.atZone(zone).toLocalDate().isAfter(consolidationDeadline)
                : deadlinePassed(consolidationDeadline, today);
    }

    // ---- what the state of a report, its period and its plan allow (who may act is AccessPolicy's) ----

    /** Why no report may be started on the plan's item in this period, or null. Nobody reports on a draft or a closed plan. */
    public static DomainException startRefusal(Plan plan, ReportingPeriod period) {
        return startRefusal(plan.status, plan.code, period != null && period.closed(), period == null ? null : period.key);
    }

    /** {@link #startRefusal(Plan, ReportingPeriod)} from the facts it reads. */
    public static DomainException startRefusal(PlanStatus planStatus, String planCode, boolean periodClosed, String periodKey) {
        if (planStatus == PlanStatus.DRAFT) {
            return draftPlan(planCode);
        }
        if (planStatus == PlanStatus.CLOSED) {
            return DomainException.conflict("report.plan-closed", "Kế hoạch '" + planCode + "' đã đóng; không nhận thêm báo cáo.");
        }
        return periodClosed ? closedPeriod(periodKey) : null;
    }

    /**
     * Why the unit may not change the report now (save it, submit it, attach or detach evidence), or null: a submitted report waits
     * for its review, an accepted one for a reopen, a draft of a closed period is too late; a returned one may be corrected even
     * after its period closed, since the coordinator asked for it. Nothing of a draft or a closed plan is changed.
     */
    public static DomainException changeRefusal(Report r) {
        return changeRefusal(r.state, r.period.closed(), r.period.key, r.plan.status, r.plan.code);
    }

    /** {@link #changeRefusal(Report)} from the facts it reads. */
    public static DomainException changeRefusal(ReportState state, boolean periodClosed, String periodKey, PlanStatus planStatus, String planCode) {
        switch (state) {
            case SUBMITTED -> {
                return DomainException.conflict("report.under-review", "Báo cáo đã gửi và đang chờ duyệt; không sửa được cho đến khi được trả lại.");
            }
            case ACCEPTED -> {
                return periodClosed ? DomainException.conflict("report.locked",
                        "Kỳ báo cáo " + ReportingPeriod.label(periodKey) + " đã khóa và báo cáo đã được chấp nhận; chỉ cán bộ điều phối mở lại được (kèm lý do).")
                        : DomainException.conflict("report.already-accepted", "Báo cáo đã được chấp nhận; muốn sửa thì đề nghị cán bộ điều phối mở lại.");
            }
            case DRAFT -> {
                if (periodClosed) {
                    return closedPeriod(periodKey);
                }
            }
            case RETURNED -> {
                // Corrected even after the period closed: the coordinator asked for it.
            }
        }
        if (planStatus == PlanStatus.DRAFT) {
            return draftPlan(planCode);
        }
        if (planStatus == PlanStatus.CLOSED) {
            return DomainException.conflict("report.plan-closed", "Kế hoạch '" + planCode + "' đã đóng; không sửa báo cáo được nữa.");
        }
        return null;
    }

    /** Why a reviewer may not take this decision on a report in this state, or null: accept and return a submitted report, reopen an accepted one. */
    public static DomainException reviewRefusal(ReportState state, ReportAction decision) {
        ReportState wanted = decision == ReportAction.REOPEN ? ReportState.ACCEPTED : ReportState.SUBMITTED;
        if (state == wanted) {
            return null;
        }
        if (decision == ReportAction.REOPEN) {
            return DomainException.conflict("report.not-accepted", "Chỉ mở lại được báo cáo đã được chấp nhận; báo cáo này đang ở trạng thái "
                    + state.vietnamese() + ".");
        }
        return switch (state) {
            case ACCEPTED -> DomainException.conflict("report.already-accepted", "Báo cáo đã được chấp nhận; muốn sửa thì mở lại kèm lý do.");
            case RETURNED -> DomainException.conflict("report.already-returned", "Báo cáo đã được trả lại cho đơn vị; chờ đơn vị gửi lại.");
            default -> DomainException.conflict("report.not-submitted", "Báo cáo chưa được gửi nên chưa "
                    + (decision == ReportAction.ACCEPT ? "chấp nhận" : "trả lại") + " được.");
        };
    }

    /** Why the period's consolidated report may not be sent up, or null: it is sent once, of a plan that is not a draft, with no report waiting for review. */
    public static DomainException sendUpRefusal(ReportingPeriod period, long waitingForReview, ZoneId zone) {
        if (period.plan.status == PlanStatus.DRAFT) {
            return DomainException.conflict("period.plan-draft", "Kế hoạch '" + period.plan.code
                    + "' còn là dự thảo: chưa có kỳ nào phải báo cáo, nên chưa gửi báo cáo tổng hợp được.");
        }
        if (period.closed()) {
            return DomainException.conflict("period.already-sent-up", "Báo cáo tổng hợp " + period.label() + " đã được gửi lúc "
                    + period.sentUpAt.atZoneSameInstant(zone).format(java.time.format.DateTimeFormatter.ofPattern("HH:mm 'ngày' dd/MM/yyyy"))
                    + ".");
        }
        if (waitingForReview > 0) {
            return DomainException.conflict("period.reviews-pending", "Còn " + waitingForReview + " báo cáo đang chờ duyệt trong " + period.label()
                    + ". Hãy chấp nhận hoặc trả lại trước khi gửi báo cáo tổng hợp.");
        }
        return null;
    }

    private static DomainException draftPlan(String planCode) {
        return DomainException.conflict("report.plan-draft", "Kế hoạch '" + planCode
                + "' còn là dự thảo: chưa ban hành thì chưa có gì phải báo cáo. Báo cáo được nhận khi kế hoạch đã ban hành.");
    }

    private static DomainException closedPeriod(String periodKey) {
        return DomainException.conflict("report.period-closed",
                "Kỳ báo cáo " + ReportingPeriod.label(periodKey) + " đã đóng (báo cáo tổng hợp đã gửi); không nhận báo cáo mới hay sửa báo cáo nháp của kỳ này.");
    }

    /** A period's lateness facts at once, as the answers carry them. */
    public record Lateness(boolean due, boolean overdue, Boolean onTime, int daysLate) {
    }

    public static Lateness lateness(boolean due, Report.Role role, LocalDate deadline, ReportState state, Instant submittedAt, LocalDate today,
            ZoneId zone) {
        return new Lateness(due, overdue(due, role, deadline, state, today), onTime(due, state, submittedAt, deadline, zone),
                daysLate(due, role, deadline, state, submittedAt, today, zone));
    }
}
