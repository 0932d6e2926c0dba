package vn.dti.tracker.document;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import vn.dti.tracker.reporting.ReportingDtos.ConsolidatedReport;
import vn.dti.tracker.indicator.TargetKind;
import vn.dti.tracker.reporting.ReportValue;
import vn.dti.tracker.reporting.ReportingDtos.IndicatorResult;
import vn.dti.tracker.reporting.ReportingPeriod;

/**
 * The consolidated report as a workbook: the appendix table with the achieved values, statuses and lead units, one
 * row per indicator (its group in a column, so that filters work on every row), the header frozen and filtered; then
 * the document's other tables (tasks; for a province, its indicators summed from its communes' and who sent their
 * report), a sheet each.
 */
final class ReportWorkbook {

    static final List<String> HEADERS = List.of("Nhóm", "STT", "Mã chỉ tiêu", "Nội dung chỉ tiêu", "Đơn vị tính", "Chỉ tiêu năm",
            "Kết quả thực hiện", "Tình trạng", "Đơn vị chủ trì", "Kỳ của số liệu", "Kết quả đã thực hiện", "Khó khăn, vướng mắc",
            "Kiến nghị", "Tài liệu kiểm chứng", "Tử số", "Mẫu số");
    private static final int[] WIDTHS = {22, 6, 10, 60, 12, 18, 20, 18, 30, 14, 40, 30, 30, 12, 12, 12};

    private ReportWorkbook() {
    }

