package vn.dti.tracker.common;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;

/**
 * The web app's own paths (/plans, /plans/…) are served its index page, so that a link or a
 * reload opens the right screen; API and management paths are never touched.
 */
@ApplicationScoped
public class SpaRoutes {

    void install(@Observes Router router) {
        router.route().last().handler(ctx -> {
            String path = ctx.normalizedPath();
            String accept = ctx.request().getHeader("Accept");
            boolean page = ctx.request().method() == HttpMethod.GET && accept != null && accept.contains("text/html");
            if (page && !path.startsWith("/api/") && !path.startsWith("/q/") && !path.contains(".") && !"/".equals(path)) {
                ctx.reroute("/");
            } else {
                ctx.next();
            }
        });
    }
}
