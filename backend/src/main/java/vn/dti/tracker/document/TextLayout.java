package vn.dti.tracker.document;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Turns positioned words into the paragraphs and tables of a {@link PlanSource}, for a PDF's text layer and for a
 * scan's recognised words alike. Pages are added one at a time; a page keeps only its lines and table cells as text, so
 * nothing of a page's drawing is held once it is added. Tables are found from their ruling lines (drawn by the PDF, or
 * seen in the scanned image); the rest of a page becomes lines, joined into paragraphs where a line was only wrapped at
 * the page's width. Coordinates are in any unit (points, pixels), top-down; every tolerance is a share of the text's
 * height, so both units work.
 */
final class TextLayout {

    /** A word and its box; {@code doubtful} when it was recognised with low confidence. */
    record Word(String text, double x0, double top, double x1, double bottom, boolean bold, boolean doubtful) {
        double midX() {
            return (x0 + x1) / 2;
        }

        double midY() {
            return (top + bottom) / 2;
        }
    }

    /** A ruling line: horizontal at {@code at} from {@code from} to {@code to} (x), or vertical at x {@code at} (y range). */
    record Rule(boolean horizontal, double at, double from, double to) {
    }

    /** A heading number ("I.", "2.", "2.1.", "a)"), a bullet, or an article ("Điều 3."): a paragraph starts here. */
    private static final Pattern STARTS_BLOCK = Pattern.compile(
            "^(?:[IVXLC]+\\.|\\d{1,2}(?:\\.\\d{1,2})*[.)]|[a-zđ][.)]|[-+•*–]|Điều \\d+\\.)(?:\\s.*)?$");
    /** A running page number: "3", "- 3 -", "Trang 3". */
    private static final Pattern PAGE_NUMBER = Pattern.compile("^(?:Trang\\s*)?[-–]?\\s*\\d{1,3}\\s*[-–]?(?:\\s*/\\s*\\d{1,3})?$");

    private record Line(int page, String text, double x0, double top, double x1, double bottom, double firstWordWidth, double charWidth,
            boolean bold, boolean doubtful) {
    }


    /** What a page holds in reading order (lines and grids), with the page's height to tell its margins. */
    private record Page(int number, double height, List<Object> items) {
    }

    private final List<Page> pages = new ArrayList<>();

    /** Lays out one page's words; {@code rules} are its ruling lines (empty when none are known). */
    void addPage(int number, double height, List<Word> words, List<Rule> rules) {
        double textHeight = median(words.stream().mapToDouble(w -> w.bottom() - w.top()).toArray(), 10);
        double tol = Math.max(0.5, textHeight * 0.25);
        List<RuledTables.Grid> grids = RuledTables.grids(number, rules, words, tol, textHeight);
        List<Word> outside = new ArrayList<>();
        for (Word w : words) {
            if (grids.stream().noneMatch(g -> RuledTables.inside(g, w, tol))) {
                outside.add(w);
            }
        }
        List<Object> items = new ArrayList<>(lines(number, outside));
        items.addAll(grids);
        items.sort(Comparator.comparingDouble(TextLayout::top));
        pages.add(new Page(number, height, items));
    }

    /** The paragraphs and tables of all pages added, in reading order. */
    PlanSource build(PlanSource.Kind kind) {
        dropRunningLines();
        List<Object> items = new ArrayList<>();
        for (Page p : pages) {
            for (Object item : p.items()) {
                Object last = items.isEmpty() ? null : items.get(items.size() - 1);
                if (item instanceof RuledTables.Grid g && last instanceof RuledTables.Grid previous && p.items().get(0) == g
                        && RuledTables.continues(previous, g)) {
                    items.set(items.size() - 1, RuledTables.merged(previous, g));
                } else {
                    items.add(item);
                }
            }
        }
        return new PlanSource(kind, pages.size(), blocks(items));
    }

    // ---- lines

