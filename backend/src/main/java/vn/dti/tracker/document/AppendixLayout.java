package vn.dti.tracker.document;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import vn.dti.tracker.common.TextSearch;
import vn.dti.tracker.document.DocumentDtos.AppendixPart;

/**
 * Where the columns of an appendix are, found from its header row by their Vietnamese names, as the plans write them
 * ("STT", "Nội dung chỉ tiêu", "Đơn vị tính", "Chỉ tiêu phấn đấu năm 2026", "Đơn vị theo dõi, đánh giá, tổng hợp, báo
 * cáo", "Đơn vị phối hợp", "Ghi chú"; for tasks "Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Sản phẩm", "Thời
 * gian thực hiện") and as the template does. Titles above the header are skipped; a header over two rows (a
 * "Chỉ tiêu phấn đấu" cell above "Năm 2026", "Năm 2027") is read as one.
 */
record AppendixLayout(int headerRow, Map<Column, Integer> columns, Map<Integer, Integer> targetYears, Integer yearlessTarget,
        Map<Integer, String> headers) {

    /** What a column holds. */
    enum Column { ORDER, CODE, CONTENT, UNIT_OF_MEASURE, TARGET, BASELINE, LEAD, COOPERATING, NOTE, PRODUCT, TIMEFRAME }

    /** Rows searched for the header, from the top of a sheet. */
    static final int HEADER_SEARCH_ROWS = 30;

    private static final Pattern YEAR = Pattern.compile("\\b((?:19|20)\\d{2})\\b");

    Integer column(Column c) {
        return columns.get(c);
    }

    String header(Integer column) {
        return column == null ? null : headers.get(column);
    }

    /** The layout of a sheet, or null when none of its first rows is a header of this part. */
    static AppendixLayout find(SheetReader.Sheet sheet, AppendixPart part) {
        List<SheetReader.Row> rows = sheet.rows();
        for (int i = 0; i < rows.size() && rows.get(i).number() <= HEADER_SEARCH_ROWS; i++) {
            SheetReader.Row row = rows.get(i);
            Map<Column, Integer> columns = new EnumMap<>(Column.class);
            Map<Integer, Integer> years = new TreeMap<>();
            Map<Integer, String> headers = new LinkedHashMap<>();
            Integer yearless = null;
            for (Map.Entry<Integer, SheetReader.Cell> cell : row.cells().entrySet()) {
                Column c = classify(cell.getValue().text(), part);
                if (c == null) {
                    continue;
                }
                headers.put(cell.getKey(), cell.getValue().text());
                if (c == Column.TARGET) {
                    Integer year = year(cell.getValue().text());
                    if (year != null) {
                        years.put(cell.getKey(), year);
                    } else if (yearless == null) {
                        yearless = cell.getKey();
                    }
                } else {
                    columns.putIfAbsent(c, cell.getKey());
                }
            }
            boolean recognised = columns.containsKey(Column.CONTENT) && (part == AppendixPart.INDICATORS
                    ? !years.isEmpty() || yearless != null || columns.containsKey(Column.LEAD)
                    : columns.containsKey(Column.LEAD) || columns.containsKey(Column.TIMEFRAME) || columns.containsKey(Column.PRODUCT));
            if (!recognised) {
                continue;
            }
            int headerRow = row.number();
            // A second header row: years under a "Chỉ tiêu phấn đấu" cell, nothing in the content column.
            if (i + 1 < rows.size() && rows.get(i + 1).number() == headerRow + 1) {
                SheetReader.Row next = rows.get(i + 1);
                Map<Integer, Integer> subYears = new TreeMap<>();
                for (Map.Entry<Integer, SheetReader.Cell> cell : next.cells().entrySet()) {
                    Integer year = year(cell.getValue().text());
                    String folded = TextSearch.fold(cell.getValue().text());
                    if (year != null && folded.matches("(nam )?\\d{4}")) {
                        subYears.put(cell.getKey(), year);
                    }
                }
                if (!subYears.isEmpty() && next.text(columns.get(Column.CONTENT)).isEmpty()) {
                    for (Map.Entry<Integer, Integer> y : subYears.entrySet()) {
                        years.put(y.getKey(), y.getValue());
                        headers.put(y.getKey(), next.text(y.getKey()));
                    }
                    yearless = null;
                    headerRow = next.number();
                }
            }
            return new AppendixLayout(headerRow, columns, years, yearless, headers);
        }
        return null;
    }

    /** The part of the sheet a header names, or null. */
    static Column classify(String text, AppendixPart part) {
        String h = TextSearch.fold(text);
        if (h.isEmpty()) {
            return null;
        }
        if (h.contains("thoi gian") || h.contains("thoi han")) {
            return Column.TIMEFRAME;
        }
        if (h.contains("phoi hop")) {
            return Column.COOPERATING;
        }
        if (h.contains("chu tri") || h.contains("theo doi") || h.contains("phu trach") || h.equals("don vi thuc hien")
                || h.equals("co quan thuc hien")) {
            return Column.LEAD;
        }
        if (h.contains("don vi tinh") || h.equals("dvt")) {
            return Column.UNIT_OF_MEASURE;
        }
        if (h.contains("ghi chu")) {
            return Column.NOTE;
        }
        if (h.contains("hien trang") || h.contains("nam goc") || h.startsWith("hien tai")) {
            return Column.BASELINE;
        }
        if (h.contains("san pham")) {
            return Column.PRODUCT;
        }
        if (h.equals("ma") || h.startsWith("ma chi tieu") || h.startsWith("ma nhiem vu") || h.equals("ma so")) {
            return Column.CODE;
        }
        if (h.equals("stt") || h.equals("tt") || h.startsWith("so thu tu") || h.startsWith("so tt")) {
            return Column.ORDER;
        }
        if (part == AppendixPart.INDICATORS && (h.contains("phan dau") || h.startsWith("muc tieu") || h.startsWith("chi tieu nam")
                || h.matches("(chi tieu )?(nam )?\\d{4}"))) {
            return Column.TARGET;
        }
        if (h.contains("noi dung") || h.startsWith("ten chi tieu") || h.equals("chi tieu") || h.startsWith("nhiem vu")
                || h.startsWith("ten nhiem vu")) {
            return Column.CONTENT;
        }
        return null;
    }

    private static Integer year(String text) {
        Matcher m = YEAR.matcher(TextSearch.fold(text));
        return m.find() ? Integer.valueOf(m.group(1)) : null;
    }
}
