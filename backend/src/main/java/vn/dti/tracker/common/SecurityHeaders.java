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

    /**
     * The web app's policy: scripts only from its own files (the built index.html has no inline
     * script), so an injected script has nowhere to run from; styles from its own files (React's style
     * props go through the CSSOM, which style-src does not govern); pictures may also come as data:
     * or blob: URLs (previews of evidence held in the page); no plugins, no base rewriting, no framing.
     * deploy/images/nginx/security-headers.conf sends the same on the files nginx serves.
     */
    public static final String APP_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; "
            + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /** API answers are data, never a page: nothing in them may load or run, nor be framed. */
    public static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'";

    /** Swagger UI and the other management pages under /q/ run inline scripts of their own: they are only kept unframed. */
    public static final String MANAGEMENT_POLICY = "frame-ancestors 'none'";

    static String policyFor(String path) {
        return path.startsWith("/api/") ? API_POLICY : path.startsWith("/q/") ? MANAGEMENT_POLICY : APP_POLICY;
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(context -> {
            context.addHeadersEndHandler(ignored -> {
                MultiMap headers = context.response().headers();
                headers.set("X-Content-Type-Options", "nosniff");
                headers.set("X-Frame-Options", "DENY");
                headers.set("Referrer-Policy", "no-referrer");
                if (!headers.contains("Content-Security-Policy")) {
                    headers.set("Content-Security-Policy", policyFor(context.normalizedPath()));
                }
                if (context.request().isSSL() || "https".equalsIgnoreCase(context.request().scheme())) {
                    headers.set("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
                }
            });
            context.next();
        });
    }
}
