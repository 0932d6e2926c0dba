package vn.dti.tracker.evidence;

import java.text.Normalizer;

import vn.dti.tracker.common.DomainException;

/**
 * The names people give their files. A name is kept as data (normalised to NFC, so that a name typed on
 * a Mac matches one typed on Windows) and never becomes part of a path; names that could only be an
 * attempt to climb directories or to hide characters are refused.
 */
final class FileNames {

    static final int MAX_LENGTH = 255;

    private FileNames() {
    }

    static String check(String raw) {
        if (raw == null || raw.isBlank()) {
            throw invalid("evidence.file-name-required", "Tệp tải lên cần có tên.");
        }
        String name = Normalizer.normalize(raw.strip(), Normalizer.Form.NFC);
        if (name.codePointCount(0, name.length()) > MAX_LENGTH) {
            throw invalid("evidence.file-name-invalid", "Tên tệp dài quá " + MAX_LENGTH + " ký tự; hãy đặt tên ngắn hơn.");
        }
        if (name.indexOf('/') >= 0 || name.indexOf('\\') >= 0 || name.equals(".") || name.equals("..")) {
            throw invalid("evidence.file-name-invalid", "Tên tệp không được chứa dấu '/' hoặc '\\' hay chỉ là '.', '..'.");
        }
        boolean hidden = name.codePoints().anyMatch(c -> {
            int type = Character.getType(c);
            return type == Character.CONTROL || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                    || type == Character.PARAGRAPH_SEPARATOR || type == Character.UNASSIGNED || type == Character.PRIVATE_USE;
        });
        if (hidden) {
            throw invalid("evidence.file-name-invalid", "Tên tệp chứa ký tự điều khiển hoặc ký tự ẩn; hãy đặt lại tên tệp.");
        }
        return name;
    }

    static String withoutExtension(String name) {
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    private static DomainException invalid(String code, String detail) {
        return DomainException.invalidField("file", code, detail);
    }
}
