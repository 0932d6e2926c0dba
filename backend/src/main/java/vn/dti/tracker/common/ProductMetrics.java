package vn.dti.tracker.common;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.config.MeterFilter;

/**
 * The product's own counters, all in one place so that their names and tags stay a stable, documented
 * set (docs/operations.md). Tags carry bounded values only: stable problem codes, formats, decisions,
 * job names; never a person, a file name or an id. At /q/metrics in Prometheus format, Micrometer adds
 * the {@code _total} suffix: {@code dti.reports.submitted} is scraped as {@code dti_reports_submitted_total}.
 */
@ApplicationScoped
public class ProductMetrics {

    /** How a review ended. */
    public enum Decision {
        ACCEPTED, RETURNED, REOPENED;

        String tag() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** How a background job's turn on this instance ended. */
    public enum JobOutcome {
        /** This instance ran it. */
        RAN,
        /** Another instance holds it or ran it within its interval. */
        SKIPPED,
        /** This instance ran it and it failed. */
        FAILED;

        String tag() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final MeterRegistry registry;

    public ProductMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /**
     * HTTP timings are tagged with the operation's route template. Quarkus REST gives it without the
     * application's root ({@code /v1/plans/{planId}}); it is put back ({@code /api/v1/plans/{planId}}) so the
     * tag reads as the contract's path. The web app's pages and files are one tag, {@code /{web-app}}, so no
     * path a browser asks for becomes a series of its own.
     */
    /** Longer than any route template of the contract. */
    private static final int MAX_URI_TAG = 200;

    @Produces
    @Singleton
    MeterFilter routeTemplates() {
        return new MeterFilter() {
            @Override
            public Meter.Id map(Meter.Id id) {
                if (!id.getName().startsWith("http.server.")) {
                    return id;
                }
                String uri = id.getTag("uri");
                if (uri == null) {
                    return id;
                }
                // A request the HTTP layer refused before any route matched (a request line or headers over the limits) has no
                // template, only its raw path, which may be long or carry ids: it is counted under one name.
                String status = id.getTag("status");
                boolean refusedBeforeRouting = "414".equals(status) || "431".equals(status) || uri.length() > MAX_URI_TAG;
                String mapped = refusedBeforeRouting ? "/api/{refused}"
                        : uri.startsWith("/v1/") ? "/api" + uri
                        : uri.startsWith("/api/") || uri.startsWith("/q/") || uri.equals("/") || !uri.startsWith("/") ? uri
                        : "/{web-app}";
                return mapped.equals(uri) ? id : id.replaceTags(Tags.of(id.getTagsAsIterable()).and("uri", mapped));
            }
        };
    }

    /** A report was submitted (first time or again after a return). */
    public void reportSubmitted() {
        Counter.builder("dti.reports.submitted").description("Reports submitted for review, first submissions and resubmissions")
                .register(registry).increment();
    }

    public void reviewed(Decision decision) {
        Counter.builder("dti.reviews").description("Reviews of submitted reports, by decision (accepted, returned, reopened)")
                .tag("decision", decision.tag()).register(registry).increment();
    }

    /** An evidence file was stored (or found already stored by its hash); {@code bytes} is its size. */
    public void evidenceAccepted(long bytes) {
        Counter.builder("dti.evidence.uploads").description("Evidence file uploads, by outcome and, when rejected, the problem code")
                .tag("outcome", "accepted").tag("reason", "none").register(registry).increment();
        Counter.builder("dti.evidence.upload.bytes").description("Bytes of evidence files accepted").baseUnit("bytes")
                .register(registry).increment(bytes);
    }

    /** An evidence upload was refused; {@code reason} is the problem code the client got (e.g. evidence.too-large). */
    public void evidenceRejected(String reason) {
        Counter.builder("dti.evidence.uploads").description("Evidence file uploads, by outcome and, when rejected, the problem code")
                .tag("outcome", "rejected").tag("reason", reason).register(registry).increment();
    }

    public void exported(String format) {
        Counter.builder("dti.exports").description("Bulk exports of results started, by format (csv, ndjson)")
                .tag("format", format).register(registry).increment();
    }

    /** A sign-in (any grant) was refused; {@code reason} is the problem code (auth.invalid-credentials, auth.account-locked, …). */
    public void signInFailed(String reason) {
        Counter.builder("dti.sign.in.failures").description("Refused sign-ins and token requests, by problem code")
                .tag("reason", reason).register(registry).increment();
    }

    public void job(String job, JobOutcome outcome) {
        Counter.builder("dti.jobs").description("Turns of background jobs on this instance: ran, skipped (run elsewhere) or failed")
                .tag("job", job).tag("outcome", outcome.tag()).register(registry).increment();
    }
}
