package vn.dti.tracker.indicator;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import vn.dti.tracker.common.TextSearch;
import vn.dti.tracker.common.Values;

/**
 * Reads a target as the plans word it ({@code ≥ 50%}, {@code 100% (trừ văn bản mật)}, {@code 1/1.000 dân},
 * {@code Đạt}, {@code Triển khai}, {@code ≤ 4}, "Xếp hạng ở nhóm 60 xã dẫn đầu") into its structured shape,
 * always keeping the wording. What cannot be read is kept as a milestone in words and said to be not understood,
 * so that a person can look at it; it is never dropped.
 *
 * <p>Conventions of the plans: a bare percentage is a level to reach ({@code 70%} is "at least 70%"), except
 * {@code 100%}, which can only be reached exactly; a bare rank is "this rank or better"; a baseline states a fact,
 * so a bare baseline is "equal to". Vietnamese numbers use "." for thousands and "," for decimals ({@code 1.000},
 * {@code 0,36}).
 */
public final class TargetWording {

    /** A target of a year, or the baseline the plan starts from. */
    public enum Role { TARGET, BASELINE }

    /** The shape read, and whether the wording was understood (false: kept as words, for a person to check). */
    public record Reading(TargetDto target, boolean understood) {
    }

    private static final Pattern QUALIFICATION = Pattern.compile("^(.*?)\\s*\\(([^()]+)\\)\\s*$");
    private static final Pattern NUMBER = Pattern.compile("^(\\d[\\d.,]*)\\s*(.*)$");
    private static final Pattern THOUSANDS = Pattern.compile("^\\d{1,3}(\\.\\d{3})+$");
    private static final Pattern LEADING_GROUP = Pattern.compile("(?:nhom|top)\\s+(\\d+)\\b.*?(?:dan dau|dung dau|cao nhat|$)");
    private static final Pattern PER_WORD = Pattern.compile("^([^/]*?)\\s*/\\s*(\\d[\\d.,]*|van|nghin|ngan|tram|trieu)\\s*(.*)$");
    private static final Pattern RANK_OUT_OF = Pattern.compile("^/\\s*(\\d+)\\s*$");

    /** Comparator words and signs, longest first, on lower-case text without diacritics. */
    private static final List<Map.Entry<String, Comparator>> COMPARATORS = List.of(
            Map.entry("khong vuot qua", Comparator.LE), Map.entry("khong it hon", Comparator.GE), Map.entry("khong duoi", Comparator.GE),
            Map.entry("khong qua", Comparator.LE), Map.entry("toi thieu", Comparator.GE), Map.entry("it nhat", Comparator.GE),
            Map.entry("toi da", Comparator.LE), Map.entry("it hon", Comparator.LT), Map.entry("tren", Comparator.GT),
            Map.entry("duoi", Comparator.LT), Map.entry("hon", Comparator.GT),
            Map.entry(">=", Comparator.GE), Map.entry("=>", Comparator.GE), Map.entry("<=", Comparator.LE), Map.entry("=<", Comparator.LE),
            Map.entry("≥", Comparator.GE), Map.entry("⩾", Comparator.GE), Map.entry("≤", Comparator.LE), Map.entry("⩽", Comparator.LE),
            Map.entry(">", Comparator.GT), Map.entry("<", Comparator.LT), Map.entry("=", Comparator.EQ));

    /** Units of measure of a rank: "Thứ bậc", "Xếp hạng", "Hạng", "Thứ hạng", "Vị trí". */
    private static final java.util.Set<String> RANK_UNITS = java.util.Set.of("thu bac", "xep hang", "hang", "thu hang", "vi tri", "bac",
            "thu tu xep hang");

    /** Words that only say "reach": "đạt 90%", "phấn đấu 90%". */
    private static final List<String> REACH = List.of("phan dau dat", "phan dau", "dat muc", "dat");

    /** Verbs of milestones: a wording in words that names one of these is a milestone, understood. */
    private static final List<String> MILESTONE_VERBS = List.of("trien khai", "hoan thanh", "duy tri", "ban hanh", "van hanh", "xay dung",
            "dua vao", "ket noi", "thuc hien", "cong nhan", "dat chuan", "phe duyet", "nang cap", "thanh lap", "cung cap", "ap dung");

    private static final Map<String, BigDecimal> PER_WORDS = Map.of("tram", BigDecimal.valueOf(100), "nghin", BigDecimal.valueOf(1000),
            "ngan", BigDecimal.valueOf(1000), "van", BigDecimal.valueOf(10000), "trieu", BigDecimal.valueOf(1000000));

