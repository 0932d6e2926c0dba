package vn.dti.tracker;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class OrgUnitResourceTest {

    @Test
    void treeIsListedByChildrenAndSubtree() {
        String root = Api.code("P");
        String rootId = Api.createUnit(root, "Tỉnh thử nghiệm", "PROVINCE", null);
        String communeId = Api.createUnit(root + ".XA", "Xã Hòa Bình", "COMMUNE", rootId);
        String deptId = Api.createUnit(root + ".XA.VHXH", "Phòng Văn hóa - Xã hội", "DEPARTMENT", communeId);

        Api.json().queryParam("parentId", rootId).get("/api/v1/org-units").then().statusCode(200)
                .body("items.id", contains(communeId));
        Api.json().queryParam("withinId", rootId).get("/api/v1/org-units").then().statusCode(200)
                .body("totalItems", equalTo(3))
                .body("items.id", contains(rootId, communeId, deptId));
        Api.json().get("/api/v1/org-units/" + deptId).then().statusCode(200)
                .header("ETag", "\"0\"")
                .body("depth", equalTo(2))
                .body("ancestors.code", contains(root, root + ".XA"));
        Api.json().queryParam("withinId", rootId).queryParam("q", "hoa binh").get("/api/v1/org-units").then()
                .body("items.id", contains(communeId));
    }

    @Test
    void moveCarriesTheSubtreeAndCyclesAreRefused() {
        String root = Api.code("P");
        String rootId = Api.createUnit(root, "Tỉnh A", "PROVINCE", null);
        String aId = Api.createUnit(root + ".A", "Xã A", "COMMUNE", rootId);
        String bId = Api.createUnit(root + ".B", "Xã B", "COMMUNE", rootId);
        String hamletId = Api.createUnit(root + ".A.AP1", "Ấp 1", "HAMLET", aId);

        // A cycle: A under its own hamlet. Refused, and nothing moves.
        Api.refused(Api.json().header("If-Match", "\"0\"").body(update("Xã A", "COMMUNE", hamletId, true))
                .put("/api/v1/org-units/" + aId).then(), 409, "org-unit.cycle", "parentId");
        Api.refused(Api.json().header("If-Match", "\"0\"").body(update("Xã A", "COMMUNE", aId, true))
                .put("/api/v1/org-units/" + aId).then(), 409, "org-unit.cycle", "parentId");
        Api.json().get("/api/v1/org-units/" + aId).then().body("parent.id", equalTo(rootId)).body("version", equalTo(0));

        // A real move: A (with its hamlet) goes under B.
        Api.json().header("If-Match", "\"0\"").body(update("Xã A", "COMMUNE", bId, true))
                .put("/api/v1/org-units/" + aId).then().statusCode(200).body("parent.id", equalTo(bId)).body("depth", equalTo(2));
        Api.json().get("/api/v1/org-units/" + hamletId).then()
                .body("ancestors.id", contains(rootId, bId, aId));
        Api.json().queryParam("withinId", bId).get("/api/v1/org-units").then().body("items.id", containsInAnyOrder(bId, aId, hamletId));
    }

    @Test
    void staleAndMissingVersionsAreRefused() {
        String id = Api.createUnit(Api.code("U"), "Trạm Y tế", "HEALTH_STATION", null);
        Api.json().header("If-Match", "\"0\"").body(update("Trạm Y tế xã", "HEALTH_STATION", null, true))
                .put("/api/v1/org-units/" + id).then().statusCode(200).header("ETag", "\"1\"");
        Api.refused(Api.json().header("If-Match", "\"0\"").body(update("Ghi đè", "HEALTH_STATION", null, true))
                .put("/api/v1/org-units/" + id).then(), 412, "conflict.stale-version", null);
        Api.refused(Api.json().body(update("Ghi đè", "HEALTH_STATION", null, true))
                .put("/api/v1/org-units/" + id).then(), 428, "request.if-match-required", "If-Match");
        Api.json().get("/api/v1/org-units/" + id).then().body("name", equalTo("Trạm Y tế xã"));
    }

    @Test
    void duplicateCodesUnknownParentsAndBadFieldsAreRefused() {
        String code = Api.code("U");
        Api.createUnit(code, "Công an xã", "POLICE", null);
        Api.refused(Api.json().body(Map.of("code", code, "name", "Khác", "kind", "POLICE")).post("/api/v1/org-units").then(),
                409, "org-unit.code-taken", "code");
        Api.refused(Api.json().body(Map.of("code", Api.code("U"), "name", "X", "kind", "POLICE",
                "parentId", "00000000-0000-0000-0000-000000000001")).post("/api/v1/org-units").then(), 400, "org-unit.unknown", "parentId");
        Api.refused(Api.json().body(Map.of("code", "có dấu", "name", "X", "kind", "POLICE")).post("/api/v1/org-units").then(),
                400, "request.invalid", "code");
        Api.refused(Api.json().body(Map.of("code", Api.code("U"), "name", "X", "kind", "CASTLE")).post("/api/v1/org-units").then(),
                400, "request.invalid-value", "kind");
        Api.json().queryParam("q", code).get("/api/v1/org-units").then().body("items", hasSize(1));
    }

    @Test
    void referencedUnitsAreDeactivatedNotDeleted() {
        String parentId = Api.createUnit(Api.code("P"), "Xã C", "COMMUNE", null);
        String childId = Api.createUnit(Api.code("U"), "Ấp 2", "HAMLET", parentId);
        Api.refused(Api.json().header("If-Match", "\"0\"").delete("/api/v1/org-units/" + parentId).then(), 409, "org-unit.referenced", null);
        Api.json().header("If-Match", "\"0\"").body(update("Xã C", "COMMUNE", null, false)).put("/api/v1/org-units/" + parentId)
                .then().statusCode(200).body("active", equalTo(false));
        Api.json().header("If-Match", "\"0\"").delete("/api/v1/org-units/" + childId).then().statusCode(204);
        Api.refused(Api.json().get("/api/v1/org-units/" + childId).then(), 404, "org-unit.not-found", null);
    }

    @Test
    void listsRefuseBadPagingAndParameters() {
        Api.refused(Api.json().queryParam("size", 500).get("/api/v1/org-units").then(), 400, "request.invalid-paging", "size");
        Api.refused(Api.json().queryParam("sort", "password,asc").get("/api/v1/org-units").then(), 400, "request.invalid-paging", "sort");
        Api.refused(Api.json().queryParam("page", "abc").get("/api/v1/org-units").then(), 400, "request.invalid-parameter", null);
        Api.refused(Api.json().queryParam("updatedSince", "yesterday").get("/api/v1/plans").then(), 400, "request.invalid-parameter", null);
    }

    static Map<String, Object> update(String name, String kind, String parentId, boolean active) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("kind", kind);
        body.put("parentId", parentId);
        body.put("active", active);
        return body;
    }
}
