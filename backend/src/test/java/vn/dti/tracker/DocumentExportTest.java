package vn.dti.tracker;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * Documents out: the templates, a plan's appendix that imports back with no change, and the consolidated report as a
 * Word document in the form officials sign, as PDF and as a workbook, read back with the libraries that open them.
 */
@QuarkusTest
class DocumentExportTest {

    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    static byte[] download(String who, String path, String mediaType) {
        Response r = Api.as(who).accept("*/*").get(path);
        r.then().statusCode(200).contentType(mediaType).header("Content-Disposition", containsString("attachment; filename="));
        return r.asByteArray();
    }

    @Test
    void theTemplatesHaveTheColumnsTheImportReads() {
        Response r = Api.as("viewer").accept("*/*").queryParam("startYear", 2026).queryParam("endYear", 2030)
                .get("/api/v1/document-templates/indicators.xlsx");
        r.then().statusCode(200).contentType(Sheets.XLSX)
                .header("Content-Disposition", equalTo("attachment; filename=\"Mau phu luc chi tieu.xlsx\"; "
                        + "filename*=UTF-8''M%E1%BA%ABu%20ph%E1%BB%A5%20l%E1%BB%A5c%20ch%E1%BB%89%20ti%C3%AAu.xlsx"));
        List<String> header = Sheets.read(r.asByteArray()).get(2);
        assertEquals(List.of("STT", "Nội dung chỉ tiêu", "Đơn vị tính", "Chỉ tiêu phấn đấu năm 2026", "Chỉ tiêu phấn đấu năm 2027",
                "Chỉ tiêu phấn đấu năm 2028", "Chỉ tiêu phấn đấu năm 2029", "Chỉ tiêu phấn đấu năm 2030", "Hiện trạng", "Đơn vị chủ trì",
                "Đơn vị phối hợp", "Ghi chú", "Mã chỉ tiêu"), header);
        List<String> tasks = Sheets.read(download("reporter", "/api/v1/document-templates/tasks.xlsx", Sheets.XLSX)).get(2);
        assertEquals(List.of("STT", "Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Sản phẩm", "Thời gian thực hiện", "Ghi chú",
                "Mã nhiệm vụ"), tasks);
        Api.refused(Api.as("viewer").accept("*/*").queryParam("startYear", 2030).queryParam("endYear", 2026)
                .get("/api/v1/document-templates/indicators.xlsx").then(), 400, "template.years-invalid", "endYear");
    }

    @Test
    void aPlansAppendixExportsAndImportsBackWithNoChange() {
        // The three demo plans, indicators and tasks: a single year, five years with baselines and ratios, several lead units.
        for (String[] plan : List.of(new String[] {"XUANLOC-CDS-2026", "commune"}, new String[] {"DNAI-KH154-2026", "province"},
                new String[] {"PHULAM-DTI-2026-2030", "province"})) {
            String planId = Api.planId(plan[0]);
            for (String part : List.of("INDICATORS", "TASKS")) {
                byte[] file = download(plan[1], "/api/v1/plans/" + planId + "/appendix?part=" + part,
                        Sheets.XLSX);
                AppendixImportTest.send(plan[1], planId, file, true, part).then().statusCode(200)
                        .body("valid", equalTo(true)).body("problems", empty())
                        .body("items.created", empty()).body("items.updated", empty()).body("items.removed", empty())
                        .body("groups.created", empty()).body("groups.updated", empty()).body("groups.removed", empty())
                        .body("rows.findAll { it.kind == 'ITEM' }.action", everyItem(equalTo("UNCHANGED")));
            }
        }
        List<List<String>> sheet = Sheets.read(download("viewer", "/api/v1/plans/" + Api.planId("XUANLOC-CDS-2026") + "/appendix",
                Sheets.XLSX));
        assertEquals("A. Phát triển hạ tầng", sheet.get(3).get(0));
        assertEquals(List.of("1", "Tỷ lệ phủ sóng 5G trên địa bàn", "%", "≥ 50%", "", "Phòng Văn hóa - Xã hội", "Các đơn vị viễn thông", "",
                "A.1"), sheet.get(4));
        Api.refused(Api.as("commune").accept("*/*").get("/api/v1/plans/" + Api.planId("PHULAM-DTI-2026-2030") + "/appendix").then(),
                404, "plan.not-found", null);
    }

