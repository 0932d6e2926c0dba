package vn.dti.tracker;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import vn.dti.tracker.document.SeedDocuments;

/** Plans brought in from the Word documents they were issued as: every fact of the plan, every doubt shown, nothing lost. */
@QuarkusTest
class PlanIntakeTest {

    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    @TempDir
    Path dir;

    /** A plan that names neither its issuer nor any unit: its issuer is the one chosen. */
    static List<SeedDocuments.Block> plainPlan(String title) {
        return List.of(new SeedDocuments.Para("KẾ HOẠCH", true), new SeedDocuments.Para(title, true),
                new SeedDocuments.Para("I. MỤC TIÊU", true), new SeedDocuments.Para("Nâng cao chỉ số chuyển đổi số.", false),
                new SeedDocuments.Para("II. TỔ CHỨC THỰC HIỆN", true),
                new SeedDocuments.Para("Các đơn vị báo cáo định kỳ hằng tháng trước ngày 15 hằng tháng.", false),
                new SeedDocuments.Para("KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH", true), new SeedDocuments.Para("Trần Văn Bình", true));
    }

    static byte[] plainPlanDocx(String title) {
        try {
            Path dir = Files.createTempDirectory("plan");
            Path file = SeedDocuments.docx(new SeedDocuments.Seed("ke-hoach", plainPlan(title)), dir);
            byte[] bytes = Files.readAllBytes(file);
            Files.delete(file);
            Files.delete(dir);
            return bytes;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The same plan as the intake's `source`, as a client sends it back. */
    static Map<String, Object> plainSource(String title) {
        List<Map<String, Object>> blocks = new ArrayList<>();
        for (SeedDocuments.Block b : plainPlan(title)) {
            SeedDocuments.Para p = (SeedDocuments.Para) b;
            Map<String, Object> block = new java.util.HashMap<>();
            block.put("index", blocks.size() + 1);
            block.put("page", 0);
            block.put("kind", "PARAGRAPH");
            block.put("text", p.text());
            block.put("bold", p.bold());
            block.put("doubtful", false);
            block.put("rows", null);
            block.put("doubtfulCells", null);
            block.put("role", null);
            blocks.add(block);
        }
        return Map.of("kind", "DOCX", "pages", 0, "blocks", blocks);
    }

    /** A page image with nothing on it: a scan whose reading runs as a job. */
    static byte[] blankPage() {
        try {
            java.awt.image.BufferedImage page = new java.awt.image.BufferedImage(400, 200, java.awt.image.BufferedImage.TYPE_BYTE_GRAY);
            java.awt.Graphics2D g = page.createGraphics();
            g.setColor(java.awt.Color.WHITE);
            g.fillRect(0, 0, 400, 200);
            g.dispose();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            javax.imageio.ImageIO.write(page, "png", out);
            return out.toByteArray();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private byte[] docx(String seed) throws Exception {
        return Files.readAllBytes(SeedDocuments.docx(SeedDocuments.load(seed), dir));
    }

    private static JsonNode demo(String name) throws Exception {
        try (InputStream in = PlanIntakeTest.class.getResourceAsStream("/demo/" + name + ".json")) {
            return new ObjectMapper().readTree(in);
        }
    }

    @Test
    void xuanLocsDocumentGivesItsAppendixAsTheDemoHoldsIt() throws Exception {
        JsonPath read = Api.as("commune").contentType(DOCX).body(docx("xuan-loc-cds-2026")).post("/api/v1/plan-intakes").then()
                .statusCode(200).extract().jsonPath();
        // The stored plan of the same issuer and title is the one this document updates.
        assertEquals("XUANLOC-CDS-2026", read.getString("plan.plan.code"));
        assertEquals("DNAI.XUANLOC", read.getString("plan.plan.issuingUnitCode"));
        assertEquals(List.of(), read.getList("findings.findAll { it.severity == 'ERROR' }.code"));
        JsonNode demo = demo("02-xuan-loc-cds-2026");
        ObjectMapper json = new ObjectMapper();
        JsonNode plan = json.valueToTree(read.getMap("plan"));
        assertEquals(30, plan.get("indicators").size());
        for (int i = 0; i < 30; i++) {
            JsonNode want = demo.get("indicators").get(i);
            JsonNode got = plan.get("indicators").get(i);
            for (String field : List.of("code", "groupCode", "content", "unitOfMeasure", "leadUnitCode", "cooperatingUnitCodes", "targets")) {
                assertEquals(want.get(field), got.get(field), want.get("code").asText() + " " + field);
            }
        }
        assertEquals(demo.get("indicatorGroups"), plan.get("indicatorGroups"));
        assertEquals(demo.get("taskGroups"), plan.get("taskGroups"));
        assertEquals(demo.get("plan").get("reportingRegime"), plan.get("plan").get("reportingRegime"));
        assertEquals(demo.get("plan").get("legalBases"), plan.get("plan").get("legalBases"));
        List<String> roles = read.getList("source.blocks.role");
        assertEquals(true, roles.contains("APPENDIX_TABLE") && roles.contains("SIGNER") && roles.contains("LEGAL_BASIS"));
    }

    @Test
    void theSamePlanAsATextPdfGivesTheSameIndicators() throws Exception {
        Path pdf = vn.dti.tracker.document.SeedPdfs.textPdf(SeedDocuments.load("xuan-loc-cds-2026"), dir);
        JsonPath read = Api.as("commune").contentType("application/pdf").body(Files.readAllBytes(pdf)).post("/api/v1/plan-intakes").then()
                .statusCode(200).body("source.kind", equalTo("PDF")).extract().jsonPath();
        assertEquals("XUANLOC-CDS-2026", read.getString("plan.plan.code"));
        JsonNode demo = demo("02-xuan-loc-cds-2026");
        JsonNode plan = new ObjectMapper().valueToTree(read.getMap("plan"));
        assertEquals(30, plan.get("indicators").size());
        for (int i = 0; i < 30; i++) {
            for (String field : List.of("code", "content", "unitOfMeasure", "leadUnitCode", "targets")) {
                assertEquals(demo.get("indicators").get(i).get(field), plan.get("indicators").get(i).get(field), i + " " + field);
            }
        }
        assertEquals(demo.get("plan").get("reportingRegime").get("unitReportDay"), plan.get("plan").get("reportingRegime").get("unitReportDay"));
        assertEquals(demo.get("plan").get("signerName"), plan.get("plan").get("signerName"));
    }

    @Test
    void aScanIsReadOffTheRequestWithItsProgressThenPreviewed() throws Exception {
        Path pdf = vn.dti.tracker.document.SeedPdfs.textPdf(SeedDocuments.load("phu-lam-dti-2026-2030"), dir);
        Path scan = vn.dti.tracker.document.SeedPdfs.scanPdf(pdf, dir, "scan", 300, 1, 2);
        String id = Api.as("province").contentType("application/pdf").body(Files.readAllBytes(scan)).post("/api/v1/plan-intakes").then()
                .statusCode(202).body("state", equalTo("RUNNING")).extract().path("id");
        // Someone else does not see another person's reading.
        Api.as("commune").get("/api/v1/plan-intakes/jobs/" + id).then().statusCode(404);
        JsonPath job = null;
        long until = System.nanoTime() + java.util.concurrent.TimeUnit.MINUTES.toNanos(5);
        while (System.nanoTime() < until) {
            job = Api.as("province").get("/api/v1/plan-intakes/jobs/" + id).then().statusCode(200).extract().jsonPath();
            if (!"RUNNING".equals(job.getString("state"))) {
                break;
            }
            Thread.onSpinWait();
        }
        assertEquals("DONE", job.getString("state"), job.getString("problemDetail"));
        assertEquals(2, job.getInt("pagesDone"));
        Map<String, Object> request = Map.of("source", job.getMap("source"), "choices", Map.of("planCode", Api.code("SCAN")));
        JsonPath preview = Api.as("province").contentType("application/json").body(request).post("/api/v1/plan-intakes/previews").then()
                .statusCode(200).extract().jsonPath();
        assertEquals("SCAN", preview.getString("source.kind"));
        // What OCR reads wrong is shown as a doubt at its block: a title read otherwise than printed is marked doubtful.
        String title = "Kế hoạch Nâng cao chỉ số chuyển đổi số (DTI) giai đoạn 2026 - 2030 trên địa bàn xã Phú Lâm";
        List<Boolean> titleDoubts = preview.getList("source.blocks.findAll { it.role == 'TITLE' }.doubtful");
        if (!title.equals(preview.getString("plan.plan.title"))) {
            assertEquals(true, titleDoubts.contains(true), preview.getString("plan.plan.title"));
        }
        assertEquals(2026, preview.getInt("plan.plan.startYear"));
        assertEquals(2030, preview.getInt("plan.plan.endYear"));
        assertEquals(1, preview.getList("plan.plan.legalBases").size());
    }

    @Test
    void aNewPlanIsCommittedOnceAndTheSameDocumentAgainChangesNothing() throws Exception {
        String code = Api.code("PL");
        JsonPath read = Api.as("province").contentType(DOCX).body(docx("phu-lam-dti-2026-2030")).post("/api/v1/plan-intakes").then()
                .statusCode(200).extract().jsonPath();
        Map<String, Object> source = read.getMap("source");
        Map<String, Object> request = Map.of("source", source, "choices", Map.of("planCode", code));
        JsonPath preview = Api.as("province").contentType("application/json").body(request).post("/api/v1/plan-intakes/previews").then()
                .statusCode(200).body("valid", equalTo(true)).body("etag", equalTo("\"new\"")).extract().jsonPath();
        assertEquals("DNAI-KH154-2026", preview.getString("plan.plan.parentPlanCode"));
        assertEquals(1, preview.getList("plan.plan.legalBases.findAll { it.planCode == 'DNAI-KH154-2026' }").size());
        // Without the preview's etag, nothing is stored.
        Api.refused(Api.as("province").contentType("application/json").body(request).post("/api/v1/plan-intakes/commits").then(), 428,
                "intake.if-match-required", null);
        JsonPath done = Api.as("province").contentType("application/json").header("If-Match", "\"new\"").body(request)
                .post("/api/v1/plan-intakes/commits").then().statusCode(200).body("committed", equalTo(true)).extract().jsonPath();
        assertEquals(List.of(code), done.getList("changes.plan.created"));
        String planId = Api.planId(code);
        Api.as("province").get("/api/v1/plans/" + planId).then().statusCode(200)
                .body("title", equalTo("Kế hoạch Nâng cao chỉ số chuyển đổi số (DTI) giai đoạn 2026 - 2030 trên địa bàn xã Phú Lâm"))
                .body("reportingRegime.unitReportDay", equalTo(18)).body("signerName", equalTo("Đỗ Xuân Hòa"));
        Api.as("province").queryParam("size", 100).get("/api/v1/plans/" + planId + "/tasks").then().statusCode(200)
                .body("items.size()", equalTo(19));
        // The same document again: the stored plan is found, and nothing changes.
        JsonPath again = Api.as("province").contentType("application/json").body(request).post("/api/v1/plan-intakes/previews").then()
                .statusCode(200).extract().jsonPath();
        String etag = again.getString("etag");
        JsonPath second = Api.as("province").contentType("application/json").header("If-Match", etag).body(request)
                .post("/api/v1/plan-intakes/commits").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(), second.getList("changes.plan.updated"));
        assertEquals(List.of(), second.getList("changes.tasks.created"));
        assertEquals(List.of(), second.getList("changes.tasks.updated"));
    }

    /** A short commune plan whose appendix names a unit by a name the system does not know, and a collective name. */
    private byte[] smallPlan(String title, String lead, String cooperating) throws Exception {
        List<SeedDocuments.Block> blocks = List.of(
                new SeedDocuments.Para("ỦY BAN NHÂN DÂN\nXÃ XUÂN LỘC", true),
                new SeedDocuments.Para("Số: /KH-UBND", false),
                new SeedDocuments.Para("Xuân Lộc, ngày    tháng 5 năm 2027", false),
                new SeedDocuments.Para("KẾ HOẠCH", true),
                new SeedDocuments.Para(title, true),
                new SeedDocuments.Para("Căn cứ Kế hoạch số 154/KH-UBND ngày 26/3/2026 của UBND tỉnh Đồng Nai về nâng cao chỉ số chuyển đổi số;", false),
                new SeedDocuments.Para("I. MỤC TIÊU", true),
                new SeedDocuments.Para("Chi tiết tại Phụ lục kèm theo.", false),
                new SeedDocuments.Para("II. TỔ CHỨC THỰC HIỆN", true),
                new SeedDocuments.Para("Các đơn vị báo cáo định kỳ hằng tháng gửi UBND xã (thông qua Phòng Văn hóa - Xã hội) trước ngày 18 hằng tháng.", false),
                new SeedDocuments.Para("Nơi nhận:\n- UBND tỉnh;\n- Lưu: VT.", false),
                new SeedDocuments.Para("KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH", true),
                new SeedDocuments.Para("Nguyễn Văn An", true),
                new SeedDocuments.Para("PHỤ LỤC", true),
                new SeedDocuments.Para("Chỉ tiêu chuyển đổi số năm 2027", true),
                new SeedDocuments.Table(List.of(
                        List.of("STT", "Nội dung chỉ tiêu", "Đơn vị tính", "Kết quả", "Đơn vị chủ trì", "Đơn vị phối hợp"),
                        List.of("1", "Tỷ lệ hồ sơ trực tuyến toàn trình", "%", "80", lead, cooperating),
                        List.of("2", "Số điểm wifi công cộng", "điểm", "≥ 5", "Phòng Văn hóa - Xã hội", cooperating))));
        return Files.readAllBytes(SeedDocuments.docx(new SeedDocuments.Seed(Api.code("plan").toLowerCase(), blocks), dir));
    }

    @Test
    void aNameThePersonMatchesIsLearnedAndACollectiveNameBecomesAUnitGroup() throws Exception {
        String code = Api.code("XLT");
        String title = "Thử nghiệm đưa kế hoạch vào " + code + " năm 2027";
        JsonPath read = Api.as("commune").contentType(DOCX).body(smallPlan(title, "Tổ một cửa " + code, "Các hợp tác xã " + code))
                .post("/api/v1/plan-intakes").then().statusCode(200).extract().jsonPath();
        // Flat appendix, target column headed "Kết quả", a bare number under "%": one group named after the appendix, a percentage.
        assertEquals(List.of("Chỉ tiêu chuyển đổi số năm 2027"), read.getList("plan.indicatorGroups.name"));
        assertEquals(List.of("Tổ một cửa " + code), read.getList("findings.findAll { it.code == 'import.unit-unknown' }.name"));
        // The collective name is offered at each cell that writes it; untaken, the row stays, with the cell's words.
        assertEquals(List.of("Các hợp tác xã " + code), read.getList("findings.findAll { it.code == 'intake.unit-group-offered' }.offer.unique()"));
        assertEquals(List.of(1, 2), read.getList("findings.findAll { it.code == 'intake.unit-group-offered' }.row"));
        assertEquals(List.of("Số điểm wifi công cộng"), read.getList("plan.indicators.content"));
        assertEquals("Các hợp tác xã " + code, read.getString("plan.indicators[0].cooperatingWording"));
        assertEquals("Phòng Văn hóa - Xã hội", read.getString("units.find { it.code == 'DNAI.XUANLOC.VHXH' }.name"));
        Map<String, Object> choices = Map.of("planCode", code, "units", Map.of("Tổ một cửa " + code, "DNAI.XUANLOC.TTPVHCC"),
                "createUnitGroups", List.of("Các hợp tác xã " + code));
        Map<String, Object> request = Map.of("source", read.getMap("source"), "choices", choices);
        JsonPath preview = Api.as("commune").contentType("application/json").body(request).post("/api/v1/plan-intakes/previews").then()
                .statusCode(200).body("valid", equalTo(true)).extract().jsonPath();
        assertEquals("DNAI.XUANLOC.TTPVHCC", preview.getString("plan.indicators[0].leadUnitCode"));
        assertEquals("PERCENT", preview.getString("plan.indicators[0].targets[0].kind"));
        assertEquals(80, preview.getInt("plan.indicators[0].targets[0].value"));
        JsonPath done = Api.as("commune").contentType("application/json").header("If-Match", "\"new\"").body(request)
                .post("/api/v1/plan-intakes/commits").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("Tổ một cửa " + code), done.getList("learnedAliases"));
        assertEquals(1, done.getList("changes.orgUnits.created").size());
        Api.as("commune").get("/api/v1/org-units/" + Api.unitId("DNAI.XUANLOC.TTPVHCC")).then().statusCode(200)
                .body("aliases", hasItem("Tổ một cửa " + code));
        // The next document that writes the same names needs no choice.
        JsonPath next = Api.as("commune").contentType(DOCX).body(smallPlan(title + " bổ sung", "Tổ một cửa " + code, "Các hợp tác xã " + code))
                .post("/api/v1/plan-intakes").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(), next.getList("findings.findAll { it.severity == 'ERROR' }.code"));
        assertEquals("DNAI.XUANLOC.TTPVHCC", next.getString("plan.indicators[0].leadUnitCode"));
    }

    @Test
    void aUnitsOtherNamesAreEditedByWhoeverManagesIt() {
        String id = Api.unitId("DNAI.XUANLOC.KT");
        String tag = Api.as("commune").get("/api/v1/org-units/" + id).then().statusCode(200).extract().header("ETag");
        Api.as("commune").contentType("application/json").header("If-Match", tag)
                .body(Map.of("aliases", List.of("P. Kinh tế", "p. kinh te", "Phòng Kinh tế"))).put("/api/v1/org-units/" + id + "/aliases").then()
                .statusCode(200).body("aliases", equalTo(List.of("P. Kinh tế")));
        String stale = tag;
        Api.as("commune").contentType("application/json").header("If-Match", stale).body(Map.of("aliases", List.of())).put("/api/v1/org-units/" + id + "/aliases")
                .then().statusCode(412);
        Api.as("reporter").contentType("application/json").header("If-Match", stale).body(Map.of("aliases", List.of()))
                .put("/api/v1/org-units/" + id + "/aliases").then().statusCode(403);
    }

    @Test
    void filesThatAreNoPlanDocumentAreRefusedWithTheirCode() throws Exception {
        Api.refused(Api.as("commune").contentType(DOCX).body(new byte[0]).post("/api/v1/plan-intakes").then(), 400, "intake.empty", "file");
        Api.refused(Api.as("commune").contentType(DOCX).body("Just some text, no plan file".getBytes()).post("/api/v1/plan-intakes").then(), 415,
                "intake.unsupported", "file");
        Api.refused(Api.as("commune").contentType("application/pdf").body("%PDF-1.4 cut short".getBytes()).post("/api/v1/plan-intakes").then(), 400,
                "intake.damaged", "file");
        ByteArrayOutputStream sheet = new ByteArrayOutputStream();
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook()) {
            wb.createSheet("A").createRow(0).createCell(0).setCellValue("x");
            wb.write(sheet);
        }
        Api.refused(Api.as("commune").contentType(DOCX).body(sheet.toByteArray()).post("/api/v1/plan-intakes").then(), 415,
                "intake.unsupported", "file");
        byte[] damaged = docx("xuan-loc-cds-2026");
        byte[] cut = java.util.Arrays.copyOf(damaged, damaged.length / 2);
        Api.as("commune").contentType(DOCX).body(cut).post("/api/v1/plan-intakes").then().statusCode(400)
                .body("code", org.hamcrest.Matchers.oneOf("intake.damaged", "file.archive-damaged"));
        Api.as("reporter").contentType(DOCX).body(docx("xuan-loc-cds-2026")).post("/api/v1/plan-intakes").then().statusCode(403);
        List<String> none = new ArrayList<>();
        assertEquals(none, List.of());
    }
}
