package vn.dti.tracker.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Where evidence content lives, addressed by its SHA-256. Content appears whole or not at all: a
 * reader never sees part of a file.
 */
public interface BlobStore {

    /** One stored object, as a listing sees it. */
    record StoredObject(String sha256, long size, Instant lastModified) {
    }

    /** Stores the complete file at {@code source} under its hash; the source may be moved or left behind. */
    void put(String sha256, Path source, long size) throws IOException;

    /** Whether {@link #put} keeps the source file itself (renamed into place) rather than copying it elsewhere. */
    default boolean keepsSourceFile() {
        return false;
    }

    boolean exists(String sha256) throws IOException;

    InputStream open(String sha256) throws IOException;

    /** The file itself when the store is a local filesystem (served without copying through the JVM). */
    Optional<Path> localFile(String sha256);

    /** Removes the content; nothing happens when it is already gone. */
    void delete(String sha256) throws IOException;

    /** Every stored object (used by the sweep and the integrity check). */
    void forEach(Consumer<StoredObject> action) throws IOException;

    /**
     * Proves the store usable now (the readiness check): the local directory takes a write, the bucket
     * answers. Throws with the reason otherwise.
     */
    void probe() throws IOException;

    /** The kind of store, {@code local} or {@code s3}: what the health check may tell anyone. */
    String kind();

    /** A short description for logs and the integrity report. */
    String describe();
}
