package vn.dti.tracker;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * The actions an answer lists are exactly the calls that pass: for every role and every state of a report, a plan and a
 * period, each listed action is carried out on a fresh object of that state and succeeds, and each action not listed is
 * refused and leaves the object as it was.
 */
@QuarkusTest
class AllowedActionsTest {

    static final List<String> ROLES = List.of("admin", "province", "commune", "reporter", "reporter2", "viewer", "~service");
    static final List<String> REPORT_ACTIONS = List.of("EDIT", "SUBMIT", "ACCEPT", "RETURN", "REOPEN", "ATTACH_EVIDENCE", "DETACH_EVIDENCE");
    static final List<String> PLAN_ACTIONS = List.of("EDIT", "ISSUE", "CLOSE", "DELETE", "IMPORT_APPENDIX", "CREATE_REPORT");

    // ---- fixtures, in Xuân Lộc: the public-service centre (the reporter's unit) leads every indicator ----

    record PlanFixture(String id, Map<String, Object> body, String indicator) {
    }

    static PlanFixture plan(String status) {
        Map<String, Object> body = Api.planBody(Api.code("ACTIONS"), Api.unitId("DNAI.XUANLOC"), 2026, 2026);
        body.put("status", "DRAFT");
        if (!status.equals("DRAFT")) {
            Api.issued(body);
        }
        String id = Api.createPlan(body);
        String group = Api.createGroup(id, "INDICATOR", "A");
        String indicator = indicator(id, group);
        if (status.equals("CLOSED")) {
            Map<String, Object> closing = new HashMap<>(body);
            closing.remove("code");
            closing.put("status", "CLOSED");
            Api.json().header("If-Match", etag("/api/v1/plans/" + id)).body(closing).put("/api/v1/plans/" + id).then().statusCode(200);
            body.put("status", "CLOSED");
        }
        return new PlanFixture(id, body, indicator);
    }

    static String indicator(String plan, String group) {
        Map<String, Object> body = Api.indicatorBody(Api.code("I"), group, Api.unitId("DNAI.XUANLOC.TTPVHCC"),
                List.of(Api.target(2026, "COUNT", "GE", 1, "≥ 01")));
        return Api.json().body(body).post("/api/v1/plans/" + plan + "/indicators").then().statusCode(201).extract().path("id");
    }

    static String etag(String path) {
        return Api.json().get(path).then().statusCode(200).extract().header("ETag");
    }

    static List<String> actions(String who, String path) {
        Response r = Api.as(who).get(path);
        if (r.statusCode() == 404) {
            return List.of();
        }
        assertEquals(200, r.statusCode(), who + " reads " + path);
        return r.jsonPath().getList("actions");
    }

    /** A report of the centre on a new indicator of an issued plan, with one piece of evidence, brought to {@code shape}. */
    record ReportFixture(String id, String evidence) {
    }

    static final class Reports {
        final PlanFixture plan = plan("ISSUED");
        final String group = Api.json().queryParam("kind", "INDICATOR").get("/api/v1/plans/" + plan.id() + "/groups").then().extract()
                .path("[0].id");

        ReportFixture make(String shape, String period) {
            String indicator = indicator(plan.id(), group);
            String id = Api.as("reporter").body(Map.of("periodKey", period, "indicatorId", indicator, "value", Map.of("number", 1),
                    "achievements", "Đã triển khai")).post("/api/v1/reports").then().statusCode(201).extract().path("id");
            String evidence = link(id);
            String path = "/api/v1/reports/" + id;
            if (!shape.equals("DRAFT")) {
                Api.as("reporter").header("If-Match", etag(path)).post(path + "/submit").then().statusCode(200);
            }
            if (shape.equals("RETURNED")) {
                Api.as("commune").header("If-Match", etag(path)).body(Map.of("comment", "Bổ sung số liệu")).post(path + "/return").then()
                        .statusCode(200);
            }
            if (shape.equals("ACCEPTED") || shape.equals("LOCKED")) {
                Api.as("commune").header("If-Match", etag(path)).body(Map.of()).post(path + "/accept").then().statusCode(200);
            }
            return new ReportFixture(id, evidence);
        }
    }

