package vn.dti.tracker;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/**
 * One visibility rule per object: whatever the change feed or the audit trail shows a caller (an object's id,
 * an evidence file's title, name or hash), that caller's GET of the object answers 200, for every role and
 * every kind of object in the trail. The feed shows exactly what the GETs allow.
 */
@QuarkusTest
class VisibilityTest {

    /** The callers: one of each role, and a viewer of one office, who sees neither its siblings nor their evidence. */
    record Who(String name, String token, boolean readsAudit) {
        RequestSpecification request() {
            return given().contentType(ContentType.JSON).accept(ContentType.JSON).header("Authorization", "Bearer " + token);
        }
    }

    /** What the test made: each object's GET, and each evidence file's secrets. */
    static final class Made {
        final Map<String, String> getPath = new LinkedHashMap<>();
        final Map<String, List<String>> evidenceSecrets = new LinkedHashMap<>();
        final Set<String> deleted = new LinkedHashSet<>();

        void add(String id, String path) {
            getPath.put(id, path);
        }
    }

    @Test
    void feedAndAuditRevealOnlyWhatTheGetAllows() {
        String centre = Api.unitId("DNAI.XUANLOC.TTPVHCC");
        String police = Api.unitId("DNAI.XUANLOC.CA");
        List<Who> callers = new ArrayList<>();
        for (String demo : List.of("admin", "province", "commune", "reporter", "reporter2", "viewer")) {
            callers.add(new Who(demo, Api.token(demo), !demo.startsWith("reporter") && !demo.equals("viewer")));
        }
        callers.add(new Who("service", Api.token("~service"), false));
        String officeViewer = AccessMatrixTest.user(centre);
        callers.add(new Who("viewer of the centre", Api.signIn(AccessMatrixTest.username(officeViewer), "Kiem@Thu2026"), false));
        String phuLamCoordinator = phuLamCoordinator();
        callers.add(new Who("Phú Lâm coordinator", phuLamCoordinator, true));

        Map<String, String> cursors = new HashMap<>();
        for (Who who : callers) {
            cursors.put(who.name(), who.request().get("/api/v1/changes/now").then().statusCode(200).extract().path("next"));
        }
        OffsetDateTime since = OffsetDateTime.now(ZoneOffset.UTC).minusSeconds(1);

        Made made = new Made();
        makeCommune(made, "DNAI.XUANLOC", centre, Api.token("reporter"), police);
        String phuLamLead = Api.unitId("DNAI.PHULAM.VHXH");
        makeCommune(made, "DNAI.PHULAM", phuLamLead, AccessMatrixTest.reporterOf(phuLamLead), null);

        List<String> failures = new ArrayList<>();
        for (Who who : callers) {
            Map<String, String> revealed = new LinkedHashMap<>();
            StringBuilder payloads = new StringBuilder();
            readFeed(who, cursors.get(who.name()), revealed, payloads);
            if (who.readsAudit()) {
                readAudit(who, since, revealed, payloads);
            }
            for (var e : made.getPath.entrySet()) {
                String id = e.getKey();
                if (made.deleted.contains(id)) {
                    continue;
                }
                int status = who.request().accept("*/*").get(e.getValue()).statusCode();
                boolean inFeedOrAudit = revealed.containsKey(id);
                if (inFeedOrAudit && status != 200) {
                    failures.add(who.name() + ": " + revealed.get(id) + " reveals " + e.getValue() + ", whose GET answers " + status);
                }
                if (revealed.containsKey("feed:" + id) != (status == 200) && feedType(e.getValue())) {
                    failures.add(who.name() + ": GET " + e.getValue() + " answers " + status + " but the feed "
                            + (revealed.containsKey("feed:" + id) ? "shows" : "hides") + " it");
                }
                List<String> secrets = made.evidenceSecrets.get(id);
                if (secrets != null && status != 200) {
                    for (String secret : secrets) {
                        if (payloads.indexOf(secret) >= 0) {
                            failures.add(who.name() + ": the trail shows '" + secret + "' of evidence it may not read");
                        }
                    }
                }
            }
            // Deleted unattached evidence was its uploader's alone, and stays so in the trail.
            for (String id : made.deleted) {
                List<String> secrets = made.evidenceSecrets.get(id);
                boolean own = who.name().equals("admin") || who.name().equals("reporter");
                if (secrets != null && !own && payloads.indexOf(secrets.get(0)) >= 0) {
                    failures.add(who.name() + ": the trail shows deleted evidence '" + secrets.get(0) + "' of someone else");
                }
                if (secrets != null && who.name().equals("reporter") && payloads.indexOf(secrets.get(0)) < 0) {
                    failures.add("the uploader does not see the tombstone of its own evidence '" + secrets.get(0) + "'");
                }
            }
        }
        assertEquals(List.of(), failures);
    }

