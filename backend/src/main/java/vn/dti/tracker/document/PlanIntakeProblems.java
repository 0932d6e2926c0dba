package vn.dti.tracker.document;

import java.util.List;

import vn.dti.tracker.common.DomainException;
import vn.dti.tracker.common.FieldError;

/** The refusals of a plan's file, each with its stable code (texts in both languages: messages/problems_*.properties). */
final class PlanIntakeProblems {

    private PlanIntakeProblems() {
    }

    static DomainException encrypted() {
        return DomainException.invalidField("file", "intake.encrypted",
                "Tệp được đặt mật khẩu hoặc mã hóa: hãy bỏ mật khẩu rồi gửi lại.");
    }

    static DomainException damaged() {
        return DomainException.invalidField("file", "intake.damaged",
                "Không đọc được tệp: tệp bị hỏng hoặc không trọn vẹn. Hãy mở bằng Word hoặc trình đọc PDF, lưu lại rồi gửi lại.");
    }

    static DomainException empty() {
        return DomainException.invalidField("file", "intake.empty", "Không có tệp: nội dung gửi lên trống.");
    }

    static DomainException unsupported(String detail) {
        return new DomainException(DomainException.Kind.UNSUPPORTED_TYPE, "intake.unsupported", detail,
                List.of(new FieldError("file", "intake.unsupported", detail)));
    }

    static DomainException tooLarge(String detail) {
        return new DomainException(DomainException.Kind.TOO_LARGE, "intake.too-large", detail,
                List.of(new FieldError("file", "intake.too-large", detail)));
    }
}
