package vn.dti.tracker.document;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.util.List;

import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.TableRowAlign;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTFonts;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblWidth;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblWidth;

/**
 * The report as a Word document, in Times New Roman on A4 with the margins of Nghị định 30/2020/NĐ-CP (top and
 * bottom 20 mm, left 30 mm, right 15 mm): the issuing body and the national motto side by side, the number and the
 * place-date line, the title, the body with its tables, the recipients beside the signer's block.
 */
final class DocxReport {

    private static final String FONT = "Times New Roman";
    /** Usable width of the page in twentieths of a point: 210 mm less 45 mm of margins. */
    private static final int TEXT_WIDTH = 9355;

    private DocxReport() {
    }

    static void write(OfficialReport report, OutputStream out) throws IOException {
        try (XWPFDocument doc = new XWPFDocument()) {
            page(doc);
            heading(doc, report);
            XWPFParagraph title = paragraph(doc, ParagraphAlignment.CENTER, 240, 0);
            run(title, report.title(), 14, true, false);
            XWPFParagraph subtitle = paragraph(doc, ParagraphAlignment.CENTER, 0, 240);
            run(subtitle, report.subtitle(), 14, true, false);
            for (OfficialReport.Section s : report.sections()) {
                if (s.heading() != null) {
                    XWPFParagraph h = paragraph(doc, ParagraphAlignment.BOTH, 120, 60);
                    h.setIndentationFirstLine(567);
                    run(h, s.heading(), 14, true, false);
                }
                for (String text : s.paragraphs()) {
                    XWPFParagraph p = paragraph(doc, ParagraphAlignment.BOTH, 0, 60);
                    p.setIndentationFirstLine(567);
                    run(p, text, 14, false, false);
                }
                if (s.table() != null) {
                    table(doc, s.table());
                }
            }
            closing(doc, report);
            doc.write(out);
        }
    }

    private static void page(XWPFDocument doc) {
        CTSectPr section = doc.getDocument().getBody().addNewSectPr();
        CTPageSz size = section.addNewPgSz();
        size.setW(BigInteger.valueOf(11906));
        size.setH(BigInteger.valueOf(16838));
        CTPageMar margins = section.addNewPgMar();
        margins.setTop(BigInteger.valueOf(1134));
        margins.setBottom(BigInteger.valueOf(1134));
        margins.setLeft(BigInteger.valueOf(1701));
        margins.setRight(BigInteger.valueOf(851));
        // Every run not given a font takes Times New Roman too.
        var defaults = doc.getStyles() == null ? doc.createStyles() : doc.getStyles();
        CTFonts fonts = CTFonts.Factory.newInstance();
        fonts.setAscii(FONT);
        fonts.setHAnsi(FONT);
        fonts.setCs(FONT);
        fonts.setEastAsia(FONT);
        defaults.setDefaultFonts(fonts);
    }

    /** The two columns at the top: issuing body and number on the left, the motto and the place-date on the right. */
    private static void heading(XWPFDocument doc, OfficialReport report) {
        XWPFTable table = borderless(doc, new int[] {38, 62});
        XWPFTableCell left = table.getRow(0).getCell(0);
        XWPFTableCell right = table.getRow(0).getCell(1);
        List<String> body = List.of(report.issuingBody().split("\n"));
        for (int i = 0; i < body.size(); i++) {
            XWPFParagraph p = i == 0 ? left.getParagraphs().get(0) : left.addParagraph();
            p.setAlignment(ParagraphAlignment.CENTER);
            spacing(p, 0, 0);
            run(p, body.get(i), 13, i == body.size() - 1, false);
        }
        XWPFParagraph rule = left.addParagraph();
        rule.setAlignment(ParagraphAlignment.CENTER);
        spacing(rule, 0, 120);
        run(rule, "───────", 13, false, false);
        XWPFParagraph number = left.addParagraph();
        number.setAlignment(ParagraphAlignment.CENTER);
        spacing(number, 0, 0);
        run(number, report.number(), 13, false, false);

        XWPFParagraph country = right.getParagraphs().get(0);
        country.setAlignment(ParagraphAlignment.CENTER);
        spacing(country, 0, 0);
        run(country, OfficialReport.MOTTO_COUNTRY, 13, true, false);
        XWPFParagraph motto = right.addParagraph();
        motto.setAlignment(ParagraphAlignment.CENTER);
        spacing(motto, 0, 0);
        run(motto, OfficialReport.MOTTO, 14, true, false);
        XWPFParagraph line = right.addParagraph();
        line.setAlignment(ParagraphAlignment.CENTER);
        spacing(line, 0, 120);
        run(line, "────────────────", 13, false, false);
        XWPFParagraph date = right.addParagraph();
        date.setAlignment(ParagraphAlignment.CENTER);
        spacing(date, 0, 0);
        run(date, report.placeAndDate(), 14, false, true);
    }

