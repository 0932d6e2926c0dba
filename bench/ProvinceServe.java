import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The product serving a province, each figure against a baseline measured in the same run:
 * <ul>
 * <li>read: a commune's consolidated report, a unit's "what is due" list and the province's dashboard, at
 * 32 concurrent clients (wrk), against the same server's cheapest authenticated endpoint ({@code GET /api/v1/me});
 * <li>the product's resident memory after the reads, against its memory before them;
 * <li>write: reports started and submitted (with their history and audit) by 32 reporters of different units at
 * once, against pgbench's simple-update transactions on the same PostgreSQL at the same concurrency.
 * </ul>
 * Compiled with the other bench clients, on the packaged product's class path.
 * Usage: java … ProvinceServe <base url> <jdbc url> <db user> <db port> <product pid> <province code> <result file>
 */
public class ProvinceServe {

    private static final int CLIENTS = 32;
    private static final int READ_SECONDS = Integer.getInteger("bench.read-seconds", 15);
    private static final int WRITE_SECONDS = Integer.getInteger("bench.write-seconds", 20);
    /** Units each writing client reports for, in turn: enough open items for the whole run. */
    private static final int UNITS_PER_CLIENT = 4;

    private static String base;

    public static void main(String[] args) throws Exception {
        base = args[0];
        String jdbc = args[1];
        String dbUser = args[2];
        String dbPort = args[3];
        long pid = Long.parseLong(args[4]);
        String province = args[5];
        Map<String, Object> result = new LinkedHashMap<>();

        try (Connection db = DriverManager.getConnection(jdbc, dbUser, System.getenv("PGPASSWORD"))) {
            String[] provinceUnit = BenchHttp.unit(db, province);
            String provincePlan = BenchHttp.one(db, "select id from plan where code = ?", province + "-KH");
            String commune = province + ".X001";
            String communePlan = BenchHttp.one(db, "select id from plan where code = ?", commune + "-KH");
            // The last month of the history (reported, reviewed and sent up) and the open year's months.
            String lastClosed = BenchHttp.one(db, "select max(period_key) from reporting_period where plan_id = cast(? as uuid) and sent_up_at is not null",
                    communePlan);
            List<String> open = strings(db, "select period_key from reporting_period where plan_id = '" + communePlan
                    + "' and sent_up_at is null order by period_key");

            List<Writer> writers = writers(db, provinceUnit[1]);
            String system = BenchHttp.token(base, BenchHttp.provinceSystem(base, provinceUnit[0]));
            String reporter = writers.get(0).token;

            // ---- read
            List<Map<String, Object>> reads = new ArrayList<>();
            long rssBefore = BenchHttp.rssKb(pid);
            Map<String, Object> baseline = wrk("cheapest authenticated endpoint: GET /api/v1/me", "/api/v1/me", system);
            reads.add(baseline);
            reads.add(wrk("a commune's consolidated report (" + commune + ", " + lastClosed + ")",
                    "/api/v1/plans/" + communePlan + "/periods/" + lastClosed + "/consolidated", system));
            reads.add(wrk("a reporter's \"what is due\" list (first page)",
                    "/api/v1/assignments?mine=true&state=LATE&state=RETURNED&state=NOT_STARTED&state=DRAFT&sort=deadline,asc&page=0&size=20", reporter));
            reads.add(wrk("the province's dashboard (" + province + ", " + lastClosed + ")",
                    "/api/v1/plans/" + provincePlan + "/periods/" + lastClosed + "/overview", system));
            double baseRate = (double) baseline.get("requestsPerSecond");
            for (Map<String, Object> r : reads) {
                r.put("toBaseline", BenchHttp.round2((double) r.get("requestsPerSecond") / baseRate));
            }
            long rssAfter = BenchHttp.rssKb(pid);
            result.put("read", reads);
            result.put("rssBeforeReadMb", Math.round(rssBefore / 1024.0));
            result.put("rssAfterReadMb", Math.round(rssAfter / 1024.0));

            // ---- write
            Map<String, Object> write = write(db, writers, open);
            double pgbench = pgbench(db, dbUser, dbPort);
            write.put("pgbenchSimpleUpdateTps", Math.round(pgbench));
            write.put("toPgbench", BenchHttp.round2((double) write.get("submissionsPerSecond") / pgbench));
            result.put("write", write);
        }
        BenchHttp.writeResult(args[6], result);
        print(result);
    }

    // ---- read: wrk at 32 connections, after a warm-up of the same request

