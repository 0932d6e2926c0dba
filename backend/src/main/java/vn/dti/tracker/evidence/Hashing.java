package vn.dti.tracker.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import jakarta.persistence.EntityManager;

/** SHA-256 of stored content, and the database lock that serialises everything done to one hash. */
public final class Hashing {

    private static final int BUFFER = 1 << 20;

    private Hashing() {
    }

    static String sha256(Path file) throws IOException {
        MessageDigest digest = digest();
        ByteBuffer buffer = ByteBuffer.allocateDirect(BUFFER);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            while (channel.read(buffer) >= 0) {
                buffer.flip();
                digest.update(buffer);
                buffer.clear();
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** The hash and length of a stream, read to its end in fixed-size chunks. */
    record Measured(String sha256, long size) {
    }

    static Measured measure(InputStream in) throws IOException {
        MessageDigest digest = digest();
        byte[] buffer = new byte[64 * 1024];
        long size = 0;
        for (int n; (n = in.read(buffer)) >= 0;) {
            digest.update(buffer, 0, n);
            size += n;
        }
        return new Measured(HexFormat.of().formatHex(digest.digest()), size);
    }

    /** Raised when a body being received passes the limit. */
    static final class TooLarge extends IOException {
        TooLarge() {
            super("over the limit");
        }
    }

    /**
     * A transaction-scoped advisory lock on the hash: an upload storing the content and the sweep
     * removing it never interleave, on one instance or several.
     */
    static void lock(EntityManager em, String sha256) {
        em.createNativeQuery("select pg_advisory_xact_lock(:key)").setParameter("key", Long.parseLong(sha256.substring(0, 15), 16))
                .getSingleResult();
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