    @Test
    void unattachedEvidenceIsItsUploadersAloneInTheFeed() {
        String cursor = Api.as("viewer").get("/api/v1/changes/now").then().extract().path("next");
        String serviceCursor = Api.asService().get("/api/v1/changes/now").then().extract().path("next");
        String reporterCursor = Api.as("reporter").get("/api/v1/changes/now").then().extract().path("next");
        String title = "Biên bản chưa gắn " + java.util.UUID.randomUUID();
        String id = EvidenceTest.upload("reporter", "chua-gan.pdf", EvidenceTest.pdf(), Map.of("title", title)).then().statusCode(201)
                .extract().path("id");
        assertFalse(ChangeFeedTest.page("viewer", cursor, "EVIDENCE", 1000).getList("items.id").contains(id));
        assertFalse(ChangeFeedTest.page("~service", serviceCursor, "EVIDENCE", 1000).getList("items.id").contains(id));
        assertTrue(ChangeFeedTest.page("reporter", reporterCursor, "EVIDENCE", 1000).getList("items.id").contains(id));
        Api.as("commune").queryParam("objectId", id).get("/api/v1/audit-events").then().statusCode(200)
                .body("totalItems", org.hamcrest.Matchers.equalTo(0));
        Api.json().queryParam("objectId", id).get("/api/v1/audit-events").then().statusCode(200)
                .body("items[0].changes.title", org.hamcrest.Matchers.equalTo(title));
    }