    /** A commune plan from the seed's appendix, with one accepted report, signed by the plan's signer. */
    static String reportedPlan() {
        Map<String, Object> body = Api.issued(Api.planBody(Api.code("XLREPORT"), Api.unitId("DNAI.XUANLOC"), 2026, 2026));
        body.put("signerName", "Thân Anh Thiết");
        body.put("signerTitle", "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH");
        body.put("documentNumber", "45/KH-UBND");
        @SuppressWarnings("unchecked")
        Map<String, Object> regime = (Map<String, Object>) body.get("reportingRegime");
        regime.put("recipientUnitId", Api.unitId("DNAI.SKHCN"));
        String planId = Api.createPlan(body);
        AppendixImportTest.send("commune", planId, Sheets.xlsx(Sheets.xuanLocAppendix(), 0), false, null).then().statusCode(200);
        String indicator = Api.json().queryParam("size", 100).get("/api/v1/plans/" + planId + "/indicators").then().statusCode(200)
                .extract().path("items.find { it.code == 'C.6' }.id");
        Map<String, Object> report = new java.util.HashMap<>(Map.of("periodKey", "2026-03", "indicatorId", indicator,
                "value", Map.of("number", 72.5), "difficulties", "Đường truyền tại 3 ấp chưa ổn định"));
        Response draft = Api.as("reporter").body(report).post("/api/v1/reports");
        draft.then().statusCode(201);
        Response submitted = Api.as("reporter").header("If-Match", draft.getHeader("ETag"))
                .post("/api/v1/reports/" + draft.path("id") + "/submit");
        submitted.then().statusCode(200);
        Api.as("commune").header("If-Match", submitted.getHeader("ETag")).body(Map.of())
                .post("/api/v1/reports/" + draft.path("id") + "/accept").then().statusCode(200);
        return planId;
    }

