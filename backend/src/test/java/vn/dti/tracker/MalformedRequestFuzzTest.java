package vn.dti.tracker;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.util.RawValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import net.jqwik.engine.SourceOfRandomness;

/**
 * Malformed requests to every operation of the committed contract, made from the valid call that
 * {@link AccessMatrixTest} knows for it: one value of a path, query or header parameter, of a JSON
 * field (at any depth), of a form or multipart field replaced by something malformed (NUL bytes,
 * huge numbers, impossible dates, bad UUIDs, long strings, wrong types), fields removed or added,
 * broken JSON, forms and multipart bodies, unknown routes, wrong methods and media types, URIs and
 * headers over the limits. They are sent as the first role the operation lets through (the
 * administrator for most), some without a token or with a forged one. Every answer must be below
 * 500, and a refusal must be problem+json with a code; an operation none of whose requests was
 * accepted must leave the audit trail as it was. The requests come from a fixed seed
 * ({@code -Dfuzz.seed} to change it, {@code -Dfuzz.tries} for the number per operation), printed
 * with any failure.
 */
@QuarkusTest
class MalformedRequestFuzzTest {

    static final long SEED = Long.getLong("fuzz.seed", 20_260_320L);
    /** Requests per operation: about 12,000 in all. */
    static final int TRIES = Integer.getInteger("fuzz.tries", 130);

