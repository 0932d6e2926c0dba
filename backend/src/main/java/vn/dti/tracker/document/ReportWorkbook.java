package vn.dti.tracker.document;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import vn.dti.tracker.reporting.ReportingDtos.ConsolidatedReport;
import vn.dti.tracker.reporting.ReportingDtos.IndicatorResult;

/**
 * The consolidated report as a workbook: the appendix table with the achieved values, statuses and lead units, one
 * row per indicator (its group in a column, so that filters work on every row), the header frozen and filtered; then
 * the document's other tables (tasks; for a province, its indicators summed from its communes' and who sent their
 * report), a sheet each.
 */
final class ReportWorkbook {

    static final List<String> HEADERS = List.of("Nhóm", "STT", "Mã chỉ tiêu", "Nội dung chỉ tiêu", "Đơn vị tính", "Chỉ tiêu năm",
            "Kết quả thực hiện", "Tình trạng", "Đơn vị chủ trì", "Kỳ của số liệu", "Kết quả đã thực hiện", "Khó khăn, vướng mắc",
            "Kiến nghị", "Tài liệu kiểm chứng");
    private static final int[] WIDTHS = {22, 6, 10, 60, 12, 18, 20, 18, 30, 12, 40, 30, 30, 12};

    private ReportWorkbook() {
    }

    static void write(ConsolidatedReport report, OfficialReport document, Map<String, String> groupNames, OutputStream out)
            throws IOException {
        try (SXSSFWorkbook wb = new SXSSFWorkbook(200)) {
            wb.setCompressTempFiles(true);
            AppendixWorkbook.Styles styles = new AppendixWorkbook.Styles(wb);
            SXSSFSheet sheet = wb.createSheet("Báo cáo");
            for (int c = 0; c < WIDTHS.length; c++) {
                sheet.setColumnWidth(c, WIDTHS[c] * 256);
            }
            AppendixWorkbook.text(sheet.createRow(0), 0, document.issuingBody().replace('\n', ' ') + " — " + document.title() + " "
                    + document.subtitle(), styles.title);
            sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, HEADERS.size() - 1));
            AppendixWorkbook.text(sheet.createRow(1), 0, document.placeAndDate(), styles.title);
            Row header = sheet.createRow(3);
            header.setHeightInPoints(36);
            for (int c = 0; c < HEADERS.size(); c++) {
                AppendixWorkbook.text(header, c, HEADERS.get(c), styles.header);
            }
            int r = 4;
            String group = null;
            int stt = 0;
            for (IndicatorResult i : report.indicators()) {
                if (!i.groupCode().equals(group)) {
                    group = i.groupCode();
                    stt = 0;
                }
                stt++;
                Row row = sheet.createRow(r++);
                AppendixWorkbook.text(row, 0, group + ". " + groupNames.getOrDefault(group, ""), styles.text);
                var n = row.createCell(1);
                n.setCellValue(stt);
                n.setCellStyle(styles.center);
                AppendixWorkbook.text(row, 2, i.indicator().code(), styles.centerText);
                AppendixWorkbook.text(row, 3, i.indicator().content(), styles.text);
                AppendixWorkbook.text(row, 4, i.unitOfMeasure(), styles.center);
                AppendixWorkbook.text(row, 5, i.target() == null ? null : i.target().wording(), styles.centerText);
                AppendixWorkbook.text(row, 6, OfficialReport.achieved(i), styles.centerText);
                AppendixWorkbook.text(row, 7, OfficialReport.STATUS.get(i.status()), styles.center);
                AppendixWorkbook.text(row, 8, i.leadUnit().name(), styles.text);
                AppendixWorkbook.text(row, 9, i.reportPeriodKey(), styles.centerText);
                AppendixWorkbook.text(row, 10, i.achievements(), styles.text);
                AppendixWorkbook.text(row, 11, i.difficulties(), styles.text);
                AppendixWorkbook.text(row, 12, i.proposals(), styles.text);
                var e = row.createCell(13);
                e.setCellValue(i.evidenceCount());
                e.setCellStyle(styles.center);
            }
            sheet.createFreezePane(4, 4);
            sheet.setAutoFilter(new CellRangeAddress(3, Math.max(3, r - 1), 0, HEADERS.size() - 1));
            for (OfficialReport.Section section : document.sections()) {
                if (section.table() != null && !section.table().sheet().equals(sheet.getSheetName())) {
                    table(wb, styles, section, document);
                }
            }
            wb.write(out);
        }
    }

    /** One of the document's tables on a sheet of its own, under the section's heading; numbers as numbers. */
    private static void table(SXSSFWorkbook wb, AppendixWorkbook.Styles styles, OfficialReport.Section section, OfficialReport document) {
        OfficialReport.Table t = section.table();
        SXSSFSheet sheet = wb.createSheet(t.sheet());
        for (int c = 0; c < t.widths().length; c++) {
            sheet.setColumnWidth(c, Math.max(8, t.widths()[c]) * 256 * 3 / 2);
        }
        AppendixWorkbook.text(sheet.createRow(0), 0, section.heading() + " — " + document.subtitle(), styles.title);
        Row header = sheet.createRow(2);
        header.setHeightInPoints(36);
        for (int c = 0; c < t.headers().size(); c++) {
            AppendixWorkbook.text(header, c, t.headers().get(c), styles.header);
        }
        int r = 3;
        for (OfficialReport.TableRow tr : t.rows()) {
            Row row = sheet.createRow(r++);
            for (int c = 0; c < tr.cells().size(); c++) {
                String v = tr.cells().get(c);
                if (!tr.group() && v.matches("\\d{1,9}")) {
                    var n = row.createCell(c);
                    n.setCellValue(Integer.parseInt(v));
                    n.setCellStyle(styles.center);
                } else {
                    AppendixWorkbook.text(row, c, v, tr.group() ? styles.group : styles.text);
                }
            }
        }
        sheet.createFreezePane(0, 3);
        sheet.setAutoFilter(new CellRangeAddress(2, Math.max(2, r - 1), 0, t.headers().size() - 1));
    }
}
