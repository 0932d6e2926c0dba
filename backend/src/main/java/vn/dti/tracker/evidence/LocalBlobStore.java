package vn.dti.tracker.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Content on the local filesystem: {@code objects/ab/cd/<sha256>}. A file is written under
 * {@code partial/}, forced to disk, then renamed into place, so a file under {@code objects/} is always
 * complete. Names come from the hash alone, never from what the uploader called the file.
 */
public final class LocalBlobStore implements BlobStore {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    private final Path objects;
    private final Path partial;

    public LocalBlobStore(Path root) {
        this.objects = root.resolve("objects");
        this.partial = root.resolve("partial");
        try {
            Files.createDirectories(objects);
            Files.createDirectories(partial);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the evidence store in " + root, e);
        }
    }

    /** Removes what an interrupted write left under {@code partial/}; called at start, before any upload. */
    public void clearPartial() throws IOException {
        try (Stream<Path> files = Files.list(partial)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Files.deleteIfExists(p);
            }
        }
    }

    Path pathOf(String sha256) {
        if (!SHA256.matcher(sha256).matches()) {
            throw new IllegalArgumentException("not a SHA-256: " + sha256);
        }
        return objects.resolve(sha256.substring(0, 2)).resolve(sha256.substring(2, 4)).resolve(sha256);
    }

    @Override
    public void put(String sha256, Path source, long size) throws IOException {
        Path target = pathOf(sha256);
        Files.createDirectories(target.getParent());
        Path temp = partial.resolve(UUID.randomUUID() + ".part");
        try {
            try {
                Files.move(source, temp, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                // The upload was received on another filesystem: copy it here first.
                Files.copy(source, temp);
            }
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            if (Files.size(temp) != size) {
                throw new IOException("stored size differs from the upload's");
            }
            // Replaces any copy already in place: same name, same hash, same bytes.
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    @Override
    public boolean keepsSourceFile() {
        return true;
    }

    @Override
    public boolean exists(String sha256) {
        return Files.isRegularFile(pathOf(sha256));
    }

    @Override
    public InputStream open(String sha256) throws IOException {
        return Files.newInputStream(pathOf(sha256));
    }

    @Override
    public Optional<Path> localFile(String sha256) {
        Path path = pathOf(sha256);
        return Files.isRegularFile(path) ? Optional.of(path) : Optional.empty();
    }

    @Override
    public void delete(String sha256) throws IOException {
        Files.deleteIfExists(pathOf(sha256));
    }

    @Override
    public void forEach(Consumer<StoredObject> action) throws IOException {
        try (Stream<Path> files = Files.walk(objects)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                String name = p.getFileName().toString();
                if (!SHA256.matcher(name).matches()) {
                    continue;
                }
                try {
                    action.accept(new StoredObject(name, Files.size(p), Files.getLastModifiedTime(p).toInstant()));
                } catch (NoSuchFileException e) {
                    // Removed while listing.
                }
            }
        }
    }

    /** Writes, forces and removes a small file where uploads are stored from: a full, read-only or missing disk fails here. */
    @Override
    public void probe() throws IOException {
        if (!Files.isDirectory(objects)) {
            throw new IOException(objects + " is not a directory");
        }
        Path probe = partial.resolve("probe-" + UUID.randomUUID());
        try {
            try (FileChannel channel = FileChannel.open(probe, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                channel.write(java.nio.ByteBuffer.wrap(new byte[] {1}));
                channel.force(true);
            }
        } finally {
            Files.deleteIfExists(probe);
        }
    }

    @Override
    public String kind() {
        return "local";
    }

    @Override
    public String describe() {
        return "local " + objects.getParent();
    }
}