    private static List<Line> lines(int page, List<Word> words) {
        List<List<Word>> groups = group(words);
        List<Line> out = new ArrayList<>(groups.size());
        for (List<Word> g : groups) {
            StringBuilder text = new StringBuilder();
            int chars = 0;
            double width = 0;
            boolean bold = true;
            boolean doubtful = false;
            for (Word w : g) {
                if (!text.isEmpty()) {
                    text.append(' ');
                }
                text.append(w.text());
                chars += w.text().length();
                width += w.x1() - w.x0();
                bold &= w.bold();
                doubtful |= w.doubtful();
            }
            double top = g.stream().mapToDouble(Word::top).min().orElse(0);
            double bottom = g.stream().mapToDouble(Word::bottom).max().orElse(0);
            out.add(new Line(page, text.toString(), g.get(0).x0(), top, g.get(g.size() - 1).x1(), bottom, g.get(0).x1() - g.get(0).x0(),
                    chars == 0 ? 1 : width / chars, bold, doubtful));
        }
        return out;
    }

    /** Words grouped into lines (each sorted left to right), lines from top to bottom. */
    static List<List<Word>> group(List<Word> words) {
        List<Word> sorted = new ArrayList<>(words);
        sorted.sort(Comparator.comparingDouble(Word::midY));
        List<List<Word>> lines = new ArrayList<>();
        List<double[]> spans = new ArrayList<>();
        for (Word w : sorted) {
            int found = -1;
            for (int i = lines.size() - 1; i >= 0 && i >= lines.size() - 3; i--) {
                double[] s = spans.get(i);
                double overlap = Math.min(s[1], w.bottom()) - Math.max(s[0], w.top());
                if (overlap > 0.5 * Math.min(s[1] - s[0], w.bottom() - w.top())) {
                    found = i;
                    break;
                }
            }
            if (found < 0) {
                lines.add(new ArrayList<>(List.of(w)));
                spans.add(new double[] {w.top(), w.bottom()});
            } else {
                lines.get(found).add(w);
            }
        }
        for (List<Word> l : lines) {
            l.sort(Comparator.comparingDouble(Word::x0));
        }
        lines.sort(Comparator.comparingDouble(l -> l.stream().mapToDouble(Word::top).min().orElse(0)));
        return lines;
    }

    /** Drops a page number or a running header: the first or last line of a page, in its top or bottom sixth. */
    private void dropRunningLines() {
        for (Page p : pages) {
            List<Object> items = p.items();
            if (!items.isEmpty() && items.get(0) instanceof Line l && l.bottom() < p.height() / 6 && PAGE_NUMBER.matcher(l.text()).matches()) {
                items.remove(0);
            }
            if (!items.isEmpty() && items.get(items.size() - 1) instanceof Line l && l.top() > p.height() * 5 / 6
                    && PAGE_NUMBER.matcher(l.text()).matches()) {
                items.remove(items.size() - 1);
            }
        }
    }

    // ---- paragraphs

    private List<PlanSource.Block> blocks(List<Object> items) {
        List<Line> all = items.stream().filter(Line.class::isInstance).map(Line.class::cast).toList();
        double left = mode(all.stream().mapToDouble(Line::x0).toArray(), all.stream().mapToDouble(Line::charWidth).average().orElse(5));
        double right = percentile(all.stream().mapToDouble(Line::x1).toArray(), 0.9);
        double pitch = median(pitches(all), 0);
        List<PlanSource.Block> blocks = new ArrayList<>();
        List<Line> paragraph = new ArrayList<>();
        for (Object item : items) {
            if (item instanceof Line line) {
                if (!paragraph.isEmpty() && !continues(paragraph.get(paragraph.size() - 1), line, left, right, pitch, paragraph.size() == 1)) {
                    blocks.add(paragraph(blocks.size() + 1, paragraph));
                    paragraph = new ArrayList<>();
                }
                paragraph.add(line);
            } else {
                if (!paragraph.isEmpty()) {
                    blocks.add(paragraph(blocks.size() + 1, paragraph));
                    paragraph = new ArrayList<>();
                }
                blocks.add(RuledTables.table(blocks.size() + 1, (RuledTables.Grid) item));
            }
        }
        if (!paragraph.isEmpty()) {
            blocks.add(paragraph(blocks.size() + 1, paragraph));
        }
        return blocks;
    }

