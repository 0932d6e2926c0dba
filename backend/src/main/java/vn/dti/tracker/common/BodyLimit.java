package vn.dti.tracker.common;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;

/**
 * A request whose declared body is larger than the limit is answered at once, before any of it is
 * read, with the same problem details as every other refusal.
 */
@ApplicationScoped
public class BodyLimit {

    private final long limit;

    public BodyLimit(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize limit) {
        this.limit = limit.asLongValue();
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
            if (length > limit) {
                String detail = "Nội dung gửi lên quá lớn (" + length + " byte); giới hạn là " + limit + " byte.";
                JsonObject problem = new JsonObject().put("type", Problem.TYPE_BASE + "request.too-large").put("title", "Quá lớn")
                        .put("status", 413).put("detail", detail).put("code", "request.too-large").put("instance", context.request().path());
                context.response().setStatusCode(413).putHeader("Content-Type", Problem.MEDIA_TYPE).putHeader("Connection", "close")
                        .end(problem.encode());
                return;
            }
            context.next();
        });
    }
}
