package vn.dti.tracker.orgunit;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.text.similarity.LevenshteinDistance;

import vn.dti.tracker.common.TextSearch;

/**
 * Finds the organisation units a cell of a document names: "Phòng Văn hóa - Xã hội" matches "phong van hoa xa hoi"
 * (case, diacritics, punctuation and spacing ignored); "Văn phòng HĐND&UBND" matches "Văn phòng HĐND và UBND"; "các
 * Ngân hàng trên địa bàn" matches "Các Ngân hàng trên địa bàn xã" (a trailing "xã"/"phường" is optional); the standard
 * administrative abbreviations are read as the words they stand for ("Phòng VH&XH", "Sở KH & CN", "TTPVHCC", "UBND
 * xã": see {@link #ABBREVIATIONS}). A cell may name several units, separated by ";", a line break, "+", ",", ".", "&" or
 * "và"; it is split only where every piece names a unit, so a separator inside a unit's own name ("Các cơ quan, đơn vị",
 * "Văn phòng HĐND& UBND xã") does not split it. Where one name fits several units, the one of the first group of units
 * given wins (a plan's own issuer's subtree over the province's departments), then the one nearest the top of the tree
 * (a commune's own office over a hamlet's); a name that fits none is reported with the closest names.
 */
public final class UnitNames {

    /** What a cell names: the units found in order, and the names that matched none (or several equally). */
    public record Match(List<OrgUnit> units, List<Unmatched> unmatched) {
        public boolean complete() {
            return unmatched.isEmpty();
        }
    }

    public record Unmatched(String name, boolean ambiguous, List<OrgUnit> candidates) {
    }

    private static final Pattern MAJOR = Pattern.compile("[;\\n\\r+]+");
    private static final String MINOR_SEPARATORS = "\\s*,\\s*|\\s*&\\s*|(?iu:\\s+và\\s+|\\s+va\\s+)|\\s*\\.\\s+|\\.(?=\\p{Lu})";
    private static final Pattern MINOR = Pattern.compile(MINOR_SEPARATORS);
    private static final Pattern ANY = Pattern.compile("\\s*[;\\n\\r+]+\\s*|" + MINOR_SEPARATORS);
    private static final List<String> LOCALITY = List.of("xa", "phuong", "thi tran", "tinh", "huyen");
    private static final int CANDIDATES = 3;

    /**
     * Standard Vietnamese administrative abbreviations, on folded words, longest first: each is read as the words it
     * stands for, so that "Phòng VH-XH", "Phòng VH&XH" and "Phòng Văn hóa - Xã hội" are one name.
     */
    static final List<Map.Entry<String, String>> ABBREVIATIONS = List.of(
            Map.entry("ttpvhcc", "trung tam phuc vu hanh chinh cong"), Map.entry("pvhcc", "phuc vu hanh chinh cong"),
            Map.entry("tt pvhcc", "trung tam phuc vu hanh chinh cong"), Map.entry("bpmc", "bo phan mot cua"),
            Map.entry("hdnd", "hoi dong nhan dan"), Map.entry("ubnd", "uy ban nhan dan"),
            Map.entry("ubmttq", "uy ban mat tran to quoc"), Map.entry("mttq", "mat tran to quoc"),
            Map.entry("vpubnd", "van phong uy ban nhan dan"), Map.entry("vp", "van phong"),
            Map.entry("vhxh", "van hoa xa hoi"), Map.entry("vh xh", "van hoa xa hoi"), Map.entry("vh tt", "van hoa thong tin"),
            Map.entry("khcn", "khoa hoc cong nghe"), Map.entry("kh cn", "khoa hoc cong nghe"),
            Map.entry("tttt", "thong tin truyen thong"), Map.entry("tt tt", "thong tin truyen thong"),
            Map.entry("gddt", "giao duc dao tao"), Map.entry("gd dt", "giao duc dao tao"),
            Map.entry("tckh", "tai chinh ke hoach"), Map.entry("tc kh", "tai chinh ke hoach"),
            Map.entry("tnmt", "tai nguyen moi truong"), Map.entry("tn mt", "tai nguyen moi truong"),
            Map.entry("ldtbxh", "lao dong thuong binh xa hoi"), Map.entry("ld tb xh", "lao dong thuong binh xa hoi"),
            Map.entry("nnptnt", "nong nghiep phat trien nong thon"), Map.entry("nn ptnt", "nong nghiep phat trien nong thon"),
            Map.entry("kt ht", "kinh te ha tang"), Map.entry("tncs hcm", "thanh nien cong san ho chi minh"),
            Map.entry("hcm", "ho chi minh"), Map.entry("cntt", "cong nghe thong tin"), Map.entry("cds", "chuyen doi so"),
            Map.entry("bch qs", "ban chi huy quan su"), Map.entry("bchqs", "ban chi huy quan su"), Map.entry("qs", "quan su"),
            Map.entry("tt", "trung tam"), Map.entry("vh", "van hoa"), Map.entry("xh", "xa hoi"), Map.entry("kh", "khoa hoc"),
            Map.entry("cn", "cong nghe"), Map.entry("tn", "thanh nien"), Map.entry("ca", "cong an"), Map.entry("yt", "y te"),
            Map.entry("p", "phong"));

