package vn.dti.tracker.document;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import vn.dti.tracker.bundle.PlanBundle;
import vn.dti.tracker.bundle.PlanBundle.BundleIndicator;
import vn.dti.tracker.bundle.PlanBundle.BundleTask;
import vn.dti.tracker.bundle.PlanBundle.Group;
import vn.dti.tracker.indicator.TargetDto;

/**
 * The appendix of a plan as a workbook in the import template's layout: a group heading row ("A. Phát triển hạ
 * tầng"), then its indicators (or tasks) with the targets as worded, the units as the plan names them, and the code
 * in the last column. Exporting a plan and importing the file again changes nothing. Written row by row (SXSSF), so
 * memory stays flat whatever the size of the plan. Without a plan it is the empty template.
 */
final class AppendixWorkbook {

    static final String INDICATOR_SHEET = "Chỉ tiêu";
    static final String TASK_SHEET = "Nhiệm vụ";

    private AppendixWorkbook() {
    }

    /** The indicator columns for the given years. */
    static List<String> indicatorHeaders(int startYear, int endYear) {
        List<String> headers = new ArrayList<>(List.of("STT", "Nội dung chỉ tiêu", "Đơn vị tính"));
        for (int y = startYear; y <= endYear; y++) {
            headers.add("Chỉ tiêu phấn đấu năm " + y);
        }
        headers.addAll(List.of("Hiện trạng", "Đơn vị chủ trì", "Đơn vị phối hợp", "Ghi chú", "Mã chỉ tiêu"));
        return headers;
    }

    static final List<String> TASK_HEADERS = List.of("STT", "Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Sản phẩm",
            "Thời gian thực hiện", "Ghi chú", "Mã nhiệm vụ");

    /** The indicators of a bundle (or none, for the template) in the template's layout. */
    static void indicators(String title, int startYear, int endYear, PlanBundle plan, OutputStream out) throws IOException {
        List<String> headers = indicatorHeaders(startYear, endYear);
        int years = endYear - startYear + 1;
        int[] widths = new int[headers.size()];
        widths[0] = 6;
        widths[1] = 60;
        widths[2] = 12;
        for (int i = 0; i < years; i++) {
            widths[3 + i] = 18;
        }
        widths[3 + years] = 16;
        widths[4 + years] = 32;
        widths[5 + years] = 32;
        widths[6 + years] = 24;
        widths[7 + years] = 12;
        try (SXSSFWorkbook wb = new SXSSFWorkbook(200)) {
            wb.setCompressTempFiles(true);
            Styles styles = new Styles(wb);
            SXSSFSheet sheet = start(wb, styles, INDICATOR_SHEET, title, headers, widths);
            int r = 3;
            if (plan != null) {
                Function<String, String> name = names(plan);
                Map<String, List<BundleIndicator>> byGroup = plan.indicators().stream()
                        .collect(Collectors.groupingBy(BundleIndicator::groupCode, java.util.LinkedHashMap::new, Collectors.toList()));
                for (Group g : plan.indicatorGroups()) {
                    r = groupRow(sheet, styles, r, g, headers.size());
                    for (BundleIndicator i : byGroup.getOrDefault(g.code(), List.of())) {
                        Row row = sheet.createRow(r++);
                        number(row, 0, i.order(), styles);
                        text(row, 1, i.content(), styles.text);
                        text(row, 2, i.unitOfMeasure(), styles.center);
                        for (int y = 0; y < years; y++) {
                            int year = startYear + y;
                            String wording = i.targets().stream().filter(t -> t.year() != null && t.year() == year).map(TargetDto::wording)
                                    .findFirst().orElse(null);
                            text(row, 3 + y, wording, styles.centerText);
                        }
                        text(row, 3 + years, i.baseline() == null ? null : i.baseline().wording(), styles.centerText);
                        text(row, 4 + years, AppendixImport.leadCell(i.leadWording(), name.apply(i.leadUnitCode())), styles.text);
                        text(row, 5 + years, AppendixImport.unitsCell(i.cooperatingWording(),
                                list(i.cooperatingUnitCodes()).stream().map(name).toList()), styles.text);
                        text(row, 6 + years, i.note(), styles.text);
                        text(row, 7 + years, i.code(), styles.centerText);
                    }
                }
            } else {
                r = example(sheet, styles, r, headers.size());
            }
            finish(sheet, headers.size(), r);
            if (plan == null) {
                instructions(wb, styles, true);
            }
            wb.write(out);
        }
    }

