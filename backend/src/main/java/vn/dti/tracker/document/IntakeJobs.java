package vn.dti.tracker.document;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import vn.dti.tracker.auth.AccessPolicy;
import vn.dti.tracker.common.DomainException;
import vn.dti.tracker.document.PlanIntakeDtos.Job;
import vn.dti.tracker.document.PlanIntakeDtos.JobState;
import vn.dti.tracker.document.PlanIntakeDtos.Source;

/**
 * Scans are read off the request: each becomes a job (table {@code intake_job}) whose state and pages read any
 * instance answers, run by a small pool on the instance that received it (OCR takes a core for seconds a page). The
 * job keeps what it read, never plan data; a job whose instance stopped midway is answered as failed once its time is
 * past. Jobs are kept a day.
 */
@ApplicationScoped
public class IntakeJobs {

    private static final Logger LOG = Logger.getLogger(IntakeJobs.class);
    private static final java.time.Duration KEPT = java.time.Duration.ofDays(1);

    private final EntityManager em;
    private final ObjectMapper json;
    private final AccessPolicy access;
    private final DocumentSettings settings;
    private final ThreadPoolExecutor pool;

    public IntakeJobs(EntityManager em, ObjectMapper json, AccessPolicy access, DocumentSettings settings) {
        this.em = em;
        this.json = json;
        this.access = access;
        this.settings = settings;
        int workers = Math.max(1, settings.intake().ocrWorkers());
        this.pool = new ThreadPoolExecutor(workers, workers, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(workers * 4), task -> {
            Thread t = new Thread(task, "plan-intake-ocr");
            t.setDaemon(true);
            return t;
        });
    }

    @PreDestroy
    void stop() {
        pool.shutdownNow();
    }

    /** Starts reading the scan in {@code file} (which the job then owns and deletes); answers the job as it starts. */
    public Job start(Path file) {
        purge();
        UUID id = UUID.randomUUID();
        UUID owner = access.caller().id();
        Instant now = Instant.now();
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                insert into intake_job (id, owner_id, state, created_at, updated_at, expires_at)
                values (:id, :owner, 'RUNNING', :now, :now, :expires)""").setParameter("id", id).setParameter("owner", owner)
                .setParameter("now", at(now)).setParameter("expires", at(now.plus(KEPT))).executeUpdate());
        try {
            pool.execute(() -> run(id, file));
        } catch (RejectedExecutionException e) {
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("delete from intake_job where id = :id").setParameter("id", id)
                    .executeUpdate());
            delete(file);
            throw DomainException.unavailable("intake.busy", "Đang đọc nhiều bản quét khác: hãy thử lại sau ít phút.");
        }
        return get(id);
    }

    private void run(UUID id, Path file) {
        Path work = file.resolveSibling(file.getFileName() + ".ocr");
        try {
            Files.createDirectories(work);
            Instant deadline = Instant.now().plus(settings.intake().ocrTimeout());
            PlanSource source = ScanPlanSource.read(List.of(file),
                    new ScanPlanSource.Limits(settings.intake().maxScanPages(), ScanPlanSource.Limits.standard().maxPixels()),
                    ScanPlanSource.Ocr.standard(), work, (done, total) -> progress(id, done, total), deadline);
            String text = json.writeValueAsString(PlanIntake.toDto(source, java.util.Map.of()));
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                    "update intake_job set state = 'DONE', source = :source, updated_at = now() where id = :id")
                    .setParameter("source", text).setParameter("id", id).executeUpdate());
        } catch (DomainException e) {
            fail(id, e.code(), e.getMessage());
        } catch (Exception e) {
            LOG.warnf(e, "Reading scan %s failed", id);
            fail(id, "intake.damaged", "Không đọc được bản quét: tệp bị hỏng hoặc không trọn vẹn.");
        } finally {
            delete(file);
            try (var files = Files.walk(work)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(IntakeJobs::delete);
            } catch (Exception ignored) {
                // Nothing left to clean.
            }
        }
    }

    private void progress(UUID id, int done, int total) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "update intake_job set pages_done = :done, pages_total = :total, updated_at = now() where id = :id")
                .setParameter("done", done).setParameter("total", total).setParameter("id", id).executeUpdate());
    }

    private void fail(UUID id, String code, String detail) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "update intake_job set state = 'FAILED', problem_code = :code, problem_detail = :detail, updated_at = now() where id = :id")
                .setParameter("code", code).setParameter("detail", detail).setParameter("id", id).executeUpdate());
    }

    /** The job, to the person who started it (to anyone else it does not exist). */
    public Job get(UUID id) {
        UUID owner = access.caller().id();
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<Tuple> rows = em.createNativeQuery("""
                    select state, pages_done, pages_total, source, problem_code, problem_detail, updated_at
                    from intake_job where id = :id and owner_id = :owner and expires_at > now()""", Tuple.class)
                    .setParameter("id", id).setParameter("owner", owner).getResultList();
            if (rows.isEmpty()) {
                throw DomainException.notFound("intake.job-not-found", "Không có lượt đọc bản quét này (hoặc đã quá một ngày).");
            }
            Tuple r = rows.get(0);
            JobState state = JobState.valueOf(r.get(0, String.class));
            Object at = r.get(6);
            Instant updated = at instanceof Instant i ? i : at instanceof OffsetDateTime o ? o.toInstant()
                    : at instanceof java.sql.Timestamp t ? t.toInstant() : null;
            String code = r.get(4, String.class);
            String detail = r.get(5, String.class);
            if (state == JobState.RUNNING && updated != null
                    && updated.isBefore(Instant.now().minus(settings.intake().ocrTimeout()).minusSeconds(60))) {
                // The instance that read it stopped midway: nothing more will come.
                state = JobState.FAILED;
                code = "intake.ocr-timeout";
                detail = "Việc đọc bản quét đã dừng giữa chừng: hãy gửi lại tệp.";
            }
            Source source = null;
            String text = r.get(3, String.class);
            if (state == JobState.DONE && text != null) {
                try {
                    source = json.readValue(text, Source.class);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
            return new Job(id, state, ((Number) r.get(1)).intValue(), ((Number) r.get(2)).intValue(), source, code, detail);
        });
    }

    /** Jobs past their day are removed. */
    public int purge() {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("delete from intake_job where expires_at < now()").executeUpdate());
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static void delete(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (Exception ignored) {
            // Removed at the next start with the upload directory.
        }
    }
}
