package vn.dti.tracker;

import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** Polling an unchanged list or object costs a 304; a change gives the new body and a new ETag. */
@QuarkusTest
class ConditionalGetTest {

    @Test
    void listsAnswer304UntilSomethingChanges() {
        String commune = Api.unitId("DNAI.XUANLOC");
        String plan = Api.createPlan(Api.planBody(Api.code("POLL"), commune, 2026, 2026));
        String path = "/api/v1/plans/" + plan + "/groups";
        Response first = Api.as("province").get(path);
        first.then().statusCode(200).header("ETag", startsWith("W/\""));
        String etag = first.getHeader("ETag");
        Api.as("province").header("If-None-Match", etag).get(path).then().statusCode(304).body(emptyString());
        // Another caller with the same answer gets the same tag.
        Api.as("commune").header("If-None-Match", etag).get(path).then().statusCode(304);

        Api.createGroup(plan, "INDICATOR", "A");
        Response changed = Api.as("province").header("If-None-Match", etag).get(path);
        changed.then().statusCode(200).body(not(emptyString()));
        assertNotEquals(etag, changed.getHeader("ETag"));
    }

    @Test
    void objectsAnswer304ForTheirCurrentVersion() {
        String commune = Api.unitId("DNAI.XUANLOC");
        String unit = Api.createUnit(Api.code("POLL"), "Tổ công nghệ số cộng đồng", "OFFICE", commune);
        String path = "/api/v1/org-units/" + unit;
        String etag = Api.as("viewer").get(path).getHeader("ETag");
        Api.as("viewer").header("If-None-Match", etag).get(path).then().statusCode(304).header("ETag", etag);
        Api.json().header("If-Match", etag).body(Map.of("name", "Tổ đã đổi tên", "kind", "OFFICE", "parentId", commune, "active", true))
                .put(path).then().statusCode(200);
        Api.as("viewer").header("If-None-Match", etag).get(path).then().statusCode(200);
    }
}
