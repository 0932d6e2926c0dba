package vn.dti.tracker;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.util.KeyUtils;
import vn.dti.tracker.auth.SigningKeys;

/** With a province single sign-on configured, its tokens are accepted instead of ours, by settings alone. */
@QuarkusTest
@TestProfile(SingleSignOnTest.ProvinceSso.class)
class SingleSignOnTest {

    static final String ISSUER = "https://sso.dongnai.example/realms/cong-chuc";
    static final Path KEYS = Path.of("target", "test-sso-keys").toAbsolutePath();

    public static class ProvinceSso implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            SigningKeys.ensure(KEYS);
            return Map.of("dti.auth.oidc.issuer", ISSUER,
                    "dti.auth.oidc.jwks-url", KEYS.resolve(SigningKeys.PUBLIC_FILE).toString(),
                    "dti.auth.oidc.role-map.can-bo-dieu-phoi-xa", "COMMUNE_COORDINATOR");
        }
    }

    static String ssoToken(Map<String, Object> claims) throws Exception {
        PrivateKey key = KeyUtils.decodePrivateKey(Files.readString(KEYS.resolve(SigningKeys.PRIVATE_FILE)));
        var builder = Jwt.issuer(ISSUER).subject("f3c1d6a0-sso").expiresIn(300);
        claims.forEach(builder::claim);
        return builder.sign(key);
    }

    @Test
    void aLocalAccountOfTheSameNameDecidesRolesAndUnit() throws Exception {
        String token = ssoToken(Map.of("preferred_username", "commune"));
        given().header("Authorization", "Bearer " + token).get("/api/v1/me").then().statusCode(200)
                .body("username", equalTo("commune")).body("roles", equalTo(List.of("COMMUNE_COORDINATOR")));
        given().header("Authorization", "Bearer " + token).get("/api/v1/plans/" + planId("XUANLOC-CDS-2026", token)).then().statusCode(200);
    }

    @Test
    void withoutALocalAccountTheMappedClaimsDecide() throws Exception {
        String token = ssoToken(Map.of("preferred_username", "nguyen.thi.b", "dti_roles", List.of("can-bo-dieu-phoi-xa"),
                "dti_unit", "DNAI.PHULAM.VHXH"));
        given().header("Authorization", "Bearer " + token).get("/api/v1/me").then().statusCode(200)
                .body("roles", equalTo(List.of("COMMUNE_COORDINATOR"))).body("scopes[0].scope.code", equalTo("DNAI.PHULAM"));
        given().header("Authorization", "Bearer " + token).get("/api/v1/plans?q=xuan loc").then().statusCode(200).body("totalItems", equalTo(0));
        // Claims that map to nothing are refused.
        String unmapped = ssoToken(Map.of("preferred_username", "someone", "dti_roles", List.of("guest"), "dti_unit", "DNAI"));
        Api.refused(given().header("Authorization", "Bearer " + unmapped).get("/api/v1/me").then(), 401, "auth.unauthenticated", null);
    }

    @Test
    void ourOwnSignInStandsAside() {
        Api.refused(given().formParam("grant_type", "password").formParam("username", "admin").formParam("password", Api.DEMO_PASSWORD)
                .post("/api/v1/auth/token").then(), 409, "auth.external-sign-in", null);
        // A token signed with our own key is not the single sign-on's.
        String ours = Jwt.issuer("dti-plan-tracker").subject("x").claim("dti_kind", "user").claim("tv", 0).expiresIn(300).sign();
        Api.refused(given().header("Authorization", "Bearer " + ours).get("/api/v1/me").then(), 401, "auth.unauthenticated", null);
    }

    static String planId(String code, String token) {
        return given().header("Authorization", "Bearer " + token).queryParam("q", code).get("/api/v1/plans").then().statusCode(200)
                .extract().path("items.find { it.code == '" + code + "' }.id");
    }
}