    /** The tasks of a bundle (or none, for the template). */
    static void tasks(String title, PlanBundle plan, OutputStream out) throws IOException {
        int[] widths = {6, 60, 30, 30, 30, 18, 24, 12};
        try (SXSSFWorkbook wb = new SXSSFWorkbook(200)) {
            wb.setCompressTempFiles(true);
            Styles styles = new Styles(wb);
            SXSSFSheet sheet = start(wb, styles, TASK_SHEET, title, TASK_HEADERS, widths);
            int r = 3;
            if (plan != null) {
                Function<String, String> name = names(plan);
                Map<String, List<BundleTask>> byGroup = plan.tasks().stream()
                        .collect(Collectors.groupingBy(BundleTask::groupCode, java.util.LinkedHashMap::new, Collectors.toList()));
                for (Group g : plan.taskGroups()) {
                    r = groupRow(sheet, styles, r, g, TASK_HEADERS.size());
                    for (BundleTask t : byGroup.getOrDefault(g.code(), List.of())) {
                        Row row = sheet.createRow(r++);
                        number(row, 0, t.order(), styles);
                        text(row, 1, t.description(), styles.text);
                        text(row, 2, AppendixImport.unitsCell(null, list(t.leadUnitCodes()).stream().map(name).toList()), styles.text);
                        text(row, 3, AppendixImport.unitsCell(null, list(t.cooperatingUnitCodes()).stream().map(name).toList()), styles.text);
                        text(row, 4, t.product(), styles.text);
                        text(row, 5, AppendixImport.timeframeCell(t.timeframe()), styles.centerText);
                        text(row, 6, t.note(), styles.text);
                        text(row, 7, t.code(), styles.centerText);
                    }
                }
            } else {
                Row g = sheet.createRow(r++);
                text(g, 0, "A. Tên nhóm nhiệm vụ", styles.group);
                sheet.addMergedRegion(new CellRangeAddress(g.getRowNum(), g.getRowNum(), 0, TASK_HEADERS.size() - 1));
            }
            finish(sheet, TASK_HEADERS.size(), r);
            if (plan == null) {
                instructions(wb, styles, false);
            }
            wb.write(out);
        }
    }

