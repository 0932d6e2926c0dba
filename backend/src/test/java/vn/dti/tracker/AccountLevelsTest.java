package vn.dti.tracker;

import static org.hamcrest.Matchers.equalTo;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Accounts that coordinate are managed only from above: nobody resets a peer's password and signs in as the peer
 * (docs/access.md, "Accounts"). Both the refused and the allowed case of each operation.
 */
@QuarkusTest
class AccountLevelsTest {

    static final String PASSWORD = "Thu@Nghiem2026";

    /** A new account made by the administrator: its id and user name. */
    static Map<String, String> account(String unitCode, String role) {
        String username = "lv-" + UUID.randomUUID().toString().substring(0, 10);
        Map<String, Object> body = new HashMap<>();
        body.put("username", username);
        body.put("fullName", "Cán bộ thử phân cấp");
        body.put("orgUnitId", Api.unitId(unitCode));
        body.put("roles", List.of(role));
        body.put("password", PASSWORD);
        String id = Api.json().body(body).post("/api/v1/users").then().statusCode(201).extract().path("id");
        return Map.of("id", id, "username", username, "unit", Api.unitId(unitCode), "role", role);
    }

    static io.restassured.response.Response reset(String as, String id, String password) {
        return Api.as(as).header("If-Match", "\"" + version("/api/v1/users/" + id) + "\"").body(Map.of("newPassword", password))
                .put("/api/v1/users/" + id + "/password");
    }

    static io.restassured.response.Response update(String as, Map<String, String> account, boolean active) {
        String path = "/api/v1/users/" + account.get("id");
        return Api.as(as).header("If-Match", "\"" + version(path) + "\"").body(Map.of("fullName", "Tên đã sửa", "orgUnitId",
                account.get("unit"), "roles", List.of(account.get("role")), "active", active)).put(path);
    }

    static long version(String path) {
        return Long.parseLong(Api.json().get(path).then().statusCode(200).extract().header("ETag").replace("\"", ""));
    }

    @Test
    void aCommuneCoordinatorCannotTakeOverAPeer() {
        Map<String, String> peer = account("DNAI.XUANLOC.VP", "COMMUNE_COORDINATOR");
        Api.refused(reset("commune", peer.get("id"), "Chiem@Quyen2026").then(), 403, "access.account-denied", null);
        Api.refused(update("commune", peer, false).then(), 403, "access.account-denied", null);
        // Nothing changed: the peer signs in with the old password, still active, under the old name.
        Api.signIn(peer.get("username"), PASSWORD);
        Api.json().get("/api/v1/users/" + peer.get("id")).then().statusCode(200).body("active", equalTo(true))
                .body("fullName", equalTo("Cán bộ thử phân cấp"));

        // From above it is allowed: the province coordinator resets and deactivates it.
        reset("province", peer.get("id"), "Dat@Lai2026x").then().statusCode(200);
        Api.signIn(peer.get("username"), "Dat@Lai2026x");
        update("province", peer, false).then().statusCode(200).body("active", equalTo(false));
    }

    @Test
    void aCommuneCoordinatorStillManagesTheCommunesReportersAndViewers() {
        Map<String, String> reporter = account("DNAI.XUANLOC.VP", "UNIT_REPORTER");
        reset("commune", reporter.get("id"), "Dat@Lai2026x").then().statusCode(200);
        Api.signIn(reporter.get("username"), "Dat@Lai2026x");
        update("commune", reporter, true).then().statusCode(200).body("fullName", equalTo("Tên đã sửa"));
    }

    @Test
    void provinceCoordinatorsAndAdministratorsAreManagedByAdministratorsOnly() {
        Map<String, String> peer = account("DNAI.SKHCN", "PROVINCE_COORDINATOR");
        Api.refused(reset("province", peer.get("id"), "Chiem@Quyen2026").then(), 403, "access.account-denied", null);
        Api.refused(update("province", peer, true).then(), 403, "access.account-denied", null);
        reset("admin", peer.get("id"), "Dat@Lai2026x").then().statusCode(200);
        Api.signIn(peer.get("username"), "Dat@Lai2026x");

        String adminId = Api.json().get("/api/v1/me").then().extract().path("id");
        // The demo administrator belongs to the province's department of science: inside the province, yet above it.
        Api.refused(reset("province", adminId, "Chiem@Quyen2026").then(), 403, "access.account-denied", null);
    }

    @Test
    void aServiceAccountReachingACoordinatorsWholeSubtreeIsManagedFromAbove() {
        String commune = Api.unitId("DNAI.XUANLOC");
        Map<String, Object> whole = Map.of("clientId", "lv-" + UUID.randomUUID().toString().substring(0, 8), "name", "Hệ thống của xã",
                "orgUnitId", commune);
        Api.refused(Api.as("commune").body(whole).post("/api/v1/service-accounts").then(), 403, "access.account-denied", null);
        String id = Api.as("province").body(whole).post("/api/v1/service-accounts").then().statusCode(201).extract().path("account.id");
        String path = "/api/v1/service-accounts/" + id;
        Api.refused(Api.as("commune").header("If-Match", "\"0\"").post(path + "/secret").then(), 403, "access.account-denied", null);
        Api.refused(Api.as("commune").header("If-Match", "\"0\"").body(Map.of("name", "Đổi tên", "orgUnitId", commune, "active", false))
                .put(path).then(), 403, "access.account-denied", null);
        Api.json().get(path).then().statusCode(200).body("active", equalTo(true)).body("version", equalTo(0));
        Api.as("province").header("If-Match", "\"0\"").post(path + "/secret").then().statusCode(200);

        // One that reads a part of the commune is the commune coordinator's to manage.
        String office = Api.unitId("DNAI.XUANLOC.VP");
        String partId = Api.as("commune").body(Map.of("clientId", "lv-" + UUID.randomUUID().toString().substring(0, 8), "name",
                "Hệ thống của văn phòng", "orgUnitId", office)).post("/api/v1/service-accounts").then().statusCode(201).extract().path("account.id");
        Api.as("commune").header("If-Match", "\"0\"").post("/api/v1/service-accounts/" + partId + "/secret").then().statusCode(200);
    }
}
