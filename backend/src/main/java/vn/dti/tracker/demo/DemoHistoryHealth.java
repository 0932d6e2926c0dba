package vn.dti.tracker.demo;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** While the demo's year of reporting is being written at start, the instance serves but is not yet ready. */
@Readiness
@ApplicationScoped
public class DemoHistoryHealth implements HealthCheck {

    private final DemoHistory history;

    public DemoHistoryHealth(DemoHistory history) {
        this.history = history;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("Demo history").status(!history.writing()).build();
    }
}
