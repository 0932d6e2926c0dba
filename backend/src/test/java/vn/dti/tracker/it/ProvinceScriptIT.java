package vn.dti.tracker.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import vn.dti.tracker.database.EmbeddedDatabase;

/** The README's example script for province systems, run as written against the packaged product. */
class ProvinceScriptIT {

    static final Path WORK = Path.of("target", "province-script-it").toAbsolutePath();

    private EmbeddedDatabase database;
    private Process app;

    @AfterEach
    void stopEverything() throws InterruptedException {
        PackagedProduct.stop(app);
        if (database != null) {
            database.close();
        }
    }

    @Test
    void theExampleScriptPullsChangesResumesAndExportsAMonth() throws Exception {
        UploadCrashIT.deleteTree(WORK);
        Files.createDirectories(WORK);
        database = EmbeddedDatabase.start(WORK.resolve("postgres"), false);
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        app = PackagedProduct.start(database, WORK.resolve("data"), port, WORK.resolve("app.log"));

        String first = run(port);
        // The demo data alone makes several pages of 100.
        assertTrue(first.matches("(?s).*changes: [1-9][0-9]* in ([2-9]|[1-9][0-9]+) page\\(s\\).*"), first);
        assertFalse(Files.readString(WORK.resolve("pull").resolve("cursor")).isBlank());
        String header = Files.readAllLines(WORK.resolve("pull").resolve("results-2026-03.csv"), StandardCharsets.UTF_8).get(0);
        assertTrue(header.startsWith("\uFEFFreportId,planCode,periodKey"), header);
        // The next run resumes from the saved cursor: nothing has changed since.
        String second = run(port);
        assertTrue(second.contains("changes: 0 in 1 page(s)"), second);
    }

    private String run(int port) throws Exception {
        Path script = Path.of("..", "docs", "examples", "province-pull.sh").toAbsolutePath().normalize();
        ProcessBuilder pb = new ProcessBuilder(List.of("bash", script.toString())).redirectErrorStream(true);
        pb.environment().put("BASE_URL", "http://localhost:" + port);
        pb.environment().put("STATE_DIR", WORK.resolve("pull").toString());
        pb.environment().put("MONTH", "2026-03");
        pb.environment().put("LIMIT", "100");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        return out;
    }
}
