package vn.dti.tracker.document;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.apache.poi.openxml4j.util.ZipSecureFile;

import io.quarkus.runtime.StartupEvent;

import vn.dti.tracker.common.ArchiveLimits;
import vn.dti.tracker.common.ArchiveSettings;

/**
 * Apache POI's own guard on the packages it opens, set from the same limits as the check every uploaded workbook
 * passes first ({@link ArchiveLimits}), so that POI, reading the parts again, holds to them too. POI keeps these
 * settings process-wide; they are set once at start.
 */
@ApplicationScoped
class PoiZipLimits {

    void apply(@Observes StartupEvent event, ArchiveSettings archives, DocumentSettings documents) {
        apply(ArchiveLimits.of(archives).atMost(documents.imports().maxInflatedSize().asLongValue()));
    }

    static void apply(ArchiveLimits limits) {
        ZipSecureFile.setMinInflateRatio(1.0 / limits.maxRatio());
        ZipSecureFile.setMaxEntrySize(limits.maxEntrySize());
        ZipSecureFile.setMaxFileCount(limits.maxEntries());
    }
}
