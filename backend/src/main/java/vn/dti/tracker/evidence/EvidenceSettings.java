package vn.dti.tracker.evidence;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of evidence storage (deploy/README.md lists them with their environment names). */
@ConfigMapping(prefix = "dti.evidence")
public interface EvidenceSettings {

    /** Where file content lives: the local filesystem (one instance) or S3-compatible object storage (several). */
    enum Storage { LOCAL, S3 }

    @WithDefault("local")
    Storage storage();

    /** The largest file accepted. The HTTP body limit (quarkus.http.limits.max-body-size) must leave room for it. */
    @WithDefault("50M")
    MemorySize maxFileSize();

    /**
     * How much of a streamed upload may wait in memory to be hashed and written before the connection is paused (it
     * resumes at a quarter of it): the memory each upload in progress may hold.
     */
    @WithDefault("8M")
    MemorySize receiveWindow();

    /** Types accepted, as decided from the content: scans and photos, PDF, Word, Excel, OpenDocument. */
    @WithDefault("application/pdf,image/jpeg,image/png,image/gif,image/webp,image/tiff,image/bmp,image/heic,image/heif,"
            + "application/msword,application/vnd.openxmlformats-officedocument.wordprocessingml.document,"
            + "application/vnd.ms-excel,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,"
            + "application/vnd.oasis.opendocument.text,application/vnd.oasis.opendocument.spreadsheet,"
            + "application/vnd.oasis.opendocument.presentation")
    List<String> allowedTypes();

    /** Evidence that nothing references is removed once it has been unattached this long. */
    @WithDefault("PT24H")
    Duration orphanGrace();

    /** How often each instance sweeps (read by the scheduler as {@code dti.evidence.sweep-every}). */
    @WithDefault("1h")
    String sweepEvery();

    Local local();

    S3 s3();

    interface Local {
        /** Root of the content-addressed store; default {@code <data directory>/evidence}. */
        Optional<String> directory();
    }

    interface S3 {
        /** The bucket; the client itself is configured by quarkus.s3.* (endpoint, region, credentials). */
        @WithDefault("dti-evidence")
        String bucket();

        /** Region of the object store (passed to quarkus.s3.aws.region). */
        @WithDefault("us-east-1")
        String region();

        /** Key prefix inside the bucket. */
        @WithDefault("evidence/")
        String prefix();
    }
}
