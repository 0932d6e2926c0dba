package vn.dti.tracker.document;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.poifs.crypt.Decryptor;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.Attributes;
import org.xml.sax.ContentHandler;
import org.xml.sax.InputSource;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

import vn.dti.tracker.common.ArchiveLimits;
import vn.dti.tracker.common.DomainException;
import vn.dti.tracker.common.FieldError;

/**
 * Reads the rows of an uploaded workbook as a person sees them (numbers and percentages as formatted), sheet by
 * sheet, streamed with POI's event API: a sheet is never held as a whole object model, and reading stops as soon as
 * the row limit is passed. Cells holding a formula are marked, so that the import can refuse them.
 */
final class SheetReader {

    /** One cell: the text shown, whether it is computed by a formula, and whether it is written in bold (a heading). */
    record Cell(String text, boolean formula, boolean bold) {
    }

    /** A row that has at least one non-empty cell; {@code number} is the row number Excel shows (1-based). */
    record Row(int number, Map<Integer, Cell> cells) {
        String text(Integer column) {
            Cell c = column == null ? null : cells.get(column);
            return c == null ? "" : c.text();
        }

        boolean bold(Integer column) {
            Cell c = column == null ? null : cells.get(column);
            return c != null && c.bold();
        }

        boolean formula(Integer column) {
            Cell c = column == null ? null : cells.get(column);
            return c != null && c.formula();
        }
    }

    record Sheet(String name, List<Row> rows) {
    }

    private SheetReader() {
    }

