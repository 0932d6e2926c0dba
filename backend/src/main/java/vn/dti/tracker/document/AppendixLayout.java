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
 * "Chỉ tiêu phấn đấu" cell above "Năm 2026", "Năm 2027") is read as one. The target column may be headed in many ways
 * ("Chỉ tiêu phấn đấu năm 2026", "Năm 2026", "Mục tiêu", "Kết quả", "Kết quả phấn đấu", or "Chỉ tiêu" beside a content
 * column): one a year, or one for the whole plan (no year, or a span "2026 - 2030"). Every header cell is kept, so that
 * a column the reader does not place can be named.
 */
record AppendixLayout(int firstHeaderRow, int headerRow, Map<Column, Integer> columns, Map<Integer, Integer> targetYears,
        Integer yearlessTarget, Map<Integer, String> headers, Map<Integer, String> allHeaders, List<Integer> extraTargets) {

    /** What a column holds. */
    enum Column { ORDER, CODE, CONTENT, UNIT_OF_MEASURE, TARGET, BASELINE, LEAD, COOPERATING, NOTE, PRODUCT, TIMEFRAME }

    /** Rows searched for the header, from the top of a sheet. */
    static final int HEADER_SEARCH_ROWS = 30;

    private static final Pattern YEAR = Pattern.compile("\\b((?:19|20)\\d{2})\\b");

    Integer column(Column c) {
        return columns.get(c);
    }

    String header(Integer column) {
        return column == null ? null : headers.containsKey(column) ? headers.get(column) : allHeaders.get(column);
    }

    /** The layout of a sheet, or null when none of its first rows is a header of this part. */
    static AppendixLayout find(SheetReader.Sheet sheet, AppendixPart part) {
        List<SheetReader.Row> rows = sheet.rows();
        for (int i = 0; i < rows.size() && rows.get(i).number() <= HEADER_SEARCH_ROWS; i++) {
            SheetReader.Row row = rows.get(i);
            Map<Column, Integer> columns = new EnumMap<>(Column.class);
            Map<Integer, Integer> years = new TreeMap<>();
            Map<Integer, String> headers = new LinkedHashMap<>();
            Map<Integer, String> all = new TreeMap<>();
            List<Integer> yearlessColumns = new java.util.ArrayList<>();
            List<Integer> ambiguous = new java.util.ArrayList<>();
            for (Map.Entry<Integer, SheetReader.Cell> cell : row.cells().entrySet()) {
                String text = cell.getValue().text();
                all.put(cell.getKey(), text);
                Column c = classify(text, part);
                if (c == null) {
                    continue;
                }
                if (c == Column.CONTENT && part == AppendixPart.INDICATORS && TextSearch.fold(text).equals("chi tieu")) {
                    // "Chỉ tiêu" alone names the indicator, or its target when another column names the indicator.
                    ambiguous.add(cell.getKey());
                    continue;
                }
                headers.put(cell.getKey(), text);
                if (c == Column.TARGET) {
                    target(cell.getKey(), text, years, yearlessColumns);
                } else {
                    columns.putIfAbsent(c, cell.getKey());
                }
            }
            for (Integer column : ambiguous) {
                headers.put(column, row.text(column));
                if (!columns.containsKey(Column.CONTENT)) {
                    columns.put(Column.CONTENT, column);
                } else {
                    target(column, row.text(column), years, yearlessColumns);
                }
            }
            Integer yearless = yearlessColumns.isEmpty() ? null : yearlessColumns.get(0);
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
                    if (year != null && folded.matches("(chi tieu |muc tieu |ke hoach )?(nam )?\\d{4}")) {
                        subYears.put(cell.getKey(), year);
                    }
                }
                if (!subYears.isEmpty() && next.text(columns.get(Column.CONTENT)).isEmpty()) {
                    for (Map.Entry<Integer, Integer> y : subYears.entrySet()) {
                        years.put(y.getKey(), y.getValue());
                        headers.put(y.getKey(), next.text(y.getKey()));
                    }
                    next.cells().forEach((column, cell) -> all.merge(column, cell.text(), (above, below) -> above + " / " + below));
                    // The cell above the years ("Chỉ tiêu phấn đấu") is their heading, not a column of its own.
                    yearlessColumns.clear();
                    yearless = null;
                    headerRow = next.number();
                }
            }
            List<Integer> extra = yearlessColumns.size() > 1 ? List.copyOf(yearlessColumns.subList(1, yearlessColumns.size())) : List.of();
            if (yearless != null && !years.isEmpty()) {
                // A column without a year beside columns of years: not placed, so named as unused rather than guessed.
                extra = new java.util.ArrayList<>(yearlessColumns);
                yearless = null;
            }
            return new AppendixLayout(row.number(), headerRow, columns, years, yearless, headers, all, extra);
        }
        return null;
    }

    /** A target column: of one year ("Năm 2026"), or of the whole plan (no year, or a span of years). */
    private static void target(Integer column, String text, Map<Integer, Integer> years, List<Integer> yearless) {
        Matcher m = YEAR.matcher(TextSearch.fold(text));
        java.util.Set<Integer> found = new java.util.TreeSet<>();
        while (m.find()) {
            found.add(Integer.valueOf(m.group(1)));
        }
        if (found.size() == 1 && !years.containsValue(found.iterator().next())) {
            years.put(column, found.iterator().next());
        } else {
            // No year, a span ("Giai đoạn 2026 - 2030"), or a year already taken: a column for the whole plan, if any.
            yearless.add(column);
        }
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
                || h.startsWith("chi tieu giai doan") || h.startsWith("chi tieu den nam") || h.startsWith("ket qua") || h.startsWith("gia tri")
                || h.matches("(chi tieu |ke hoach )?(nam |giai doan )?\\d{4}( \\d{4})?"))) {
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
