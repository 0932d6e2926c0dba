package vn.dti.tracker.evidence;

import java.io.IOException;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.jboss.logging.Logger;

/**
 * Readiness includes the evidence store: an instance that cannot store or read evidence takes no
 * traffic (an upload would be refused, a download fail), while the database check covers the rest.
 */
@Readiness
@ApplicationScoped
public class EvidenceStoreHealth implements HealthCheck {

    static final String NAME = "Evidence store";
    private static final Logger LOG = Logger.getLogger(EvidenceStoreHealth.class);

    private final BlobStore store;

    public EvidenceStoreHealth(BlobStore store) {
        this.store = store;
    }

    @Override
    public HealthCheckResponse call() {
        return check(store);
    }

    /**
     * The store's state as a health response, naming only its kind: where it is and why it failed go to
     * the log, not to whoever can reach the health endpoint.
     */
    public static HealthCheckResponse check(BlobStore store) {
        String kind = store.kind();
        try {
            store.probe();
            return HealthCheckResponse.named(NAME).up().withData("storage", kind).build();
        } catch (IOException | RuntimeException e) {
            LOG.warnf("Evidence store %s is not usable: %s", store.describe(), e.getMessage());
            return HealthCheckResponse.named(NAME).down().withData("storage", kind).build();
        }
    }
}
