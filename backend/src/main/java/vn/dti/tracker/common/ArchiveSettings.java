package vn.dti.tracker.common;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * How far a zip container (Word, Excel and OpenDocument files are zip archives) may unpack before it is refused
 * (deploy/README.md lists these settings with their environment names). The caps are counted on the bytes actually
 * inflated, not on the sizes the archive declares.
 */
@ConfigMapping(prefix = "dti.archives")
public interface ArchiveSettings {

    /** All entries together, unpacked. A real 50 MB document unpacks to far less; a zip bomb to gigabytes. */
    @WithDefault("512M")
    MemorySize maxInflatedSize();

    /** One entry, unpacked. */
    @WithDefault("256M")
    MemorySize maxEntrySize();

    /** Entries (parts) in one archive; Office documents have tens to a few thousand. */
    @WithDefault("10000")
    int maxEntries();

    /**
     * How many times larger than its compressed bytes an entry may unpack (checked once it passes 100 KB, as Apache POI
     * does). Office parts compress about 1:5 to 1:20; a run of zeros, the stuff of zip bombs, about 1:1000.
     */
    @WithDefault("100")
    int maxRatio();
}