    private TargetWording() {
    }

    /**
     * @param wording the cell as written; null or blank gives null
     * @param year the year of a target (null for a baseline)
     * @param content the indicator's content, which tells ranks and GRDP shares apart
     * @param unitOfMeasure the indicator's unit ("%", "doanh nghiệp/1.000 dân", "Đạt"), for the same
     */
    public static Reading read(String wording, Integer year, Role role, String content, String unitOfMeasure) {
        String written = wording == null ? "" : Normalizer.normalize(wording, Normalizer.Form.NFC).strip().replaceAll("\\s+", " ");
        if (written.isEmpty()) {
            return null;
        }
        String core = written;
        String qualification = null;
        Matcher q = QUALIFICATION.matcher(written);
        if (q.matches() && !q.group(1).isBlank()) {
            core = q.group(1).strip();
            qualification = q.group(2).strip();
        }
        String folded = TextSearch.fold(core);
        String context = TextSearch.fold((content == null ? "" : content) + " " + (unitOfMeasure == null ? "" : unitOfMeasure));
        String unit = TextSearch.fold(unitOfMeasure);
        boolean rankUnit = RANK_UNITS.contains(unit);
        boolean rankContext = rankUnit || context.contains("xep hang") || context.contains("thu hang");

        if (folded.equals("dat")) {
            return understood(new TargetDto(year, TargetKind.PASS_FAIL, null, null, null, null, null, null, qualification, written));
        }
        Matcher group = LEADING_GROUP.matcher(folded);
        if ((folded.contains("nhom") && (folded.contains("dan dau") || folded.contains("dung dau")) || folded.startsWith("top "))
                && group.find()) {
            BigDecimal size = new BigDecimal(group.group(1));
            return understood(new TargetDto(year, TargetKind.LEADING_GROUP, Comparator.LE, Values.strip(size), null, null, null, null,
                    qualification, written));
        }

        String plain = plain(core);
        Comparator comparator = null;
        for (Map.Entry<String, Comparator> c : COMPARATORS) {
            if (plain.startsWith(c.getKey())) {
                comparator = c.getValue();
                plain = plain.substring(c.getKey().length()).strip();
                break;
            }
        }
        if (comparator == null) {
            for (String reach : REACH) {
                if (plain.startsWith(reach + " ") && Character.isDigit(plain.substring(reach.length() + 1).strip().charAt(0))) {
                    plain = plain.substring(reach.length()).strip();
                    break;
                }
            }
        }
        Matcher n = NUMBER.matcher(plain);
        if (!n.matches()) {
            return words(written, year, qualification);
        }
        BigDecimal value = number(n.group(1));
        if (value == null) {
            return words(written, year, qualification);
        }
        String after = n.group(2).strip();

        if (after.startsWith("%")) {
            String basis = context.contains("grdp") || TextSearch.fold(after).contains("grdp") ? "GRDP" : null;
            Comparator c = comparator != null ? comparator : role == Role.BASELINE || value.compareTo(BigDecimal.valueOf(100)) == 0
                    ? Comparator.EQ : Comparator.GE;
            return understood(new TargetDto(year, TargetKind.PERCENT, c, value, null, basis, null, null, qualification, written));
        }
        if (after.isEmpty() && unitOfMeasure != null && unitOfMeasure.strip().startsWith("%")) {
            // A bare number under "%" (or "% GRDP") is a percentage, read as if written with its sign.
            String basis = unit.contains("grdp") || context.contains("grdp") ? "GRDP" : null;
            Comparator c = comparator != null ? comparator : role == Role.BASELINE || value.compareTo(BigDecimal.valueOf(100)) == 0
                    ? Comparator.EQ : Comparator.GE;
            return understood(new TargetDto(year, TargetKind.PERCENT, c, value, null, basis, null, null, qualification, written));
        }
        if (after.isEmpty() && !rankUnit && unitOfMeasure != null) {
            // A bare number under "người/vạn dân", "doanh nghiệp/1.000 dân": a ratio of the unit's base.
            Matcher perUnit = PER_WORD.matcher(plain(unitOfMeasure));
            if (perUnit.matches()) {
                BigDecimal base = PER_WORDS.containsKey(perUnit.group(2)) ? PER_WORDS.get(perUnit.group(2)) : number(perUnit.group(2));
                if (base != null && base.signum() > 0) {
                    Comparator c = comparator != null ? comparator : role == Role.BASELINE ? Comparator.EQ : Comparator.GE;
                    return understood(new TargetDto(year, TargetKind.RATIO, c, value, base, basisFromUnit(unitOfMeasure), null, null,
                            qualification, written));
                }
            }
        }
        Matcher outOf = RANK_OUT_OF.matcher(after);
        if (rankContext && (after.isEmpty() || outOf.matches()) && value.stripTrailingZeros().scale() <= 0) {
            Integer total = outOf.matches() ? Integer.valueOf(outOf.group(1)) : null;
            return understood(new TargetDto(year, TargetKind.RANK, comparator != null ? comparator : role == Role.BASELINE ? Comparator.EQ
                    : Comparator.LE, value, null, null, total, null, qualification, written));
        }
        Matcher per = PER_WORD.matcher(after);
        if (per.matches()) {
            BigDecimal base = PER_WORDS.containsKey(per.group(2)) ? PER_WORDS.get(per.group(2)) : number(per.group(2));
            if (base != null && base.signum() > 0) {
                String basis = wordsOf(core, per.group(3));
                if (basis == null) {
                    basis = basisFromUnit(unitOfMeasure);
                }
                Comparator c = comparator != null ? comparator : role == Role.BASELINE ? Comparator.EQ : Comparator.GE;
                return understood(new TargetDto(year, TargetKind.RATIO, c, value, base, basis, null, null, qualification, written));
            }
        }
        Comparator c = comparator != null ? comparator : role == Role.BASELINE ? Comparator.EQ : Comparator.GE;
        TargetKind kind = value.stripTrailingZeros().scale() <= 0 ? TargetKind.COUNT : TargetKind.NUMBER;
        return understood(new TargetDto(year, kind, c, value, null, null, null, null, qualification, written));
    }

