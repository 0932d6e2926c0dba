package vn.dti.tracker.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/** Reminders and review notices name periods, plans and dates as people do, never by the keys and codes of the system. */
class NotificationTextsTest {

    static NotificationTexts.Owed owed(String periodKey, String number) {
        return new NotificationTexts.Owed("Trạm Y tế xã Xuân Lộc", 1200, periodKey, LocalDate.of(2026, 12, 20), number,
                "Kế hoạch chuyển đổi số xã Xuân Lộc năm 2026");
    }

    @Test
    void remindersNameThePeriodAndThePlanAsPeopleDo() {
        NotificationTexts.Text soon = NotificationTexts.deadlineSoon(owed("2026-12", "84/KH-UBND"));
        assertEquals("Sắp đến hạn báo cáo tháng 12/2026", soon.title());
        assertEquals("Đơn vị Trạm Y tế xã Xuân Lộc còn 1.200 mục chưa gửi trong báo cáo tháng 12/2026 theo Kế hoạch số 84/KH-UBND."
                + " Hạn gửi: 20/12/2026.", soon.body());
        assertEquals("Đã quá hạn báo cáo quý II/2026", NotificationTexts.deadlinePassed(owed("2026-Q2", "84/KH-UBND")).title());
        assertEquals("Trạm Y tế xã Xuân Lộc chưa gửi 1.200 mục trong báo cáo 6 tháng đầu năm 2026 theo kế hoạch “Kế hoạch chuyển đổi số"
                + " xã Xuân Lộc năm 2026”, hạn 20/12/2026.", NotificationTexts.unitLate(owed("2026-H1", null)).body());
    }

    @Test
    void reviewNoticesNameTheItemAndThePeriod() {
        assertEquals("Báo cáo đã được chấp nhận: C.11, năm 2026", NotificationTexts.reviewed(true, "C.11", "2026", null).title());
        assertEquals("Báo cáo năm 2026 của đơn vị về C.11 đã được chấp nhận.", NotificationTexts.reviewed(true, "C.11", "2026", null).body());
        assertEquals("Báo cáo tháng 3/2026 của đơn vị về C.11 cần sửa và gửi lại.",
                NotificationTexts.reviewed(false, "C.11", "2026-03", " ").body());
    }
}