    static String link(String reportId) {
        Map<String, Object> body = new HashMap<>(Map.of("url", "https://xuanloc.dongnai.gov.vn/van-ban/" + Api.code("VB"), "title", "Văn bản"));
        if (reportId != null) {
            body.put("reportIds", List.of(reportId));
        }
        return Api.as("reporter").body(body).post("/api/v1/evidence/links").then().statusCode(201).extract().path("id");
    }

    static Response reportCall(String who, ReportFixture f, String action) {
        String path = "/api/v1/reports/" + f.id();
        var r = Api.as(who).header("If-Match", etag(path));
        return switch (action) {
            case "EDIT" -> r.body(Map.of("value", Map.of("number", 2), "achievements", "Đã cập nhật")).put(path);
            case "SUBMIT" -> r.post(path + "/submit");
            case "ACCEPT" -> r.body(Map.of()).post(path + "/accept");
            case "RETURN" -> r.body(Map.of("comment", "Cần bổ sung")).post(path + "/return");
            case "REOPEN" -> r.body(Map.of("comment", "Sửa số liệu")).post(path + "/reopen");
            case "ATTACH_EVIDENCE" -> r.body(Map.of("evidenceId", link(null))).post(path + "/evidence");
            case "DETACH_EVIDENCE" -> r.delete(path + "/evidence/" + f.evidence());
            default -> throw new IllegalArgumentException(action);
        };
    }

    /** Checks one role on one state: listed actions pass on fresh objects, the others are refused and change nothing. */
    static <F> void walk(String what, String who, List<String> all, List<String> listed, Supplier<F> fresh, F seen,
            java.util.function.BiFunction<F, String, Response> call, Supplier<String> fingerprint) {
        for (String action : all) {
            if (listed.contains(action)) {
                Response done = call.apply(fresh.get(), action);
                assertTrue(done.statusCode() / 100 == 2, what + ": " + who + " may " + action + " but was answered " + done.statusCode() + " "
                        + done.asString());
            } else {
                String before = fingerprint.get();
                Response refused = call.apply(seen, action);
                assertTrue(refused.statusCode() / 100 == 4, what + ": " + who + " may not " + action + " but was answered "
                        + refused.statusCode());
                assertEquals("application/problem+json", refused.contentType().split(";")[0], what + ": " + action);
                assertEquals(before, fingerprint.get(), what + ": the refused " + action + " of " + who + " changed nothing");
            }
        }
    }

    @Test
    void reportActionsAreExactlyTheCallsThatPass() {
        Reports reports = new Reports();
        // Locked reports need a period that is sent up once, so they are made before it closes.
        Deque<ReportFixture> locked = new java.util.ArrayDeque<>();
        for (int i = 0; i < 12; i++) {
            locked.add(reports.make("LOCKED", "2026-02"));
        }
        String periodPath = "/api/v1/plans/" + reports.plan.id() + "/periods/2026-02";
        Api.as("commune").header("If-Match", etag(periodPath)).body(Map.of()).post(periodPath + "/send-up").then().statusCode(200);

        Map<String, Map<String, List<String>>> seenActions = new HashMap<>();
        for (String shape : List.of("DRAFT", "SUBMITTED", "RETURNED", "ACCEPTED", "LOCKED")) {
            Supplier<ReportFixture> fresh = shape.equals("LOCKED") ? locked::pop : () -> reports.make(shape, "2026-06");
            for (String who : ROLES) {
                ReportFixture f = fresh.get();
                List<String> listed = actions(who, "/api/v1/reports/" + f.id());
                seenActions.computeIfAbsent(shape, k -> new HashMap<>()).put(who, listed);
                walk("report " + shape, who, REPORT_ACTIONS, listed, fresh, f, (x, action) -> reportCall(who, x, action),
                        () -> Api.json().get("/api/v1/reports/" + f.id()).then().extract().header("ETag")
                                + Api.json().queryParam("reportId", f.id()).get("/api/v1/evidence").then().extract().path("items.id"));
            }
        }
        // What each person sees, as the screens offer it.
        assertEquals(List.of("EDIT", "SUBMIT", "ATTACH_EVIDENCE", "DETACH_EVIDENCE"), seenActions.get("DRAFT").get("reporter"));
        assertEquals(List.of("EDIT", "SUBMIT", "ATTACH_EVIDENCE", "DETACH_EVIDENCE"), seenActions.get("RETURNED").get("reporter"));
        assertEquals(List.of("ACCEPT", "RETURN"), seenActions.get("SUBMITTED").get("commune"));
        assertEquals(List.of("REOPEN"), seenActions.get("LOCKED").get("commune"));
        assertEquals(List.of(), seenActions.get("SUBMITTED").get("reporter"));
        assertEquals(List.of(), seenActions.get("DRAFT").get("reporter2"));
        assertEquals(List.of(), seenActions.get("ACCEPTED").get("viewer"));
        assertEquals(List.of(), seenActions.get("DRAFT").get("~service"));
        assertEquals(List.of(), seenActions.get("DRAFT").get("admin"), "a result is the unit's own word, administrators included");
    }