    private static final Pattern RATE = Pattern.compile("Requests/sec:\\s+([\\d.]+)");
    private static final Pattern PERCENTILE = Pattern.compile("^\\s+(50|99)%\\s+([\\d.]+)(us|ms|s|m)\\s*$", Pattern.MULTILINE);
    private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses: (\\d+)");
    private static final Pattern ERRORS = Pattern.compile("Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");

    private static Map<String, Object> wrk(String name, String path, String token) throws Exception {
        // The request must work before it is measured.
        HttpResponse<String> check = BenchHttp.HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token)
                .build(), HttpResponse.BodyHandlers.ofString());
        if (check.statusCode() != 200) {
            throw new IllegalStateException(path + " answered " + check.statusCode() + ": " + check.body());
        }
        // A slow answer is measured, not dropped: wrk's own timeout (2 s) would count it as an error.
        run(List.of("wrk", "-t2", "-c" + CLIENTS, "-d5s", "--timeout", "60s", "-H", "Authorization: Bearer " + token, base + path));
        String out = run(List.of("wrk", "-t2", "-c" + CLIENTS, "-d" + READ_SECONDS + "s", "--timeout", "60s", "--latency", "-H",
                "Authorization: Bearer " + token, base + path));
        Matcher rate = RATE.matcher(out);
        if (!rate.find()) {
            throw new IllegalStateException("wrk printed no rate:\n" + out);
        }
        Matcher non2xx = NON_2XX.matcher(out);
        Matcher errors = ERRORS.matcher(out);
        if (non2xx.find() || errors.find()) {
            throw new IllegalStateException("failed requests while measuring " + path + ":\n" + out);
        }
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("scenario", name);
        r.put("requestsPerSecond", Double.parseDouble(rate.group(1)));
        Matcher p = PERCENTILE.matcher(out);
        while (p.find()) {
            double v = Double.parseDouble(p.group(2));
            double ms = switch (p.group(3)) {
                case "us" -> v / 1000;
                case "s" -> v * 1000;
                case "m" -> v * 60_000;
                default -> v;
            };
            r.put("p" + p.group(1) + "Ms", BenchHttp.round2(ms));
        }
        System.out.printf(Locale.ROOT, "  %-72s %,10.0f req/s  p50 %7.2f ms  p99 %7.2f ms%n", name, r.get("requestsPerSecond"), r.get("p50Ms"),
                r.get("p99Ms"));
        return r;
    }

    // ---- write: reporters start and submit reports of the open year

    record Writer(String unitId, String token, List<Item> items) {
    }

    record Item(String indicatorId, Map<String, Object> value, boolean evidenceRequired) {
    }

    /**
     * Reporters of units spread over the province's communes, each made through the API by the administrator,
     * with the indicators their unit leads or cooperates on and the value each indicator's shape takes.
     */
    private static List<Writer> writers(Connection db, String provincePath) throws Exception {
        int wanted = CLIENTS * UNITS_PER_CLIENT;
        List<String[]> units = new ArrayList<>();
        try (PreparedStatement st = db.prepareStatement("""
                select u.id, u.code from org_unit u
                 where u.path like ? and u.kind not in ('PROVINCE', 'COMMUNE', 'WARD')
                   and exists (select 1 from indicator i where i.lead_unit_id = u.id)
                 order by md5(u.code) limit ?""")) {
            st.setString(1, provincePath + "%");
            st.setInt(2, wanted);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    units.add(new String[] {rs.getString(1), rs.getString(2)});
                }
            }
        }
        if (units.size() < CLIENTS) {
            throw new IllegalStateException("only " + units.size() + " reporting units in the province");
        }
        String admin = BenchHttp.token(base, BenchHttp.passwordForm("admin", "Demo@2026"));
        List<Writer> writers = new ArrayList<>();
        for (String[] unit : units) {
            String username = "bench." + unit[1].toLowerCase(Locale.ROOT).replace('.', '-');
            String password = "Bench@" + UUID.randomUUID();
            BenchHttp.postJson(base + "/api/v1/users", admin, Map.of("username", username, "fullName", "Cán bộ đo hiệu năng",
                    "orgUnitId", unit[0], "roles", List.of("UNIT_REPORTER"), "password", password), 201);
            writers.add(new Writer(unit[0], BenchHttp.token(base, BenchHttp.passwordForm(username, password)), items(db, unit[0])));
        }
        return writers;
    }

    private static List<Item> items(Connection db, String unitId) throws Exception {
        List<Item> items = new ArrayList<>();
        try (PreparedStatement st = db.prepareStatement("""
                select i.id, i.captured_as_fraction, i.evidence_required, t.kind
                  from indicator i join indicator_target t on t.indicator_id = i.id
                 where (i.lead_unit_id = cast(? as uuid)
                        or exists (select 1 from indicator_cooperating_unit c where c.indicator_id = i.id and c.unit_id = cast(? as uuid)))
                   and t.year = (select max(year) from indicator_target where indicator_id = i.id)
                 order by i.code""")) {
            st.setString(1, unitId);
            st.setString(2, unitId);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    items.add(new Item(rs.getString(1), value(rs.getBoolean(2), rs.getString(4)), rs.getBoolean(3)));
                }
            }
        }
        return items;
    }

    /** A value in the indicator's own shape, as a reporter would enter it. */
    private static Map<String, Object> value(boolean fraction, String kind) {
        if (fraction) {
            return Map.of("numerator", 412, "denominator", 500);
        }
        return switch (kind) {
            case "PASS_FAIL" -> Map.of("met", true);
            case "RANK", "LEADING_GROUP" -> Map.of("rank", 12, "rankOutOf", 95);
            case "MILESTONE" -> Map.of("met", true, "text", "Đã triển khai tại các ấp");
            case "COUNT" -> Map.of("number", 2);
            case "RATIO" -> Map.of("number", 1.2);
            default -> Map.of("number", 86.5);
        };
    }

    private static Map<String, Object> write(Connection db, List<Writer> writers, List<String> open) throws Exception {
        // Every (unit, indicator, open month) is one report; each client takes its units' reports in turn.
        List<ConcurrentLinkedQueue<Object[]>> queues = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            queues.add(new ConcurrentLinkedQueue<>());
        }
        for (String period : open) {
            for (int w = 0; w < writers.size(); w++) {
                for (Item item : writers.get(w).items) {
                    queues.get(w % CLIENTS).add(new Object[] {writers.get(w), item, period});
                }
            }
        }
        long reportsBefore = count(db, "select count(*) from report");
        long auditBefore = count(db, "select count(*) from audit_event");
        // Warm-up: two seconds of the same work, not counted.
        drive(queues, 2);
        long submittedBefore = count(db, "select count(*) from report where state = 'SUBMITTED'");
        long started = System.nanoTime();
        long[] done = drive(queues, WRITE_SECONDS);
        double seconds = (System.nanoTime() - started) / 1e9;
        long submitted = count(db, "select count(*) from report where state = 'SUBMITTED'") - submittedBefore;
        if (submitted != done[0]) {
            throw new IllegalStateException("clients counted " + done[0] + " submissions, the database " + submitted);
        }
        Map<String, Object> w = new LinkedHashMap<>();
        w.put("submissions", done[0]);
        w.put("seconds", BenchHttp.round2(seconds));
        w.put("submissionsPerSecond", BenchHttp.round2(done[0] / seconds));
        w.put("reportsCreated", count(db, "select count(*) from report") - reportsBefore);
        w.put("auditEventsWritten", count(db, "select count(*) from audit_event") - auditBefore);
        System.out.printf(Locale.ROOT, "  %-72s %,10.1f submissions/s (%d in %.1f s)%n", "reports started and submitted by " + CLIENTS + " reporters",
                done[0] / seconds, done[0], seconds);
        return w;
    }

    /** Runs the clients for so many seconds (or until the open items run out); returns the submissions made. */
    private static long[] drive(List<ConcurrentLinkedQueue<Object[]>> queues, int seconds) throws Exception {
        long until = System.nanoTime() + seconds * 1_000_000_000L;
        AtomicLong submissions = new AtomicLong();
        List<Throwable> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (ConcurrentLinkedQueue<Object[]> queue : queues) {
            Thread t = new Thread(() -> {
                try {
                    Object[] next;
                    while (System.nanoTime() < until && (next = queue.poll()) != null) {
                        submit((Writer) next[0], (Item) next[1], (String) next[2]);
                        submissions.incrementAndGet();
                    }
                } catch (Throwable e) {
                    failures.add(e);
                }
            });
            t.start();
            threads.add(t);
        }
        for (Thread t : threads) {
            t.join();
        }
        if (!failures.isEmpty()) {
            throw new IllegalStateException("a submission failed", failures.get(0));
        }
        return new long[] {submissions.get()};
    }

    private static void submit(Writer writer, Item item, String period) throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("periodKey", period);
        body.put("indicatorId", item.indicatorId);
        body.put("value", item.value);
        body.put("achievements", "Đã thực hiện theo kế hoạch kỳ " + period + ".");
        if (item.evidenceRequired) {
            body.put("evidenceExplanation", "Tài liệu kiểm chứng sẽ gửi bản giấy.");
        }
        HttpResponse<String> created = BenchHttp.HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/reports"))
                .header("Authorization", "Bearer " + writer.token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(BenchHttp.JSON.writeValueAsString(body))).build(), HttpResponse.BodyHandlers.ofString());
        if (created.statusCode() != 201) {
            throw new IllegalStateException("POST /api/v1/reports answered " + created.statusCode() + ": " + created.body());
        }
        JsonNode report = BenchHttp.JSON.readTree(created.body());
        String etag = created.headers().firstValue("ETag").orElseThrow();
        BenchHttp.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/reports/" + report.get("id").asText() + "/submit"))
                .header("Authorization", "Bearer " + writer.token).header("If-Match", etag).POST(HttpRequest.BodyPublishers.noBody()).build(), 200);
    }

    // ---- the write baseline: pgbench's simple-update on the same server, in a database of its own

    private static final Pattern TPS = Pattern.compile("tps = ([\\d.]+) \\(without initial connection time\\)");

    private static double pgbench(Connection db, String user, String port) throws Exception {
        try (Statement st = db.createStatement()) {
            st.execute("drop database if exists pgbench");
            st.execute("create database pgbench");
        }
        List<String> connection = List.of("-h", "127.0.0.1", "-p", port, "-U", user);
        run(concat(List.of("pgbench", "-i", "-q", "-s", "10"), connection, List.of("pgbench")));
        String out = run(concat(List.of("pgbench", "-b", "simple-update", "-c", String.valueOf(CLIENTS), "-j", "2", "-T",
                String.valueOf(WRITE_SECONDS)), connection, List.of("pgbench")));
        Matcher m = TPS.matcher(out);
        if (!m.find()) {
            throw new IllegalStateException("pgbench printed no tps:\n" + out);
        }
        try (Statement st = db.createStatement()) {
            st.execute("drop database pgbench");
        }
        double tps = Double.parseDouble(m.group(1));
        System.out.printf(Locale.ROOT, "  %-72s %,10.1f tps%n", "pgbench simple-update, " + CLIENTS + " clients, same server", tps);
        return tps;
    }

    // ---- helpers

    @SafeVarargs
    private static List<String> concat(List<String>... parts) {
        List<String> all = new ArrayList<>();
        for (List<String> p : parts) {
            all.addAll(p);
        }
        return all;
    }

    private static String run(List<String> command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        StringBuilder out = new StringBuilder();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null;) {
                out.append(line).append('\n');
            }
        }
        if (p.waitFor() != 0) {
            throw new IllegalStateException(command.get(0) + " failed:\n" + out);
        }
        return out.toString();
    }

    private static long count(Connection db, String sql) throws Exception {
        try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static List<String> strings(Connection db, String sql) throws Exception {
        List<String> out = new ArrayList<>();
        try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static void print(Map<String, Object> result) {
        System.out.printf(Locale.ROOT, "%n%-72s %12s %9s %9s %10s%n", "Serving a province", "req/s", "p50 ms", "p99 ms", "/ baseline");
        for (Map<String, Object> r : (List<Map<String, Object>>) result.get("read")) {
            System.out.printf(Locale.ROOT, "%-72s %,12.0f %9.2f %9.2f %10.2f%n", r.get("scenario"), r.get("requestsPerSecond"), r.get("p50Ms"),
                    r.get("p99Ms"), r.get("toBaseline"));
        }
        System.out.printf(Locale.ROOT, "%-72s %,12d MB (before: %d MB)%n", "resident memory after the reads", result.get("rssAfterReadMb"),
                result.get("rssBeforeReadMb"));
        Map<String, Object> w = (Map<String, Object>) result.get("write");
        System.out.printf(Locale.ROOT, "%-72s %,12.1f%n", "report submissions/s (start + submit, with history and audit)", w.get("submissionsPerSecond"));
        System.out.printf(Locale.ROOT, "%-72s %,12d%n", "pgbench simple-update tps", w.get("pgbenchSimpleUpdateTps"));
        System.out.printf(Locale.ROOT, "%-72s %12.3f%n", "submissions / pgbench transactions", w.get("toPgbench"));
    }
}
