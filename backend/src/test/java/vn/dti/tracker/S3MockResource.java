package vn.dti.tracker;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A real S3-compatible server for the storage tests: Adobe's S3Mock, run from its executable jar
 * (copied to target/test-tools by the build) as a separate process that stops with the tests.
 */
public class S3MockResource implements QuarkusTestResourceLifecycleManager {

    static final String BUCKET = "dti-evidence";

    private Process process;

    @Override
    public Map<String, String> start() {
        Path jar = Path.of("target", "test-tools", "s3mock.jar").toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("S3Mock is missing: " + jar + " (made by the build's process-test-resources phase)");
        }
        try {
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            Path root = Path.of("target", "s3mock-data").toAbsolutePath();
            Files.createDirectories(root);
            String java = ProcessHandle.current().info().command().orElse("java");
            process = new ProcessBuilder(List.of(java, "-Xmx256m", "-XX:TieredStopAtLevel=1", "-jar", jar.toString(),
                    "--http.port=" + port, "--server.port=0", "--com.adobe.testing.s3mock.store.initial-buckets=" + BUCKET,
                    "--com.adobe.testing.s3mock.store.root=" + root, "--com.adobe.testing.s3mock.store.retain-files-on-exit=false",
                    "--spring.main.banner-mode=off"))
                    .redirectErrorStream(true).redirectOutput(Path.of("target", "s3mock.log").toFile()).start();
            String endpoint = "http://localhost:" + port;
            awaitBucket(endpoint);
            return Map.of("dti.evidence.storage", "s3", "dti.evidence.s3.bucket", BUCKET, "quarkus.s3.endpoint-override", endpoint,
                    "quarkus.s3.aws.credentials.type", "static", "quarkus.s3.aws.credentials.static-provider.access-key-id", "test",
                    "quarkus.s3.aws.credentials.static-provider.secret-access-key", "test");
        } catch (IOException e) {
            stop();
            throw new IllegalStateException("S3Mock did not start", e);
        }
    }

    private void awaitBucket(String endpoint) {
        Instant until = Instant.now().plus(Duration.ofSeconds(90));
        while (Instant.now().isBefore(until)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("S3Mock stopped at start; see target/s3mock.log");
            }
            try {
                HttpURLConnection c = (HttpURLConnection) URI.create(endpoint + "/" + BUCKET).toURL().openConnection();
                c.setConnectTimeout(1000);
                if (c.getResponseCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("S3Mock did not answer within 90 s; see target/s3mock.log");
    }

    @Override
    public void stop() {
        if (process != null) {
            process.destroy();
            try {
                if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }
}
