package vn.dti.tracker.common;

import java.util.UUID;

/** Parsing of ids that arrive as text, with a field-level refusal instead of an exception trace. */
public final class Ids {

    private Ids() {
    }

    public static UUID parse(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value.trim());
        } catch (IllegalArgumentException e) {
            throw DomainException.invalidField(field, "request.invalid-id", "'" + value + "' không phải là một mã định danh (UUID) hợp lệ.");
        }
    }
}