    static final ObjectMapper JSON = new ObjectMapper();
    /** A request left without an answer fails after this long, instead of stopping the run (no answer is a fault). */
    static final int NO_ANSWER_MILLIS = 120_000;
    static final RestAssuredConfig RAW = RestAssuredConfig.config()
            .httpClient(io.restassured.config.HttpClientConfig.httpClientConfig().setParam("http.socket.timeout", NO_ANSWER_MILLIS))
            .encoderConfig(EncoderConfig.encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false)
                    // Bodies leave as the bytes made here, broken ones included, whatever their declared type.
                    .encodeContentTypeAs("application/x-www-form-urlencoded", io.restassured.http.ContentType.BINARY)
                    .encodeContentTypeAs("multipart/form-data", io.restassured.http.ContentType.BINARY)
                    .encodeContentTypeAs("multipart/mixed", io.restassured.http.ContentType.BINARY));

    /** A parameter of an operation, as the contract declares it. */
    record Param(String name, String in) {
    }

    /** An operation; {@code bodyPaths} are the places its body's schema names, at any depth (index 0 for an array's items). */
    record Operation(String id, String method, String template, List<Param> params, String mediaType, List<List<Object>> bodyPaths) {

        List<String> bodyFields() {
            return bodyPaths.stream().filter(p -> p.size() == 1).map(p -> p.get(0).toString()).toList();
        }
    }

    /** One request: who sends it, what it is, and a line that says how it is malformed. */
    record Attempt(String what, String method, String path, Map<String, String> query, Map<String, String> headers, String contentType,
            byte[] body, String auth) {

        Attempt with(String what) {
            return new Attempt(what, method, path, query, headers, contentType, body, auth);
        }

        Attempt query(String name, String value, String what) {
            Map<String, String> q = new LinkedHashMap<>(query);
            q.put(name, value);
            return new Attempt(what, method, path, q, headers, contentType, body, auth);
        }

        Attempt header(String name, String value, String what) {
            Map<String, String> h = new LinkedHashMap<>(headers);
            h.put(name, value);
            return new Attempt(what, method, path, query, h, contentType, body, auth);
        }

        Attempt body(String type, byte[] content, String what) {
            return new Attempt(what, method, path, query, headers, type, content, auth);
        }

        Attempt path(String newPath, String what) {
            return new Attempt(what, method, newPath, query, headers, contentType, body, auth);
        }

        Attempt method(String newMethod, String what) {
            return new Attempt(what, newMethod, path, query, headers, contentType, body, auth);
        }

        Attempt auth(String who) {
            Map<String, String> h = new LinkedHashMap<>(headers);
            h.remove("Authorization");
            return new Attempt(what + " (as " + who + ")", method, path, query, h, contentType, body, who);
        }

        String url() {
            StringBuilder out = new StringBuilder(path);
            String sep = "?";
            for (Map.Entry<String, String> e : query.entrySet()) {
                out.append(sep).append(encode(e.getKey())).append('=').append(encode(e.getValue()));
                sep = "&";
            }
            return out.toString();
        }

        @Override
        public String toString() {
            String shownBody = body == null ? "" : " body=" + excerpt(new String(body, StandardCharsets.UTF_8));
            return what + ": " + method + " " + excerpt(url()) + " headers=" + excerpt(headers.toString()) + shownBody;
        }
    }

    @Test
    void noMalformedRequestGetsAServerErrorOrChangesData() throws Exception {
        Map<String, Operation> operations = operations();
        Map<String, AccessMatrixTest.Case> cases = AccessMatrixTest.cases();
        AccessMatrixTest.fixtures();
        SourceOfRandomness.create(Long.toString(SEED));

        List<String> failures = new ArrayList<>();
        int sent = 0;
        for (Operation op : operations.values()) {
            // As the first role the operation lets through (the administrator for most), so that requests reach its rules.
            AccessMatrixTest.Case c = cases.get(op.id());
            String role = AccessMatrixTest.ROLES.stream().filter(r -> !r.equals("anonymous"))
                    .filter(r -> AccessMatrixTest.expected(c.rule(), c.ok(), r, AccessMatrixTest.Scope.XUAN_LOC) == c.ok()).findFirst()
                    .orElse("admin");
            Attempt valid = valid(op, c.call().make(role, AccessMatrixTest.Scope.XUAN_LOC, true), role);
            Iterator<Attempt> attempts = malformed(op, valid).sampleStream().iterator();
            long auditBefore = auditCount();
            boolean anyAccepted = false;
            for (int i = 0; i < TRIES; i++) {
                Attempt attempt = attempts.next();
                Response response;
                try {
                    response = send(attempt);
                } catch (IllegalArgumentException | IllegalStateException e) {
                    // A request the client itself cannot build (an URI it refuses): not a request the server sees.
                    continue;
                } catch (Exception e) {
                    // The connection closed without an answer (a broken pipe): as much a fault as a 500.
                    failures.add(op.id() + " no answer (" + e + ") <- " + attempt);
                    continue;
                }
                sent++;
                anyAccepted |= response.statusCode() < 400;
                String fault = fault(response);
                if (fault != null) {
                    failures.add(op.id() + " " + fault + " <- " + attempt);
                }
            }
            long auditAfter = auditCount();
            if (!anyAccepted && auditAfter != auditBefore) {
                failures.add(op.id() + ": every request was refused, yet " + (auditAfter - auditBefore) + " audit events were written");
            }
        }
        System.out.println("Malformed requests sent: " + sent + " (seed " + SEED + ")");
        assertEquals(List.of(), failures.stream().limit(40).toList(),
                failures.size() + " faults with -Dfuzz.seed=" + SEED + " (the first 40 shown)");
        assertTrue(sent >= 10_000 || TRIES < 130, "only " + sent + " requests sent");
    }

    /** What is wrong with an answer to a malformed request, or null. */
    static String fault(Response response) {
        int status = response.statusCode();
        String body = response.asString();
        if (status >= 500) {
            return "answered " + status + " " + excerpt(body);
        }
        if (status < 400) {
            return null;
        }
        String type = response.contentType();
        if (type == null || !type.startsWith("application/problem+json")) {
            return "answered " + status + " as " + type + " " + excerpt(body);
        }
        try {
            JsonNode problem = JSON.readTree(body);
            if (!problem.path("code").isTextual() || problem.path("status").asInt() != status) {
                return "answered " + status + " without a code " + excerpt(body);
            }
        } catch (Exception e) {
            return "answered " + status + " with a body that is not JSON " + excerpt(body);
        }
        return null;
    }

    static long auditCount() {
        return Api.json().get("/api/v1/audit-events?size=1").then().statusCode(200).extract().jsonPath().getLong("totalItems");
    }

    static Response send(Attempt attempt) {
        // Without the contract check of the other tests: a server may ignore what the contract does not name (an extra query
        // parameter), and this test asks less of every answer than that check does, of far more requests.
        RequestSpecification spec = given().noFilters().config(RAW).urlEncodingEnabled(false);
        switch (attempt.auth()) {
            case "anonymous", "own" -> {
            }
            case "forged" -> spec.header("Authorization", "Bearer eyJhbGciOiJSUzI1NiJ9.e30.c2lnbmF0dXJl");
            default -> spec.header("Authorization", "Bearer " + AccessMatrixTest.tokenOf(attempt.auth()));
        }
        attempt.headers().forEach(spec::header);
        if (attempt.body() != null) {
            spec.contentType(attempt.contentType()).body(attempt.body());
        } else if (attempt.contentType() != null) {
            spec.contentType(attempt.contentType());
        }
        return spec.request(attempt.method(), attempt.url());
    }

    // ---- the valid request of each operation, as bytes ----

    static Attempt valid(Operation op, AccessMatrixTest.Call call, String role) throws Exception {
        String[] parts = call.path().split("\\?", 2);
        Map<String, String> query = new LinkedHashMap<>();
        if (parts.length > 1) {
            for (String pair : parts[1].split("&")) {
                String[] kv = pair.split("=", 2);
                query.put(kv[0], kv.length > 1 ? kv[1] : "");
            }
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Accept", op.method().equals("get") && !op.id().startsWith("get") && !op.id().startsWith("list") ? "*/*" : "application/json");
        if (call.ifMatch() != null) {
            headers.put("If-Match", call.ifMatch());
        }
        String type = null;
        byte[] body = null;
        if (call.form() != null) {
            type = "application/x-www-form-urlencoded";
            body = form(call.form()).getBytes(StandardCharsets.UTF_8);
        } else if (call.body() instanceof AccessMatrixTest.RawBody raw) {
            type = "application/octet-stream";
            body = raw.content();
        } else if (call.body() instanceof AccessMatrixTest.Upload upload) {
            type = "multipart/form-data; boundary=" + BOUNDARY;
            body = multipart(List.of(part("file", upload.fileName(), "application/pdf", upload.content()), part("title", null, null,
                    "Biên bản".getBytes(StandardCharsets.UTF_8))));
        } else if (call.body() != null) {
            type = "application/json";
            body = JSON.writeValueAsBytes(call.body());
        } else if (op.mediaType() != null) {
            type = op.mediaType();
        }
        String auth = call.token() == null ? role : "own";
        if (call.token() != null) {
            headers.put("Authorization", "Bearer " + call.token());
        }
        if (op.id().equals("createToken")) {
            // A throwaway account, so that failed sign-ins lock out nobody another test signs in as.
            Map<String, Object> user = AccessMatrixTest.userBody(AccessMatrixTest.f(AccessMatrixTest.Scope.XUAN_LOC).unit());
            Api.json().body(user).post("/api/v1/users").then().statusCode(201);
            body = form(Map.of("grant_type", "password", "username", (String) user.get("username"), "password", "Kiem@Thu2026"))
                    .getBytes(StandardCharsets.UTF_8);
        }
        return new Attempt("valid", call.method(), parts[0], query, headers, type, body, auth);
    }

    static String form(Map<String, String> fields) {
        StringBuilder out = new StringBuilder();
        fields.forEach((k, v) -> out.append(out.length() == 0 ? "" : "&").append(encode(k)).append('=').append(encode(v)));
        return out.toString();
    }

    static final String BOUNDARY = "fuzz-boundary-7MA4YWxkTrZu0gW";

    static byte[] part(String name, String fileName, String type, byte[] content) {
        StringBuilder head = new StringBuilder("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + name + "\"");
        if (fileName != null) {
            head.append("; filename=\"").append(fileName).append('"');
        }
        head.append("\r\n");
        if (type != null) {
            head.append("Content-Type: ").append(type).append("\r\n");
        }
        head.append("\r\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
        out.writeBytes(content);
        out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    static byte[] multipart(List<byte[]> parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        parts.forEach(out::writeBytes);
        out.writeBytes(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    // ---- the malformed requests ----

    @SuppressWarnings({"unchecked", "rawtypes"})
    static Arbitrary<Attempt> malformed(Operation op, Attempt valid) {
        List<Tuple.Tuple2> kinds = new ArrayList<>();
        List<Param> pathParams = op.params().stream().filter(p -> p.in().equals("path")).toList();
        List<Param> queryParams = op.params().stream().filter(p -> p.in().equals("query")).toList();
        if (!pathParams.isEmpty()) {
            kinds.add(Tuple.of(3, Combinators.combine(Arbitraries.of(pathParams), text())
                    .as((p, v) -> valid.path(replacePathParam(op.template(), valid.path(), p.name(), v), "path " + p.name() + "=" + excerpt(v)))));
        }
        List<String> queryNames = new ArrayList<>(queryParams.stream().map(Param::name).toList());
        queryNames.addAll(List.of("page", "size", "sort", "q"));
        kinds.add(Tuple.of(queryParams.isEmpty() ? 1 : 4, Combinators.combine(Arbitraries.of(queryNames), text())
                .as((name, v) -> valid.query(name, v, "query " + name + "=" + excerpt(v)))));
        kinds.add(Tuple.of(2, headers(valid)));
        kinds.add(Tuple.of(2, httpLayer(valid)));
        kinds.add(Tuple.of(1, Arbitraries.of(valid.auth("anonymous"), valid.auth("forged"))));
        if ("application/json".equals(valid.contentType())) {
            kinds.add(Tuple.of(6, jsonField(valid, op.bodyPaths())));
            kinds.add(Tuple.of(2, jsonRemoveOrAdd(valid)));
            kinds.add(Tuple.of(3, brokenJson(valid)));
        } else if ("application/x-www-form-urlencoded".equals(valid.contentType())) {
            kinds.add(Tuple.of(12, brokenForm(valid, op.bodyFields())));
        } else if (valid.contentType() != null && valid.contentType().startsWith("multipart/")) {
            kinds.add(Tuple.of(12, brokenMultipart(valid, op.bodyFields())));
        } else if (valid.body() != null) {
            kinds.add(Tuple.of(4, brokenBytes(valid)));
        } else if (!op.method().equals("get") && !op.method().equals("delete")) {
            kinds.add(Tuple.of(3, brokenJson(valid.body("application/json", "{}".getBytes(StandardCharsets.UTF_8), "empty object"))));
        }
        Arbitrary<Attempt> any = Arbitraries.frequencyOf(kinds.toArray(new Tuple.Tuple2[0]));
        // Most as the administrator (so that the request reaches the rules), some without a valid token.
        return Arbitraries.frequencyOf(Tuple.of(12, any), Tuple.of(1, any.map(a -> a.auth("anonymous"))));
    }

    /** Malformed text for a path, query, header or form value. */
    static Arbitrary<String> text() {
        return Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.of("\u0000", "a\u0000b", "", " ", "-1", "0", "2147483648", "-2147483649", "9223372036854775808",
                        "99999999999", "99999999999999999999999999", "1e400", "-1e400", "NaN", "Infinity", "0x1F", "1.5", "99999999-01-01",
                        "+99999999-12-31", "2026-02-30", "2026-13-01", "2026-13", "2026-00", "2026-99", "99999999-12", "-2026-01", "2026-Q9",
                        "26/03/2026", "2026-03-20T25:61:61Z", "2026-03-20T10:00:00+99:00", "not-a-uuid", "00000000-0000-0000-0000-000000000000",
                        UUID.randomUUID() + "x", "../../etc/passwd", "%", "%zz", "true", "null", "[]", "{}", "<b>x</b>", "ĐÀ NẴNG",
                        "\uD800", "\uFFFF", "'; drop table plan; --", "a,b,c", "*", "\r\nX-Injected: 1")),
                Tuple.of(3, Arbitraries.strings().all().ofMaxLength(30)),
                Tuple.of(2, Combinators.combine(Arbitraries.strings().alpha().ofMaxLength(12), Arbitraries.strings().alpha().ofMaxLength(12))
                        .as((a, b) -> a + '\u0000' + b)),
                Tuple.of(2, Arbitraries.strings().numeric().ofMinLength(10).ofMaxLength(500)),
                Tuple.of(2, Arbitraries.bigIntegers().between(new java.math.BigInteger("-1" + "0".repeat(30)), new java.math.BigInteger("1" + "0".repeat(30)))
                        .map(Object::toString)),
                Tuple.of(2, Arbitraries.longs().map(String::valueOf)),
                Tuple.of(1, Arbitraries.strings().alpha().ofMinLength(300).ofMaxLength(9000)));
    }

    /** Malformed JSON values, as raw JSON text. */
    static Arbitrary<String> jsonValue() {
        return Arbitraries.frequencyOf(
                Tuple.of(5, text().map(MalformedRequestFuzzTest::quote)),
                Tuple.of(4, Arbitraries.of("1e400", "-1e400", "1" + "0".repeat(400), "-1" + "0".repeat(400), "2147483648", "-2147483649",
                        "9223372036854775808", "99999999", "-99999999", "0", "-1", "0.5", "1E-400", "1.7976931348623157E309", "{}", "[]", "[[]]",
                        "[null]", "true", "false", "null", "\"\"", "{\"a\":1}", "[1,2,3]", "[\"x\"]", "\"\\u0000\"", "\"a\\u0000\"",
                        "{\"\\u0000\":1}", "\"99999999-01-01\"", "\"2026-02-30\"", "\"+99999999-12-31\"", "\"-999999999-01-01\"", "\"2026-99\"",
                        "\"99999999-12\"", "\"" + "x".repeat(20000) + "\"", "[" + "1,".repeat(5000) + "1]")),
                Tuple.of(2, Arbitraries.bigDecimals().ofScale(3).map(d -> d.toPlainString())),
                Tuple.of(2, Arbitraries.longs().map(String::valueOf)),
                Tuple.of(1, Arbitraries.integers().between(1, 400).map(n -> "1e" + n)),
                Tuple.of(1, Arbitraries.of("1e999999999", "-1e999999999", "1e-999999999", "123456789012345.5", "100000000000000")));
    }

    /** A JSON string; a lone surrogate is written as its escape, which JSON allows and UTF-8 cannot carry. */
    static String quote(String s) {
        try {
            StringBuilder out = new StringBuilder();
            String json = JSON.writeValueAsString(s);
            for (int i = 0; i < json.length(); i++) {
                char c = json.charAt(i);
                boolean paired = Character.isHighSurrogate(c) && i + 1 < json.length() && Character.isLowSurrogate(json.charAt(i + 1))
                        || Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(json.charAt(i - 1));
                out.append(Character.isSurrogate(c) && !paired ? String.format("\\u%04X", (int) c) : String.valueOf(c));
            }
            return out.toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static Arbitrary<Attempt> headers(Attempt valid) {
        Arbitrary<String> names = Arbitraries.of("If-Match", "If-None-Match", "Accept", "Accept-Language", "X-Request-Id", "Authorization",
                "Content-Type", "Range", "X-Forwarded-Proto");
        Arbitrary<String> values = Arbitraries.oneOf(Arbitraries.of("\"abc\"", "\"99999999999999999999\"", "\"-1\"", "W/\"0\"", "*", "", "abc",
                "\"", "application/xml", "text/html", "*/*;q=abc", "application/json;q=0", "image/png", "Bearer", "Bearer x.y.z", "Basic !!!",
                "Basic " + java.util.Base64.getEncoder().encodeToString("a:b".getBytes(StandardCharsets.UTF_8)), "multipart/form-data",
                "application/json; charset=klingon", "text/plain", "application/x-www-form-urlencoded", "bytes=9-1", "ĐÀ NẴNG"),
                Arbitraries.strings().ascii().ofMaxLength(40).map(s -> s.replaceAll("[\\r\\n\\x00]", "")));
        return Combinators.combine(names, values).as((n, v) -> n.equals("Content-Type") ? valid.body(v, valid.body(), "Content-Type: " + v)
                : valid.header(n, v, n + ": " + excerpt(v)));
    }

    /** What the HTTP layer refuses before any operation runs. */
    static Arbitrary<Attempt> httpLayer(Attempt valid) {
        return Arbitraries.oneOf(
                Arbitraries.integers().between(4200, 30000).map(n -> valid.query("q", "x".repeat(n), "URI of " + n + " characters")),
                Arbitraries.integers().between(21000, 40000).map(n -> valid.header("X-Filler", "x".repeat(n), "a header of " + n + " bytes")),
                Arbitraries.of("/x", "/" + UUID.randomUUID(), "/%00", "/..", "//", "/a/b/c").map(s -> valid.path(valid.path() + s, "unknown route " + s)),
                Arbitraries.of("/api/v9/plans", "/api/v1/nothing", "/api/", "/api/v1", "/api/v1/plans/%00/indicators", "/api/v1/PLANS")
                        .map(p -> valid.path(p, "unknown route " + p)),
                Arbitraries.of("PATCH", "TRACE", "PUT", "DELETE", "POST", "GET").map(m -> valid.method(m, "method " + m)));
    }

    /** One field of the JSON body, at any depth, or one the schema names, replaced by a malformed value. */
    static Arbitrary<Attempt> jsonField(Attempt valid, List<List<Object>> schemaPaths) {
        Object body = read(valid.body());
        List<List<Object>> paths = new ArrayList<>();
        collectPaths(body, new ArrayList<>(), paths);
        schemaPaths.stream().filter(p -> !paths.contains(p)).forEach(paths::add);
        if (paths.isEmpty()) {
            paths.add(List.of("x"));
        }
        return Combinators.combine(Arbitraries.of(paths), jsonValue()).as((path, value) -> {
            Object copy = read(valid.body());
            copy = put(copy, path, new RawValue(value));
            return valid.body("application/json", write(copy), "field " + path + "=" + excerpt(value));
        });
    }

    static Arbitrary<Attempt> jsonRemoveOrAdd(Attempt valid) {
        Object body = read(valid.body());
        List<List<Object>> paths = new ArrayList<>();
        collectPaths(body, new ArrayList<>(), paths);
        Arbitrary<Attempt> extra = Arbitraries.of("extra", "", "\u0000", "id", "version", "__proto__", "x".repeat(300))
                .map(name -> valid.body("application/json", write(put(read(valid.body()), List.of(name), 1)), "extra field '" + excerpt(name) + "'"));
        if (paths.isEmpty()) {
            return extra;
        }
        Arbitrary<Attempt> removed = Arbitraries.of(paths)
                .map(path -> valid.body("application/json", write(remove(read(valid.body()), path)), "without " + path));
        return Arbitraries.oneOf(removed, extra);
    }

    /** A JSON body that is not JSON, or not the right JSON. */
    static Arbitrary<Attempt> brokenJson(Attempt valid) {
        byte[] bytes = valid.body() == null ? "{}".getBytes(StandardCharsets.UTF_8) : valid.body();
        String text = new String(bytes, StandardCharsets.UTF_8);
        return Arbitraries.oneOf(
                Arbitraries.integers().between(0, Math.max(0, text.length() - 1)).map(n -> valid.body("application/json",
                        text.substring(0, n).getBytes(StandardCharsets.UTF_8), "JSON cut at " + n)),
                Combinators.combine(Arbitraries.integers().between(0, text.length()), Arbitraries.of("\u0000", "\"", "}", "]", ",", ":", "\\", "'", "\\u00",
                        "\\uD800", "NaN", "\uFEFF")).as((n, s) -> valid.body("application/json",
                                (text.substring(0, n) + s + text.substring(n)).getBytes(StandardCharsets.UTF_8), "'" + s + "' inserted at " + n)),
                Arbitraries.of("", "{", "}", "null", "[]", "\"text\"", "42", "true", "{\"a\":1}{", "{\"a\":1,\"a\":2}", "[" .repeat(3000),
                        "{\"a\":".repeat(2000), "\uFEFF{}", "{'a':1}", "{a:1}", "/* */ {}").map(s -> valid.body("application/json",
                                s.getBytes(StandardCharsets.UTF_8), "body " + excerpt(s))),
                Arbitraries.of(new byte[] {(byte) 0xC3, (byte) 0x28}, new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xFF, '"', '}'},
                        new byte[] {(byte) 0xFE, (byte) 0xFF, 0, '{', 0, '}'}).map(b -> valid.body("application/json", b, "invalid UTF-8")),
                Arbitraries.of("text/plain", "application/xml", "application/x-www-form-urlencoded", "multipart/form-data",
                        "application/json; charset=UTF-16", "application/json; charset=nope").map(t -> valid.body(t, bytes, "sent as " + t)));
    }

    /** Broken application/x-www-form-urlencoded bodies. */
    static Arbitrary<Attempt> brokenForm(Attempt valid, List<String> fields) {
        String text = new String(valid.body(), StandardCharsets.UTF_8);
        List<String> names = new ArrayList<>(fields);
        names.addAll(List.of("grant_type", "username", "password"));
        return Arbitraries.oneOf(
                Arbitraries.of("%", "%zz", "%0", "%E0%A4%A", "%C3%28", "%00", "a%00b", "=", "&&&", "=&=", "%%", "+%", "%u0041", "%FF%FE")
                        .map(junk -> valid.body(valid.contentType(), (text + junk).getBytes(StandardCharsets.UTF_8), "form ending in " + junk)),
                Combinators.combine(Arbitraries.of(names), Arbitraries.of("%", "%zz", "%0", "%E0%A4%A", "%00", "a%00b", "%C3%28", "%FF"))
                        .as((name, raw) -> valid.body(valid.contentType(), replaceForm(text, name, raw).getBytes(StandardCharsets.UTF_8),
                                "form " + name + "=" + raw)),
                Combinators.combine(Arbitraries.of(names), text()).as((name, v) -> valid.body(valid.contentType(),
                        replaceForm(text, name, encode(v)).getBytes(StandardCharsets.UTF_8), "form " + name + "=" + excerpt(v))),
                Arbitraries.integers().between(0, Math.max(0, text.length() - 1)).map(n -> valid.body(valid.contentType(),
                        text.substring(0, n).getBytes(StandardCharsets.UTF_8), "form cut at " + n)),
                Arbitraries.integers().between(17_000, 40_000).map(n -> valid.body(valid.contentType(),
                        (text + "&password=" + "x".repeat(n)).getBytes(StandardCharsets.UTF_8), "form field of " + n + " bytes")),
                Arbitraries.of(new byte[] {'a', '=', (byte) 0xFF, (byte) 0xFE}, new byte[] {(byte) 0xC3, (byte) 0x28, '=', '1'})
                        .map(b -> valid.body(valid.contentType(), b, "form with invalid UTF-8")),
                Arbitraries.of("application/json", "text/plain", "multipart/form-data", "application/x-www-form-urlencoded; charset=nope")
                        .map(t -> valid.body(t, valid.body(), "form sent as " + t)));
    }

    static String replaceForm(String form, String name, String rawValue) {
        StringBuilder out = new StringBuilder();
        boolean found = false;
        for (String pair : form.split("&")) {
            if (pair.startsWith(name + "=")) {
                pair = name + "=" + rawValue;
                found = true;
            }
            out.append(out.length() == 0 ? "" : "&").append(pair);
        }
        return found ? out.toString() : out + "&" + name + "=" + rawValue;
    }

    /** Broken multipart/form-data bodies: no boundary, cut parts, fields with malformed values, parts of the wrong type. */
    static Arbitrary<Attempt> brokenMultipart(Attempt valid, List<String> fields) {
        byte[] pdf = EvidenceTest.pdf();
        byte[] body = valid.body();
        List<String> names = new ArrayList<>(fields);
        names.remove("file");
        if (names.isEmpty()) {
            names.add("title");
        }
        return Arbitraries.oneOf(
                Arbitraries.of("multipart/form-data", "multipart/form-data; boundary=", "multipart/form-data; boundary=other",
                        "multipart/form-data; boundary=\"unclosed", "multipart/mixed; boundary=" + BOUNDARY, "application/octet-stream",
                        "application/json", "multipart/form-data; boundary=" + "b".repeat(200))
                        .map(t -> valid.body(t, body, "multipart sent as " + t)),
                Arbitraries.integers().between(0, body.length - 1).map(n -> valid.body(valid.contentType(), java.util.Arrays.copyOf(body, n),
                        "multipart cut at " + n)),
                Combinators.combine(Arbitraries.of(names), text()).as((name, v) -> valid.body(valid.contentType(),
                        multipart(List.of(part("file", "a.pdf", "application/pdf", pdf), part(name, null, null, v.getBytes(StandardCharsets.UTF_8)))),
                        "multipart " + name + "=" + excerpt(v))),
                text().map(fileName -> valid.body(valid.contentType(), multipart(List.of(part("file", fileName.replace("\"", ""), "application/pdf", pdf))),
                        "file named " + excerpt(fileName))),
                Arbitraries.of("", "text/html", "application/x-msdownload", "\u0000", "application/pdf; charset=\u0000").map(t -> valid.body(
                        valid.contentType(), multipart(List.of(part("file", "a.pdf", t.isEmpty() ? null : t, pdf))), "file part typed " + excerpt(t))),
                Arbitraries.of(
                        ("--" + BOUNDARY + "\r\nContent-Disposition: form-data\r\n\r\nx\r\n--" + BOUNDARY + "--\r\n"),
                        ("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.pdf\"\r\n\r\n"),
                        ("--" + BOUNDARY + "\r\nbroken header line\r\n\r\nx\r\n--" + BOUNDARY + "--\r\n"),
                        ("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nx\r\n--" + BOUNDARY + "--\r\n"),
                        ("--" + BOUNDARY + "--\r\n"), "", "garbage", "\r\n\r\n\r\n")
                        .map(s -> valid.body(valid.contentType(), s.getBytes(StandardCharsets.UTF_8), "multipart " + excerpt(s))));
    }

    /** A raw file body: garbage, empty, a truncated archive. */
    static Arbitrary<Attempt> brokenBytes(Attempt valid) {
        byte[] body = valid.body();
        return Arbitraries.oneOf(
                Arbitraries.bytes().array(byte[].class).ofMaxSize(2000).map(b -> valid.body(valid.contentType(), b, "random bytes")),
                Arbitraries.integers().between(0, body.length - 1).map(n -> valid.body(valid.contentType(), java.util.Arrays.copyOf(body, n),
                        "file cut at " + n)),
                Arbitraries.of("application/json", "text/plain", "multipart/form-data", "application/x-www-form-urlencoded")
                        .map(t -> valid.body(t, body, "file sent as " + t)));
    }

    // ---- JSON trees ----

    static Object read(byte[] body) {
        try {
            return JSON.readValue(body, Object.class);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] write(Object value) {
        try {
            return JSON.writeValueAsBytes(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    static void collectPaths(Object node, List<Object> at, List<List<Object>> out) {
        if (node instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> e : map.entrySet()) {
                List<Object> next = new ArrayList<>(at);
                next.add(e.getKey());
                out.add(next);
                collectPaths(e.getValue(), next, out);
            }
        } else if (node instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                List<Object> next = new ArrayList<>(at);
                next.add(i);
                out.add(next);
                collectPaths(list.get(i), next, out);
            }
        }
    }

    /** The tree with {@code value} at {@code path}, making the maps and lists on the way that the valid body does not have. */
    @SuppressWarnings("unchecked")
    static Object put(Object root, List<Object> path, Object value) {
        if (path.isEmpty() || !(root instanceof Map<?, ?> || root instanceof List<?>)) {
            return value;
        }
        Object parent = root;
        for (int i = 0; i < path.size() - 1; i++) {
            Object next = child(parent, path.get(i));
            if (!(next instanceof Map<?, ?> || next instanceof List<?>)) {
                next = path.get(i + 1) instanceof Integer ? new ArrayList<>() : new LinkedHashMap<>();
                set(parent, path.get(i), next);
            }
            parent = next;
        }
        set(parent, path.get(path.size() - 1), value);
        return root;
    }

    @SuppressWarnings("unchecked")
    static Object child(Object parent, Object key) {
        if (parent instanceof Map<?, ?> m) {
            return m.get(key.toString());
        }
        List<Object> list = (List<Object>) parent;
        return key instanceof Integer i && i < list.size() ? list.get(i) : null;
    }

    @SuppressWarnings("unchecked")
    static void set(Object parent, Object key, Object value) {
        if (parent instanceof Map<?, ?> m) {
            ((Map<Object, Object>) m).put(key.toString(), value);
        } else if (parent instanceof List<?> l) {
            List<Object> list = (List<Object>) l;
            int index = key instanceof Integer i ? i : 0;
            if (index < list.size()) {
                list.set(index, value);
            } else {
                list.add(value);
            }
        }
    }

    @SuppressWarnings("unchecked")
    static Object remove(Object root, List<Object> path) {
        Object parent = root;
        for (int i = 0; i < path.size() - 1; i++) {
            parent = parent instanceof Map<?, ?> m ? m.get(path.get(i)) : ((List<Object>) parent).get((Integer) path.get(i));
        }
        Object last = path.get(path.size() - 1);
        if (parent instanceof Map<?, ?> m) {
            m.remove(last);
        } else if (parent instanceof List<?> l && last instanceof Integer index) {
            ((List<Object>) l).remove((int) index);
        }
        return root;
    }

    // ---- the contract ----

    static String replacePathParam(String template, String path, String name, String value) {
        String[] t = template.split("/");
        String[] p = path.split("/");
        for (int i = 0; i < t.length && i < p.length; i++) {
            if (t[i].equals("{" + name + "}")) {
                p[i] = encode(value);
            }
        }
        return String.join("/", p);
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static String excerpt(String s) {
        String clean = s.replace("\u0000", "\\0");
        return clean.length() <= 160 ? clean : clean.substring(0, 160) + "…(" + clean.length() + ")";
    }

    /** Every operation of the committed contract: its parameters, its body's media type and top-level fields. */
    @SuppressWarnings("unchecked")
    static Map<String, Operation> operations() throws Exception {
        Map<String, Operation> out = new LinkedHashMap<>();
        try (InputStream in = Files.newInputStream(Path.of("..", "openapi", "openapi.yaml"))) {
            Map<String, Object> doc = new Yaml().load(in);
            Map<String, Object> schemas = (Map<String, Object>) ((Map<String, Object>) doc.get("components")).get("schemas");
            Map<String, Map<String, Object>> paths = (Map<String, Map<String, Object>>) doc.get("paths");
            paths.forEach((template, item) -> item.forEach((method, value) -> {
                if (!(value instanceof Map<?, ?> raw) || raw.get("operationId") == null) {
                    return;
                }
                Map<String, Object> operation = (Map<String, Object>) raw;
                List<Param> params = new ArrayList<>();
                for (Map<String, Object> p : (List<Map<String, Object>>) operation.getOrDefault("parameters", List.of())) {
                    params.add(new Param((String) p.get("name"), (String) p.get("in")));
                }
                String mediaType = null;
                List<List<Object>> bodyPaths = new ArrayList<>();
                if (operation.get("requestBody") instanceof Map<?, ?> requestBody
                        && requestBody.get("content") instanceof Map<?, ?> content && !content.isEmpty()) {
                    Map.Entry<?, ?> first = content.entrySet().iterator().next();
                    mediaType = first.getKey().toString();
                    schemaPaths((Map<String, Object>) ((Map<String, Object>) first.getValue()).get("schema"), List.of(), bodyPaths, schemas, 0);
                }
                String id = (String) operation.get("operationId");
                out.put(id, new Operation(id, method, template, params, mediaType, bodyPaths));
            }));
        }
        return out;
    }

    /** The places a schema names, at any depth up to five, resolving references. */
    @SuppressWarnings("unchecked")
    static void schemaPaths(Map<String, Object> schema, List<Object> at, List<List<Object>> out, Map<String, Object> schemas, int depth) {
        if (schema == null || depth > 5) {
            return;
        }
        if (schema.get("$ref") instanceof String ref) {
            schemaPaths((Map<String, Object>) schemas.get(ref.substring(ref.lastIndexOf('/') + 1)), at, out, schemas, depth + 1);
            return;
        }
        for (String combined : List.of("allOf", "anyOf", "oneOf")) {
            if (schema.get(combined) instanceof List<?> parts) {
                parts.forEach(part -> schemaPaths((Map<String, Object>) part, at, out, schemas, depth + 1));
            }
        }
        if (schema.get("properties") instanceof Map<?, ?> properties) {
            properties.forEach((name, property) -> {
                List<Object> path = new ArrayList<>(at);
                path.add(name.toString());
                out.add(path);
                schemaPaths((Map<String, Object>) property, path, out, schemas, depth + 1);
            });
        }
        if (schema.get("items") instanceof Map<?, ?> items) {
            List<Object> path = new ArrayList<>(at);
            path.add(0);
            schemaPaths((Map<String, Object>) items, path, out, schemas, depth + 1);
        }
    }
}
