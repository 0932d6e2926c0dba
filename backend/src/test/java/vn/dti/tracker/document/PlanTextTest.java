package vn.dti.tracker.document;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import vn.dti.tracker.common.ArchiveLimits;

/** Each issued plan, as a Word document, read back into the facts the demo data holds for it. */
class PlanTextTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource({"xuan-loc-cds-2026,02-xuan-loc-cds-2026,DOCX", "phu-lam-dti-2026-2030,03-phu-lam-dti-2026-2030,DOCX",
            "dong-nai-dti-2026-2030,01-dong-nai-dti-2026-2030,DOCX", "xuan-loc-cds-2026,02-xuan-loc-cds-2026,PDF",
            "phu-lam-dti-2026-2030,03-phu-lam-dti-2026-2030,PDF", "dong-nai-dti-2026-2030,01-dong-nai-dti-2026-2030,PDF"})
    void theDocumentGivesThePlansFacts(String seed, String bundleName, String kind) throws Exception {
        Path docx = kind.equals("PDF") ? SeedPdfs.textPdf(SeedDocuments.load(seed), dir) : SeedDocuments.docx(SeedDocuments.load(seed), dir);
        PlanSource source = kind.equals("PDF") ? PdfPlanSource.read(docx, PdfPlanSource.Limits.standard())
                : DocxPlanSource.read(docx, new ArchiveLimits(64 << 20, 64 << 20, 1000, 100), 5000);
        PlanText.Reading r = PlanText.read(source);
        JsonNode bundle;
        try (InputStream in = getClass().getResourceAsStream("/demo/" + bundleName + ".json")) {
            bundle = new ObjectMapper().readTree(in);
        }
        JsonNode plan = bundle.get("plan");
        assertEquals(plan.get("title").asText(), r.title());
        assertEquals(plan.get("startYear").asInt(), r.startYear());
        assertEquals(plan.get("endYear").asInt(), r.endYear());
        List<String> citations = new ArrayList<>();
        plan.get("legalBases").forEach(b -> citations.add(b.get("citation").asText()));
        assertEquals(citations, r.bases().stream().map(PlanText.Basis::citation).toList());
        List<String> sections = new ArrayList<>();
        plan.get("sections").forEach(s -> sections.add(s.get("key").asText() + " " + s.get("heading").asText("") + "\n" + s.get("body").asText()));
        // Compared without line breaks and spacing: the province's text is a PDF conversion whose paragraphs are
        // rebuilt from lines broken at the page's width. Its table of ranking targets had a merged header cell
        // ("Mục tiêu xếp hạng giai đoạn 2030") that the text lost.
        String actual = String.join("\n\n", r.sections().stream().map(s -> s.key() + " " + (s.heading() == null ? "" : s.heading()) + "\n" + s.body()).toList());
        assertEquals(squeeze(String.join("\n\n", sections).replace("Mục tiêu xếp hạng giai đoạn 2030: ", "")), squeeze(actual));
        JsonNode regime = plan.get("reportingRegime");
        assertEquals(regime.get("frequency").asText(), r.regime().frequency().name());
        assertEquals(regime.get("unitReportDay").asInt(), r.regime().unitDay());
        assertEquals(regime.get("consolidationDay").asInt(), r.regime().consolidationDay());
        assertEquals(regime.get("wording").asText(), r.regime().wording());
        assertEquals(plan.get("signerTitle").asText(), r.signerTitle());
        assertEquals(plan.get("signerName").asText(), r.signerName());
        List<String> recipients = new ArrayList<>();
        plan.get("recipients").forEach(x -> recipients.add(x.asText()));
        assertEquals(recipients, r.recipients());
        List<String> groups = new ArrayList<>();
        bundle.get("taskGroups").forEach(g -> groups.add(g.get("code").asText() + " " + g.get("name").asText()));
        assertEquals(groups, r.taskGroups().stream().map(g -> g.code() + " " + g.name()).toList());
        List<String> tasks = new ArrayList<>();
        bundle.get("tasks").forEach(t -> tasks.add(t.get("description").asText()));
        assertEquals(tasks.stream().map(PlanTextTest::squeeze).toList(),
                r.taskGroups().stream().flatMap(g -> g.tasks().stream()).map(t -> squeeze(t.text())).toList());
        Files.deleteIfExists(docx);
    }

    @org.junit.jupiter.api.Test
    void aHeadingLaidOutAsATableADrawnRuleAndAHalfYearlyRegimeAreRead() {
        java.util.Map<Integer, SheetReader.Cell> heading = new java.util.TreeMap<>();
        heading.put(0, new SheetReader.Cell("ỦY BAN NHÂN DÂN\nTỈNH ĐỒNG NAI\n_______\nSố: 154/KH-UBND", false, true));
        heading.put(1, new SheetReader.Cell("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nĐồng Nai, ngày 26/3/2026", false, true));
        List<PlanSource.Block> blocks = List.of(
                new PlanSource.Table(1, 0, List.of(new SheetReader.Row(1, heading)), java.util.Set.of()),
                new PlanSource.Paragraph(2, 0, "KẾ HOẠCH", true, false),
                new PlanSource.Paragraph(3, 0, "Nâng cao chỉ số chuyển đổi số giai đoạn 2026 - 2030", true, false),
                new PlanSource.Paragraph(4, 0, "__________", false, false),
                new PlanSource.Paragraph(5, 0, "I - MỤC TIÊU", true, false),
                new PlanSource.Paragraph(6, 0, "Nâng hạng.", false, false),
                new PlanSource.Paragraph(7, 0, "II - TỔ CHỨC THỰC HIỆN", true, false),
                new PlanSource.Paragraph(8, 0, "Các sở báo cáo kết quả 6 tháng/1 lần, gửi về Sở Khoa học và Công nghệ trước ngày 15/6 và 15/12.",
                        false, false),
                new PlanSource.Paragraph(9, 0, "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH", true, false),
                new PlanSource.Paragraph(10, 0, "Lê Trường Sơn", true, false));
        PlanText.Reading r = PlanText.read(new PlanSource(PlanSource.Kind.DOCX, 0, blocks));
        assertEquals("ỦY BAN NHÂN DÂN TỈNH ĐỒNG NAI", r.issuerText());
        assertEquals("154/KH-UBND", r.documentNumber());
        assertEquals(java.time.LocalDate.of(2026, 3, 26), r.issueDate());
        assertEquals("Đồng Nai", r.issuePlace());
        assertEquals("Kế hoạch Nâng cao chỉ số chuyển đổi số giai đoạn 2026 - 2030", r.title());
        assertEquals(List.of("I - MỤC TIÊU", "II - TỔ CHỨC THỰC HIỆN"), r.sections().stream().map(PlanText.Section::heading).toList());
        assertEquals(vn.dti.tracker.plan.SectionKey.ORGANISATION, r.sections().get(1).key());
        assertEquals(vn.dti.tracker.plan.ReportFrequency.HALF_YEARLY, r.regime().frequency());
        assertEquals(15, r.regime().unitDay());
        assertEquals("Sở Khoa học và Công nghệ", r.regime().coordinatorText());
        assertEquals("Lê Trường Sơn", r.signerName());
    }

    private static String squeeze(String text) {
        return text.replaceAll("\\s+", "");
    }
}
