package vn.dti.tracker;

import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * Appendices as communes really paste them into Excel: without group rows or with groups numbered in any style, the
 * target column headed however the plan heads it, bare numbers whose shape the unit of measure tells, lead cells naming
 * several units, unit names abbreviated or of the province. A column the import cannot place is never dropped unseen.
 */
@QuarkusTest
class AppendixIntakeTest {

    static final String HEADER_STT = "STT";
    static final String CONTENT = "Nội dung chỉ tiêu";

    /** A cell written in bold. */
    record Bold(String text) {
    }

    /** A workbook of one sheet named {@code sheetName}: title lines, then the rows (String, Number or {@link Bold} cells). */
    static byte[] book(String sheetName, List<String> titles, List<List<Object>> rows) {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet(sheetName);
            CellStyle bold = wb.createCellStyle();
            Font font = wb.createFont();
            font.setBold(true);
            bold.setFont(font);
            int r = 0;
            for (String title : titles) {
                Row row = sheet.createRow(r++);
                row.createCell(0).setCellValue(title);
                row.getCell(0).setCellStyle(bold);
            }
            for (List<Object> cells : rows) {
                Row row = sheet.createRow(r++);
                for (int c = 0; c < cells.size(); c++) {
                    Object v = cells.get(c);
                    if (v instanceof Number n) {
                        row.createCell(c).setCellValue(n.doubleValue());
                    } else if (v instanceof Bold b) {
                        row.createCell(c).setCellValue(b.text());
                        row.getCell(c).setCellStyle(bold);
                    } else if (v != null && !v.toString().isEmpty()) {
                        row.createCell(c).setCellValue(v.toString());
                    }
                }
            }
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Object> row(Object... cells) {
        return new ArrayList<>(List.of(cells));
    }

    static List<Object> header(String target) {
        return row(HEADER_STT, CONTENT, "Đơn vị tính", target, "Đơn vị chủ trì", "Đơn vị phối hợp", "Ghi chú");
    }

    static String plan(int start, int end) {
        return AppendixImportTest.newXuanLocPlan(start, end);
    }

    static Response preview(String planId, byte[] sheet) {
        return AppendixImportTest.send("commune", planId, sheet, true, null);
    }

    static Response commit(String planId, byte[] sheet, boolean acknowledgeUnused) {
        var request = Api.as("commune").contentType(Sheets.XLSX).body(sheet).queryParam("dryRun", false)
                .header("If-Match", AppendixImportTest.planTag(planId));
        if (acknowledgeUnused) {
            request.queryParam("acknowledgeUnused", true);
        }
        return request.post("/api/v1/plans/" + planId + "/appendix/imports");
    }

    static List<Object> groupCodes(String planId) {
        return Api.json().queryParam("kind", "INDICATOR").get("/api/v1/plans/" + planId + "/groups").then().statusCode(200).extract()
                .jsonPath().getList("code");
    }

    // ---- a real appendix as a commune pastes it ----

    /**
     * The Xuân Lộc appendix as a commune pastes it into Excel under its own headings: no group rows (numbered 1 to 30),
     * the target column headed "Kết quả", percentages without their sign under "%", unit names abbreviated and
     * separated by commas. Every row comes in with the shape, lead and cooperating units of the demo data.
     */
    @Test
    void theXuanLocAppendixPastedUnderItsOwnHeadingsComesInWithEveryShape() throws Exception {
        List<List<Object>> rows = new ArrayList<>();
        int n = 0;
        for (List<String> r : Sheets.xuanLocAppendix()) {
            if (r.get(0).equals("STT")) {
                rows.add(row("TT", "Chỉ tiêu", "ĐVT", "Kết quả", "Đơn vị chủ trì", "Đơn vị phối hợp", "Ghi chú"));
            } else if (r.get(0).matches("[A-Z]\\..*")) {
                continue;
            } else {
                String target = r.get(2).equals("%") ? r.get(3).replaceFirst("%$", "") : r.get(3);
                String lead = r.get(4).replace("Phòng Văn hóa - Xã hội", "Phòng VH-XH").replace("Trung tâm Phục vụ hành chính công", "TTPVHCC")
                        .replace("Văn phòng HĐND và UBND", "VP HĐND&UBND xã").replace("; ", ", ");
                rows.add(row(String.valueOf(++n), r.get(1), r.get(2), target, lead, r.get(5).replace("Phòng Văn hóa - Xã hội", "Phòng VH&XH")));
            }
        }
        String planId = plan(2026, 2026);
        byte[] sheet = book("Sheet1", List.of("PHỤ LỤC", "Phân công thực hiện các mục tiêu, chỉ tiêu chuyển đổi số năm 2026"), rows);
        JsonPath p = preview(planId, sheet).then().statusCode(200).body("valid", equalTo(true)).body("unusedColumns", empty())
                .body("problems.code", everyItem(org.hamcrest.Matchers.oneOf("import.default-group", "import.lead-several")))
                .extract().jsonPath();
        List<Map<String, Object>> items = p.getList("rows.findAll { it.kind == 'ITEM' }.indicator");
        com.fasterxml.jackson.databind.JsonNode demo = DemoPlansTest.resource("02-xuan-loc-cds-2026.json").get("indicators");
        assertEquals(demo.size(), items.size());
        int right = 0;
        for (int i = 0; i < items.size(); i++) {
            com.fasterxml.jackson.databind.JsonNode want = demo.get(i);
            Map<String, Object> got = items.get(i);
            Map<?, ?> t = (Map<?, ?>) ((List<?>) got.get("targets")).get(0);
            com.fasterxml.jackson.databind.JsonNode w = want.get("targets").get(0);
            boolean shape = w.get("kind").asText().equals(t.get("kind"))
                    && (w.get("comparator").isNull() ? t.get("comparator") == null : w.get("comparator").asText().equals(t.get("comparator")))
                    && (w.get("value").isNull() ? t.get("value") == null : w.get("value").decimalValue().compareTo(new java.math.BigDecimal(
                            String.valueOf(t.get("value")))) == 0)
                    && (w.get("basis").isNull() ? t.get("basis") == null : w.get("basis").asText().equals(t.get("basis")))
                    && (w.get("qualification").isNull() ? t.get("qualification") == null : w.get("qualification").asText().equals(t.get("qualification")));
            List<String> cooperating = new ArrayList<>();
            want.get("cooperatingUnitCodes").forEach(c -> cooperating.add(c.asText()));
            boolean units = want.get("leadUnitCode").asText().equals(((Map<?, ?>) got.get("leadUnit")).get("code"))
                    && cooperating.equals(((List<?>) got.get("cooperatingUnits")).stream().map(u -> ((Map<?, ?>) u).get("code")).toList());
            assertEquals(rows.get(i + 1).get(3), t.get("wording"), "wording kept, row " + (i + 1));
            if (shape && units) {
                right++;
            } else {
                System.out.println("Not as the demo: " + want.get("code") + " " + got);
            }
        }
        assertEquals(30, right, "rows with the demo's shape and units");
        commit(planId, sheet, false).then().statusCode(200).body("items.created", org.hamcrest.Matchers.hasSize(30));
        Api.json().queryParam("kind", "INDICATOR").get("/api/v1/plans/" + planId + "/groups").then()
                .body("name", equalTo(List.of("Phân công thực hiện các mục tiêu, chỉ tiêu chuyển đổi số năm 2026")));
    }

    // ---- group rows ----

    @Test
    void aFlatAppendixIsOneGroupNamedAfterItsTitleOrItsSheet() {
        List<List<Object>> rows = new ArrayList<>();
        rows.add(header("Chỉ tiêu năm 2026"));
        rows.add(row("1", "Tỷ lệ phủ sóng 5G trên địa bàn", "%", "≥ 50%", "Phòng Văn hóa - Xã hội", "Các đơn vị viễn thông", ""));
        rows.add(row("2", "Tỷ lệ người dân có tài khoản định danh điện tử", "%", "≥ 80%", "Công an xã", "", ""));
        rows.add(row("3", "Tỷ lệ người dân có Sổ sức khỏe điện tử", "%", "≥ 95%", "Trạm Y tế xã", "", ""));

        // Titled: the title line (not "PHỤ LỤC", not "(kèm theo …)") names the group.
        String planId = plan(2026, 2026);
        byte[] titled = book("Sheet1", List.of("PHỤ LỤC I", "Chỉ tiêu chuyển đổi số xã Xuân Lộc năm 2026",
                "(Kèm theo Kế hoạch số    /KH-UBND ngày    tháng    năm 2026 của UBND xã Xuân Lộc)"), rows);
        preview(planId, titled).then().statusCode(200).body("valid", equalTo(true))
                .body("rows.findAll { it.kind == 'ITEM' }.groupCode", everyItem(equalTo("A")))
                .body("rows.findAll { it.kind == 'ITEM' }.groupName", everyItem(equalTo("Chỉ tiêu chuyển đổi số xã Xuân Lộc năm 2026")))
                .body("rows.findAll { it.kind == 'ITEM' }.indicator.code", equalTo(List.of("A.1", "A.2", "A.3")))
                .body("problems.code", equalTo(List.of("import.default-group")))
                .body("problems[0].severity", equalTo("WARNING"));
        commit(planId, titled, false).then().statusCode(200).body("items.created", equalTo(List.of("A.1", "A.2", "A.3")));
        Api.json().queryParam("kind", "INDICATOR").get("/api/v1/plans/" + planId + "/groups").then()
                .body("name", equalTo(List.of("Chỉ tiêu chuyển đổi số xã Xuân Lộc năm 2026")));
        // Again: the same sheet changes nothing.
        commit(planId, titled, false).then().statusCode(200).body("items.unchanged", equalTo(3)).body("items.updated", empty());

        // "PHỤ LỤC: <title>" on one line keeps the title; with no title at all, the sheet's name.
        String second = plan(2026, 2026);
        preview(second, book("Sheet1", List.of("PHỤ LỤC: Danh mục chỉ tiêu năm 2026"), rows)).then().statusCode(200)
                .body("rows.findAll { it.kind == 'ITEM' }.groupName", everyItem(equalTo("Danh mục chỉ tiêu năm 2026")));
        String third = plan(2026, 2026);
        preview(third, book("Chỉ tiêu xã", List.of(), rows)).then().statusCode(200).body("valid", equalTo(true))
                .body("rows.findAll { it.kind == 'ITEM' }.groupName", everyItem(equalTo("Chỉ tiêu xã")));
        preview(third, book("Chỉ tiêu xã", List.of("PHỤ LỤC II"), rows)).then().statusCode(200)
                .body("rows.findAll { it.kind == 'ITEM' }.groupName", everyItem(equalTo("Chỉ tiêu xã")));
    }

    @Test
    void groupRowsAreNumberedInAnyStyle() {
        String planId = plan(2026, 2026);
        List<List<Object>> rows = new ArrayList<>();
        rows.add(header("Chỉ tiêu năm 2026"));
        rows.add(row("A.", "Phát triển hạ tầng"));
        rows.add(row("1", "Tỷ lệ phủ sóng 5G trên địa bàn", "%", "≥ 50%", "Phòng Văn hóa - Xã hội", "", ""));
        rows.add(row("I.Nâng cao chất lượng nguồn nhân lực số"));
        rows.add(row("1", "Tỷ lệ cán bộ được tập huấn kỹ năng số", "%", "100%", "Phòng Văn hóa - Xã hội", "", ""));
        rows.add(row("", "II.Chính quyền số"));
        rows.add(row("1", "Tỷ lệ hồ sơ xử lý trực tuyến", "%", "95%", "Trung tâm Phục vụ hành chính công", "", ""));
        rows.add(row("2", "Tỷ lệ cấp kết quả điện tử", "%", "≥ 90%", "Trung tâm Phục vụ hành chính công", "", ""));
        rows.add(row(new Bold("3."), new Bold("Kinh tế số")));
        rows.add(row("1", "Tỷ lệ giao dịch không dùng tiền mặt", "%", "≥ 80%", "Phòng Kinh tế", "", ""));
        rows.add(row("IV)", "Xã hội số"));
        rows.add(row("1", "Tỷ lệ người dân trưởng thành có chữ ký số", "%", "≥ 50%", "Phòng Văn hóa - Xã hội", "", ""));
        // What follows the table: a footnote in column A is no group.
        rows.add(row("Ghi chú: số liệu năm 2025 là số ước thực hiện"));
        byte[] sheet = book("Phụ lục", List.of(), rows);

        JsonPath p = preview(planId, sheet).then().statusCode(200).body("valid", equalTo(true)).body("problems", empty())
                .body("rows.findAll { it.kind == 'GROUP' }.groupCode", equalTo(List.of("A", "I", "II", "3", "IV")))
                .body("rows.findAll { it.kind == 'GROUP' }.groupName", equalTo(List.of("Phát triển hạ tầng",
                        "Nâng cao chất lượng nguồn nhân lực số", "Chính quyền số", "Kinh tế số", "Xã hội số")))
                .body("rows.findAll { it.kind == 'ITEM' }.indicator.code", equalTo(List.of("A.1", "I.1", "II.1", "II.2", "3.1", "IV.1")))
                .body("rows.find { it.row == 13 }.kind", equalTo("IGNORED"))
                .extract().jsonPath();
        assertEquals(6, p.getList("items.created").size());

        // Not bold, "3." beside a name and nothing else is an item with its cells missing, not a heading.
        rows.set(8, row("3.", "Kinh tế số"));
        preview(planId, book("Phụ lục", List.of(), rows)).then().statusCode(200).body("valid", equalTo(false))
                .body("rows.find { it.row == 9 }.kind", equalTo("ITEM"))
                .body("problems.find { it.row == 9 }.code", equalTo("import.lead-required"));
    }

    // ---- the target column ----

    @Test
    void theTargetColumnIsFoundHoweverItIsHeaded() {
        for (String heading : List.of("Chỉ tiêu", "Mục tiêu", "Kết quả", "Kết quả phấn đấu", "Chỉ tiêu năm 2026", "Năm 2026",
                "Chỉ tiêu phấn đấu", "KẾT QUẢ CẦN ĐẠT")) {
            String planId = plan(2026, 2026);
            List<List<Object>> rows = new ArrayList<>();
            rows.add(header(heading));
            rows.add(row("A.", "Phát triển hạ tầng"));
            rows.add(row("1", "Tỷ lệ phủ sóng 5G trên địa bàn", "%", "≥ 50%", "Phòng Văn hóa - Xã hội", "", ""));
            rows.add(row("2", "Tỷ lệ văn bản xử lý trên môi trường điện tử", "%", "100% (trừ văn bản mật)", "Phòng Văn hóa - Xã hội", "", ""));
            preview(planId, book("Phụ lục", List.of(), rows)).then().statusCode(200).body("valid", equalTo(true))
                    .body("unusedColumns", empty())
                    .body("rows.find { it.row == 3 }.indicator.targets", org.hamcrest.Matchers.hasSize(1))
                    .body("rows.find { it.row == 3 }.indicator.targets[0].year", equalTo(2026))
                    .body("rows.find { it.row == 3 }.indicator.targets[0].kind", equalTo("PERCENT"))
                    .body("rows.find { it.row == 3 }.indicator.targets[0].wording", equalTo("≥ 50%"))
                    .body("rows.find { it.row == 4 }.indicator.targets[0].wording", equalTo("100% (trừ văn bản mật)"))
                    .body("rows.find { it.row == 4 }.indicator.targets[0].qualification", equalTo("trừ văn bản mật"))
                    .body("rows.find { it.row == 3 }.indicator.content", equalTo("Tỷ lệ phủ sóng 5G trên địa bàn"));
        }

        // "Chỉ tiêu" as the only name of the indicator column stays the content; then "Kết quả" is the target.
        String planId = plan(2026, 2026);
        List<List<Object>> rows = new ArrayList<>();
        rows.add(row("TT", "Chỉ tiêu", "ĐVT", "Kết quả", "Đơn vị chủ trì"));
        rows.add(row("1", "Tỷ lệ phủ sóng 5G trên địa bàn", "%", "≥ 50%", "Phòng Văn hóa - Xã hội"));
        preview(planId, book("Phụ lục", List.of(), rows)).then().statusCode(200).body("valid", equalTo(true))
                .body("rows.find { it.row == 2 }.indicator.content", equalTo("Tỷ lệ phủ sóng 5G trên địa bàn"))
                .body("rows.find { it.row == 2 }.indicator.targets[0].wording", equalTo("≥ 50%"));
    }

    @Test
    void oneTargetColumnForAPlanOfSeveralYearsHoldsTheTargetOfEachYear() {
        String planId = plan(2026, 2028);
        List<List<Object>> rows = new ArrayList<>();
        rows.add(header("Kết quả"));
        rows.add(row("1", "Tỷ lệ phủ sóng 5G trên địa bàn", "%", "≥ 50%", "Phòng Văn hóa - Xã hội", "", ""));
        byte[] sheet = book("Phụ lục", List.of(), rows);
        preview(planId, sheet).then().statusCode(200).body("valid", equalTo(true))
                .body("rows.find { it.row == 2 }.indicator.targets.year", equalTo(List.of(2026, 2027, 2028)))
                .body("rows.find { it.row == 2 }.indicator.targets.wording", everyItem(equalTo("≥ 50%")))
                .body("rows.find { it.row == 2 }.indicator.targets.kind", everyItem(equalTo("PERCENT")));

        // A span heading is the whole plan too; a column a year stays one a year.
        rows.set(0, header("Chỉ tiêu giai đoạn 2026 - 2028"));
        preview(planId, book("Phụ lục", List.of(), rows)).then().statusCode(200)
                .body("rows.find { it.row == 2 }.indicator.targets.year", equalTo(List.of(2026, 2027, 2028)));
        List<List<Object>> yearly = new ArrayList<>();
        yearly.add(row(HEADER_STT, CONTENT, "Đơn vị tính", "Năm 2026", "Năm 2027", "Năm 2028", "Đơn vị chủ trì"));
        yearly.add(row("1", "Tỷ lệ phủ sóng 5G trên địa bàn", "%", "≥ 50%", "≥ 70%", "≥ 90%", "Phòng Văn hóa - Xã hội"));
        preview(planId, book("Phụ lục", List.of(), yearly)).then().statusCode(200).body("valid", equalTo(true))
                .body("rows.find { it.row == 2 }.indicator.targets.wording", equalTo(List.of("≥ 50%", "≥ 70%", "≥ 90%")));
    }

    // ---- columns the reader cannot place ----

    @Test
    void aColumnWithContentTheReaderCannotPlaceIsListedAndItsCommitRefusedUntilAcknowledged() {
        String planId = plan(2026, 2027);
        List<List<Object>> rows = new ArrayList<>();
        rows.add(row(HEADER_STT, CONTENT, "Đơn vị tính", "Năm 2026", "Năm 2027", "Kết quả", "Đơn vị chủ trì", "Tiến độ", "", "Ghi chú"));
        rows.add(row("A.", "Phát triển hạ tầng"));
        rows.add(row("1", "Tỷ lệ phủ sóng 5G trên địa bàn", "%", "≥ 50%", "≥ 70%", "≥ 60%", "Phòng Văn hóa - Xã hội", "Quý IV", "x", ""));
        rows.add(row("2", "Tỷ lệ hộ gia đình có cáp quang", "%", "≥ 80%", "≥ 90%", "", "Phòng Kinh tế", "Quý II", "", ""));
        byte[] sheet = book("Phụ lục", List.of(), rows);

        preview(planId, sheet).then().statusCode(200).body("valid", equalTo(true))
                .body("unusedColumns.column", equalTo(List.of("F", "H", "I")))
                .body("unusedColumns.header", equalTo(java.util.Arrays.asList("Kết quả", "Tiến độ", null)))
                .body("unusedColumns.rows", equalTo(List.of(1, 2, 1)))
                .body("unusedColumns.firstCell", equalTo(List.of("F3", "H3", "I3")))
                .body("problems.findAll { it.code == 'import.unused-column' }.column", equalTo(List.of("F", "H", "I")))
                .body("problems.findAll { it.code == 'import.unused-column' }.severity", everyItem(equalTo("WARNING")))
                .body("rows.find { it.row == 3 }.indicator.targets.wording", equalTo(List.of("≥ 50%", "≥ 70%")));

        // The commit names every column and stores nothing.
        Api.refused(commit(planId, sheet, false).then(), 400, "import.unused-columns", "F").body("errors.field", equalTo(List.of("F", "H", "I")))
                .body("detail", org.hamcrest.Matchers.containsString("Tiến độ"));
        assertEquals(0, AppendixImportTest.indicatorCount(planId));
        assertEquals(List.of(), groupCodes(planId));

        // Acknowledged, it goes in without those columns.
        commit(planId, sheet, true).then().statusCode(200).body("items.created", equalTo(List.of("A.1", "A.2")))
                .body("unusedColumns.column", equalTo(List.of("F", "H", "I")));
        assertEquals(2, AppendixImportTest.indicatorCount(planId));

        // A second column of the same kind is not read either: it is named, not dropped.
        String other = plan(2026, 2026);
        List<List<Object>> twice = new ArrayList<>();
        twice.add(row(HEADER_STT, CONTENT, "Chỉ tiêu năm 2026", "Đơn vị chủ trì", "Ghi chú", "Ghi chú"));
        twice.add(row("1", "Tỷ lệ phủ sóng 5G trên địa bàn", "≥ 50%", "Phòng Văn hóa - Xã hội", "a", "b"));
        preview(other, book("Phụ lục", List.of(), twice)).then().statusCode(200).body("unusedColumns.column", equalTo(List.of("F")))
                .body("rows.find { it.row == 2 }.indicator.note", equalTo("a"));
        Api.refused(commit(other, book("Phụ lục", List.of(), twice), false).then(), 400, "import.unused-columns", "F");
        assertEquals(0, AppendixImportTest.indicatorCount(other));
    }

    // ---- shapes ----

    @Test
    void theUnitOfMeasureGivesABareNumberItsShapeAndTheWordingIsKept() {
        String planId = plan(2026, 2026);
        List<List<Object>> rows = new ArrayList<>();
        rows.add(header("Kết quả phấn đấu"));
        rows.add(row("A.", "Chỉ tiêu"));
        rows.add(row("1", "Tỷ lệ phủ sóng 5G", "%", 50, "Phòng Văn hóa - Xã hội"));
        rows.add(row("2", "Tỷ lệ hồ sơ được số hóa", "%", "100", "Phòng Văn hóa - Xã hội"));
        rows.add(row("3", "Chi ngân sách cho khoa học, công nghệ và chuyển đổi số", "% GRDP", "1", "Phòng Kinh tế"));
        rows.add(row("4", "Nhân lực nghiên cứu và phát triển", "người/vạn dân", "4", "Phòng Văn hóa - Xã hội"));
        rows.add(row("5", "Doanh nghiệp công nghệ số", "doanh nghiệp/1.000 dân", "≥ 1", "Phòng Kinh tế"));
        rows.add(row("6", "Chỉ số chuyển đổi số của xã", "Thứ bậc", "4", "Phòng Văn hóa - Xã hội"));
        rows.add(row("7", "Chỉ số chuyển đổi số của xã", "Xếp hạng", "≤ 10", "Phòng Văn hóa - Xã hội"));
        rows.add(row("8", "Tỷ lệ người dân có chữ ký số", "%", "≥ 50", "Phòng Văn hóa - Xã hội"));
        rows.add(row("9", "Số điểm hỗ trợ người dân", "Điểm", "≥ 01", "Phòng Văn hóa - Xã hội"));
        rows.add(row("10", "Phần mềm quản trị điều hành", "Đạt", "Đạt", "Phòng Văn hóa - Xã hội"));
        JsonPath p = preview(planId, book("Phụ lục", List.of(), rows)).then().statusCode(200).body("valid", equalTo(true))
                .body("problems", empty()).extract().jsonPath();
        Object[][] want = {
            {3, "PERCENT", "GE", 50, null, null, "50"},
            {4, "PERCENT", "EQ", 100, null, null, "100"},
            {5, "PERCENT", "GE", 1, null, "GRDP", "1"},
            {6, "RATIO", "GE", 4, 10000, "dân", "4"},
            {7, "RATIO", "GE", 1, 1000, "dân", "≥ 1"},
            {8, "RANK", "LE", 4, null, null, "4"},
            {9, "RANK", "LE", 10, null, null, "≤ 10"},
            {10, "PERCENT", "GE", 50, null, null, "≥ 50"},
            {11, "COUNT", "GE", 1, null, null, "≥ 01"},
            {12, "PASS_FAIL", null, null, null, null, "Đạt"}};
        for (Object[] w : want) {
            Map<String, Object> t = p.getMap("rows.find { it.row == " + w[0] + " }.indicator.targets[0]");
            assertEquals(w[1], t.get("kind"), "row " + w[0]);
            assertEquals(w[2], t.get("comparator"), "row " + w[0]);
            assertEquals(w[3], t.get("value") == null ? null : ((Number) t.get("value")).intValue(), "row " + w[0]);
            assertEquals(w[4], t.get("per") == null ? null : ((Number) t.get("per")).intValue(), "row " + w[0]);
            assertEquals(w[5], t.get("basis"), "row " + w[0]);
            assertEquals(w[6], t.get("wording"), "row " + w[0]);
        }
    }

    // ---- lead cells ----

    @Test
    void aLeadCellNamingSeveralUnitsLeadsWithTheFirstAndTheOthersCooperate() {
        String planId = plan(2026, 2026);
        List<List<Object>> rows = new ArrayList<>();
        rows.add(header("Chỉ tiêu năm 2026"));
        rows.add(row("A.", "Chỉ tiêu"));
        rows.add(row("1", "Chỉ tiêu 1", "%", "≥ 50%", "Phòng Văn hóa - Xã hội, Công an xã", "Các đơn vị viễn thông"));
        rows.add(row("2", "Chỉ tiêu 2", "%", "≥ 50%", "Phòng Kinh tế. Trạm Y tế xã"));
        rows.add(row("3", "Chỉ tiêu 3", "%", "≥ 50%", "Công an xã và Phòng Kinh tế"));
        rows.add(row("4", "Chỉ tiêu 4", "%", "≥ 50%", "Trạm Y tế xã & Phòng Kinh tế; Công an xã"));
        rows.add(row("5", "Chỉ tiêu 5", "%", "≥ 50%", "Phòng Kinh tế\nCông an xã"));
        rows.add(row("6", "Chỉ tiêu 6", "%", "≥ 50%", "Văn phòng HĐND& UBND xã"));
        rows.add(row("7", "Chỉ tiêu 7", "%", "≥ 50%", "Các cơ quan, đơn vị", "Phòng Văn hóa - Xã hội"));
        rows.add(row("8", "Chỉ tiêu 8", "%", "≥ 50%", "Phòng Văn hóa - Xã hội và Văn phòng HĐND&UBND"));
        JsonPath p = preview(planId, book("Phụ lục", List.of(), rows)).then().statusCode(200).body("valid", equalTo(true))
                .body("problems.code", everyItem(equalTo("import.lead-several")))
                .body("problems.findAll { it.code == 'import.lead-several' }.cell", equalTo(List.of("E3", "E4", "E5", "E6", "E7", "E10")))
                .body("problems.severity", everyItem(equalTo("WARNING")))
                .extract().jsonPath();
        String x = "DNAI.XUANLOC.";
        Object[][] want = {
            {3, x + "VHXH", List.of(x + "CA", x + "VIENTHONG"), "Phòng Văn hóa - Xã hội, Công an xã"},
            {4, x + "KT", List.of(x + "YTE"), "Phòng Kinh tế. Trạm Y tế xã"},
            {5, x + "CA", List.of(x + "KT"), "Công an xã và Phòng Kinh tế"},
            {6, x + "YTE", List.of(x + "KT", x + "CA"), "Trạm Y tế xã & Phòng Kinh tế; Công an xã"},
            {7, x + "KT", List.of(x + "CA"), "Phòng Kinh tế; Công an xã"},
            {8, x + "VP", List.of(), null},
            {9, x + "COQUAN", List.of(x + "VHXH"), "Các cơ quan, đơn vị"},
            {10, x + "VHXH", List.of(x + "VP"), "Phòng Văn hóa - Xã hội và Văn phòng HĐND&UBND"}};
        for (Object[] w : want) {
            String at = "rows.find { it.row == " + w[0] + " }.indicator.";
            assertEquals(w[1], p.getString(at + "leadUnit.code"), "row " + w[0]);
            assertEquals(w[2], p.getList(at + "cooperatingUnits.code"), "row " + w[0]);
            assertEquals(w[3], p.getString(at + "leadWording"), "row " + w[0]);
        }

        // Split only where every piece names a unit: otherwise the whole name is looked for, and reported whole.
        List<List<Object>> unknown = new ArrayList<>(rows.subList(0, 2));
        unknown.add(row("1", "Chỉ tiêu 1", "%", "≥ 50%", "Các cơ quan, đơn vị, phòng ban"));
        preview(planId, book("Phụ lục", List.of(), unknown)).then().statusCode(200).body("valid", equalTo(false))
                .body("problems.find { it.code == 'import.unit-unknown' }.detail", org.hamcrest.Matchers.containsString("'Các cơ quan, đơn vị, phòng ban'"))
                .body("problems.find { it.code == 'import.unit-unknown' }.candidates.code", hasItem(x + "COQUAN"));
        // A unit whose own name holds the separators is found whole.
        String xuanLoc = Api.unitId("DNAI.XUANLOC");
        String code = Api.code("XL.PB");
        Api.createUnit(code, "Các cơ quan, đơn vị, phòng ban", "UNIT_GROUP", xuanLoc);
        preview(planId, book("Phụ lục", List.of(), unknown)).then().statusCode(200).body("valid", equalTo(true))
                .body("rows.find { it.row == 3 }.indicator.leadUnit.code", equalTo(code))
                .body("problems", empty());
    }

    // ---- unit names ----

    @Test
    void unitNamesAreFoundAsDocumentsWriteThemInsideAndAboveTheIssuer() {
        String planId = plan(2026, 2026);
        String x = "DNAI.XUANLOC.";
        Object[][] names = {
            {"Phòng VH&XH", x + "VHXH"}, {"Phòng VH-XH", x + "VHXH"}, {"phòng vh - xh xã", x + "VHXH"}, {"PHÒNG VĂN HOÁ XÃ HỘI", x + "VHXH"},
            {"TTPVHCC", x + "TTPVHCC"}, {"TT PVHCC xã", x + "TTPVHCC"}, {"Trung tâm phục vụ Hành chính công xã", x + "TTPVHCC"},
            {"VP HĐND&UBND", x + "VP"}, {"Văn phòng HĐND & UBND xã", x + "VP"}, {"Văn phòng Hội đồng nhân dân và Ủy ban nhân dân", x + "VP"},
            {"UBND xã", "DNAI.XUANLOC"}, {"UBND tỉnh", "DNAI"}, {"Ủy ban nhân dân xã Xuân Lộc", "DNAI.XUANLOC"},
            {"CÔNG  AN   XÃ", x + "CA"}, {"Công an", x + "CA"}, {"cac  ngan hang tren dia ban", x + "NGANHANG"},
            // The province's own departments, above the commune that issues the plan.
            {"Sở KH & CN", "DNAI.SKHCN"}, {"Sở KH&CN", "DNAI.SKHCN"}, {"Sở Khoa học và Công nghệ", "DNAI.SKHCN"}, {"Công an tỉnh", "DNAI.CA"}};
        List<List<Object>> rows = new ArrayList<>();
        rows.add(header("Chỉ tiêu năm 2026"));
        rows.add(row("A.", "Chỉ tiêu"));
        for (int i = 0; i < names.length; i++) {
            rows.add(row(String.valueOf(i + 1), "Chỉ tiêu " + (i + 1), "%", "≥ 50%", names[i][0]));
        }
        rows.get(2).add("Sở KH & CN; Phòng VH&XH");
        byte[] sheet = book("Phụ lục", List.of(), rows);

        // A province coordinator names them all.
        JsonPath p = AppendixImportTest.send("province", planId, sheet, true, null).then().statusCode(200)
                .body("problems", empty()).body("valid", equalTo(true)).extract().jsonPath();
        for (int i = 0; i < names.length; i++) {
            assertEquals(names[i][1], p.getString("rows.find { it.row == " + (i + 3) + " }.indicator.leadUnit.code"), (String) names[i][0]);
        }
        assertEquals(List.of("DNAI.SKHCN"), p.getList("rows.find { it.row == 3 }.indicator.cooperatingUnits.code"));
        Api.as("province").contentType(Sheets.XLSX).body(sheet).queryParam("dryRun", false).header("If-Match", AppendixImportTest.planTag(planId))
                .post("/api/v1/plans/" + planId + "/appendix/imports").then().statusCode(200).body("items.created", org.hamcrest.Matchers.hasSize(20));
        Api.json().queryParam("size", 100).get("/api/v1/plans/" + planId + "/indicators").then().statusCode(200)
                .body("items.find { it.code == 'A.1' }.cooperatingUnits.code", equalTo(List.of("DNAI.SKHCN")))
                .body("items.find { it.code == 'A.17' }.leadUnit.code", equalTo("DNAI.SKHCN"));

        // The commune's coordinator sees the same units found, and is told which ones lie outside the account's units.
        String other = plan(2026, 2026);
        preview(other, sheet).then().statusCode(200).body("valid", equalTo(false))
                .body("rows.find { it.row == 19 }.indicator.leadUnit.code", equalTo("DNAI.SKHCN"))
                .body("problems.code", everyItem(equalTo("import.unit-out-of-scope")))
                .body("problems.cell", equalTo(List.of("F3", "E19", "E20", "E21", "E22")));
        Api.refused(commit(other, sheet, false).then(), 400, "import.invalid", "E19");
        assertEquals(0, AppendixImportTest.indicatorCount(other));
    }
}
