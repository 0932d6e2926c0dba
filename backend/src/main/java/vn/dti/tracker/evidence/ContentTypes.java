package vn.dti.tracker.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Set;
import java.util.zip.ZipFile;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.poi.poifs.filesystem.DirectoryNode;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.tika.config.TikaConfig;
import org.apache.tika.detect.Detector;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;

/**
 * Decides what a file is from its bytes. Tika reads the magic numbers; the original name only narrows a
 * type inside the family the bytes already prove (a ZIP named .docx may be a Word document, an
 * executable named .pdf stays an executable). Office containers are then opened to confirm that the
 * main part of the claimed document is really there.
 */
@ApplicationScoped
public class ContentTypes {

    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final String DOC = "application/msword";
    static final String XLS = "application/vnd.ms-excel";

    /** Types a browser may show inline; everything else is downloaded. */
    static final Set<String> INLINE = Set.of("application/pdf", "image/jpeg", "image/png", "image/gif", "image/webp", "image/bmp");

    private final Detector detector = TikaConfig.getDefaultConfig().getDetector();

    /** The media type of the file at {@code file}, named {@code originalName} by its uploader. */
    public String detect(Path file, String originalName) throws IOException {
        Metadata metadata = new Metadata();
        metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, originalName);
        MediaType type;
        try (InputStream in = TikaInputStream.get(file)) {
            type = detector.detect(in, metadata);
        }
        String base = type.getBaseType().toString();
        return switch (base) {
            case DOCX -> zipHas(file, "word/document.xml") ? base : "application/zip";
            case XLSX -> zipHas(file, "xl/workbook.xml") ? base : "application/zip";
            case DOC -> oleHas(file, "WordDocument") ? base : "application/x-tika-msoffice";
            case XLS -> oleHas(file, "Workbook") || oleHas(file, "Book") ? base : "application/x-tika-msoffice";
            default -> base;
        };
    }

    private static boolean zipHas(Path file, String entry) {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            return zip.getEntry("[Content_Types].xml") != null && zip.getEntry(entry) != null;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean oleHas(Path file, String entry) {
        try (POIFSFileSystem fs = new POIFSFileSystem(file.toFile(), true)) {
            DirectoryNode root = fs.getRoot();
            return root.hasEntry(entry);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /**
     * A media type as people name a kind of file ("tệp PDF", "tệp chạy (.exe)"), for messages: a person reads words, not
     * media types.
     */
    public static String describe(String mediaType) {
        String type = mediaType == null ? "" : mediaType.toLowerCase(java.util.Locale.ROOT);
        if (type.equals("application/pdf")) {
            return "tệp PDF";
        }
        if (type.startsWith("image/")) {
            return "ảnh " + extension(type).replace(".", "").toUpperCase(java.util.Locale.ROOT);
        }
        if (type.equals(DOCX) || type.equals(DOC)) {
            return "tệp Word";
        }
        if (type.equals(XLSX) || type.equals(XLS)) {
            return "tệp Excel";
        }
        if (type.startsWith("application/vnd.oasis.opendocument.")) {
            return "tệp OpenDocument";
        }
        if (type.startsWith("video/")) {
            return "video (" + extension(type) + ")";
        }
        if (type.startsWith("audio/")) {
            return "tệp âm thanh (" + extension(type) + ")";
        }
        return switch (type) {
            case "application/x-msdownload", "application/x-dosexec", "application/x-msdos-program", "application/x-executable",
                    "application/x-elf", "application/x-mach-o-executable" -> "tệp chạy (" + (type.contains("ms") ? ".exe" : "chương trình") + ")";
            case "application/zip", "application/x-rar-compressed", "application/vnd.rar", "application/x-7z-compressed", "application/gzip",
                    "application/x-tar" -> "tệp nén (" + extension(type) + ")";
            case "text/html", "application/xhtml+xml" -> "trang web (.html)";
            case "text/plain" -> "tệp văn bản thuần (.txt)";
            case "application/x-tika-msoffice", "application/x-tika-ooxml" -> "tệp Office không đọc được nội dung";
            case "", "application/octet-stream" -> "tệp không rõ loại";
            default -> extension(type).isEmpty() ? "tệp không rõ loại" : "tệp " + extension(type);
        };
    }

    private static String extension(String mediaType) {
        try {
            return org.apache.tika.mime.MimeTypes.getDefaultMimeTypes().forName(mediaType).getExtension();
        } catch (org.apache.tika.mime.MimeTypeException e) {
            return "";
        }
    }

    static boolean inline(String mediaType) {
        return INLINE.contains(mediaType);
    }
}
