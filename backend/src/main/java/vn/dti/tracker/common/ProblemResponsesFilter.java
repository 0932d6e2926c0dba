package vn.dti.tracker.common;

import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * Gives every operation of the contract the error responses it can answer, all as
 * problem+json, so that no operation documents its happy path only; secured operations get
 * their 401 and 403.
 */
public class ProblemResponsesFilter implements OASFilter {

    private static final String PROBLEM = "#/components/schemas/Problem";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        Components components = openAPI.getComponents();
        components.addSchema("FieldError", OASFactory.createSchema().type(List.of(Schema.SchemaType.OBJECT))
                .description("One refused field")
                .addProperty("field", string("JSON path of the field, e.g. `targets[0].year`"))
                .addProperty("code", string("Stable code of the problem"))
                .addProperty("detail", string("Explanation, in the language of the problem"))
                .required(List.of("field", "code", "detail")));
        components.addSchema("Problem", OASFactory.createSchema().type(List.of(Schema.SchemaType.OBJECT))
                .description("RFC 9457 problem details with a stable `code` and the offending fields")
                .addProperty("type", string("URI of the problem type"))
                .addProperty("title", string("Short title"))
                .addProperty("status", OASFactory.createSchema().type(List.of(Schema.SchemaType.INTEGER)).format("int32"))
                .addProperty("detail", string("Explanation a person can read: Vietnamese by default, English when Accept-Language prefers"
                        + " it (`title` too); the `code` is the same in every language. The answer's Content-Language names the language"))
                .addProperty("code", string("Stable machine-readable code, e.g. `plan.not-found`"))
                .addProperty("instance", string("Path of the request"))
                .addProperty("errors", OASFactory.createSchema().type(List.of(Schema.SchemaType.ARRAY))
                        .items(OASFactory.createSchema().ref("#/components/schemas/FieldError")))
                .addProperty("currentVersion", OASFactory.createSchema().type(List.of(Schema.SchemaType.INTEGER, Schema.SchemaType.NULL))
                        .format("int64").description("On 412: the version now stored (also sent as the ETag header)"))
                .addProperty("requestId", string("Id of the request, also in the `X-Request-Id` header and the server's logs: quote it"
                        + " when reporting a fault. Every answer of this server carries it; optional for other producers of this shape"))
                .required(List.of("type", "title", "status", "detail", "code", "instance")));
        response(components, "BadRequest", "Bad input: malformed JSON, wrong types, unknown fields or values, failed rules",
                "request.invalid", 400, "Dữ liệu gửi lên chưa hợp lệ: 1 trường cần sửa.");
        response(components, "Unauthorized", "No valid access token: missing, expired, forged, of an unknown issuer, or of an account"
                + " that was deactivated or changed its password since", "auth.unauthenticated", 401,
                "Cần đăng nhập: không có mã truy cập, hoặc mã đã hết hạn hay không hợp lệ.");
        response(components, "Forbidden", "The caller may see the object but its role may not do this to it (an object outside"
                + " the caller's scope is answered 404 instead)", "access.denied", 403,
                "Vai trò của bạn không được phép thực hiện thao tác này.");
        response(components, "TooManyAttempts", "Too many failed sign-ins: wait the seconds given in Retry-After",
                "auth.account-locked", 429, "Đăng nhập sai nhiều lần: hãy thử lại sau 60 giây.");
        response(components, "NotFound", "No such object, or one outside the caller's scope (the two are not told apart)",
                "plan.not-found", 404, "Không tìm thấy kế hoạch.");
        response(components, "Conflict", "The change breaks a rule of the stored data (duplicate code, cycle, state)",
                "org-unit.code-taken", 409, "Mã đơn vị 'DNAI' đã được dùng.");
        response(components, "PreconditionFailed", "If-Match names an older version than the stored one",
                "conflict.stale-version", 412, "Bản kế hoạch đã được người khác thay đổi. Hãy tải lại rồi sửa tiếp.");
        response(components, "PreconditionRequired", "If-Match is missing", "request.if-match-required", 428,
                "Cần gửi tiêu đề If-Match với ETag của bản đang sửa.");
        response(components, "Gone", "The cursor is older than the feed keeps (90 days): start again from `GET /api/v1/changes/now`"
                + " after a full export", "changes.cursor-expired", 410, "Con trỏ đã quá hạn lưu giữ; hãy đồng bộ lại từ đầu.");
        response(components, "TooLarge", "The body is over the limit (a file: 50 MB by default; JSON: 10 MB); refused before reading"
                + " when its length is declared", "evidence.too-large", 413, "Tệp quá lớn (72,0 MB); mỗi tệp tối đa 50,0 MB.");
        response(components, "FileTooLarge", "The file is over the size limit (`evidence.too-large`, `import.too-large`; refused before"
                + " reading when its length is declared), or it is a zip container (Word, Excel, OpenDocument) that would unpack past the"
                + " limits, counted on the bytes actually unpacked: too large in all or in one part, or too many parts"
                + " (`file.archive-too-large`), or a part that unpacks more than 100 times its compressed size (`file.archive-bomb`)."
                + " Nothing is stored", ArchiveLimits.BOMB, 413,
                "Tệp có một phần giải nén ra lớn gấp hơn 100 lần dữ liệu nén (bom nén): đây không phải tài liệu bình thường. Tệp không được nhận.");
        response(components, "UnsupportedType", "The body's media type is not one the operation reads, or an uploaded file's content"
                + " (not its name) is of a type that is not accepted",
                "evidence.type-not-allowed", 415, "Nội dung tệp 'bao-cao.pdf' là tệp chạy (.exe), không thuộc các loại được nhận.");
        response(components, "ServerError", "Unexpected failure; nothing was changed", "server.error", 500,
                "Máy chủ gặp lỗi ngoài dự kiến.");
        response(components, "ServiceUnavailable", "The database cannot be reached right now (stopped, restarting, failing over or"
                + " out of connections); nothing was changed. Send the same request again after the seconds in Retry-After",
                "service.database-unavailable", 503,
                "Cơ sở dữ liệu tạm thời không kết nối được. Dữ liệu của bạn không bị thay đổi; hãy thử lại sau vài giây.");
        components.getResponses().get("ServiceUnavailable").addHeader("Retry-After", OASFactory.createHeader()
                .description("Seconds to wait before sending the request again")
                .schema(OASFactory.createSchema().type(List.of(Schema.SchemaType.INTEGER))));

