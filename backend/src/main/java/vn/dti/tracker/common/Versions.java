package vn.dti.tracker.common;

import java.util.List;

/**
 * ETags and If-Match: a resource's ETag is its version in quotes; a write must name the version
 * it was based on, so that a second editor working from an old copy is refused, not obeyed.
 */
public final class Versions {

    private Versions() {
    }

    /** The version named by an If-Match header; required for every update and delete. */
    public static long requireIfMatch(String ifMatch) {
        String value = requireIfMatchTag(ifMatch);
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            value = value.substring(1, value.length() - 1);
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw DomainException.invalidField("If-Match", "request.if-match-invalid",
                    "If-Match phải là ETag mà máy chủ đã trả về, ví dụ \"3\".");
        }
    }

    /** The If-Match header as sent, for an object whose ETag is a hash of its content rather than a version. */
    public static String requireIfMatchTag(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new DomainException(DomainException.Kind.PRECONDITION_REQUIRED, "request.if-match-required",
                    "Cần gửi tiêu đề If-Match với ETag của bản đang sửa, để không ghi đè thay đổi của người khác.",
                    List.of(new FieldError("If-Match", "request.if-match-required", "Thiếu If-Match.")));
        }
        return ifMatch.trim();
    }

    public static void check(long expected, long actual, String what) {
        if (expected != actual) {
            throw DomainException.stale("Bản " + what + " đã được người khác thay đổi (phiên bản hiện tại " + actual
                    + ", bạn sửa từ phiên bản " + expected + "). Hãy tải lại rồi sửa tiếp.", actual);
        }
    }
}
