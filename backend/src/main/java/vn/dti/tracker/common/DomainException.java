package vn.dti.tracker.common;

import java.util.List;

/**
 * A refusal the caller can act on. It carries a stable code and a Vietnamese detail; it knows
 * nothing of HTTP ({@link ProblemMapper} decides the status from the {@link Kind}).
 */
public class DomainException extends RuntimeException {

    public enum Kind { INVALID, UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, CONFLICT, STALE, PRECONDITION_REQUIRED, TOO_MANY, TOO_LARGE, UNSUPPORTED_TYPE, GONE, UNAVAILABLE }

    private final Kind kind;
    private final String code;
    private final List<FieldError> errors;
    private Long retryAfterSeconds;
    private Long currentVersion;
    private String currentTag;

    public DomainException(Kind kind, String code, String detail, List<FieldError> errors) {
        super(detail);
        this.kind = kind;
        this.code = code;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
    }

    public static DomainException invalid(String code, String detail, List<FieldError> errors) {
        return new DomainException(Kind.INVALID, code, detail, errors);
    }

    public static DomainException invalidField(String field, String code, String detail) {
        return new DomainException(Kind.INVALID, code, detail, List.of(new FieldError(field, code, detail)));
    }

    public static DomainException notFound(String code, String detail) {
        return new DomainException(Kind.NOT_FOUND, code, detail, List.of());
    }

    public static DomainException conflict(String code, String detail) {
        return new DomainException(Kind.CONFLICT, code, detail, List.of());
    }

    public static DomainException conflictField(String field, String code, String detail) {
        return new DomainException(Kind.CONFLICT, code, detail, List.of(new FieldError(field, code, detail)));
    }

    /** No valid credentials: the caller must sign in (again). */
    public static DomainException unauthenticated(String code, String detail) {
        return new DomainException(Kind.UNAUTHENTICATED, code, detail, List.of());
    }

    /** The caller may know the object exists but may not do this to it. */
    public static DomainException forbidden(String code, String detail) {
        return new DomainException(Kind.FORBIDDEN, code, detail, List.of());
    }

    /** A service the work needs is not there or not working (the text recognition program, for one); worth trying later. */
    public static DomainException unavailable(String code, String detail) {
        return new DomainException(Kind.UNAVAILABLE, code, detail, List.of());
    }

    public static DomainException tooMany(String code, String detail, long retryAfterSeconds) {
        DomainException e = new DomainException(Kind.TOO_MANY, code, detail, List.of());
        e.retryAfterSeconds = Math.max(1, retryAfterSeconds);
        return e;
    }

    /** An uploaded file over the limit ({@code size} -1 when it is not known yet). */
    public static DomainException fileTooLarge(long size, long max) {
        return new DomainException(Kind.TOO_LARGE, "evidence.too-large",
                (size > max ? "Tệp quá lớn (" + megabytes(size) + ")" : "Tệp vượt quá giới hạn") + "; mỗi tệp tối đa " + megabytes(max) + ".",
                List.of(new FieldError("file", "evidence.too-large", "Tối đa " + megabytes(max) + ".")));
    }

    /** A workbook sent for import over its limit ({@code size} -1 when it is not known yet). */
    public static DomainException workbookTooLarge(long size, long max) {
        return new DomainException(Kind.TOO_LARGE, "import.too-large",
                (size > max ? "Bảng tính quá lớn (" + megabytes(size) + ")" : "Bảng tính vượt quá giới hạn") + "; mỗi lần nhập tối đa "
                        + megabytes(max) + ".",
                List.of(new FieldError("file", "import.too-large", "Tối đa " + megabytes(max) + ".")));
    }

    private static String megabytes(long bytes) {
        // Vietnamese number format: 51,0 MB.
        return String.format(ProblemTexts.VIETNAMESE, "%.1f MB", bytes / 1048576.0);
    }

    /** A stale write: the version now stored, so that the client can reload it. */
    public static DomainException stale(String detail, long currentVersion) {
        DomainException e = new DomainException(Kind.STALE, "conflict.stale-version", detail, List.of());
        e.currentVersion = currentVersion;
        return e;
    }

    /** Stale, for an object whose ETag is a hash of its content rather than a version number. */
    public static DomainException staleTag(String detail, String currentTag) {
        DomainException e = new DomainException(Kind.STALE, "conflict.stale-version", detail, List.of());
        e.currentTag = currentTag;
        return e;
    }

    public Long currentVersion() { return currentVersion; }

    /** The current ETag as sent, quotes included: the version's, or the content hash's. */
    public String currentTag() { return currentVersion != null ? "\"" + currentVersion + "\"" : currentTag; }

    public Long retryAfterSeconds() { return retryAfterSeconds; }

    public Kind kind() { return kind; }

    public String code() { return code; }

    public List<FieldError> errors() { return errors; }

    /** The same refusal with every field path put under {@code prefix} (used by the bundle import). */
    public DomainException under(String prefix) {
        List<FieldError> moved = errors.stream()
                .map(e -> new FieldError(e.field() == null || e.field().isEmpty() ? prefix : prefix + "." + e.field(), e.code(), e.detail()))
                .toList();
        if (moved.isEmpty()) {
            moved = List.of(new FieldError(prefix, code, getMessage()));
        }
        return new DomainException(kind, code, getMessage(), moved);
    }
}
