package vn.dti.tracker.common;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Refusals of the HTTP layer, made before any resource runs, answered under /api with the same
 * problem details as every other refusal: a request line or headers over the limits (414, 431), a
 * non-empty form-encoded body sent to an operation that does not take one (415; clients send the
 * type with many an empty POST),
 * and what Vert.x's own handlers refuse by status (a body found over the limit while it streams in: 413).
 * Vert.x's own limits (quarkus.http.limits.max-initial-line-length, max-header-size) are set
 * above these, so that it is this class that answers; past them Vert.x answers alone, bare.
 * Paths outside /api (the web app) keep bare statuses.
 */
@ApplicationScoped
public class HttpRefusals {

    static final String API = "/api/";
    static final String FORM = "application/x-www-form-urlencoded";
    /** The operations that read a form-encoded body (OAuth 2.0's token and revocation endpoints). */
    static final java.util.Set<String> FORM_PATHS = java.util.Set.of("/api/v1/auth/token", "/api/v1/auth/sign-out");

    private final int maxUri;
    private final long maxHeaders;

    public HttpRefusals(@ConfigProperty(name = "dti.http.max-uri-length") int maxUri,
            @ConfigProperty(name = "dti.http.max-header-size") MemorySize maxHeaders) {
        this.maxUri = maxUri;
        this.maxHeaders = maxHeaders.asLongValue();
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 2).handler(this::limits);
        router.route("/api/*").failureHandler(HttpRefusals::failure);
    }

    void limits(RoutingContext context) {
        String uri = context.request().uri();
        if (uri.length() > maxUri) {
            refuse(context, 414, "request.uri-too-long",
                    "Địa chỉ yêu cầu quá dài (" + uri.length() + " ký tự); tối đa " + maxUri + " ký tự. Hãy gửi bớt tham số.");
            return;
        }
        String type = context.request().getHeader("Content-Type");
        String length = context.request().getHeader("Content-Length");
        boolean body = length != null ? !"0".equals(length.trim()) : context.request().headers().contains("Transfer-Encoding");
        if (body && type != null && type.regionMatches(true, 0, FORM, 0, FORM.length()) && context.request().path().startsWith(API)
                && !FORM_PATHS.contains(context.request().path())) {
            // Quarkus REST would read such a body for any operation with form fields (the multipart upload too), and a broken
            // one fails there outside any exception mapper, leaving the request without an answer.
            refuse(context, 415, "request.unsupported-media-type",
                    "Chỉ địa chỉ đăng nhập và đăng xuất nhận application/x-www-form-urlencoded; ở đây hãy dùng định dạng của thao tác.");
            return;
        }
        long headers = 0;
        for (Map.Entry<String, String> header : context.request().headers()) {
            headers += header.getKey().length() + header.getValue().length() + 4;
        }
        if (headers > maxHeaders) {
            refuse(context, 431, "request.headers-too-large",
                    "Các tiêu đề của yêu cầu quá lớn (" + headers + " byte); tối đa " + maxHeaders + " byte.");
            return;
        }
        context.next();
    }

    /**
     * A refusal by a Vert.x handler under /api (a status of 400-499), as problem details. A failure by exception is left to
     * Quarkus's handler, which knows the security exceptions among them.
     */
    static void failure(RoutingContext context) {
        int status = context.statusCode();
        if (context.response().headWritten() || status < 400 || status >= 500) {
            context.next();
            return;
        }
        switch (status) {
            case 400 -> refuse(context, 400, "request.malformed-body", "Nội dung gửi lên không đọc được.");
            case 404 -> refuse(context, 404, "resource.not-found", "Không tìm thấy địa chỉ hoặc đối tượng được yêu cầu.");
            case 405 -> refuse(context, 405, "request.method-not-allowed", "Phương thức HTTP này không dùng được với địa chỉ này.");
            case 413 -> refuse(context, 413, "request.too-large", "Nội dung gửi lên quá lớn.");
            case 414 -> refuse(context, 414, "request.uri-too-long", "Địa chỉ yêu cầu quá dài.");
            case 415 -> refuse(context, 415, "request.unsupported-media-type", "Định dạng nội dung không được hỗ trợ.");
            case 431 -> refuse(context, 431, "request.headers-too-large", "Các tiêu đề của yêu cầu quá lớn.");
            default -> refuse(context, status, "request.refused", "Yêu cầu bị từ chối.");
        }
    }

    private static void refuse(RoutingContext context, int status, String code, String detail) {
        String path = context.request().path();
        if (path == null || !path.startsWith(API)) {
            context.response().setStatusCode(status).putHeader("Connection", "close").end();
            return;
        }
        java.util.Locale language = ProblemTexts.language(context.request().getHeader("Accept-Language"));
        context.response().setStatusCode(status).putHeader("Content-Type", Problem.MEDIA_TYPE).putHeader("Connection", "close")
                .putHeader("Content-Language", language.toLanguageTag()).putHeader("Vary", "Accept-Language")
                .end(Json.encode(ProblemMapper.body(status, code, detail, path, language)));
    }
}