    static Response planCall(String who, PlanFixture p, String action) {
        String path = "/api/v1/plans/" + p.id();
        Map<String, Object> body = new HashMap<>(p.body());
        body.remove("code");
        return switch (action) {
            case "EDIT" -> {
                body.put("title", body.get("title") + " (sửa)");
                yield Api.as(who).header("If-Match", etag(path)).body(body).put(path);
            }
            case "ISSUE" -> Api.as(who).header("If-Match", etag(path)).body(Api.issued(body)).put(path);
            case "CLOSE" -> {
                body.put("status", "CLOSED");
                yield Api.as(who).header("If-Match", etag(path)).body(body).put(path);
            }
            case "DELETE" -> Api.as(who).header("If-Match", etag(path)).delete(path);
            case "IMPORT_APPENDIX" -> {
                byte[] sheet = Api.json().accept("*/*").get(path + "/appendix").then().statusCode(200).extract().asByteArray();
                yield io.restassured.RestAssured.given().header("Authorization", "Bearer " + Api.token(who)).accept("application/json")
                        .contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet").queryParam("dryRun", true).body(sheet)
                        .post(path + "/appendix/imports");
            }
            case "CREATE_REPORT" -> Api.as(who).body(Map.of("periodKey", "2026-06", "indicatorId", p.indicator(), "value", Map.of("number", 1)))
                    .post("/api/v1/reports");
            default -> throw new IllegalArgumentException(action);
        };
    }

    @Test
    void planActionsAreExactlyTheCallsThatPass() {
        Map<String, Map<String, List<String>>> seenActions = new HashMap<>();
        for (String status : List.of("DRAFT", "ISSUED", "CLOSED")) {
            for (String who : ROLES) {
                PlanFixture p = plan(status);
                List<String> listed = actions(who, "/api/v1/plans/" + p.id());
                seenActions.computeIfAbsent(status, k -> new HashMap<>()).put(who, listed);
                // Sending a plan back with the status it has (ISSUED with its number and date, or CLOSED) is an edit, not a move:
                // it is weighed as EDIT, so ISSUE and CLOSE are walked only where they move the plan.
                String same = Map.of("ISSUED", "ISSUE", "CLOSED", "CLOSE").get(status);
                List<String> moves = PLAN_ACTIONS.stream().filter(a -> !a.equals(same)).toList();
                walk("plan " + status, who, moves, listed, () -> plan(status), p, (x, action) -> planCall(who, x, action),
                        () -> etag("/api/v1/plans/" + p.id()) + Api.json().queryParam("planId", p.id()).get("/api/v1/reports").then().extract()
                                .path("totalItems"));
                if (!listed.isEmpty()) {
                    // The plan's line in the list says the same (leaving out DELETE, which needs the plan's references counted).
                    List<String> inList = Api.as(who).queryParam("q", p.body().get("code")).get("/api/v1/plans").then().statusCode(200)
                            .extract().jsonPath().getList("items[0].actions");
                    assertEquals(listed.stream().filter(a -> !a.equals("DELETE")).toList(), inList, who + " " + status);
                }
            }
        }
        assertEquals(List.of("EDIT", "IMPORT_APPENDIX", "ISSUE", "DELETE"), seenActions.get("DRAFT").get("commune"));
        assertEquals(List.of("EDIT", "IMPORT_APPENDIX", "ISSUE", "DELETE"), seenActions.get("DRAFT").get("admin"));
        assertEquals(List.of("EDIT", "IMPORT_APPENDIX", "CLOSE"), seenActions.get("ISSUED").get("province"));
        assertEquals(List.of("CREATE_REPORT"), seenActions.get("ISSUED").get("reporter"));
        assertEquals(List.of(), seenActions.get("DRAFT").get("reporter"), "nobody reports on a draft");
        assertEquals(List.of(), seenActions.get("ISSUED").get("viewer"));
    }