    private static void table(XWPFDocument doc, OfficialReport.Table t) {
        int columns = t.headers().size();
        XWPFTable table = doc.createTable(1, columns);
        table.setTableAlignment(TableRowAlign.CENTER);
        widths(table, t.widths());
        XWPFTableRow header = table.getRow(0);
        header.setRepeatHeader(true);
        for (int c = 0; c < columns; c++) {
            cell(header.getCell(c), t.headers().get(c), true, ParagraphAlignment.CENTER);
        }
        for (OfficialReport.TableRow r : t.rows()) {
            XWPFTableRow row = table.createRow();
            if (r.group()) {
                XWPFTableCell first = row.getCell(0);
                for (int c = columns - 1; c > 0; c--) {
                    row.removeCell(c);
                }
                first.getCTTc().addNewTcPr().addNewGridSpan().setVal(BigInteger.valueOf(columns));
                cell(first, r.cells().get(0), true, ParagraphAlignment.LEFT);
                continue;
            }
            for (int c = 0; c < columns; c++) {
                ParagraphAlignment align = c == 1 ? ParagraphAlignment.LEFT : ParagraphAlignment.CENTER;
                cell(row.getCell(c), r.cells().get(c), false, align);
            }
        }
        paragraph(doc, ParagraphAlignment.LEFT, 0, 0);
    }

    private static void cell(XWPFTableCell cell, String text, boolean bold, ParagraphAlignment align) {
        XWPFParagraph p = cell.getParagraphs().get(0);
        p.setAlignment(align);
        spacing(p, 20, 20);
        run(p, text, 12, bold, false);
    }

    /** Nơi nhận on the left, the signer's block on the right. */
    private static void closing(XWPFDocument doc, OfficialReport report) {
        XWPFTable table = borderless(doc, new int[] {50, 50});
        XWPFTableCell left = table.getRow(0).getCell(0);
        XWPFTableCell right = table.getRow(0).getCell(1);
        XWPFParagraph label = left.getParagraphs().get(0);
        spacing(label, 120, 0);
        run(label, "Nơi nhận:", 12, true, true);
        for (String recipient : report.recipients()) {
            XWPFParagraph p = left.addParagraph();
            spacing(p, 0, 0);
            run(p, "- " + recipient, 11, false, false);
        }
        List<String> title = List.of(report.signerTitle().split("\n"));
        for (int i = 0; i < title.size(); i++) {
            XWPFParagraph p = i == 0 ? right.getParagraphs().get(0) : right.addParagraph();
            p.setAlignment(ParagraphAlignment.CENTER);
            spacing(p, i == 0 ? 120 : 0, 0);
            run(p, title.get(i), 14, true, false);
        }
        for (int i = 0; i < 4; i++) {
            spacing(right.addParagraph(), 0, 0);
        }
        XWPFParagraph name = right.addParagraph();
        name.setAlignment(ParagraphAlignment.CENTER);
        run(name, report.signerName(), 14, true, false);
    }

    private static XWPFTable borderless(XWPFDocument doc, int[] percents) {
        XWPFTable table = doc.createTable(1, percents.length);
        table.removeBorders();
        widths(table, percents);
        return table;
    }

    /** Column widths as shares of the text width. */
    private static void widths(XWPFTable table, int[] shares) {
        int total = 0;
        for (int s : shares) {
            total += s;
        }
        CTTblWidth width = table.getCTTbl().getTblPr().isSetTblW() ? table.getCTTbl().getTblPr().getTblW()
                : table.getCTTbl().getTblPr().addNewTblW();
        width.setType(STTblWidth.DXA);
        width.setW(BigInteger.valueOf(TEXT_WIDTH));
        var grid = table.getCTTbl().getTblGrid() == null ? table.getCTTbl().addNewTblGrid() : table.getCTTbl().getTblGrid();
        while (grid.sizeOfGridColArray() > 0) {
            grid.removeGridCol(0);
        }
        for (int i = 0; i < shares.length; i++) {
            int w = TEXT_WIDTH * shares[i] / total;
            grid.addNewGridCol().setW(BigInteger.valueOf(w));
            XWPFTableCell cell = table.getRow(0).getCell(i);
            var tcPr = cell.getCTTc().isSetTcPr() ? cell.getCTTc().getTcPr() : cell.getCTTc().addNewTcPr();
            CTTblWidth cw = tcPr.isSetTcW() ? tcPr.getTcW() : tcPr.addNewTcW();
            cw.setType(STTblWidth.DXA);
            cw.setW(BigInteger.valueOf(w));
        }
    }

    private static XWPFParagraph paragraph(XWPFDocument doc, ParagraphAlignment align, int before, int after) {
        XWPFParagraph p = doc.createParagraph();
        p.setAlignment(align);
        spacing(p, before, after);
        return p;
    }

    private static void spacing(XWPFParagraph p, int before, int after) {
        p.setSpacingBefore(before);
        p.setSpacingAfter(after);
    }

    private static void run(XWPFParagraph p, String text, int size, boolean bold, boolean italic) {
        XWPFRun r = p.createRun();
        r.setFontFamily(FONT);
        r.setFontSize(size);
        r.setBold(bold);
        r.setItalic(italic);
        r.setText(text == null ? "" : text);
    }
}
