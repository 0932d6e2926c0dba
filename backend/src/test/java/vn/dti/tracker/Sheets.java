package vn.dti.tracker;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Workbooks the document tests send and read back, built and read with Apache POI. */
final class Sheets {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private Sheets() {
    }

    /** The appendix table of the Xuân Lộc plan as the seed document has it (tab-separated rows). */
    static List<List<String>> xuanLocAppendix() {
        try (InputStream in = Sheets.class.getClassLoader().getResourceAsStream("documents/xuan-loc-appendix.tsv")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            List<List<String>> rows = new ArrayList<>();
            for (String line : text.split("\n")) {
                if (!line.isBlank()) {
                    rows.add(new ArrayList<>(Arrays.asList(line.split("\t", -1))));
                }
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A workbook with one sheet of text cells (a cell starting with "=" is a formula), the rows starting at {@code firstRow} (0-based), titles above if given. */
    static byte[] xlsx(List<List<String>> rows, int firstRow, String... titles) {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet("Phụ lục");
            for (int t = 0; t < titles.length; t++) {
                sheet.createRow(t).createCell(0).setCellValue(titles[t]);
            }
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(firstRow + r);
                List<String> cells = rows.get(r);
                for (int c = 0; c < cells.size(); c++) {
                    String text = cells.get(c);
                    if (text.startsWith("=")) {
                        row.createCell(c).setCellFormula(text.substring(1));
                    } else if (!text.isEmpty()) {
                        row.createCell(c).setCellValue(text);
                    }
                }
            }
            wb.getCreationHelper().createFormulaEvaluator().evaluateAll();
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text of every cell of a workbook's first sheet, as Excel shows it, row by row. */
    static List<List<String>> read(byte[] content) {
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(content))) {
            DataFormatter format = new DataFormatter();
            List<List<String>> rows = new ArrayList<>();
            Sheet sheet = wb.getSheetAt(0);
            for (int r = 0; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                List<String> cells = new ArrayList<>();
                if (row != null) {
                    for (int c = 0; c < row.getLastCellNum(); c++) {
                        Cell cell = row.getCell(c);
                        cells.add(cell == null ? "" : format.formatCellValue(cell));
                    }
                }
                rows.add(cells);
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
