package vn.dti.tracker.document;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

import vn.dti.tracker.common.DomainException;

/** An uploaded document, received into a file of its own: read from disk, never held whole in memory. */
final class Uploads {

    private Uploads() {
    }

    /**
     * Copies the body to a new file in {@code directory} (emptied at start, should the process stop midway), cut off
     * past {@code max} bytes with {@code tooLarge} (a 413).
     */
    static Path receive(InputStream body, Path directory, String prefix, String suffix, long max,
            java.util.function.LongFunction<DomainException> tooLarge) throws IOException {
        Files.createDirectories(directory);
        Path file = directory.resolve(prefix + UUID.randomUUID() + suffix);
        try (InputStream in = body == null ? InputStream.nullInputStream() : body;
                OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE_NEW)) {
            byte[] buffer = new byte[64 * 1024];
            long size = 0;
            for (int n; (n = in.read(buffer)) > 0;) {
                size += n;
                if (size > max) {
                    throw tooLarge.apply(max);
                }
                out.write(buffer, 0, n);
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
        return file;
    }
}
