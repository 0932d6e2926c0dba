package vn.dti.tracker;

import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;

/**
 * Importing a plan's appendix from Excel: the Xuân Lộc appendix, built from the seed document's table, becomes
 * exactly the indicators of the demo data; the preview tells every row and every problem; a commit is all or
 * nothing; the same sheet again changes nothing; bad workbooks are refused clearly; only the plan's coordinators import.
 */
@QuarkusTest
class AppendixImportTest {

    static String newXuanLocPlan(int start, int end) {
        return Api.createPlan(Api.planBody(Api.code("XLIMPORT"), Api.unitId("DNAI.XUANLOC"), start, end));
    }

    static Response send(String who, String planId, byte[] sheet, boolean dryRun, String part) {
        var request = Api.as(who).contentType(Sheets.XLSX).body(sheet).queryParam("dryRun", dryRun);
        if (!dryRun) {
            // A commit names the plan as its preview read it; the export's ETag is the same tag.
            request.header("If-Match", planTag(planId));
        }
        if (part != null) {
            request.queryParam("part", part);
        }
        return request.post("/api/v1/plans/" + planId + "/appendix/imports");
    }

    static String planTag(String planId) {
        return Api.json().get("/api/v1/plans/" + planId + "/bundle").then().statusCode(200).extract().header("ETag");
    }

    static int indicatorCount(String planId) {
        return Api.json().get("/api/v1/plans/" + planId + "/indicators").then().statusCode(200).extract().path("totalItems");
    }

    @Test
    void aCommitNamesThePlanAsItsPreviewReadIt() throws Exception {
        String planId = newXuanLocPlan(2026, 2026);
        byte[] sheet = Sheets.xlsx(Sheets.xuanLocAppendix(), 0);
        String previewed = send("commune", planId, sheet, true, null).then().statusCode(200).extract().path("etag");
        Api.refused(Api.as("commune").contentType(Sheets.XLSX).body(sheet).queryParam("dryRun", false)
                .post("/api/v1/plans/" + planId + "/appendix/imports").then(), 428, "request.if-match-required", "If-Match");

        // Someone adds a group after the preview: the commit from that preview is refused and their group stays.
        Api.createGroup(planId, "INDICATOR", "Z");
        String current = planTag(planId);
        Api.refused(Api.as("commune").contentType(Sheets.XLSX).body(sheet).queryParam("dryRun", false).header("If-Match", previewed)
                .post("/api/v1/plans/" + planId + "/appendix/imports").then(), 412, "conflict.stale-version", null).header("ETag", current);
        assertEquals(0, indicatorCount(planId));
        Api.json().get("/api/v1/plans/" + planId + "/groups").then().body("code", hasItem("Z"));

        // Previewed again, the commit goes through and answers the plan's new tag.
        String again = send("commune", planId, sheet, true, null).then().statusCode(200).body("etag", equalTo(current)).extract().path("etag");
        String after = Api.as("commune").contentType(Sheets.XLSX).body(sheet).queryParam("dryRun", false).header("If-Match", again)
                .post("/api/v1/plans/" + planId + "/appendix/imports").then().statusCode(200).extract().path("etag");
        assertEquals(planTag(planId), after);
        assertEquals(30, indicatorCount(planId));
    }

