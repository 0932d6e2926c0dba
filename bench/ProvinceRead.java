import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.YearMonth;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicBoolean;

import org.postgresql.PGConnection;

import com.fasterxml.jackson.databind.JsonNode;

import vn.dti.tracker.export.ResultExport;

/**
 * The province pull, measured against PostgreSQL in the same run, as a province system does it with its
 * service account: the CSV export of a province's results against PostgreSQL's own COPY of exactly the same
 * rows (the product's query, from ResultExport), the product's resident memory during the export, and a full
 * walk of the change feed against the export's rows per second.
 *
 * Compiled with the other bench clients, on the packaged product's class path (backend/target/quarkus-app/app/* and lib/main/*).
 * Usage: java -cp … ProvinceRead <base url> <jdbc url> <db user> <product pid> <province code> <from YYYY-MM> <to YYYY-MM> <result file>
 */
public class ProvinceRead {

    private static final int ROUNDS = 3;
    private static String base;

    public static void main(String[] args) throws Exception {
        base = args[0];
        long pid = Long.parseLong(args[3]);
        String province = args[4];
        YearMonth from = YearMonth.parse(args[5]);
        YearMonth to = YearMonth.parse(args[6]);

        try (Connection db = DriverManager.getConnection(args[1], args[2], System.getenv("PGPASSWORD"))) {
            String[] unit = BenchHttp.unit(db, province);
            String unitId = unit[0];
            String path = unit[1];
            String credentials = BenchHttp.provinceSystem(base, unitId);

            // The same rows as the export: the product's own query for this caller (a service account reads its subtree).
            ResultExport.Query query = ResultExport.query(from.atDay(1), to.atEndOfMonth(), path, null, Optional.of(new String[] {path + "%"}));
            String copy = "COPY (" + query.sql(ResultExport.RAW_COLUMNS) + ") TO STDOUT WITH CSV";
            String exportUrl = base + "/api/v1/exports/results?format=csv&unitId=" + unitId + "&from=" + from + "&to=" + to;

            // Warm-up: both once, and they must agree on the number of rows.
            String tokenNow = BenchHttp.token(base, credentials);
            long copyRows = copy(db, copy).rows;
            long exportRows = export(exportUrl, tokenNow).rows;
            if (copyRows != exportRows || copyRows == 0) {
                throw new IllegalStateException("COPY gave " + copyRows + " rows, the export " + exportRows);
            }

            long rssBefore = BenchHttp.rssKb(pid);
            AtomicLong rssMax = new AtomicLong(rssBefore);
            AtomicBoolean sampling = new AtomicBoolean(true);
            Thread sampler = new Thread(() -> {
                while (sampling.get()) {
                    rssMax.accumulateAndGet(BenchHttp.rssKb(pid), Math::max);
                    BenchHttp.sleep(20);
                }
            });
            double bestCopy = Double.MAX_VALUE;
            double bestExport = Double.MAX_VALUE;
            double firstByte = Double.MAX_VALUE;
            for (int round = 0; round < ROUNDS; round++) {
                bestCopy = Math.min(bestCopy, copy(db, copy).seconds);
                String t = BenchHttp.token(base, credentials);
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
            String feedToken = BenchHttp.token(base, credentials);
            long feedItems = 0;
            long pages = 0;
            String after = null;
            long started = System.nanoTime();
            while (true) {
                JsonNode page = BenchHttp.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/changes?limit=1000" + (after == null ? "" : "&after=" + after)))
                        .header("Authorization", "Bearer " + feedToken).build(), 200);
                feedItems += page.get("items").size();
                pages++;
                after = page.get("next").asText();
                if (!page.get("hasMore").asBoolean()) {
                    break;
                }
                if (pages % 200 == 0) {
                    feedToken = BenchHttp.token(base, credentials);
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
            BenchHttp.writeResult(args[7], new java.util.LinkedHashMap<>(java.util.Map.of(
                    "rows", exportRows, "copyRowsPerSecond", Math.round(copyRate), "exportRowsPerSecond", Math.round(exportRate),
                    "exportToCopy", BenchHttp.round2(exportRate / copyRate), "exportFirstByteSeconds", firstByte, "rssGrowthMb", BenchHttp.round2(rssGrowthMb),
                    "feedChanges", feedItems, "feedChangesPerSecond", Math.round(feedRate), "feedToExport", BenchHttp.round2(feedRate / exportRate))));
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
        HttpResponse<InputStream> response = BenchHttp.HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token).build(),
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
}
