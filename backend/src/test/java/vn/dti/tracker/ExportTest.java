package vn.dti.tracker;

import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** The bulk export: the same rows in CSV, in NDJSON and in the paged API; scoped; bad requests refused. */
@QuarkusTest
class ExportTest {

    static final String NARRATIVE = "=Đã triển khai \"Sổ tay\", tại 3 ấp\ncòn 1 ấp";

    /** A parser for the CSV we write (RFC 4180): enough to read it back. */
    static List<List<String>> parseCsv(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                row.add(cell.toString());
                cell.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                i++;
            } else {
                cell.append(c);
            }
        }
        return rows;
    }

    @Test
    void csvNdjsonAndThePagedApiAgree() throws Exception {
        String commune = Api.unitId("DNAI.XUANLOC");
        String centre = Api.unitId("DNAI.XUANLOC.TTPVHCC");
        String plan = Api.createPlan(Api.issued(Api.planBody(Api.code("EXPORT"), commune, 2026, 2026)));
        String group = Api.createGroup(plan, "INDICATOR", "A");
        List<String> indicators = new ArrayList<>();
        for (int i = 1; i <= 2; i++) {
            Map<String, Object> body = Api.indicatorBody("X." + i, group, centre, List.of(Api.target(2026, "COUNT", "GE", 3, "≥ 03")));
            body.put("order", i);
            indicators.add(Api.json().body(body).post("/api/v1/plans/" + plan + "/indicators").then().statusCode(201).extract().path("id"));
        }
        for (String period : List.of("2026-03", "2026-04")) {
            for (String indicator : indicators) {
                Map<String, Object> body = new HashMap<>(Map.of("periodKey", period, "indicatorId", indicator, "value", Map.of("number", 2)));
                body.put("achievements", NARRATIVE);
                Api.as("reporter").body(body).post("/api/v1/reports").then().statusCode(201);
            }
        }

        Response csv = Api.as("commune").accept("text/csv").queryParam("planId", plan).queryParam("from", "2026-01").queryParam("to", "2026-12")
                .get("/api/v1/exports/results");
        csv.then().statusCode(200).contentType(startsWith("text/csv"));
        String text = new String(csv.asByteArray(), StandardCharsets.UTF_8);
        assertTrue(text.startsWith("\uFEFF"), "a byte-order mark for Excel");
        List<List<String>> rows = parseCsv(text.substring(1));
        List<String> header = rows.get(0);
        assertEquals("reportId", header.get(0));
        Map<String, Map<String, String>> fromCsv = new TreeMap<>();
        for (List<String> r : rows.subList(1, rows.size())) {
            Map<String, String> m = new HashMap<>();
            for (int i = 0; i < header.size(); i++) {
                m.put(header.get(i), r.get(i));
            }
            fromCsv.put(m.get("reportId"), m);
        }

        // As it comes over the wire: compressed, and saying so, for a client that asks.
        Response nd = Api.as("commune").config(io.restassured.config.RestAssuredConfig.config()
                .decoderConfig(io.restassured.config.DecoderConfig.decoderConfig().noContentDecoders()))
                .accept("application/x-ndjson").header("Accept-Encoding", "gzip").queryParam("planId", plan)
                .queryParam("from", "2026-01").queryParam("to", "2026-12").queryParam("format", "ndjson").get("/api/v1/exports/results");
        nd.then().statusCode(200).header("Content-Encoding", "gzip");
        String ndText;
        try (var unzipped = new java.util.zip.GZIPInputStream(nd.asInputStream())) {
            ndText = new String(unzipped.readAllBytes(), StandardCharsets.UTF_8);
        }
        ObjectMapper json = new ObjectMapper();
        Map<String, Map<String, Object>> fromNd = new TreeMap<>();
        for (String line : ndText.split("\n")) {
            if (!line.isBlank()) {
                @SuppressWarnings("unchecked")
                Map<String, Object> m = json.readValue(line, Map.class);
                fromNd.put((String) m.get("reportId"), m);
            }
        }

        Map<String, Map<String, Object>> fromApi = new TreeMap<>();
        for (Map<String, Object> r : Api.as("commune").queryParam("planId", plan).queryParam("size", 200).get("/api/v1/reports").then()
                .statusCode(200).extract().jsonPath().<Map<String, Object>>getList("items")) {
            fromApi.put((String) r.get("id"), r);
        }

        assertEquals(4, fromApi.size());
        assertEquals(fromApi.keySet(), fromCsv.keySet());
        assertEquals(fromApi.keySet(), fromNd.keySet());
        for (String id : fromApi.keySet()) {
            Map<String, Object> api = fromApi.get(id);
            @SuppressWarnings("unchecked")
            Map<String, Object> period = (Map<String, Object>) api.get("period");
            @SuppressWarnings("unchecked")
            Map<String, Object> value = (Map<String, Object>) api.get("value");
            assertEquals(period.get("key"), fromCsv.get(id).get("periodKey"));
            assertEquals(period.get("key"), fromNd.get(id).get("periodKey"));
            assertEquals(api.get("state"), fromCsv.get(id).get("state"));
            assertEquals(api.get("state"), fromNd.get(id).get("state"));
            assertEquals(value.get("number").toString(), fromCsv.get(id).get("valueNumber"));
            assertEquals(value.get("number").toString(), fromNd.get(id).get("valueNumber").toString());
            // Instants, counts and codes exactly as the API writes them, in both formats.
            for (String field : List.of("firstSubmittedAt", "submittedAt", "updatedAt", "evidenceCount")) {
                Object want = api.get(field);
                assertEquals(want == null ? "" : want.toString(), fromCsv.get(id).get(field), field);
                assertEquals(want, fromNd.get(id).get(field), field);
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> unit = (Map<String, Object>) api.get("unit");
            assertEquals(unit.get("code"), fromCsv.get(id).get("unitCode"));
            assertEquals(unit.get("code"), fromNd.get(id).get("unitCode"));
            assertEquals("", fromCsv.get(id).get("met"), "an empty cell for a value the report does not have");
            assertNull(fromNd.get(id).get("met"));
            assertEquals(NARRATIVE, fromNd.get(id).get("achievements"));
            // In the CSV, text that a spreadsheet would run as a formula is defused.
            assertEquals("'" + NARRATIVE, fromCsv.get(id).get("achievements"));
        }
    }

    @Test
    void theExportHoldsToTheCallersScopeAndRefusesBadRequests() {
        String commune = Api.unitId("DNAI.XUANLOC");
        String plan = Api.createPlan(Api.issued(Api.planBody(Api.code("EXPORT"), commune, 2026, 2026)));
        String outsider = AccessMatrixTest.user(Api.unitId("DNAI.PHULAM"));
        String token = Api.signIn(AccessMatrixTest.username(outsider), "Kiem@Thu2026");
        var asOutsider = io.restassured.RestAssured.given().header("Authorization", "Bearer " + token).accept("text/csv");
        Api.refused(asOutsider.queryParam("unitId", commune).queryParam("from", "2026-01").queryParam("to", "2026-12")
                .get("/api/v1/exports/results").then(), 404, "org-unit.not-found", null);
        String theirs = io.restassured.RestAssured.given().header("Authorization", "Bearer " + token).accept("text/csv")
                .queryParam("from", "2026-01").queryParam("to", "2026-12").get("/api/v1/exports/results").then().statusCode(200).extract().asString();
        assertTrue(!theirs.contains("DNAI.XUANLOC"), "nothing of another commune");

        String path = "/api/v1/exports/results";
        Api.refused(Api.as("commune").accept("text/csv").queryParam("from", "2026-06").queryParam("to", "2026-01").get(path).then(), 400,
                "export.range-reversed", "to");
        Api.refused(Api.as("commune").accept("text/csv").queryParam("planId", plan).queryParam("from", "2025-01").queryParam("to", "2026-12")
                .get(path).then(), 400, "export.range-outside-plan", "from");
        Api.refused(Api.as("commune").accept("text/csv").queryParam("from", "2000-01").queryParam("to", "2026-12").get(path).then(), 400,
                "export.range-too-long", "to");
        Api.refused(Api.as("commune").accept("text/csv").queryParam("from", "03/2026").queryParam("to", "2026-12").get(path).then(), 400,
                "export.month-invalid", "from");
        Api.refused(Api.as("commune").accept("text/csv").queryParam("to", "2026-12").get(path).then(), 400, "export.month-required", "from");
        Api.refused(Api.as("commune").accept("text/csv").queryParam("from", "2026-01").queryParam("to", "2026-12").queryParam("format", "xlsx")
                .get(path).then(), 400, "export.format-unknown", "format");
    }
}
