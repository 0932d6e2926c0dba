import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Fills a product database with the generated installation of bench/dataset.sql and prints how many rows
 * of each kind it made (also written as JSON to the file named by -Dresult, when given). The database must be
 * migrated already (start the product on it once).
 *
 * Usage (from the project's root, or with -Ddataset=<path of dataset.sql>):
 *   java -cp <PostgreSQL JDBC driver> ProvinceData.java <jdbc url> <user> [seed] [provinces] [communes] [first year]
 * Defaults: seed "dti", one province of 95 communes, plans of 2021–2026 (2026 open).
 */
public class ProvinceData {

    private static final List<String> COUNTED = List.of("org_unit", "plan", "plan_group", "indicator", "indicator_target",
            "indicator_cooperating_unit", "task", "task_unit", "reporting_period", "report", "stored_file", "evidence", "report_evidence",
            "audit_event");

    public static void main(String[] args) throws Exception {
        String seed = args.length > 2 ? args[2] : "dti";
        int provinces = args.length > 3 ? Integer.parseInt(args[3]) : 1;
        int communes = args.length > 4 ? Integer.parseInt(args[4]) : 95;
        int firstYear = args.length > 5 ? Integer.parseInt(args[5]) : 2021;
        String script = Files.readString(Path.of(System.getProperty("dataset", "bench/dataset.sql")));
        long started = System.nanoTime();
        try (Connection c = DriverManager.getConnection(args[0], args[1], System.getenv("PGPASSWORD"))) {
            c.setAutoCommit(true);
            Map<String, Long> before = counts(c);
            try (Statement st = c.createStatement()) {
                st.execute("select set_config('dti_bench.seed', '" + seed.replace("'", "''") + "', false), set_config('dti_bench.provinces', '"
                        + provinces + "', false), set_config('dti_bench.communes', '" + communes + "', false), set_config('dti_bench.first_year', '"
                        + firstYear + "', false)");
                for (String statement : statements(script)) {
                    long t = System.nanoTime();
                    st.execute(statement);
                    double s = (System.nanoTime() - t) / 1e9;
                    if (s > 1) {
                        System.out.printf(Locale.ROOT, "  %6.1f s  %s%n", s, firstLine(statement));
                    }
                }
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf(Locale.ROOT, "Generated %d province(s) of %d communes, plans %d–%d, seed '%s', in %.0f s:%n", provinces, communes,
                    firstYear, firstYear + 5, seed, seconds);
            Map<String, Long> made = new LinkedHashMap<>();
            counts(c).forEach((table, n) -> made.put(table, n - before.get(table)));
            made.forEach((table, n) -> System.out.printf(Locale.ROOT, "  %-28s %,12d%n", table, n));
            String result = System.getProperty("result");
            if (result != null) {
                StringBuilder json = new StringBuilder("{\n  \"provinces\": " + provinces + ",\n  \"communesPerProvince\": " + communes
                        + ",\n  \"seconds\": " + Math.round(seconds) + ",\n  \"rows\": {");
                String sep = "\n";
                for (var e : made.entrySet()) {
                    json.append(sep).append("    \"").append(e.getKey()).append("\": ").append(e.getValue());
                    sep = ",\n";
                }
                Files.writeString(Path.of(result), json.append("\n  }\n}\n").toString());
            }
        }
    }

    private static Map<String, Long> counts(Connection c) throws Exception {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Statement st = c.createStatement()) {
            for (String table : COUNTED) {
                try (ResultSet rs = st.executeQuery("select count(*) from " + table)) {
                    rs.next();
                    counts.put(table, rs.getLong(1));
                }
            }
        }
        return counts;
    }

    /** The script's statements: separated by a semicolon at the end of a line; comment-only pieces skipped. */
    static List<String> statements(String script) {
        List<String> out = new ArrayList<>();
        for (String piece : script.split(";[ \\t]*(\\r?\\n|$)")) {
            boolean code = piece.lines().map(String::strip).anyMatch(l -> !l.isEmpty() && !l.startsWith("--"));
            if (code) {
                out.add(piece.strip());
            }
        }
        return out;
    }

    private static String firstLine(String statement) {
        return statement.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("--")).findFirst().orElse("");
    }
}
