package vn.dti.tracker.demo;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The demo's evidence files: a one-page PDF with the document's title and a few lines, set in Liberation Serif (every
 * Vietnamese glyph, from the build's own font package). The same text gives the same bytes, so the same checksum.
 */
final class DemoDocuments {

    private static final String FONT = "com/mpobjects/jasperreports/fonts/liberation/LiberationSerif-Regular.ttf";

    private DemoDocuments() {
    }

    static byte[] pdf(String title, String body) {
        try (PDDocument doc = new PDDocument()) {
            PDType0Font serif = PDType0Font.load(doc, font(), true);
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            try (PDPageContentStream text = new PDPageContentStream(doc, page)) {
                text.beginText();
                text.setFont(serif, 14);
                text.setLeading(20);
                text.newLineAtOffset(70, 770);
                text.showText(title);
                text.setFont(serif, 12);
                for (String line : body.split("\n")) {
                    for (String part : wrap(line, 85)) {
                        text.newLine();
                        text.showText(part);
                    }
                }
                text.endText();
            }
            // A fixed identifier instead of one made from the clock: the same document is the same file.
            byte[] id = MessageDigest.getInstance("MD5").digest((title + body).getBytes(StandardCharsets.UTF_8));
            COSArray ids = new COSArray();
            ids.add(new COSString(id));
            ids.add(new COSString(id));
            doc.getDocument().getTrailer().setItem(COSName.ID, ids);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static TrueTypeFont font;

    /** The font is parsed once and shared by every document (they are written one at a time, on one thread). */
    private static synchronized TrueTypeFont font() throws IOException {
        if (font == null) {
            try (InputStream in = DemoDocuments.class.getClassLoader().getResourceAsStream(FONT)) {
                if (in == null) {
                    throw new IOException("Font " + FONT + " is missing from the build");
                }
                font = new TTFParser().parse(new RandomAccessReadBuffer(in.readAllBytes()));
            }
        }
        return font;
    }

    private static java.util.List<String> wrap(String line, int width) {
        java.util.List<String> out = new java.util.ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String word : line.split(" ")) {
            if (current.length() > 0 && current.length() + word.length() + 1 > width) {
                out.add(current.toString());
                current.setLength(0);
            }
            if (current.length() > 0) {
                current.append(' ');
            }
            current.append(word);
        }
        out.add(current.toString());
        return out;
    }
}
