package vn.dti.tracker.document;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;

/**
 * The report as PDF: the same layout written as XHTML and set by openhtmltopdf on A4 with the margins of Nghị định
 * 30/2020/NĐ-CP. The text is set in Liberation Serif (metrically compatible with Times New Roman, with every
 * Vietnamese glyph), embedded from the build's own font package, never taken from the machine it runs on.
 */
final class PdfReport {

    /** Where the font package keeps the faces of Liberation Serif. */
    private static final String FONTS = "com/mpobjects/jasperreports/fonts/liberation/";
    private static final String FAMILY = "Times New Roman";

    private PdfReport() {
    }

    static void write(OfficialReport report, OutputStream out) throws IOException {
        PdfRendererBuilder builder = new PdfRendererBuilder();
        builder.useFastMode();
        font(builder, "LiberationSerif-Regular.ttf", 400, FontStyle.NORMAL);
        font(builder, "LiberationSerif-Bold.ttf", 700, FontStyle.NORMAL);
        font(builder, "LiberationSerif-Italic.ttf", 400, FontStyle.ITALIC);
        font(builder, "LiberationSerif-BoldItalic.ttf", 700, FontStyle.ITALIC);
        builder.withHtmlContent(html(report), null);
        builder.withProducer("DTI plan tracker");
        builder.toStream(out);
        builder.run();
    }

    private static void font(PdfRendererBuilder builder, String file, int weight, FontStyle style) {
        builder.useFont(() -> {
            InputStream in = PdfReport.class.getClassLoader().getResourceAsStream(FONTS + file);
            if (in == null) {
                throw new UncheckedIOException(new IOException("Font " + file + " is missing from the build"));
            }
            return in;
        }, FAMILY, weight, style, true);
    }

    static String html(OfficialReport r) {
        StringBuilder h = new StringBuilder(16384);
        h.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"vi\"><head><meta charset=\"UTF-8\"/>")
                .append("<title>").append(esc(r.title() + " " + r.subtitle())).append("</title><style>")
                .append("@page { size: A4; margin: 20mm 15mm 20mm 30mm; }")
                .append("body { font-family: '").append(FAMILY).append("'; font-size: 14pt; line-height: 1.25; }")
                .append("table { border-collapse: collapse; width: 100%; }")
                .append(".top td, .end td { vertical-align: top; text-align: center; border: none; padding: 0; }")
                .append(".body13 { font-size: 13pt; } .b { font-weight: bold; } .i { font-style: italic; }")
                .append(".rule { width: 35%; margin: 2pt auto 6pt auto; border-top: 0.8pt solid black; height: 0; }")
                .append("h1 { font-size: 14pt; text-align: center; margin: 14pt 0 0 0; }")
                .append("h2 { font-size: 14pt; text-align: center; margin: 0 0 12pt 0; }")
                .append("h3 { font-size: 14pt; margin: 6pt 0 3pt 0; text-indent: 1cm; }")
                .append("p { text-align: justify; text-indent: 1cm; margin: 0 0 3pt 0; }")
                .append(".grid { margin: 4pt 0 8pt 0; -fs-table-paginate: paginate; }")
                .append(".grid th, .grid td { border: 0.6pt solid black; font-size: 12pt; padding: 2pt 3pt; text-align: center; vertical-align: middle; }")
                .append(".grid td.l { text-align: left; } .grid td.g { text-align: left; font-weight: bold; }")
                .append(".grid thead { display: table-header-group; } .grid tr { page-break-inside: avoid; }")
                .append(".end { margin-top: 10pt; page-break-inside: avoid; }")
                .append(".end .left { text-align: left; font-size: 11pt; } .end .left .label { font-size: 12pt; font-weight: bold; font-style: italic; }")
                .append(".sign { height: 60pt; }")
                .append("</style></head><body>");
        h.append("<table class=\"top\"><tr><td style=\"width: 38%\" class=\"body13\">");
        String[] body = r.issuingBody().split("\n");
        for (int i = 0; i < body.length; i++) {
            h.append("<div").append(i == body.length - 1 ? " class=\"b\"" : "").append(">").append(esc(body[i])).append("</div>");
        }
        h.append("<div class=\"rule\"></div><div>").append(esc(r.number()).replace("  ", "&#160;&#160;")).append("</div></td>");
        h.append("<td style=\"width: 62%\"><div class=\"b body13\">").append(esc(OfficialReport.MOTTO_COUNTRY)).append("</div>")
                .append("<div class=\"b\">").append(esc(OfficialReport.MOTTO)).append("</div><div class=\"rule\" style=\"width: 55%\"></div>")
                .append("<div class=\"i\">").append(esc(r.placeAndDate())).append("</div></td></tr></table>");
        h.append("<h1>").append(esc(r.title())).append("</h1><h2>").append(esc(r.subtitle())).append("</h2>");
        for (OfficialReport.Section s : r.sections()) {
            if (s.heading() != null) {
                h.append("<h3>").append(esc(s.heading())).append("</h3>");
            }
            for (String p : s.paragraphs()) {
                h.append("<p>").append(esc(p)).append("</p>");
            }
            if (s.table() != null) {
                table(h, s.table());
            }
        }
        h.append("<table class=\"end\"><tr><td class=\"left\" style=\"width: 50%\"><div class=\"label\">Nơi nhận:</div>");
        for (String recipient : r.recipients()) {
            h.append("<div>- ").append(esc(recipient)).append("</div>");
        }
        h.append("</td><td style=\"width: 50%\">");
        for (String line : r.signerTitle().split("\n")) {
            h.append("<div class=\"b\">").append(esc(line)).append("</div>");
        }
        h.append("<div class=\"sign\"></div><div class=\"b\">").append(esc(r.signerName())).append("</div></td></tr></table>");
        h.append("</body></html>");
        return h.toString();
    }

    private static void table(StringBuilder h, OfficialReport.Table t) {
        int total = 0;
        for (int w : t.widths()) {
            total += w;
        }
        h.append("<table class=\"grid\"><thead><tr>");
        for (int c = 0; c < t.headers().size(); c++) {
            h.append("<th style=\"width: ").append(100 * t.widths()[c] / total).append("%\">").append(esc(t.headers().get(c))).append("</th>");
        }
        h.append("</tr></thead><tbody>");
        for (OfficialReport.TableRow row : t.rows()) {
            h.append("<tr>");
            if (row.group()) {
                h.append("<td class=\"g\" colspan=\"").append(t.headers().size()).append("\">").append(esc(row.cells().get(0))).append("</td>");
            } else {
                for (int c = 0; c < row.cells().size(); c++) {
                    h.append("<td").append(c == 1 ? " class=\"l\"" : "").append(">").append(esc(row.cells().get(c))).append("</td>");
                }
            }
            h.append("</tr>");
        }
        h.append("</tbody></table>");
    }

    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\n' -> out.append("<br/>");
                default -> {
                    if (c >= 0x20 || c == '\t') {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
