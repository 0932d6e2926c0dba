package vn.dti.tracker;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import vn.dti.tracker.common.ArchiveLimits;
import vn.dti.tracker.common.Zips;

/**
 * Every endpoint that takes a file refuses a zip bomb with 413 and stores nothing: the evidence form, the evidence
 * stream and the appendix import (preview and commit). The bombs are built here, sized for the test limits
 * (application.properties: archives 40 MB in all, 24 MB in one part, 500 parts, 1:100; workbooks 16 MB; files 3 MB,
 * workbooks 1 MB). Ordinary documents that unpack to many megabytes still go through.
 */
@QuarkusTest
class ArchiveBombTest {

    static final long MB = 1024 * 1024;

    @Inject
    DataSource db;

    /** A Word document with one more part: about 1 KB of compressed zeros that unpacks to 8 MB. */
    static byte[] ratioBomb(Zips base) {
        return base.zeros("word/media/bomb.bin", 8 * MB).bytes();
    }

    /** Parts at an ordinary ratio (about 1:30) that together unpack past the total (40 MB) in 1.5 MB. */
    static byte[] sizeBomb(Zips base, int parts, long each) {
        for (int i = 0; i < parts; i++) {
            base.compressible("word/part" + i + ".xml", each);
        }
        return base.bytes();
    }

    /** One part past the part limit (24 MB). */
    static byte[] entryBomb(Zips base) {
        return base.compressible("word/document2.xml", 25 * MB).bytes();
    }

    static byte[] manyParts(Zips base) {
        for (int i = 0; i < 500; i++) {
            base.text("word/p" + i + ".xml", "<p/>");
        }
        return base.bytes();
    }

    long count(String sql, Object... args) {
        return EvidenceTest.count(db, sql, args);
    }

    /** Rows and files as they are: a refused file must leave all of them unchanged. */
    record Snapshot(long evidence, long storedFiles, long objects, long partial, long uploads) {
    }

    Snapshot snapshot() {
        return new Snapshot(count("select count(*) from evidence"), count("select count(*) from stored_file"),
                EvidenceTest.filesUnder(EvidenceTest.store().resolve("objects")), EvidenceTest.filesUnder(EvidenceTest.store().resolve("partial")),
                EvidenceTest.filesUnder(Path.of("target", "test-data", "uploads")));
    }

    void everyEvidenceUploadRefuses(byte[] bomb, String code) {
        List<Function<byte[], Response>> sends = List.of(
                b -> EvidenceTest.upload("reporter", "Báo cáo kết quả.docx", b, Map.of()),
                b -> EvidenceTest.stream("reporter", "Báo cáo kết quả.docx", b, Map.of()),
                b -> EvidenceTest.stream("reporter", "Báo cáo kết quả.docx", new java.io.ByteArrayInputStream(b), Map.of()));
        for (Function<byte[], Response> send : sends) {
            Api.refused(send.apply(bomb).then(), 413, code, "file");
        }
    }

    @Test
    void evidenceThatWouldUnpackPastTheLimitsIsRefusedAndNothingIsStored() {
        Snapshot before = snapshot();
        everyEvidenceUploadRefuses(ratioBomb(Zips.docx()), ArchiveLimits.BOMB);
        everyEvidenceUploadRefuses(sizeBomb(Zips.docx(), 3, 15 * MB), ArchiveLimits.TOO_LARGE);
        everyEvidenceUploadRefuses(entryBomb(Zips.docx()), ArchiveLimits.TOO_LARGE);
        everyEvidenceUploadRefuses(manyParts(Zips.docx()), ArchiveLimits.TOO_LARGE);
        // The central directory says every part is 10 bytes: the bytes are counted all the same.
        everyEvidenceUploadRefuses(Zips.docx().zeros("word/media/bomb.bin", 8 * MB).lyingAboutSizes(10), ArchiveLimits.BOMB);
        // A document cut short cannot be unpacked to its end: it is not stored either.
        byte[] damaged = Zips.create().compressible("word/media/chart1.xml", MB).text("[Content_Types].xml", "<Types/>")
                .text("word/document.xml", "<w:document/>").withFirstPartDamaged();
        Api.refused(EvidenceTest.upload("reporter", "Báo cáo.docx", damaged, Map.of()).then(), 400, ArchiveLimits.DAMAGED, "file");
        assertEquals(before, snapshot());
    }