    @Test
    void theXuanLocAppendixBecomesTheIndicatorsOfTheDemoData() throws Exception {
        String planId = newXuanLocPlan(2026, 2026);
        List<List<String>> table = new ArrayList<>(Sheets.xuanLocAppendix());
        // What follows the table in the document: the signer, in the lead unit's column.
        table.add(row("", "", "", "", "KT. CHỦ TỊCH", "", ""));
        table.add(row("", "", "", "", "Thân Anh Thiết", "", ""));
        byte[] sheet = Sheets.xlsx(table, 4, "PHỤ LỤC", "Phân công thực hiện các mục tiêu, chỉ tiêu chuyển đổi số năm 2026");

        // The preview: 3 group rows and 30 indicator rows, all to be created; the only problems say which cells name two lead
        // units (the first leads, the other cooperates); nothing is stored yet.
        JsonPath preview = send("commune", planId, sheet, true, null).then().statusCode(200)
                .body("dryRun", equalTo(true)).body("valid", equalTo(true)).body("unusedColumns", empty())
                .body("problems.code", everyItem(equalTo("import.lead-several"))).body("problems.severity", everyItem(equalTo("WARNING")))
                .body("problems.cell", equalTo(List.of("E26", "E28", "E29", "E30", "E33", "E34", "E35", "E36")))
                .body("headerRow", equalTo(5)).body("items.created", hasSize(30))
                .body("rows.findAll { it.kind == 'GROUP' }.groupCode", equalTo(List.of("A", "B", "C")))
                .body("rows.findAll { it.kind == 'ITEM' }.action", everyItem(equalTo("CREATE")))
                .body("rows.findAll { it.kind == 'IGNORED' }.row", equalTo(List.of(39, 40)))
                .extract().jsonPath();
        assertEquals(30, preview.getList("rows.findAll { it.kind == 'ITEM' }").size());
        assertEquals("≥ 50%", preview.getString("rows.find { it.row == 7 }.indicator.targets[0].wording"));
        assertEquals(0, indicatorCount(planId));

        send("commune", planId, sheet, false, null).then().statusCode(200).body("dryRun", equalTo(false)).body("items.created", hasSize(30));

        JsonNode demo = DemoPlansTest.resource("02-xuan-loc-cds-2026.json");
        JsonPath stored = Api.json().queryParam("size", 100).get("/api/v1/plans/" + planId + "/indicators").then().statusCode(200)
                .body("totalItems", equalTo(30)).extract().jsonPath();
        ObjectMapper json = new ObjectMapper();
        for (JsonNode want : demo.get("indicators")) {
            String code = want.get("code").asText();
            Map<String, Object> got = stored.getMap("items.find { it.code == '" + code + "' }");
            assertTrue(got != null, code + " imported");
            assertEquals(want.get("groupCode").asText(), ((Map<?, ?>) got.get("group")).get("code"), code);
            assertEquals(want.get("order").asInt(), got.get("order"), code);
            assertEquals(want.get("content").asText(), got.get("content"), code);
            assertEquals(want.get("unitOfMeasure").asText(), got.get("unitOfMeasure"), code);
            assertEquals(json.readTree(json.writeValueAsString(want.get("targets"))).toString(),
                    json.readTree(json.writeValueAsString(got.get("targets"))).toString(), code + " targets");
            assertEquals(want.get("leadUnitCode").asText(), ((Map<?, ?>) got.get("leadUnit")).get("code"), code);
            List<String> cooperating = new ArrayList<>();
            want.get("cooperatingUnitCodes").forEach(c -> cooperating.add(c.asText()));
            assertEquals(cooperating, ((List<?>) got.get("cooperatingUnits")).stream().map(u -> ((Map<?, ?>) u).get("code")).toList(), code);
            assertEquals(want.get("leadWording").isNull() ? null : want.get("leadWording").asText(), got.get("leadWording"), code);
            assertEquals(want.get("cooperatingWording").asText(), got.get("cooperatingWording"), code);
            assertEquals(null, got.get("note"), code);
            assertEquals(null, got.get("baseline"), code);
        }
        Api.json().queryParam("kind", "INDICATOR").get("/api/v1/plans/" + planId + "/groups").then()
                .body("name", equalTo(List.of("Phát triển hạ tầng", "Phát triển nguồn lực", "Phát triển chuyển đổi số")));

        // The same sheet again changes nothing, not even a version.
        send("commune", planId, sheet, false, null).then().statusCode(200)
                .body("items.unchanged", equalTo(30)).body("items.created", empty()).body("items.updated", empty())
                .body("items.removed", empty()).body("rows.findAll { it.kind == 'ITEM' }.action", everyItem(equalTo("UNCHANGED")));
        Api.json().queryParam("size", 100).get("/api/v1/plans/" + planId + "/indicators").then().body("items.version", everyItem(equalTo(0)));
    }

