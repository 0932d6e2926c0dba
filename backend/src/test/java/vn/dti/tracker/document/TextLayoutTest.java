package vn.dti.tracker.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import vn.dti.tracker.document.TextLayout.Rule;
import vn.dti.tracker.document.TextLayout.Word;

/** The layout from positioned words, in points on an A4 page (595 × 842), as a scan's or a PDF's words come. */
class TextLayoutTest {

    private static final double LEFT = 85;
    private static final double RIGHT = 550;
    private static final double LINE = 18;

    @Test
    void wrappedLinesMakeOneParagraphAndHeadingsBulletsAndShortLinesEndOne() {
        TextLayout layout = new TextLayout();
        List<Word> words = new ArrayList<>();
        double y = 100;
        y = line(words, y, LEFT, "I. MỤC TIÊU", true, false);
        y = full(words, y, LEFT + 28, "- Tiếp tục hoàn thiện nền tảng chính quyền điện tử dữ liệu", false);
        y = full(words, y, LEFT, "số hiệu quả phục vụ công tác chỉ đạo, điều hành", true);
        y = line(words, y, LEFT, "xã hội số.", false, false);
        line(words, y, LEFT + 28, "- Triển khai đồng bộ.", false, false);
        line(words, 800, 290, "3", false, false);
        layout.addPage(1, 842, words, List.of());
        words = new ArrayList<>();
        line(words, 40, 290, "2", false, false);
        layout.addPage(2, 842, words, List.of());

        PlanSource source = layout.build(PlanSource.Kind.SCAN);
        List<PlanSource.Paragraph> paragraphs = PdfPlanSourceTest.paragraphs(source);
        assertEquals(3, paragraphs.size(), paragraphs.toString());
        assertEquals("I. MỤC TIÊU", paragraphs.get(0).text());
        assertTrue(paragraphs.get(0).bold());
        assertTrue(paragraphs.get(1).text().startsWith("- Tiếp tục") && paragraphs.get(1).text().endsWith("xã hội số."));
        assertTrue(paragraphs.get(1).doubtful(), "a doubtful word marks its paragraph");
        assertFalse(paragraphs.get(2).doubtful());
        assertEquals("- Triển khai đồng bộ.", paragraphs.get(2).text());
        assertEquals(2, source.pages(), "page numbers are dropped, pages still counted");
    }

    @Test
    void aTableGoingOnToTheNextPageIsOneTableAndARowCutByThePageStaysTwoRows() {
        double[] columns = {LEFT, 120, 400, RIGHT};
        TextLayout layout = new TextLayout();
        List<Word> words = new ArrayList<>();
        line(words, 700, 90, "1", false, false);
        line(words, 700, 125, "Tỷ lệ phủ sóng 5G", false, false);
        line(words, 700, 405, "≥ 50%", false, true);
        line(words, 730, 90, "2", false, false);
        line(words, 730, 125, "Tỷ lệ người sử dụng có khả năng", false, false);
        layout.addPage(1, 842, words, grid(columns, 690, 720, 750));
        words = new ArrayList<>();
        line(words, 60, 125, "truy cập băng rộng", false, false);
        line(words, 60, 405, "≥ 60%", false, false);
        layout.addPage(2, 842, words, grid(columns, 50, 80));

        PlanSource source = layout.build(PlanSource.Kind.SCAN);
        assertEquals(1, source.blocks().size());
        PlanSource.Table table = (PlanSource.Table) source.blocks().get(0);
        assertEquals(1, table.page());
        assertEquals(3, table.rows().size());
        assertEquals("≥ 50%", table.rows().get(0).text(2));
        assertEquals("Tỷ lệ người sử dụng có khả năng", table.rows().get(1).text(1));
        assertEquals("", table.rows().get(2).text(0), "the continuation has no number");
        assertEquals("truy cập băng rộng", table.rows().get(2).text(1));
        assertEquals(3, table.rows().get(2).number());
        assertEquals(Set.of("1:2"), table.doubtful());
    }

    @Test
    void joinedLinesGetASpaceExceptWhereAReferenceOrANumberWasCut() {
        StringBuilder text = new StringBuilder("ngày 28/3");
        TextLayout.join(text, "/2022 của");
        TextLayout.join(text, "đạt 1.");
        TextLayout.join(text, "000 dân");
        TextLayout.join(text, "năm 2025.");
        TextLayout.join(text, "2026 và");
        assertEquals("ngày 28/3/2022 của đạt 1.000 dân năm 2025. 2026 và", text.toString());
    }

    /** A line of words from {@code x}, each word as wide as its letters at 7 points a letter, 4 points apart. */
    private static double line(List<Word> words, double y, double x, String text, boolean bold, boolean doubtfulLast) {
        return line(words, y, x, text, bold, doubtfulLast, 4);
    }

    /** A line set full width: its words spread to the right margin. */
    private static double full(List<Word> words, double y, double x, String text, boolean doubtfulLast) {
        String[] parts = text.strip().split(" ");
        double letters = text.replace(" ", "").length() * 7;
        return line(words, y, x, text, false, doubtfulLast, (RIGHT - x - letters) / (parts.length - 1));
    }

    private static double line(List<Word> words, double y, double x, String text, boolean bold, boolean doubtfulLast, double gap) {
        String[] parts = text.strip().split(" ");
        for (int i = 0; i < parts.length; i++) {
            double w = parts[i].length() * 7;
            words.add(new Word(parts[i], x, y, x + w, y + 13, bold, doubtfulLast && i == parts.length - 1));
            x += w + gap;
        }
        return y + LINE;
    }

    private static List<Rule> grid(double[] columns, double... rows) {
        List<Rule> rules = new ArrayList<>();
        for (double y : rows) {
            rules.add(new Rule(true, y, columns[0], columns[columns.length - 1]));
        }
        for (double x : columns) {
            rules.add(new Rule(false, x, rows[0], rows[rows.length - 1]));
        }
        return rules;
    }
}