    @Test
    void theConsolidatedReportIsAnOfficialDocumentInWordPdfAndExcel() throws Exception {
        String planId = reportedPlan();
        String base = "/api/v1/plans/" + planId + "/periods/2026-03/documents/consolidated";

        // Word: the national header, the issuing body, the title, the indicator table, the signer, in Times New Roman.
        byte[] docx = download("reporter", base + ".docx", DOCX);
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx))) {
            XWPFTable heading = doc.getTables().get(0);
            String left = heading.getRow(0).getCell(0).getText();
            String right = heading.getRow(0).getCell(1).getText();
            assertTrue(left.contains("ỦY BAN NHÂN DÂN") && left.contains("XÃ XUÂN LỘC") && left.contains("Số:") && left.contains("/BC-UBND"), left);
            assertTrue(right.contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM") && right.contains("Độc lập - Tự do - Hạnh phúc")
                    && right.contains("Xuân Lộc, ngày "), right);
            List<String> paragraphs = doc.getParagraphs().stream().map(XWPFParagraph::getText).toList();
            assertTrue(paragraphs.contains("BÁO CÁO"), paragraphs.toString());
            assertTrue(paragraphs.stream().anyMatch(p -> p.startsWith("Thực hiện Kế hoạch số 45/KH-UBND")), paragraphs.toString());
            assertTrue(paragraphs.stream().anyMatch(p -> p.contains("Đường truyền tại 3 ấp chưa ổn định")), paragraphs.toString());
            XWPFTable indicators = doc.getTables().get(1);
            assertEquals(1 + 3 + 30, indicators.getRows().size());
            assertEquals(List.of("STT", "Nội dung chỉ tiêu", "Đơn vị tính", "Chỉ tiêu năm", "Kết quả thực hiện", "Tình trạng", "Đơn vị chủ trì"),
                    texts(indicators.getRow(0)));
            assertEquals("A. Phát triển hạ tầng", indicators.getRow(1).getCell(0).getText());
            assertEquals(List.of("1", "Tỷ lệ phủ sóng 5G trên địa bàn", "%", "≥ 50%", "", "Chưa báo cáo", "Phòng Văn hóa - Xã hội"),
                    texts(indicators.getRow(2)));
            XWPFTableRow c6 = indicators.getRows().stream().filter(r -> r.getTableCells().size() > 1 && r.getCell(1).getText().equals("Tỷ lệ hồ sơ thủ tục hành chính xử lý trực tuyến"))
                    .findFirst().orElseThrow();
            assertEquals(List.of("6", "Tỷ lệ hồ sơ thủ tục hành chính xử lý trực tuyến", "%", "95%", "72,5%", "Chậm tiến độ",
                    "Trung tâm Phục vụ hành chính công"), texts(c6));
            XWPFTable closing = doc.getTables().get(doc.getTables().size() - 1);
            assertTrue(closing.getRow(0).getCell(0).getText().contains("Nơi nhận:"));
            assertTrue(closing.getRow(0).getCell(0).getText().contains("Sở Khoa học và Công nghệ (b/c);"));
            String signer = closing.getRow(0).getCell(1).getText();
            assertTrue(signer.contains("KT. CHỦ TỊCH") && signer.contains("PHÓ CHỦ TỊCH") && signer.contains("Thân Anh Thiết"), signer);
            Set<String> fonts = new HashSet<>();
            doc.getParagraphs().forEach(p -> p.getRuns().stream().map(XWPFRun::getFontFamily).forEach(fonts::add));
            assertEquals(Set.of("Times New Roman"), fonts);
        }

        // PDF: the same document, its Vietnamese text extractable, its fonts embedded.
        byte[] pdf = download("viewer", base + ".pdf", "application/pdf");
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            // Words of a cell that wraps are on separate lines; read as one line of text.
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
            for (String expected : List.of("ỦY BAN NHÂN DÂN", "XÃ XUÂN LỘC", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                    "BÁO CÁO", "A. Phát triển hạ tầng", "Tỷ lệ phủ sóng 5G trên địa bàn", "72,5%", "Chậm tiến độ",
                    "Trung tâm Phục vụ hành chính công", "Nơi nhận:", "KT. CHỦ TỊCH", "Thân Anh Thiết")) {
                assertTrue(text.contains(expected), expected + " in\n" + text);
            }
            for (PDPage page : doc.getPages()) {
                for (var name : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(name);
                    assertTrue(font.isEmbedded() && font.getName().contains("LiberationSerif"), font.getName());
                }
            }
            // The first and the last page as a person sees them, to be looked at, beside the files themselves.
            Path dir = Path.of("target", "documents");
            Files.createDirectories(dir);
            ImageIO.write(new PDFRenderer(doc).renderImageWithDPI(0, 110), "png", dir.resolve("consolidated-report-page-1.png").toFile());
            ImageIO.write(new PDFRenderer(doc).renderImageWithDPI(doc.getNumberOfPages() - 1, 110), "png",
                    dir.resolve("consolidated-report-last-page.png").toFile());
            Files.write(dir.resolve("consolidated-report.pdf"), pdf);
            Files.write(dir.resolve("consolidated-report.docx"), docx);
        }

        // Excel: the appendix table with results, statuses and lead units; the header frozen and filtered.
        byte[] xlsx = download("province", base + ".xlsx", Sheets.XLSX);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            XSSFSheet sheet = wb.getSheetAt(0);
            assertTrue(sheet.getPaneInformation().isFreezePane());
            assertEquals(4, sheet.getPaneInformation().getHorizontalSplitTopRow());
            assertTrue(sheet.getCTWorksheet().isSetAutoFilter());
            assertEquals("A4:P34", sheet.getCTWorksheet().getAutoFilter().getRef());
            // Results are numbers a person can sum: a percentage as a fraction under a % format (72,5% in a Vietnamese
            // spreadsheet), counts as whole numbers; the period in words.
            org.apache.poi.ss.usermodel.Row c6 = java.util.stream.StreamSupport.stream(sheet.spliterator(), false)
                    .filter(r -> r.getCell(2) != null && "C.6".equals(r.getCell(2).getStringCellValue())).findFirst().orElseThrow();
            assertEquals(org.apache.poi.ss.usermodel.CellType.NUMERIC, c6.getCell(6).getCellType());
            assertEquals(0.725, c6.getCell(6).getNumericCellValue(), 1e-9);
            assertEquals("0.0%", c6.getCell(6).getCellStyle().getDataFormatString());
            assertEquals(org.apache.poi.ss.usermodel.CellType.NUMERIC, c6.getCell(13).getCellType());
            assertEquals("tháng 3/2026", c6.getCell(9).getStringCellValue());
        }
        List<List<String>> rows = Sheets.read(xlsx);
        List<String> c6 = rows.stream().filter(r -> r.size() > 2 && r.get(2).equals("C.6")).findFirst().orElseThrow();
        assertEquals(List.of("C. Phát triển chuyển đổi số", "6", "C.6", "Tỷ lệ hồ sơ thủ tục hành chính xử lý trực tuyến", "%", "95%"),
                c6.subList(0, 6));
        assertEquals(List.of("Chậm tiến độ", "Trung tâm Phục vụ hành chính công", "tháng 3/2026", "", "Đường truyền tại 3 ấp chưa ổn định", "", "0"),
                c6.subList(7, 14));
        assertEquals(30, rows.stream().filter(r -> r.size() > 2 && r.get(2).matches("[ABC]\\.\\d+")).count());
    }

    /**
     * A province's plan carried out by two communes: Xuân Lộc reports 1,450 of 2,000 files online for the province's
     * rate and sends its report up after the deadline; Phú Lâm sends nothing. The province's view and its report say
     * both: the rate summed from the communes' counts, and who sent what when.
     */
    @Test
    void aProvinceReportSumsItsCommunesResultsAndSaysWhoSentTheirs() throws Exception {
        Map<String, Object> provincePlan = Api.planBody(Api.code("DNROLL"), Api.unitId("DNAI"), 2026, 2026);
        provincePlan.put("status", "ISSUED");
        provincePlan.put("documentNumber", "154/KH-UBND");
        provincePlan.put("issueDate", "2026-01-15");
        String province = Api.createPlan(provincePlan);
        Map<String, Object> rate = Api.indicatorBody("C.1", Api.createGroup(province, "INDICATOR", "C"), Api.unitId("DNAI.SKHCN"),
                List.of(Api.target(2026, "PERCENT", "GE", 80, "≥ 80%")));
        rate.put("content", "Tỷ lệ hồ sơ xử lý trực tuyến toàn trình");
        String provinceRate = Api.json().body(rate).post("/api/v1/plans/" + province + "/indicators").then().statusCode(201).extract().path("id");

        String xuanLoc = communePlan(province, "DNAI.XUANLOC");
        Map<String, Object> fed = Api.indicatorBody("C.1", Api.createGroup(xuanLoc, "INDICATOR", "C"), Api.unitId("DNAI.XUANLOC.TTPVHCC"),
                List.of(Api.target(2026, "PERCENT", "GE", 80, "≥ 80%")));
        fed.put("capturedAsFraction", true);
        fed.put("contributesToId", provinceRate);
        String communeRate = Api.json().body(fed).post("/api/v1/plans/" + xuanLoc + "/indicators").then().statusCode(201).extract().path("id");
        communePlan(province, "DNAI.PHULAM");

        Response draft = Api.as("reporter").body(Map.of("periodKey", "2026-03", "indicatorId", communeRate,
                "value", Map.of("numerator", 1450, "denominator", 2000))).post("/api/v1/reports");
        draft.then().statusCode(201);
        Response submitted = Api.as("reporter").header("If-Match", draft.getHeader("ETag")).post("/api/v1/reports/" + draft.path("id") + "/submit");
        Api.as("commune").header("If-Match", submitted.getHeader("ETag")).body(Map.of()).post("/api/v1/reports/" + draft.path("id") + "/accept")
                .then().statusCode(200);
        String period = "/api/v1/plans/" + xuanLoc + "/periods/2026-03";
        Api.as("commune").header("If-Match", Api.as("commune").get(period).getHeader("ETag")).body(Map.of()).post(period + "/send-up")
                .then().statusCode(200);

        // The province's view: both communes, one sent late, one not at all; the rate from the counts.
        JsonPath overview = Api.as("province").get("/api/v1/plans/" + province + "/periods/2026-03/overview").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(List.of("DNAI.PHULAM", "DNAI.XUANLOC"), overview.getList("plans.issuingUnit.code"));
        assertEquals(List.of(true, true), overview.getList("plans.late"));
        assertEquals(null, overview.getString("plans[0].sentUpAt"));
        assertTrue(overview.getString("plans[1].sentUpAt") != null);
        assertEquals("2026-03-25", overview.getString("plans[1].consolidationDeadline"));
        assertEquals("SUM_FRACTIONS", overview.getString("rollups[0].method"));
        assertEquals(72.5f, overview.getFloat("rollups[0].value"));
        assertEquals(1, overview.getInt("rollups[0].reported"));
        assertEquals(1, overview.getInt("rollups[0].feeding"));
        // Results are cumulative: April, with nothing new, still has March's figure; February has none yet.
        Api.as("province").get("/api/v1/plans/" + province + "/periods/2026-04/overview").then().statusCode(200)
                .body("rollups[0].value", equalTo(72.5f)).body("rollups[0].reported", equalTo(1));
        Api.as("province").get("/api/v1/plans/" + province + "/periods/2026-02/overview").then().statusCode(200)
                .body("rollups[0].value", equalTo(null)).body("rollups[0].reported", equalTo(0));
        Api.as("commune").get("/api/v1/plans/" + xuanLoc + "/periods/2026-04/consolidated").then().statusCode(200)
                .body("indicators[0].reportPeriodKey", equalTo("2026-03")).body("indicators[0].value.numerator", equalTo(1450));

        String base = "/api/v1/plans/" + province + "/periods/2026-03/documents/consolidated";
        java.time.LocalDate sentDay = java.time.OffsetDateTime.parse(overview.getString("plans[1].sentUpAt"))
                .atZoneSameInstant(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).toLocalDate();
        String sentOn = sentDay.getDayOfMonth() + "/" + sentDay.getMonthValue() + "/" + sentDay.getYear();
        String status = Map.of("ON_TRACK", "Đúng tiến độ", "AT_RISK", "Có nguy cơ chậm", "OFF_TRACK", "Chậm tiến độ", "MET", "Đạt")
                .get(overview.getString("rollups[0].status"));
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(download("province", base + ".docx", DOCX)))) {
            List<String> paragraphs = doc.getParagraphs().stream().map(XWPFParagraph::getText).toList();
            // The plan has no tasks: indicators, the sums, the communes, the province's own units, difficulties.
            assertTrue(paragraphs.contains("II. KẾT QUẢ TỔNG HỢP TỪ CÁC ĐƠN VỊ THỰC HIỆN"), paragraphs.toString());
            assertTrue(paragraphs.contains("III. TÌNH HÌNH GỬI BÁO CÁO CỦA CÁC XÃ, PHƯỜNG"), paragraphs.toString());
            assertTrue(paragraphs.contains("IV. TÌNH HÌNH BÁO CÁO CỦA CÁC ĐƠN VỊ"), paragraphs.toString());
            assertTrue(paragraphs.contains("Có 2 đơn vị thực hiện kế hoạch; đã gửi báo cáo: 1 (đúng hạn 0, trễ hạn 1); chưa gửi: 1."),
                    paragraphs.toString());
            XWPFTable rollups = table(doc, List.of("STT", "Chỉ tiêu", "Chỉ tiêu năm", "Kết quả tổng hợp", "Số đơn vị đã báo cáo", "Tình trạng"));
            assertEquals(List.of("1", "Tỷ lệ hồ sơ xử lý trực tuyến toàn trình", "≥ 80%", "1.450/2.000 (72,5%)", "1/1", status),
                    texts(rollups.getRow(1)));
            XWPFTable communes = table(doc, List.of("STT", "Đơn vị", "Hạn gửi", "Ngày gửi báo cáo", "Ghi chú", "Đạt, đúng tiến độ",
                    "Chậm, có nguy cơ, không đạt", "Chưa báo cáo"));
            assertEquals(3, communes.getRows().size());
            assertEquals(List.of("1", "Xã Phú Lâm", "25/3/2026", "", "Chưa gửi, đã quá hạn", "0", "0", "0"), texts(communes.getRow(1)));
            assertEquals(List.of("2", "Xã Xuân Lộc", "25/3/2026", sentOn, "Gửi trễ hạn"), texts(communes.getRow(2)).subList(0, 5));
        }
        byte[] pdf = download("province", base + ".pdf", "application/pdf");
        String text;
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
            // The pages as a person sees them, to be looked at.
            Path dir = Path.of("target", "documents");
            Files.createDirectories(dir);
            for (int page = 0; page < doc.getNumberOfPages(); page++) {
                ImageIO.write(new PDFRenderer(doc).renderImageWithDPI(page, 110), "png", dir.resolve("province-report-page-" + (page + 1) + ".png").toFile());
            }
        }
        for (String expected : List.of("TÌNH HÌNH GỬI BÁO CÁO CỦA CÁC XÃ, PHƯỜNG", "1.450/2.000 (72,5%)", "Xã Phú Lâm", "Chưa gửi, đã quá hạn")) {
            assertTrue(text.contains(expected), expected + " in\n" + text);
        }
        byte[] xlsx = download("province", base + ".xlsx", Sheets.XLSX);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            assertEquals(List.of("Báo cáo", "Tổng hợp", "Xã, phường"), java.util.stream.IntStream.range(0, wb.getNumberOfSheets())
                    .mapToObj(wb::getSheetName).toList());
            XSSFSheet communes = wb.getSheet("Xã, phường");
            assertEquals("Xã Xuân Lộc", communes.getRow(4).getCell(1).getStringCellValue());
            assertEquals("Gửi trễ hạn", communes.getRow(4).getCell(4).getStringCellValue());
            assertEquals(2, communes.getRow(4).getCell(0).getNumericCellValue());
            // The deadline is a date cell, shown dd/mm/yyyy.
            assertEquals(java.time.LocalDate.of(2026, 3, 25), communes.getRow(4).getCell(2).getLocalDateTimeCellValue().toLocalDate());
            assertEquals("dd/mm/yyyy", communes.getRow(4).getCell(2).getCellStyle().getDataFormatString());
        }
        // A commune reads its province's plan, but sees only its own plan among those carrying it out: its download has
        // no sums and no list of communes, rather than its own share presented as the province's total.
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(download("commune", base + ".docx", DOCX)))) {
            List<String> paragraphs = doc.getParagraphs().stream().map(XWPFParagraph::getText).toList();
            assertTrue(paragraphs.contains("I. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU"), paragraphs.toString());
            assertTrue(paragraphs.stream().noneMatch(p -> p.contains("XÃ, PHƯỜNG") || p.contains("TỔNG HỢP TỪ")), paragraphs.toString());
        }
        // A commune's own report has no such sections: nobody carries its plan out.
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(download("commune",
                "/api/v1/plans/" + xuanLoc + "/periods/2026-03/documents/consolidated.docx", DOCX)))) {
            assertTrue(doc.getParagraphs().stream().noneMatch(p -> p.getText().contains("XÃ, PHƯỜNG")));
        }
    }

    private static String communePlan(String parent, String commune) {
        Map<String, Object> body = Api.issued(Api.planBody(Api.code("XAROLL"), Api.unitId(commune), 2026, 2026));
        body.put("parentPlanId", parent);
        return Api.createPlan(body);
    }

    private static XWPFTable table(XWPFDocument doc, List<String> headers) {
        return doc.getTables().stream().filter(t -> t.getRows().size() > 0 && texts(t.getRow(0)).equals(headers)).findFirst()
                .orElseThrow(() -> new AssertionError("no table headed " + headers));
    }

    @Test
    void reportsAreReadByWhoeverReadsTheConsolidatedReport() {
        String phuLam = Api.planId("PHULAM-DTI-2026-2030");
        Api.refused(Api.as("commune").accept("*/*").get("/api/v1/plans/" + phuLam + "/periods/2026-03/documents/consolidated.docx").then(),
                404, "plan.not-found", null);
        Api.refused(Api.as("reporter").accept("*/*").get("/api/v1/plans/" + phuLam + "/periods/2026-03/documents/consolidated.pdf").then(),
                404, "plan.not-found", null);
        download("province", "/api/v1/plans/" + phuLam + "/periods/2026-03/documents/consolidated.pdf", "application/pdf");
        Api.refused(Api.as("province").accept("*/*").get("/api/v1/plans/" + phuLam + "/periods/2026-13/documents/consolidated.xlsx").then(),
                404, "period.not-found", null);
    }

    static List<String> texts(XWPFTableRow row) {
        List<String> out = new ArrayList<>();
        row.getTableCells().forEach(c -> out.add(c.getText()));
        return out;
    }
}
