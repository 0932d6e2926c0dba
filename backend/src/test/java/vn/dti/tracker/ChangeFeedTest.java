package vn.dti.tracker;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * The change feed: a client that follows the cursors sees every change once and in order, even while
 * others write during its paging; deletions come as tombstones; cursors cannot be forged or carried
 * to another scope.
 */
@QuarkusTest
class ChangeFeedTest {

    @Inject
    DataSource db;

    @Inject
    vn.dti.tracker.reporting.ReportingClock clock;

    static JsonPath page(String who, String after, String types, int limit) {
        var r = Api.as(who).queryParam("limit", limit);
        if (after != null) {
            r.queryParam("after", after);
        }
        if (types != null) {
            r.queryParam("types", types);
        }
        return r.get("/api/v1/changes").then().statusCode(200).extract().jsonPath();
    }

    static String now(String who) {
        return Api.as(who).get("/api/v1/changes/now").then().statusCode(200).extract().path("next");
    }

    @Test
    void everyChangeIsSeenOnceAndInOrderWhileOthersWrite() throws Exception {
        String commune = Api.unitId("DNAI.XUANLOC");
        String centre = Api.unitId("DNAI.XUANLOC.TTPVHCC");
        String plan = Api.createPlan(Api.planBody(Api.code("FEED"), commune, 2026, 2026));
        String group = Api.createGroup(plan, "INDICATOR", "A");
        String cursor = now("~service");

        List<String> created = Collections.synchronizedList(new ArrayList<>());
        ExecutorService writers = Executors.newFixedThreadPool(4);
        List<Future<?>> running = new ArrayList<>();
        for (int w = 0; w < 4; w++) {
            int writer = w;
            running.add(writers.submit(() -> {
                for (int i = 0; i < 12; i++) {
                    Map<String, Object> body = Api.indicatorBody("W" + writer + "." + i, group, centre, List.of(Api.target(2026, "COUNT", "GE", 1, "≥ 1")));
                    body.put("order", writer * 100 + i + 1);
                    created.add(Api.json().body(body).post("/api/v1/plans/" + plan + "/indicators").then().statusCode(201).extract().path("id"));
                }
            }));
        }
        // The reader pages while the writers write, in small pages.
        List<Long> seen = new ArrayList<>();
        Map<String, List<String>> actions = new HashMap<>();
        boolean writing = true;
        while (true) {
            JsonPath p = page("~service", cursor, "INDICATOR", 7);
            for (Map<String, Object> item : p.<Map<String, Object>>getList("items")) {
                seen.add(((Number) item.get("sequence")).longValue());
                actions.computeIfAbsent((String) item.get("id"), k -> new ArrayList<>()).add((String) item.get("action"));
            }
            cursor = p.getString("next");
            if (!p.getBoolean("hasMore")) {
                if (!writing) {
                    break;
                }
                writing = running.stream().anyMatch(f -> !f.isDone());
                Thread.sleep(20);
            }
        }
        for (Future<?> f : running) {
            f.get();
        }
        writers.shutdown();
        assertTrue(writers.awaitTermination(10, TimeUnit.SECONDS));
        // One more page after everything settled: nothing was left behind.
        JsonPath last = page("~service", cursor, "INDICATOR", 1000);
        for (Map<String, Object> item : last.<Map<String, Object>>getList("items")) {
            seen.add(((Number) item.get("sequence")).longValue());
            actions.computeIfAbsent((String) item.get("id"), k -> new ArrayList<>()).add((String) item.get("action"));
        }

        assertEquals(48, created.size());
        assertEquals(seen.size(), new HashSet<>(seen).size(), "no change is served twice");
        Set<Long> expected = auditIdsOf(created);
        Set<Long> ours = new HashSet<>(seen);
        ours.retainAll(expected);
        assertEquals(expected, ours, "every change of the new indicators is served");
        for (String id : created) {
            assertEquals("CREATED", actions.get(id).get(0), "the creation comes first for " + id);
        }
    }

