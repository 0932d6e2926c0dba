package vn.dti.tracker.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.CRC32;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.dti.tracker.common.DomainException;

/**
 * Reads scans of the seed plans with tesseract (which {@code make ocr-tools} installs). The scans are the plans' PDFs
 * rendered to gray images, so that what was written is known word for word.
 */
class ScanPlanSourceTest {

    @TempDir
    static Path dir;
    static Path phuLam;
    static Path xuanLoc;

    @TempDir
    Path work;

    @BeforeAll
    static void plans() throws IOException {
        phuLam = SeedPdfs.textPdf(SeedDocuments.load("phu-lam-dti-2026-2030"), dir);
        xuanLoc = SeedPdfs.textPdf(SeedDocuments.load("xuan-loc-cds-2026"), dir);
    }

    @Test
    void aScannedPdfIsReadBackWithItsWordsPageByPage() throws IOException {
        Path scan = SeedPdfs.scanPdf(phuLam, dir, "phu-lam-scan", 300, 1, 2, 3);
        List<String> progress = new ArrayList<>();
        PlanSource source = ScanPlanSource.read(List.of(scan), ScanPlanSource.Limits.standard(), ScanPlanSource.Ocr.standard(), work,
                (done, total) -> progress.add(done + "/" + total), Instant.now().plusSeconds(120));

        assertEquals(PlanSource.Kind.SCAN, source.kind());
        assertEquals(3, source.pages());
        assertEquals(List.of("1/3", "2/3", "3/3"), progress);
        double recall = recall(words(textOf(phuLam, 1, 3)), words(textOf(source)));
        assertTrue(recall >= 0.95, "words recovered: " + recall);
        List<PlanSource.Paragraph> paragraphs = PdfPlanSourceTest.paragraphs(source);
        assertTrue(paragraphs.stream().anyMatch(p -> p.text().startsWith("KẾ HOẠCH")), "the title is a paragraph of its own");
        assertTrue(paragraphs.stream().anyMatch(p -> p.text().length() > 300), "wrapped lines are joined into paragraphs");
        assertTrue(paragraphs.stream().anyMatch(PlanSource.Paragraph::doubtful), "words read with low confidence mark their paragraph");
        assertTrue(paragraphs.stream().filter(PlanSource.Paragraph::doubtful).count() < paragraphs.size() / 2, "most paragraphs are read with confidence");
        assertEquals(List.of(), Files.list(work).toList(), "no temporary file is left");
    }

    @Test
    void scannedPagesOfTheAppendixAreReadAsATable() throws IOException {
        // The appendix's pages: the one its first indicator is printed on, and the next.
        int first = pageOf(xuanLoc, "Tỷ lệ phủ sóng 5G");
        List<Path> pages = SeedPdfs.scanPngs(xuanLoc, dir, "xuan-loc", 250, first, first + 1);
        PlanSource source = ScanPlanSource.read(pages, ScanPlanSource.Limits.standard(), ScanPlanSource.Ocr.standard(), work, (d, t) -> { },
                Instant.now().plusSeconds(120));

        List<PlanSource.Table> tables = source.blocks().stream().filter(PlanSource.Table.class::isInstance).map(PlanSource.Table.class::cast).toList();
        assertEquals(1, tables.size(), "the two pages' rows make one table");
        PlanSource.Table table = tables.get(0);
        assertTrue(table.rows().size() >= 15, "rows: " + table.rows().size());
        assertEquals("STT", table.rows().get(0).text(0));
        assertTrue(table.rows().stream().allMatch(r -> r.cells().keySet().stream().allMatch(c -> c >= 0 && c <= 6)));
        // Tesseract passes over a lone digit in a narrow cell, so the number column is not asserted (see ScanPlanSource).
        // Of the rows of a rate ("Tỷ lệ …"), nearly all have their unit and their target read into their own cells.
        List<SheetReader.Row> rates = table.rows().stream().filter(r -> r.text(1).startsWith("Tỷ lệ")).toList();
        long read = rates.stream().filter(r -> r.text(2).matches("%|Đạt") && r.text(3).matches(".*(%|%/năm|\\))$")).count();
        assertTrue(rates.size() >= 8 && read >= rates.size() * 0.8, "rate rows read cell by cell: " + read + " of " + rates.size());
        // The header row printed again at the top of the second page is read once.
        Map<String, Integer> expected = words(textOf(xuanLoc, first, first + 1));
        words(String.join(" ", SeedDocuments.load("xuan-loc-cds-2026").tables().get(0).rows().get(0))).forEach((w, n) -> expected.merge(w, -n, Integer::sum));
        double recall = recall(expected, words(textOf(source)));
        assertTrue(recall >= 0.95, "words recovered: " + recall + "; missing " + missing(expected, words(textOf(source))));
        for (String cell : table.doubtful()) {
            assertTrue(cell.matches("\\d+:\\d"), cell);
        }
    }

