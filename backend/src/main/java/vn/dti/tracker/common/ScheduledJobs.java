package vn.dti.tracker.common;

import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Locale;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import vn.dti.tracker.common.ProductMetrics.JobOutcome;

/**
 * Background jobs run once across instances. Every instance's scheduler fires each job on its own
 * timer; a turn runs the job only when it gets both
 * <ul>
 * <li>the job's advisory lock (a session lock of PostgreSQL, held on one connection for the whole run
 * and released with it, also when the process dies), so that two runs never overlap; and</li>
 * <li>the job's row in {@code scheduled_job}, claimed when its last run started at least the job's
 * interval ago by the database's clock (less a tenth, at most a minute, so that timers that drift do
 * not skip a whole interval), so that instances whose timers fire at different moments still run the
 * job once per interval between them.</li>
 * </ul>
 * Otherwise the turn is skipped. Each turn is counted ({@code dti_jobs_total{job,outcome}}). A run asked
 * for by a person ({@link #now}) waits for the lock instead; so does a backup (deploy/backup/backup.sh holds
 * the evidence sweep's lock while it copies what the database refers to).
 */
@ApplicationScoped
public class ScheduledJobs {

    private static final Logger LOG = Logger.getLogger(ScheduledJobs.class);

    /** First key of the two-key advisory locks of jobs; the evidence hash locks use one-key locks, a separate space. */
    private static final int LOCK_SPACE = 0x4454_4901;

    private final DataSource dataSource;
    private final ProductMetrics metrics;
    private final String instance;

    public ScheduledJobs(DataSource dataSource, ProductMetrics metrics,
            @ConfigProperty(name = "dti.instance-name") java.util.Optional<String> instance) {
        this.dataSource = dataSource;
        this.metrics = metrics;
        this.instance = instance.filter(s -> !s.isBlank()).orElseGet(ScheduledJobs::defaultInstanceName);
    }

    /** Host and process id: enough for an operator to tell which instance ran a job. */
    static String defaultInstanceName() {
        String host = System.getenv("HOSTNAME");
        if (host == null || host.isBlank()) {
            host = ManagementFactory.getRuntimeMXBean().getName();
            return host.length() > 200 ? host.substring(0, 200) : host;
        }
        String name = host + "/" + ProcessHandle.current().pid();
        return name.length() > 200 ? name.substring(0, 200) : name;
    }

    public String instance() {
        return instance;
    }

    /**
     * One turn of a job: runs {@code work} when this instance gets the job (see the class comment).
     * Returns whether it ran here. A failure of the work is logged and counted, and the row says so.
     */
    public boolean turn(String job, Duration every, Runnable work) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            if (!tryLock(connection, job)) {
                metrics.job(job, JobOutcome.SKIPPED);
                return false;
            }
            try {
                if (!claim(connection, job, every)) {
                    metrics.job(job, JobOutcome.SKIPPED);
                    return false;
                }
                JobOutcome outcome = JobOutcome.RAN;
                try {
                    work.run();
                } catch (RuntimeException e) {
                    outcome = JobOutcome.FAILED;
                    LOG.errorf(e, "Job %s failed", job);
                }
                finish(connection, job, outcome);
                metrics.job(job, outcome);
                return outcome == JobOutcome.RAN;
            } finally {
                unlock(connection, job);
            }
        } catch (SQLException e) {
            LOG.warnf(e, "Job %s: could not take its turn; the next one will try again", job);
            metrics.job(job, JobOutcome.FAILED);
            return false;
        }
    }

    /**
     * Runs a job now, asked for by a person: waits while another run (on any instance) or a backup holds the
     * job's lock, then runs it whatever its interval says. Its row is not claimed, so the schedule goes on.
     */
    public <T> T now(String job, java.util.function.Supplier<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            try (PreparedStatement st = connection.prepareStatement("select pg_advisory_lock(?, hashtext(?))")) {
                st.setInt(1, LOCK_SPACE);
                st.setString(2, job);
                st.executeQuery().close();
            }
            try {
                return work.get();
            } finally {
                unlock(connection, job);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Job " + job + ": could not take its lock", e);
        }
    }

    private static boolean tryLock(Connection c, String job) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("select pg_try_advisory_lock(?, hashtext(?))")) {
            st.setInt(1, LOCK_SPACE);
            st.setString(2, job);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    private static void unlock(Connection c, String job) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("select pg_advisory_unlock(?, hashtext(?))")) {
            st.setInt(1, LOCK_SPACE);
            st.setString(2, job);
            st.executeQuery().close();
        }
    }

    /** Takes the job's row when its last run started long enough ago (or it never ran); the database's clock decides. */
    private boolean claim(Connection c, String job, Duration every) throws SQLException {
        Duration slack = every.dividedBy(10);
        if (slack.compareTo(Duration.ofMinutes(1)) > 0) {
            slack = Duration.ofMinutes(1);
        }
        long spacingMillis = every.minus(slack).toMillis();
        try (PreparedStatement st = c.prepareStatement("""
                insert into scheduled_job as j (name, last_started_at, last_instance, runs) values (?, clock_timestamp(), ?, 1)
                on conflict (name) do update
                   set last_started_at = clock_timestamp(), last_finished_at = null, last_outcome = null,
                       last_instance = excluded.last_instance, runs = j.runs + 1
                 where j.last_started_at <= clock_timestamp() - ? * interval '1 millisecond'
                returning runs""")) {
            st.setString(1, job);
            st.setString(2, instance);
            st.setLong(3, spacingMillis);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static void finish(Connection c, String job, JobOutcome outcome) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(
                "update scheduled_job set last_finished_at = clock_timestamp(), last_outcome = ? where name = ?")) {
            st.setString(1, outcome.name());
            st.setString(2, job);
            st.executeUpdate();
        }
    }

    /** A scheduler interval as configured ({@code 1h}, {@code 30m}, {@code 45s}, {@code 1d} or ISO-8601 {@code PT1H}). */
    public static Duration interval(String every) {
        String s = every.trim().toUpperCase(Locale.ROOT);
        if (s.startsWith("P")) {
            return Duration.parse(s);
        }
        if (s.endsWith("D")) {
            return Duration.parse("P" + s);
        }
        return Duration.parse("PT" + s);
    }
}
