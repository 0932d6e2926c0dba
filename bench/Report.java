import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Gathers the results of one {@code make bench} (the JSON files the scenarios wrote under backend/target/bench/)
 * into one result file and one table, with the date, the machine and the commit, and puts the table into
 * BENCHMARKS.md between its markers. A scenario that did not run is listed as such.
 * Usage: java … Report <bench dir> <BENCHMARKS.md> <commit> <scale>
 */
public class Report {

    private static final String START = "<!-- latest results: start -->";
    private static final String END = "<!-- latest results: end -->";

    private final List<String[]> rows = new ArrayList<>();

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        Path benchmarks = Path.of(args[1]);
        ObjectNode all = BenchHttp.JSON.createObjectNode();
        all.put("date", LocalDate.now().toString());
        all.put("commit", args[2]);
        all.put("scale", args[3]);
        all.put("cores", Runtime.getRuntime().availableProcessors());
        all.put("memoryGiB", memoryGiB());
        all.put("cpu", cpu());
        Map<String, String> files = new LinkedHashMap<>();
        files.put("dataset", "province/dataset.json");
        files.put("startup", "province/startup.json");
        files.put("serve", "province/serve.json");
        files.put("pull", "province/pull.json");
        files.put("upload", "evidence/result.json");
        files.put("intake", "intake/result.json");
        files.put("spa", "spa.json");
        for (var f : files.entrySet()) {
            Path p = dir.resolve(f.getValue());
            if (Files.exists(p)) {
                all.set(f.getKey(), BenchHttp.JSON.readTree(p.toFile()));
            }
        }
        Files.writeString(dir.resolve("results.json"), BenchHttp.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(all));
        String table = new Report().table(all);
        Files.writeString(dir.resolve("results.md"), table);
        System.out.println();
        System.out.println(table);
        if (Files.exists(benchmarks)) {
            String doc = Files.readString(benchmarks, StandardCharsets.UTF_8);
            int s = doc.indexOf(START);
            int e = doc.indexOf(END);
            if (s >= 0 && e > s) {
                Files.writeString(benchmarks, doc.substring(0, s + START.length()) + "\n" + table + doc.substring(e), StandardCharsets.UTF_8);
                System.out.println("The table is now in " + benchmarks.getFileName() + ".");
            }
        }
    }

    private String table(JsonNode all) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "Run of %s at commit `%s`, %s scale, on %d cores and %d GiB (%s).%n%n", all.get("date").asText(),
                all.get("commit").asText(), all.get("scale").asText(), all.get("cores").asInt(), all.get("memoryGiB").asInt(), all.get("cpu").asText()));
        JsonNode dataset = all.get("dataset");
        if (dataset != null) {
            JsonNode r = dataset.get("rows");
            out.append(String.format(Locale.ROOT, "Generated in %d s: %d province(s) of %d communes; %,d units, %,d plans, %,d indicators, %,d tasks, "
                    + "%,d periods, %,d reports, %,d evidence records, %,d report-evidence links, %,d audit events.%n%n", dataset.get("seconds").asLong(),
                    dataset.get("provinces").asInt(), dataset.get("communesPerProvince").asInt(), r.get("org_unit").asLong(), r.get("plan").asLong(),
                    r.get("indicator").asLong(), r.get("task").asLong(), r.get("reporting_period").asLong(), r.get("report").asLong(),
                    r.get("evidence").asLong(), r.get("report_evidence").asLong(), r.get("audit_event").asLong()));
        }

        JsonNode startup = all.get("startup");
        if (startup != null) {
            row("start-up: launch to ready (s)", num(startup, "productSeconds", "%.2f"), "bare JVM: " + num(startup, "bareJvmSeconds", "%.2f"),
                    ratio(startup.get("productSeconds").asDouble(), startup.get("bareJvmSeconds").asDouble()), "");
        } else {
            missing("start-up");
        }
        JsonNode serve = all.get("serve");
        if (serve != null) {
            JsonNode baseline = serve.get("read").get(0);
            for (JsonNode r : serve.get("read")) {
                boolean isBaseline = r == baseline;
                row("read: " + r.get("scenario").asText() + " (req/s; p50 / p99 ms)",
                        String.format(Locale.ROOT, "%,.0f; %.1f / %.1f", r.get("requestsPerSecond").asDouble(), r.get("p50Ms").asDouble(),
                                r.get("p99Ms").asDouble()),
                        isBaseline ? "(the baseline)" : String.format(Locale.ROOT, "%,.0f req/s", baseline.get("requestsPerSecond").asDouble()),
                        isBaseline ? "" : String.format(Locale.ROOT, "%.2f", r.get("toBaseline").asDouble()), "");
            }
            row("memory: resident after the reads (MB)", serve.get("rssAfterReadMb").asText(), "before: " + serve.get("rssBeforeReadMb").asText(),
                    ratio(serve.get("rssAfterReadMb").asDouble(), serve.get("rssBeforeReadMb").asDouble()), "");
            JsonNode w = serve.get("write");
            row("write: reports started and submitted, 32 reporters (per s)", num(w, "submissionsPerSecond", "%,.1f"),
                    "pgbench simple-update: " + num(w, "pgbenchSimpleUpdateTps", "%,.0f") + " tps", num(w, "toPgbench", "%.3f"), "");
        } else {
            missing("read and write");
        }
        JsonNode pull = all.get("pull");
        if (pull != null) {
            row("export: API CSV of the province (rows/s)", num(pull, "exportRowsPerSecond", "%,.0f"), "COPY: " + num(pull, "copyRowsPerSecond", "%,.0f"),
                    num(pull, "exportToCopy", "%.2f"), "≥ 0.50");
            row("export: resident memory growth (MB)", num(pull, "rssGrowthMb", "%.1f"), "", "", "< 64");
            row("change feed: full walk (changes/s)", num(pull, "feedChangesPerSecond", "%,.0f"), "export: " + num(pull, "exportRowsPerSecond", "%,.0f"),
                    num(pull, "feedToExport", "%.2f"), "≥ 0.25");
        } else {
            missing("export and change feed");
        }
        JsonNode intake = all.get("intake");
        if (intake != null) {
            row("plan intake: Word plan of " + intake.get("docxPages").asInt() + " pages previewed (s, median of " + intake.path("runs").asInt(1) + ")",
                    num(intake, "docxSeconds", "%.2f"), String.format(Locale.ROOT, "GET /me: %.3f s", intake.get("meSeconds").asDouble()),
                    num(intake, "docxToMe", "%.0f"), "≤ 2 s");
            row("plan intake: scan of " + intake.get("scanPages").asInt() + " pages read by OCR (s; doubtful blocks " + intake.get("doubtful").asText() + ")",
                    num(intake, "scanSeconds", "%.1f"), "", "", "≤ 60 s");
            row("plan intake: Word file unpacking to 400 MB", intake.get("bombStatus").asText() + " " + intake.get("bombCode").asText(), "", "", "413");
            row("plan intake: resident memory growth (MB)", num(intake, "rssGrowthMb", "%.1f"), "", "", "< 64");
        } else {
            missing("intake");
        }
        JsonNode upload = all.get("upload");
        if (upload != null) {
            double mb = upload.get("fileMb").asDouble();
            row("upload: " + upload.get("fileMb").asInt() + " MB through the API (MB/s, median of " + upload.path("runs").asInt(1) + ")", String.format(Locale.ROOT, "%.0f", mb / upload.get("uploadSeconds").asDouble()),
                    String.format(Locale.ROOT, "dd with fsync: %.0f MB/s", mb / upload.get("ddSeconds").asDouble()), num(upload, "uploadToDd", "%.2f"), "≥ 0.50");
            row("upload: resident memory growth (MB)", num(upload, "rssGrowthMb", "%.1f"), "", "", "< 64");
            row("upload: " + upload.get("parallelUploads").asInt() + " × " + upload.get("parallelMb").asInt() + " MB at once, wrong hashes",
                    upload.get("wrongHashes").asText() + " (integrity problems: " + upload.get("integrityProblems").asText() + ")", "", "", "0");
        } else {
            missing("upload");
        }
        JsonNode spa = all.get("spa");
        if (spa != null) {
            double budget = spa.get("budgetKb").asDouble();
            for (JsonNode s : spa.get("screens")) {
                boolean first = s == spa.get("screens").get(0);
                row("web app: " + s.get("screen").asText() + " (KB of JavaScript, gzip)", num(s, "gzipKb", "%.1f"),
                        first ? String.format(Locale.ROOT, "budget: %.0f", budget) : "", first ? ratio(s.get("gzipKb").asDouble(), budget) : "",
                        first ? "≤ 1.00" : "");
            }
            if (spa.has("chartGzipKb")) {
                double chartBudget = spa.get("chartBudgetKb").asDouble();
                row("web app: the dashboard's chart, on top of the dashboard (KB of JavaScript, gzip)", num(spa, "chartGzipKb", "%.1f"),
                        String.format(Locale.ROOT, "budget: %.0f", chartBudget), ratio(spa.get("chartGzipKb").asDouble(), chartBudget), "≤ 1.00");
            }
        } else {
            missing("web app bundle");
        }

        out.append("| figure | measured | baseline (same run) | ratio | required |\n|---|---|---|---|---|\n");
        for (String[] r : rows) {
            out.append("| ").append(String.join(" | ", r)).append(" |\n");
        }
        return out.toString();
    }

    private void row(String... cells) {
        rows.add(cells);
    }

    private void missing(String what) {
        rows.add(new String[] {what, "not run", "", "", ""});
    }

    private static String num(JsonNode node, String field, String format) {
        return String.format(Locale.ROOT, format, node.get(field).asDouble());
    }

    private static String ratio(double a, double b) {
        return String.format(Locale.ROOT, "%.2f", a / b);
    }

    private static long memoryGiB() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
            if (line.startsWith("MemTotal:")) {
                return Math.round(Long.parseLong(line.replaceAll("\\D", "")) / 1024.0 / 1024.0);
            }
        }
        return 0;
    }

    private static String cpu() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
            if (line.startsWith("model name")) {
                return line.substring(line.indexOf(':') + 1).strip();
            }
        }
        return "unknown processor";
    }
}
