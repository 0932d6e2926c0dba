package vn.dti.tracker.common;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.ext.web.Router;

/**
 * A request whose declared body is larger than the limit is answered at once, before any of it is
 * read, with the same problem details as every other refusal. Evidence uploads have their own,
 * larger limit (the file plus room for its form fields); every other request has the JSON limit.
 */
@ApplicationScoped
public class BodyLimit {

    /** Room for the form fields that travel with an uploaded file. */
    static final long FORM_ALLOWANCE = 256 * 1024;
    static final String UPLOAD_PATH = "/api/v1/evidence";
    static final String STREAM_PATH = "/api/v1/evidence/stream";
    /** Appendix imports: a workbook, with a limit of its own. */
    static final java.util.regex.Pattern IMPORT_PATH = java.util.regex.Pattern.compile("^/api/v1/plans/[^/]+/appendix/imports$");

    private final long limit;
    private final long uploadLimit;
    private final long importLimit;
    private final ProductMetrics metrics;

    public BodyLimit(@ConfigProperty(name = "dti.http.max-json-size") MemorySize limit,
            @ConfigProperty(name = "dti.evidence.max-file-size") MemorySize maxFile,
            @ConfigProperty(name = "dti.documents.import.max-file-size") MemorySize maxWorkbook, ProductMetrics metrics) {
        this.metrics = metrics;
        this.limit = limit.asLongValue();
        this.uploadLimit = maxFile.asLongValue() + FORM_ALLOWANCE;
        this.importLimit = maxWorkbook.asLongValue();
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 1).handler(context -> {
            String declared = context.request().getHeader("Content-Length");
            long length;
            try {
                length = declared == null ? -1 : Long.parseLong(declared.trim());
            } catch (NumberFormatException e) {
                length = -1;
            }
            String path = context.request().path();
            boolean post = "POST".equals(context.request().method().name());
            boolean upload = post && (UPLOAD_PATH.equals(path) || STREAM_PATH.equals(path));
            boolean workbook = post && IMPORT_PATH.matcher(path).matches();
            long max = upload ? uploadLimit : workbook ? importLimit : limit;
            if (length > max) {
                DomainException refusal = upload ? DomainException.fileTooLarge(length, uploadLimit - FORM_ALLOWANCE)
                        : workbook ? DomainException.workbookTooLarge(length, importLimit)
                        : new DomainException(DomainException.Kind.TOO_LARGE, "request.too-large",
                                "Nội dung gửi lên quá lớn (" + length + " byte); giới hạn là " + max + " byte.", java.util.List.of());
                if (upload) {
                    metrics.evidenceRejected(refusal.code());
                }
                context.response().setStatusCode(413).putHeader("Content-Type", Problem.MEDIA_TYPE).putHeader("Connection", "close")
                        .end(io.vertx.core.json.Json.encode(ProblemMapper.body(refusal, path, ProblemTexts.language(context.request().getHeader("Accept-Language")))));
                return;
            }
            context.next();
        });
    }
}