    static void write(ConsolidatedReport report, OfficialReport document, Map<String, String> groupNames, OutputStream out)
            throws IOException {
        try (SXSSFWorkbook wb = new SXSSFWorkbook(200)) {
            wb.setCompressTempFiles(true);
            AppendixWorkbook.Styles styles = new AppendixWorkbook.Styles(wb);
            Numbers numbers = new Numbers(wb);
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
                achieved(row, i, styles, numbers);
                AppendixWorkbook.text(row, 7, OfficialReport.STATUS.get(i.status()), styles.center);
                AppendixWorkbook.text(row, 8, i.leadUnit().name(), styles.text);
                AppendixWorkbook.text(row, 9, i.reportPeriodKey() == null ? null : ReportingPeriod.label(i.reportPeriodKey()), styles.centerText);
                AppendixWorkbook.text(row, 10, i.achievements(), styles.text);
                AppendixWorkbook.text(row, 11, i.difficulties(), styles.text);
                AppendixWorkbook.text(row, 12, i.proposals(), styles.text);
                var e = row.createCell(13);
                e.setCellValue(i.evidenceCount());
                e.setCellStyle(styles.center);
                ReportValue v = i.value();
                numbers.put(row, 14, v == null ? null : v.numerator());
                numbers.put(row, 15, v == null ? null : v.denominator());
            }
            sheet.createFreezePane(4, 4);
            sheet.setAutoFilter(new CellRangeAddress(3, Math.max(3, r - 1), 0, HEADERS.size() - 1));
            for (OfficialReport.Section section : document.sections()) {
                if (section.table() != null && !section.table().sheet().equals(sheet.getSheetName())) {
                    table(wb, styles, numbers, section, document);
                }
            }
            wb.write(out);
        }
    }

    /** One of the document's tables on a sheet of its own, under the section's heading; numbers as numbers. */
    private static void table(SXSSFWorkbook wb, AppendixWorkbook.Styles styles, Numbers numbers, OfficialReport.Section section,
            OfficialReport document) {
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
                if (tr.group() || !numbers.putWritten(row, c, v)) {
                    AppendixWorkbook.text(row, c, v, tr.group() ? styles.group : styles.text);
                }
            }
        }
        sheet.createFreezePane(0, 3);
        sheet.setAutoFilter(new CellRangeAddress(2, Math.max(2, r - 1), 0, t.headers().size() - 1));
    }

    /**
     * The achieved value as a person can compute with it: a number (a percentage as a fraction under a % format, a ratio
     * with its base in the format, a rank with the number ranked), and words only where the value is words (met or not,
     * a milestone).
     */
    private static void achieved(Row row, IndicatorResult i, AppendixWorkbook.Styles styles, Numbers numbers) {
        ReportValue v = i.value();
        TargetKind kind = i.target() == null ? null : i.target().kind();
        if (v != null && (kind == TargetKind.RANK || kind == TargetKind.LEADING_GROUP) && v.rank() != null) {
            var cell = row.createCell(6);
            cell.setCellValue(v.rank());
            cell.setCellStyle(numbers.style(v.rankOutOf() == null ? "0" : "0\"/" + v.rankOutOf() + "\""));
            return;
        }
        boolean numeric = v != null && kind != TargetKind.PASS_FAIL && kind != TargetKind.MILESTONE && !(kind == null && v.met() != null);
        BigDecimal value = !numeric ? null : i.achieved() != null ? i.achieved() : v.number();
        if (value == null) {
            AppendixWorkbook.text(row, 6, OfficialReport.achieved(i), styles.centerText);
            return;
        }
        if (kind == TargetKind.PERCENT) {
            numbers.put(row, 6, value.movePointLeft(2), "0.0%");
        } else if (kind == TargetKind.RATIO && i.target().per() != null) {
            String base = OfficialReport.number(i.target().per()) + (i.target().basis() == null ? "" : " " + i.target().basis());
            numbers.put(row, 6, value, Numbers.pattern(value) + "\"/" + base.replace("\"", "") + "\"");
        } else {
            numbers.put(row, 6, value);
        }
    }

    /**
     * Numeric and date cells with number formats that a spreadsheet shows in its reader's locale (1.450,5 in a Vietnamese
     * one), one style per format.
     */
    static final class Numbers {
        private static final java.util.regex.Pattern VIETNAMESE_NUMBER = java.util.regex.Pattern.compile("-?\\d{1,3}(\\.\\d{3})*(,\\d+)?%?");
        private static final java.util.regex.Pattern DATE = java.util.regex.Pattern.compile("(\\d{1,2})/(\\d{1,2})/(\\d{4})");
        private final SXSSFWorkbook wb;
        private final Map<String, org.apache.poi.ss.usermodel.CellStyle> styles = new java.util.HashMap<>();
        private final org.apache.poi.ss.usermodel.CellStyle base;

        Numbers(SXSSFWorkbook wb) {
            this.wb = wb;
            this.base = new AppendixWorkbook.Styles(wb).center;
        }

        org.apache.poi.ss.usermodel.CellStyle style(String format) {
            return styles.computeIfAbsent(format, f -> {
                var s = wb.createCellStyle();
                s.cloneStyleFrom(base);
                s.setDataFormat(wb.createDataFormat().getFormat(f));
                return s;
            });
        }

        /** #,##0 for a whole number, else as many decimals as it has (up to four). */
        static String pattern(BigDecimal n) {
            int scale = Math.min(4, Math.max(0, n.stripTrailingZeros().scale()));
            return scale == 0 ? "#,##0" : "#,##0." + "0".repeat(scale);
        }

        void put(Row row, int c, BigDecimal n) {
            if (n != null) {
                put(row, c, n, pattern(n));
            }
        }

        void put(Row row, int c, BigDecimal n, String format) {
            var cell = row.createCell(c);
            cell.setCellValue(n.doubleValue());
            cell.setCellStyle(style(format));
        }

        /** A cell the document wrote as text: a number ("1.450,5", "72,5%") or a date ("25/3/2026") goes in as one. */
        boolean putWritten(Row row, int c, String text) {
            if (text == null || text.isBlank()) {
                return false;
            }
            java.util.regex.Matcher date = DATE.matcher(text);
            if (date.matches()) {
                try {
                    var cell = row.createCell(c);
                    cell.setCellValue(java.time.LocalDate.of(Integer.parseInt(date.group(3)), Integer.parseInt(date.group(2)),
                            Integer.parseInt(date.group(1))));
                    cell.setCellStyle(style("dd/mm/yyyy"));
                    return true;
                } catch (java.time.DateTimeException e) {
                    return false;
                }
            }
            if (!VIETNAMESE_NUMBER.matcher(text).matches()) {
                return false;
            }
            boolean percent = text.endsWith("%");
            BigDecimal n = new BigDecimal(text.replace("%", "").replace(".", "").replace(',', '.'));
            if (percent) {
                put(row, c, n.movePointLeft(2), n.stripTrailingZeros().scale() > 0 ? "0.0%" : "0%");
            } else {
                put(row, c, n);
            }
            return true;
        }
    }
}
