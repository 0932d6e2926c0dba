package vn.dti.tracker.document;

import java.awt.geom.Point2D;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.contentstream.PDFGraphicsStreamEngine;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDFontDescriptor;
import org.apache.pdfbox.pdmodel.graphics.image.PDImage;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

import vn.dti.tracker.common.DomainException;
import vn.dti.tracker.document.TextLayout.Rule;
import vn.dti.tracker.document.TextLayout.Word;

/**
 * An issued plan read from a PDF's text layer with Apache PDFBox: each page's words with their boxes and fonts, and
 * the ruling lines the page draws (a table's borders), laid out by {@link TextLayout}. A page is read, laid out and let
 * go before the next; the file itself is read through a temporary-file cache, never wholly into memory.
 */
final class PdfPlanSource {

    /** How much of a PDF is read: {@code maxPages} pages at most. */
    record Limits(int maxPages) {
        static Limits standard() {
            return new Limits(200);
        }
    }

    /** A page with fewer letters than this has no text layer to speak of (a scanned page, perhaps with a stamp's text). */
    private static final int TEXT_PAGE_CHARACTERS = 30;

    private PdfPlanSource() {
    }

    /**
     * The plan's paragraphs and tables, or {@code null} when the PDF has (almost) no text layer: fewer than half of its
     * pages carry text, so it is a scan and must go to {@link ScanPlanSource}. Refuses a PDF that needs a password to be
     * opened ({@code intake.encrypted}), one that cannot be parsed ({@code intake.damaged}) and one with more than
     * {@code limits.maxPages()} pages ({@code intake.too-many-pages}). A PDF with only an owner password (printing or
     * copying restricted) is read.
     */
    static PlanSource read(Path pdf, Limits limits) {
        try (PDDocument doc = open(pdf)) {
            int pages = doc.getNumberOfPages();
            if (pages > limits.maxPages()) {
                throw IntakeRefusals.tooManyPages(pages, limits.maxPages());
            }
            if (pages == 0) {
                throw IntakeRefusals.damaged();
            }
            TextLayout layout = new TextLayout();
            Words words = new Words(layout);
            words.writeText(doc, Writer.nullWriter());
            return words.textPages * 2 < pages ? null : layout.build(PlanSource.Kind.PDF);
        } catch (DomainException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw IntakeRefusals.damaged();
        }
    }

    /** Opens the PDF with its content cached in temporary files; a password it needs to open is a refusal. */
    static PDDocument open(Path pdf) {
        try {
            return Loader.loadPDF(pdf.toFile(), "", null, null, IOUtils.createTempFileOnlyStreamCache());
        } catch (InvalidPasswordException e) {
            throw IntakeRefusals.encrypted();
        } catch (IOException | RuntimeException e) {
            throw IntakeRefusals.damaged();
        }
    }

    /** Collects each page's words (PDFBox's reading of the text, diacritics joined to their letters) and lays it out. */
    private static final class Words extends PDFTextStripper {
        private final TextLayout layout;
        private final List<Word> words = new ArrayList<>();
        private int pageNumber;
        int textPages;

        Words(TextLayout layout) {
            this.layout = layout;
            // The writer's own order keeps a word's letters together; the layout puts the words in reading order.
            setSortByPosition(false);
        }

        @Override
        protected void startPage(PDPage page) {
            words.clear();
            pageNumber++;
        }

        @Override
        protected void endPage(PDPage page) throws IOException {
            PDRectangle box = page.getCropBox();
            List<Rule> rules = new Rules(page).read();
            int characters = words.stream().mapToInt(w -> w.text().length()).sum();
            if (characters >= TEXT_PAGE_CHARACTERS) {
                textPages++;
            }
            layout.addPage(pageNumber, box.getHeight(), List.copyOf(words), rules);
            words.clear();
        }

        @Override
        protected void writeString(String text, List<TextPosition> positions) {
            // A word ends at a space, and where the writer left a gap instead of writing one.
            List<TextPosition> run = new ArrayList<>();
            for (TextPosition p : positions) {
                String u = p.getUnicode();
                boolean blank = u == null || u.isBlank();
                if (blank || !run.isEmpty() && gap(run.get(run.size() - 1), p)) {
                    add(run);
                    run = new ArrayList<>();
                }
                if (!blank) {
                    run.add(p);
                }
            }
            add(run);
        }

        private static boolean gap(TextPosition a, TextPosition b) {
            double size = Math.max(1, a.getFontSizeInPt());
            double space = b.getXDirAdj() - (a.getXDirAdj() + a.getWidthDirAdj());
            return space > 0.15 * size || space < -size || Math.abs(a.getYDirAdj() - b.getYDirAdj()) > 0.3 * size;
        }

        private void add(List<TextPosition> run) {
            if (run.isEmpty()) {
                return;
            }
            StringBuilder text = new StringBuilder();
            boolean bold = true;
            for (TextPosition p : run) {
                text.append(p.getUnicode());
                bold &= bold(p.getFont());
            }
            String word = Normalizer.normalize(text, Normalizer.Form.NFC).replace('\u00a0', ' ').strip();
            if (word.isEmpty()) {
                return;
            }
            TextPosition first = run.get(0);
            TextPosition last = run.get(run.size() - 1);
            double size = Math.max(first.getFontSizeInPt(), first.getHeightDir());
            double baseline = first.getYDirAdj();
            double x0 = first.getXDirAdj();
            double x1 = last.getXDirAdj() + last.getWidthDirAdj();
            Word previous = words.isEmpty() ? null : words.get(words.size() - 1);
            if (previous != null && Math.abs(previous.bottom() - 0.2 * size - baseline) < 0.1 * size && x0 - previous.x1() < 0.12 * size
                    && x0 > previous.x0()) {
                // PDFBox splits a word where its letters are placed one by one; with no space between, it is one word.
                words.set(words.size() - 1, new Word(previous.text() + word, previous.x0(), previous.top(), x1, previous.bottom(),
                        previous.bold() && bold, false));
                return;
            }
            words.add(new Word(word, x0, baseline - 0.75 * size, x1, baseline + 0.2 * size, bold, false));
        }

