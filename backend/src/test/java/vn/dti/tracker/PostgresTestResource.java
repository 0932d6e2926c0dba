package vn.dti.tracker;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import vn.dti.tracker.auth.SigningKeys;
import vn.dti.tracker.database.EmbeddedDatabase;

/**
 * Tests run against a real PostgreSQL: the embedded one in a fresh directory, or the server named
 * by QUARKUS_DATASOURCE_JDBC_URL when that is set. The server stops with the tests. Token keys are
 * made once under target/.
 */
@QuarkusTestResource(value = PostgresTestResource.class, restrictToAnnotatedClass = false)
public class PostgresTestResource implements QuarkusTestResourceLifecycleManager {

    private EmbeddedDatabase database;

    @Override
    public Map<String, String> start() {
        // The test profile names these files (application.properties); they are made here before the first use.
        SigningKeys.ensure(Path.of("target", "test-keys").toAbsolutePath());
        Map<String, String> config = new HashMap<>();
        String external = System.getenv("QUARKUS_DATASOURCE_JDBC_URL");
        if (external == null || external.isBlank()) {
            database = EmbeddedDatabase.start(Path.of("target", "test-postgres").toAbsolutePath(), false);
            config.put("quarkus.datasource.jdbc.url", database.jdbcUrl());
            config.put("quarkus.datasource.username", database.username());
            config.put("quarkus.datasource.password", database.password());
        }
        return config;
    }

    @Override
    public void stop() {
        if (database != null) {
            database.close();
        }
    }
}
