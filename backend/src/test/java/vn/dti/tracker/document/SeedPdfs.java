package vn.dti.tracker.document;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;

/**
 * The seed plans ({@link SeedDocuments}) as the PDFs a clerk receives: set by openhtmltopdf on A4 with the margins
 * and sizes of an administrative document (Times-like serif at 14 pt, tables at 13 pt with their borders, a page
 * number at the top of every page but the first), and as a scan of that PDF: its pages rendered to gray images, packed
 * as an image-only PDF or written as PNG files.
 */
public final class SeedPdfs {

    private static final String FONTS = "com/mpobjects/jasperreports/fonts/liberation/";
    private static final String FAMILY = "Times New Roman";

    private SeedPdfs() {
    }

    /** The plan as a PDF with a text layer. */
    public static Path textPdf(SeedDocuments.Seed seed, Path dir) throws IOException {
        Path file = dir.resolve(seed.name() + ".pdf");
        try (OutputStream out = Files.newOutputStream(file)) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            font(builder, "LiberationSerif-Regular.ttf", 400, FontStyle.NORMAL);
            font(builder, "LiberationSerif-Bold.ttf", 700, FontStyle.NORMAL);
            builder.withHtmlContent(html(seed), null);
            builder.toStream(out);
            builder.run();
        }
        return file;
    }

    private static void font(PdfRendererBuilder builder, String file, int weight, FontStyle style) {
        builder.useFont(() -> {
            InputStream in = SeedPdfs.class.getClassLoader().getResourceAsStream(FONTS + file);
            if (in == null) {
                throw new UncheckedIOException(new IOException("Font " + file + " is missing"));
            }
            return in;
        }, FAMILY, weight, style, true);
    }

    static String html(SeedDocuments.Seed seed) {
        StringBuilder h = new StringBuilder(65536);
        h.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"vi\"><head><meta charset=\"UTF-8\"/>")
                .append("<style>")
                .append("@page { size: A4; margin: 20mm 15mm 20mm 30mm; @top-center { content: counter(page); font-family: '").append(FAMILY)
                .append("'; font-size: 13pt; } }")
                .append("@page :first { @top-center { content: none; } }")
                .append("body { font-family: '").append(FAMILY).append("'; font-size: 14pt; line-height: 1.25; }")
                .append("p { text-align: justify; text-indent: 1cm; margin: 0 0 4pt 0; }")
                .append("table { border-collapse: collapse; width: 100%; margin: 4pt 0 8pt 0; -fs-table-paginate: paginate; }")
                .append("td, th { border: 0.6pt solid black; font-size: 13pt; padding: 2pt 3pt; vertical-align: middle; text-align: left; }")
                .append("thead { display: table-header-group; } tr { page-break-inside: avoid; }")
                .append("</style></head><body>");
        for (SeedDocuments.Block b : seed.blocks()) {
            if (b instanceof SeedDocuments.Para p) {
                String text = PdfReport.esc(p.text());
                h.append("<p>").append(p.bold() ? "<b>" + text + "</b>" : text).append("</p>");
            } else if (b instanceof SeedDocuments.Table t) {
                table(h, t);
            }
        }
        return h.append("</body></html>").toString();
    }

    private static void table(StringBuilder h, SeedDocuments.Table t) {
        int columns = t.rows().stream().mapToInt(List::size).max().orElse(1);
        h.append("<table border=\"1\">");
        for (int r = 0; r < t.rows().size(); r++) {
            List<String> cells = t.rows().get(r);
            h.append(r == 0 ? "<thead><tr>" : "<tr>");
            boolean group = r > 0 && !cells.get(0).isEmpty() && cells.subList(1, cells.size()).stream().allMatch(String::isEmpty);
            if (group) {
                h.append("<td colspan=\"").append(columns).append("\"><b>").append(PdfReport.esc(cells.get(0))).append("</b></td>");
            } else {
                for (int c = 0; c < columns; c++) {
                    String text = PdfReport.esc(c < cells.size() ? cells.get(c) : "");
                    h.append(r == 0 ? "<th>" : "<td>").append(r == 0 ? "<b>" + text + "</b>" : text).append(r == 0 ? "</th>" : "</td>");
                }
            }
            h.append(r == 0 ? "</tr></thead><tbody>" : "</tr>");
        }
        h.append("</tbody></table>");
    }

    /** The pages of a PDF (1-based, in the order given), as a scan: gray images at {@code dpi}, in an image-only PDF. */
    public static Path scanPdf(Path pdf, Path dir, String name, int dpi, int... pages) throws IOException {
        Path file = dir.resolve(name + ".pdf");
        try (PDDocument source = Loader.loadPDF(pdf.toFile()); PDDocument scan = new PDDocument()) {
            PDFRenderer renderer = new PDFRenderer(source);
            for (int page : pages) {
                BufferedImage image = renderer.renderImageWithDPI(page - 1, dpi, ImageType.GRAY);
                PDPage out = new PDPage(PDRectangle.A4);
                scan.addPage(out);
                PDImageXObject xobject = LosslessFactory.createFromImage(scan, image);
                try (PDPageContentStream content = new PDPageContentStream(scan, out)) {
                    content.drawImage(xobject, 0, 0, PDRectangle.A4.getWidth(), PDRectangle.A4.getHeight());
                }
            }
            scan.save(file.toFile());
        }
        return file;
    }

    /** The pages of a PDF (1-based) as PNG files of gray images at {@code dpi}, one a page. */
    public static List<Path> scanPngs(Path pdf, Path dir, String name, int dpi, int... pages) throws IOException {
        List<Path> files = new ArrayList<>();
        try (PDDocument source = Loader.loadPDF(pdf.toFile())) {
            PDFRenderer renderer = new PDFRenderer(source);
            for (int page : pages) {
                Path file = dir.resolve(name + "-" + page + ".png");
                ImageIO.write(renderer.renderImageWithDPI(page - 1, dpi, ImageType.GRAY), "png", file.toFile());
                files.add(file);
            }
        }
        return files;
    }
}
