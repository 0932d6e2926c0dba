package vn.dti.tracker.document;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import vn.dti.tracker.document.TextLayout.Word;

/**
 * The tesseract command line, run as a separate process on one page image at a time, its words read back with their
 * boxes and confidence (its TSV output). The process is bounded by the caller's deadline and killed when the deadline
 * passes or the calling thread is interrupted (the intake was cancelled).
 */
final class Tesseract {

    /** Commands found working with their language: checked once, again only while they are missing. */
    private static final Set<String> READY = ConcurrentHashMap.newKeySet();

    private final ScanPlanSource.Ocr ocr;

    Tesseract(ScanPlanSource.Ocr ocr) {
        this.ocr = ocr;
    }

    /** Refuses with {@code intake.ocr-unavailable} when the command is missing or lacks the language. */
    void checkAvailable(Path workDir, Instant deadline) throws InterruptedException {
        String key = ocr.command() + " " + ocr.language();
        if (READY.contains(key)) {
            return;
        }
        Path out = null;
        try {
            out = Files.createTempFile(workDir, "ocr-langs-", ".txt");
            Process p = new ProcessBuilder(ocr.command(), "--list-langs").redirectErrorStream(true).redirectOutput(out.toFile()).start();
            wait(p, deadline.isBefore(Instant.now().plusSeconds(20)) ? deadline : Instant.now().plusSeconds(20));
            List<String> langs = Files.readAllLines(out, StandardCharsets.UTF_8).stream().map(String::strip).toList();
            if (p.exitValue() != 0 || !langs.contains(ocr.language())) {
                throw IntakeRefusals.ocrUnavailable();
            }
            READY.add(key);
        } catch (IOException e) {
            throw IntakeRefusals.ocrUnavailable();
        } finally {
            delete(out);
        }
    }

    /**
     * The words tesseract reads on a page image (a file it can open), with their boxes in the image's pixels; a word
     * below the confidence threshold is marked doubtful. A page with a table is read as sparse text: its page
     * segmentation drops short cells (a number, "%") that the sparse mode finds, and the layout orders the words anyway.
     */
    List<Word> words(Path image, int dpi, boolean table, Path workDir, Instant deadline) throws InterruptedException {
        Path base = null;
        Path tsv = null;
        try {
            base = Files.createTempFile(workDir, "ocr-", "");
            tsv = base.resolveSibling(base.getFileName() + ".tsv");
            ProcessBuilder pb = new ProcessBuilder(ocr.command(), image.toString(), base.toString(), "-l", ocr.language(), "--dpi",
                    String.valueOf(dpi), "--psm", table ? "11" : "3", "tsv");
            // One thread a process: pages of concurrent intakes share the cores instead of contending for them.
            pb.environment().put("OMP_THREAD_LIMIT", "1");
            pb.redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD);
            Process p;
            try {
                p = pb.start();
            } catch (IOException e) {
                throw IntakeRefusals.ocrUnavailable();
            }
            wait(p, deadline);
            if (p.exitValue() != 0 || !Files.exists(tsv)) {
                throw IntakeRefusals.ocrUnavailable();
            }
            return parse(Files.readAllLines(tsv, StandardCharsets.UTF_8), ocr.minConfidence());
        } catch (InterruptedIOException e) {
            throw new InterruptedException();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            delete(base);
            delete(tsv);
        }
    }

    /** Waits for the process until the deadline; past it, or when interrupted, the process is killed. */
    private static void wait(Process p, Instant deadline) throws InterruptedException {
        try {
            long millis = Math.max(0, Duration.between(Instant.now(), deadline).toMillis());
            if (!p.waitFor(millis, TimeUnit.MILLISECONDS)) {
                kill(p);
                throw IntakeRefusals.ocrTimeout();
            }
        } catch (InterruptedException e) {
            kill(p);
            throw e;
        }
    }

    private static void kill(Process p) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        try {
            p.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Tesseract's TSV: level, page, block, paragraph, line, word, left, top, width, height, confidence, text. */
    static List<Word> parse(List<String> lines, double minConfidence) {
        List<Word> words = new ArrayList<>();
        for (String line : lines) {
            String[] f = line.split("\t", -1);
            if (f.length < 12 || !"5".equals(f[0])) {
                continue;
            }
            String text = Normalizer.normalize(f[11], Normalizer.Form.NFC).strip();
            double confidence;
            int left;
            int top;
            int width;
            int height;
            try {
                confidence = Double.parseDouble(f[10]);
                left = Integer.parseInt(f[6]);
                top = Integer.parseInt(f[7]);
                width = Integer.parseInt(f[8]);
                height = Integer.parseInt(f[9]);
            } catch (NumberFormatException e) {
                continue;
            }
            if (text.isEmpty() || confidence < 0) {
                continue;
            }
            words.add(new Word(text, left, top, left + width, top + height, false, confidence < minConfidence));
        }
        return words;
    }

    private static void delete(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                file.toFile().deleteOnExit();
            }
        }
    }
}