    private static SXSSFSheet start(SXSSFWorkbook wb, Styles styles, String name, String title, List<String> headers, int[] widths) {
        SXSSFSheet sheet = wb.createSheet(name);
        for (int c = 0; c < widths.length; c++) {
            sheet.setColumnWidth(c, widths[c] * 256);
        }
        Row t = sheet.createRow(0);
        text(t, 0, title, styles.title);
        sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, headers.size() - 1));
        Row h = sheet.createRow(2);
        h.setHeightInPoints(48);
        for (int c = 0; c < headers.size(); c++) {
            text(h, c, headers.get(c), styles.header);
        }
        sheet.createFreezePane(2, 3);
        return sheet;
    }

    private static void finish(SXSSFSheet sheet, int columns, int lastRow) {
        sheet.setAutoFilter(new CellRangeAddress(2, Math.max(2, lastRow - 1), 0, columns - 1));
    }

    private static int groupRow(SXSSFSheet sheet, Styles styles, int r, Group g, int columns) {
        Row row = sheet.createRow(r);
        text(row, 0, g.code() + ". " + g.name(), styles.group);
        for (int c = 1; c < columns; c++) {
            row.createCell(c).setCellStyle(styles.group);
        }
        sheet.addMergedRegion(new CellRangeAddress(r, r, 0, columns - 1));
        return r + 1;
    }

    /** The empty template shows where a group heading goes. */
    private static int example(SXSSFSheet sheet, Styles styles, int r, int columns) {
        Row g = sheet.createRow(r);
        text(g, 0, "A. Phát triển hạ tầng", styles.group);
        sheet.addMergedRegion(new CellRangeAddress(r, r, 0, columns - 1));
        return r + 1;
    }

    private static void instructions(SXSSFWorkbook wb, Styles styles, boolean indicators) {
        SXSSFSheet sheet = wb.createSheet("Hướng dẫn");
        sheet.setColumnWidth(0, 120 * 256);
        List<String> lines = indicators ? List.of(
                "Hướng dẫn điền phụ lục chỉ tiêu",
                "1. Mỗi nhóm bắt đầu bằng một dòng tên nhóm ở cột STT, ví dụ 'A. Phát triển hạ tầng'; các chỉ tiêu của nhóm đánh STT từ 1.",
                "2. Chỉ tiêu phấn đấu ghi như trong văn bản: '≥ 50%', '100%', '100% (trừ văn bản mật)', '≥ 1%/năm', '1/1.000 dân',"
                        + " '4 người/vạn dân', '≥ 01', 'Đạt', '≤ 4' (xếp hạng), 'Xếp hạng ở nhóm 60 xã dẫn đầu', 'Triển khai'.",
                "3. Đơn vị chủ trì: đúng một đơn vị (nếu ghi nhiều đơn vị, đơn vị đầu tiên chủ trì, các đơn vị sau phối hợp);"
                        + " đơn vị phối hợp: cách nhau bởi dấu ';'. Tên đơn vị viết có dấu hay không dấu, hoa hay thường đều được.",
                "4. Cột 'Mã chỉ tiêu' có thể để trống: mã là tên nhóm và STT (A.1, A.2, …).",
                "5. Không dùng công thức; trang tính không đặt mật khẩu.",
                "6. Trước khi lưu, hãy xem trước kết quả nhập để biết từng dòng được hiểu thế nào.") : List.of(
                "Hướng dẫn điền phụ lục nhiệm vụ",
                "1. Mỗi nhóm bắt đầu bằng một dòng tên nhóm ở cột STT, ví dụ 'A. Hạ tầng số'; các nhiệm vụ của nhóm đánh STT từ 1.",
                "2. Cơ quan chủ trì và cơ quan phối hợp: một hoặc nhiều đơn vị, cách nhau bởi dấu ';'.",
                "3. Thời gian thực hiện: 'Năm 2026', 'Giai đoạn 2026 - 2030' hoặc 'Thường xuyên'.",
                "4. Cột 'Mã nhiệm vụ' có thể để trống: mã là tên nhóm và STT.",
                "5. Không dùng công thức; trang tính không đặt mật khẩu.");
        for (int i = 0; i < lines.size(); i++) {
            text(sheet.createRow(i), 0, lines.get(i), i == 0 ? styles.title : styles.text);
        }
    }

    private static Function<String, String> names(PlanBundle plan) {
        Map<String, String> byCode = plan.orgUnits().stream().collect(Collectors.toMap(PlanBundle.Unit::code, PlanBundle.Unit::name, (a, b) -> a));
        return code -> code == null ? null : byCode.getOrDefault(code, code);
    }

    private static void number(Row row, int c, int value, Styles styles) {
        var cell = row.createCell(c);
        cell.setCellValue(value);
        cell.setCellStyle(styles.center);
    }

    static void text(Row row, int c, String value, org.apache.poi.ss.usermodel.CellStyle style) {
        var cell = row.createCell(c);
        if (value != null) {
            cell.setCellValue(value);
        }
        cell.setCellStyle(style);
    }

    private static <T> List<T> list(List<T> maybe) {
        return maybe == null ? List.of() : maybe;
    }

    /** The cell styles of the documents: Times New Roman, thin borders, wrapped text; targets kept as text. */
    static final class Styles {
        final org.apache.poi.ss.usermodel.CellStyle title;
        final org.apache.poi.ss.usermodel.CellStyle header;
        final org.apache.poi.ss.usermodel.CellStyle group;
        final org.apache.poi.ss.usermodel.CellStyle text;
        final org.apache.poi.ss.usermodel.CellStyle center;
        final org.apache.poi.ss.usermodel.CellStyle centerText;

        Styles(SXSSFWorkbook wb) {
            var plain = font(wb, false);
            var bold = font(wb, true);
            short textFormat = wb.createDataFormat().getFormat("@");
            title = wb.createCellStyle();
            title.setFont(bold);
            header = bordered(wb, bold, org.apache.poi.ss.usermodel.HorizontalAlignment.CENTER);
            header.setFillForegroundColor(org.apache.poi.ss.usermodel.IndexedColors.GREY_25_PERCENT.getIndex());
            header.setFillPattern(org.apache.poi.ss.usermodel.FillPatternType.SOLID_FOREGROUND);
            group = bordered(wb, bold, org.apache.poi.ss.usermodel.HorizontalAlignment.LEFT);
            text = bordered(wb, plain, org.apache.poi.ss.usermodel.HorizontalAlignment.LEFT);
            text.setDataFormat(textFormat);
            center = bordered(wb, plain, org.apache.poi.ss.usermodel.HorizontalAlignment.CENTER);
            centerText = bordered(wb, plain, org.apache.poi.ss.usermodel.HorizontalAlignment.CENTER);
            centerText.setDataFormat(textFormat);
        }

        private static org.apache.poi.ss.usermodel.Font font(SXSSFWorkbook wb, boolean bold) {
            var f = wb.createFont();
            f.setFontName("Times New Roman");
            f.setFontHeightInPoints((short) 12);
            f.setBold(bold);
            return f;
        }

        private static org.apache.poi.ss.usermodel.CellStyle bordered(SXSSFWorkbook wb, org.apache.poi.ss.usermodel.Font font,
                org.apache.poi.ss.usermodel.HorizontalAlignment align) {
            var s = wb.createCellStyle();
            s.setFont(font);
            s.setWrapText(true);
            s.setAlignment(align);
            s.setVerticalAlignment(org.apache.poi.ss.usermodel.VerticalAlignment.CENTER);
            s.setBorderTop(org.apache.poi.ss.usermodel.BorderStyle.THIN);
            s.setBorderBottom(org.apache.poi.ss.usermodel.BorderStyle.THIN);
            s.setBorderLeft(org.apache.poi.ss.usermodel.BorderStyle.THIN);
            s.setBorderRight(org.apache.poi.ss.usermodel.BorderStyle.THIN);
            return s;
        }
    }
}
