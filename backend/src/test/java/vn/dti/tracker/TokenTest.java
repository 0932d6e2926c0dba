package vn.dti.tracker;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.smallrye.jwt.build.Jwt;

/** Sign-in, refresh, sign-out, service accounts, lockout, and every kind of bad token. */
@QuarkusTest
class TokenTest {

    static Response token(Map<String, String> form) {
        return given().contentType(ContentType.URLENC).formParams(form).post("/api/v1/auth/token");
    }

    static Response password(String username, String password) {
        return token(Map.of("grant_type", "password", "username", username, "password", password));
    }

    static Response refresh(String refreshToken) {
        return token(Map.of("grant_type", "refresh_token", "refresh_token", refreshToken));
    }

    static int me(String accessToken) {
        return given().header("Authorization", "Bearer " + accessToken).get("/api/v1/me").statusCode();
    }

    /** A fresh account, so that tests of revocation and lockout touch no demo account. */
    static Map<String, String> newUser(String role) {
        String username = "t-" + java.util.UUID.randomUUID().toString().substring(0, 10);
        Map<String, Object> body = new HashMap<>();
        body.put("username", username);
        body.put("fullName", "Người thử đăng nhập");
        body.put("orgUnitId", Api.unitId("DNAI.XUANLOC.VP"));
        body.put("roles", List.of(role));
        body.put("password", "Thu@Nghiem2026");
        String id = Api.json().body(body).post("/api/v1/users").then().statusCode(201).extract().path("id");
        return Map.of("id", id, "username", username, "password", "Thu@Nghiem2026");
    }

    static void assertUnauthenticated(String accessToken) {
        Api.refused(given().header("Authorization", "Bearer " + accessToken).get("/api/v1/plans").then(), 401, "auth.unauthenticated", null)
                .header("WWW-Authenticate", "Bearer");
    }

    @Test
    void aPersonSignsInAndTheTokenCarriesWhoTheyAre() {
        Response r = password("commune", Api.DEMO_PASSWORD);
        r.then().statusCode(200).contentType(ContentType.JSON)
                .body("token_type", equalTo("Bearer")).body("expires_in", equalTo(900))
                .body("refresh_token", notNullValue()).body("access_token", notNullValue());
        String access = r.path("access_token");
        String header = new String(Base64.getUrlDecoder().decode(access.split("\\.")[0]), StandardCharsets.UTF_8);
        assertTrue(header.contains("\"RS256\""), header);
        given().header("Authorization", "Bearer " + access).get("/api/v1/me").then().statusCode(200)
                .body("username", equalTo("commune")).body("roles", equalTo(List.of("COMMUNE_COORDINATOR")))
                .body("unit.code", equalTo("DNAI.XUANLOC.VHXH"))
                .body("scopes[0].scope.code", equalTo("DNAI.XUANLOC"));
        // User names are not case-sensitive; passwords are.
        password("COMMUNE", Api.DEMO_PASSWORD).then().statusCode(200);
        Api.refused(password("commune", "demo@2026").then(), 401, "auth.invalid-credentials", null);
    }

    @Test
    void anAdministratorActsOnEveryUnitWithNoScopeNamed() {
        String access = password("admin", Api.DEMO_PASSWORD).path("access_token");
        given().header("Authorization", "Bearer " + access).get("/api/v1/me").then().statusCode(200)
                .body("roles", equalTo(List.of("ADMIN"))).body("scopes[0].role", equalTo("ADMIN"))
                .body("scopes[0]", org.hamcrest.Matchers.hasKey("scope")).body("scopes[0].scope", nullValue());
    }

    @Test
    void everyDemoAccountSignsIn() {
        for (String user : List.of("admin", "province", "commune", "reporter", "reporter2", "viewer")) {
            password(user, Api.DEMO_PASSWORD).then().statusCode(200);
        }
        token(Map.of("grant_type", "client_credentials", "client_id", "province-system", "client_secret", Api.DEMO_PASSWORD))
                .then().statusCode(200).body("refresh_token", nullValue()).body("scope", equalTo("dti.read"));
    }

    @Test
    void anUnknownAccountAndAWrongPasswordGetTheSameAnswer() {
        String unknown = password("nobody-here", "Whatever@2026").then().statusCode(401).extract().path("detail");
        String wrong = password("viewer", "Whatever@2026").then().statusCode(401).extract().path("detail");
        assertEquals(unknown, wrong);
        Api.refused(token(Map.of("grant_type", "password", "username", "viewer")).then(), 400, "auth.missing-credentials", "password");
        Api.refused(token(Map.of("grant_type", "magic")).then(), 400, "auth.unsupported-grant", "grant_type");
        Api.refused(token(Map.of()).then(), 400, "auth.unsupported-grant", "grant_type");
    }

