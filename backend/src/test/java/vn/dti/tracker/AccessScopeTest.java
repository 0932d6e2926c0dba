package vn.dti.tracker;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The places the matrix does not reach: plans of the level above, ancestors in the tree, ids hidden
 * in bodies and filters, search, and the limits of what coordinators may hand out.
 */
@QuarkusTest
class AccessScopeTest {

    @Test
    void anIssuedProvincePlanIsReadBelowButEditedOnlyByTheProvince() {
        String provincePlan = Api.planId("DNAI-KH154-2026");
        for (String who : List.of("commune", "reporter", "viewer")) {
            Api.as(who).get("/api/v1/plans/" + provincePlan).then().statusCode(200).body("code", equalTo("DNAI-KH154-2026"));
            Api.as(who).get("/api/v1/plans/" + provincePlan + "/indicators").then().statusCode(200);
        }
        Api.refused(Api.as("commune").body(Map.of("kind", "TASK", "code", "X1", "name", "Nhóm", "order", 9))
                .post("/api/v1/plans/" + provincePlan + "/groups").then(), 403, "access.plan-denied", null);
        String someIndicator = Api.as("commune").get("/api/v1/plans/" + provincePlan + "/indicators").then().extract().path("items[0].id");
        Api.refused(Api.as("commune").header("If-Match", "\"0\"").delete("/api/v1/plans/" + provincePlan + "/indicators/" + someIndicator)
                .then(), 403, "access.plan-denied", null);
        Api.as("commune").get("/api/v1/plans?size=200").then().statusCode(200)
                .body("items.code", hasItem("DNAI-KH154-2026")).body("items.code", hasItem("XUANLOC-CDS-2026"))
                .body("items.code", not(hasItem("PHULAM-DTI-2026-2030")));
    }

    @Test
    void aDraftOfTheLevelAboveStaysHidden() {
        String draft = Api.createPlan(Api.planBody(Api.code("DRAFTPROV"), Api.unitId("DNAI"), 2026, 2026));
        Api.refused(Api.as("commune").get("/api/v1/plans/" + draft).then(), 404, "plan.not-found", null);
        Api.refused(Api.as("viewer").get("/api/v1/plans/" + draft + "/bundle").then(), 404, "plan.not-found", null);
        Api.as("province").get("/api/v1/plans/" + draft).then().statusCode(200);
    }

    @Test
    void ancestorsAreVisibleButNotEditable() {
        String province = Api.unitId("DNAI");
        Api.as("commune").get("/api/v1/org-units/" + province).then().statusCode(200).body("code", equalTo("DNAI"));
        Api.refused(Api.as("commune").header("If-Match", "\"0\"")
                .body(Map.of("name", "Tỉnh Đồng Nai", "kind", "PROVINCE", "active", true)).put("/api/v1/org-units/" + province).then(),
                403, "access.unit-denied", null);
        // The commune itself is the province's to rename; the commune coordinator edits below it.
        String commune = Api.unitId("DNAI.XUANLOC");
        Api.refused(Api.as("commune").header("If-Match", "\"0\"")
                .body(Map.of("name", "Xã khác", "kind", "COMMUNE", "parentId", province, "active", true)).put("/api/v1/org-units/" + commune)
                .then(), 403, "access.unit-denied", null);
        // Siblings are not even visible.
        Api.refused(Api.as("commune").get("/api/v1/org-units/" + Api.unitId("DNAI.PHULAM")).then(), 404, "org-unit.not-found", null);
        Api.as("commune").get("/api/v1/org-units?size=200").then().statusCode(200)
                .body("items.code", hasItem("DNAI")).body("items.code", hasItem("DNAI.XUANLOC.CA"))
                .body("items.code", not(hasItem("DNAI.PHULAM"))).body("items.code", not(hasItem("BINHPHUOC-CU")));
    }

    @Test
    void idsOutsideTheScopeInsideABodyAreUnknown() {
        String xuanLocPlan = Api.planId("XUANLOC-CDS-2026");
        String group = Api.as("commune").get("/api/v1/plans/" + xuanLocPlan + "/groups?kind=INDICATOR").then().extract().path("[0].id");
        String phuLamUnit = Api.unitId("DNAI.PHULAM.VHXH");
        Map<String, Object> body = Api.indicatorBody(Api.code("I"), group, phuLamUnit, List.of());
        Api.refused(Api.as("commune").body(body).post("/api/v1/plans/" + xuanLocPlan + "/indicators").then(), 400, "org-unit.unknown",
                "leadUnitId");
        // Moving a unit of one's own commune under another commune is refused the same way.
        String own = Api.as("commune").body(Map.of("code", Api.code("XL.TO"), "name", "Tổ công nghệ số", "kind", "COMMUNITY_TECH_TEAM",
                "parentId", Api.unitId("DNAI.XUANLOC"))).post("/api/v1/org-units").then().statusCode(201).extract().path("id");
        Api.refused(Api.as("commune").header("If-Match", "\"0\"").body(Map.of("name", "Tổ công nghệ số", "kind", "COMMUNITY_TECH_TEAM",
                "parentId", Api.unitId("DNAI.PHULAM"), "active", true)).put("/api/v1/org-units/" + own).then(), 400, "org-unit.unknown",
                "parentId");
        // A plan issued in the name of the province (which the commune can see) is refused as not theirs to make.
        Api.refused(Api.as("commune").body(Api.planBody(Api.code("P"), Api.unitId("DNAI"), 2026, 2026)).post("/api/v1/plans").then(),
                403, "access.plan-denied", null);
    }

