package vn.dti.tracker.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.dti.tracker.deploy.DeployFiles.COMPOSE;
import static vn.dti.tracker.deploy.DeployFiles.at;
import static vn.dti.tracker.deploy.DeployFiles.map;
import static vn.dti.tracker.deploy.DeployFiles.string;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/**
 * The compose file for one server, checked without Docker: its services and how they wait for each other, the
 * two backend instances sharing what several instances must share, and secrets that only the operator's .env
 * and secrets/ provide.
 */
class ComposeFileTest {

    static final Path FILE = COMPOSE.resolve("compose.yaml");
    static final List<String> BACKENDS = List.of("backend-1", "backend-2");
    /** ${NAME}, ${NAME:-default}, ${NAME-default}, ${NAME:?message}, ${NAME?message}. */
    static final Pattern INTERPOLATION = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(?:(:?-)([^}]*)|(:?\\?)([^}]*))?}");
    static final Pattern SECRET_NAME = Pattern.compile(".*(PASSWORD|SECRET|ACCESS_KEY).*");

    static Map<String, Object> compose() {
        return DeployFiles.mapping(FILE);
    }

    static Map<String, Object> service(String name) {
        return map(at(compose(), "services", name), "services." + name);
    }

    static Map<String, Object> environment(String service) {
        return map(at(service(service), "environment"), service + ".environment");
    }

    @Test
    void theServerRunsPostgresAnObjectStoreTwoBackendsAndNginx() {
        assertEquals(Set.of("postgres", "object-store", "backend-1", "backend-2", "nginx"), map(compose().get("services"), "services").keySet());
        assertTrue(string(service("postgres"), "image").matches("postgres:17\\.[0-9]+-alpine"), "PostgreSQL 17, pinned to a release");
        for (String name : List.of("postgres", "object-store")) {
            String image = string(service(name), "image");
            assertTrue(image.matches("[^:]+:v?[0-9][A-Za-z0-9._-]*"), name + ": pin the image to a release, not " + image);
        }
        for (String name : List.of("backend-1", "backend-2", "nginx")) {
            assertTrue(string(service(name), "image").matches(".+:\\$\\{DTI_VERSION:-[0-9][^}]*}"), name + " runs the release DTI_VERSION names");
            assertEquals("../..", string(service(name), "build", "context"), name + " builds from the repository");
            assertTrue(Files.isRegularFile(COMPOSE.resolve("../..").resolve(string(service(name), "build", "dockerfile")).normalize()),
                    name + " builds from a Dockerfile that does not exist");
            assertEquals(Boolean.TRUE, service(name).get("read_only"), name + " runs on a read-only file system");
        }
        assertNotNull(at(service("nginx"), "ports"), "nginx answers on a port of the server");
        for (String name : List.of("postgres", "object-store", "backend-1", "backend-2")) {
            assertNull(at(service(name), "ports"), name + " is reached only inside the compose network");
        }
    }

    @Test
    void everyServiceWaitsForTheHealthOfWhatItNeeds() {
        Map<String, Set<String>> needs = Map.of(
                "backend-1", Set.of("postgres", "object-store"),
                "backend-2", Set.of("postgres", "object-store", "backend-1"),
                "nginx", Set.of("backend-1", "backend-2"));
        needs.forEach((name, required) -> {
            Map<String, Object> dependsOn = map(at(service(name), "depends_on"), name + ".depends_on");
            assertEquals(required, dependsOn.keySet(), name + " depends on");
            for (String dependency : required) {
                assertEquals("service_healthy", string(dependsOn, dependency, "condition"), name + " should wait until " + dependency + " is healthy");
                Object test = at(service(dependency), "healthcheck", "test");
                assertNotNull(test, dependency + " has no health check, so nothing can wait for its health");
            }
        });
        assertTrue(String.valueOf(at(service("backend-1"), "healthcheck", "test")).contains("/q/health/ready"),
                "a backend is healthy when ready (database included)");
    }

    @Test
    void theBackendsShareTheDatabaseTheObjectStoreTheKeysAndTheCursorSecret() {
        Map<String, Object> first = environment("backend-1");
        assertEquals(first, environment("backend-2"), "both instances need the same settings");
        assertEquals(at(service("backend-1"), "secrets"), at(service("backend-2"), "secrets"), "both instances get the token keys");
        assertTrue(String.valueOf(first.get("QUARKUS_DATASOURCE_JDBC_URL")).startsWith("jdbc:postgresql://postgres:5432/"));
        assertEquals(string(service("postgres"), "environment", "POSTGRES_USER"), first.get("QUARKUS_DATASOURCE_USERNAME"));
        assertEquals(string(service("postgres"), "environment", "POSTGRES_PASSWORD"), first.get("QUARKUS_DATASOURCE_PASSWORD"));

        assertEquals("s3", first.get("DTI_EVIDENCE_STORAGE"), "several instances need S3 storage");
        assertTrue(String.valueOf(first.get("QUARKUS_S3_ENDPOINT_OVERRIDE")).startsWith("http://object-store:"));
        Map<String, Object> store = environment("object-store");
        assertEquals(store.get("GARAGE_DEFAULT_BUCKET"), first.get("DTI_EVIDENCE_S3_BUCKET"), "the bucket the store makes is the one the backend uses");
        assertEquals(store.get("GARAGE_DEFAULT_ACCESS_KEY"), first.get("QUARKUS_S3_AWS_CREDENTIALS_STATIC_PROVIDER_ACCESS_KEY_ID"));
        assertEquals(store.get("GARAGE_DEFAULT_SECRET_KEY"), first.get("QUARKUS_S3_AWS_CREDENTIALS_STATIC_PROVIDER_SECRET_ACCESS_KEY"));
        Matcher region = Pattern.compile("(?m)^s3_region\\s*=\\s*\"([^\"]+)\"").matcher(DeployFiles.read(COMPOSE.resolve("garage.toml")));
        assertTrue(region.find(), "garage.toml names its region");
        assertEquals(region.group(1), first.get("DTI_EVIDENCE_S3_REGION"), "the backend signs for the store's region");

        List<Object> secrets = DeployFiles.list(at(service("backend-1"), "secrets"), "backend-1.secrets");
        for (String key : List.of("DTI_AUTH_PRIVATE_KEY_FILE", "DTI_AUTH_PUBLIC_KEY_FILE")) {
            String path = String.valueOf(first.get(key));
            assertTrue(path.startsWith("/run/secrets/") && secrets.contains(path.substring("/run/secrets/".length())),
                    key + " should be a compose secret of the service, not " + path);
        }
        for (Object secret : secrets) {
            String file = string(compose(), "secrets", String.valueOf(secret), "file");
            assertNotNull(file, "secret " + secret + " is not declared");
            assertTrue(file.startsWith("./secrets/"), "secret " + secret + " should be a file in secrets/");
        }
        assertNotNull(first.get("DTI_CHANGES_CURSOR_SECRET"), "the cursor secret must be the same on every instance, so it is set");
        assertEquals("backend:8080", string(service("nginx"), "environment", "DTI_BACKEND_ADDRESS"), "nginx reaches the backends by their shared name");
        for (String backend : BACKENDS) {
            assertTrue(DeployFiles.list(at(service(backend), "networks", "default", "aliases"), backend + " aliases").contains("backend"),
                    backend + " should answer to the name nginx uses");
        }
    }

    /** A secret is written nowhere in the repository: it comes from .env, with no default to fall back on. */
    @Test
    void secretsComeFromTheEnvironmentWithoutADefault() {
        Set<String> secretSettings = DeployFiles.settings().stream().filter(DeployFiles.Setting::secret)
                .flatMap(s -> s.variables().stream()).collect(Collectors.toSet());
        List<String> checked = new ArrayList<>();
        for (String name : map(compose().get("services"), "services").keySet()) {
            Object env = at(service(name), "environment");
            if (env == null) {
                continue;
            }
            map(env, name).forEach((key, value) -> {
                if (secretSettings.contains(key) || SECRET_NAME.matcher(key).matches()) {
                    Matcher m = INTERPOLATION.matcher(String.valueOf(value));
                    assertTrue(m.matches(), name + " " + key + " should be only ${VARIABLE}, not " + value);
                    assertTrue(m.group(3) == null || m.group(3).isEmpty(), name + " " + key + " has a default: " + value);
                    checked.add(name + " " + key);
                }
            });
        }
        assertTrue(checked.size() >= 10, "only " + checked + " were recognised as secrets");
        assertTrue(checked.contains("backend-1 QUARKUS_DATASOURCE_PASSWORD"), checked.toString());
    }

    @Test
    void theExampleEnvironmentFileNamesEveryVariableTheComposeFileReadsAndNoValueOfASecret() {
        Set<String> used = new TreeSet<>();
        Matcher m = INTERPOLATION.matcher(DeployFiles.read(FILE));
        while (m.find()) {
            used.add(m.group(1));
        }
        Set<String> documented = new TreeSet<>();
        for (String line : DeployFiles.read(COMPOSE.resolve(".env.example")).split("\n")) {
            if (line.matches("[A-Z][A-Z0-9_]*=.*")) {
                String key = line.substring(0, line.indexOf('='));
                documented.add(key);
                if (SECRET_NAME.matcher(key).matches()) {
                    assertEquals(key + "=", line, ".env.example should leave " + key + " empty");
                }
            }
        }
        assertEquals(used, documented, ".env.example and compose.yaml should name the same variables");
        List<String> ignored = List.of(DeployFiles.read(COMPOSE.resolve(".gitignore")).split("\n"));
        assertTrue(ignored.contains(".env") && ignored.contains("secrets/"), ".env and secrets/ stay out of git");
    }
}