        private static boolean bold(PDFont font) {
            if (font == null) {
                return false;
            }
            String name = font.getName() == null ? "" : font.getName().toLowerCase(java.util.Locale.ROOT);
            if (name.contains("bold") || name.contains("black") || name.contains("heavy")) {
                return true;
            }
            PDFontDescriptor d = font.getFontDescriptor();
            return d != null && (d.isForceBold() || d.getFontWeight() >= 600);
        }
    }

    /**
     * The ruling lines a page draws: stroked horizontal or vertical segments, and filled shapes thin enough to be a
     * line (how many writers draw a table's borders). Coordinates are turned to the page's top-down space.
     */
    private static final class Rules extends PDFGraphicsStreamEngine {
        /** Thicker than this a filled shape is a shading, not a line. */
        private static final double THIN = 3;
        private final PDPage page;
        private final double left;
        private final double top;
        private final List<Rule> rules = new ArrayList<>();
        private final List<List<Point2D>> subpaths = new ArrayList<>();
        private List<Point2D> current;
        private Point2D.Float point = new Point2D.Float();

        Rules(PDPage page) {
            super(page);
            this.page = page;
            this.left = page.getCropBox().getLowerLeftX();
            this.top = page.getCropBox().getUpperRightY();
        }

        List<Rule> read() throws IOException {
            processPage(page);
            return rules;
        }

        @Override
        public void appendRectangle(Point2D p0, Point2D p1, Point2D p2, Point2D p3) {
            subpaths.add(new ArrayList<>(List.of(p0, p1, p2, p3, p0)));
            current = null;
        }

        @Override
        public void moveTo(float x, float y) {
            current = new ArrayList<>();
            current.add(new Point2D.Float(x, y));
            subpaths.add(current);
            point = new Point2D.Float(x, y);
        }

        @Override
        public void lineTo(float x, float y) {
            if (current == null) {
                moveTo(point.x, point.y);
            }
            current.add(new Point2D.Float(x, y));
            point = new Point2D.Float(x, y);
        }

        @Override
        public void curveTo(float x1, float y1, float x2, float y2, float x3, float y3) {
            // A curve is no ruling line: the subpath is ended here.
            current = null;
            point = new Point2D.Float(x3, y3);
        }

        @Override
        public Point2D getCurrentPoint() {
            return point;
        }

        @Override
        public void closePath() {
            if (current != null && !current.isEmpty()) {
                current.add(current.get(0));
            }
        }

        @Override
        public void endPath() {
            subpaths.clear();
            current = null;
        }

        @Override
        public void strokePath() {
            for (List<Point2D> s : subpaths) {
                for (int i = 1; i < s.size(); i++) {
                    segment(s.get(i - 1), s.get(i));
                }
            }
            endPath();
        }

        @Override
        public void fillPath(int windingRule) {
            for (List<Point2D> s : subpaths) {
                double x0 = Double.MAX_VALUE;
                double y0 = Double.MAX_VALUE;
                double x1 = -Double.MAX_VALUE;
                double y1 = -Double.MAX_VALUE;
                for (Point2D p : s) {
                    x0 = Math.min(x0, p.getX());
                    y0 = Math.min(y0, p.getY());
                    x1 = Math.max(x1, p.getX());
                    y1 = Math.max(y1, p.getY());
                }
                if (s.size() < 2) {
                    continue;
                }
                if (y1 - y0 <= THIN && x1 - x0 > 3 * (y1 - y0)) {
                    rules.add(new Rule(true, top - (y0 + y1) / 2, x0 - left, x1 - left));
                } else if (x1 - x0 <= THIN && y1 - y0 > 3 * (x1 - x0)) {
                    rules.add(new Rule(false, (x0 + x1) / 2 - left, top - y1, top - y0));
                }
            }
            endPath();
        }

        @Override
        public void fillAndStrokePath(int windingRule) {
            strokePath();
        }

        private void segment(Point2D a, Point2D b) {
            double dx = Math.abs(a.getX() - b.getX());
            double dy = Math.abs(a.getY() - b.getY());
            if (dy < 0.5 && dx > 0) {
                rules.add(new Rule(true, top - a.getY(), Math.min(a.getX(), b.getX()) - left, Math.max(a.getX(), b.getX()) - left));
            } else if (dx < 0.5 && dy > 0) {
                rules.add(new Rule(false, a.getX() - left, top - Math.max(a.getY(), b.getY()), top - Math.min(a.getY(), b.getY())));
            }
        }

        @Override
        public void clip(int windingRule) {
            // The clipping path is not drawn; it is ended by the endPath that follows.
        }

        @Override
        public void drawImage(PDImage pdImage) {
            // Images are not read here.
        }

        @Override
        public void shadingFill(org.apache.pdfbox.cos.COSName shadingName) {
            // A shading is no line.
        }
    }
}
