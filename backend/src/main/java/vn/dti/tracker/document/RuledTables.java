package vn.dti.tracker.document;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import vn.dti.tracker.document.TextLayout.Rule;
import vn.dti.tracker.document.TextLayout.Word;

/**
 * Tables found from their ruling lines: lines that cross each other make a grid; its horizontal lines part the rows and
 * the vertical lines that cross a row part its cells, so a cell spanning columns (a group's title) keeps its text in
 * the first column it covers. A word belongs to the cell its middle falls in; a cell's lines are joined as a
 * paragraph's are. A grid found at the top of a page goes on the one that ended the page before.
 */
final class RuledTables {

    private RuledTables() {
    }

    private record CellText(String text, boolean bold, boolean doubtful) {
    }

    /** A table as found on one page: its column edges and its rows of cells (column to text). */
    record Grid(int page, int lastPage, double top, double bottom, double[] columns, List<Map<Integer, CellText>> rows) {
    }

    static boolean inside(Grid g, Word w, double tol) {
        return w.midY() > g.top() - tol && w.midY() < g.bottom() + tol && w.midX() > g.columns()[0] - tol
                && w.midX() < g.columns()[g.columns().length - 1] + tol;
    }

    static List<Grid> grids(int page, List<Rule> rules, List<Word> words, double tol, double textHeight) {
        List<Rule> h = merge(rules.stream().filter(Rule::horizontal).toList(), tol, textHeight);
        List<Rule> v = merge(rules.stream().filter(r -> !r.horizontal()).toList(), tol, textHeight);
        List<Rule> all = new ArrayList<>(h);
        all.addAll(v);
        int[] parent = new int[all.size()];
        Arrays.setAll(parent, i -> i);
        for (int i = 0; i < h.size(); i++) {
            for (int j = h.size(); j < all.size(); j++) {
                if (crosses(all.get(i), all.get(j), tol)) {
                    parent[find(parent, i)] = find(parent, j);
                }
            }
        }
        Map<Integer, List<Rule>> components = new TreeMap<>();
        for (int i = 0; i < all.size(); i++) {
            components.computeIfAbsent(find(parent, i), k -> new ArrayList<>()).add(all.get(i));
        }
        List<Grid> grids = new ArrayList<>();
        for (List<Rule> c : components.values()) {
            double[] ys = edges(c.stream().filter(Rule::horizontal).mapToDouble(Rule::at).toArray(), tol);
            double[] xs = edges(c.stream().filter(r -> !r.horizontal()).mapToDouble(Rule::at).toArray(), tol);
            if (ys.length >= 2 && xs.length >= 2 && ys[ys.length - 1] - ys[0] > textHeight) {
                grids.add(grid(page, c, ys, xs, words, tol, textHeight));
            }
        }
        grids.removeIf(g -> g.rows().isEmpty());
        return grids;
    }

    private static Grid grid(int page, List<Rule> rules, double[] ys, double[] xs, List<Word> words, double tol, double textHeight) {
        List<Map<Integer, CellText>> rows = new ArrayList<>();
        for (int b = 0; b + 1 < ys.length; b++) {
            double top = ys[b];
            double bottom = ys[b + 1];
            if (bottom - top < 0.5 * textHeight) {
                continue;
            }
            double mid = (top + bottom) / 2;
            List<Integer> crossing = new ArrayList<>();
            for (int k = 0; k < xs.length; k++) {
                double x = xs[k];
                if (rules.stream().anyMatch(r -> !r.horizontal() && Math.abs(r.at() - x) <= tol && r.from() <= mid && r.to() >= mid)) {
                    crossing.add(k);
                }
            }
            if (crossing.size() < 2) {
                crossing = List.of(0, xs.length - 1);
            }
            Map<Integer, List<Word>> cells = new TreeMap<>();
            for (Word w : words) {
                if (w.midY() <= top || w.midY() > bottom || w.midX() < xs[0] - tol || w.midX() > xs[xs.length - 1] + tol) {
                    continue;
                }
                int column = crossing.get(0);
                for (int k = 0; k + 1 < crossing.size() && w.midX() > xs[crossing.get(k)]; k++) {
                    column = crossing.get(k);
                }
                cells.computeIfAbsent(column, k -> new ArrayList<>()).add(w);
            }
            Map<Integer, CellText> row = new TreeMap<>();
            cells.forEach((column, ws) -> row.put(column, cell(ws)));
            if (!row.isEmpty()) {
                rows.add(row);
            }
        }
        return new Grid(page, page, ys[0], ys[ys.length - 1], xs, rows);
    }