        markReadShapesRequired(components);
        if (openAPI.getPaths() == null) {
            return;
        }
        for (Map.Entry<String, PathItem> entry : openAPI.getPaths().getPathItems().entrySet()) {
            if (!entry.getKey().startsWith("/api/")) {
                continue;
            }
            boolean hasId = entry.getKey().contains("{");
            boolean changes = entry.getKey().equals("/api/v1/changes");
            for (Map.Entry<PathItem.HttpMethod, Operation> op : entry.getValue().getOperations().entrySet()) {
                Operation operation = op.getValue();
                boolean write = op.getKey() != PathItem.HttpMethod.GET;
                boolean versioned = operation.getParameters() != null && operation.getParameters().stream()
                        .anyMatch(p -> "If-Match".equalsIgnoreCase(p.getName()));
                replaceBare(operation, "400", "BadRequest");
                boolean secured = operation.getSecurity() != null && !operation.getSecurity().isEmpty();
                if (secured) {
                    put(operation, "401", "Unauthorized");
                    put(operation, "403", "Forbidden");
                } else if ("createToken".equals(operation.getOperationId())) {
                    put(operation, "401", "Unauthorized");
                    put(operation, "429", "TooManyAttempts");
                }
                boolean body = operation.getRequestBody() != null;
                // An id in the path, the query or the body that names nothing the caller can see.
                boolean refersById = hasId || body || operation.getParameters() != null && operation.getParameters().stream()
                        .anyMatch(p -> p.getSchema() != null && ("#/components/schemas/UUID".equals(p.getSchema().getRef())
                                || p.getName().endsWith("Id")));
                if (refersById) {
                    add(operation, "404", "NotFound");
                }
                if (changes) {
                    add(operation, "410", "Gone");
                }
                if (write) {
                    add(operation, "409", "Conflict");
                }
                if (versioned) {
                    add(operation, "412", "PreconditionFailed");
                    add(operation, "428", "PreconditionRequired");
                }
                if (body && takesFile(operation)) {
                    put(operation, "413", "FileTooLarge");
                }
                if (body) {
                    add(operation, "413", "TooLarge");
                    add(operation, "415", "UnsupportedType");
                }
                if (!write && operation.getResponses().getAPIResponse("304") == null) {
                    operation.getResponses().addAPIResponse("304", OASFactory.createAPIResponse()
                            .description("Not modified: If-None-Match names the current ETag (the version, or a hash of the body)"));
                }
                add(operation, "500", "ServerError");
                add(operation, "503", "ServiceUnavailable");
            }
        }
        ContractExamples.fill(openAPI);
    }

    /** The body is a file: a form with a file part, or the file itself. */
    private static boolean takesFile(Operation operation) {
        var content = operation.getRequestBody().getContent();
        return content != null && content.getMediaTypes() != null && content.getMediaTypes().keySet().stream()
                .anyMatch(type -> type.startsWith("multipart/") || type.equals("application/octet-stream") || type.startsWith("application/vnd."));
    }

    /**
     * Read shapes always carry every property (null where there is no value), so the contract
     * says so and generated clients need no guards. Shapes that clients send stay as declared.
     */
    private static void markReadShapesRequired(Components components) {
        if (components.getSchemas() == null) {
            return;
        }
        for (Map.Entry<String, Schema> entry : components.getSchemas().entrySet()) {
            String name = entry.getKey();
            Schema schema = entry.getValue();
            // Problem is described above: errors and currentVersion appear only when they have something to say.
            boolean sent = name.equals("Problem") || name.endsWith("Input") || name.endsWith("Create") || name.endsWith("Update") || name.startsWith("Bundle")
                    || name.equals("PasswordChange") || name.equals("MarkRead") || name.equals("PasswordReset") || name.equals("TokenResponse")
                    || name.equals("PlanBundle") || name.equals("Target") || name.equals("PlanSection") || name.equals("Timeframe");
            if (!sent && schema.getProperties() != null && !schema.getProperties().isEmpty()) {
                schema.setRequired(List.copyOf(schema.getProperties().keySet()));
            }
        }
    }

    /** Replaces a response the generator put without a body (its "Bad Request" for validated parameters). */
    private static void replaceBare(Operation operation, String status, String name) {
        APIResponse existing = operation.getResponses().getAPIResponse(status);
        if (existing != null && existing.getRef() == null && existing.getContent() == null) {
            operation.getResponses().removeAPIResponse(status);
        }
        add(operation, status, name);
    }

    /** Replaces whatever response the generator put for this status (its security ones have no body). */
    private static void put(Operation operation, String status, String name) {
        operation.getResponses().removeAPIResponse(status);
        add(operation, status, name);
    }

    private static void add(Operation operation, String status, String name) {
        if (operation.getResponses().getAPIResponse(status) == null) {
            operation.getResponses().addAPIResponse(status, OASFactory.createAPIResponse().ref("#/components/responses/" + name));
        }
    }

    private static void response(Components components, String name, String description, String code, int status, String detail) {
        APIResponse response = OASFactory.createAPIResponse().description(description)
                .content(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, OASFactory.createMediaType()
                        .schema(OASFactory.createSchema().ref(PROBLEM))
                        .addExample("example", OASFactory.createExample().value(example(code, status, detail)))));
        components.addResponse(name, response);
    }

    /** In a fixed order, so that the generated contract is the same on every build. */
    private static Map<String, Object> example(String code, int status, String detail) {
        Map<String, Object> example = new java.util.LinkedHashMap<>();
        example.put("type", Problem.TYPE_BASE + code);
        example.put("title", "…");
        example.put("status", status);
        example.put("detail", detail);
        example.put("code", code);
        example.put("instance", "/api/v1/…");
        example.put("requestId", "3f1c2a9e-7b4d-4c1e-9a0b-5d6e7f8a9b0c");
        return example;
    }

    private static Schema string(String description) {
        return OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)).description(description);
    }
}
