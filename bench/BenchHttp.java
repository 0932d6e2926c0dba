import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** What the benchmark clients share: calls to the product's API, the product's memory, the result files. */
final class BenchHttp {

    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private BenchHttp() {
    }

    /** An access token from the token endpoint, for a form such as {@code grant_type=password&username=…}. */
    static String token(String base, String form) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(base + "/api/v1/auth/token")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), 200).get("access_token").asText();
    }

    static String passwordForm(String username, String password) {
        return "grant_type=password&username=" + encode(username) + "&password=" + encode(password);
    }

    static JsonNode send(HttpRequest request, int expected) throws Exception {
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(request.method() + " " + request.uri() + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    static JsonNode postJson(String url, String token, Object body, int expected) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(), expected);
    }

    /**
     * The province's system, as the README tells province IT to set it up: a service account reading the
     * province's subtree, made through the API by the administrator. Returns its client-credentials form.
     */
    static String provinceSystem(String base, String unitId) throws Exception {
        String admin = token(base, passwordForm("admin", "Demo@2026"));
        String clientId = "bench-" + System.nanoTime();
        JsonNode account = postJson(base + "/api/v1/service-accounts", admin,
                Map.of("clientId", clientId, "name", "Hệ thống của tỉnh (đo hiệu năng)", "orgUnitId", unitId), 201);
        return "grant_type=client_credentials&client_id=" + clientId + "&client_secret=" + encode(account.get("clientSecret").asText());
    }

    /** The id and path of the unit with this code. */
    static String[] unit(Connection db, String code) throws Exception {
        try (PreparedStatement st = db.prepareStatement("select id, path from org_unit where code = ?")) {
            st.setString(1, code);
            try (ResultSet rs = st.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("no unit " + code + ": generate the dataset first");
                }
                return new String[] {rs.getString(1), rs.getString(2)};
            }
        }
    }

    /** The first column of the first row of a query with one text parameter. */
    static String one(Connection db, String sql, String param) throws Exception {
        try (PreparedStatement st = db.prepareStatement(sql)) {
            st.setString(1, param);
            try (ResultSet rs = st.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("nothing for " + param + ": generate the dataset first");
                }
                return rs.getString(1);
            }
        }
    }

    /** Resident memory of a process in kB, or 0 once it has ended. */
    static long rssKb(long pid) {
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

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static double round2(double v) {
        return Math.round(v * 100) / 100.0;
    }

    static void writeResult(String file, Object result) throws Exception {
        Files.writeString(Path.of(file), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(result));
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
