package vn.dti.tracker.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import vn.dti.tracker.common.Entities;
import vn.dti.tracker.common.ScheduledJobs;
import vn.dti.tracker.evidence.EvidenceDtos.IntegrityProblem;
import vn.dti.tracker.evidence.EvidenceDtos.IntegrityProblemKind;
import vn.dti.tracker.evidence.EvidenceDtos.IntegrityReport;
import vn.dti.tracker.evidence.EvidenceDtos.SweepResult;
import vn.dti.tracker.reporting.ReportingClock;

/**
 * Keeps storage and database in step. At start it removes what an interrupted upload left on this
 * instance's disk; every hour (and on demand) it removes evidence unattached for longer than the grace
 * period, stored files no evidence references, and content in storage that has no row (a process
 * stopped between storing and committing). The integrity check re-reads every stored file.
 */
@ApplicationScoped
public class EvidenceJanitor {

    private static final Logger LOG = Logger.getLogger(EvidenceJanitor.class);

    private final EntityManager em;
    private final BlobStore blobs;
    private final EvidenceSettings settings;
    private final ReportingClock clock;
    private final Path uploads;
    private final ScheduledJobs jobs;

    public EvidenceJanitor(EntityManager em, BlobStore blobs, EvidenceSettings settings, ReportingClock clock,
            @ConfigProperty(name = "quarkus.http.body.uploads-directory") String uploads, ScheduledJobs jobs) {
        this.jobs = jobs;
        this.em = em;
        this.blobs = blobs;
        this.settings = settings;
        this.clock = clock;
        this.uploads = Path.of(uploads).toAbsolutePath().normalize();
    }