    @Test
    void filtersAndSearchDoNotLeak() {
        Api.refused(Api.as("viewer").get("/api/v1/plans?withinUnitId=" + Api.unitId("DNAI.PHULAM")).then(), 404, "org-unit.not-found", null);
        Api.as("viewer").get("/api/v1/plans?q=phu lam").then().statusCode(200).body("totalItems", equalTo(0));
        Api.as("province").get("/api/v1/plans?q=phu lam").then().statusCode(200).body("items.code", hasItem("PHULAM-DTI-2026-2030"));
        Api.as("reporter").get("/api/v1/org-units?q=phu lam").then().statusCode(200).body("totalItems", equalTo(0));
        Api.refused(Api.as("reporter").get("/api/v1/org-units?withinId=" + Api.unitId("DNAI.PHULAM")).then(), 404, "org-unit.not-found", null);
        // A province account sees nothing of another province.
        Api.as("province").get("/api/v1/org-units?q=binh phuoc").then().statusCode(200).body("totalItems", equalTo(0));
        Api.as("~service").get("/api/v1/org-units?size=200").then().statusCode(200)
                .body("items.code", hasItem("DNAI.PHULAM")).body("items.code", not(hasItem("BINHPHUOC-CU")))
                .body("items.code", not(hasItem("DONGNAI-CU")));
    }

    @Test
    void coordinatorsGiveOnlyTheirOwnRolesOrLowerInTheirSubtree() {
        String xuanLocUnit = Api.unitId("DNAI.XUANLOC.VP");
        Map<String, Object> body = new java.util.HashMap<>(Map.of("username", "c-" + java.util.UUID.randomUUID().toString().substring(0, 8),
                "fullName", "Cán bộ mới", "orgUnitId", xuanLocUnit, "password", "Can@Bo2026"));
        body.put("roles", List.of("PROVINCE_COORDINATOR"));
        Api.refused(Api.as("commune").body(body).post("/api/v1/users").then(), 403, "access.role-denied", null)
                .body("detail", org.hamcrest.Matchers.equalTo("Bạn không được giao vai trò điều phối cấp tỉnh."));
        body.put("roles", List.of("ADMIN"));
        Api.refused(Api.as("province").body(body).post("/api/v1/users").then(), 403, "access.role-denied", null);
        body.put("roles", List.of("SERVICE_ACCOUNT"));
        Api.refused(Api.as("commune").body(body).post("/api/v1/users").then(), 400, "user.role-invalid", "roles");
        body.put("roles", List.of("COMMUNE_COORDINATOR"));
        body.put("orgUnitId", Api.unitId("DNAI.SKHCN"));
        Api.refused(Api.json().body(body).post("/api/v1/users").then(), 400, "user.role-unit-mismatch", "roles");
        body.put("orgUnitId", xuanLocUnit);
        body.put("password", "short");
        Api.refused(Api.as("commune").body(body).post("/api/v1/users").then(), 400, "password.weak", "password");
        body.put("password", "Can@Bo2026");
        Api.as("commune").body(body).post("/api/v1/users").then().statusCode(201).body("roles", equalTo(List.of("COMMUNE_COORDINATOR")));
        Api.refused(Api.as("commune").body(body).post("/api/v1/users").then(), 409, "user.username-taken", "username");
        // Accounts above the coordinator are out of sight.
        String provinceId = Api.as("province").get("/api/v1/me").then().extract().path("id");
        Api.refused(Api.as("commune").get("/api/v1/users/" + provinceId).then(), 404, "user.not-found", null);
    }

    @Test
    void nobodyChangesTheirOwnRolesOrSwitchesThemselvesOff() {
        String adminId = Api.json().get("/api/v1/me").then().extract().path("id");
        String version = Api.json().get("/api/v1/users/" + adminId).header("ETag");
        Api.refused(Api.json().header("If-Match", version).body(Map.of("fullName", "Quản trị", "orgUnitId", Api.unitId("DNAI.SKHCN"),
                "roles", List.of("ADMIN"), "active", false)).put("/api/v1/users/" + adminId).then(), 409, "user.self-change", null);
    }
}