    /** A wording in words: a milestone, understood when it names something to do; otherwise kept for a person to check. */
    private static Reading words(String written, Integer year, String qualification) {
        String folded = TextSearch.fold(written);
        boolean known = MILESTONE_VERBS.stream().anyMatch(folded::contains);
        return new Reading(new TargetDto(year, TargetKind.MILESTONE, null, null, null, null, null, written, null, written), known);
    }

    private static Reading understood(TargetDto target) {
        return new Reading(target.normalised(), true);
    }

    /** "1/1.000 dân" with the basis words as written ("dân"), found again in the original text. */
    private static String wordsOf(String original, String plainTail) {
        if (plainTail == null || plainTail.isBlank()) {
            return null;
        }
        String tail = plainTail.strip();
        String originalPlainTail = original.strip();
        int cut = originalPlainTail.length() - tail.length();
        return cut >= 0 && plain(originalPlainTail.substring(cut)).equals(tail) ? originalPlainTail.substring(cut).strip() : tail;
    }

    /** "doanh nghiệp/1.000 dân", "người/vạn dân" → "dân". */
    private static String basisFromUnit(String unitOfMeasure) {
        if (unitOfMeasure == null) {
            return null;
        }
        int slash = unitOfMeasure.indexOf('/');
        if (slash < 0) {
            return null;
        }
        String tail = unitOfMeasure.substring(slash + 1).strip()
                .replaceFirst("(?iu)^([\\d.,]+|vạn|nghìn|ngàn|trăm|triệu)\\s*", "").strip();
        return tail.isEmpty() ? null : tail;
    }

    /** Lower case, no diacritics (đ as d), symbols kept. */
    private static String plain(String text) {
        String decomposed = Normalizer.normalize(text.replace('đ', 'd').replace('Đ', 'D'), Normalizer.Form.NFD);
        return decomposed.replaceAll("\\p{M}+", "").toLowerCase(Locale.ROOT).strip();
    }

    /** A number as Vietnamese documents write it: "1.000" is a thousand, "0,36" a fraction; "01" is one. */
    static BigDecimal number(String text) {
        String t = text.strip();
        while (t.endsWith(".") || t.endsWith(",")) {
            t = t.substring(0, t.length() - 1);
        }
        if (t.isEmpty()) {
            return null;
        }
        if (t.indexOf(',') >= 0) {
            t = t.replace(".", "").replace(',', '.');
        } else if (THOUSANDS.matcher(t).matches()) {
            t = t.replace(".", "");
        }
        try {
            return Values.strip(new BigDecimal(t));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
