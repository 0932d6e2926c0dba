package vn.dti.tracker.common;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The one rule for zip containers received from users (Word, Excel, OpenDocument, zip): they are opened from a file,
 * never held in memory, and unpacked in full into a small buffer that is thrown away, counting the inflated bytes as
 * they come, so that an archive whose central directory lies about its sizes is caught all the same. An archive is
 * refused (413) as soon as it passes the number of entries, the unpacked size of one entry or of all of them
 * ({@code file.archive-too-large}), or an entry unpacks more than {@code maxRatio} times its compressed size
 * ({@code file.archive-bomb}). Memory stays at one buffer whatever the archive; the time spent is bounded by the caps.
 */
public record ArchiveLimits(long maxInflatedSize, long maxEntrySize, int maxEntries, int maxRatio) {

    public static final String TOO_LARGE = "file.archive-too-large";
    public static final String BOMB = "file.archive-bomb";
    public static final String DAMAGED = "file.archive-damaged";

    /** Entries smaller than this unpacked are not judged by their ratio: a short run of repeated markup compresses very well. */
    static final long RATIO_GRACE = 100 * 1024;
    private static final int BUFFER = 64 * 1024;

    public ArchiveLimits {
        if (maxInflatedSize <= 0 || maxEntrySize <= 0 || maxEntries <= 0 || maxRatio <= 0) {
            throw new IllegalArgumentException("archive limits must be positive");
        }
    }

    public static ArchiveLimits of(ArchiveSettings settings) {
        return new ArchiveLimits(settings.maxInflatedSize().asLongValue(), settings.maxEntrySize().asLongValue(), settings.maxEntries(),
                settings.maxRatio());
    }

    /** These limits, with no more than {@code cap} unpacked in all or in one entry (for content that is then parsed in memory). */
    public ArchiveLimits atMost(long cap) {
        return new ArchiveLimits(Math.min(maxInflatedSize, cap), Math.min(maxEntrySize, cap), maxEntries, maxRatio);
    }

    /** What an accepted archive holds. */
    public record Measured(int entries, long inflatedSize) {
    }

    /** The file starts as a zip archive does (a local entry, or the end record of an empty archive). */
    public static boolean isZip(Path file) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(4);
        }
        return head.length == 4 && head[0] == 'P' && head[1] == 'K'
                && (head[2] == 3 && head[3] == 4 || head[2] == 5 && head[3] == 6 || head[2] == 7 && head[3] == 8);
    }

    /**
     * Unpacks every entry of the archive at {@code file} without keeping any of it, and refuses it (a {@link DomainException},
     * 413) at the first limit it passes.
     *
     * @throws IOException the archive cannot be read to its end (damaged, or packed in a way no Office program writes)
     */
    public Measured check(Path file) throws IOException {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            if (zip.size() > maxEntries) {
                throw tooManyEntries();
            }
            byte[] buffer = new byte[BUFFER];
            long total = 0;
            int count = 0;
            for (Enumeration<? extends ZipEntry> entries = zip.entries(); entries.hasMoreElements();) {
                ZipEntry entry = entries.nextElement();
                if (++count > maxEntries) {
                    throw tooManyEntries();
                }
                if (entry.getSize() > maxEntrySize) {
                    throw entryTooLarge();
                }
                // The inflater reads no more than the compressed size the central directory gives: its bound is sound.
                long compressed = Math.max(entry.getCompressedSize(), 1);
                long ratioCap = compressed > Long.MAX_VALUE / maxRatio ? Long.MAX_VALUE : Math.max(RATIO_GRACE, compressed * maxRatio);
                long inflated = 0;
                try (InputStream in = zip.getInputStream(entry)) {
                    for (int n; (n = in.read(buffer)) > 0;) {
                        inflated += n;
                        total += n;
                        if (inflated > maxEntrySize) {
                            throw entryTooLarge();
                        }
                        if (total > maxInflatedSize) {
                            throw totalTooLarge();
                        }
                        if (inflated > ratioCap) {
                            throw bomb();
                        }
                    }
                }
            }
            return new Measured(count, total);
        }
    }

    /** An archive that could not be read to its end: it is not what it claims to be. */
    public static DomainException damaged() {
        String detail = "Không đọc được tệp: tệp Word, Excel hay OpenDocument này bị hỏng hoặc không trọn vẹn. Hãy mở bằng chương trình"
                + " soạn thảo, lưu lại rồi gửi lại.";
        return DomainException.invalidField("file", DAMAGED, detail);
    }

    private DomainException tooManyEntries() {
        return refusal(TOO_LARGE, "Tệp nén (Word, Excel, OpenDocument) chứa hơn " + maxEntries + " phần; tài liệu bình thường không có nhiều"
                + " như vậy. Tệp không được nhận.", "Tối đa " + maxEntries + " phần.");
    }

    /**
     * The refusal for what another reader of the same archive (Apache POI's own guard) found past these limits: a part
     * that unpacks past the ratio ({@code ratio} true) or past the size.
     */
    public DomainException refusal(boolean ratio) {
        return ratio ? bomb() : entryTooLarge();
    }

    private DomainException entryTooLarge() {
        return refusal(TOO_LARGE, "Một phần của tệp nén (Word, Excel, OpenDocument) khi giải nén lớn hơn " + megabytes(maxEntrySize)
                + ". Tệp không được nhận; hãy tách thành nhiều tệp nhỏ hơn.", "Mỗi phần giải nén tối đa " + megabytes(maxEntrySize) + ".");
    }

    private DomainException totalTooLarge() {
        return refusal(TOO_LARGE, "Tệp nén (Word, Excel, OpenDocument) khi giải nén lớn hơn " + megabytes(maxInflatedSize)
                + ". Tệp không được nhận; hãy tách thành nhiều tệp nhỏ hơn.", "Giải nén tối đa " + megabytes(maxInflatedSize) + ".");
    }

    private DomainException bomb() {
        return refusal(BOMB, "Tệp có một phần giải nén ra lớn gấp hơn " + maxRatio + " lần dữ liệu nén (bom nén): đây không phải tài liệu"
                + " bình thường. Tệp không được nhận.", "Tỉ lệ nén tối đa 1:" + maxRatio + ".");
    }

    private static DomainException refusal(String code, String detail, String field) {
        return new DomainException(DomainException.Kind.TOO_LARGE, code, detail, List.of(new FieldError("file", code, field)));
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1048576.0);
    }
}
