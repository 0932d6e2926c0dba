package vn.dti.tracker.common;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Folding of Vietnamese text for search: lower case, no diacritics, đ as d, punctuation as
 * space, single spaces, so that "Phòng Văn hóa - Xã hội" and "phong van hoa xa hoi" match. Stored folded text is compared
 * with the folded query, which works the same on any PostgreSQL server (no extension needed).
 */
public final class TextSearch {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}]+");

    private TextSearch() {
    }

    public static String fold(String text) {
        if (text == null) {
            return "";
        }
        String decomposed = Normalizer.normalize(text.replace('đ', 'd').replace('Đ', 'D'), Normalizer.Form.NFD);
        String plain = MARKS.matcher(decomposed).replaceAll("").toLowerCase(Locale.ROOT);
        return SEPARATORS.matcher(plain).replaceAll(" ").trim();
    }

    /** The folded text of several fields, joined so that a query can match any of them. */
    public static String foldAll(String... parts) {
        return Stream.of(parts).filter(Objects::nonNull).map(TextSearch::fold).filter(s -> !s.isEmpty())
                .collect(Collectors.joining(" / "));
    }

    /** A LIKE pattern for the folded query, with LIKE's own wildcards escaped. */
    public static String likePattern(String query) {
        String folded = fold(query).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return "%" + folded + "%";
    }
}