    @Test
    void thePreviewTellsHowEachRowWasUnderstoodAndEveryProblemWithItsCell() {
        String planId = newXuanLocPlan(2026, 2026);
        List<List<String>> rows = Sheets.xuanLocAppendix().subList(0, 4);
        rows.set(2, row("1", "Tỷ lệ phủ sóng 5G trên địa bàn", "%", "≥ 50%", "phong van hoa xa hoi", "cac don vi vien thong", ""));
        rows.set(3, row("2", "Tỷ lệ hộ gia đình có đường truyền cáp quang", "%", "khoảng một nửa số hộ", "Phòng Văn hoá Xã hôi mới",
                "Các đơn vị viễn thông; VNPT", ""));
        rows.add(row("3", "Xếp hạng chỉ số chuyển đổi số của xã", "Thứ hạng", "Xếp hạng ở nhóm 60 xã dẫn đầu", "Công an xã", "", ""));
        rows.add(row("4", "Số điểm hỗ trợ người dân", "Điểm", "=1+1", "Công an xã", "", ""));
        byte[] sheet = Sheets.xlsx(rows, 0);

        ValidatableResponse preview = send("commune", planId, sheet, true, null).then().statusCode(200)
                .body("valid", equalTo(false))
                // Row 3: names without diacritics or case matched; the target read as "at least 50 percent".
                .body("rows.find { it.row == 3 }.action", equalTo("CREATE"))
                .body("rows.find { it.row == 3 }.indicator.leadUnit.code", equalTo("DNAI.XUANLOC.VHXH"))
                .body("rows.find { it.row == 3 }.indicator.cooperatingUnits.code", equalTo(List.of("DNAI.XUANLOC.VIENTHONG")))
                .body("rows.find { it.row == 3 }.indicator.targets[0].kind", equalTo("PERCENT"))
                .body("rows.find { it.row == 3 }.indicator.targets[0].comparator", equalTo("GE"))
                // Row 4: an unknown unit (with the closest names) stops the row; a target in words is kept, flagged.
                .body("rows.find { it.row == 4 }.action", equalTo("INVALID"))
                .body("problems.find { it.code == 'import.unit-unknown' }.cell", equalTo("E4"))
                .body("problems.find { it.code == 'import.unit-unknown' }.severity", equalTo("ERROR"))
                .body("problems.find { it.code == 'import.unit-unknown' }.header", equalTo("Đơn vị theo dõi, đánh giá, tổng hợp, báo cáo"))
                .body("problems.find { it.code == 'import.unit-unknown' }.candidates.code", hasItem("DNAI.XUANLOC.VHXH"))
                .body("problems.find { it.code == 'import.target-in-words' }.cell", equalTo("D4"))
                .body("problems.find { it.code == 'import.target-in-words' }.severity", equalTo("WARNING"))
                .body("rows.find { it.row == 4 }.indicator.targets[0].kind", equalTo("MILESTONE"))
                .body("rows.find { it.row == 4 }.indicator.targets[0].wording", equalTo("khoảng một nửa số hộ"))
                .body("rows.find { it.row == 4 }.indicator.cooperatingUnits.code",
                        equalTo(List.of("DNAI.XUANLOC.VIENTHONG", "DNAI.XUANLOC.VIENTHONG.VNPT")))
                // Row 5: a leading group; row 6: a formula.
                .body("rows.find { it.row == 5 }.indicator.targets[0].kind", equalTo("LEADING_GROUP"))
                .body("rows.find { it.row == 5 }.indicator.targets[0].value", equalTo(60))
                .body("problems.find { it.code == 'import.formula' }.cell", equalTo("D6"))
                .body("rows.find { it.row == 6 }.action", equalTo("INVALID"));
        preview.body("items.created", equalTo(List.of("A.1", "A.3")));

        // The commit refuses the whole sheet, naming every cell, and stores nothing.
        Api.refused(send("commune", planId, sheet, false, null).then(), 400, "import.invalid", "E4").body("errors.field", hasItem("D6"));
        assertEquals(0, indicatorCount(planId));

        // Fixed, it goes in: the target in words is imported as words.
        rows.set(3, row("2", "Tỷ lệ hộ gia đình có đường truyền cáp quang", "%", "khoảng một nửa số hộ", "Phòng Văn hóa - Xã hội",
                "Các đơn vị viễn thông; VNPT", ""));
        rows.remove(5);
        send("commune", planId, Sheets.xlsx(rows, 0), false, null).then().statusCode(200).body("valid", equalTo(true))
                .body("items.created", equalTo(List.of("A.1", "A.2", "A.3")))
                .body("problems.code", equalTo(List.of("import.target-in-words")));
        Api.json().queryParam("size", 100).get("/api/v1/plans/" + planId + "/indicators").then()
                .body("items.find { it.code == 'A.2' }.targets[0].text", equalTo("khoảng một nửa số hộ"));
    }

