package vn.dti.tracker;

import java.nio.file.Path;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import vn.dti.tracker.auth.SigningKeys;
import vn.dti.tracker.database.EmbeddedDatabase;

/**
 * Starts the product. With no database configured ({@code QUARKUS_DATASOURCE_JDBC_URL}), a real
 * PostgreSQL is started first with its files under the data directory ({@code DTI_DATA_DIR},
 * default {@code ./data}); with one configured, nothing else is started. Without configured token
 * signing keys, a key pair is made once in the data directory.
 */
@QuarkusMain
public class Main {

    public static void main(String... args) {
        EmbeddedDatabase embedded = null;
        if (setting("QUARKUS_DATASOURCE_JDBC_URL", "quarkus.datasource.jdbc.url") == null) {
            String dataDir = setting("DTI_DATA_DIR", "dti.data-dir");
            Path dir = Path.of(dataDir == null ? "data" : dataDir).toAbsolutePath().normalize();
            embedded = EmbeddedDatabase.start(dir.resolve("postgres"), true);
            System.setProperty("quarkus.datasource.jdbc.url", embedded.jdbcUrl());
            System.setProperty("quarkus.datasource.username", embedded.username());
            System.setProperty("quarkus.datasource.password", embedded.password());
            System.setProperty("dti.data-dir", dir.toString());
            EmbeddedDatabase toClose = embedded;
            Runtime.getRuntime().addShutdownHook(new Thread(toClose::close, "embedded-postgres-stop"));
        }
        if (setting("DTI_AUTH_PRIVATE_KEY_FILE", "dti.auth.private-key-file") == null) {
            String dataDir = setting("DTI_DATA_DIR", "dti.data-dir");
            Path keys = SigningKeys.ensure(Path.of(dataDir == null ? "data" : dataDir).toAbsolutePath().normalize().resolve("keys"));
            System.setProperty("dti.auth.private-key-file", keys.resolve(SigningKeys.PRIVATE_FILE).toString());
            System.setProperty("dti.auth.public-key-file", keys.resolve(SigningKeys.PUBLIC_FILE).toString());
        }
        try {
            Quarkus.run(args);
        } finally {
            if (embedded != null) {
                embedded.close();
            }
        }
    }

    private static String setting(String env, String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            value = System.getenv(env);
        }
        return value == null || value.isBlank() ? null : value;
    }
}