    @Test
    void listFiltersNamingAnIdOutOfSightAnswer404AsForAnUnknownId() {
        String phuLam = Api.unitId("DNAI.PHULAM");
        String phuLamLead = Api.unitId("DNAI.PHULAM.VHXH");
        String theirPlan = Api.createPlan(Api.issued(Api.planBody(Api.code("VISF"), phuLam, 2026, 2026)));
        String theirGroup = Api.createGroup(theirPlan, "INDICATOR", "I");
        String theirIndicator = AccessMatrixTest.indicator(theirPlan, theirGroup, phuLamLead);
        String theirTask = AccessMatrixTest.task(theirPlan, Api.createGroup(theirPlan, "TASK", "II"), phuLamLead);
        String theirReport = AccessMatrixTest.report(AccessMatrixTest.reporterOf(phuLamLead), theirIndicator, false).path("id");
        String theirCoordinator = Api.as("province").queryParam("withinUnitId", phuLam).queryParam("size", 200).get("/api/v1/users").then()
                .statusCode(200).extract().path("items[0].id");
        String ourPlan = Api.planId("XUANLOC-CDS-2026");

        Map<String, String> refusals = new LinkedHashMap<>();
        refusals.put("/api/v1/plans?issuingUnitId=" + phuLam, "org-unit.not-found");
        refusals.put("/api/v1/plans?parentPlanId=" + theirPlan, "plan.not-found");
        refusals.put("/api/v1/plans?withinUnitId=" + phuLam, "org-unit.not-found");
        refusals.put("/api/v1/org-units?parentId=" + phuLam, "org-unit.not-found");
        refusals.put("/api/v1/org-units?withinId=" + phuLam, "org-unit.not-found");
        refusals.put("/api/v1/reports?planId=" + theirPlan, "plan.not-found");
        refusals.put("/api/v1/reports?unitId=" + phuLamLead, "org-unit.not-found");
        refusals.put("/api/v1/reports?indicatorId=" + theirIndicator, "indicator.not-found");
        refusals.put("/api/v1/reports?taskId=" + theirTask, "task.not-found");
        refusals.put("/api/v1/assignments?planId=" + theirPlan, "plan.not-found");
        refusals.put("/api/v1/assignments?unitId=" + phuLamLead, "org-unit.not-found");
        refusals.put("/api/v1/evidence?reportId=" + theirReport, "report.not-found");
        refusals.put("/api/v1/evidence?planId=" + theirPlan, "plan.not-found");
        refusals.put("/api/v1/evidence?indicatorId=" + theirIndicator, "indicator.not-found");
        refusals.put("/api/v1/evidence?taskId=" + theirTask, "task.not-found");
        refusals.put("/api/v1/evidence?unitId=" + phuLamLead, "org-unit.not-found");
        refusals.put("/api/v1/plans/" + ourPlan + "/indicators?groupId=" + theirGroup, "group.not-found");
        refusals.put("/api/v1/plans/" + ourPlan + "/indicators?leadUnitId=" + phuLamLead, "org-unit.not-found");
        refusals.put("/api/v1/plans/" + ourPlan + "/indicators?unitId=" + phuLamLead, "org-unit.not-found");
        refusals.put("/api/v1/plans/" + ourPlan + "/tasks?groupId=" + theirGroup, "group.not-found");
        refusals.put("/api/v1/plans/" + ourPlan + "/tasks?unitId=" + phuLamLead, "org-unit.not-found");
        refusals.put("/api/v1/exports/results?from=2026-01&to=2026-03&unitId=" + phuLamLead, "org-unit.not-found");
        refusals.put("/api/v1/exports/results?from=2026-01&to=2026-03&planId=" + theirPlan, "plan.not-found");
        for (var e : refusals.entrySet()) {
            Api.refused(Api.as("commune").accept("*/*").get(e.getKey()).then(), 404, e.getValue(), null);
            // The same filter by the province, who sees Phú Lâm, is answered.
            Api.as("province").accept("*/*").get(e.getKey()).then().statusCode(200);
        }
        Api.refused(Api.as("commune").get("/api/v1/users?withinUnitId=" + phuLam).then(), 404, "org-unit.not-found", null);
        Api.refused(Api.as("commune").get("/api/v1/audit-events?actorId=" + theirCoordinator).then(), 404, "user.not-found", null);
        Api.as("province").get("/api/v1/audit-events?actorId=" + theirCoordinator).then().statusCode(200);
    }

    // ---- the data: one commune's plan, reports and evidence, its accounts and a unit ----

    private static void makeCommune(Made made, String communeCode, String leadUnit, String reporter, String secondUnit) {
        String commune = Api.unitId(communeCode);
        String unit = Api.createUnit(Api.code("VIS"), "Tổ kiểm thử", "OFFICE", commune);
        made.add(unit, "/api/v1/org-units/" + unit);
        String user = AccessMatrixTest.user(unit);
        made.add(user, "/api/v1/users/" + user);
        String account = AccessMatrixTest.serviceAccount(unit);
        made.add(account, "/api/v1/service-accounts/" + account);

        String plan = Api.createPlan(Api.issued(Api.planBody(Api.code("VIS"), commune, 2026, 2026)));
        made.add(plan, "/api/v1/plans/" + plan);
        String group = Api.createGroup(plan, "INDICATOR", "I");
        // A group has no GET of its own: it is read in its plan's list.
        made.add(group, "/api/v1/plans/" + plan + "/groups");
        String taskGroup = Api.createGroup(plan, "TASK", "II");
        String task = AccessMatrixTest.task(plan, taskGroup, leadUnit);
        made.add(task, "/api/v1/plans/" + plan + "/tasks/" + task);
        String indicator = AccessMatrixTest.indicator(plan, group, leadUnit);
        made.add(indicator, "/api/v1/plans/" + plan + "/indicators/" + indicator);
        String report = AccessMatrixTest.report(reporter, indicator, false).path("id");
        made.add(report, "/api/v1/reports/" + report);
        List<Map<String, Object>> periods = Api.json().get("/api/v1/plans/" + plan + "/periods").then().statusCode(200).extract()
                .jsonPath().getList("$");
        for (Map<String, Object> p : periods.subList(0, Math.min(2, periods.size()))) {
            made.add((String) p.get("id"), "/api/v1/plans/" + plan + "/periods/" + p.get("key"));
        }
        evidence(made, reporter, List.of(report));
        evidence(made, reporter, List.of());
        if (secondUnit != null) {
            // The demo reporters: one of the centre, one of the police, both seeing the commune's reports.
            String gone = evidence(made, Api.token("reporter"), List.of());
            Api.as("reporter").header("If-Match", "\"0\"").delete("/api/v1/evidence/" + gone).then().statusCode(204);
            made.deleted.add(gone);
            String policeIndicator = AccessMatrixTest.indicator(plan, group, secondUnit);
            made.add(policeIndicator, "/api/v1/plans/" + plan + "/indicators/" + policeIndicator);
            String theirs = AccessMatrixTest.report(Api.token("reporter2"), policeIndicator, false).path("id");
            made.add(theirs, "/api/v1/reports/" + theirs);
            evidence(made, Api.token("reporter2"), List.of(theirs));
            evidence(made, Api.token("reporter2"), List.of());
        }
    }