    /**
     * Whether {@code next} goes on the paragraph {@code previous} ends: it was wrapped (its first word would not have fit
     * at the end of the line above), it starts at the left margin, is not a heading or a bullet, follows without a gap,
     * and is set alike (bold or not).
     */
    private static boolean continues(Line previous, Line next, double left, double right, double pitch, boolean previousOpens) {
        double cw = Math.max(previous.charWidth(), next.charWidth());
        if (previousOpens && previous.x0() > left + 2 * cw && next.x0() > left + 2 * cw) {
            // Two lines each set in from the margin, the first opening its paragraph: each opens one (a paragraph's first
            // line is indented, the lines that go on with it are not).
            return false;
        }
        if (STARTS_BLOCK.matcher(next.text()).matches() || previous.bold() != next.bold()) {
            return false;
        }
        if (right - previous.x1() > next.firstWordWidth() + 2 * cw) {
            return false;
        }
        if (next.x0() > left + 2 * cw && Math.abs(next.x0() - previous.x0()) > 2 * cw) {
            return false;
        }
        if (next.page() == previous.page() && pitch > 0) {
            double step = next.top() - previous.top();
            return step < pitch * 1.45;
        }
        return next.page() == previous.page() + 1;
    }

    private static PlanSource.Paragraph paragraph(int index, List<Line> lines) {
        StringBuilder text = new StringBuilder();
        boolean bold = true;
        boolean doubtful = false;
        for (Line l : lines) {
            join(text, l.text());
            bold &= l.bold();
            doubtful |= l.doubtful();
        }
        return new PlanSource.Paragraph(index, lines.get(0).page(), text.toString(), bold, doubtful);
    }

    /** A number cut at its thousands point ("1." and "000") or a reference cut at its slash ("28/3" and "/2022"). */
    private static final Pattern JOINED_BREAK = Pattern.compile("(?s).*/\\n.*|.*[\\p{L}\\d]-\\n[\\p{L}\\d].*|.*(?<![\\p{L}\\d])\\d{1,3}[.,]\\n\\d{3}(?!\\d).*|.*\\n/.*");

    /**
     * Adds a line to the text before it with a space, or without one where the line was broken inside a word: after a
     * slash or a thousands point (writers may break a line there, where there is no space to restore).
     */
    static void join(StringBuilder text, String line) {
        if (text.isEmpty()) {
            text.append(line);
            return;
        }
        int from = Math.max(0, text.length() - 12);
        String seam = text.substring(from) + "\n" + line.substring(0, Math.min(line.length(), 12));
        text.append(JOINED_BREAK.matcher(seam).matches() ? "" : " ").append(line);
    }

    private static double[] pitches(List<Line> lines) {
        List<Double> steps = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            Line a = lines.get(i - 1);
            Line b = lines.get(i);
            double h = a.bottom() - a.top();
            double step = b.top() - a.top();
            if (a.page() == b.page() && step > 0.8 * h && step < 2.5 * h) {
                steps.add(step);
            }
        }
        return steps.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static double top(Object item) {
        return item instanceof Line l ? l.top() : ((RuledTables.Grid) item).top();
    }

    // ---- statistics

    static double median(double[] values, double fallback) {
        return values.length == 0 ? fallback : percentile(values, 0.5);
    }

    private static double percentile(double[] values, double p) {
        if (values.length == 0) {
            return 0;
        }
        double[] v = values.clone();
        Arrays.sort(v);
        return v[(int) Math.min(v.length - 1, Math.floor(p * v.length))];
    }

    /** The most frequent value, values within {@code bucket} of each other counted together: the left margin. */
    private static double mode(double[] values, double bucket) {
        double best = 0;
        int bestCount = -1;
        for (double x : values) {
            int count = 0;
            for (double y : values) {
                if (Math.abs(x - y) <= bucket) {
                    count++;
                }
            }
            if (count > bestCount || count == bestCount && x < best) {
                best = x;
                bestCount = count;
            }
        }
        return best;
    }
}
