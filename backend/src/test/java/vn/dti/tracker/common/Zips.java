package vn.dti.tracker.common;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Zip archives built by the tests as they run: ordinary documents, and bombs of every kind (a run of zeros that
 * unpacks a thousand times, parts that unpack past a size at an ordinary ratio, too many parts, a central directory
 * that lies about sizes). Content is written in blocks, so that even a bomb of hundreds of megabytes costs the test
 * only its compressed size in memory.
 */
public final class Zips {

    private static final int BLOCK = 64 * 1024;

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final ZipOutputStream zip = new ZipOutputStream(bytes);
    private final Random random = new Random(2026);

    private Zips() {
    }

    public static Zips create() {
        return new Zips();
    }

    /** The parts of an existing archive (a workbook, a document) to which more are then added. */
    public static Zips copyOf(byte[] archive) {
        Zips z = new Zips();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(archive))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null;) {
                z.zip.putNextEntry(new ZipEntry(e.getName()));
                in.transferTo(z.zip);
                z.zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return z;
    }

    /** The parts that make a Word document (with unique text, so that each has its own hash). */
    public static Zips docx() {
        return create()
                .text("[Content_Types].xml", "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                        + "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument"
                        + ".wordprocessingml.document.main+xml\"/></Types>")
                .text("_rels/.rels", "<Relationships/>")
                .text("word/document.xml", "<w:document>" + UUID.randomUUID() + "</w:document>");
    }

    public Zips text(String name, String content) {
        try {
            zip.putNextEntry(new ZipEntry(name));
            zip.write(content.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A run of zeros: about 1:1000, the stuff of ratio bombs. */
    public Zips zeros(String name, long size) {
        return part(name, size, block -> java.util.Arrays.fill(block, (byte) 0));
    }

    /** Ordinary-looking content that compresses about 1:30 (each block 2 KB of noise then zeros), as much as {@code size}. */
    public Zips compressible(String name, long size) {
        return part(name, size, block -> {
            java.util.Arrays.fill(block, (byte) 0);
            byte[] noise = new byte[2048];
            random.nextBytes(noise);
            System.arraycopy(noise, 0, block, 0, noise.length);
        });
    }

    /** Content that does not compress at all (photos, scans), as much as {@code size}. */
    public Zips incompressible(String name, long size) {
        return part(name, size, random::nextBytes);
    }

    private Zips part(String name, long size, java.util.function.Consumer<byte[]> filler) {
        try {
            zip.putNextEntry(new ZipEntry(name));
            byte[] block = new byte[BLOCK];
            for (long offset = 0; offset < size; offset += BLOCK) {
                filler.accept(block);
                zip.write(block, 0, (int) Math.min(BLOCK, size - offset));
            }
            zip.closeEntry();
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public byte[] bytes() {
        try {
            zip.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * The archive with the compressed data of its first part made unreadable (its first block claims the reserved
     * block type), its directory intact: it opens, but cannot be unpacked to its end.
     */
    public byte[] withFirstPartDamaged() {
        ByteBuffer buffer = ByteBuffer.wrap(bytes()).order(ByteOrder.LITTLE_ENDIAN);
        int data = 30 + Short.toUnsignedInt(buffer.getShort(26)) + Short.toUnsignedInt(buffer.getShort(28));
        buffer.put(data, (byte) 0x07);
        return buffer.array();
    }

    /**
     * The archive with every entry's unpacked size in the central directory (and its local header) rewritten to
     * {@code declared}: a reader that trusts the declared sizes sees a small archive.
     */
    public byte[] lyingAboutSizes(int declared) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes()).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i + 46 <= buffer.limit(); i++) {
            int signature = buffer.getInt(i);
            if (signature == 0x02014b50) {
                buffer.putInt(i + 24, declared);
            } else if (signature == 0x04034b50) {
                buffer.putInt(i + 22, declared);
            }
        }
        return buffer.array();
    }
}
