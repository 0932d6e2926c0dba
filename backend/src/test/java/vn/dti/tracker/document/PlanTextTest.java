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

    private static String squeeze(String text) {
        return text.replaceAll("\\s+", "");
    }
}