    private final List<OrgUnit> units;
    private final Map<OrgUnit, Integer> tier = new HashMap<>();
    private final Map<String, List<OrgUnit>> exact = new HashMap<>();
    private final Map<String, List<OrgUnit>> loose = new HashMap<>();

    /** @param units the units a document may name (for a plan: its issuer's subtree) */
    public UnitNames(Collection<OrgUnit> units) {
        this(List.of(units), null);
    }

    /**
     * @param tiers the units a document may name, nearest first (for a plan: its issuer's subtree, then its ancestors
     *            and their own units); a name is taken from the first tier it fits
     * @param home the unit that writes the document, which "UBND xã" (its People's Committee) names; may be null
     */
    public UnitNames(List<? extends Collection<OrgUnit>> tiers, OrgUnit home) {
        List<OrgUnit> all = new ArrayList<>();
        for (int t = 0; t < tiers.size(); t++) {
            for (OrgUnit u : tiers.get(t)) {
                if (tier.putIfAbsent(u, t) == null) {
                    all.add(u);
                }
            }
        }
        this.units = List.copyOf(all);
        for (OrgUnit u : this.units) {
            List<String> names = new ArrayList<>(List.of(nonNull(u.name), nonNull(u.shortName), nonNull(u.code)));
            if (u.aliases != null) {
                names.addAll(u.aliases);
            }
            for (String name : names) {
                if (name != null && !name.isBlank()) {
                    add(key(name), looseKey(name), u);
                }
            }
            if (u.kind == OrgUnitKind.PROVINCE || u.kind == OrgUnitKind.COMMUNE || u.kind == OrgUnitKind.WARD) {
                // "UBND xã Xuân Lộc", "Ủy ban nhân dân Xuân Lộc": the locality's People's Committee is the locality.
                String own = key(u.name);
                add("uy ban nhan dan " + own, "uy ban nhan dan " + own, u);
                String bare = withoutLocality(own, true);
                if (!bare.equals(own)) {
                    add("uy ban nhan dan " + bare, "uy ban nhan dan " + bare, u);
                }
                boolean onHomePath = home != null && home.path != null && u.path != null && home.path.startsWith(u.path);
                String word = localityWord(own);
                if (onHomePath && word != null) {
                    // "UBND xã" in the commune's plan, "UBND tỉnh" in it too: the document's own locality and those above it.
                    exact.computeIfAbsent("uy ban nhan dan " + word, k -> new ArrayList<>()).add(u);
                }
            }
        }
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }

    private void add(String exactKey, String looseKey, OrgUnit u) {
        exact.computeIfAbsent(exactKey, k -> new ArrayList<>()).add(u);
        loose.computeIfAbsent(looseKey, k -> new ArrayList<>()).add(u);
    }

    public Match match(String cell) {
        LinkedHashSet<OrgUnit> found = new LinkedHashSet<>();
        List<Unmatched> unmatched = new ArrayList<>();
        if (cell == null || cell.isBlank()) {
            return new Match(List.of(), List.of());
        }
        String whole = tidy(cell);
        List<OrgUnit> one = whole.isEmpty() ? List.of() : resolve(whole);
        if (one.size() == 1) {
            return new Match(one, List.of());
        }
        // Split only where every piece names a unit; else each line (or ";" part) on its own, so the unknown one is named.
        List<OrgUnit> split = one.isEmpty() ? segment(whole, ANY) : null;
        if (split != null) {
            return new Match(List.copyOf(new LinkedHashSet<>(split)), List.of());
        }
        for (String part : MAJOR.split(cell)) {
            String name = tidy(part);
            if (name.isEmpty()) {
                continue;
            }
            List<OrgUnit> hits = resolve(name);
            if (hits.size() == 1) {
                found.add(hits.get(0));
                continue;
            }
            List<OrgUnit> pieces = hits.isEmpty() ? segment(name, MINOR) : null;
            if (pieces != null) {
                found.addAll(pieces);
            } else {
                unmatched.add(new Unmatched(name, hits.size() > 1, hits.size() > 1 ? hits : closest(name)));
            }
        }
        return new Match(List.copyOf(found), unmatched);
    }

    private static String tidy(String name) {
        return name.strip().replaceAll("^[-–•]\\s*", "").replaceAll("[.;,]+$", "").strip();
    }

