package vn.dti.tracker.common;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.hibernate.StaleStateException;

import vn.dti.tracker.database.DatabaseOutage;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * The one place where refusals become HTTP: every error leaves as problem+json with a stable
 * code, never as a stack trace, SQL text or class name.
 */
public class ProblemMapper {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);

    @jakarta.inject.Inject
    io.quarkus.security.identity.SecurityIdentity identity;
    /** The embedded database restarts within a few seconds; an external one fails over in about as long. */
    static final int DATABASE_RETRY_AFTER_SECONDS = 5;

    /** Database constraints that a service normally catches first; here they are the last line. */
    private static final Map<String, String[]> CONSTRAINTS = Map.ofEntries(
            Map.entry("org_unit_code_unique", new String[] {"code", "org-unit.code-taken", "Mã đơn vị đã được dùng."}),
            Map.entry("org_unit_no_cycle", new String[] {"parentId", "org-unit.cycle", "Không thể đặt đơn vị vào bên dưới chính nó."}),
            Map.entry("plan_code_unique", new String[] {"code", "plan.code-taken", "Mã kế hoạch đã được dùng."}),
            Map.entry("plan_no_cycle", new String[] {"parentPlanId", "plan.cycle", "Kế hoạch không thể thực hiện chính nó qua kế hoạch cấp trên."}),
            Map.entry("indicator_code_unique", new String[] {"code", "indicator.code-taken", "Mã chỉ tiêu đã có trong kế hoạch."}),
            Map.entry("indicator_target_year_in_plan", new String[] {"targets", "target.year-outside-plan", "Năm của chỉ tiêu nằm ngoài thời gian của kế hoạch."}),
            Map.entry("task_code_unique", new String[] {"code", "task.code-taken", "Mã nhiệm vụ đã có trong kế hoạch."}),
            Map.entry("plan_group_code_unique", new String[] {"code", "group.code-taken", "Mã nhóm đã có trong kế hoạch."}),
            Map.entry("report_indicator_id_fkey", new String[] {"id", "indicator.has-reports", "Chỉ tiêu đã có báo cáo kết quả của đơn vị, nên không xóa được."}),
            Map.entry("report_task_id_fkey", new String[] {"id", "task.has-reports", "Nhiệm vụ đã có báo cáo kết quả của đơn vị, nên không xóa được."}),
            Map.entry("report_period_id_fkey", new String[] {"reportingRegime", "plan.periods-in-use", "Kỳ báo cáo đã có báo cáo của đơn vị, nên không bỏ được."}),
            Map.entry("report_indicator_unique", new String[] {"indicatorId", "report.exists", "Đơn vị đã có báo cáo cho chỉ tiêu này trong kỳ."}),
            Map.entry("report_task_unique", new String[] {"taskId", "report.exists", "Đơn vị đã có báo cáo cho nhiệm vụ này trong kỳ."}),
            Map.entry("dti_framework_code_unique", new String[] {"code", "dti-framework.code-taken", "Mã bộ chỉ số đã được dùng."}));

    @ServerExceptionMapper
    public Response domain(DomainException e, UriInfo uri) {
        int status = status(e);
        Response response = problem(status, e.code(), e.getMessage(), e.errors(), e.currentVersion(), uri);
        if (e.currentTag() != null) {
            response.getHeaders().putSingle("ETag", e.currentTag());
        }
        if (status == 401) {
            response.getHeaders().putSingle("WWW-Authenticate", "Bearer");
        }
        if (e.retryAfterSeconds() != null) {
            response.getHeaders().putSingle("Retry-After", String.valueOf(e.retryAfterSeconds()));
        }
        return response;
    }

    /** No token, or one that is expired, forged, of another issuer, or of an account that no longer may sign in. */
    @ServerExceptionMapper({AuthenticationFailedException.class, UnauthorizedException.class})
    public Response unauthenticated(RuntimeException e, UriInfo uri) {
        // The caller's roles are read from the database at each request: a token that could not be checked because the
        // database is away is not a bad token, and the client must not sign its user out.
        if (DatabaseOutage.isOutage(e)) {
            return databaseUnavailable(e, uri);
        }
        return domain(DomainException.unauthenticated("auth.unauthenticated",
                "Cần đăng nhập: không có mã truy cập, hoặc mã đã hết hạn hay không hợp lệ."), uri);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        // A caller whose account could not be read has no role, so a role check refuses it: the cause is the failure.
        vn.dti.tracker.auth.CallerCheckFailed failed = vn.dti.tracker.auth.CallerCheckFailed.of(identity);
        if (failed != null) {
            return unexpected(failed, uri);
        }
        return domain(DomainException.forbidden("access.denied", "Vai trò của bạn không được phép thực hiện thao tác này."), uri);
    }

    @ServerExceptionMapper
    public Response beanValidation(ConstraintViolationException e, UriInfo uri) {
        List<FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new FieldError(path(v.getPropertyPath()), "field." + constraintName(v), fieldText(v, ProblemTexts.requestLanguage())))
                .sorted((a, b) -> a.field().compareTo(b.field()))
                .toList();
        return problem(400, "request.invalid", "Dữ liệu gửi lên chưa hợp lệ: " + errors.size() + " trường cần sửa.", errors, uri);
    }

    @ServerExceptionMapper({MismatchedInputException.class, InvalidFormatException.class, UnrecognizedPropertyException.class,
            JsonMappingException.class, JsonProcessingException.class})
    public Response json(JsonProcessingException e, UriInfo uri) {
        if (e instanceof NulCharacters.InJsonException n) {
            return domain(NulCharacters.refusal(jsonPath(n)), uri);
        }
        if (e instanceof ValueLimits.OutOfRangeException || e instanceof JsonMappingException m && m.getCause() instanceof InputCoercionException) {
            String field = jsonPath((JsonMappingException) e);
            String detail = ValueLimits.detail(field);
            return problem(400, ValueLimits.CODE, detail, List.of(new FieldError(field, ValueLimits.CODE, detail)), uri);
        }
        if (e instanceof UnrecognizedPropertyException u) {
            String field = jsonPath(u);
            return problem(400, "request.unknown-field", "Trường '" + field + "' không có trong mẫu dữ liệu.",
                    List.of(new FieldError(field, "request.unknown-field", "Trường không được hỗ trợ.")), uri);
        }
        if (e instanceof InvalidFormatException f && f.getTargetType() != null && f.getTargetType().isEnum()) {
            String field = jsonPath(f);
            String allowed = Arrays.stream(f.getTargetType().getEnumConstants()).map(Object::toString).collect(Collectors.joining(", "));
            String detail = "Giá trị '" + f.getValue() + "' không hợp lệ. Chọn một trong: " + allowed + ".";
            return problem(400, "request.invalid-value", detail, List.of(new FieldError(field, "request.invalid-enum", detail)), uri);
        }
        if (e instanceof MismatchedInputException m && !m.getPath().isEmpty()) {
            String field = jsonPath(m);
            String type = m.getTargetType() == null ? "" : describe(m.getTargetType());
            String detail = "Giá trị của trường '" + field + "' sai kiểu" + (type.isEmpty() ? "." : ": cần " + type + ".");
            return problem(400, "request.invalid-value", detail, List.of(new FieldError(field, "request.wrong-type", detail)), uri);
        }
        if (e instanceof MismatchedInputException) {
            return problem(400, "request.invalid-body", "Nội dung gửi lên không đúng dạng: cần một đối tượng JSON.", List.of(), uri);
        }
        return problem(400, "request.malformed-json", "Nội dung gửi lên không phải JSON hợp lệ.", List.of(), uri);
    }

    @ServerExceptionMapper({OptimisticLockException.class, StaleStateException.class})
    public Response stale(RuntimeException e, UriInfo uri) {
        return problem(412, "conflict.stale-version",
                "Dữ liệu đã được người khác thay đổi trong lúc bạn sửa. Hãy tải lại rồi sửa tiếp.", List.of(), uri);
    }

    @ServerExceptionMapper
    public Response persistence(PersistenceException e, UriInfo uri) {
        Throwable cause = e;
        while (cause != null) {
            if (cause instanceof OptimisticLockException || cause instanceof StaleStateException) {
                return stale((RuntimeException) cause, uri);
            }
            if (cause instanceof org.hibernate.exception.ConstraintViolationException c && c.getConstraintName() != null) {
                String name = c.getConstraintName();
                String[] known = CONSTRAINTS.get(name);
                if (known != null) {
                    return problem(409, known[1], known[2], List.of(new FieldError(known[0], known[1], known[2])), uri);
                }
                return problem(409, "conflict.constraint", "Dữ liệu vi phạm ràng buộc '" + name + "' của cơ sở dữ liệu.", List.of(), uri);
            }
            if (cause instanceof java.sql.SQLException sql && sql.getSQLState() != null) {
                Response refused = refusedValue(sql.getSQLState(), uri);
                if (refused != null) {
                    return refused;
                }
            }
            cause = cause.getCause();
        }
        return unexpected(e, uri);
    }

    /**
     * A value the database refuses (SQL state class 22, data exception) that no check before it caught: the last line, so
     * that such a request is a refusal, not a fault. The statement's transaction is rolled back with it.
     */
    private static Response refusedValue(String state, UriInfo uri) {
        return switch (state) {
            case "22021", "22P05" -> problem(400, NulCharacters.CODE, "Dữ liệu gửi lên chứa ký tự không lưu được (NUL, \\u0000).", List.of(), uri);
            case "22003", "22008" -> problem(400, "request.out-of-range", "Một giá trị gửi lên (số hoặc ngày) vượt quá giới hạn cho phép.",
                    List.of(), uri);
            case "22001" -> problem(400, "request.too-long", "Một giá trị gửi lên dài quá giới hạn cho phép.", List.of(), uri);
            default -> null;
        };
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
        if (e.getCause() instanceof JsonProcessingException j) {
            return json(j, uri);
        }
        if (status == 404 && uri != null && !uri.getMatchedResources().isEmpty()) {
            // JAX-RS answers a query or path value it cannot convert with 404; the caller deserves to know which value.
            return problem(400, "request.invalid-parameter",
                    "Một tham số trên địa chỉ có giá trị không hợp lệ (số, ngày giờ ISO-8601, mã định danh hoặc giá trị liệt kê).", List.of(), uri);
        }
        return switch (status) {
            case 400 -> problem(400, "request.invalid", "Yêu cầu không hợp lệ.", List.of(), uri);
            case 404 -> problem(404, "resource.not-found", "Không tìm thấy địa chỉ hoặc đối tượng được yêu cầu.", List.of(), uri);
            case 405 -> problem(405, "request.method-not-allowed", "Phương thức HTTP này không dùng được với địa chỉ này.", List.of(), uri);
            case 406 -> problem(406, "request.not-acceptable", "Không trả về được định dạng được yêu cầu (dùng application/json).", List.of(), uri);
            case 413 -> problem(413, "request.too-large", "Nội dung gửi lên quá lớn.", List.of(), uri);
            case 415 -> problem(415, "request.unsupported-media-type", "Định dạng nội dung không được hỗ trợ (dùng application/json).", List.of(), uri);
            default -> status >= 500 ? unexpected(e, uri)
                    : problem(status, "request.refused", "Yêu cầu bị từ chối.", List.of(), uri);
        };
    }

    /** A multipart body that cannot be parsed (a broken boundary, a raw line break inside a part's header). */
    @ServerExceptionMapper
    public Response multipart(org.jboss.resteasy.reactive.server.core.multipart.MultipartParser.MalformedMessageException e, UriInfo uri) {
        return problem(400, "request.malformed-multipart",
                "Nội dung multipart/form-data không đọc được (ranh giới hoặc tiêu đề của một phần bị hỏng). Hãy gửi lại tệp.", List.of(), uri);
    }

    /**
     * A body that Quarkus REST's form or multipart parser could not read: a broken %-escape, a charset that does not
     * exist, a multipart body that ends before its closing boundary. Thrown from anywhere else, the same exception is a
     * fault of ours.
     */
    @ServerExceptionMapper({IllegalArgumentException.class, java.io.IOException.class})
    public Response unreadableBody(Exception e, UriInfo uri) {
        String parser = BodyParsers.thrownBy(e);
        if (parser == null) {
            return unexpected(e, uri);
        }
        if (e instanceof java.nio.charset.UnsupportedCharsetException || e instanceof java.nio.charset.IllegalCharsetNameException) {
            return problem(415, "request.unsupported-charset", "Bảng mã ký tự khai báo trong Content-Type không được hỗ trợ (dùng UTF-8).",
                    List.of(), uri);
        }
        return parser.equals(BodyParsers.FORM)
                ? problem(400, "request.malformed-form",
                        "Nội dung application/x-www-form-urlencoded không đọc được (một ký tự %-mã hóa bị hỏng).", List.of(), uri)
                : multipart(null, uri);
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Response unexpected(Throwable e, UriInfo uri) {
        if (DatabaseOutage.isOutage(e)) {
            return databaseUnavailable(e, uri);
        }
        // The request id is in the log line's MDC and in the answer, so a person's report of the fault finds this entry.
        LOG.error("Unexpected error", e);
        return problem(500, "server.error", "Máy chủ gặp lỗi ngoài dự kiến. Dữ liệu của bạn không bị thay đổi; hãy thử lại sau.", List.of(), uri);
    }

    /** The database is stopped, restarting or out of connections: nothing was changed, and the same request will do. */
    private Response databaseUnavailable(Throwable e, UriInfo uri) {
        LOG.warnf("Database unavailable: %s", e.toString());
        Response response = problem(503, "service.database-unavailable",
                "Cơ sở dữ liệu tạm thời không kết nối được. Dữ liệu của bạn không bị thay đổi; hãy thử lại sau vài giây.", List.of(), uri);
        response.getHeaders().putSingle("Retry-After", String.valueOf(DATABASE_RETRY_AFTER_SECONDS));
        return response;
    }

    static int status(DomainException e) {
        return switch (e.kind()) {
            case INVALID -> 400;
            case UNAUTHENTICATED -> 401;
            case FORBIDDEN -> 403;
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
            case STALE -> 412;
            case PRECONDITION_REQUIRED -> 428;
            case TOO_MANY -> 429;
            case TOO_LARGE -> 413;
            case UNSUPPORTED_TYPE -> 415;
            case GONE -> 410;
            case UNAVAILABLE -> 503;
        };
    }

    /** The problem details of a refusal, for answers written outside JAX-RS (the body limit), in the caller's language. */
    static Problem body(DomainException e, String path, java.util.Locale language) {
        return body(status(e), e.code(), e.getMessage(), e.errors(), e.currentVersion(), path, language);
    }

    /** The problem details of a refusal made outside JAX-RS, by its status (the HTTP layer's), in the caller's language. */
    static Problem body(int status, String code, String detail, String path, java.util.Locale language) {
        return body(status, code, detail, List.of(), null, path, language);
    }

    /**
     * The problem details in the caller's language: the Vietnamese sentence written where the refusal was made, or the
     * catalogue's text for its code (and for each field's code) in English. The codes stay as they are.
     */
    private static Problem body(int status, String code, String detail, List<FieldError> errors, Long currentVersion, String path,
            java.util.Locale language) {
        String text = translated(code, detail, language);
        List<FieldError> fields = errors.stream()
                .map(f -> new FieldError(f.field(), f.code(), translated(f.code(), f.detail(), language))).toList();
        return new Problem(Problem.TYPE_BASE + code, title(status, language), status, text, code, path, fields.isEmpty() ? null : fields,
                currentVersion, RequestIds.current());
    }

    private static String translated(String code, String vietnamese, java.util.Locale language) {
        boolean own = language.equals(ProblemTexts.VIETNAMESE) && vietnamese != null && !vietnamese.isBlank();
        if (own || ProblemTexts.takesArguments(code, language)) {
            // A text with arguments was filled in the caller's language where the arguments were known.
            return vietnamese;
        }
        return ProblemTexts.text(code, language).orElse(vietnamese);
    }

    public static Response problem(int status, String code, String detail, List<FieldError> errors, UriInfo uri) {
        return problem(status, code, detail, errors, null, uri);
    }

    static Response problem(int status, String code, String detail, List<FieldError> errors, Long currentVersion, UriInfo uri) {
        java.util.Locale language = ProblemTexts.requestLanguage();
        return Response.status(status).type(Problem.MEDIA_TYPE).header("Content-Language", language.toLanguageTag())
                .header("Vary", "Accept-Language")
                .entity(body(status, code, detail, errors, currentVersion, uri == null ? null : uri.getPath(), language)).build();
    }

    private static String title(int status, java.util.Locale language) {
        return ProblemTexts.text("title." + status, language)
                .or(() -> ProblemTexts.text(status >= 500 ? "title.server" : "title.other", language))
                .orElse("");
    }

    private static String jsonPath(JsonMappingException e) {
        StringBuilder out = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (out.length() > 0) {
                    out.append('.');
                }
                out.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                out.append('[').append(ref.getIndex()).append(']');
            }
        }
        return out.toString();
    }

    private static String describe(Class<?> type) {
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "số nguyên";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class) {
            return "số";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true hoặc false";
        }
        if (type == String.class) {
            return "chuỗi ký tự";
        }
        if (java.util.Collection.class.isAssignableFrom(type)) {
            return "danh sách";
        }
        if (type == java.time.LocalDate.class) {
            return "ngày dạng YYYY-MM-DD";
        }
        if (type == java.util.UUID.class) {
            return "mã định danh UUID";
        }
        return "đối tượng";
    }

    private static String path(Path path) {
        StringBuilder out = new StringBuilder();
        for (Path.Node node : path) {
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.PARAMETER
                    || node.getKind() == ElementKind.RETURN_VALUE) {
                continue;
            }
            if (node.getName() == null) {
                continue;
            }
            if (out.length() > 0) {
                out.append('.');
            }
            out.append(node.getName());
            if (node.isInIterable() && node.getIndex() != null) {
                // Index belongs to the container before this node; put it there.
                int dot = out.lastIndexOf(".");
                if (dot > 0) {
                    out.insert(dot, "[" + node.getIndex() + "]");
                }
            }
        }
        return out.toString();
    }

    private static String constraintName(ConstraintViolation<?> v) {
        String simple = v.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
        return simple.replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase();
    }

    /** What is wrong with a validated field, from the catalogue with the constraint's limits, in the caller's language. */
    private static String fieldText(ConstraintViolation<?> v, java.util.Locale language) {
        Map<String, Object> a = v.getConstraintDescriptor().getAttributes();
        String code = "field." + constraintName(v);
        Object[] args = switch (v.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName()) {
            case "Size" -> new Object[] {a.get("min"), a.get("max")};
            case "Min", "Max" -> new Object[] {a.get("value")};
            default -> new Object[0];
        };
        return ProblemTexts.format(code, language, args).orElse(v.getMessage());
    }

}
