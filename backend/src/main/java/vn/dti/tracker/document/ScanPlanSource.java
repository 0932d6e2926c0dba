package vn.dti.tracker.document;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CancellationException;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

import vn.dti.tracker.common.DomainException;

/**
 * An issued plan read from a scan: a PDF whose pages are images, or page images (PNG, JPEG, TIFF, one page or many).
 * Each page is turned into a gray image (a PDF page rendered at the OCR resolution), its ruling lines found, its words
 * recognised by tesseract, then laid out by {@link TextLayout} as a PDF's words are; the image is let go before the next
 * page. Pages and image sizes are checked before any page is decoded, from the files' headers.
 */
final class ScanPlanSource {

    /** At most {@code maxPages} pages in all, and no page image of more than {@code maxPixels} pixels. */
    record Limits(int maxPages, long maxPixels) {
        static Limits standard() {
            // 40 million pixels: an A4 page at 600 dpi (35 million) passes, a poster or a forged header does not.
            return new Limits(30, 40_000_000L);
        }
    }

    /**
     * How text is recognised: the tesseract command, its language, the resolution PDF pages are rendered at, and the
     * confidence (0–100) under which a word is marked doubtful.
     */
    record Ocr(String command, String language, int dpi, double minConfidence) {
        static Ocr standard() {
            return new Ocr("tesseract", "vie", 300, 85);
        }
    }

    /** Told after each page: {@code done} of {@code total} pages read. */
    @FunctionalInterface
    interface Progress {
        void pages(int done, int total);
    }

    private ScanPlanSource() {
    }

    /**
     * The plan's paragraphs and tables from its scanned pages, the files taken in order. Refuses more pages than the
     * limit ({@code intake.too-many-pages}), a page image too large ({@code intake.image-too-large}), a file that is no
     * readable PDF or image ({@code intake.damaged}, {@code intake.encrypted}), a machine without tesseract or its
     * language ({@code intake.ocr-unavailable}), and work still going at {@code deadline} ({@code intake.ocr-timeout}).
     * Temporary files go in {@code workDir} and are deleted. An interrupt of the calling thread stops the work (the
     * running recognition is killed) with a {@link CancellationException}.
     */
    static PlanSource read(List<Path> files, Limits limits, Ocr ocr, Path workDir, Progress progress, Instant deadline) {
        List<Source> sources = new ArrayList<>();
        try {
            int total = 0;
            for (Path f : files) {
                Source s = isPdf(f) ? new PdfPages(f, ocr.dpi()) : new ImagePages(f);
                sources.add(s);
                total += s.count();
                if (total > limits.maxPages()) {
                    throw IntakeRefusals.tooManyPages(total, limits.maxPages());
                }
            }
            for (Source s : sources) {
                s.check(limits.maxPixels());
            }
            Tesseract tesseract = new Tesseract(ocr);
            tesseract.checkAvailable(workDir, deadline);
            TextLayout layout = new TextLayout();
            int done = 0;
            for (Source s : sources) {
                for (int i = 0; i < s.count(); i++) {
                    if (Thread.interrupted()) {
                        throw new InterruptedException();
                    }
                    if (Instant.now().isAfter(deadline)) {
                        throw IntakeRefusals.ocrTimeout();
                    }
                    page(layout, ++done, s, i, tesseract, workDir, deadline);
                    progress.pages(done, total);
                }
            }
            return layout.build(PlanSource.Kind.SCAN);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("The reading of the scan was cancelled");
        } catch (IOException e) {
            throw IntakeRefusals.damaged();
        } finally {
            closeAll(sources);
        }
    }

