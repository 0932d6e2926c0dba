package vn.dti.tracker.document;

import java.util.List;
import java.util.Set;

/**
 * An issued plan as its file shows it, whatever the file: the paragraphs and tables in reading order. A Word
 * document, a PDF with a text layer and a scan all become this, and one reader ({@link PlanText}) understands it.
 * Each block keeps where it is in the file (its page when the file has pages), so that every fact and every doubt
 * can be shown at its place.
 */
record PlanSource(Kind kind, int pages, List<Block> blocks) {

    /** What the file was. */
    enum Kind { DOCX, PDF, SCAN }

    /** A paragraph or a table, numbered in reading order from 1. */
    sealed interface Block permits Paragraph, Table {
        int index();

        /** The page it starts on (1-based), or 0 where the file has no pages (a Word document). */
        int page();
    }

    /**
     * A paragraph's text as written (runs joined, soft line breaks kept as "\n"), whether it is all bold (a heading),
     * and whether it was read with low confidence (a scan).
     */
    record Paragraph(int index, int page, String text, boolean bold, boolean doubtful) implements Block {
    }

    /**
     * A table as rows of cells, numbered as a sheet's are (row from 1, column from 0), so that the appendix reader
     * reads it as it reads a sheet. {@code doubtful} holds the cells read with low confidence, each as
     * {@code row + ":" + column}.
     */
    record Table(int index, int page, List<SheetReader.Row> rows, Set<String> doubtful) implements Block {

        boolean doubtful(int row, int column) {
            return doubtful.contains(row + ":" + column);
        }
    }
}
