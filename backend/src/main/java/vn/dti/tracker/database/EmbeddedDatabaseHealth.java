package vn.dti.tracker.database;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Liveness of the embedded database's supervision. A database that is down or restarting is a readiness matter
 * (the datasource's own check): the product answers 503 and recovers by itself. Only when the embedded server
 * has failed to start again several times in a row is the product itself reported dead, so that its service
 * manager restarts it. With an external database this check is always up.
 */
@Liveness
@ApplicationScoped
public class EmbeddedDatabaseHealth implements HealthCheck {

    static final String NAME = "embedded-database";

    @Override
    public HealthCheckResponse call() {
        return EmbeddedDatabase.current()
                .map(db -> HealthCheckResponse.named(NAME).status(db.recoverable()).withData("port", db.port()).build())
                .orElseGet(() -> HealthCheckResponse.named(NAME).up().withData("embedded", false).build());
    }
}