    @Test
    void refreshTokensRotateAndASecondUseEndsTheSignIn() {
        Map<String, String> user = newUser("VIEWER");
        Response first = password(user.get("username"), user.get("password"));
        String r1 = first.path("refresh_token");
        Response second = refresh(r1);
        second.then().statusCode(200);
        String r2 = second.path("refresh_token");
        assertNotEquals(r1, r2);
        assertEquals(200, me(second.path("access_token")));

        // r1 was used: presenting it again looks like theft, so the whole family is revoked, r2 included.
        Api.refused(refresh(r1).then(), 401, "auth.invalid-refresh-token", null);
        Api.refused(refresh(r2).then(), 401, "auth.invalid-refresh-token", null);
        Api.json().queryParam("action", "REFRESH_TOKEN_REUSED").queryParam("objectId", user.get("id")).get("/api/v1/audit-events")
                .then().statusCode(200).body("totalItems", equalTo(1));

        Api.refused(refresh("made-up").then(), 401, "auth.invalid-refresh-token", null);
        Api.refused(token(Map.of("grant_type", "refresh_token")).then(), 400, "auth.missing-refresh-token", "refresh_token");
    }

    @Test
    void signingOutRevokesTheRefreshToken() {
        Map<String, String> user = newUser("VIEWER");
        String refreshToken = password(user.get("username"), user.get("password")).path("refresh_token");
        given().contentType(ContentType.URLENC).formParam("refresh_token", refreshToken).post("/api/v1/auth/sign-out")
                .then().statusCode(204);
        Api.refused(refresh(refreshToken).then(), 401, "auth.invalid-refresh-token", null);
        // Signing out twice, or with nonsense, is not an error (RFC 7009).
        given().contentType(ContentType.URLENC).formParam("refresh_token", refreshToken).post("/api/v1/auth/sign-out").then().statusCode(204);
        given().contentType(ContentType.URLENC).post("/api/v1/auth/sign-out").then().statusCode(204);
    }

    @Test
    void changingThePasswordEndsEverySessionAtOnce() {
        Map<String, String> user = newUser("VIEWER");
        Response session = password(user.get("username"), user.get("password"));
        String access = session.path("access_token");
        String refreshToken = session.path("refresh_token");

        Api.refused(given().header("Authorization", "Bearer " + access).contentType(ContentType.JSON)
                .body(Map.of("currentPassword", "wrong", "newPassword", "Moi@Mat2026")).put("/api/v1/me/password").then(),
                400, "auth.wrong-password", "currentPassword");
        Api.refused(given().header("Authorization", "Bearer " + access).contentType(ContentType.JSON)
                .body(Map.of("currentPassword", user.get("password"), "newPassword", "abc")).put("/api/v1/me/password").then(),
                400, "password.weak", "newPassword");
        Api.refused(given().header("Authorization", "Bearer " + access).contentType(ContentType.JSON)
                .body(Map.of("currentPassword", user.get("password"), "newPassword", user.get("username") + "A1!")).put("/api/v1/me/password")
                .then(), 400, "password.weak", "newPassword");
        assertEquals(200, me(access), "refused changes leave the session alone");

        given().header("Authorization", "Bearer " + access).contentType(ContentType.JSON)
                .body(Map.of("currentPassword", user.get("password"), "newPassword", "Moi@Mat2026")).put("/api/v1/me/password")
                .then().statusCode(204);
        assertUnauthenticated(access);
        Api.refused(refresh(refreshToken).then(), 401, "auth.invalid-refresh-token", null);
        Api.refused(password(user.get("username"), user.get("password")).then(), 401, "auth.invalid-credentials", null);
        password(user.get("username"), "Moi@Mat2026").then().statusCode(200);
    }

    @Test
    void deactivationAndAnAdministratorsResetEndEverySession() {
        Map<String, String> user = newUser("UNIT_REPORTER");
        Response session = password(user.get("username"), user.get("password"));
        String access = session.path("access_token");
        Api.json().header("If-Match", "\"0\"").body(Map.of("newPassword", "Dat@Lai2026x")).put("/api/v1/users/" + user.get("id") + "/password")
                .then().statusCode(200);
        assertUnauthenticated(access);
        Api.refused(refresh(session.path("refresh_token")).then(), 401, "auth.invalid-refresh-token", null);

        Response again = password(user.get("username"), "Dat@Lai2026x");
        String access2 = again.path("access_token");
        long version = Long.parseLong(Api.json().get("/api/v1/users/" + user.get("id")).header("ETag").replace("\"", ""));
        Api.json().header("If-Match", "\"" + version + "\"")
                .body(Map.of("fullName", "Người đã nghỉ", "orgUnitId", Api.unitId("DNAI.XUANLOC.VP"), "roles", List.of("UNIT_REPORTER"),
                        "active", false))
                .put("/api/v1/users/" + user.get("id")).then().statusCode(200).body("active", equalTo(false));
        assertUnauthenticated(access2);
        Api.refused(refresh(again.path("refresh_token")).then(), 401, "auth.invalid-refresh-token", null);
        // A deactivated account is answered like a wrong password: the answer tells nobody the password was right.
        Api.refused(password(user.get("username"), "Dat@Lai2026x").then(), 401, "auth.invalid-credentials", null);
    }

