package vn.dti.tracker.document;

import java.util.List;

import vn.dti.tracker.common.DomainException;
import vn.dti.tracker.common.FieldError;

/** The refusals of reading an issued plan's file (a PDF or a scan), each with the field it concerns. */
final class IntakeRefusals {

    private IntakeRefusals() {
    }

    static DomainException encrypted() {
        return DomainException.invalidField("file", "intake.encrypted",
                "Tệp PDF được đặt mật khẩu: hãy gửi bản không có mật khẩu.");
    }

    static DomainException damaged() {
        return DomainException.invalidField("file", "intake.damaged",
                "Không đọc được tệp: tệp bị hỏng, không trọn vẹn hoặc không đúng định dạng (PDF, PNG, JPEG, TIFF).");
    }

    static DomainException tooManyPages(int pages, int max) {
        String detail = "Tệp có " + pages + " trang; mỗi lần nhập đọc tối đa " + max + " trang.";
        return new DomainException(DomainException.Kind.TOO_LARGE, "intake.too-many-pages", detail,
                List.of(new FieldError("file", "intake.too-many-pages", "Tối đa " + max + " trang.")));
    }

    static DomainException imageTooLarge(long width, long height) {
        String detail = "Ảnh trang quá lớn (" + width + " × " + height + " điểm ảnh): hãy quét lại ở độ phân giải 300 dpi.";
        return new DomainException(DomainException.Kind.TOO_LARGE, "intake.image-too-large", detail,
                List.of(new FieldError("file", "intake.image-too-large", detail)));
    }

    static DomainException ocrTimeout() {
        return DomainException.unavailable("intake.ocr-timeout",
                "Nhận dạng chữ trên bản quét mất quá nhiều thời gian và đã dừng: hãy gửi ít trang hơn hoặc bản PDF có lớp chữ.");
    }

    static DomainException ocrUnavailable() {
        return DomainException.unavailable("intake.ocr-unavailable",
                "Máy chủ chưa có chương trình nhận dạng chữ tiếng Việt nên chưa đọc được bản quét; hãy gửi bản PDF có lớp chữ hoặc thử lại sau.");
    }
}
