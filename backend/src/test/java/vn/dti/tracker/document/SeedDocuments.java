package vn.dti.tracker.document;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;

/**
 * The issued plans of the test resources ({@code plans/*.txt}: the text of real plans as published, see
 * plans/README.md) turned back into the files a clerk holds: a Word document built with Apache POI, paragraph by
 * paragraph and table by table. The text files are conversions: lines broken at the page's width, "**" for bold,
 * "#" headings, formulas written as {@code $\geq 50\%$}, tables as tab-separated lines. They are read back into
 * paragraphs and tables as the document had them.
 */
public final class SeedDocuments {

    /** The plans: Xuân Lộc's (with its appendix table), Phú Lâm's, and the province's. */
    public static final List<String> PLANS = List.of("xuan-loc-cds-2026", "phu-lam-dti-2026-2030", "dong-nai-dti-2026-2030");

    /** A paragraph or a table of a plan. */
    public sealed interface Block permits Para, Table {
    }

    /** A paragraph; {@code text} may hold "\n" (a line break inside the paragraph). */
    public record Para(String text, boolean bold) implements Block {
    }

    /** A table, rows of cells as written. */
    public record Table(List<List<String>> rows) implements Block {
    }

    public record Seed(String name, List<Block> blocks) {

        public List<Para> paragraphs() {
            return blocks.stream().filter(Para.class::isInstance).map(Para.class::cast).toList();
        }

        public List<Table> tables() {
            return blocks.stream().filter(Table.class::isInstance).map(Table.class::cast).toList();
        }
    }

    private static final Pattern HEADING_START = Pattern.compile("^(?:[IVXLC]+\\.|\\d+(?:\\.\\d+)*\\.|[a-zđ]\\)|[a-zđ]\\.|-|\\+|•|\\*)\\s.*");

    private SeedDocuments() {
    }