    /**
     * Hands each sheet in turn to {@code use} until it returns something; the rows of all sheets read count
     * against {@code maxRows}. The workbook is read from its file, after it has passed {@code limits}: no part of it is
     * unpacked into memory but the shared texts and styles, and the sheet being read row by row.
     */
    static <T> T firstAccepted(Path file, ArchiveLimits limits, int maxRows, Function<Sheet, T> use) {
        checkContainer(file, limits);
        try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
            if (!isWorkbook(pkg)) {
                throw notXlsx("Tệp là một tài liệu Office (Word, PowerPoint) chứ không phải bảng tính Excel (.xlsx).");
            }
            XSSFReader reader = new XSSFReader(pkg);
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg);
            var styles = reader.getStylesTable();
            XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
            int[] budget = {maxRows};
            while (sheets.hasNext()) {
                Sheet sheet;
                try (InputStream in = sheets.next()) {
                    sheet = readSheet(sheets.getSheetName(), in, styles, strings, budget, maxRows);
                }
                T result = use.apply(sheet);
                if (result != null) {
                    return result;
                }
            }
            return null;
        } catch (DomainException e) {
            throw e;
        } catch (IOException | OpenXML4JException | SAXException | RuntimeException e) {
            String guard = poiGuard(e);
            throw guard == null ? corrupt(e) : limits.refusal(guard.contains("max. ratio"));
        }
    }

    /** What Apache POI's zip guard said, if it is what stopped the reading ("Zip bomb detected! … max. ratio …"). */
    private static String poiGuard(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getMessage() != null && t.getMessage().contains("Zip bomb detected")) {
                return t.getMessage();
            }
        }
        return null;
    }

    /** The package's main part is a workbook (a Word or PowerPoint file is an Office package too). */
    private static boolean isWorkbook(OPCPackage pkg) {
        var main = pkg.getRelationshipsByType(org.apache.poi.openxml4j.opc.PackageRelationshipTypes.CORE_DOCUMENT);
        if (main.size() == 0) {
            return false;
        }
        var part = pkg.getPart(main.getRelationship(0));
        return part != null && part.getContentType().contains("spreadsheetml");
    }

    /**
     * Refuses what is not an XLSX container before anything is parsed: nothing, an old .xls, a protected workbook,
     * another file, or a package that would unpack past the limits.
     */
    private static void checkContainer(Path file, ArchiveLimits limits) {
        FileMagic magic;
        try {
            if (Files.size(file) == 0) {
                throw DomainException.invalidField("file", "import.empty", "Không có tệp: nội dung gửi lên trống.");
            }
            magic = FileMagic.valueOf(file.toFile());
        } catch (IOException e) {
            throw corrupt(e);
        }
        if (magic == FileMagic.OOXML) {
            try {
                limits.check(file);
            } catch (IOException e) {
                throw corrupt(e);
            }
            return;
        }
        if (magic == FileMagic.OLE2) {
            boolean encrypted;
            try (POIFSFileSystem fs = new POIFSFileSystem(file.toFile(), true)) {
                encrypted = fs.getRoot().hasEntryCaseInsensitive(Decryptor.DEFAULT_POIFS_ENTRY);
            } catch (IOException | RuntimeException e) {
                throw corrupt(e);
            }
            if (encrypted) {
                throw DomainException.invalidField("file", "import.encrypted",
                        "Bảng tính được đặt mật khẩu: hãy bỏ mật khẩu (File › Info › Protect Workbook) rồi gửi lại.");
            }
            throw notXlsx("Tệp là bảng tính Excel 97-2003 (.xls): hãy mở bằng Excel và lưu lại dạng .xlsx.");
        }
        throw notXlsx("Tệp gửi lên không phải bảng tính Excel (.xlsx).");
    }

    private static Sheet readSheet(String name, InputStream in, org.apache.poi.xssf.model.Styles styles, ReadOnlySharedStringsTable strings,
            int[] budget, int maxRows) throws IOException, SAXException {
        List<Row> rows = new ArrayList<>();
        Collector collector = new Collector(rows, budget);
        XSSFSheetXMLHandler handler = new XSSFSheetXMLHandler(styles, null, strings, collector, new DataFormatter(Locale.ROOT), false);
        XMLReader parser;
        try {
            parser = XMLHelper.newXMLReader();
        } catch (javax.xml.parsers.ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
        parser.setContentHandler(new FormulaWatch(handler, collector, styles));
        try {
            parser.parse(new InputSource(in));
        } catch (TooManyRows e) {
            throw new DomainException(DomainException.Kind.TOO_LARGE, "import.too-many-rows",
                    "Bảng tính có hơn " + maxRows + " dòng dữ liệu; mỗi lần nhập tối đa " + maxRows + " dòng.",
                    List.of(new FieldError("file", "import.too-many-rows", "Tối đa " + maxRows + " dòng.")));
        }
        return new Sheet(name, rows);
    }

    private static DomainException notXlsx(String detail) {
        return new DomainException(DomainException.Kind.UNSUPPORTED_TYPE, "import.not-xlsx", detail,
                List.of(new FieldError("file", "import.not-xlsx", detail)));
    }

    private static DomainException corrupt(Exception e) {
        if (e instanceof EncryptedDocumentException) {
            return DomainException.invalidField("file", "import.encrypted", "Bảng tính được đặt mật khẩu: hãy bỏ mật khẩu rồi gửi lại.");
        }
        return DomainException.invalidField("file", "import.corrupt",
                "Không đọc được bảng tính: tệp bị hỏng hoặc không trọn vẹn. Hãy mở bằng Excel, lưu lại rồi gửi lại.");
    }

    /** Stops reading once the row limit is passed. */
    private static final class TooManyRows extends SAXException {
        private static final long serialVersionUID = 1L;
    }

    /** Gathers the non-empty cells of each row. */
    private static final class Collector implements XSSFSheetXMLHandler.SheetContentsHandler {
        private final List<Row> rows;
        private final int[] budget;
        private TreeMap<Integer, Cell> current;
        private int column;
        boolean formula;
        boolean bold;

        Collector(List<Row> rows, int[] budget) {
            this.rows = rows;
            this.budget = budget;
        }

        @Override
        public void startRow(int rowNum) {
            current = new TreeMap<>();
            column = -1;
        }

        @Override
        public void endRow(int rowNum) {
            if (!current.isEmpty()) {
                if (--budget[0] < 0) {
                    throw new TooManyRowsUnchecked();
                }
                rows.add(new Row(rowNum + 1, current));
            }
        }

        @Override
        public void cell(String reference, String formattedValue, XSSFComment comment) {
            column = reference == null ? column + 1 : new CellReference(reference).getCol();
            String text = formattedValue == null ? "" : formattedValue.replace('\u00a0', ' ').strip();
            if (!text.isEmpty() || formula) {
                current.put(column, new Cell(text, formula, bold));
            }
            formula = false;
            bold = false;
        }
    }

    /** Thrown from inside the SAX callbacks, turned into {@link TooManyRows} at the parser's edge. */
    private static final class TooManyRowsUnchecked extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TooManyRowsUnchecked() {
            super(null, null, false, false);
        }
    }

    /** Passes the sheet's XML on to POI's handler and marks the cells that hold a formula ({@code <f>} inside {@code <c>}). */
    private static final class FormulaWatch implements ContentHandler {
        private final ContentHandler next;
        private final Collector collector;
        private final org.apache.poi.xssf.model.Styles styles;

        FormulaWatch(ContentHandler next, Collector collector, org.apache.poi.xssf.model.Styles styles) {
            this.next = next;
            this.collector = collector;
            this.styles = styles;
        }

        /** Whether the cell's style (its {@code s} attribute) has a bold font; a style that cannot be read is not bold. */
        private boolean bold(Attributes atts) {
            String s = atts.getValue("s");
            if (s == null || styles == null) {
                return false;
            }
            try {
                var style = styles.getStyleAt(Integer.parseInt(s));
                return style != null && style.getFont() != null && style.getFont().getBold();
            } catch (RuntimeException e) {
                return false;
            }
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes atts) throws SAXException {
            String name = localName == null || localName.isEmpty() ? qName : localName;
            if ("c".equals(name)) {
                collector.formula = false;
                collector.bold = bold(atts);
            } else if ("f".equals(name)) {
                collector.formula = true;
            }
            try {
                next.startElement(uri, localName, qName, atts);
            } catch (TooManyRowsUnchecked e) {
                throw new TooManyRows();
            }
        }

        @Override
        public void endElement(String uri, String localName, String qName) throws SAXException {
            try {
                next.endElement(uri, localName, qName);
            } catch (TooManyRowsUnchecked e) {
                throw new TooManyRows();
            }
        }

        @Override
        public void setDocumentLocator(Locator locator) {
            next.setDocumentLocator(locator);
        }

        @Override
        public void startDocument() throws SAXException {
            next.startDocument();
        }

        @Override
        public void endDocument() throws SAXException {
            next.endDocument();
        }

        @Override
        public void startPrefixMapping(String prefix, String uri) throws SAXException {
            next.startPrefixMapping(prefix, uri);
        }

        @Override
        public void endPrefixMapping(String prefix) throws SAXException {
            next.endPrefixMapping(prefix);
        }

        @Override
        public void characters(char[] ch, int start, int length) throws SAXException {
            next.characters(ch, start, length);
        }

        @Override
        public void ignorableWhitespace(char[] ch, int start, int length) throws SAXException {
            next.ignorableWhitespace(ch, start, length);
        }

        @Override
        public void processingInstruction(String target, String data) throws SAXException {
            next.processingInstruction(target, data);
        }

        @Override
        public void skippedEntity(String name) throws SAXException {
            next.skippedEntity(name);
        }
    }
}
