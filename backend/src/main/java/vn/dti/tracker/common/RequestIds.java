package vn.dti.tracker.common;

import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.MDC;

import io.smallrye.common.vertx.ContextLocals;
import io.vertx.ext.web.Router;

/**
 * Every request has an id that ties together what the client saw and what the logs say: the caller's
 * own {@code X-Request-Id} when it is sane (a proxy or a province system may send one), otherwise a new
 * one. It is answered in the {@code X-Request-Id} header, written with every log line of the request
 * (MDC key {@code requestId}) and carried in every problem+json body, so that a person who reports an
 * error can quote it and an operator finds the request.
 */
@ApplicationScoped
public class RequestIds {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";

    /** Letters, digits and a few separators, at most 128: nothing that could forge a log line or fill a disk. */
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:@/+=-]{1,128}");

    void install(@Observes Router router) {
        // Before every other handler (the body limit answers some requests itself).
        router.route().order(Integer.MIN_VALUE).handler(context -> {
            String id = accept(context.request().getHeader(HEADER));
            ContextLocals.put(MDC_KEY, id);
            MDC.put(MDC_KEY, id);
            context.response().putHeader(HEADER, id);
            context.next();
        });
    }

    /** The caller's id when it is sane, otherwise a new one. */
    static String accept(String incoming) {
        if (incoming != null) {
            String trimmed = incoming.trim();
            if (SANE.matcher(trimmed).matches()) {
                return trimmed;
            }
        }
        return UUID.randomUUID().toString();
    }

    /** The id of the request being handled, or null outside a request. */
    public static String current() {
        try {
            return ContextLocals.<String>get(MDC_KEY).orElseGet(() -> (String) MDC.get(MDC_KEY));
        } catch (UnsupportedOperationException | IllegalStateException e) {
            // Not on a request's context (a scheduled job, start-up).
            Object fromMdc = MDC.get(MDC_KEY);
            return fromMdc == null ? null : fromMdc.toString();
        }
    }
}