    @Test
    void repeatedFailuresFromOneAddressSlowDownThenLockTheAccountThere() {
        Map<String, String> user = newUser("VIEWER");
        String name = user.get("username");
        // Three free attempts (the test profile waits 5 s after the third, 10 s after the fourth, ...).
        for (int i = 0; i < 3; i++) {
            Api.refused(password(name, "Sai@MatKhau" + i).then(), 401, "auth.invalid-credentials", null);
        }
        // Now even the right password has to wait, and says how long.
        Response locked = password(name, user.get("password"));
        Api.refused(locked.then(), 429, "auth.account-locked", null);
        assertTrue(Integer.parseInt(locked.header("Retry-After")) >= 1);
        Api.json().queryParam("objectId", user.get("id")).queryParam("size", 50).get("/api/v1/audit-events").then().statusCode(200)
                .body("items.action", hasItems("SIGN_IN_FAILED", "SIGN_IN_THROTTLED"))
                .body("items.find { it.action == 'SIGN_IN_FAILED' }.changes.reason", equalTo("wrong-password"));
        Api.json().get("/api/v1/users/" + user.get("id")).then().statusCode(200).body("lockedUntil", notNullValue());
    }

    @Test
    void serviceAccountsUseClientCredentialsAndReadOnly() {
        String unit = Api.unitId("DNAI.XUANLOC");
        Response created = Api.json().body(Map.of("clientId", "sys-" + java.util.UUID.randomUUID().toString().substring(0, 8),
                "name", "Hệ thống báo cáo của xã", "orgUnitId", unit)).post("/api/v1/service-accounts");
        created.then().statusCode(201).body("clientSecret", notNullValue()).body("account.active", equalTo(true));
        String id = created.path("account.id");
        String clientId = created.path("account.clientId");
        String secret = created.path("clientSecret");
        // The secret is never shown again.
        Api.json().get("/api/v1/service-accounts/" + id).then().statusCode(200).body("$", not(org.hamcrest.Matchers.hasKey("clientSecret")));

        // HTTP Basic, as RFC 6749 prefers for confidential clients.
        String access = given().auth().preemptive().basic(clientId, secret).contentType(ContentType.URLENC)
                .formParam("grant_type", "client_credentials").post("/api/v1/auth/token").then().statusCode(200).extract().path("access_token");
        given().header("Authorization", "Bearer " + access).get("/api/v1/plans?size=200").then().statusCode(200)
                .body("items.code", hasItems("XUANLOC-CDS-2026")).body("items.code", not(hasItems("PHULAM-DTI-2026-2030")));
        Api.refused(given().header("Authorization", "Bearer " + access).contentType(ContentType.JSON).body(Map.of())
                .post("/api/v1/plans").then(), 403, "access.denied", null);

        Api.refused(token(Map.of("grant_type", "client_credentials", "client_id", clientId, "client_secret", "wrong")).then(),
                401, "auth.invalid-client", null);

        // Rotating the secret stops the old secret and its tokens.
        String rotated = Api.json().header("If-Match", "\"0\"").post("/api/v1/service-accounts/" + id + "/secret")
                .then().statusCode(200).extract().path("clientSecret");
        assertNotEquals(secret, rotated);
        assertUnauthenticated(access);
        Api.refused(token(Map.of("grant_type", "client_credentials", "client_id", clientId, "client_secret", secret)).then(),
                401, "auth.invalid-client", null);
        String access2 = token(Map.of("grant_type", "client_credentials", "client_id", clientId, "client_secret", rotated))
                .then().statusCode(200).extract().path("access_token");

        // Revoking (deactivating) it stops it at once.
        Api.json().header("If-Match", "\"1\"").body(Map.of("name", "Hệ thống báo cáo của xã", "orgUnitId", unit, "active", false))
                .put("/api/v1/service-accounts/" + id).then().statusCode(200).body("active", equalTo(false));
        assertUnauthenticated(access2);
        Api.refused(token(Map.of("grant_type", "client_credentials", "client_id", clientId, "client_secret", rotated)).then(),
                401, "auth.invalid-client", null);
    }

