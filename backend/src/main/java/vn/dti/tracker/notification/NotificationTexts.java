package vn.dti.tracker.notification;

import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import vn.dti.tracker.reporting.ReportingPeriod;

/**
 * The words of reminders and review notices, as people read them in the bell and in their e-mail: periods as they name
 * them ("tháng 4/2026", "quý II/2026"), plans by their document number, dates as dd/MM/yyyy. Never a period key, a code of
 * the system or an enum name.
 */
final class NotificationTexts {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final Locale VIETNAMESE = Locale.forLanguageTag("vi-VN");

    private NotificationTexts() {
    }

    /** A title and the body beneath it (the e-mail's subject and text). */
    record Text(String title, String body) {
    }

    /** What a unit still owes in a period of a plan, and by when. */
    record Owed(String unitName, long items, String periodKey, LocalDate deadline, String planNumber, String planTitle) {

        String period() {
            return "báo cáo " + ReportingPeriod.label(periodKey);
        }

        String plan() {
            return NotificationTexts.plan(planNumber, planTitle);
        }

        String count() {
            return NumberFormat.getIntegerInstance(VIETNAMESE).format(items) + " mục";
        }

        String deadlineText() {
            return DATE.format(deadline);
        }
    }

    /** Before the deadline, to the unit's people. */
    static Text deadlineSoon(Owed o) {
        return new Text("Sắp đến hạn " + o.period(), "Đơn vị " + o.unitName() + " còn " + o.count() + " chưa gửi trong " + o.period()
                + " theo " + o.plan() + ". Hạn gửi: " + o.deadlineText() + ".");
    }

    /** Once the deadline has passed, to the unit's people. */
    static Text deadlinePassed(Owed o) {
        return new Text("Đã quá hạn " + o.period(), "Đơn vị " + o.unitName() + " chưa gửi " + o.count() + " trong " + o.period() + " theo "
                + o.plan() + "; hạn là " + o.deadlineText() + ". Hãy gửi ngay.");
    }

    /** Once the deadline has passed, to the coordinators of the plan. */
    static Text unitLate(Owed o) {
        return new Text("Đơn vị chậm báo cáo: " + o.unitName(), o.unitName() + " chưa gửi " + o.count() + " trong " + o.period() + " theo "
                + o.plan() + ", hạn " + o.deadlineText() + ".");
    }

    /** A report was accepted or returned, to its unit's people; a returned one with the reviewer's comment. */
    static Text reviewed(boolean accepted, String itemCode, String periodKey, String comment) {
        String period = ReportingPeriod.label(periodKey);
        String report = "Báo cáo " + period + " của đơn vị về " + itemCode;
        if (accepted) {
            return new Text("Báo cáo đã được chấp nhận: " + itemCode + ", " + period, report + " đã được chấp nhận.");
        }
        return new Text("Báo cáo bị trả lại: " + itemCode + ", " + period,
                report + " cần sửa và gửi lại." + (comment == null || comment.isBlank() ? "" : " Ý kiến: " + comment));
    }

    /** A plan as officials cite it: by its document number, else (not yet numbered) by its title. */
    static String plan(String number, String title) {
        return number != null && !number.isBlank() ? "Kế hoạch số " + number.strip() : "kế hoạch \u201c" + title.strip() + "\u201d";
    }
}
