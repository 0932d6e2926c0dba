package vn.dti.tracker;

import java.nio.file.Path;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import vn.dti.tracker.common.EmbeddedDatabase;

/**
 * Tests run against a real PostgreSQL: the embedded one in a fresh directory, or the server named
 * by QUARKUS_DATASOURCE_JDBC_URL when that is set. The server stops with the tests.
 */
@QuarkusTestResource(value = PostgresTestResource.class, restrictToAnnotatedClass = false)
public class PostgresTestResource implements QuarkusTestResourceLifecycleManager {

    private EmbeddedDatabase database;

    @Override
    public Map<String, String> start() {
        String external = System.getenv("QUARKUS_DATASOURCE_JDBC_URL");
        if (external != null && !external.isBlank()) {
            return Map.of();
        }
        database = EmbeddedDatabase.start(Path.of("target", "test-postgres").toAbsolutePath(), false);
        return Map.of("quarkus.datasource.jdbc.url", database.jdbcUrl(), "quarkus.datasource.username", database.username());
    }

    @Override
    public void stop() {
        if (database != null) {
            database.close();
        }
    }
}
