package vn.dti.tracker;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/** Every write is on record, with who, when, from where and what changed; nobody can alter the record. */
@QuarkusTest
class AuditTrailTest {

    @Inject
    EntityManager em;

    @Test
    void aChangeIsRecordedWithItsAuthorAddressAndDifference() {
        String parent = Api.unitId("DNAI.XUANLOC");
        String id = Api.as("commune").body(Map.of("code", Api.code("XL.AUD"), "name", "Tổ công nghệ số ấp 1", "kind", "COMMUNITY_TECH_TEAM",
                "parentId", parent)).post("/api/v1/org-units").then().statusCode(201).extract().path("id");
        Api.as("commune").header("If-Match", "\"0\"").body(Map.of("name", "Tổ công nghệ số ấp Bình Lộc", "kind", "COMMUNITY_TECH_TEAM",
                "parentId", parent, "active", true)).put("/api/v1/org-units/" + id).then().statusCode(200);

        Api.as("commune").queryParam("objectType", "org_unit").queryParam("objectId", id).get("/api/v1/audit-events").then()
                .statusCode(200)
                .body("totalItems", equalTo(2))
                .body("items[0].action", equalTo("UPDATE"))
                .body("items[0].actorName", equalTo("commune"))
                .body("items[0].actorFullName", equalTo("Cán bộ điều phối xã Xuân Lộc"))
                .body("items[0].actorKind", equalTo("USER"))
                .body("items[0].clientIp", notNullValue())
                .body("items[0].changes.name.from", equalTo("Tổ công nghệ số ấp 1"))
                .body("items[0].changes.name.to", equalTo("Tổ công nghệ số ấp Bình Lộc"))
                .body("items[0].changes", not(org.hamcrest.Matchers.hasKey("version")))
                .body("items[1].action", equalTo("CREATE"))
                .body("items[1].changes.code", notNullValue());
    }

    @Test
    void coordinatorsReadTheTrailOfTheirSubtreeOnly() {
        String phuLamUnit = Api.json().body(Map.of("code", Api.code("PL.AUD"), "name", "Tổ công nghệ số", "kind", "COMMUNITY_TECH_TEAM",
                "parentId", Api.unitId("DNAI.PHULAM"))).post("/api/v1/org-units").then().statusCode(201).extract().path("id");
        Api.as("commune").queryParam("objectId", phuLamUnit).get("/api/v1/audit-events").then().statusCode(200).body("totalItems", equalTo(0));
        Api.as("province").queryParam("objectId", phuLamUnit).get("/api/v1/audit-events").then().statusCode(200).body("totalItems", equalTo(1));
        Api.refused(Api.as("viewer").get("/api/v1/audit-events").then(), 403, "access.denied", null);
        // Changes of the national framework are the administrator's to read.
        Api.as("province").queryParam("objectType", "dti_framework").get("/api/v1/audit-events").then().statusCode(200)
                .body("totalItems", equalTo(0));
        Api.json().queryParam("objectType", "dti_framework").queryParam("sort", "occurredAt,asc").get("/api/v1/audit-events").then()
                .statusCode(200).body("items[0].actorKind", equalTo("SYSTEM")).body("items[0].actorName", equalTo("system"))
                .body("items[0].action", equalTo("CREATE"));
    }

    @Test
    void theTrailCannotBeChangedOrEmptied() {
        Number before = (Number) QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("select count(*) from audit_event").getSingleResult());
        for (String sql : List.of("update audit_event set actor_name = 'someone else'", "delete from audit_event", "truncate audit_event")) {
            assertThrows(RuntimeException.class, () -> QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(sql).executeUpdate()), sql);
        }
        Number after = (Number) QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("select count(*) from audit_event").getSingleResult());
        assertEquals(true, after.longValue() >= before.longValue());
        // And the API has no way to change it either.
        Api.refused(Api.json().delete("/api/v1/audit-events").then(), 405, "request.method-not-allowed", null);
    }

    @Test
    // Notifications and the mail outbox are themselves records written by the product, with their own times;
    // stored_file is content bookkeeping (hash, size) whose evidence rows are audited; sign_in_throttle counts failed
    // sign-ins, each of which is an event of its own in the trail; dti_rank_version is the version counter of rank rows
    // that are themselves audited; intake_job keeps the text a scan was read into for the person who sent it, until the
    // plan is committed (which the plan's own rows audit).
    void everyTableIsAuditedExceptTheTrailTokenHashesMessagesAndJobRuns() {
        @SuppressWarnings("unchecked")
        List<String> unaudited = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                select t.table_name from information_schema.tables t
                where t.table_schema = 'public' and t.table_type = 'BASE TABLE'
                  and t.table_name not in ('audit_event', 'refresh_token', 'flyway_schema_history', 'notification', 'mail_outbox',
                                       'stored_file', 'scheduled_job', 'sign_in_throttle', 'dti_rank_version',
                                       'intake_job')
                  and not exists (select 1 from information_schema.triggers g
                                  where g.event_object_table = t.table_name and g.trigger_name = 'audit')
                order by 1""").getResultList());
        assertEquals(List.of(), unaudited, "tables whose writes would escape the audit trail");
    }

    @Test
    void passwordsNeverReachTheTrail() {
        Api.json().queryParam("objectType", "app_user").queryParam("action", "CREATE").queryParam("size", 200).get("/api/v1/audit-events")
                .then().statusCode(200).body("items.changes.password_hash", org.hamcrest.Matchers.everyItem(equalTo("***")));
    }

    @Test
    void responsesCarrySecurityHeaders() {
        for (String path : List.of("/api/v1/plans", "/api/v1/nothing", "/q/openapi")) {
            io.restassured.RestAssured.given().get(path).then()
                    .header("X-Content-Type-Options", "nosniff")
                    .header("Content-Security-Policy", org.hamcrest.Matchers.containsString("frame-ancestors 'none'"))
                    .header("Referrer-Policy", "no-referrer");
        }
        // A browser page of another origin is not let in (no origins are configured in tests).
        io.restassured.RestAssured.given().header("Origin", "https://evil.example").header("Access-Control-Request-Method", "GET")
                .options("/api/v1/plans").then().header("Access-Control-Allow-Origin", org.hamcrest.Matchers.nullValue());
    }
}
