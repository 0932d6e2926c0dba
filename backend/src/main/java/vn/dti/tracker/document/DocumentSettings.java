package vn.dti.tracker.document;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/** Settings of document import and export (deploy/README.md lists them with their environment names). */
@ConfigMapping(prefix = "dti.documents")
public interface DocumentSettings {

    @WithName("import")
    Import imports();

    interface Import {
        /** Rows with content a sheet may have; a longer one is refused (413) while it is being read. */
        @WithDefault("2000")
        int maxRows();

        /** The largest workbook accepted; a larger body is refused (413) before it is read. */
        @WithDefault("5M")
        MemorySize maxFileSize();

        /**
         * The most a workbook may unpack to, in all and in any one part (its shared texts are held in memory while the
         * sheet is read). An appendix of 2000 rows unpacks to a few megabytes. The general archive limits
         * (dti.archives.*) apply too.
         */
        @WithDefault("64M")
        MemorySize maxInflatedSize();
    }

    @WithName("intake")
    Intake intake();

    interface Intake {
        /** The largest plan file accepted (a Word document, a PDF, a scan); a larger body is refused (413) while it arrives. */
        @WithDefault("40M")
        MemorySize maxFileSize();

        /** The most pages a scan may have; OCR reads them one at a time. */
        @WithDefault("30")
        int maxScanPages();

        /** How long the reading of one scan may take before it is stopped and the job fails. */
        @WithDefault("5M")
        java.time.Duration ocrTimeout();

        /** Scans read at once on one instance; more wait in line, up to four times as many, then are refused (503). */
        @WithDefault("1")
        int ocrWorkers();
    }
}
