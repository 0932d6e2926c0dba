package vn.dti.tracker.document;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.poifs.crypt.Decryptor;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTcPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STMerge;

import vn.dti.tracker.common.ArchiveLimits;
import vn.dti.tracker.common.DomainException;

/**
 * A plan issued as a Word document (.docx), read with Apache POI into paragraphs and tables in the order the document
 * has them. The package is checked against the archive limits before POI opens it, and POI's own zip guard holds to
 * the same limits ({@link PoiZipLimits}): a document that would unpack past them is refused, never inflated.
 */
final class DocxPlanSource {

    private DocxPlanSource() {
    }

    static PlanSource read(Path file, ArchiveLimits limits, int maxBlocks) {
        check(file, limits);
        try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ); XWPFDocument doc = new XWPFDocument(pkg)) {
            List<PlanSource.Block> blocks = new ArrayList<>();
            for (IBodyElement element : doc.getBodyElements()) {
                if (blocks.size() >= maxBlocks) {
                    throw PlanIntakeProblems.tooLarge("Tài liệu có hơn " + maxBlocks + " đoạn và bảng.");
                }
                if (element instanceof XWPFParagraph p) {
                    String text = text(p);
                    if (!text.isBlank()) {
                        blocks.add(new PlanSource.Paragraph(blocks.size() + 1, 0, text, bold(List.of(p)), false));
                    }
                } else if (element instanceof XWPFTable t) {
                    List<SheetReader.Row> rows = rows(t);
                    if (!rows.isEmpty()) {
                        blocks.add(new PlanSource.Table(blocks.size() + 1, 0, rows, new HashSet<>()));
                    }
                }
            }
            return new PlanSource(PlanSource.Kind.DOCX, 0, blocks);
        } catch (DomainException e) {
            throw e;
        } catch (EncryptedDocumentException e) {
            throw PlanIntakeProblems.encrypted();
        } catch (IOException | org.apache.poi.openxml4j.exceptions.InvalidFormatException | RuntimeException e) {
            if (isZipGuard(e)) {
                throw limits.refusal(String.valueOf(e.getMessage()).contains("ratio"));
            }
            throw PlanIntakeProblems.damaged();
        }
    }

    /** Whether this is a Word package (and not a workbook or a presentation). */
    static boolean isDocx(Path file) {
        try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
            var main = pkg.getRelationshipsByType(org.apache.poi.openxml4j.opc.PackageRelationshipTypes.CORE_DOCUMENT);
            if (main.size() == 0) {
                return false;
            }
            var part = pkg.getPart(main.getRelationship(0));
            return part != null && part.getContentType().contains("wordprocessingml");
        } catch (Exception e) {
            return false;
        }
    }

    private static void check(Path file, ArchiveLimits limits) {
        try {
            FileMagic magic = FileMagic.valueOf(file.toFile());
            if (magic == FileMagic.OLE2) {
                boolean encrypted;
                try (POIFSFileSystem fs = new POIFSFileSystem(file.toFile(), true)) {
                    encrypted = fs.getRoot().hasEntryCaseInsensitive(Decryptor.DEFAULT_POIFS_ENTRY);
                }
                throw encrypted ? PlanIntakeProblems.encrypted()
                        : PlanIntakeProblems.unsupported("Tệp là văn bản Word 97-2003 (.doc): hãy mở bằng Word và lưu lại dạng .docx.");
            }
            limits.check(file);
        } catch (IOException e) {
            throw PlanIntakeProblems.damaged();
        }
    }

    private static boolean isZipGuard(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getMessage() != null && t.getMessage().contains("Zip bomb detected")) {
                return true;
            }
        }
        return false;
    }

    /** The paragraph's text with its line breaks ("\n") and tabs (" "). */
    private static String text(XWPFParagraph p) {
        StringBuilder out = new StringBuilder();
        for (XWPFRun run : p.getRuns()) {
            String t = run.text();
            out.append(t == null ? "" : t.replace('\t', ' '));
        }
        return out.toString().replace('\u00a0', ' ').replaceAll("[ ]{2,}", " ").replaceAll(" *\n *", "\n").strip();
    }

    /** Every run with text is bold (directly, or through the paragraph's style). */
    private static boolean bold(List<XWPFParagraph> paragraphs) {
        boolean any = false;
        for (XWPFParagraph p : paragraphs) {
            for (XWPFRun run : p.getRuns()) {
                String t = run.text();
                if (t == null || t.isBlank()) {
                    continue;
                }
                any = true;
                if (!run.isBold()) {
                    return false;
                }
            }
        }
        return any;
    }

    /**
     * The table's rows as a sheet's: a cell spanning columns takes the first of them, a cell merged down from the one
     * above is empty (its text belongs to the first row of the merge).
     */
    private static List<SheetReader.Row> rows(XWPFTable table) {
        List<SheetReader.Row> rows = new ArrayList<>();
        int number = 0;
        for (XWPFTableRow row : table.getRows()) {
            number++;
            Map<Integer, SheetReader.Cell> cells = new LinkedHashMap<>();
            int column = 0;
            for (XWPFTableCell cell : row.getTableCells()) {
                CTTcPr pr = cell.getCTTc().getTcPr();
                int span = pr != null && pr.getGridSpan() != null && pr.getGridSpan().getVal() != null ? pr.getGridSpan().getVal().intValue() : 1;
                boolean continued = pr != null && pr.getVMerge() != null
                        && (pr.getVMerge().getVal() == null || pr.getVMerge().getVal() == STMerge.CONTINUE);
                String text = continued ? "" : cellText(cell);
                if (!text.isBlank()) {
                    cells.put(column, new SheetReader.Cell(text, false, bold(cell.getParagraphs())));
                }
                column += Math.max(1, span);
            }
            if (!cells.isEmpty()) {
                rows.add(new SheetReader.Row(number, cells));
            }
        }
        return rows;
    }

    private static String cellText(XWPFTableCell cell) {
        List<String> lines = new ArrayList<>();
        for (XWPFParagraph p : cell.getParagraphs()) {
            String t = text(p);
            if (!t.isBlank()) {
                lines.add(t);
            }
        }
        return String.join("\n", lines);
    }
}
