package vn.dti.tracker.common;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.vertx.core.MultiMap;
import io.vertx.ext.web.Router;

/**
 * Security headers on every response, API, static files and errors alike: no MIME sniffing, no
 * framing, no referrer leaving the site, and HSTS when the request came over TLS (directly or, with
 * proxy forwarding enabled, through a TLS-terminating proxy).
 */
@ApplicationScoped
public class SecurityHeaders {

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(context -> {
            context.addHeadersEndHandler(ignored -> {
                MultiMap headers = context.response().headers();
                headers.set("X-Content-Type-Options", "nosniff");
                headers.set("X-Frame-Options", "DENY");
                headers.set("Referrer-Policy", "no-referrer");
                if (!headers.contains("Content-Security-Policy")) {
                    headers.set("Content-Security-Policy", "frame-ancestors 'none'");
                }
                if (context.request().isSSL() || "https".equalsIgnoreCase(context.request().scheme())) {
                    headers.set("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
                }
            });
            context.next();
        });
    }
}
