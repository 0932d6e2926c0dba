package vn.dti.tracker.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The catalogue of problem texts is complete: every code the server can answer with has a Vietnamese and an English
 * text, both languages have the same codes, and no text shows a person an enum name, a media type, a period key or an
 * API parameter.
 */
class ProblemTextsTest {

    private static final String CODE = "\"([a-z][a-z0-9]*(?:-[a-z0-9]+)*(?:\\.[a-z0-9]+(?:-[a-z0-9]+)*)+)\"";

    /** The places a code is given: the factories of refusals, field errors, the HTTP layer's answers, named constants. */
    private static final List<Pattern> THROWN = Stream.of(
            "DomainException\\.(?:invalid|notFound|conflict|forbidden|unauthenticated|tooMany)\\(\\s*" + CODE,
            "DomainException\\.(?:invalidField|conflictField)\\(\\s*[^;]*?,\\s*" + CODE,
            "new\\s+DomainException\\(\\s*[^,]+,\\s*" + CODE,
            "new\\s+FieldError\\(\\s*[^;]*?,\\s*" + CODE,
            "problem\\(\\s*\\d+\\s*,\\s*" + CODE,
            "refuse\\(\\s*context\\s*,\\s*\\d+\\s*,\\s*" + CODE,
            "static\\s+final\\s+String\\s+(?:CODE|[A-Z_]+_CODE|BOMB|TOO_LARGE|DAMAGED)\\s*=\\s*" + CODE,
            "new\\s+String\\[]\\s*\\{\\s*\"[^\"]*\"\\s*,\\s*" + CODE).map(Pattern::compile).toList();

    private static final Pattern CONSTRAINT = Pattern.compile("@(NotNull|NotBlank|NotEmpty|Size|Min|Max|Positive|PositiveOrZero|Pattern"
            + "|PastOrPresent|Past|Future|FutureOrPresent|Email|Negative|NegativeOrZero|DecimalMin|DecimalMax|Digits|AssertTrue|AssertFalse)\\b");

    static TreeMap<String, Set<String>> codesInSources() {
        TreeMap<String, Set<String>> codes = new TreeMap<>();
        for (Path file : sources()) {
            String text = read(file);
            for (Pattern p : THROWN) {
                Matcher m = p.matcher(text);
                while (m.find()) {
                    codes.computeIfAbsent(m.group(1), k -> new TreeSet<>()).add(file.getFileName().toString());
                }
            }
            Matcher c = CONSTRAINT.matcher(text);
            while (c.find()) {
                codes.computeIfAbsent("field." + c.group(1).replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT),
                        k -> new TreeSet<>()).add(file.getFileName().toString());
            }
        }
        return codes;
    }

    private static List<Path> sources() {
        try (Stream<Path> files = Files.walk(Path.of("src", "main", "java"))) {
            return files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void everyCodeTheServerAnswersWithHasAVietnameseAndAnEnglishText() {
        TreeMap<String, Set<String>> codes = codesInSources();
        assertTrue(codes.size() > 200, "the scan finds the codes (" + codes.size() + ")");
        assertTrue(codes.containsKey("report.under-review") && codes.containsKey("evidence.on-record") && codes.containsKey("request.nul-character")
                && codes.containsKey("org-unit.code-taken") && codes.containsKey("field.not-blank"), "codes of every kind of place are found");
        for (Locale language : List.of(ProblemTexts.VIETNAMESE, ProblemTexts.ENGLISH)) {
            Set<String> keys = ProblemTexts.keys(language);
            List<String> missing = codes.entrySet().stream().filter(e -> !keys.contains(e.getKey()))
                    .map(e -> e.getKey() + " (" + String.join(", ", e.getValue()) + ")").toList();
            assertEquals(List.of(), missing, "codes without a " + language.getDisplayLanguage(Locale.ENGLISH) + " text");
        }
    }

    @Test
    void bothLanguagesHaveTheSameCodesAndNoTextIsBlank() {
        assertEquals(new TreeSet<>(ProblemTexts.keys(ProblemTexts.VIETNAMESE)), new TreeSet<>(ProblemTexts.keys(ProblemTexts.ENGLISH)));
        for (Locale language : List.of(ProblemTexts.VIETNAMESE, ProblemTexts.ENGLISH)) {
            for (String key : ProblemTexts.keys(language)) {
                assertTrue(ProblemTexts.text(key, language).filter(t -> !t.isBlank()).isPresent(), key + " has a text");
            }
        }
        assertTrue(ProblemTexts.text("report.under-review", ProblemTexts.VIETNAMESE).orElseThrow().startsWith("Báo cáo đã gửi"));
        assertTrue(ProblemTexts.text("report.under-review", ProblemTexts.ENGLISH).orElseThrow().startsWith("The report was sent"));
        assertEquals("Length must be between 1 and 200.", ProblemTexts.format("field.size", ProblemTexts.ENGLISH, 1, 200).orElseThrow());
        assertEquals("Phải lớn hơn hoặc bằng 1.000.", ProblemTexts.format("field.min", ProblemTexts.VIETNAMESE, 1000).orElseThrow());
    }

    @Test
    void noTextShowsAPersonAnEnumNameMediaTypePeriodKeyOrParameter() {
        Pattern machineWords = Pattern.compile("\\b(DRAFT|ISSUED|CLOSED|SUBMITTED|RETURNED|ACCEPTED|RATIO|PERCENT|COUNT|RANK|SERVICE_ACCOUNT|EQ|GE|LE"
                + "|GT|LT)\\b|application/|\\b\\d{4}-\\d{2}\\b|=true|dryRun|[a-z]+Id\\b|\\d+\\.\\d MB");
        for (Locale language : List.of(ProblemTexts.VIETNAMESE, ProblemTexts.ENGLISH)) {
            for (String key : ProblemTexts.keys(language)) {
                String text = ProblemTexts.text(key, language).orElseThrow();
                assertTrue(!machineWords.matcher(text).find(), key + " shows a machine word: " + text);
            }
        }
    }

    @Test
    void theLanguageIsVietnameseUnlessEnglishIsPreferred() {
        assertEquals(ProblemTexts.VIETNAMESE, ProblemTexts.language(null));
        assertEquals(ProblemTexts.VIETNAMESE, ProblemTexts.language(""));
        assertEquals(ProblemTexts.VIETNAMESE, ProblemTexts.language("vi"));
        assertEquals(ProblemTexts.VIETNAMESE, ProblemTexts.language("fr-FR, de;q=0.8"));
        assertEquals(ProblemTexts.VIETNAMESE, ProblemTexts.language("*"));
        assertEquals(ProblemTexts.VIETNAMESE, ProblemTexts.language("this is not a header;;;"));
        assertEquals(ProblemTexts.ENGLISH, ProblemTexts.language("en"));
        assertEquals(ProblemTexts.ENGLISH, ProblemTexts.language("en-GB,en;q=0.9,vi;q=0.5"));
        assertEquals(ProblemTexts.ENGLISH, ProblemTexts.language("fr, en-US;q=0.7"));
        assertEquals(ProblemTexts.VIETNAMESE, ProblemTexts.language("vi-VN, en;q=0.9"));
        assertEquals(ProblemTexts.ENGLISH, ProblemTexts.language("vi;q=0.4, en;q=0.8"));
    }
}