    @Test
    void tooManyPagesAreRefusedBeforeAnyIsRead() throws IOException {
        List<Path> files = List.of(blank("a"), blank("b"), blank("c"));
        DomainException e = assertThrows(DomainException.class, () -> read(files, new ScanPlanSource.Limits(2, 40_000_000L)));
        assertEquals("intake.too-many-pages", e.code());
        assertEquals(DomainException.Kind.TOO_LARGE, e.kind());
    }

    @Test
    void aHugeImageIsRefusedFromItsHeaderWithoutBeingDecoded() throws IOException {
        // A PNG that claims 100 000 × 100 000 pixels and holds no image data at all: decoding it would fail as damaged.
        Path png = Files.write(dir.resolve("huge.png"), pngHeader(100_000, 100_000));
        DomainException e = assertThrows(DomainException.class, () -> read(List.of(png), ScanPlanSource.Limits.standard()));
        assertEquals("intake.image-too-large", e.code());
        assertEquals(DomainException.Kind.TOO_LARGE, e.kind());
    }

    @Test
    void damagedOrLockedFilesAreRefused() throws IOException {
        Path junk = Files.write(dir.resolve("junk.png"), new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9});
        assertEquals("intake.damaged", assertThrows(DomainException.class, () -> read(List.of(junk), ScanPlanSource.Limits.standard())).code());
        Path locked = dir.resolve("locked-scan.pdf");
        try (PDDocument doc = Loader.loadPDF(SeedPdfs.scanPdf(phuLam, dir, "to-lock", 72, 1).toFile())) {
            doc.protect(new org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy("owner", "user",
                    new org.apache.pdfbox.pdmodel.encryption.AccessPermission()));
            doc.save(locked.toFile());
        }
        assertEquals("intake.encrypted", assertThrows(DomainException.class, () -> read(List.of(locked), ScanPlanSource.Limits.standard())).code());
    }

    @Test
    void withoutTesseractOrItsLanguageTheScanIsRefusedAsUnavailable() throws IOException {
        List<Path> page = List.of(blank("one"));
        for (ScanPlanSource.Ocr ocr : List.of(new ScanPlanSource.Ocr("tesseract-not-installed", "vie", 300, 70),
                new ScanPlanSource.Ocr("tesseract", "no-such-language", 300, 70))) {
            DomainException e = assertThrows(DomainException.class, () -> ScanPlanSource.read(page, ScanPlanSource.Limits.standard(), ocr, work,
                    (d, t) -> { }, Instant.now().plusSeconds(30)));
            assertEquals("intake.ocr-unavailable", e.code());
            assertEquals(DomainException.Kind.UNAVAILABLE, e.kind());
        }
    }

    @Test
    void pastTheDeadlineTheRecognitionIsKilledAndRefused() throws IOException {
        Path scan = SeedPdfs.scanPdf(phuLam, dir, "slow", 300, 2);
        Instant start = Instant.now();
        DomainException e = assertThrows(DomainException.class, () -> ScanPlanSource.read(List.of(scan), ScanPlanSource.Limits.standard(),
                ScanPlanSource.Ocr.standard(), work, (d, t) -> { }, Instant.now().plusMillis(1500)));
        assertEquals("intake.ocr-timeout", e.code());
        assertTrue(Duration.between(start, Instant.now()).toSeconds() < 10);
        assertEquals(0, recognitionProcesses(), "the recognition process is gone");
        assertEquals(List.of(), Files.list(work).toList(), "no temporary file is left");
    }

    @Test
    void aCancelledReadingStopsTheRecognition() throws Exception {
        Path scan = SeedPdfs.scanPdf(phuLam, dir, "cancelled", 300, 2, 3);
        CompletableFuture<Thread> worker = new CompletableFuture<>();
        CompletableFuture<Object> outcome = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            worker.complete(Thread.currentThread());
            try {
                outcome.complete(ScanPlanSource.read(List.of(scan), ScanPlanSource.Limits.standard(), ScanPlanSource.Ocr.standard(), work,
                        (d, total) -> { }, Instant.now().plusSeconds(60)));
            } catch (RuntimeException e) {
                outcome.complete(e);
            }
        });
        t.start();
        // Cancelled once the recognition runs.
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (recognitionProcesses() == 0 && System.nanoTime() < until) {
            Thread.onSpinWait();
        }
        worker.get().interrupt();
        Object result = outcome.get(20, TimeUnit.SECONDS);
        assertTrue(result instanceof CancellationException, String.valueOf(result));
        t.join(5000);
        assertEquals(0, recognitionProcesses(), "the recognition process is gone");
        assertEquals(List.of(), Files.list(work).toList(), "no temporary file is left");
    }

    private PlanSource read(List<Path> files, ScanPlanSource.Limits limits) {
        return ScanPlanSource.read(files, limits, ScanPlanSource.Ocr.standard(), work, (d, t) -> { }, Instant.now().plusSeconds(30));
    }

    private static Path blank(String name) throws IOException {
        Path file = dir.resolve(name + ".png");
        ImageIO.write(new BufferedImage(200, 280, BufferedImage.TYPE_BYTE_GRAY), "png", file.toFile());
        return file;
    }

    /** The PNG signature and an image header chunk, with its checksum, and nothing after it. */
    static byte[] pngHeader(int width, int height) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        ByteBuffer chunk = ByteBuffer.allocate(17).put("IHDR".getBytes()).putInt(width).putInt(height)
                .put((byte) 8).put((byte) 0).put((byte) 0).put((byte) 0).put((byte) 0);
        CRC32 crc = new CRC32();
        crc.update(chunk.array());
        out.writeBytes(ByteBuffer.allocate(4).putInt(13).array());
        out.writeBytes(chunk.array());
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
        return out.toByteArray();
    }

    /** The first page whose text holds {@code words}. */
    static int pageOf(Path pdf, String words) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            for (int page = 1; page <= doc.getNumberOfPages(); page++) {
                PDFTextStripper stripper = new PDFTextStripper();
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                if (stripper.getText(doc).replaceAll("\\s+", " ").contains(words)) {
                    return page;
                }
            }
        }
        throw new IllegalStateException("No page holds " + words);
    }

    /** The recognition processes this test started that are still running (the database the product runs is not one). */
    static long recognitionProcesses() {
        return ProcessHandle.current().descendants()
                .filter(p -> p.info().command().map(c -> c.contains("tesseract")).orElse(false)).count();
    }

    static String textOf(Path pdf, int from, int to) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setStartPage(from);
            stripper.setEndPage(to);
            return stripper.getText(doc);
        }
    }

    static String textOf(PlanSource source) {
        StringBuilder text = new StringBuilder();
        for (PlanSource.Block b : source.blocks()) {
            if (b instanceof PlanSource.Paragraph p) {
                text.append(p.text()).append('\n');
            } else if (b instanceof PlanSource.Table t) {
                t.rows().forEach(r -> r.cells().values().forEach(c -> text.append(c.text()).append('\n')));
            }
        }
        return text.toString();
    }

    /** Words as compared: lower case, composed, without the punctuation around them; page numbers left out. */
    static Map<String, Integer> words(String text) {
        Map<String, Integer> counts = new HashMap<>();
        Stream.of(Normalizer.normalize(text, Normalizer.Form.NFC).toLowerCase(Locale.ROOT).split("\\s+"))
                .map(w -> w.replaceAll("^[^\\p{L}\\p{N}]+|[^\\p{L}\\p{N}%]+$", ""))
                .filter(w -> !w.isEmpty() && !w.matches("\\d{1,2}"))
                .forEach(w -> counts.merge(w, 1, Integer::sum));
        return counts;
    }

    static Map<String, Integer> missing(Map<String, Integer> expected, Map<String, Integer> read) {
        Map<String, Integer> out = new java.util.TreeMap<>();
        expected.forEach((w, n) -> {
            if (n > read.getOrDefault(w, 0)) {
                out.put(w, n - read.getOrDefault(w, 0));
            }
        });
        return out;
    }

    /** The share of the expected words (counted with repeats) found in what was read. */
    static double recall(Map<String, Integer> expected, Map<String, Integer> read) {
        int total = 0;
        int found = 0;
        for (Map.Entry<String, Integer> e : expected.entrySet()) {
            total += e.getValue();
            found += Math.min(e.getValue(), read.getOrDefault(e.getKey(), 0));
        }
        return total == 0 ? 1 : (double) found / total;
    }
}