    private static void page(TextLayout layout, int number, Source s, int index, Tesseract tesseract, Path workDir, Instant deadline)
            throws IOException, InterruptedException {
        BufferedImage image;
        try {
            image = s.page(index);
        } catch (RuntimeException e) {
            if (e instanceof DomainException d) {
                throw d;
            }
            // Decoders fail on malformed data with runtime exceptions of their own.
            throw IntakeRefusals.damaged();
        }
        int dpi = s.dpi(image);
        List<TextLayout.Rule> rules = ImageRules.find(image, dpi);
        ImageRules.erase(image, rules);
        Path file = Files.createTempFile(workDir, "page-", ".pgm");
        try {
            writePgm(image, file);
            int height = image.getHeight();
            image = null; // the page's pixels are not needed while it is recognised
            boolean table = rules.stream().anyMatch(TextLayout.Rule::horizontal) && rules.stream().anyMatch(r -> !r.horizontal());
            layout.addPage(number, height, tesseract.words(file, dpi, table, workDir, deadline), rules);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** The image as a binary PGM, which tesseract reads and which is written without compressing. */
    private static void writePgm(BufferedImage gray, Path file) throws IOException {
        try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            out.write(("P5\n" + gray.getWidth() + " " + gray.getHeight() + "\n255\n").getBytes(StandardCharsets.US_ASCII));
            out.write(((DataBufferByte) gray.getRaster().getDataBuffer()).getData());
        }
    }

    private static boolean isPdf(Path f) throws IOException {
        try (InputStream in = Files.newInputStream(f)) {
            byte[] head = in.readNBytes(1024);
            return new String(head, StandardCharsets.ISO_8859_1).contains("%PDF-");
        }
    }

    private static void closeAll(List<Source> sources) {
        for (Source s : sources) {
            try {
                s.close();
            } catch (IOException e) {
                // Reading is over; a file that does not close cleanly changes nothing read.
            }
        }
    }

    /** A file's pages: counted and checked from its headers, then decoded one at a time. */
    private interface Source extends AutoCloseable {
        int count();

        void check(long maxPixels) throws IOException;

        /** The page as an 8-bit gray image. */
        BufferedImage page(int index) throws IOException;

        int dpi(BufferedImage page);

        @Override
        void close() throws IOException;
    }

    /** A PDF's pages rendered by PDFBox, after its embedded images have been checked by their declared size. */
    private static final class PdfPages implements Source {
        private final PDDocument doc;
        private final int dpi;
        private final PDFRenderer renderer;

        PdfPages(Path file, int dpi) {
            this.doc = PdfPlanSource.open(file);
            // PDFBox keeps decoded images of the document softly reachable; a scan's page images are read once each, and
            // kept they would grow the heap to its limit.
            this.doc.setResourceCache(null);
            this.dpi = dpi;
            this.renderer = new PDFRenderer(doc);
        }

        @Override
        public int count() {
            return doc.getNumberOfPages();
        }

        @Override
        public void check(long maxPixels) throws IOException {
            for (PDPage page : doc.getPages()) {
                checkImages(page.getResources(), maxPixels, 0);
                double w = page.getCropBox().getWidth() / 72 * dpi;
                double h = page.getCropBox().getHeight() / 72 * dpi;
                if (w * h > maxPixels) {
                    throw IntakeRefusals.imageTooLarge(Math.round(w), Math.round(h));
                }
            }
        }

        private static void checkImages(PDResources resources, long maxPixels, int depth) throws IOException {
            if (resources == null || depth > 4) {
                return;
            }
            for (COSName name : resources.getXObjectNames()) {
                PDXObject x = resources.getXObject(name);
                if (x instanceof PDImageXObject image && (long) image.getWidth() * image.getHeight() > maxPixels) {
                    throw IntakeRefusals.imageTooLarge(image.getWidth(), image.getHeight());
                } else if (x instanceof PDFormXObject form) {
                    checkImages(form.getResources(), maxPixels, depth + 1);
                }
            }
        }

        @Override
        public BufferedImage page(int index) throws IOException {
            return gray(renderer.renderImageWithDPI(index, dpi, ImageType.GRAY));
        }

        @Override
        public int dpi(BufferedImage page) {
            return dpi;
        }

        @Override
        public void close() throws IOException {
            doc.close();
        }
    }

    /** An image file's pages (a TIFF may hold many), decoded by ImageIO after their sizes are read from the header. */
    private static final class ImagePages implements Source {
        private final ImageInputStream in;
        private final ImageReader reader;
        private final int count;

        ImagePages(Path file) throws IOException {
            in = ImageIO.createImageInputStream(file.toFile());
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                if (in != null) {
                    in.close();
                }
                throw IntakeRefusals.damaged();
            }
            reader = readers.next();
            reader.setInput(in, false, true);
            try {
                count = reader.getNumImages(true);
            } catch (IOException | RuntimeException e) {
                close();
                throw IntakeRefusals.damaged();
            }
        }

        @Override
        public int count() {
            return count;
        }

        @Override
        public void check(long maxPixels) throws IOException {
            for (int i = 0; i < count; i++) {
                long w = reader.getWidth(i);
                long h = reader.getHeight(i);
                if (w * h > maxPixels) {
                    throw IntakeRefusals.imageTooLarge(w, h);
                }
            }
        }

        @Override
        public BufferedImage page(int index) throws IOException {
            return gray(reader.read(index));
        }

        /** Not told by every file: taken as the resolution at which the page's longer side is an A4 page's. */
        @Override
        public int dpi(BufferedImage page) {
            return (int) Math.max(70, Math.min(600, Math.round(Math.max(page.getWidth(), page.getHeight()) / 11.69)));
        }

        @Override
        public void close() throws IOException {
            reader.dispose();
            in.close();
        }
    }

    /** The image as plain 8-bit gray (its own copy unless it already is one). */
    static BufferedImage gray(BufferedImage image) {
        if (image.getType() == BufferedImage.TYPE_BYTE_GRAY && image.getRaster().getDataBuffer().getNumBanks() == 1
                && image.getRaster().getSampleModelTranslateX() == 0 && image.getRaster().getSampleModelTranslateY() == 0) {
            return image;
        }
        BufferedImage gray = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = gray.createGraphics();
        try {
            g.drawImage(image, 0, 0, java.awt.Color.WHITE, null);
        } finally {
            g.dispose();
        }
        return gray;
    }
}
