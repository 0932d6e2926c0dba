package vn.dti.tracker.evidence;

import java.nio.file.Path;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import software.amazon.awssdk.services.s3.S3Client;

/** Chooses where evidence content lives, from configuration. The S3 client is only made when S3 is chosen. */
@ApplicationScoped
public class Storage {

    private static final Logger LOG = Logger.getLogger(Storage.class);

    @Produces
    @ApplicationScoped
    BlobStore blobStore(EvidenceSettings settings, @ConfigProperty(name = "dti.data-dir") String dataDir, Instance<S3Client> s3) {
        BlobStore store = switch (settings.storage()) {
            case LOCAL -> new LocalBlobStore(localRoot(settings, dataDir));
            case S3 -> new S3BlobStore(s3.get(), settings.s3().bucket(), settings.s3().prefix());
        };
        LOG.infof("Evidence is stored in %s", store.describe());
        return store;
    }

    static Path localRoot(EvidenceSettings settings, String dataDir) {
        return Path.of(settings.local().directory().orElse(Path.of(dataDir, "evidence").toString())).toAbsolutePath().normalize();
    }
}