    public static Seed load(String name) {
        try (InputStream in = SeedDocuments.class.getResourceAsStream("/plans/" + name + ".txt")) {
            if (in == null) {
                throw new IllegalArgumentException("No plan " + name);
            }
            return new Seed(name, parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<Block> parse(String text) {
        List<String> lines = Arrays.asList(text.replace("\r", "").split("\n", -1));
        List<Block> out = new ArrayList<>();
        List<List<String>> table = null;
        StringBuilder para = null;
        boolean paraBold = false;
        boolean openBold = false;
        for (int i = 0; i < lines.size(); i++) {
            String raw = lines.get(i);
            if (raw.contains("\t")) {
                if (para != null) {
                    out.add(new Para(para.toString().strip(), paraBold));
                    para = null;
                }
                if (table == null) {
                    table = new ArrayList<>();
                }
                List<String> cells = new ArrayList<>();
                for (String c : raw.split("\t", -1)) {
                    cells.add(inline(c).strip());
                }
                table.add(cells);
                continue;
            }
            if (raw.isBlank()) {
                if (table != null && nextNonBlankHasTab(lines, i)) {
                    continue;
                }
                if (table != null) {
                    out.add(new Table(table));
                    table = null;
                }
                if (para != null && !openBold && !continues(para, lines, i)) {
                    out.add(new Para(para.toString().strip(), paraBold));
                    para = null;
                }
                continue;
            }
            if (table != null) {
                out.add(new Table(table));
                table = null;
            }
            String line = raw.strip().replaceFirst("^#+\\s*", "");
            if (line.matches("\\d{1,2}") && para == null) {
                continue; // a page number
            }
            boolean starts = line.startsWith("**");
            boolean ends = line.endsWith("**") && line.length() > 2;
            String clean = inline(line.replace("**", "")).strip();
            if (clean.isEmpty()) {
                continue;
            }
            if (para != null && !openBold && clean.matches("^[-+•]\\s.*")) {
                // A bullet on the next line is a paragraph of its own (a list written line by line).
                out.add(new Para(para.toString().strip(), paraBold));
                para = null;
            }
            if (para == null) {
                para = new StringBuilder(clean);
                paraBold = starts;
                openBold = starts && !ends;
            } else if (openBold) {
                para.append('\n').append(clean);
                openBold = !ends;
            } else {
                // "57-" at a line's end and "NQ/TW" below: one word broken at its hyphen.
                para.append(para.toString().matches("(?s).*\\S-$") ? "" : " ").append(clean);
                paraBold = paraBold && starts;
            }
            if (!openBold && paraBold && ends && nextIsBoldLine(lines, i)) {
                // "**KẾ HOẠCH**  " then "**Nâng cao …**": a title written line by line stays one paragraph per line.
                out.add(new Para(para.toString().strip(), true));
                para = null;
            }
        }
        if (table != null) {
            out.add(new Table(table));
        }
        if (para != null) {
            out.add(new Para(para.toString().strip(), paraBold));
        }
        return out;
    }

    /**
     * A line broken at the page's width goes on below a blank line: with a small letter, or, where the line was cut
     * mid-sentence (no closing mark, one space left at its end), with any word that does not start a heading.
     */
    private static boolean continues(StringBuilder para, List<String> lines, int blank) {
        String last = lines.get(blank - 1);
        for (int j = blank + 1; j < lines.size(); j++) {
            String next = lines.get(j).strip();
            if (next.isEmpty()) {
                continue;
            }
            if (next.contains("\t") || next.startsWith("#") || next.startsWith("**") || HEADING_START.matcher(next).matches()) {
                return false;
            }
            String ended = para.toString().strip();
            if (Character.isLowerCase(next.charAt(0))) {
                return true;
            }
            if (ended.equals(ended.toUpperCase()) || HEADING_START.matcher(ended).matches() && !ended.startsWith("-") && ended.length() < 120) {
                return false; // "KẾ HOẠCH", "1. Mục tiêu tổng quát": a title or a heading ends at its line
            }
            boolean cut = last.endsWith(" ") && !last.endsWith("  ") && !ended.matches("(?s).*[.;:!?”\")]$");
            return cut || ended.endsWith("-");
        }
        return false;
    }

    private static boolean nextNonBlankHasTab(List<String> lines, int from) {
        for (int j = from + 1; j < lines.size(); j++) {
            if (!lines.get(j).isBlank()) {
                return lines.get(j).contains("\t");
            }
        }
        return false;
    }

    private static boolean nextIsBoldLine(List<String> lines, int i) {
        return i + 1 < lines.size() && lines.get(i + 1).strip().startsWith("**");
    }

    /** A formula as the document shows it: "$\geq 50\%$" is "≥ 50%"; italics marks dropped. */
    static String inline(String text) {
        String t = text.replace("\\geq", "≥ ").replace("\\leq", "≤ ").replace("\\%", "%").replace("$", "")
                .replaceAll("\\\\text\\{([^}]*)}", "$1").replaceAll("(?<![*\\w])\\*([^*]+)\\*(?!\\*)", "$1");
        return t.replaceAll("≥\\s+", "≥ ").replaceAll("≤\\s+", "≤ ").replaceAll("[ \\u00a0]{2,}", " ");
    }

    /** The plan as a Word document, written by Apache POI. */
    public static Path docx(Seed seed, Path dir) throws IOException {
        Path file = dir.resolve(seed.name() + ".docx");
        try (XWPFDocument doc = new XWPFDocument(); OutputStream out = Files.newOutputStream(file)) {
            for (Block b : seed.blocks()) {
                if (b instanceof Para p) {
                    XWPFParagraph paragraph = doc.createParagraph();
                    XWPFRun run = paragraph.createRun();
                    run.setBold(p.bold());
                    String[] parts = p.text().split("\n");
                    for (int k = 0; k < parts.length; k++) {
                        if (k > 0) {
                            run.addBreak();
                        }
                        run.setText(parts[k], k);
                    }
                } else if (b instanceof Table t) {
                    int columns = t.rows().stream().mapToInt(List::size).max().orElse(1);
                    XWPFTable table = doc.createTable(t.rows().size(), columns);
                    for (int r = 0; r < t.rows().size(); r++) {
                        XWPFTableRow row = table.getRow(r);
                        List<String> cells = t.rows().get(r);
                        for (int c = 0; c < columns; c++) {
                            String value = c < cells.size() ? cells.get(c) : "";
                            XWPFParagraph cellParagraph = row.getCell(c).getParagraphs().get(0);
                            XWPFRun run = cellParagraph.createRun();
                            run.setBold(r == 0);
                            run.setText(value);
                        }
                    }
                }
            }
            doc.write(out);
        }
        return file;
    }
}