    @Test
    void anOrdinaryLargeDocumentIsStored() {
        // 2 MB of photos and 12 MB of text: 2.4 MB sent, 14 MB unpacked.
        byte[] docx = Zips.docx().incompressible("word/media/image1.jpeg", 2 * MB).compressible("word/document2.xml", 12 * MB).bytes();
        EvidenceTest.upload("reporter", "Báo cáo có ảnh.docx", docx, Map.of()).then().statusCode(201)
                .body("mediaType", equalTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document"))
                .body("sizeBytes", equalTo(docx.length));
        byte[] other = Zips.docx().compressible("word/document2.xml", 20 * MB).bytes();
        EvidenceTest.stream("reporter", "Báo cáo dài.docx", other, Map.of()).then().statusCode(201).body("sizeBytes", equalTo(other.length));
    }

    @Test
    void aWorkbookThatWouldUnpackPastTheLimitsIsRefusedInPreviewAndCommitAndNothingIsStored() {
        String planId = AppendixImportTest.newXuanLocPlan(2026, 2026);
        byte[] sheet = Sheets.xlsx(Sheets.xuanLocAppendix(), 0);
        Snapshot before = snapshot();
        Map<byte[], String> bombs = new java.util.LinkedHashMap<>();
        bombs.put(ratioBomb(Zips.copyOf(sheet)), ArchiveLimits.BOMB);
        // The workbook limit (16 MB) is lower than the general one: 18 MB at an ordinary ratio, sent in 0.6 MB.
        bombs.put(sizeBomb(Zips.copyOf(sheet), 2, 9 * MB), ArchiveLimits.TOO_LARGE);
        bombs.put(manyParts(Zips.copyOf(sheet)), ArchiveLimits.TOO_LARGE);
        bombs.put(Zips.copyOf(sheet).zeros("xl/media/bomb.bin", 8 * MB).lyingAboutSizes(10), ArchiveLimits.BOMB);
        for (var bomb : bombs.entrySet()) {
            for (boolean dryRun : new boolean[] {true, false}) {
                Api.refused(AppendixImportTest.send("commune", planId, bomb.getKey(), dryRun, null).then(), 413, bomb.getValue(), "file");
            }
        }
        // A bomb that is not even a workbook is refused the same way, before anything else reads it.
        Api.refused(AppendixImportTest.send("commune", planId, ratioBomb(Zips.create()), true, null).then(), 413, ArchiveLimits.BOMB, "file");
        assertEquals(0, AppendixImportTest.indicatorCount(planId));
        assertEquals(before, snapshot());
    }

    @Test
    void anOrdinaryWorkbookThatUnpacksToManyMegabytesIsImported() {
        String planId = AppendixImportTest.newXuanLocPlan(2026, 2026);
        // The appendix and 10 MB of other content at an ordinary ratio (0.4 MB sent).
        byte[] sheet = Zips.copyOf(Sheets.xlsx(Sheets.xuanLocAppendix(), 0)).compressible("xl/extra.xml", 10 * MB).bytes();
        AppendixImportTest.send("commune", planId, sheet, true, null).then().statusCode(200).body("valid", equalTo(true))
                .body("items.created", hasSize(30));
        AppendixImportTest.send("commune", planId, sheet, false, null).then().statusCode(200).body("items.created", hasSize(30));
        assertEquals(30, AppendixImportTest.indicatorCount(planId));
    }
}