    // ---- tokens that must not be accepted ----

    static String adminId() {
        return Api.json().get("/api/v1/me").then().statusCode(200).extract().path("id");
    }

    @Test
    void noTokenOrAMalformedOneIs401() {
        Api.refused(given().get("/api/v1/plans").then(), 401, "auth.unauthenticated", null).header("WWW-Authenticate", "Bearer");
        assertUnauthenticated("not-a-jwt");
        Api.refused(given().header("Authorization", "Basic YWRtaW46RGVtb0AyMDI2").get("/api/v1/plans").then(), 401,
                "auth.unauthenticated", null);
    }

    @Test
    void anExpiredTokenIs401() {
        String expired = Jwt.issuer("dti-plan-tracker").subject(adminId()).upn("admin").groups(Set.of("ADMIN"))
                .claim("dti_kind", "user").claim("tv", 0)
                .issuedAt(Instant.now().minusSeconds(7200)).expiresAt(Instant.now().minusSeconds(3600)).sign();
        assertUnauthenticated(expired);
        // The same claims, still in date, are accepted: the refusal above is about time alone.
        String valid = Jwt.issuer("dti-plan-tracker").subject(adminId()).upn("admin").groups(Set.of("ADMIN"))
                .claim("dti_kind", "user").claim("tv", 0).expiresIn(300).sign();
        assertEquals(200, me(valid));
    }

    @Test
    void aTokenSignedByAnotherKeyIs401() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        String forged = Jwt.issuer("dti-plan-tracker").subject(adminId()).upn("admin").groups(Set.of("ADMIN"))
                .claim("dti_kind", "user").claim("tv", 0).expiresIn(300).sign(generator.generateKeyPair().getPrivate());
        assertUnauthenticated(forged);
    }

    @Test
    void anUnsignedTokenIs401() {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String header = b64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        long exp = Instant.now().plusSeconds(300).getEpochSecond();
        String payload = b64.encodeToString(("{\"iss\":\"dti-plan-tracker\",\"sub\":\"" + adminId() + "\",\"upn\":\"admin\","
                + "\"groups\":[\"ADMIN\"],\"dti_kind\":\"user\",\"tv\":0,\"exp\":" + exp + "}").getBytes(StandardCharsets.UTF_8));
        assertUnauthenticated(header + "." + payload + ".");
        // A real token whose payload was edited no longer matches its signature.
        String real = Api.token("viewer");
        String[] parts = real.split("\\.");
        assertUnauthenticated(parts[0] + "." + payload + "." + parts[2]);
    }

    @Test
    void aTokenOfAnUnknownIssuerIs401() {
        String other = Jwt.issuer("https://sso.example.gov.vn/realms/other").subject(adminId()).upn("admin").groups(Set.of("ADMIN"))
                .claim("dti_kind", "user").claim("tv", 0).expiresIn(300).sign();
        assertUnauthenticated(other);
    }

    @Test
    void groupsInTheTokenGrantNothing() {
        // A viewer's account with ADMIN written into the token: roles come from the account, not the token.
        String viewerId = given().header("Authorization", "Bearer " + Api.token("viewer")).get("/api/v1/me").then().extract().path("id");
        String inflated = Jwt.issuer("dti-plan-tracker").subject(viewerId).upn("viewer").groups(Set.of("ADMIN"))
                .claim("dti_kind", "user").claim("tv", 0).expiresIn(300).sign();
        Api.refused(given().header("Authorization", "Bearer " + inflated).get("/api/v1/users").then(), 403, "access.denied", null);
    }

    @Test
    void theEmbeddedKeyIsReadableByItsOwnerOnly() throws Exception {
        Path key = Path.of("target", "test-keys", "jwt-signing-key.pem");
        assertEquals(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE), Files.getPosixFilePermissions(key));
        assertTrue(Files.readString(key).startsWith("-----BEGIN PRIVATE KEY-----"));
    }

    @Test
    void signInsAndFailuresAreOnRecord() {
        Map<String, String> user = newUser("VIEWER");
        password(user.get("username"), "Sai@2026xx").then().statusCode(401);
        password(user.get("username"), user.get("password")).then().statusCode(200);
        Api.json().queryParam("objectId", user.get("id")).queryParam("objectType", "app_user").get("/api/v1/audit-events").then()
                .statusCode(200)
                .body("items.action", hasItems("SIGN_IN", "SIGN_IN_FAILED", "CREATE"))
                .body("items.find { it.action == 'SIGN_IN' }.actorName", equalTo(user.get("username")))
                .body("items.find { it.action == 'SIGN_IN' }.clientIp", notNullValue())
                .body("totalItems", greaterThan(2));
    }
}