    private static CellText cell(List<Word> words) {
        StringBuilder text = new StringBuilder();
        boolean bold = true;
        boolean doubtful = false;
        for (List<Word> line : TextLayout.group(words)) {
            StringBuilder lineText = new StringBuilder();
            for (Word w : line) {
                if (!lineText.isEmpty()) {
                    lineText.append(' ');
                }
                lineText.append(w.text());
                bold &= w.bold();
                doubtful |= w.doubtful();
            }
            TextLayout.join(text, lineText.toString());
        }
        return new CellText(text.toString(), bold, doubtful);
    }

    /** A table going on at the top of the next page, with the same columns. */
    static boolean continues(Grid previous, Grid next) {
        if (next.page() != previous.lastPage() + 1 || next.columns().length != previous.columns().length) {
            return false;
        }
        double[] a = previous.columns();
        double[] b = next.columns();
        double width = a[a.length - 1] - a[0];
        for (int i = 0; i < a.length; i++) {
            if (Math.abs((a[i] - a[0]) - (b[i] - b[0])) > 0.03 * width) {
                return false;
            }
        }
        return true;
    }

    /** The next page's rows after the previous page's, without a header row repeated at the top of the page. */
    static Grid merged(Grid previous, Grid next) {
        List<Map<Integer, CellText>> rows = new ArrayList<>(previous.rows());
        List<Map<Integer, CellText>> more = next.rows();
        if (!more.isEmpty() && texts(more.get(0)).equals(texts(previous.rows().get(0)))) {
            more = more.subList(1, more.size());
        }
        rows.addAll(more);
        return new Grid(previous.page(), next.page(), previous.top(), next.bottom(), previous.columns(), rows);
    }

    private static Map<Integer, String> texts(Map<Integer, CellText> row) {
        Map<Integer, String> out = new HashMap<>();
        row.forEach((k, c) -> out.put(k, c.text()));
        return out;
    }

    static PlanSource.Table table(int index, Grid g) {
        List<SheetReader.Row> rows = new ArrayList<>(g.rows().size());
        Set<String> doubtful = new LinkedHashSet<>();
        for (int r = 0; r < g.rows().size(); r++) {
            Map<Integer, SheetReader.Cell> cells = new TreeMap<>();
            int number = r + 1;
            g.rows().get(r).forEach((column, c) -> {
                cells.put(column, new SheetReader.Cell(c.text(), false, c.bold()));
                if (c.doubtful()) {
                    doubtful.add(number + ":" + column);
                }
            });
            rows.add(new SheetReader.Row(number, cells));
        }
        return new PlanSource.Table(index, g.page(), rows, doubtful);
    }

    /** Collinear pieces joined (a border drawn cell by cell is one line); pieces shorter than a letter dropped. */
    private static List<Rule> merge(List<Rule> rules, double tol, double textHeight) {
        List<Rule> sorted = new ArrayList<>(rules);
        sorted.sort(Comparator.comparingDouble(Rule::at).thenComparingDouble(Rule::from));
        List<Rule> out = new ArrayList<>();
        for (Rule r : sorted) {
            boolean joined = false;
            for (int i = out.size() - 1; i >= 0 && out.get(i).at() >= r.at() - tol; i--) {
                Rule o = out.get(i);
                if (r.from() <= o.to() + tol && r.to() >= o.from() - tol) {
                    out.set(i, new Rule(o.horizontal(), (o.at() + r.at()) / 2, Math.min(o.from(), r.from()), Math.max(o.to(), r.to())));
                    joined = true;
                    break;
                }
            }
            if (!joined) {
                out.add(r);
            }
        }
        out.removeIf(r -> r.to() - r.from() < Math.max(2 * tol, 0.8 * textHeight));
        return out;
    }

    private static boolean crosses(Rule h, Rule v, double tol) {
        return v.at() >= h.from() - tol && v.at() <= h.to() + tol && h.at() >= v.from() - tol && h.at() <= v.to() + tol;
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    /** Distinct positions: values within {@code tol} of each other are one edge. */
    private static double[] edges(double[] values, double tol) {
        double[] v = values.clone();
        Arrays.sort(v);
        List<Double> out = new ArrayList<>();
        double start = Double.NaN;
        double sum = 0;
        int n = 0;
        for (double x : v) {
            if (n > 0 && x - start > tol) {
                out.add(sum / n);
                n = 0;
                sum = 0;
            }
            if (n == 0) {
                start = x;
            }
            sum += x;
            n++;
        }
        if (n > 0) {
            out.add(sum / n);
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

}
