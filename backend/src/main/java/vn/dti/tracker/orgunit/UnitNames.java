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
 * Ngân hàng trên địa bàn" matches "Các Ngân hàng trên địa bàn xã" (a trailing "xã"/"phường" is optional). A cell may
 * name several units, separated by ";", a line break, "+", ",", "&" or "và"; a separator inside a unit's own name
 * ("Các cơ quan, đơn vị") does not split it. Where one name fits several units, the one nearest the top of the tree
 * given wins (a commune's own office over a hamlet's); a name that fits none is reported with the closest names.
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
    private static final Pattern MINOR = Pattern.compile("\\s*,\\s*|\\s*&\\s*|\\s+và\\s+|\\s+va\\s+", Pattern.CASE_INSENSITIVE);
    private static final List<String> LOCALITY = List.of("xa", "phuong", "thi tran", "tinh", "huyen");
    private static final int CANDIDATES = 3;

    private final List<OrgUnit> units;
    private final Map<String, List<OrgUnit>> exact = new HashMap<>();
    private final Map<String, List<OrgUnit>> loose = new HashMap<>();

    /** @param units the units a document may name (for a plan: its issuer's subtree) */
    public UnitNames(Collection<OrgUnit> units) {
        this.units = List.copyOf(units);
        for (OrgUnit u : this.units) {
            for (String name : new String[] {u.name, u.shortName, u.code}) {
                if (name != null && !name.isBlank()) {
                    exact.computeIfAbsent(TextSearch.fold(name), k -> new ArrayList<>()).add(u);
                    loose.computeIfAbsent(looseKey(name), k -> new ArrayList<>()).add(u);
                }
            }
        }
    }

    public Match match(String cell) {
        LinkedHashSet<OrgUnit> found = new LinkedHashSet<>();
        List<Unmatched> unmatched = new ArrayList<>();
        if (cell == null || cell.isBlank()) {
            return new Match(List.of(), List.of());
        }
        for (String part : MAJOR.split(cell)) {
            String name = part.strip().replaceAll("^[-–•]\\s*", "").replaceAll("[.;,]+$", "").strip();
            if (name.isEmpty()) {
                continue;
            }
            List<OrgUnit> one = resolve(name);
            if (one.size() == 1) {
                found.add(one.get(0));
                continue;
            }
            List<OrgUnit> split = one.isEmpty() ? segment(name) : null;
            if (split != null) {
                found.addAll(split);
            } else {
                unmatched.add(new Unmatched(name, one.size() > 1, one.size() > 1 ? one : closest(name)));
            }
        }
        return new Match(List.copyOf(found), unmatched);
    }

    /** The units a single name fits, nearest the top first when several fit. */
    private List<OrgUnit> resolve(String name) {
        List<OrgUnit> hits = exact.getOrDefault(TextSearch.fold(name), List.of());
        if (hits.isEmpty()) {
            hits = loose.getOrDefault(looseKey(name), List.of());
        }
        if (hits.size() <= 1) {
            return hits;
        }
        List<OrgUnit> distinct = hits.stream().distinct().sorted(Comparator.comparingInt(UnitNames::depth)).toList();
        if (distinct.size() == 1 || depth(distinct.get(0)) < depth(distinct.get(1))) {
            return List.of(distinct.get(0));
        }
        return distinct.stream().filter(u -> depth(u) == depth(distinct.get(0))).toList();
    }

    /** Splits a name at ",", "&" and "và" into the fewest pieces that each name exactly one unit, or null. */
    private List<OrgUnit> segment(String name) {
        List<int[]> pieces = new ArrayList<>();
        Matcher m = MINOR.matcher(name);
        int start = 0;
        while (m.find()) {
            pieces.add(new int[] {start, m.start()});
            start = m.end();
        }
        pieces.add(new int[] {start, name.length()});
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
                String text = name.substring(pieces.get(begin)[0], pieces.get(end - 1)[1]);
                List<OrgUnit> hit = resolve(text);
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
                .sorted(Map.Entry.<OrgUnit, Double>comparingByValue().thenComparing(e -> depth(e.getKey())).thenComparing(e -> e.getKey().code))
                .limit(CANDIDATES).map(Map.Entry::getKey).toList();
    }

    /** Folded, without "và" (so that "HĐND&UBND" is "HĐND và UBND") and without a trailing locality word. */
    static String looseKey(String name) {
        String key = (" " + TextSearch.fold(name) + " ").replace(" va ", " ").strip();
        for (String word : LOCALITY) {
            if (key.endsWith(" " + word)) {
                key = key.substring(0, key.length() - word.length() - 1).strip();
                break;
            }
        }
        return key;
    }

    private static int depth(OrgUnit u) {
        return u.path == null ? 0 : u.path.split("/").length;
    }
}
