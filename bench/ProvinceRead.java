import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.YearMonth;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicBoolean;

import org.postgresql.PGConnection;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import vn.dti.tracker.export.ResultExport;

/**
 * The province pull, measured against PostgreSQL in the same run, as a province system does it with its
 * service account: the CSV export of a province's results against PostgreSQL's own COPY of exactly the same
 * rows (the product's query, from ResultExport), the product's resident memory during the export, and a full
 * walk of the change feed against the export's rows per second.
 *
 * Runs with the packaged product's class path (backend/target/quarkus-app/app/* and lib/main/*).
 * Usage: java -cp … ProvinceRead.java <base url> <jdbc url> <db user> <product pid> <province code> <from YYYY-MM> <to YYYY-MM> <result file>
 */
public class ProvinceRead {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final int ROUNDS = 3;
    private static String base;

    public static void main(String[] args) throws Exception {
        base = args[0];
        long pid = Long.parseLong(args[3]);
        String province = args[4];
        YearMonth from = YearMonth.parse(args[5]);
        YearMonth to = YearMonth.parse(args[6]);

        try (Connection db = DriverManager.getConnection(args[1], args[2], "")) {
            String unitId;
            String path;
            try (PreparedStatement st = db.prepareStatement("select id, path from org_unit where code = ?")) {
                st.setString(1, province);
                try (ResultSet rs = st.executeQuery()) {
                    if (!rs.next()) {
                        throw new IllegalStateException("no unit " + province + ": generate the dataset first");
                    }
                    unitId = rs.getString(1);
                    path = rs.getString(2);
                }
            }

            // The province's system: a service account reading the province's subtree, as the README tells province IT to make.
            String admin = token("grant_type=password&username=admin&password=Demo%402026");
            String clientId = "bench-" + System.currentTimeMillis();
            JsonNode account = send(HttpRequest.newBuilder(URI.create(base + "/api/v1/service-accounts")).header("Authorization", "Bearer " + admin)
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(java.util.Map.of(
                            "clientId", clientId, "name", "Hệ thống của tỉnh (đo hiệu năng)", "orgUnitId", unitId)))).build(), 201);
            String credentials = "grant_type=client_credentials&client_id=" + clientId + "&client_secret="
                    + URLEncoder.encode(account.get("clientSecret").asText(), StandardCharsets.UTF_8);

            // The same rows as the export: the product's own query for this caller (a service account reads its subtree).
            ResultExport.Query query = ResultExport.query(from.atDay(1), to.atEndOfMonth(), path, null, Optional.of(new String[] {path + "%"}));
            String copy = "COPY (" + query.sql(ResultExport.RAW_COLUMNS) + ") TO STDOUT WITH CSV";
            String exportUrl = base + "/api/v1/exports/results?format=csv&unitId=" + unitId + "&from=" + from + "&to=" + to;

            // Warm-up: both once, and they must agree on the number of rows.
            String tokenNow = token(credentials);
            long copyRows = copy(db, copy).rows;
            long exportRows = export(exportUrl, tokenNow).rows;
            if (copyRows != exportRows || copyRows == 0) {
                throw new IllegalStateException("COPY gave " + copyRows + " rows, the export " + exportRows);
            }

            long rssBefore = rssKb(pid);
            AtomicLong rssMax = new AtomicLong(rssBefore);
            AtomicBoolean sampling = new AtomicBoolean(true);
            Thread sampler = new Thread(() -> {
                while (sampling.get()) {
                    rssMax.accumulateAndGet(rssKb(pid), Math::max);
                    sleep(20);
                }
            });
            double bestCopy = Double.MAX_VALUE;
            double bestExport = Double.MAX_VALUE;
            double firstByte = Double.MAX_VALUE;
            for (int round = 0; round < ROUNDS; round++) {
                bestCopy = Math.min(bestCopy, copy(db, copy).seconds);
                String t = token(credentials);
                if (round == 0) {
                    sampler.start();
                }
                Timed e = export(exportUrl, t);
                bestExport = Math.min(bestExport, e.seconds);
                firstByte = Math.min(firstByte, e.firstByte);
            }
            sampling.set(false);
            sampler.join();
            double rssGrowthMb = (rssMax.get() - rssBefore) / 1024.0;

