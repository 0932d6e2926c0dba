package vn.dti.tracker;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.text.Normalizer;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import vn.dti.tracker.evidence.EvidenceJanitor;

/**
 * Evidence end to end on the local store: uploads typed by content and stored once per hash, attached
 * to several reports, served only to those who may read them, swept when orphaned, checked for damage;
 * every bad upload refused with nothing stored.
 */
@QuarkusTest
class EvidenceTest {

    static final String PDF_NAME = "Quyết định 123-QĐ-UBND về chuyển đổi số.pdf";

    @Inject
    DataSource db;

    @Inject
    EvidenceJanitor janitor;

    // ---- files ----

    /** A small PDF with unique content, so every test has its own hash. */
    static byte[] pdf() {
        return ("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% " + UUID.randomUUID() + "\ntrailer << /Root 1 0 R >>\n%%EOF\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    static byte[] png() {
        byte[] header = HexFormat.of().parseHex("89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489");
        byte[] tail = UUID.randomUUID().toString().getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[header.length + tail.length];
        System.arraycopy(header, 0, out, 0, header.length);
        System.arraycopy(tail, 0, out, header.length, tail.length);
        return out;
    }

    static byte[] zip(Map<String, String> entries) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (ZipOutputStream zip = new ZipOutputStream(out)) {
                for (var e : entries.entrySet()) {
                    zip.putNextEntry(new ZipEntry(e.getKey()));
                    zip.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                    zip.closeEntry();
                }
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] docx() {
        Map<String, String> entries = new java.util.LinkedHashMap<>();
        entries.put("[Content_Types].xml", "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                + "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>");
        entries.put("_rels/.rels", "<Relationships/>");
        entries.put("word/document.xml", "<w:document>" + UUID.randomUUID() + "</w:document>");
        return zip(entries);
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- requests ----

    /** Multipart as browsers send it: names in UTF-8. */
    static RequestSpecification multipart(String who) {
        return given().config(io.restassured.config.RestAssuredConfig.config()
                        .httpClient(io.restassured.config.HttpClientConfig.httpClientConfig()
                                .httpMultipartMode(org.apache.http.entity.mime.HttpMultipartMode.BROWSER_COMPATIBLE))
                        .multiPartConfig(io.restassured.config.MultiPartConfig.multiPartConfig().defaultCharset(StandardCharsets.UTF_8)))
                .header("Authorization", "Bearer " + Api.token(who)).accept("application/json");
    }

    static Response upload(String who, String name, byte[] content, Map<String, ?> fields) {
        RequestSpecification r = multipart(who).multiPart("file", name, content, "application/octet-stream");
        fields.forEach((k, v) -> {
            for (Object x : v instanceof List<?> list ? list : List.of(v)) {
                r.multiPart(new io.restassured.builder.MultiPartSpecBuilder(String.valueOf(x)).controlName(k).charset(StandardCharsets.UTF_8).build());
            }
        });
        return r.post("/api/v1/evidence");
    }

    /** A Xuân Lộc plan whose indicators the public-service centre leads; the second requires evidence. */
    record Fixture(String plan, String first, String second, String third) {
    }

    static Fixture fixture() {
        String commune = Api.unitId("DNAI.XUANLOC");
        String centre = Api.unitId("DNAI.XUANLOC.TTPVHCC");
        String plan = Api.createPlan(Api.issued(Api.planBody(Api.code("EVIDENCE"), commune, 2026, 2026)));
        String group = Api.createGroup(plan, "INDICATOR", "A");
        String[] ids = new String[3];
        for (int i = 0; i < 3; i++) {
            Map<String, Object> body = Api.indicatorBody("E." + (i + 1), group, centre, List.of(Api.target(2026, "COUNT", "GE", 1, "≥ 01")));
            body.put("order", i + 1);
            body.put("unitOfMeasure", "văn bản");
            body.put("evidenceRequired", i == 1);
            ids[i] = Api.json().body(body).post("/api/v1/plans/" + plan + "/indicators").then().statusCode(201).extract().path("id");
        }
        return new Fixture(plan, ids[0], ids[1], ids[2]);
    }

    static Response draft(String indicator, String period) {
        return Api.as("reporter").body(Map.of("periodKey", period, "indicatorId", indicator, "value", Map.of("number", 1)))
                .post("/api/v1/reports").then().statusCode(201).extract().response();
    }

    /** The report's ETag as last read: what attaching and detaching name in If-Match. */
    static String reportTag(String reportId) {
        return Api.json().get("/api/v1/reports/" + reportId).then().statusCode(200).extract().header("ETag");
    }

    @Test
    void attachingAndDetachingNameTheReportAsRead() {
        Fixture f = fixture();
        Response draft = draft(f.first(), "2026-08");
        String report = draft.path("id");
        String kept = upload("reporter", "giu-lai.pdf", pdf(), Map.of("reportIds", report)).then().statusCode(201).extract().path("id");
        String other = upload("reporter", "them.pdf", pdf(), Map.of()).then().statusCode(201).extract().path("id");
        // Uploading a file to the report attached it: the report changed, and the copy read before is stale.
        assertNotEquals(draft.getHeader("ETag"), reportTag(report));
        String read = reportTag(report);

        // Without If-Match: refused, nothing changed.
        Api.refused(Api.as("reporter").body(Map.of("evidenceId", other)).post("/api/v1/reports/" + report + "/evidence").then(), 428,
                "request.if-match-required", "If-Match");
        Api.refused(Api.as("reporter").delete("/api/v1/reports/" + report + "/evidence/" + kept).then(), 428, "request.if-match-required",
                "If-Match");
        assertEquals(List.of(kept), attachedTo(report));

        // Two people work from the same read: one saves the report, the other then detaches from the copy they read.
        Api.as("reporter").header("If-Match", read).body(Map.of("value", Map.of("number", 2), "achievements", "Đã cập nhật"))
                .put("/api/v1/reports/" + report).then().statusCode(200);
        String current = reportTag(report);
        Api.refused(Api.as("reporter").header("If-Match", read).delete("/api/v1/reports/" + report + "/evidence/" + kept).then(), 412,
                "conflict.stale-version", null).header("ETag", current);
        Api.refused(Api.as("reporter").header("If-Match", read).body(Map.of("evidenceId", other)).post("/api/v1/reports/" + report + "/evidence")
                .then(), 412, "conflict.stale-version", null).header("ETag", current);
        assertEquals(List.of(kept), attachedTo(report), "the stale writer changed nothing");
        Api.as("reporter").get("/api/v1/reports/" + report).then().body("value.number", equalTo(2)).body("achievements", equalTo("Đã cập nhật"));

        // With the current ETag both go through. Each changes the report, so each answers the report's new ETag, and the
        // copy read before is no longer current: a conditional read gets the new evidence count, not 304.
        String afterAttach = Api.as("reporter").header("If-Match", current).body(Map.of("evidenceId", other))
                .post("/api/v1/reports/" + report + "/evidence").then().statusCode(200).extract().header("ETag");
        assertNotEquals(current, afterAttach);
        assertEquals(afterAttach, reportTag(report));
        Api.as("reporter").header("If-None-Match", current).get("/api/v1/reports/" + report).then().statusCode(200)
                .body("evidenceCount", equalTo(2));
        Api.refused(Api.as("reporter").header("If-Match", current).delete("/api/v1/reports/" + report + "/evidence/" + kept).then(), 412,
                "conflict.stale-version", null);
        String afterDetach = Api.as("reporter").header("If-Match", afterAttach).delete("/api/v1/reports/" + report + "/evidence/" + kept)
                .then().statusCode(204).extract().header("ETag");
        assertEquals(List.of(other), attachedTo(report));
        assertEquals(afterDetach, reportTag(report));
        // Attaching what is already attached changes nothing, the version included.
        Api.as("reporter").header("If-Match", afterDetach).body(Map.of("evidenceId", other)).post("/api/v1/reports/" + report + "/evidence")
                .then().statusCode(200).header("ETag", afterDetach);
        // A form based on the new version saves.
        Api.as("reporter").header("If-Match", afterDetach).body(Map.of("value", Map.of("number", 3))).put("/api/v1/reports/" + report)
                .then().statusCode(200);
    }

    @Test
    void evidenceOfASubmittedOrAcceptedReportStaysAsSentAndEveryChangeIsInTheHistory() {
        Fixture f = fixture();
        String sent = draft(f.first(), "2026-09").path("id");
        String other = draft(f.third(), "2026-09").path("id");
        String shared = upload("reporter", "QĐ 77.pdf", pdf(), Map.of("reportId", List.of(sent, other), "title", "Quyết định 77",
                "docNumber", "77/QĐ-UBND")).then().statusCode(201).extract().path("id");
        String extra = upload("reporter", "them.pdf", pdf(), Map.of("title", "Danh sách hồ sơ")).then().statusCode(201).extract().path("id");
        String extraTag = Api.as("reporter").get("/api/v1/evidence/" + extra).then().extract().header("ETag");
        Api.as("reporter").header("If-Match", reportTag(sent)).body(Map.of("evidenceId", extra)).post("/api/v1/reports/" + sent + "/evidence")
                .then().statusCode(200);

        // While both reports are drafts, the unit corrects the document's details.
        String tag = Api.as("reporter").get("/api/v1/evidence/" + shared).then().extract().header("ETag");
        tag = Api.as("reporter").header("If-Match", tag).body(Map.of("title", "Quyết định 77 về một cửa", "docNumber", "78/QĐ-UBND"))
                .put("/api/v1/evidence/" + shared).then().statusCode(200).extract().header("ETag");

        // Sent: the report's evidence is what the coordinator reviews. Neither the shared document's details nor the report's
        // attachments change, and nothing stored moves.
        Api.as("reporter").header("If-Match", reportTag(sent)).post("/api/v1/reports/" + sent + "/submit").then().statusCode(200);
        Api.refused(Api.as("reporter").header("If-Match", tag).body(Map.of("title", "Đổi tên", "docNumber", "79/QĐ-UBND"))
                .put("/api/v1/evidence/" + shared).then(), 409, "evidence.on-record", null);
        Api.refused(Api.as("reporter").header("If-Match", reportTag(sent)).delete("/api/v1/reports/" + sent + "/evidence/" + extra).then(), 409,
                "report.under-review", null);
        // (The shared document is refused although the other report citing it is still a draft: it is on record through the
        // sent one.) A document cited by the sent report only: the same.
        Api.refused(Api.as("reporter").header("If-Match", extraTag).body(Map.of("title", "Danh sách khác")).put("/api/v1/evidence/" + extra)
                .then(), 409, "evidence.on-record", null);
        Api.as("reporter").get("/api/v1/evidence/" + shared).then().body("title", equalTo("Quyết định 77 về một cửa"))
                .body("docNumber", equalTo("78/QĐ-UBND")).body("onRecord", equalTo(true)).header("ETag", tag);
        Api.as("reporter").queryParam("reportId", other).get("/api/v1/evidence").then().body("items[0].onRecord", equalTo(true));
        assertEquals(List.of(shared, extra).stream().sorted().toList(), attachedTo(sent).stream().sorted().toList());

        // Accepted: still on record.
        Api.as("commune").header("If-Match", reportTag(sent)).body(Map.of()).post("/api/v1/reports/" + sent + "/accept").then().statusCode(200);
        Api.refused(Api.as("reporter").header("If-Match", tag).body(Map.of("title", "Đổi tên")).put("/api/v1/evidence/" + shared).then(), 409,
                "evidence.on-record", null);
        Api.refused(Api.as("reporter").header("If-Match", reportTag(sent)).body(Map.of("evidenceId", extra))
                .post("/api/v1/reports/" + sent + "/evidence").then(), 409, "report.already-accepted", null);

        // Reopened with a reason: the unit may correct it again, and does.
        Api.as("commune").header("If-Match", reportTag(sent)).body(Map.of("comment", "Sai số hiệu văn bản")).post("/api/v1/reports/" + sent + "/reopen")
                .then().statusCode(200);
        Api.as("reporter").header("If-Match", tag).body(Map.of("title", "Quyết định 77 về một cửa", "docNumber", "79/QĐ-UBND"))
                .put("/api/v1/evidence/" + shared).then().statusCode(200).body("onRecord", equalTo(false));
        Api.as("reporter").header("If-Match", reportTag(sent)).delete("/api/v1/reports/" + sent + "/evidence/" + extra).then().statusCode(204);

        // The history tells it all, naming people by their full names.
        var history = Api.as("commune").get("/api/v1/reports/" + sent + "/history").then().statusCode(200).extract().jsonPath();
        List<String> actions = history.getList("action");
        List<String> evidenceActions = actions.stream().filter(a -> a.startsWith("EVIDENCE_")).toList();
        assertEquals(List.of("EVIDENCE_ATTACHED", "EVIDENCE_ATTACHED", "EVIDENCE_UPDATED", "EVIDENCE_UPDATED", "EVIDENCE_DETACHED"),
                evidenceActions);
        String reporter = "Cán bộ Trung tâm Phục vụ hành chính công xã Xuân Lộc";
        assertEquals("Quyết định 77", history.getString("find { it.action == 'EVIDENCE_ATTACHED' }.changes.evidence.to"));
        assertEquals(reporter, history.getString("find { it.action == 'EVIDENCE_ATTACHED' }.by"));
        assertEquals("Quyết định 77", history.getString("find { it.action == 'EVIDENCE_UPDATED' }.changes['evidence.title'].from"));
        assertEquals("Quyết định 77 về một cửa", history.getString("find { it.action == 'EVIDENCE_UPDATED' }.changes['evidence.title'].to"));
        assertEquals("77/QĐ-UBND", history.getString("find { it.action == 'EVIDENCE_UPDATED' }.changes['evidence.docNumber'].from"));
        assertEquals("79/QĐ-UBND", history.getString("findAll { it.action == 'EVIDENCE_UPDATED' }[1].changes['evidence.docNumber'].to"));
        assertEquals("Danh sách hồ sơ", history.getString("find { it.action == 'EVIDENCE_DETACHED' }.changes.evidence.from"));
        assertEquals("Cán bộ điều phối xã Xuân Lộc", history.getString("find { it.changes.state?.to == 'ACCEPTED' }.by"));
        assertFalse(history.getList("by").contains("reporter"), "no account names in the history");
        // The report as read names people too.
        Api.as("commune").get("/api/v1/reports/" + sent).then().body("submittedBy", equalTo(reporter))
                .body("reviewedBy", equalTo("Cán bộ điều phối xã Xuân Lộc"));
    }

    private static List<String> attachedTo(String report) {
        return Api.json().queryParam("reportId", report).get("/api/v1/evidence").then().statusCode(200).extract().path("items.id");
    }

    // ---- database ----

    long count(String sql, Object... args) {
        return count(db, sql, args);
    }

    /** One number a query of the test's database counts; also used by the tests of archive limits. */
    static long count(DataSource db, String sql, Object... args) {
        try (Connection c = db.getConnection(); PreparedStatement st = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                st.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    void execute(String sql, Object... args) {
        try (Connection c = db.getConnection(); PreparedStatement st = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                st.setObject(i + 1, args[i]);
            }
            st.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static Path store() {
        return Path.of("target", "test-data", "evidence").toAbsolutePath();
    }

    static Path stored(String sha) {
        return store().resolve("objects").resolve(sha.substring(0, 2)).resolve(sha.substring(2, 4)).resolve(sha);
    }

    static long filesUnder(Path dir) {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).count();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Rows and files as they are: a refused upload must leave all of them unchanged. */
    record Snapshot(long evidence, long storedFiles, long objects, long uploads) {
    }

    Snapshot snapshot() {
        return new Snapshot(count("select count(*) from evidence"), count("select count(*) from stored_file"),
                filesUnder(store().resolve("objects")), filesUnder(Path.of("target", "test-data", "uploads")));
    }

    // ---- tests ----

    @Test
    void aDecisionIsUploadedWithItsVietnameseNameAndDownloadedIntact() throws Exception {
        Fixture f = fixture();
        String report = draft(f.first(), "2026-05").path("id");
        byte[] content = pdf();
        // A Mac sends names decomposed (NFD); the name is kept composed (NFC) as typed on Windows.
        String nfd = Normalizer.normalize(PDF_NAME, Normalizer.Form.NFD);
        Response created = upload("reporter", nfd, content, Map.of("title", "Quyết định phê duyệt Kế hoạch chuyển đổi số",
                "docNumber", "123/QĐ-UBND", "docDate", "2026-03-15", "issuer", "UBND xã Xuân Lộc",
                "summary", "Phê duyệt Kế hoạch chuyển đổi số năm 2026", "sha256", sha256(content), "reportId", report));
        created.then().statusCode(201).header("Location", containsString("/api/v1/evidence/"))
                .body("kind", equalTo("FILE")).body("fileName", equalTo(PDF_NAME)).body("mediaType", equalTo("application/pdf"))
                .body("sizeBytes", equalTo(content.length)).body("sha256", equalTo(sha256(content)))
                .body("docNumber", equalTo("123/QĐ-UBND")).body("docDate", equalTo("2026-03-15")).body("previewable", equalTo(true))
                .body("ownerUnit.code", equalTo("DNAI.XUANLOC.TTPVHCC")).body("attachments.reportId", hasItem(report));
        String id = created.path("id");

        Response download = Api.as("viewer").accept("*/*").queryParam("inline", true).get("/api/v1/evidence/" + id + "/content");
        download.then().statusCode(200).contentType("application/pdf")
                .header("Content-Disposition", containsString("inline; filename=\"Quyet dinh 123-QD-UBND ve chuyen doi so.pdf\""))
                .header("Content-Disposition", containsString("filename*=UTF-8''Quy%E1%BA%BFt%20%C4%91%E1%BB%8Bnh%20123-Q%C4%90-UBND"))
                .header("X-Content-Type-Options", "nosniff").header("Content-Security-Policy", containsString("default-src 'none'"))
                .header("ETag", "\"" + sha256(content) + "\"")
                .header("Repr-Digest", "sha-256=:" + java.util.Base64.getEncoder().encodeToString(HexFormat.of().parseHex(sha256(content))) + ":");
        assertArrayEquals(content, download.asByteArray());
        assertTrue(Files.isRegularFile(stored(sha256(content))), "content-addressed file in place");

        // Without inline, or for a type a browser must not render, it is an attachment.
        Api.as("viewer").accept("*/*").get("/api/v1/evidence/" + id + "/content").then().statusCode(200)
                .header("Content-Disposition", containsString("attachment;")).header("Content-Security-Policy", containsString("sandbox"));
        Api.as("viewer").accept("*/*").header("If-None-Match", "\"" + sha256(content) + "\"").get("/api/v1/evidence/" + id + "/content")
                .then().statusCode(304);

        Api.as("reporter").get("/api/v1/reports/" + report).then().statusCode(200).body("evidenceCount", equalTo(1));
        // Editing the description follows versions like everything else.
        String etag = Api.as("reporter").get("/api/v1/evidence/" + id).getHeader("ETag");
        Api.as("reporter").header("If-Match", etag).body(Map.of("title", "QĐ 123 (bản ký số)", "docNumber", "123/QĐ-UBND"))
                .put("/api/v1/evidence/" + id).then().statusCode(200).body("title", equalTo("QĐ 123 (bản ký số)")).body("docDate", equalTo(null));
        Api.refused(Api.as("reporter").header("If-Match", etag).body(Map.of("title", "cũ")).put("/api/v1/evidence/" + id).then(), 412,
                "conflict.stale-version", null);
    }

    @Test
    void officeDocumentsAndPhotosAreTypedByTheirContent() {
        upload("reporter", "Báo cáo.docx", docx(), Map.of()).then().statusCode(201)
                .body("mediaType", equalTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document"))
                .body("title", equalTo("Báo cáo")).body("previewable", equalTo(false));
        // The name says nothing: a photo named .pdf is still a photo.
        upload("reporter", "anh-chup.pdf", png(), Map.of()).then().statusCode(201).body("mediaType", equalTo("image/png"));
    }

    @Test
    void identicalContentIsStoredOnceAndReferencedManyTimes() {
        byte[] content = pdf();
        String sha = sha256(content);
        String a = upload("reporter", "ban-goc.pdf", content, Map.of()).then().statusCode(201).extract().path("id");
        String b = upload("reporter", "ban-sao.pdf", content, Map.of("title", "Bản sao")).then().statusCode(201).extract().path("id");
        assertNotEquals(a, b);
        assertEquals(1, count("select count(*) from stored_file where sha256 = ?", sha));
        assertEquals(2, count("select count(*) from evidence where sha256 = ?", sha));
        assertTrue(Files.isRegularFile(stored(sha)));
        assertEquals(Path.of(sha), stored(sha).getFileName(), "named by the hash, never by the uploader's name");
    }

    @Test
    void oneDecisionProvesSeveralReportsAndIsDetachedFromEach() {
        Fixture f = fixture();
        String r1 = draft(f.first(), "2026-06").path("id");
        String r2 = draft(f.second(), "2026-06").path("id");
        String r3 = draft(f.third(), "2026-07").path("id");
        String id = upload("reporter", "QĐ 45.pdf", pdf(), Map.of("reportId", List.of(r1, r2))).then().statusCode(201)
                .body("attachments.size()", equalTo(2)).extract().path("id");
        Api.as("reporter").header("If-Match", reportTag(r3)).body(Map.of("evidenceId", id)).post("/api/v1/reports/" + r3 + "/evidence").then().statusCode(200)
                .body("attachments.size()", equalTo(3));
        // Attaching again changes nothing.
        Api.as("reporter").header("If-Match", reportTag(r3)).body(Map.of("evidenceId", id)).post("/api/v1/reports/" + r3 + "/evidence").then().statusCode(200)
                .body("attachments.size()", equalTo(3));
        String link = Api.as("reporter").body(Map.of("url", "https://xuanloc.dongnai.gov.vn/van-ban/45", "title", "Cổng thông tin xã",
                "reportIds", List.of(r1))).post("/api/v1/evidence/links").then().statusCode(201).body("kind", equalTo("LINK"))
                .body("contentUrl", equalTo(null)).extract().path("id");

        Api.as("reporter").queryParam("reportId", r1).get("/api/v1/evidence").then().statusCode(200).body("totalItems", equalTo(2));
        Api.as("viewer").queryParam("indicatorId", f.second()).get("/api/v1/evidence").then().body("totalItems", equalTo(1))
                .body("items[0].id", equalTo(id));
        Api.as("province").queryParam("planId", f.plan()).queryParam("periodKey", "2026-07").get("/api/v1/evidence").then()
                .body("totalItems", equalTo(1));
        Api.as("commune").queryParam("planId", f.plan()).queryParam("kind", "LINK").get("/api/v1/evidence").then()
                .body("items.id", equalTo(List.of(link)));
        Api.as("commune").queryParam("unitId", Api.unitId("DNAI.XUANLOC.TTPVHCC")).queryParam("q", "QĐ 45").get("/api/v1/evidence").then()
                .body("items.id", hasItem(id));
        Api.as("reporter").get("/api/v1/reports/" + r1).then().body("evidenceCount", equalTo(2));
        Api.as("reporter").get("/api/v1/plans/" + f.plan() + "/periods/2026-06/consolidated").then().statusCode(200);
        Api.refused(Api.as("reporter").accept("*/*").get("/api/v1/evidence/" + link + "/content").then(), 409, "evidence.is-link", null);

        Api.as("reporter").header("If-Match", reportTag(r1)).delete("/api/v1/reports/" + r1 + "/evidence/" + id).then().statusCode(204);
        Api.refused(Api.as("reporter").header("If-Match", reportTag(r1)).delete("/api/v1/reports/" + r1 + "/evidence/" + id).then(), 404, "evidence.not-attached", null);
        Api.as("reporter").get("/api/v1/evidence/" + id).then().body("attachments.reportId", not(hasItem(r1)));
        Api.refused(Api.as("reporter").header("If-Match", "\"0\"").delete("/api/v1/evidence/" + id).then(), 409, "evidence.attached", null);
        assertEquals(0, count("select count(*) from evidence where id = ? and unattached_since is not null", UUID.fromString(id)));
        Api.as("reporter").header("If-Match", reportTag(r2)).delete("/api/v1/reports/" + r2 + "/evidence/" + id).then().statusCode(204);
        Api.as("reporter").header("If-Match", reportTag(r3)).delete("/api/v1/reports/" + r3 + "/evidence/" + id).then().statusCode(204);
        assertEquals(1, count("select count(*) from evidence where id = ? and unattached_since is not null", UUID.fromString(id)));

        // A submitted report takes no new evidence until it is returned.
        Response draft = Api.as("reporter").get("/api/v1/reports/" + r1);
        Api.as("reporter").header("If-Match", draft.getHeader("ETag")).post("/api/v1/reports/" + r1 + "/submit").then().statusCode(200);
        Api.refused(Api.as("reporter").header("If-Match", reportTag(r1)).body(Map.of("evidenceId", id)).post("/api/v1/reports/" + r1 + "/evidence").then(), 409,
                "report.under-review", null);
        Api.refused(Api.as("reporter").header("If-Match", reportTag(r1)).delete("/api/v1/reports/" + r1 + "/evidence/" + link).then(), 409, "report.under-review", null);
    }

    @Test
    void anIndicatorThatRequiresEvidenceTakesEvidenceOrAnExplanation() {
        Fixture f = fixture();
        Response bare = draft(f.second(), "2026-08");
        bare.then().body("evidenceRequired", equalTo(true)).body("evidenceCount", equalTo(0));
        String path = "/api/v1/reports/" + bare.path("id");
        Api.refused(Api.as("reporter").header("If-Match", bare.getHeader("ETag")).post(path + "/submit").then(), 400,
                "report.evidence-required", "evidenceExplanation");
        Response explained = Api.as("reporter").header("If-Match", bare.getHeader("ETag"))
                .body(Map.of("value", Map.of("number", 1), "evidenceExplanation", "Quyết định đang chờ ký, sẽ bổ sung kỳ sau"))
                .put(path);
        explained.then().statusCode(200);
        Api.as("reporter").header("If-Match", explained.getHeader("ETag")).post(path + "/submit").then().statusCode(200)
                .body("evidenceExplanation", equalTo("Quyết định đang chờ ký, sẽ bổ sung kỳ sau"));

        Response proven = draft(f.second(), "2026-09");
        upload("reporter", "QĐ.pdf", pdf(), Map.of("reportId", proven.path("id"))).then().statusCode(201);
        Api.as("reporter").header("If-Match", reportTag(proven.path("id"))).post("/api/v1/reports/" + proven.path("id") + "/submit").then()
                .statusCode(200).body("evidenceCount", equalTo(1));
        // An indicator that does not require evidence is submitted without it.
        Response free = draft(f.first(), "2026-08");
        Api.as("reporter").header("If-Match", free.getHeader("ETag")).post("/api/v1/reports/" + free.path("id") + "/submit").then().statusCode(200);
    }

    @Test
    void onlyThoseWhoMayReadAnAttachedReportSeeTheEvidence() {
        Fixture f = fixture();
        String report = draft(f.first(), "2026-10").path("id");
        byte[] content = pdf();
        String id = upload("reporter", "Bien ban.pdf", content, Map.of()).then().statusCode(201).extract().path("id");
        String outsider = AccessMatrixTest.user(Api.unitId("DNAI.PHULAM"));
        String outsiderToken = Api.signIn(AccessMatrixTest.username(outsider), "Kiem@Thu2026");

        // Unattached: the uploader alone.
        Api.as("reporter").accept("*/*").get("/api/v1/evidence/" + id + "/content").then().statusCode(200);
        for (String who : List.of("viewer", "reporter2", "commune", "province")) {
            Api.refused(Api.as(who).accept("*/*").get("/api/v1/evidence/" + id + "/content").then(), 404, "evidence.not-found", null);
            Api.as(who).get("/api/v1/evidence").then().body("items.id", not(hasItem(id)));
        }
        // Attached: whoever may read the report; nobody else, whatever they guess.
        Api.as("reporter").header("If-Match", reportTag(report)).body(Map.of("evidenceId", id)).post("/api/v1/reports/" + report + "/evidence").then().statusCode(200);
        for (String who : List.of("viewer", "reporter2", "commune", "province", "admin", "~service")) {
            byte[] got = Api.as(who).accept("*/*").get("/api/v1/evidence/" + id + "/content").then().statusCode(200).extract().asByteArray();
            assertArrayEquals(content, got, who);
        }
        Api.refused(given().header("Authorization", "Bearer " + outsiderToken).accept("*/*").get("/api/v1/evidence/" + id + "/content").then(),
                404, "evidence.not-found", null);
        Api.refused(given().header("Authorization", "Bearer " + outsiderToken).get("/api/v1/evidence/" + id).then(), 404, "evidence.not-found", null);
        Api.refused(Api.anonymous().accept("*/*").get("/api/v1/evidence/" + id + "/content").then(), 401, "auth.unauthenticated", null);

        // Writers: the people of the report's unit. Another unit of the commune reads but may not attach or detach.
        Api.refused(Api.as("reporter2").header("If-Match", reportTag(report)).body(Map.of("evidenceId", id)).post("/api/v1/reports/" + report + "/evidence").then(), 403,
                "access.not-your-unit", null);
        Api.refused(Api.as("reporter2").header("If-Match", reportTag(report)).delete("/api/v1/reports/" + report + "/evidence/" + id).then(), 403, "access.not-your-unit", null);
        Api.refused(Api.as("viewer").header("If-Match", reportTag(report)).body(Map.of("evidenceId", id)).post("/api/v1/reports/" + report + "/evidence").then(), 403,
                "access.denied", null);
        String etag = Api.as("reporter").get("/api/v1/evidence/" + id).getHeader("ETag");
        Api.refused(Api.as("reporter2").header("If-Match", etag).body(Map.of("title", "Sửa trộm")).put("/api/v1/evidence/" + id).then(),
                403, "access.not-your-unit", null);
        // Evidence a caller cannot see is unknown to them, even to attach to their own report.
        String own = upload("reporter", "rieng.pdf", pdf(), Map.of()).then().statusCode(201).extract().path("id");
        Response theirs = Api.as("reporter2").body(Map.of("periodKey", "2026-10", "indicatorId", f.first(), "value", Map.of("number", 1)))
                .post("/api/v1/reports");
        // The police are not assigned this indicator, so they have no report to attach to; the refusal names that instead.
        theirs.then().statusCode(400).body("code", equalTo("report.not-assigned"));
        Api.refused(Api.as("reporter").header("If-Match", reportTag(report)).body(Map.of("evidenceId", UUID.randomUUID()))
                .post("/api/v1/reports/" + report + "/evidence").then(),
                400, "evidence.unknown", "evidenceId");
        Api.as("reporter").header("If-Match", reportTag(report)).body(Map.of("evidenceId", own)).post("/api/v1/reports/" + report + "/evidence").then().statusCode(200);
    }

    @Test
    void anUploadToAReportTheCallerMayNotWriteStoresNothing() {
        Fixture f = fixture();
        String report = draft(f.third(), "2026-10").path("id");
        Snapshot before = snapshot();
        // Another unit of the same commune: may read the report, may not write it.
        Api.refused(upload("reporter2", "QĐ.pdf", pdf(), Map.of("reportId", report)).then(), 403, "access.not-your-unit", null);
        Api.refused(upload("commune", "QĐ.pdf", pdf(), Map.of("reportId", report)).then(), 403, "access.not-your-unit", null);
        // Someone of another commune does not even see it.
        Api.refused(upload("reporter", "QĐ.pdf", pdf(), Map.of("reportId", UUID.randomUUID())).then(), 404, "report.not-found", null);
        Api.refused(upload("viewer", "QĐ.pdf", pdf(), Map.of()).then(), 403, "access.denied", null);
        Api.refused(upload("admin", "QĐ.pdf", pdf(), Map.of()).then(), 403, "access.denied", null);
        assertEquals(before, snapshot());
    }

    @Test
    void badUploadsAreRefusedClearlyAndLeaveNothingBehind() throws Exception {
        Snapshot before = snapshot();
        byte[] exe = new byte[4096];
        exe[0] = 'M';
        exe[1] = 'Z';
        exe[0x3c] = (byte) 0x80;
        System.arraycopy("PE\0\0".getBytes(StandardCharsets.US_ASCII), 0, exe, 0x80, 4);
        // Told in words, not as a media type; in English when the person reads English, with the same code.
        Api.refused(upload("reporter", "bao-cao.pdf", exe, Map.of()).then(), 415, "evidence.type-not-allowed", "file")
                .header("Content-Language", "vi").body("title", equalTo("Định dạng nội dung không được hỗ trợ"))
                .body("detail", containsString("'bao-cao.pdf' là tệp chạy (.exe)")).body("detail", not(containsString("application/")))
                .body("errors[0].detail", equalTo("tệp chạy (.exe) không được nhận."));
        Api.refused(multipart("reporter").header("Accept-Language", "en-GB,en;q=0.9,vi;q=0.5")
                .multiPart("file", "bao-cao.pdf", exe, "application/octet-stream").post("/api/v1/evidence").then(), 415,
                "evidence.type-not-allowed", "file").header("Content-Language", "en").body("title", equalTo("Unsupported content type"))
                .body("detail", startsWith("This kind of file is not accepted"))
                .body("errors[0].detail", startsWith("This kind of file is not accepted"));
        byte[] elf = "\u007fELF\u0002\u0001\u0001\0\0\0\0\0\0\0\0\0".getBytes(StandardCharsets.ISO_8859_1);
        Api.refused(upload("reporter", "anh.jpg", elf, Map.of()).then(), 415, "evidence.type-not-allowed", "file");
        // A ZIP dressed as a Word document is still a ZIP.
        Api.refused(upload("reporter", "ke-hoach.docx", zip(Map.of("run.exe", "MZ")), Map.of()).then(), 415, "evidence.type-not-allowed", "file");
        Api.refused(upload("reporter", "ghi-chu.pdf", "chỉ là chữ".getBytes(StandardCharsets.UTF_8), Map.of()).then(), 415,
                "evidence.type-not-allowed", "file");
        Api.refused(upload("reporter", "rong.pdf", new byte[0], Map.of()).then(), 400, "evidence.empty", "file");
        for (String name : List.of("../../etc/passwd.pdf", "thu-muc/QĐ.pdf", "..\\QĐ.pdf", "QĐ\u0007.pdf", "QĐ\t.pdf", "fdp.\u202Eexe",
                "Q".repeat(296) + ".pdf")) {
            Api.refused(upload("reporter", name, pdf(), Map.of()).then(), 400, "evidence.file-name-invalid", "file");
        }
        // A raw line break cannot even travel inside a part's header: the body is malformed.
        Api.refused(upload("reporter", "QĐ\n.pdf", pdf(), Map.of()).then(), 400, "request.malformed-multipart", null);
        Api.refused(upload("reporter", "QĐ.pdf", pdf(), Map.of("docDate", "2099-01-01")).then(), 400, "evidence.date-in-future", "docDate");
        Api.refused(upload("reporter", "QĐ.pdf", pdf(), Map.of("docDate", "15/03/2026")).then(), 400, "evidence.date-invalid", "docDate");
        Api.refused(upload("reporter", "QĐ.pdf", pdf(), Map.of("sha256", sha256(pdf()))).then(), 400, "evidence.checksum-mismatch", "sha256");
        Api.refused(upload("reporter", "QĐ.pdf", pdf(), Map.of("title", "T".repeat(501))).then(), 400, "evidence.too-long", "title");
        Api.refused(upload("reporter", "QĐ.pdf", pdf(), Map.of("reportId", "khong-phai-ma")).then(), 400, "evidence.report-unknown", "reportId");
        Api.refused(multipart("reporter").multiPart("title", "Không có tệp").post("/api/v1/evidence").then(), 400, "evidence.file-required", "file");

        // Larger than the limit (3 MB in tests): refused after reading when the length fits the form allowance ...
        byte[] big = new byte[3 * 1024 * 1024 + 100 * 1024];
        System.arraycopy(pdf(), 0, big, 0, 20);
        Api.refused(upload("reporter", "lon.pdf", big, Map.of()).then(), 413, "evidence.too-large", "file")
                .body("detail", equalTo("Tệp quá lớn (3,1 MB); mỗi tệp tối đa 3,0 MB."));
        // ... and before a single byte is read when the declared length already says so.
        assertTrue(declaredTooLarge().startsWith("HTTP/1.1 413"));

        for (String url : List.of("ftp://xuanloc.gov.vn/qd.pdf", "javascript:alert(1)", "file:///etc/passwd", "https://", "xuanloc.gov.vn/qd",
                "https://user:matkhau@xuanloc.gov.vn/qd", "https://xuan loc.gov.vn")) {
            Api.refused(Api.as("reporter").body(Map.of("url", url, "title", "Văn bản")).post("/api/v1/evidence/links").then(), 400,
                    "evidence.link-invalid", "url");
        }
        Api.refused(Api.as("reporter").body(Map.of("url", "https://xuanloc.gov.vn/qd", "title", "Văn bản", "docDate", "2099-12-31"))
                .post("/api/v1/evidence/links").then(), 400, "evidence.date-in-future", "docDate");
        assertEquals(before, snapshot());
    }

    /** Sends only the headers of an upload declaring 60 MB and reads the answer; the body is never sent. */
    static String declaredTooLarge() throws IOException {
        int port = io.restassured.RestAssured.port;
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/v1/evidence HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + Api.token("reporter")
                    + "\r\nContent-Type: multipart/form-data; boundary=x\r\nContent-Length: " + (60L * 1024 * 1024) + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            // The answer comes before the body it refuses, on a connection left open: read until the code shows.
            StringBuilder answer = new StringBuilder();
            byte[] buffer = new byte[512];
            for (int n; !answer.toString().contains("evidence.too-large") && (n = in.read(buffer)) > 0;) {
                answer.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
            }
            assertTrue(answer.toString().contains("evidence.too-large"), answer.toString());
            return answer.toString();
        }
    }

    static Response stream(String who, String name, Object body, Map<String, ?> query) {
        RequestSpecification r = given().header("Authorization", "Bearer " + Api.token(who)).accept("application/json")
                .contentType("application/octet-stream").queryParam("fileName", name);
        query.forEach((k, v) -> r.queryParam(k, v instanceof List<?> list ? list.toArray() : new Object[] {v}));
        return (body instanceof InputStream in ? r.body(in) : r.body((byte[]) body)).post("/api/v1/evidence/stream");
    }

    @Test
    void theBodyItselfIsStreamedToStorageUnderTheSameRules() {
        Fixture f = fixture();
        String report = draft(f.first(), "2026-12").path("id");
        byte[] content = pdf();
        stream("reporter", PDF_NAME, content, Map.of("title", "Quyết định (bản quét)", "docNumber", "123/QĐ-UBND", "reportId", report,
                "sha256", sha256(content))).then().statusCode(201).body("fileName", equalTo(PDF_NAME)).body("sha256", equalTo(sha256(content)))
                .body("mediaType", equalTo("application/pdf")).body("docNumber", equalTo("123/QĐ-UBND"))
                .body("attachments.reportId", hasItem(report));
        // The same content through the form is the same stored file.
        upload("reporter", "ban-khac.pdf", content, Map.of()).then().statusCode(201).body("sha256", equalTo(sha256(content)));
        assertEquals(1, count("select count(*) from stored_file where sha256 = ?", sha256(content)));

        Snapshot before = snapshot();
        byte[] exe = new byte[2048];
        exe[0] = 'M';
        exe[1] = 'Z';
        Api.refused(stream("reporter", "bao-cao.pdf", exe, Map.of()).then(), 415, "evidence.type-not-allowed", "file");
        Api.refused(stream("reporter", "../bao-cao.pdf", pdf(), Map.of()).then(), 400, "evidence.file-name-invalid", "file");
        Api.refused(stream("reporter", "", pdf(), Map.of()).then(), 400, "evidence.file-name-required", "file");
        Api.refused(stream("reporter", "rong.pdf", new byte[0], Map.of()).then(), 400, "evidence.empty", "file");
        Api.refused(stream("reporter", "QĐ.pdf", pdf(), Map.of("docDate", "2099-01-01")).then(), 400, "evidence.date-in-future", "docDate");
        Api.refused(stream("reporter", "QĐ.pdf", pdf(), Map.of("sha256", "00")).then(), 400, "evidence.checksum-mismatch", "sha256");
        Api.refused(stream("reporter2", "QĐ.pdf", pdf(), Map.of("reportId", report)).then(), 403, "access.not-your-unit", null);
        Api.refused(stream("viewer", "QĐ.pdf", pdf(), Map.of()).then(), 403, "access.denied", null);
        // A body without a declared length is counted as it comes and cut off at the limit.
        byte[] big = new byte[3 * 1024 * 1024 + 1];
        System.arraycopy(pdf(), 0, big, 0, 20);
        Api.refused(stream("reporter", "lon.pdf", new java.io.ByteArrayInputStream(big), Map.of()).then(), 413, "evidence.too-large", "file");
        assertEquals(before, snapshot());
    }

    /**
     * The stream is written in megabyte blocks of whole disk blocks (straight to the disk where the filesystem
     * allows it), the last one padded and the file then cut to its length: every size around those
     * boundaries is stored byte for byte, at its own length.
     */
    @Test
    void streamedBodiesOfEverySizeAreStoredByteForByte() throws Exception {
        java.util.Random random = new java.util.Random(2026);
        int mb = 1024 * 1024;
        for (int size : new int[] {9, 4095, 4096, 4097, mb - 1, mb, mb + 1, 2 * mb + 12345}) {
            byte[] content = new byte[size];
            random.nextBytes(content);
            byte[] head = "%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII);
            System.arraycopy(head, 0, content, 0, Math.min(head.length, size));
            String sha = sha256(content);
            String id = stream("reporter", "khoi-" + size + ".pdf", content, Map.of("sha256", sha)).then().statusCode(201)
                    .body("sizeBytes", equalTo(size)).body("sha256", equalTo(sha)).extract().path("id");
            assertEquals(size, Files.size(stored(sha)), "stored at its own length: " + size);
            assertArrayEquals(content, Files.readAllBytes(stored(sha)), "stored byte for byte: " + size);
            assertArrayEquals(content, Api.as("reporter").accept("*/*").get("/api/v1/evidence/" + id + "/content").asByteArray());
        }
    }

    @Test
    void orphansAreSweptAfterTheGracePeriodAndSharedContentStays() throws Exception {
        Fixture f = fixture();
        String report = draft(f.first(), "2026-11").path("id");
        byte[] shared = pdf();
        String kept = upload("reporter", "giu.pdf", shared, Map.of("reportId", report)).then().statusCode(201).extract().path("id");
        String orphanSharing = upload("reporter", "ban-sao.pdf", shared, Map.of()).then().statusCode(201).extract().path("id");
        byte[] alone = pdf();
        String orphan = upload("reporter", "bo-quen.pdf", alone, Map.of()).then().statusCode(201).extract().path("id");
        String fresh = upload("reporter", "vua-tai.pdf", pdf(), Map.of()).then().statusCode(201).extract().path("id");

        execute("update evidence set unattached_since = now() - interval '25 hours' where id in (?, ?)", UUID.fromString(orphanSharing),
                UUID.fromString(orphan));
        // Attached evidence is never swept, however old.
        execute("update evidence set created_at = now() - interval '30 days' where id = ?", UUID.fromString(kept));
        var result = janitor.sweep(Instant.now());
        assertTrue(result.evidenceRemoved() >= 2, result.toString());
        assertEquals(0, count("select count(*) from evidence where id in (?, ?)", UUID.fromString(orphanSharing), UUID.fromString(orphan)));
        assertEquals(1, count("select count(*) from evidence where id = ?", UUID.fromString(kept)));
        assertEquals(1, count("select count(*) from evidence where id = ?", UUID.fromString(fresh)));
        assertFalse(Files.exists(stored(sha256(alone))), "content nothing references is removed");
        assertEquals(0, count("select count(*) from stored_file where sha256 = ?", sha256(alone)));
        assertTrue(Files.isRegularFile(stored(sha256(shared))), "content still referenced stays");
        Api.as("viewer").accept("*/*").get("/api/v1/evidence/" + kept + "/content").then().statusCode(200);
        // The deletion is on record.
        assertEquals(1, count("select count(*) from audit_event where object_type = 'evidence' and object_id = ? and action = 'DELETE'", orphan));
    }

    @Test
    void theIntegrityCheckFindsDamagedMissingAndStrayFiles() throws Exception {
        byte[] damagedContent = pdf();
        String damaged = upload("reporter", "hong.pdf", damagedContent, Map.of()).then().statusCode(201).extract().path("id");
        byte[] missingContent = pdf();
        upload("reporter", "mat.pdf", missingContent, Map.of()).then().statusCode(201);
        Files.write(stored(sha256(damagedContent)), "bị sửa".getBytes(StandardCharsets.UTF_8));
        Files.delete(stored(sha256(missingContent)));
        byte[] strayContent = pdf();
        Path stray = stored(sha256(strayContent));
        Files.createDirectories(stray.getParent());
        Files.write(stray, strayContent);

        Response report = Api.json().get("/api/v1/evidence/integrity");
        report.then().statusCode(200)
                .body("problems.find { it.sha256 == '" + sha256(damagedContent) + "' }.problem", equalTo("CORRUPT"))
                .body("problems.find { it.sha256 == '" + sha256(damagedContent) + "' }.evidenceIds", hasItem(damaged))
                .body("problems.find { it.sha256 == '" + sha256(missingContent) + "' }.problem", equalTo("MISSING"))
                .body("problems.find { it.sha256 == '" + sha256(strayContent) + "' }.problem", equalTo("UNREFERENCED"));
        Api.refused(Api.as("province").get("/api/v1/evidence/integrity").then(), 403, "access.denied", null);

        // Lost content comes back when someone uploads the same file again; the stray is swept.
        upload("reporter", "mat.pdf", missingContent, Map.of()).then().statusCode(201);
        Api.json().post("/api/v1/evidence/sweep").then().statusCode(200);
        assertFalse(Files.exists(stray));
        // The damaged file stays reported until it is restored (from the backup).
        Api.json().get("/api/v1/evidence/integrity").then().statusCode(200)
                .body("problems.sha256", not(hasItem(sha256(strayContent))))
                .body("problems.sha256", not(hasItem(sha256(missingContent))))
                .body("problems.find { it.sha256 == '" + sha256(damagedContent) + "' }.problem", equalTo("CORRUPT"));
        Files.write(stored(sha256(damagedContent)), damagedContent);
        Api.json().get("/api/v1/evidence/integrity").then().body("problems.sha256", not(hasItem(sha256(damagedContent))));
    }
}
