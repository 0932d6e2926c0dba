package vn.dti.tracker.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The archive limits, on archives built here: what an Office document is passes, every kind of bomb is refused. */
class ArchiveLimitsTest {

    static final long MB = 1024 * 1024;
    /** 4 MB in all, 2 MB in one entry, 20 entries, 1:100. */
    static final ArchiveLimits LIMITS = new ArchiveLimits(4 * MB, 2 * MB, 20, 100);

    @TempDir
    Path dir;

    Path file(byte[] content) throws IOException {
        return Files.write(Files.createTempFile(dir, "archive", ".zip"), content);
    }

    DomainException refused(byte[] archive) throws IOException {
        return assertThrows(DomainException.class, () -> LIMITS.check(file(archive)));
    }

    @Test
    void aDocumentWithTextAndPhotosPassesAndEveryByteIsCounted() throws IOException {
        byte[] document = Zips.docx().compressible("word/document2.xml", (long) (1.5 * MB)).incompressible("word/media/image1.jpeg", MB)
                .bytes();
        ArchiveLimits.Measured measured = LIMITS.check(file(document));
        assertEquals(5, measured.entries());
        assertTrue(measured.inflatedSize() > (long) (2.5 * MB) && measured.inflatedSize() < (long) (2.5 * MB) + 4096, "" + measured);
    }

    @Test
    void aShortRunOfRepeatedMarkupIsNotJudgedByItsRatio() throws IOException {
        byte[] archive = Zips.create().zeros("xl/styles.xml", 90 * 1024).bytes();
        assertEquals(1, LIMITS.check(file(archive)).entries());
    }

    @Test
    void aPartThatUnpacksAThousandTimesIsABomb() throws IOException {
        DomainException e = refused(Zips.docx().zeros("word/bomb.xml", 1536 * 1024).bytes());
        assertEquals(ArchiveLimits.BOMB, e.code());
        assertEquals(DomainException.Kind.TOO_LARGE, e.kind());
        assertEquals("file", e.errors().get(0).field());
        assertTrue(e.getMessage().contains("100 lần"), e.getMessage());
    }

    @Test
    void partsThatUnpackPastTheTotalAtAnOrdinaryRatioAreTooLarge() throws IOException {
        Zips zips = Zips.docx();
        for (int i = 0; i < 3; i++) {
            zips.compressible("word/part" + i + ".xml", (long) (1.5 * MB));
        }
        DomainException e = refused(zips.bytes());
        assertEquals(ArchiveLimits.TOO_LARGE, e.code());
        assertTrue(e.getMessage().contains("4.0 MB"), e.getMessage());
    }

    @Test
    void onePartPastTheEntryLimitIsTooLarge() throws IOException {
        DomainException e = refused(Zips.docx().compressible("word/document2.xml", 3 * MB).bytes());
        assertEquals(ArchiveLimits.TOO_LARGE, e.code());
        assertTrue(e.getMessage().contains("2.0 MB"), e.getMessage());
    }

    @Test
    void tooManyPartsAreTooLarge() throws IOException {
        Zips zips = Zips.create();
        for (int i = 0; i < 21; i++) {
            zips.text("part" + i + ".xml", "<p/>");
        }
        DomainException e = refused(zips.bytes());
        assertEquals(ArchiveLimits.TOO_LARGE, e.code());
        assertTrue(e.getMessage().contains("20 phần"), e.getMessage());
    }

    @Test
    void aCentralDirectoryThatUnderstatesTheSizesDoesNotHideTheBytes() throws IOException {
        assertEquals(ArchiveLimits.BOMB, refused(Zips.create().zeros("bomb.xml", (long) (1.5 * MB)).lyingAboutSizes(10)).code());
        Zips zips = Zips.create();
        for (int i = 0; i < 3; i++) {
            zips.compressible("part" + i + ".xml", (long) (1.9 * MB));
        }
        assertEquals(ArchiveLimits.TOO_LARGE, refused(zips.lyingAboutSizes(10)).code());
    }

    @Test
    void declaredSizesPastTheLimitAreRefusedWithoutUnpacking() throws IOException {
        assertEquals(ArchiveLimits.TOO_LARGE, refused(Zips.create().text("small.xml", "<p/>").lyingAboutSizes(Integer.MAX_VALUE)).code());
    }

    @Test
    void tighterLimitsForContentParsedInMemory() {
        ArchiveLimits tight = LIMITS.atMost(MB);
        assertEquals(new ArchiveLimits(MB, MB, 20, 100), tight);
        assertEquals(LIMITS, LIMITS.atMost(100 * MB));
        assertThrows(IllegalArgumentException.class, () -> new ArchiveLimits(0, MB, 1, 1));
    }

    @Test
    void zipArchivesAreKnownByTheirFirstBytesAndADamagedOneCannotBeRead() throws IOException {
        byte[] document = Zips.docx().bytes();
        assertTrue(ArchiveLimits.isZip(file(document)));
        assertFalse(ArchiveLimits.isZip(file("%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII))));
        assertFalse(ArchiveLimits.isZip(file(new byte[] {'P'})));
        byte[] cut = java.util.Arrays.copyOf(document, document.length / 2);
        assertThrows(IOException.class, () -> LIMITS.check(file(cut)));
        byte[] damaged = Zips.create().compressible("word/document.xml", MB).text("[Content_Types].xml", "<Types/>").withFirstPartDamaged();
        assertTrue(ArchiveLimits.isZip(file(damaged)));
        assertThrows(IOException.class, () -> LIMITS.check(file(damaged)));
    }
}