    @Test
    void aChangeCommittedLateIsServedBeforeLaterOnesNotSkipped() throws Exception {
        String commune = Api.unitId("DNAI.XUANLOC");
        String centre = Api.unitId("DNAI.XUANLOC.TTPVHCC");
        String plan = Api.createPlan(Api.planBody(Api.code("FEEDLATE"), commune, 2026, 2026));
        String group = Api.createGroup(plan, "INDICATOR", "A");
        String cursor = now("~service");
        try (Connection slow = db.getConnection()) {
            // A transaction starts, writes (and so takes its transaction id), and stays open ...
            slow.setAutoCommit(false);
            try (PreparedStatement st = slow.prepareStatement("update plan set title = title || ' (sửa)' where id = ?::uuid")) {
                st.setString(1, plan);
                assertEquals(1, st.executeUpdate());
            }
            // ... while a later one commits.
            Map<String, Object> body = Api.indicatorBody("L.1", group, centre, List.of(Api.target(2026, "COUNT", "GE", 1, "≥ 1")));
            String indicator = Api.json().body(body).post("/api/v1/plans/" + plan + "/indicators").then().statusCode(201).extract().path("id");
            JsonPath held = page("~service", cursor, "PLAN,INDICATOR", 100);
            assertEquals(List.of(), held.getList("items.findAll { it.id == '" + indicator + "' }"),
                    "a later change waits while an earlier transaction is still open");
            cursor = held.getString("next");
            slow.commit();
            JsonPath after = page("~service", cursor, "PLAN,INDICATOR", 100);
            List<String> ids = after.getList("items.id");
            assertTrue(ids.contains(plan) && ids.contains(indicator), ids.toString());
            assertTrue(ids.indexOf(plan) < ids.indexOf(indicator), "the earlier transaction's change comes first");
        }
    }

    Set<Long> auditIdsOf(List<String> objectIds) throws Exception {
        Set<Long> ids = new HashSet<>();
        try (Connection c = db.getConnection(); PreparedStatement st = c.prepareStatement(
                "select id from audit_event where object_type in ('indicator', 'indicator_target', 'indicator_cooperating_unit')"
                        + " and object_id = any (?)")) {
            st.setArray(1, c.createArrayOf("text", objectIds.toArray()));
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
        }
        return ids;
    }

    @Test
    void deletionsComeAsTombstonesAndTheScopeHolds() {
        String commune = Api.unitId("DNAI.XUANLOC");
        String plan = Api.createPlan(Api.planBody(Api.code("FEEDDEL"), commune, 2026, 2026));
        String cursor = now("viewer");
        String group = Api.createGroup(plan, "INDICATOR", "B");
        Api.json().header("If-Match", "\"0\"").delete("/api/v1/plans/" + plan + "/groups/" + group).then().statusCode(204);
        JsonPath p = page("viewer", cursor, "PLAN_GROUP", 100);
        assertEquals(List.of("CREATED", "DELETED"), p.getList("items.findAll { it.id == '" + group + "' }.action"));
        // Another commune's viewer does not see Xuân Lộc's changes.
        String outsider = AccessMatrixTest.user(Api.unitId("DNAI.PHULAM"));
        String token = Api.signIn(AccessMatrixTest.username(outsider), "Kiem@Thu2026");
        JsonPath theirs = io.restassured.RestAssured.given().header("Authorization", "Bearer " + token).queryParam("types", "PLAN_GROUP")
                .queryParam("limit", 1000).get("/api/v1/changes").then().statusCode(200).extract().jsonPath();
        assertTrue(theirs.getList("items.findAll { it.id == '" + group + "' }").isEmpty());
        // Nor can it read on from a Xuân Lộc viewer's cursor.
        Api.refused(io.restassured.RestAssured.given().header("Authorization", "Bearer " + token).queryParam("after", cursor)
                .get("/api/v1/changes").then(), 400, "changes.cursor-foreign-scope", "after");
    }

    @Test
    void badCursorsAndParametersAreRefusedClearly() {
        String cursor = now("province");
        String decoded = new String(java.util.Base64.getUrlDecoder().decode(cursor));
        String[] parts = decoded.split("\\.");
        parts[1] = "1";
        String tampered = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(String.join(".", parts).getBytes());
        Api.refused(Api.as("province").queryParam("after", tampered).get("/api/v1/changes").then(), 400, "changes.cursor-invalid", "after");
        Api.refused(Api.as("province").queryParam("after", "khong-phai-con-tro").get("/api/v1/changes").then(), 400, "changes.cursor-invalid", "after");
        Api.refused(Api.as("province").queryParam("types", "KEHOACH").get("/api/v1/changes").then(), 400, "changes.type-unknown", "types");
        Api.refused(Api.as("province").queryParam("limit", 0).get("/api/v1/changes").then(), 400, "changes.limit-invalid", "limit");
        Api.refused(Api.anonymous().get("/api/v1/changes").then(), 401, "auth.unauthenticated", null);
        Api.as("province").queryParam("after", cursor).get("/api/v1/changes").then().statusCode(200).body("next", org.hamcrest.Matchers.notNullValue());
        // A cursor is good for 90 days.
        clock.fixAt(java.time.Instant.now().plus(java.time.Duration.ofDays(91)));
        try {
            Api.refused(Api.as("province").queryParam("after", cursor).get("/api/v1/changes").then(), 410, "changes.cursor-expired", "after");
        } finally {
            clock.useSystemClock();
        }
        Api.as("province").queryParam("after", cursor).queryParam("types", "REPORT,EVIDENCE").get("/api/v1/changes").then().statusCode(200)
                .body("items.findAll { it.type != 'REPORT' && it.type != 'EVIDENCE' }.size()", equalTo(0));
    }
}