    /** A plan whose period 2026-06 is open with nothing waiting, has a report waiting, is sent up, or belongs to a draft. */
    static String periodPath(String shape) {
        PlanFixture p = plan(shape.equals("DRAFT_PLAN") ? "DRAFT" : "ISSUED");
        String path = "/api/v1/plans/" + p.id() + "/periods/2026-06";
        if (shape.equals("WAITING")) {
            String report = Api.as("reporter").body(Map.of("periodKey", "2026-06", "indicatorId", p.indicator(), "value", Map.of("number", 1)))
                    .post("/api/v1/reports").then().statusCode(201).extract().path("id");
            Api.as("reporter").header("If-Match", etag("/api/v1/reports/" + report)).post("/api/v1/reports/" + report + "/submit").then()
                    .statusCode(200);
        }
        if (shape.equals("SENT_UP")) {
            Api.as("commune").header("If-Match", etag(path)).body(Map.of()).post(path + "/send-up").then().statusCode(200);
        }
        return path;
    }

    @Test
    void periodActionsAreExactlyTheCallsThatPass() {
        Map<String, List<String>> commune = new HashMap<>();
        for (String shape : List.of("OPEN", "WAITING", "SENT_UP", "DRAFT_PLAN")) {
            for (String who : ROLES) {
                String path = periodPath(shape);
                List<String> listed = actions(who, path);
                if (who.equals("commune")) {
                    commune.put(shape, listed);
                }
                walk("period " + shape, who, List.of("SEND_UP"), listed, () -> periodPath(shape), path,
                        (x, action) -> Api.as(who).header("If-Match", etag(x)).body(Map.of()).post(x + "/send-up"), () -> etag(path));
                String listPath = path.substring(0, path.lastIndexOf('/'));
                Response list = Api.as(who).get(listPath);
                if (list.statusCode() == 200) {
                    assertEquals(listed, list.jsonPath().getList("find { it.key == '2026-06' }.actions"), "the list says the same");
                }
            }
        }
        assertEquals(List.of("SEND_UP"), commune.get("OPEN"));
        assertEquals(List.of(), commune.get("WAITING"));
        assertEquals(List.of(), commune.get("SENT_UP"));
        assertEquals(List.of(), commune.get("DRAFT_PLAN"));
    }

    // ---- what a person may open: the actions of /me ----

    static final List<String> ME_ACTIONS = List.of("CREATE_PLAN", "REPORT", "REVIEW", "MANAGE_UNITS", "MANAGE_TOP_UNITS", "MANAGE_USERS",
            "MANAGE_SERVICE_ACCOUNTS");

    /** Where a call of this account acts: the first unit it coordinates, else Xuân Lộc. */
    static String placeOf(Response me) {
        String coordinated = me.path("coordinatedUnits[0].id");
        return coordinated != null ? coordinated : Api.unitId("DNAI.XUANLOC");
    }

    /**
     * An issued plan of {@code issuer} for 2025 with one indicator led by {@code lead}; returns the plan and the indicator. Its
     * deadlines have all passed, so no reminder pass of another test chases its units.
     */
    static String[] issuedPlanLedBy(String issuer, String lead) {
        String plan = Api.createPlan(Api.issued(Api.planBody(Api.code("ME"), issuer, 2025, 2025)));
        String group = Api.createGroup(plan, "INDICATOR", "A");
        String indicator = Api.json().body(Api.indicatorBody(Api.code("I"), group, lead, List.of(Api.target(2025, "COUNT", "GE", 1, "≥ 01"))))
                .post("/api/v1/plans/" + plan + "/indicators").then().statusCode(201).extract().path("id");
        return new String[] {plan, indicator};
    }