    /** Nothing is uploading yet: whatever lies in this instance's upload directory was cut off by a stop. */
    void onStart(@Observes StartupEvent event) throws IOException {
        Files.createDirectories(uploads);
        int removed = 0;
        try (Stream<Path> files = Files.list(uploads)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                if (Files.isRegularFile(p) && Files.deleteIfExists(p)) {
                    removed++;
                }
            }
        }
        if (blobs instanceof LocalBlobStore local) {
            local.clearPartial();
        }
        if (removed > 0) {
            LOG.infof("Removed %d partial upload(s) left by an earlier stop", removed);
        }
        try {
            int strays = removeStrays();
            if (strays > 0) {
                LOG.infof("Removed %d stored file(s) that had no row (stored, then not committed)", strays);
            }
        } catch (RuntimeException e) {
            LOG.warn("Could not reconcile evidence storage at start; the hourly sweep will try again", e);
        }
    }

    /** Fires on every instance; one of them sweeps per interval ({@link ScheduledJobs}). */
    @Scheduled(every = "${dti.evidence.sweep-every}", delayed = "${dti.evidence.sweep-delay:5m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledSweep() {
        jobs.turn("evidence-sweep", ScheduledJobs.interval(settings.sweepEvery()), () -> {
            SweepResult result = sweep(clock.now());
            if (result.evidenceRemoved() + result.filesRemoved() + result.strayFilesRemoved() > 0) {
                LOG.infof("Evidence sweep: %s", result);
            }
        });
    }

    /** A pass asked for now: after any pass or backup in progress on any instance, never alongside it. */
    public SweepResult sweepNow(Instant now) {
        return jobs.now("evidence-sweep", () -> sweep(now));
    }

    /** One pass: orphaned evidence, then unreferenced files, then content without a row. */
    public SweepResult sweep(Instant now) {
        OffsetDateTime cutoff = OffsetDateTime.ofInstant(now.minus(settings.orphanGrace()), ZoneOffset.UTC);
        int evidence = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                delete from evidence where id in (
                    select e.id from evidence e
                     where e.unattached_since < :cutoff
                       and not exists (select 1 from report_evidence re where re.evidence_id = e.id)
                     for update skip locked)""").setParameter("cutoff", cutoff).executeUpdate());
        @SuppressWarnings("unchecked")
        List<String> unreferenced = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                select s.sha256 from stored_file s where not exists (select 1 from evidence e where e.sha256 = s.sha256)""")
                .getResultList());
        int files = 0;
        for (String sha : unreferenced) {
            if (removeIfUnreferenced(sha.trim())) {
                files++;
            }
        }
        return new SweepResult(evidence, files, removeStrays());
    }

    private boolean removeIfUnreferenced(String sha) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Hashing.lock(em, sha);
            int deleted = em.createNativeQuery("""
                    delete from stored_file s where s.sha256 = :sha and not exists (select 1 from evidence e where e.sha256 = :sha)""")
                    .setParameter("sha", sha).executeUpdate();
            if (deleted == 1) {
                // Inside the transaction: if storage refuses, the row stays and the next sweep tries again.
                blobs.delete(sha);
            }
            return deleted == 1;
        });
    }

    /** Content in storage whose row was never committed. Each is re-checked under the hash's lock. */
    int removeStrays() {
        List<String> strays;
        try {
            strays = withoutRows();
        } catch (IOException e) {
            LOG.warn("Could not list evidence storage", e);
            return 0;
        }
        int removed = 0;
        for (String sha : strays) {
            boolean gone = QuarkusTransaction.requiringNew().call(() -> {
                Hashing.lock(em, sha);
                long rows = ((Number) em.createNativeQuery("select count(*) from stored_file where sha256 = :sha").setParameter("sha", sha)
                        .getSingleResult()).longValue();
                if (rows == 0) {
                    blobs.delete(sha);
                    return true;
                }
                return false;
            });
            if (gone) {
                removed++;
            }
        }
        return removed;
    }

    /** Hashes in storage that no stored_file row names (read without locks: a hint that each use re-checks). */
    private List<String> withoutRows() throws IOException {
        List<String> listed = new ArrayList<>();
        blobs.forEach(o -> listed.add(o.sha256()));
        Set<String> known = knownHashes(listed);
        return listed.stream().filter(sha -> !known.contains(sha)).toList();
    }

    private Set<String> knownHashes(List<String> hashes) {
        Set<String> known = new HashSet<>();
        for (int i = 0; i < hashes.size(); i += 1000) {
            List<String> batch = hashes.subList(i, Math.min(hashes.size(), i + 1000));
            @SuppressWarnings("unchecked")
            List<String> found = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                    "select sha256 from stored_file where sha256 in (:batch)").setParameter("batch", batch).getResultList());
            found.forEach(s -> known.add(s.trim()));
        }
        return known;
    }

    /** Re-reads every stored file and compares it with its hash and size; reports content no row references. */
    public IntegrityReport check() {
        List<IntegrityProblem> problems = new ArrayList<>();
        long checked = 0;
        long bytes = 0;
        long ok = 0;
        String after = "";
        while (true) {
            String from = after;
            @SuppressWarnings("unchecked")
            List<Object[]> rows = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                    "select sha256, size_bytes from stored_file where sha256 > :after order by sha256 limit 500")
                    .setParameter("after", from).getResultList());
            if (rows.isEmpty()) {
                break;
            }
            for (Object[] row : rows) {
                String sha = ((String) row[0]).trim();
                long size = ((Number) row[1]).longValue();
                checked++;
                IntegrityProblem problem = verify(sha, size);
                if (problem == null) {
                    ok++;
                    bytes += size;
                } else {
                    problems.add(problem);
                }
                after = sha;
            }
        }
        List<String> strays;
        try {
            strays = withoutRows();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        for (String sha : strays) {
            problems.add(new IntegrityProblem(sha, IntegrityProblemKind.UNREFERENCED,
                    "Tệp có trong kho lưu trữ nhưng không có bản ghi nào; lần dọn tiếp theo sẽ xóa.", List.of()));
        }
        return new IntegrityReport(Entities.now(), blobs.describe(), checked, bytes, ok, problems);
    }

    private IntegrityProblem verify(String sha, long size) {
        String detail;
        IntegrityProblemKind kind;
        try (InputStream in = blobs.open(sha)) {
            Hashing.Measured m = Hashing.measure(in);
            if (m.sha256().equals(sha) && m.size() == size) {
                return null;
            }
            kind = IntegrityProblemKind.CORRUPT;
            detail = "Nội dung không còn khớp: SHA-256 hiện là " + m.sha256() + ", dài " + m.size() + " byte (ghi nhận " + size + " byte).";
        } catch (NoSuchFileException e) {
            kind = IntegrityProblemKind.MISSING;
            detail = "Không tìm thấy tệp trong kho lưu trữ.";
        } catch (IOException e) {
            kind = IntegrityProblemKind.MISSING;
            detail = "Không đọc được tệp: " + e.getMessage();
        }
        return new IntegrityProblem(sha, kind, detail, evidenceOf(sha));
    }

    private List<UUID> evidenceOf(String sha) {
        @SuppressWarnings("unchecked")
        List<UUID> ids = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("select id from evidence where sha256 = :sha order by id")
                .setParameter("sha", sha).getResultList());
        return ids;
    }
}