            // A full walk of the change feed, 1,000 changes a page, as a province system's first pull.
            String feedToken = token(credentials);
            long feedItems = 0;
            long pages = 0;
            String after = null;
            long started = System.nanoTime();
            while (true) {
                JsonNode page = send(HttpRequest.newBuilder(URI.create(base + "/api/v1/changes?limit=1000" + (after == null ? "" : "&after=" + after)))
                        .header("Authorization", "Bearer " + feedToken).build(), 200);
                feedItems += page.get("items").size();
                pages++;
                after = page.get("next").asText();
                if (!page.get("hasMore").asBoolean()) {
                    break;
                }
                if (pages % 200 == 0) {
                    feedToken = token(credentials);
                }
            }
            double feedSeconds = (System.nanoTime() - started) / 1e9;

            double copyRate = copyRows / bestCopy;
            double exportRate = exportRows / bestExport;
            double feedRate = feedItems / feedSeconds;
            StringBuilder table = new StringBuilder();
            table.append(String.format(Locale.ROOT, "%n%-58s %12s %12s%n", "Province pull (" + province + ", " + from + " to " + to + ")", "measured", "required"));
            table.append(String.format(Locale.ROOT, "%-58s %,12d%n", "rows (reports in the province's scope)", exportRows));
            table.append(String.format(Locale.ROOT, "%-58s %,12.0f%n", "PostgreSQL COPY … TO STDOUT WITH CSV (rows/s)", copyRate));
            table.append(String.format(Locale.ROOT, "%-58s %,12.0f%n", "API CSV export (rows/s)", exportRate));
            table.append(String.format(Locale.ROOT, "%-58s %12.2f %12s%n", "API export / COPY", exportRate / copyRate, ">= 0.50"));
            table.append(String.format(Locale.ROOT, "%-58s %12.3f%n", "API export, first bytes after (s)", firstByte));
            table.append(String.format(Locale.ROOT, "%-58s %12.1f %12s%n", "resident memory growth during the exports (MB)", rssGrowthMb, "< 64"));
            table.append(String.format(Locale.ROOT, "%-58s %,12d%n", "change feed: changes walked (" + pages + " pages)", feedItems));
            table.append(String.format(Locale.ROOT, "%-58s %,12.0f%n", "change feed walk (changes/s)", feedRate));
            table.append(String.format(Locale.ROOT, "%-58s %12.2f %12s%n", "feed walk / API export", feedRate / exportRate, ">= 0.25"));
            System.out.print(table);
            Files.writeString(Path.of(args[7]), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(new java.util.LinkedHashMap<>(java.util.Map.of(
                    "rows", exportRows, "copyRowsPerSecond", Math.round(copyRate), "exportRowsPerSecond", Math.round(exportRate),
                    "exportToCopy", round2(exportRate / copyRate), "exportFirstByteSeconds", firstByte, "rssGrowthMb", round2(rssGrowthMb),
                    "feedChanges", feedItems, "feedChangesPerSecond", Math.round(feedRate), "feedToExport", round2(feedRate / exportRate)))));
            boolean met = exportRate / copyRate >= 0.5 && rssGrowthMb < 64 && feedRate / exportRate >= 0.25;
            if (!met) {
                System.out.println("A figure is not met.");
                System.exit(1);
            }
        }
    }

    record Timed(long rows, double seconds, double firstByte) {
    }

    private static Timed copy(Connection db, String sql) throws Exception {
        long started = System.nanoTime();
        long rows = db.unwrap(PGConnection.class).getCopyAPI().copyOut(sql, OutputStream.nullOutputStream());
        return new Timed(rows, (System.nanoTime() - started) / 1e9, 0);
    }

    private static Timed export(String url, String token) throws Exception {
        long started = System.nanoTime();
        HttpResponse<InputStream> response = HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("export answered " + response.statusCode() + ": " + new String(response.body().readAllBytes(), StandardCharsets.UTF_8));
        }
        long lines = 0;
        double firstByte = -1;
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = response.body()) {
            for (int n; (n = in.read(buffer)) >= 0;) {
                if (firstByte < 0 && n > 0) {
                    firstByte = (System.nanoTime() - started) / 1e9;
                }
                for (int i = 0; i < n; i++) {
                    if (buffer[i] == '\n') {
                        lines++;
                    }
                }
            }
        }
        return new Timed(lines - 1, (System.nanoTime() - started) / 1e9, firstByte);
    }

    private static String token(String form) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(base + "/api/v1/auth/token")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), 200).get("access_token").asText();
    }

    private static JsonNode send(HttpRequest request, int expected) throws Exception {
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(request.method() + " " + request.uri() + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    private static long rssKb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        } catch (Exception e) {
            // the process has ended: nothing more to sample
        }
        return 0;
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static double round2(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