    /** The units a single name fits: named exactly before loosely, then from the nearest tier, then nearest the top. */
    private List<OrgUnit> resolve(String name) {
        List<OrgUnit> hits = exact.getOrDefault(key(name), List.of());
        if (hits.isEmpty()) {
            hits = loose.getOrDefault(looseKey(name), List.of());
        }
        if (hits.size() <= 1) {
            return hits;
        }
        Comparator<OrgUnit> nearest = Comparator.<OrgUnit>comparingInt(u -> tier.getOrDefault(u, 0)).thenComparingInt(UnitNames::depth);
        List<OrgUnit> distinct = hits.stream().distinct().sorted(nearest).toList();
        if (distinct.size() == 1 || nearest.compare(distinct.get(0), distinct.get(1)) < 0) {
            return List.of(distinct.get(0));
        }
        return distinct.stream().filter(u -> nearest.compare(u, distinct.get(0)) == 0).toList();
    }

    /** Splits a name at {@code separators} into the fewest pieces that each name exactly one unit, or null. */
    private List<OrgUnit> segment(String name, Pattern separators) {
        List<int[]> pieces = new ArrayList<>();
        Matcher m = separators.matcher(name);
        int start = 0;
        while (m.find()) {
            if (m.end() > m.start()) {
                pieces.add(new int[] {start, m.start()});
                start = m.end();
            }
        }
        pieces.add(new int[] {start, name.length()});
        pieces.removeIf(p -> name.substring(p[0], p[1]).isBlank());
        int n = pieces.size();
        if (n < 2) {
            return null;
        }
        int[] best = new int[n + 1];
        int[] from = new int[n + 1];
        OrgUnit[] unit = new OrgUnit[n + 1];
        java.util.Arrays.fill(best, Integer.MAX_VALUE);
        best[0] = 0;
        for (int end = 1; end <= n; end++) {
            for (int begin = 0; begin < end; begin++) {
                if (best[begin] == Integer.MAX_VALUE) {
                    continue;
                }
                String text = tidy(name.substring(pieces.get(begin)[0], pieces.get(end - 1)[1]));
                List<OrgUnit> hit = text.isEmpty() ? List.of() : resolve(text);
                if (hit.size() == 1 && best[begin] + 1 < best[end]) {
                    best[end] = best[begin] + 1;
                    from[end] = begin;
                    unit[end] = hit.get(0);
                }
            }
        }
        if (best[n] == Integer.MAX_VALUE) {
            return null;
        }
        List<OrgUnit> out = new ArrayList<>();
        for (int end = n; end > 0; end = from[end]) {
            out.add(0, unit[end]);
        }
        return out;
    }

    private List<OrgUnit> closest(String name) {
        String key = looseKey(name);
        LevenshteinDistance distance = LevenshteinDistance.getDefaultInstance();
        Map<OrgUnit, Double> score = new HashMap<>();
        for (OrgUnit u : units) {
            String other = looseKey(u.name);
            int longest = Math.max(1, Math.max(key.length(), other.length()));
            double s = distance.apply(key, other) / (double) longest;
            if (!key.isEmpty() && (other.contains(key) || key.contains(other))) {
                s = Math.min(s, 0.2);
            }
            score.merge(u, s, Math::min);
        }
        return score.entrySet().stream()
                .sorted(Map.Entry.<OrgUnit, Double>comparingByValue().thenComparing(e -> tier.getOrDefault(e.getKey(), 0))
                        .thenComparing(e -> depth(e.getKey())).thenComparing(e -> e.getKey().code))
                .limit(CANDIDATES).map(Map.Entry::getKey).toList();
    }

    private static final Map<String, String> EXPANSIONS = ABBREVIATIONS.stream()
            .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));

    /** Folded, abbreviations written out (longest first), without "và" (so that "HĐND&UBND" is "HĐND và UBND"). */
    static String key(String name) {
        String[] words = TextSearch.fold(name).split(" ");
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < words.length;) {
            int taken = 0;
            for (int k = Math.min(3, words.length - i); k >= 1 && taken == 0; k--) {
                String expansion = EXPANSIONS.get(String.join(" ", java.util.Arrays.copyOfRange(words, i, i + k)));
                if (expansion != null) {
                    out.append(' ').append(expansion);
                    taken = k;
                }
            }
            if (taken == 0) {
                if (!words[i].equals("va") && !words[i].isEmpty()) {
                    out.append(' ').append(words[i]);
                }
                taken = 1;
            }
            i += taken;
        }
        return out.toString().strip();
    }

    /** {@link #key} without a trailing locality word ("xã", "phường", "tỉnh"). */
    static String looseKey(String name) {
        return withoutLocality(key(name), false);
    }

    /** The key without its locality word: trailing ("Công an xã"), or leading too ("Xã Xuân Lộc" → "xuan loc"). */
    private static String withoutLocality(String key, boolean leading) {
        for (String word : LOCALITY) {
            if (key.endsWith(" " + word)) {
                return key.substring(0, key.length() - word.length() - 1).strip();
            }
            if (leading && key.startsWith(word + " ")) {
                return key.substring(word.length() + 1).strip();
            }
        }
        return key;
    }

    private static String localityWord(String key) {
        return LOCALITY.stream().filter(w -> key.startsWith(w + " ")).findFirst().orElse(null);
    }

    private static int depth(OrgUnit u) {
        return u.path == null ? 0 : u.path.split("/").length;
    }
}