    /** The call each action of /me opens, made by {@code who} on fresh objects. */
    static Response meCall(String who, Response me, String action) {
        String place = placeOf(me);
        return switch (action) {
            case "CREATE_PLAN" -> Api.as(who).body(Api.planBody(Api.code("ME"), place, 2026, 2026)).post("/api/v1/plans");
            case "REPORT" -> {
                String[] item = issuedPlanLedBy(Api.unitId("DNAI"), me.path("unit.id"));
                yield Api.as(who).body(Map.of("periodKey", "2025-06", "indicatorId", item[1], "value", Map.of("number", 1)))
                        .post("/api/v1/reports");
            }
            case "REVIEW" -> {
                String[] item = issuedPlanLedBy(place, Api.unitId("DNAI.XUANLOC.TTPVHCC"));
                String report = Api.as("reporter").body(Map.of("periodKey", "2025-06", "indicatorId", item[1], "value", Map.of("number", 1)))
                        .post("/api/v1/reports").then().statusCode(201).extract().path("id");
                String path = "/api/v1/reports/" + report;
                Api.as("reporter").header("If-Match", etag(path)).post(path + "/submit").then().statusCode(200);
                // The review screen's list of plans says the same.
                boolean listed = me.jsonPath().getList("actions").contains("REVIEW");
                assertEquals(listed, Api.as(who).queryParam("reviewable", true).queryParam("size", 200).get("/api/v1/plans").then().statusCode(200)
                        .extract().jsonPath().getList("items.id").contains(item[0]), who + " reviews the plan's reports");
                yield Api.as(who).header("If-Match", etag(path)).body(Map.of()).post(path + "/accept");
            }
            case "MANAGE_UNITS" -> Api.as(who).body(Map.of("code", Api.code("ME"), "name", "Tổ công nghệ số kiểm thử", "kind",
                    "COMMUNITY_TECH_TEAM", "parentId", place)).post("/api/v1/org-units");
            case "MANAGE_TOP_UNITS" -> {
                Response made = Api.as(who).body(Map.of("code", Api.code("ME"), "name", "Tỉnh kiểm thử", "kind", "PROVINCE"))
                        .post("/api/v1/org-units");
                if (made.statusCode() == 201) {
                    Api.json().header("If-Match", "\"0\"").delete("/api/v1/org-units/" + made.path("id")).then().statusCode(204);
                }
                yield made;
            }
            case "MANAGE_USERS" -> Api.as(who).get("/api/v1/users");
            case "MANAGE_SERVICE_ACCOUNTS" -> Api.as(who).get("/api/v1/service-accounts");
            default -> throw new IllegalArgumentException(action);
        };
    }

    @Test
    void meActionsAreExactlyTheCallsThatPass() {
        Map<String, List<String>> seen = new HashMap<>();
        for (String who : ROLES) {
            Response me = Api.as(who).get("/api/v1/me");
            me.then().statusCode(200);
            List<String> listed = me.jsonPath().getList("actions");
            seen.put(who, listed);
            for (String action : ME_ACTIONS) {
                Response r = meCall(who, me, action);
                if (listed.contains(action)) {
                    assertTrue(r.statusCode() / 100 == 2, who + " may " + action + " but was answered " + r.statusCode() + " " + r.asString());
                } else {
                    assertEquals(403, r.statusCode(), who + " may not " + action + ": " + r.asString());
                    assertEquals("application/problem+json", r.contentType().split(";")[0], who + ": " + action);
                }
            }
        }
        List<String> coordinator = List.of("CREATE_PLAN", "REPORT", "REVIEW", "MANAGE_UNITS", "MANAGE_USERS", "MANAGE_SERVICE_ACCOUNTS");
        assertEquals(List.of("CREATE_PLAN", "REVIEW", "MANAGE_UNITS", "MANAGE_TOP_UNITS", "MANAGE_USERS", "MANAGE_SERVICE_ACCOUNTS"),
                seen.get("admin"), "an administrator writes no unit's report");
        assertEquals(coordinator, seen.get("province"));
        assertEquals(coordinator, seen.get("commune"), "the coordinator's own office reports on what it leads");
        assertEquals(List.of("REPORT"), seen.get("reporter"));
        assertEquals(List.of(), seen.get("viewer"));
        assertEquals(List.of(), seen.get("~service"));
    }

