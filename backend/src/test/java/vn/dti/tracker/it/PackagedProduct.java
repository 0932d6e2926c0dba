package vn.dti.tracker.it;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import vn.dti.tracker.database.EmbeddedDatabase;

/** The packaged product (target/quarkus-app) started as a process on a test-owned database, with the demo data. */
final class PackagedProduct {

    private PackagedProduct() {
    }

    static Process start(EmbeddedDatabase database, Path data, int port, Path log) throws Exception {
        return start(database, data, port, log, Map.of());
    }

    /** With {@code settings} (environment variables) added to or replacing the defaults below. */
    static Process start(EmbeddedDatabase database, Path data, int port, Path log, Map<String, String> settings) throws Exception {
        Map<String, String> withPassword = new java.util.HashMap<>(settings);
        withPassword.putIfAbsent("QUARKUS_DATASOURCE_PASSWORD", database.password());
        return start(database.jdbcUrl(), database.username(), data, port, log, withPassword);
    }

    /** On the database at {@code jdbcUrl}. */
    static Process start(String jdbcUrl, String username, Path data, int port, Path log, Map<String, String> settings) throws Exception {
        Map<String, String> all = new java.util.HashMap<>();
        all.put("QUARKUS_DATASOURCE_JDBC_URL", jdbcUrl);
        all.put("QUARKUS_DATASOURCE_USERNAME", username);
        all.putAll(settings);
        return launch(data, port, log, all);
    }

    /** On its own embedded database in {@code data}, as `make run` starts it. */
    static Process startEmbedded(Path data, int port, Path log, Map<String, String> settings) throws Exception {
        return launch(data, port, log, settings);
    }

    private static Process launch(Path data, int port, Path log, Map<String, String> settings) throws Exception {
        Path jar = Path.of("target", "quarkus-app", "quarkus-run.jar").toAbsolutePath();
        String java = ProcessHandle.current().info().command().orElse("java");
        // The product's own JVM settings, as `make run` and the service use them.
        String options = "@" + Path.of("..", "deploy", "jvm.options").toAbsolutePath().normalize();
        ProcessBuilder pb = new ProcessBuilder(List.of(java, options, "-jar", jar.toString()))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        Map<String, String> env = pb.environment();
        env.keySet().removeIf(k -> k.startsWith("QUARKUS_DATASOURCE_"));
        env.put("DTI_DATA_DIR", data.toString());
        env.put("QUARKUS_HTTP_PORT", String.valueOf(port));
        env.put("DTI_DEMO_LOAD", "true");
        // The demo plans without the year of history (its own test is demo/DemoHistoryTest): these tests need only the plans.
        env.put("DTI_DEMO_HISTORY", "false");
        env.put("QUARKUS_SCHEDULER_ENABLED", "false");
        // Metrics are on the management interface: a port of its own for each process, unless the caller names one.
        env.put("QUARKUS_MANAGEMENT_PORT", String.valueOf(freePort()));
        env.putAll(settings);
        Process p = pb.start();
        Instant until = Instant.now().plus(Duration.ofSeconds(120));
        while (Instant.now().isBefore(until)) {
            if (!p.isAlive()) {
                throw new IllegalStateException("the product stopped at start; see " + log);
            }
            try {
                HttpURLConnection c = (HttpURLConnection) URI.create("http://localhost:" + port + "/q/health/ready").toURL().openConnection();
                if (c.getResponseCode() == 200) {
                    return p;
                }
            } catch (IOException e) {
                // not yet listening
            }
            Thread.sleep(300);
        }
        p.destroyForcibly();
        throw new IllegalStateException("the product did not become ready in 120 s; see " + log);
    }

    /** A free port on this machine, for one product process. */
    static int freePort() throws IOException {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** A setting's name as an environment variable: quarkus.s3.endpoint-override → QUARKUS_S3_ENDPOINT_OVERRIDE. */
    static String environmentName(String property) {
        return property.toUpperCase(java.util.Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }

    static void stop(Process app) throws InterruptedException {
        if (app != null && app.isAlive()) {
            app.destroy();
            if (!app.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                app.destroyForcibly().waitFor();
            }
        }
    }

    /** A multipart/form-data body with one file part named {@code file}, under {@code boundary}. */
    static byte[] fileForm(String boundary, String fileName, String mediaType, byte[] content) {
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName + "\"\r\n"
                + "Content-Type: " + mediaType + "\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] body = new byte[head.length + content.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(content, 0, body, head.length, content.length);
        System.arraycopy(tail, 0, body, head.length + content.length, tail.length);
        return body;
    }
}
