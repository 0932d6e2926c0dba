import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;

/**
 * The files of the plan intake benchmark, made from the text of the issued plans kept with the tests: a Word document
 * of at least {@code pages} pages (the plans one after another, their appendix tables as tables), a scan of 10 pages
 * (the same text set as a PDF, each page rendered to a 300 dpi gray image), and a Word document that would unpack to
 * hundreds of megabytes (a bomb).
 *
 * <p>Usage: {@code java PlanFiles <plans dir> <out dir> <docx pages> <scan pages>}
 */
public final class PlanFiles {

    private static final String FONTS = "com/mpobjects/jasperreports/fonts/liberation/";

    public static void main(String[] args) throws Exception {
        Path plans = Path.of(args[0]);
        Path out = Path.of(args[1]);
        int pages = Integer.parseInt(args[2]);
        int scanPages = Integer.parseInt(args[3]);
        List<List<String>> blocks = new ArrayList<>();
        try (var files = Files.list(plans)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".txt")).sorted().toList()) {
                blocks.addAll(blocks(Files.readString(p, StandardCharsets.UTF_8)));
            }
        }
        // About 2,600 characters fill an A4 page at 13 pt: the plans are repeated until the document has the pages asked.
        int chars = blocks.stream().mapToInt(b -> String.join(" ", b).length()).sum();
        int copies = Math.max(1, (int) Math.ceil(pages * 2600.0 / chars));
        List<List<String>> doc = new ArrayList<>();
        for (int i = 0; i < copies; i++) {
            doc.addAll(blocks);
        }
        docx(doc, out.resolve("plan-" + pages + "-pages.docx"));
        Path pdf = out.resolve("plan.pdf");
        pdf(doc, pdf);
        scan(pdf, out.resolve("scan-" + scanPages + "-pages.pdf"), scanPages);
        bomb(out.resolve("bomb.docx"));
        System.out.println("docx of " + copies + " copies of the plans (" + (copies * chars) + " characters)");
    }

    /** Paragraphs (one line each) and tables (lines with tabs, a block of them), as the text files hold them. */
    static List<List<String>> blocks(String text) {
        List<List<String>> out = new ArrayList<>();
        List<String> table = null;
        for (String raw : text.replace("\r", "").split("\n")) {
            String line = raw.replace("**", "").replaceFirst("^#+\\s*", "").replace("$", "").replace("\\geq", "≥").replace("\\%", "%").strip();
            if (raw.contains("\t")) {
                if (table == null) {
                    table = new ArrayList<>();
                    table.add("\t");
                    out.add(table);
                }
                table.add(raw.replace("$", "").replace("\\geq", "≥").replace("\\%", "%"));
                continue;
            }
            if (!line.isEmpty()) {
                table = null;
                out.add(List.of(line));
            }
        }
        return out;
    }

    static void docx(List<List<String>> blocks, Path file) throws IOException {
        try (XWPFDocument doc = new XWPFDocument(); OutputStream out = Files.newOutputStream(file)) {
            for (List<String> b : blocks) {
                if (b.size() > 1 && b.get(0).equals("\t")) {
                    List<String> rows = b.subList(1, b.size());
                    int cols = rows.stream().mapToInt(r -> r.split("\t", -1).length).max().orElse(1);
                    XWPFTable t = doc.createTable(rows.size(), cols);
                    for (int r = 0; r < rows.size(); r++) {
                        String[] cells = rows.get(r).split("\t", -1);
                        for (int c = 0; c < cols; c++) {
                            t.getRow(r).getCell(c).setText(c < cells.length ? cells[c].strip() : "");
                        }
                    }
                } else {
                    doc.createParagraph().createRun().setText(b.get(0));
                }
            }
            doc.write(out);
        }
    }

    static void pdf(List<List<String>> blocks, Path file) throws IOException {
        StringBuilder h = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><html xmlns=\"http://www.w3.org/1999/xhtml\"><head><style>"
                + "@page { size: A4; margin: 20mm 15mm 20mm 30mm; } body { font-family: 'Liberation Serif'; font-size: 13pt; }"
                + " p { text-indent: 1cm; margin: 0 0 4pt 0; } td { border: 0.6pt solid black; padding: 2pt; }"
                + " table { border-collapse: collapse; width: 100%; }</style></head><body>");
        for (List<String> b : blocks) {
            if (b.size() > 1 && b.get(0).equals("\t")) {
                h.append("<table>");
                for (String row : b.subList(1, b.size())) {
                    h.append("<tr>");
                    for (String cell : row.split("\t", -1)) {
                        h.append("<td>").append(esc(cell.strip())).append("</td>");
                    }
                    h.append("</tr>");
                }
                h.append("</table>");
            } else {
                h.append("<p>").append(esc(b.get(0))).append("</p>");
            }
        }
        h.append("</body></html>");
        try (OutputStream out = Files.newOutputStream(file)) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            for (String[] face : new String[][] {{"LiberationSerif-Regular.ttf", "400"}, {"LiberationSerif-Bold.ttf", "700"}}) {
                builder.useFont(() -> PlanFiles.class.getClassLoader().getResourceAsStream(FONTS + face[0]), "Liberation Serif",
                        Integer.parseInt(face[1]), com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle.NORMAL, true);
            }
            builder.withHtmlContent(h.toString(), null);
            builder.toStream(out);
            builder.run();
        }
    }

    /** The first {@code pages} pages as 300 dpi gray images, one a page of a PDF without text. */
    static void scan(Path pdf, Path file, int pages) throws IOException {
        try (PDDocument source = Loader.loadPDF(pdf.toFile()); PDDocument scan = new PDDocument()) {
            PDFRenderer renderer = new PDFRenderer(source);
            for (int i = 0; i < Math.min(pages, source.getNumberOfPages()); i++) {
                BufferedImage image = renderer.renderImageWithDPI(i, 300, ImageType.GRAY);
                PDPage page = new PDPage(PDRectangle.A4);
                scan.addPage(page);
                PDImageXObject x = LosslessFactory.createFromImage(scan, image);
                try (PDPageContentStream s = new PDPageContentStream(scan, page)) {
                    s.drawImage(x, 0, 0, PDRectangle.A4.getWidth(), PDRectangle.A4.getHeight());
                }
            }
            scan.save(file.toFile());
        }
    }

    /** A Word package whose document part unpacks to 400 MB of the same few bytes. */
    static void bomb(Path file) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write(("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                    + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                    + "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
                    + "</Types>").getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("_rels/.rels"));
            zip.write(("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                    + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\""
                    + " Target=\"word/document.xml\"/></Relationships>").getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("word/document.xml"));
            zip.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p><w:r><w:t>"
                    .getBytes(StandardCharsets.UTF_8));
            byte[] chunk = "KẾ HOẠCH ".repeat(10000).getBytes(StandardCharsets.UTF_8);
            for (long written = 0; written < 400L << 20; written += chunk.length) {
                zip.write(chunk);
            }
            zip.write("</w:t></w:r></w:p></w:body></w:document>".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