    /** Evidence with its own title, file name and content, attached to the reports given. */
    private static String evidence(Made made, String token, List<String> reports) {
        String tag = java.util.UUID.randomUUID().toString().substring(0, 8);
        String title = "Biên bản " + tag;
        String fileName = "bien-ban-" + tag + ".pdf";
        byte[] content = EvidenceTest.pdf();
        RequestSpecification r = given().header("Authorization", "Bearer " + token).accept(ContentType.JSON)
                .multiPart("file", fileName, content, "application/pdf")
                .multiPart(new io.restassured.builder.MultiPartSpecBuilder(title).controlName("title").charset(StandardCharsets.UTF_8).build());
        for (String report : reports) {
            r.multiPart("reportId", report);
        }
        String id = r.post("/api/v1/evidence").then().statusCode(201).extract().path("id");
        made.evidenceSecrets.put(id, List.of(title, fileName, EvidenceTest.sha256(content)));
        made.getPath.put(id, "/api/v1/evidence/" + id);
        return id;
    }

    private static String phuLamCoordinator() {
        Map<String, Object> body = AccessMatrixTest.userBody(Api.unitId("DNAI.PHULAM"));
        body.put("roles", List.of("COMMUNE_COORDINATOR"));
        Api.json().body(body).post("/api/v1/users").then().statusCode(201);
        return Api.signIn((String) body.get("username"), "Kiem@Thu2026");
    }

    // ---- reading the trail ----

    private static void readFeed(Who who, String cursor, Map<String, String> revealed, StringBuilder payloads) {
        boolean more = true;
        while (more) {
            JsonPath page = who.request().queryParam("after", cursor).queryParam("limit", 1000).get("/api/v1/changes").then().statusCode(200)
                    .extract().jsonPath();
            for (Map<String, Object> item : page.<Map<String, Object>>getList("items")) {
                String id = (String) item.get("id");
                revealed.putIfAbsent(id, "the feed (" + item.get("type") + ")");
                revealed.putIfAbsent("feed:" + id, "");
                payloads.append(item.get("changes")).append('\n');
            }
            cursor = page.getString("next");
            more = page.getBoolean("hasMore");
        }
    }

    private static void readAudit(Who who, OffsetDateTime since, Map<String, String> revealed, StringBuilder payloads) {
        for (int page = 0; ; page++) {
            JsonPath p = who.request().queryParam("from", since.toString()).queryParam("size", 200).queryParam("page", page)
                    .get("/api/v1/audit-events").then().statusCode(200).extract().jsonPath();
            for (Map<String, Object> item : p.<Map<String, Object>>getList("items")) {
                String id = (String) item.get("objectId");
                if (id != null) {
                    revealed.putIfAbsent(id, "the audit trail (" + item.get("objectType") + ")");
                }
                payloads.append(item.get("changes")).append('\n');
            }
            if ((page + 1) * 200 >= p.getInt("totalItems")) {
                return;
            }
        }
    }

    /** Objects the change feed carries (accounts and units are the audit trail's only). */
    private static boolean feedType(String getPath) {
        return getPath.startsWith("/api/v1/plans/") || getPath.startsWith("/api/v1/reports/") || getPath.startsWith("/api/v1/evidence/");
    }
}
