package vn.dti.tracker.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import vn.dti.tracker.common.DomainException;

class PdfPlanSourceTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"xuan-loc-cds-2026", "phu-lam-dti-2026-2030", "dong-nai-dti-2026-2030"})
    void everyParagraphAndTableOfThePlanComesBackFromItsPdf(String name) throws IOException {
        SeedDocuments.Seed seed = SeedDocuments.load(name);
        Path pdf = SeedPdfs.textPdf(seed, dir);
        PlanSource source = PdfPlanSource.read(pdf, PdfPlanSource.Limits.standard());

        assertNotNull(source, "the PDF has a text layer");
        assertEquals(PlanSource.Kind.PDF, source.kind());
        List<PlanSource.Paragraph> paragraphs = paragraphs(source);
        List<String> read = paragraphs.stream().map(p -> normal(p.text())).toList();
        List<String> missing = new ArrayList<>();
        for (SeedDocuments.Para p : seed.paragraphs()) {
            // A line break inside a paragraph looks in a PDF like the end of one: each line may be a paragraph.
            for (String line : p.text().split("\n")) {
                if (read.stream().noneMatch(r -> r.contains(normal(line))) && !splitAtBullets(read, normal(line))) {
                    missing.add(line);
                }
            }
        }
        assertEquals(List.of(), missing, "paragraphs not found in\n" + String.join("\n", read));
        for (SeedDocuments.Para p : seed.paragraphs()) {
            if (p.bold() && !p.text().contains("\n")) {
                assertTrue(paragraphs.stream().anyMatch(r -> r.bold() && normal(r.text()).equals(normal(p.text()))), "bold: " + p.text());
            }
        }
        assertTrue(read.stream().noneMatch(r -> r.matches("\\d{1,3}")), "no page number is read as a paragraph");
        assertTrue(paragraphs.size() <= seed.paragraphs().size() + 5 && paragraphs.size() >= seed.paragraphs().size() * 9 / 10,
                "wrapped lines are joined: " + paragraphs.size() + " paragraphs read, " + seed.paragraphs().size() + " written");

        List<PlanSource.Table> tables = source.blocks().stream().filter(PlanSource.Table.class::isInstance).map(PlanSource.Table.class::cast).toList();
        assertEquals(seed.tables().size(), tables.size(), "tables");
        for (int t = 0; t < tables.size(); t++) {
            // Each column holds the same text, row after row; a row the page cuts in two comes as two rows (the appendix
            // reader puts them together again), so the rows may be a few more than written.
            var written = cells(seed.tables().get(t));
            var got = cells(tables.get(t));
            assertEquals(columns(written), columns(got));
            assertTrue(got.size() >= written.size() && got.size() <= written.size() + 5, "rows: " + got.size() + " read, " + written.size() + " written");
            assertTrue(tables.get(t).rows().get(0).bold(1), "the header row is bold");
        }
        assertEquals(List.of(), source.blocks().stream().filter(b -> b instanceof PlanSource.Paragraph p && p.doubtful()).toList());
        for (int i = 0; i < source.blocks().size(); i++) {
            assertEquals(i + 1, source.blocks().get(i).index());
        }
    }

    @Test
    void theXuanLocAppendixSpansPagesAndIsReadAsOneTableOfItsThirtyIndicators() throws IOException {
        Path pdf = SeedPdfs.textPdf(SeedDocuments.load("xuan-loc-cds-2026"), dir);
        PlanSource source = PdfPlanSource.read(pdf, PdfPlanSource.Limits.standard());
        PlanSource.Table appendix = (PlanSource.Table) source.blocks().stream().filter(PlanSource.Table.class::isInstance).findFirst().orElseThrow();
        assertTrue(source.pages() >= appendix.page() + 2, "the appendix goes on over pages (" + appendix.page() + ", " + source.pages() + ")");
        assertEquals(1, source.blocks().stream().filter(PlanSource.Table.class::isInstance).count(), "its pages make one table");
        long indicators = appendix.rows().stream().filter(r -> r.text(0).matches("\\d+")).count();
        assertEquals(30, indicators);
        assertEquals("Tỷ lệ phủ sóng 5G trên địa bàn", appendix.rows().get(2).text(1));
        assertEquals("≥ 50%", appendix.rows().get(2).text(3));
        assertEquals("A. Phát triển hạ tầng", appendix.rows().get(1).text(0));
        assertEquals(1, appendix.rows().get(1).cells().size(), "a group row spans the table, its text in the first column");
    }

    @Test
    void aPdfOfImagesHasNoTextLayer() throws IOException {
        Path pdf = SeedPdfs.textPdf(SeedDocuments.load("phu-lam-dti-2026-2030"), dir);
        Path scan = SeedPdfs.scanPdf(pdf, dir, "scan", 72, 1, 2);
        assertNull(PdfPlanSource.read(scan, PdfPlanSource.Limits.standard()));
    }

    @Test
    void aPdfOpenedOnlyWithAPasswordIsRefused() throws IOException {
        Path pdf = SeedPdfs.textPdf(SeedDocuments.load("phu-lam-dti-2026-2030"), dir);
        Path locked = dir.resolve("locked.pdf");
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            StandardProtectionPolicy policy = new StandardProtectionPolicy("owner", "user", new AccessPermission());
            policy.setEncryptionKeyLength(128);
            doc.protect(policy);
            doc.save(locked.toFile());
        }
        DomainException e = assertThrows(DomainException.class, () -> PdfPlanSource.read(locked, PdfPlanSource.Limits.standard()));
        assertEquals("intake.encrypted", e.code());
        assertEquals(DomainException.Kind.INVALID, e.kind());
    }

    @Test
    void damagedBytesAreRefused() throws IOException {
        Path junk = Files.write(dir.resolve("junk.pdf"), "%PDF-1.7\n\u0000\u0001 this is no PDF at all".getBytes());
        assertEquals("intake.damaged", assertThrows(DomainException.class, () -> PdfPlanSource.read(junk, PdfPlanSource.Limits.standard())).code());
        Path pdf = SeedPdfs.textPdf(SeedDocuments.load("phu-lam-dti-2026-2030"), dir);
        byte[] bytes = Files.readAllBytes(pdf);
        Path cut = Files.write(dir.resolve("cut.pdf"), java.util.Arrays.copyOf(bytes, 300));
        assertEquals("intake.damaged", assertThrows(DomainException.class, () -> PdfPlanSource.read(cut, PdfPlanSource.Limits.standard())).code());
    }

    @Test
    void aPdfWithMorePagesThanTheLimitIsRefused() throws IOException {
        Path pdf = SeedPdfs.textPdf(SeedDocuments.load("phu-lam-dti-2026-2030"), dir);
        DomainException e = assertThrows(DomainException.class, () -> PdfPlanSource.read(pdf, new PdfPlanSource.Limits(2)));
        assertEquals("intake.too-many-pages", e.code());
        assertEquals(DomainException.Kind.TOO_LARGE, e.kind());
    }

    /**
     * Whether the text is found as paragraphs that follow each other, each but the first starting with a bullet: a list
     * the plan's text file ran together into one paragraph, which a reader rightly parts at each bullet.
     */
    static boolean splitAtBullets(List<String> read, String text) {
        for (int i = 0; i < read.size(); i++) {
            if (!text.startsWith(read.get(i))) {
                continue;
            }
            StringBuilder joined = new StringBuilder(read.get(i));
            for (int j = i + 1; j < read.size() && read.get(j).matches("[-+] .*") && text.startsWith(joined + " " + read.get(j)); j++) {
                joined.append(' ').append(read.get(j));
                if (joined.length() == text.length()) {
                    return true;
                }
            }
        }
        return false;
    }

    static List<PlanSource.Paragraph> paragraphs(PlanSource source) {
        return source.blocks().stream().filter(PlanSource.Paragraph.class::isInstance).map(PlanSource.Paragraph.class::cast).toList();
    }

    /** Each row's non-empty cells, column to text. */
    static List<Map<Integer, String>> cells(SeedDocuments.Table t) {
        List<Map<Integer, String>> rows = new ArrayList<>();
        for (List<String> row : t.rows()) {
            Map<Integer, String> cells = new TreeMap<>();
            for (int c = 0; c < row.size(); c++) {
                if (!row.get(c).isBlank()) {
                    cells.put(c, normal(row.get(c)));
                }
            }
            rows.add(cells);
        }
        return rows;
    }

    static List<Map<Integer, String>> cells(PlanSource.Table t) {
        List<Map<Integer, String>> rows = new ArrayList<>();
        for (SheetReader.Row row : t.rows()) {
            Map<Integer, String> cells = new TreeMap<>();
            row.cells().forEach((c, cell) -> cells.put(c, normal(cell.text())));
            rows.add(cells);
        }
        return rows;
    }

    static String normal(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFC).replaceAll("\\s+", " ").strip();
    }

    /** Each column's text, its cells one after another, spacing aside. */
    private static java.util.Map<Integer, String> columns(List<? extends java.util.Map<Integer, String>> rows) {
        java.util.Map<Integer, String> out = new java.util.TreeMap<>();
        for (var row : rows) {
            row.forEach((c, text) -> out.merge(c, text, (a, b) -> a + " " + b));
        }
        out.replaceAll((c, text) -> text.replaceAll("\\s+", " ").strip());
        return out;
    }
}