    @Test
    void aCoordinatorMovesNoUnitToTheTop() {
        String unit = Api.createUnit(Api.code("TO"), "Tổ công nghệ số kiểm thử", "COMMUNITY_TECH_TEAM", Api.unitId("DNAI.XUANLOC"));
        Map<String, Object> body = new HashMap<>(Map.of("name", "Tổ công nghệ số kiểm thử", "kind", "COMMUNITY_TECH_TEAM", "active", true));
        body.put("parentId", null);
        Api.refused(Api.as("commune").header("If-Match", "\"0\"").body(body).put("/api/v1/org-units/" + unit).then(), 403, "access.unit-denied", null);
        Api.json().get("/api/v1/org-units/" + unit).then().statusCode(200).body("parent.code", equalTo("DNAI.XUANLOC")).body("version", equalTo(0));
    }

    @Test
    void eachAccountMayGiveExactlyTheRolesItsAnswerLists() {
        String unit = Api.unitId("DNAI.XUANLOC.VP");
        Map<String, List<String>> seen = new HashMap<>();
        for (String who : ROLES) {
            List<String> grantable = Api.as(who).get("/api/v1/me").then().statusCode(200).extract().jsonPath().getList("grantableRoles");
            seen.put(who, grantable);
            for (String role : List.of("ADMIN", "PROVINCE_COORDINATOR", "COMMUNE_COORDINATOR", "UNIT_REPORTER", "VIEWER")) {
                Map<String, Object> body = Map.of("username", "g-" + Api.code("u").toLowerCase(), "fullName", "Cán bộ kiểm thử",
                        "orgUnitId", unit, "roles", List.of(role), "password", "Kiem@Thu2026");
                int status = Api.as(who).body(body).post("/api/v1/users").statusCode();
                assertEquals(grantable.contains(role) ? 201 : 403, status, who + " gives " + role);
            }
        }
        assertEquals(List.of("ADMIN", "PROVINCE_COORDINATOR", "COMMUNE_COORDINATOR", "UNIT_REPORTER", "VIEWER"), seen.get("admin"));
        assertEquals(List.of("PROVINCE_COORDINATOR", "COMMUNE_COORDINATOR", "UNIT_REPORTER", "VIEWER"), seen.get("province"));
        assertEquals(List.of("COMMUNE_COORDINATOR", "UNIT_REPORTER", "VIEWER"), seen.get("commune"));
        assertEquals(List.of(), seen.get("reporter"));
        assertEquals(List.of(), seen.get("~service"));
    }

    @Test
    void eachAccountsDashboardStartsAtItsProvinceOrCommune() {
        Map<String, String> expected = Map.of("admin", "DNAI", "province", "DNAI", "commune", "DNAI.XUANLOC", "reporter", "DNAI.XUANLOC",
                "reporter2", "DNAI.XUANLOC", "viewer", "DNAI.XUANLOC", "~service", "DNAI");
        expected.forEach((who, code) -> Api.as(who).get("/api/v1/me").then().statusCode(200).body("dashboardUnit.code", equalTo(code)));
    }

    @Test
    void eachPersonStartsWhereTheirFirstQuestionIsAnswered() {
        // The province watches its communes; a commune's coordinator reviews; reporters report; leaders read the dashboard.
        Map<String, String> expected = Map.of("province", "DASHBOARD", "commune", "REVIEW", "reporter", "MY_WORK", "reporter2", "MY_WORK",
                "viewer", "DASHBOARD", "admin", "REVIEW");
        expected.forEach((who, home) -> Api.as(who).get("/api/v1/me").then().statusCode(200).body("home", equalTo(home)));
    }

    @Test
    void nobodyReportsOnADraftPlan() {
        PlanFixture p = plan("DRAFT");
        Api.refused(Api.as("reporter").body(Map.of("periodKey", "2026-06", "indicatorId", p.indicator(), "value", Map.of("number", 1)))
                .post("/api/v1/reports").then(), 409, "report.plan-draft", null);
        Api.json().queryParam("planId", p.id()).get("/api/v1/reports").then().statusCode(200).body("totalItems", equalTo(0));
        // Nothing of a draft is due: it has no assignments.
        Api.as("reporter").queryParam("planId", p.id()).queryParam("mine", true).get("/api/v1/assignments").then().statusCode(200)
                .body("totalItems", equalTo(0));
        List<String> none = new ArrayList<>(actions("reporter", "/api/v1/plans/" + p.id()));
        assertEquals(List.of(), none);
    }
}
