package vn.dti.tracker.common;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.vertx.ext.web.Router;

/**
 * How long a browser keeps the web app's files. Vite names everything under /assets/ by its content's hash, so a
 * new release makes new names and a file found there never changes: a year, immutable. index.html (and the app's
 * own paths, which are answered with it), favicon.svg and any other file are revalidated at every use (no-cache,
 * answered 304 while their Last-Modified holds), so a new release is seen on the next visit instead of a day later.
 * API and management answers keep whatever their resources say. deploy/images/nginx/dti.conf.template does the same
 * on the files nginx serves.
 */
@ApplicationScoped
public class WebAppCaching {

    public static final String HASHED = "public, max-age=31536000, immutable";
    public static final String REVALIDATED = "no-cache";

    /** The Cache-Control for a web app path answered with this status, or null to leave the answer as it is. */
    static String cacheControlFor(String path, int status) {
        if (path.startsWith("/api/") || path.startsWith("/q/")) {
            return null;
        }
        if (path.startsWith("/assets/")) {
            // Only a file found: a 404 while a release rolls out must not stick for a year.
            return status == 200 ? HASHED : REVALIDATED;
        }
        return REVALIDATED;
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 1).handler(context -> {
            context.addHeadersEndHandler(ignored -> {
                String value = cacheControlFor(context.normalizedPath(), context.response().getStatusCode());
                if (value != null) {
                    context.response().headers().set("Cache-Control", value);
                }
            });
            context.next();
        });
    }
}
