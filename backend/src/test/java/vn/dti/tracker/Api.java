package vn.dti.tracker;

import static io.restassured.RestAssured.given;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

/** Small helpers shared by the API tests; every test makes its own data with random codes. */
final class Api {

    private Api() {
    }

    static final String DEMO_PASSWORD = "Demo@2026";

    private static final Map<String, String> TOKENS = new java.util.concurrent.ConcurrentHashMap<>();

    /** A JSON request by the demo administrator. */
    static RequestSpecification json() {
        return as("admin");
    }

    /** A JSON request signed in as a demo account (password Demo@2026); tokens are reused within the run. */
    static RequestSpecification as(String username) {
        return given().contentType(ContentType.JSON).accept(ContentType.JSON).header("Authorization", "Bearer " + token(username));
    }

    /** The access token of a demo account, or of the demo service account for "~service"; reused within the run. */
    static String token(String who) {
        return TOKENS.computeIfAbsent(who, u -> u.equals("~service") ? serviceToken("province-system", DEMO_PASSWORD) : signIn(u, DEMO_PASSWORD));
    }

    /** A fresh access token from the password grant. */
    static String signIn(String username, String password) {
        return given().formParam("grant_type", "password").formParam("username", username).formParam("password", password)
                .post("/api/v1/auth/token").then().statusCode(200).extract().path("access_token");
    }

    /** A fresh token of the demo service account. */
    static String serviceToken(String clientId, String secret) {
        return given().formParam("grant_type", "client_credentials").formParam("client_id", clientId).formParam("client_secret", secret)
                .post("/api/v1/auth/token").then().statusCode(200).extract().path("access_token");
    }

    /** A JSON request of the demo service account province-system. */
    static RequestSpecification asService() {
        return as("~service");
    }

    /** A JSON request without any token. */
    static RequestSpecification anonymous() {
        return given().contentType(ContentType.JSON).accept(ContentType.JSON);
    }

    static String code(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    static String unitId(String code) {
        return json().queryParam("q", code).get("/api/v1/org-units").then().statusCode(200)
                .extract().path("items.find { it.code == '" + code + "' }.id");
    }

    static String planId(String code) {
        return json().queryParam("q", code).queryParam("size", 200).get("/api/v1/plans").then().statusCode(200)
                .extract().path("items.find { it.code == '" + code + "' }.id");
    }

    static String createUnit(String code, String name, String kind, String parentId) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("code", code, "name", name, "kind", kind));
        body.put("parentId", parentId);
        return json().body(body).post("/api/v1/org-units").then().statusCode(201).extract().path("id");
    }

    static Map<String, Object> regime(String coordinatorId) {
        Map<String, Object> r = new java.util.HashMap<>();
        r.put("frequency", "MONTHLY");
        r.put("unitReportDay", 20);
        r.put("consolidationDay", 25);
        r.put("coordinatorUnitId", coordinatorId);
        return r;
    }

    static Map<String, Object> planBody(String code, String issuerId, int start, int end) {
        Map<String, Object> p = new java.util.HashMap<>();
        p.put("code", code);
        p.put("issuingUnitId", issuerId);
        p.put("title", "Kế hoạch chuyển đổi số " + code);
        p.put("startYear", start);
        p.put("endYear", end);
        p.put("reportingRegime", regime(issuerId));
        return p;
    }

    /**
     * The plan body as issued on 1 January of its first year, so that every period of its years is due and reports may be made
     * on it (nobody reports on a draft).
     */
    static Map<String, Object> issued(Map<String, Object> body) {
        body.put("status", "ISSUED");
        body.put("documentNumber", "01/KH-UBND");
        body.put("issueDate", body.get("startYear") + "-01-01");
        return body;
    }

    static String createPlan(Map<String, Object> body) {
        return json().body(body).post("/api/v1/plans").then().statusCode(201).extract().path("id");
    }

    static String createGroup(String planId, String kind, String code) {
        return json().body(Map.of("kind", kind, "code", code, "name", "Nhóm " + code, "order", 1))
                .post("/api/v1/plans/" + planId + "/groups").then().statusCode(201).extract().path("id");
    }

    static Map<String, Object> target(int year, String kind, String comparator, Object value, String wording) {
        Map<String, Object> t = new java.util.HashMap<>();
        t.put("year", year);
        t.put("kind", kind);
        t.put("comparator", comparator);
        t.put("value", value);
        t.put("wording", wording);
        return t;
    }

    static Map<String, Object> indicatorBody(String code, String groupId, String leadId, List<Map<String, Object>> targets) {
        Map<String, Object> i = new java.util.HashMap<>();
        i.put("code", code);
        i.put("groupId", groupId);
        i.put("order", 1);
        i.put("content", "Tỷ lệ người dân trưởng thành có chữ ký số");
        i.put("unitOfMeasure", "%");
        i.put("targets", targets);
        i.put("leadUnitId", leadId);
        return i;
    }

    /** A refusal: problem+json with this status and code, and (when given) the offending field. */
    static ValidatableResponse refused(ValidatableResponse response, int status, String code, String field) {
        response.statusCode(status).contentType("application/problem+json")
                .body("status", org.hamcrest.Matchers.equalTo(status))
                .body("code", org.hamcrest.Matchers.equalTo(code))
                .body("detail", org.hamcrest.Matchers.not(org.hamcrest.Matchers.emptyOrNullString()));
        // Every refusal names its request, as the X-Request-Id header does.
        String requestId = response.extract().header("X-Request-Id");
        org.junit.jupiter.api.Assertions.assertNotNull(requestId, "X-Request-Id header");
        response.body("requestId", org.hamcrest.Matchers.equalTo(requestId));
        if (field != null) {
            response.body("errors.field", org.hamcrest.Matchers.hasItem(field));
        }
        return response;
    }
}
