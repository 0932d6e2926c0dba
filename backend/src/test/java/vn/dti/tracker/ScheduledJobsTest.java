package vn.dti.tracker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import vn.dti.tracker.common.ScheduledJobs;

/**
 * A background job fired at the same moment on several instances (here: several threads, each on its
 * own database connection, which is what the lock and the row see) runs once; once per interval after
 * that; and a failure is on record.
 */
@QuarkusTest
class ScheduledJobsTest {

    @io.quarkus.test.common.http.TestHTTPResource(value = "/", management = true)
    java.net.URL management;

    @Inject
    ScheduledJobs jobs;

    @Inject
    DataSource db;

    @Test
    void turnsFiredTogetherRunTheJobOnceAndTheIntervalKeepsLaterTurnsOut() throws Exception {
        String job = "test-" + UUID.randomUUID().toString().substring(0, 8);
        OperationsTest.Metrics before = OperationsTest.Metrics.scrape(management);
        AtomicInteger runs = new AtomicInteger();
        int turns = 4;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(turns);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < turns; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return jobs.turn(job, Duration.ofHours(1), () -> {
                        runs.incrementAndGet();
                        sleep(300);
                    });
                }));
            }
            start.countDown();
            int ran = 0;
            for (Future<Boolean> r : results) {
                ran += r.get(30, TimeUnit.SECONDS) ? 1 : 0;
            }
            assertEquals(1, ran);
            assertEquals(1, runs.get());
        } finally {
            pool.shutdownNow();
        }
        // Later in the same interval: skipped, though nothing runs now.
        assertFalse(jobs.turn(job, Duration.ofHours(1), runs::incrementAndGet));
        assertEquals(1, runs.get());
        assertEquals(List.of("1", "RAN", jobs.instance()), row(job));

        OperationsTest.Metrics after = OperationsTest.Metrics.scrape(management);
        assertEquals(1, after.delta(before, "dti_jobs_total", Map.of("job", job, "outcome", "ran")));
        assertEquals(turns, after.delta(before, "dti_jobs_total", Map.of("job", job, "outcome", "skipped")));
    }

    @Test
    void aJobRunsAgainOnceItsIntervalHasPassedAndAFailureIsOnRecord() throws Exception {
        String job = "test-" + UUID.randomUUID().toString().substring(0, 8);
        Duration every = Duration.ofMillis(400);
        AtomicInteger runs = new AtomicInteger();
        assertTrue(jobs.turn(job, every, runs::incrementAndGet));
        assertFalse(jobs.turn(job, every, runs::incrementAndGet));
        sleep(500);
        assertTrue(jobs.turn(job, every, runs::incrementAndGet));
        assertEquals(2, runs.get());
        assertEquals(List.of("2", "RAN", jobs.instance()), row(job));

        sleep(500);
        assertFalse(jobs.turn(job, every, () -> {
            throw new IllegalStateException("kho lưu trữ không trả lời");
        }));
        assertEquals(List.of("3", "FAILED", jobs.instance()), row(job));
        // The failed run released its lock and its interval counts from its start.
        sleep(500);
        assertTrue(jobs.turn(job, every, runs::incrementAndGet));
    }

    @Test
    void intervalsAreReadAsTheSchedulerWritesThem() {
        assertEquals(Duration.ofHours(1), ScheduledJobs.interval("1h"));
        assertEquals(Duration.ofMinutes(30), ScheduledJobs.interval("30m"));
        assertEquals(Duration.ofSeconds(45), ScheduledJobs.interval("45s"));
        assertEquals(Duration.ofDays(1), ScheduledJobs.interval("1d"));
        assertEquals(Duration.ofMinutes(90), ScheduledJobs.interval("PT1H30M"));
    }

    private List<String> row(String job) throws Exception {
        try (Connection c = db.getConnection();
                PreparedStatement st = c.prepareStatement("select runs, last_outcome, last_instance from scheduled_job where name = ?")) {
            st.setString(1, job);
            try (ResultSet rs = st.executeQuery()) {
                assertTrue(rs.next(), "the job has its row");
                return List.of(rs.getString(1), rs.getString(2), rs.getString(3));
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