    @Test
    void tasksImportWithSeveralLeadUnitsProductsAndTimeframes() {
        String planId = newXuanLocPlan(2026, 2027);
        List<List<String>> rows = new ArrayList<>();
        rows.add(row("STT", "Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Sản phẩm", "Thời gian thực hiện"));
        rows.add(row("I.", "Hạ tầng số", "", "", "", ""));
        rows.add(row("1", "Phủ sóng 5G các ấp", "Phòng Văn hóa - Xã hội, Công an xã", "Các đơn vị viễn thông",
                "Báo cáo kết quả phủ sóng", "Năm 2026"));
        rows.add(row("2", "Số hóa hồ sơ thủ tục hành chính", "Trung tâm Phục vụ hành chính công", "", "Cơ sở dữ liệu được làm sạch",
                "Giai đoạn 2026 - 2027"));
        rows.add(row("II.", "Xã hội số", "", "", "", ""));
        rows.add(row("1", "Tuyên truyền Bình dân học vụ số", "Các Tổ Công nghệ số cộng đồng", "Ban Nhân dân các ấp", "Tin bài",
                "Thường xuyên"));
        byte[] sheet = Sheets.xlsx(rows, 0);
        send("commune", planId, sheet, false, "TASKS").then().statusCode(200).body("valid", equalTo(true))
                .body("items.created", equalTo(List.of("I.1", "I.2", "II.1")));
        JsonPath tasks = Api.json().get("/api/v1/plans/" + planId + "/tasks").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("DNAI.XUANLOC.VHXH", "DNAI.XUANLOC.CA"), tasks.getList("items.find { it.code == 'I.1' }.leadUnits.code"));
        assertEquals("Báo cáo kết quả phủ sóng", tasks.getString("items.find { it.code == 'I.1' }.product"));
        assertEquals(Map.of("kind", "YEAR", "startYear", 2026, "endYear", 2026, "wording", "Năm 2026"),
                tasks.getMap("items.find { it.code == 'I.1' }.timeframe"));
        assertEquals("SPAN", tasks.getString("items.find { it.code == 'I.2' }.timeframe.kind"));
        assertEquals(2027, tasks.getInt("items.find { it.code == 'I.2' }.timeframe.endYear"));
        assertEquals("ONGOING", tasks.getString("items.find { it.code == 'II.1' }.timeframe.kind"));
        send("commune", planId, sheet, true, "TASKS").then().statusCode(200).body("items.unchanged", equalTo(3))
                .body("items.updated", empty());

        rows.get(3).set(5, "sớm nhất có thể");
        Api.refused(send("commune", planId, Sheets.xlsx(rows, 0), false, "TASKS").then(), 400, "import.invalid", "F4");
    }

    @Test
    void badWorkbooksAreRefusedAndNothingIsStored() throws Exception {
        String planId = newXuanLocPlan(2026, 2026);
        byte[] good = Sheets.xlsx(Sheets.xuanLocAppendix(), 0);

        Api.refused(send("commune", planId, "STT;Nội dung\n1;Tỷ lệ".getBytes(java.nio.charset.StandardCharsets.UTF_8), false, null).then(),
                415, "import.not-xlsx", "file");
        Api.refused(send("commune", planId, EvidenceTest.pdf(), false, null).then(), 415, "import.not-xlsx", "file");
        Api.refused(send("commune", planId, word(), false, null).then(), 415, "import.not-xlsx", "file");
        Api.refused(send("commune", planId, encrypted(good), false, null).then(), 400, "import.encrypted", "file");
        Api.refused(send("commune", planId, java.util.Arrays.copyOf(good, good.length / 2), false, null).then(), 400, "import.corrupt", "file");
        Api.refused(send("commune", planId, Sheets.xlsx(List.of(row("Kính gửi", "UBND xã"), row("Nội dung", "báo cáo")), 0), true, null)
                .then(), 400, "import.no-header", "file");

        List<List<String>> many = new ArrayList<>(Sheets.xuanLocAppendix().subList(0, 2));
        for (int i = 1; i <= 200; i++) {
            many.add(row(String.valueOf(i), "Chỉ tiêu " + i, "%", "≥ 50%", "Công an xã", "", ""));
        }
        Api.refused(send("commune", planId, Sheets.xlsx(many, 0), true, null).then(), 413, "import.too-many-rows", "file");
        byte[] huge = new byte[1_200_000];
        new java.util.Random(7).nextBytes(huge);
        Api.refused(send("commune", planId, huge, true, null).then(), 413, "import.too-large", "file");

        // A target year outside the plan's years.
        List<List<String>> later = new ArrayList<>(Sheets.xuanLocAppendix().subList(0, 3));
        later.get(0).set(3, "Chỉ tiêu phấn đấu năm 2031");
        Api.refused(send("commune", planId, Sheets.xlsx(later, 0), false, null).then(), 400, "import.invalid", "D1");
        assertEquals(0, indicatorCount(planId));
    }

    @Test
    void indicatorsUnitsHaveReportedOnAreNotRemoved() {
        String planId = DocumentExportTest.reportedPlan();
        List<List<String>> rows = new ArrayList<>(Sheets.xuanLocAppendix());
        rows.removeIf(r -> r.get(1).equals("Tỷ lệ hồ sơ thủ tục hành chính xử lý trực tuyến"));
        rows.removeIf(r -> r.get(1).equals("Tỷ lệ người dân được định danh số"));
        byte[] sheet = Sheets.xlsx(rows, 0);
        send("commune", planId, sheet, true, null).then().statusCode(200).body("valid", equalTo(false))
                .body("problems.code", equalTo(List.of("import.item-has-reports")))
                .body("problems[0].detail", org.hamcrest.Matchers.containsString("'C.6'"))
                .body("items.removed", equalTo(List.of("C.22"))).body("items.unchanged", equalTo(29));
        Api.refused(send("commune", planId, sheet, false, null).then(), 400, "import.invalid", "file");
        assertEquals(30, indicatorCount(planId));
    }

    @Test
    void onlyThePlansCoordinatorsImport() {
        String planId = newXuanLocPlan(2026, 2026);
        byte[] sheet = Sheets.xlsx(Sheets.xuanLocAppendix(), 0);
        Api.refused(send("reporter", planId, sheet, true, null).then(), 403, "access.denied", null);
        Api.refused(send("viewer", planId, sheet, true, null).then(), 403, "access.denied", null);
        String phuLam = Api.planId("PHULAM-DTI-2026-2030");
        Api.refused(send("commune", phuLam, sheet, true, null).then(), 404, "plan.not-found", null);
        send("province", planId, sheet, true, null).then().statusCode(200).body("valid", equalTo(true));
        assertEquals(0, indicatorCount(planId));
    }

    static List<String> row(String... cells) {
        return new ArrayList<>(List.of(cells));
    }

    static byte[] word() throws Exception {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.createParagraph().createRun().setText("Phụ lục chỉ tiêu");
            doc.write(out);
            return out.toByteArray();
        }
    }

    /** The workbook protected with a password to open, as Excel's File › Protect Workbook › Encrypt does. */
    static byte[] encrypted(byte[] xlsx) throws Exception {
        try (POIFSFileSystem fs = new POIFSFileSystem(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Encryptor encryptor = new EncryptionInfo(EncryptionMode.agile).getEncryptor();
            encryptor.confirmPassword("mat-khau");
            try (XSSFWorkbook wb = new XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx)); var os = encryptor.getDataStream(fs)) {
                wb.write(os);
            }
            fs.writeFilesystem(out);
            return out.toByteArray();
        }
    }
}
