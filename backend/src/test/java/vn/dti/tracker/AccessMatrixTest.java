package vn.dti.tracker;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Every operation of the committed contract, called by every role (and by nobody), on objects in
 * three places: the commune of the commune accounts (Xuân Lộc), a sibling commune (Phú Lâm) and
 * another province. Each answer is checked exactly: status, problem code family, list contents,
 * and for refused writes that the stored object did not change. An operation added to the
 * contract without a case here fails the test.
 */
@QuarkusTest
class AccessMatrixTest {

    /** Where the object lives. */
    enum Scope { XUAN_LOC, PHU_LAM, OTHER_PROVINCE }

    static final List<String> ROLES = List.of("anonymous", "admin", "province", "commune", "reporter", "reporter2", "viewer", "service");

    /** How an operation is guarded; the expected answer follows from the rule, the role and the scope. */
    enum Rule {
        /** Anyone, signed in or not. */
        PUBLIC,
        /** Any signed-in caller; nothing scoped. */
        SIGNED_IN,
        /** Any signed-in person (not a service account). */
        PERSON,
        /** Read one object: 404 outside the read scope. */
        READ_ONE,
        /** Read a list: always 200, the object is listed only inside the read scope. */
        READ_LIST,
        /** Read a list filtered by an id of the scope: 404 outside the read scope, as for an unknown id; listed inside. */
        READ_FILTERED,
        /** Change an object: 403 for roles that never write, 404 outside the read scope, 403 outside the managed scope. */
        WRITE,
        /** Create with a unit named in the body: 403 for roles that never write, 400 (unknown id) outside the read scope. */
        CREATE,
        /** Administrators only. */
        ADMIN_ONLY,
        /** Accounts: 403 for roles that do not manage accounts, 404 outside the managed subtree. */
        MANAGED_ONE,
        /** Account and audit lists: 403 for roles that do not manage, listed only inside the managed subtree. */
        MANAGED_LIST,
        /** Start a report of a unit that is none of the callers': 403 for roles that never report, 400 (unknown item) outside the read scope, else 403 (not your unit). */
        REPORT_CREATE,
        /** Change a report of a unit that is none of the callers': 403 for roles that never report, 404 outside the read scope, else 403. */
        REPORT_WRITE,
        /** Put evidence on record for one's own unit: the people of reporting units, wherever the scope. */
        REPORTING_PERSON
    }

    /** A multipart upload of one file, sent in place of a JSON body. */
    record Upload(String fileName, byte[] content) {
    }

    /** A file sent as the request body itself. */
    record RawBody(byte[] content) {
    }

    record Call(String method, String path, Object body, Map<String, String> form, String ifMatch, String token, String probe) {
        static Call get(String path) {
            return new Call("GET", path, null, null, null, null, null);
        }

        static Call send(String method, String path, Object body, String ifMatch, String probe) {
            return new Call(method, path, body, null, ifMatch, null, probe);
        }

        Call withToken(String token) {
            return new Call(method, path, body, form, ifMatch, token, probe);
        }
    }

    /** An operation's rule, its success status, and how to call it; {@code fresh} asks for an object the call may change. */
    record Case(Rule rule, int ok, CallFactory call, BiFunction<Scope, JsonPath, Boolean> listed) {
    }

    @FunctionalInterface
    interface CallFactory {
        Call make(String role, Scope scope, boolean fresh);
    }

    /** Objects made once per scope, read by every role. */
    record Fixture(String root, String unit, String plan, String indicatorGroup, String taskGroup, String indicator, String task,
            String user, String username, String serviceAccount, String clientId, String reporterToken, String report, String draftReport,
            String evidence) {
    }

    static Map<Scope, Fixture> fixtures;
    static String frameworkId;

    static boolean reads(String role, Scope scope) {
        return switch (role) {
            case "admin" -> true;
            case "province", "service" -> scope != Scope.OTHER_PROVINCE;
            case "commune", "reporter", "reporter2", "viewer" -> scope == Scope.XUAN_LOC;
            default -> false;
        };
    }

    static boolean manages(String role, Scope scope) {
        return switch (role) {
            case "admin" -> true;
            case "province" -> scope != Scope.OTHER_PROVINCE;
            case "commune" -> scope == Scope.XUAN_LOC;
            default -> false;
        };
    }

    /** Roles whose holders write their own unit's reports. */
    static boolean reporter(String role) {
        return role.equals("province") || role.equals("commune") || role.equals("reporter") || role.equals("reporter2");
    }

    static boolean writer(String role) {
        return role.equals("admin") || role.equals("province") || role.equals("commune");
    }

    static int expected(Rule rule, int ok, String role, Scope scope) {
        if (role.equals("anonymous")) {
            return rule == Rule.PUBLIC ? ok : 401;
        }
        return switch (rule) {
            case PUBLIC, SIGNED_IN, READ_LIST -> ok;
            case PERSON -> role.equals("service") ? 403 : ok;
            case READ_ONE, READ_FILTERED -> reads(role, scope) ? ok : 404;
            case WRITE -> !writer(role) ? 403 : !reads(role, scope) ? 404 : manages(role, scope) ? ok : 403;
            case CREATE -> !writer(role) ? 403 : !reads(role, scope) ? 400 : manages(role, scope) ? ok : 403;
            case ADMIN_ONLY -> role.equals("admin") ? ok : 403;
            case MANAGED_ONE -> !writer(role) ? 403 : manages(role, scope) ? ok : 404;
            case MANAGED_LIST -> !writer(role) ? 403 : ok;
            case REPORT_CREATE -> !reporter(role) ? 403 : !reads(role, scope) ? 400 : 403;
            case REPORT_WRITE -> !reporter(role) ? 403 : !reads(role, scope) ? 404 : 403;
            case REPORTING_PERSON -> reporter(role) ? ok : 403;
        };
    }

    static boolean listedFor(Rule rule, String role, Scope scope) {
        return rule == Rule.MANAGED_LIST ? manages(role, scope) : reads(role, scope);
    }

    // ---- fixtures, made by the administrator ----

    static String code(String prefix) {
        return Api.code(prefix);
    }

    static String unit(String parent) {
        return Api.createUnit(code("ACC"), "Đơn vị kiểm thử", "OFFICE", parent);
    }

    /** An issued plan: its units report on it. */
    static String plan(String issuer) {
        return Api.createPlan(Api.issued(Api.planBody(code("ACCPLAN"), issuer, 2026, 2030)));
    }

    static String draftPlan(String issuer) {
        return Api.createPlan(Api.planBody(code("ACCPLAN"), issuer, 2026, 2030));
    }

    static String indicator(String plan, String group, String lead) {
        return Api.json().body(Api.indicatorBody(code("I"), group, lead, List.of(Api.target(2026, "PERCENT", "GE", 80, "≥ 80%"))))
                .post("/api/v1/plans/" + plan + "/indicators").then().statusCode(201).extract().path("id");
    }

    static Map<String, Object> taskBody(String group, String lead) {
        Map<String, Object> task = new HashMap<>();
        task.put("code", code("T"));
        task.put("groupId", group);
        task.put("order", 1);
        task.put("description", "Tuyên truyền, hướng dẫn người dân sử dụng dịch vụ công trực tuyến");
        task.put("leadUnitIds", List.of(lead));
        task.put("timeframe", Map.of("kind", "YEAR", "startYear", 2026, "endYear", 2026));
        return task;
    }

    static String task(String plan, String group, String lead) {
        return Api.json().body(taskBody(group, lead)).post("/api/v1/plans/" + plan + "/tasks").then().statusCode(201).extract().path("id");
    }

    static Map<String, Object> userBody(String unit) {
        Map<String, Object> user = new HashMap<>();
        user.put("username", "u-" + UUID.randomUUID().toString().substring(0, 12));
        user.put("fullName", "Người dùng kiểm thử");
        user.put("orgUnitId", unit);
        user.put("roles", List.of("VIEWER"));
        user.put("password", "Kiem@Thu2026");
        return user;
    }

    static String user(String unit) {
        return Api.json().body(userBody(unit)).post("/api/v1/users").then().statusCode(201).extract().path("id");
    }

    static String username(String id) {
        return Api.json().get("/api/v1/users/" + id).then().statusCode(200).extract().path("username");
    }

    static String clientId(String id) {
        return Api.json().get("/api/v1/service-accounts/" + id).then().statusCode(200).extract().path("clientId");
    }

    static Map<String, Object> serviceAccountBody(String unit) {
        return Map.of("clientId", "sa-" + UUID.randomUUID().toString().substring(0, 12), "name", "Hệ thống kiểm thử", "orgUnitId", unit);
    }

    static String serviceAccount(String unit) {
        return Api.json().body(serviceAccountBody(unit)).post("/api/v1/service-accounts").then().statusCode(201).extract().path("account.id");
    }

    /** A reporter account of the unit, signed in. */
    static String reporterOf(String unit) {
        Map<String, Object> body = userBody(unit);
        body.put("roles", List.of("UNIT_REPORTER"));
        Api.json().body(body).post("/api/v1/users").then().statusCode(201);
        return Api.signIn((String) body.get("username"), "Kiem@Thu2026");
    }

    /** A report of the indicator's lead unit for January 2026, submitted when asked. */
    static Response report(String reporterToken, String indicator, boolean submit) {
        Response draft = given().contentType(ContentType.JSON).header("Authorization", "Bearer " + reporterToken)
                .body(Map.of("periodKey", "2026-01", "indicatorId", indicator, "value", Map.of("number", 50))).post("/api/v1/reports");
        draft.then().statusCode(201);
        if (!submit) {
            return draft;
        }
        Response submitted = given().header("Authorization", "Bearer " + reporterToken).header("If-Match", draft.getHeader("ETag"))
                .post("/api/v1/reports/" + draft.path("id") + "/submit");
        submitted.then().statusCode(200);
        return submitted;
    }

    /** A submitted report on a new indicator of the scope's plan, or an accepted one; the case may change it. */
    static Response freshReport(Scope s, boolean accepted) {
        Response submitted = report(f(s).reporterToken(), indicator(f(s).plan(), f(s).indicatorGroup(), f(s).unit()), true);
        if (!accepted) {
            return submitted;
        }
        Response done = Api.json().header("If-Match", submitted.getHeader("ETag")).body(Map.of())
                .post("/api/v1/reports/" + submitted.path("id") + "/accept");
        done.then().statusCode(200);
        return done;
    }

    static Call review(Scope s, boolean fresh, String action, boolean accepted, Object body) {
        String id = f(s).report();
        String tag = "\"1\"";
        if (fresh) {
            Response r = freshReport(s, accepted);
            id = r.path("id");
            tag = r.getHeader("ETag");
        }
        return Call.send("POST", "/api/v1/reports/" + id + "/" + action, body, tag, "/api/v1/reports/" + id);
    }

    static Map<Scope, Fixture> fixtures() {
        if (fixtures == null) {
            Map<Scope, String> roots = Map.of(Scope.XUAN_LOC, Api.unitId("DNAI.XUANLOC"), Scope.PHU_LAM, Api.unitId("DNAI.PHULAM"),
                    Scope.OTHER_PROVINCE, Api.unitId("BINHPHUOC-CU"));
            Map<Scope, Fixture> made = new LinkedHashMap<>();
            for (Scope scope : Scope.values()) {
                String root = roots.get(scope);
                String unit = unit(root);
                String plan = plan(root);
                String indicatorGroup = Api.createGroup(plan, "INDICATOR", "I");
                String taskGroup = Api.createGroup(plan, "TASK", "III");
                String user = user(unit);
                String account = serviceAccount(unit);
                String indicator = indicator(plan, indicatorGroup, unit);
                String reporterToken = reporterOf(unit);
                String report = report(reporterToken, indicator, true).path("id");
                String draftReport = report(reporterToken, indicator(plan, indicatorGroup, unit), false).path("id");
                String evidence = given().header("Authorization", "Bearer " + reporterToken).accept(ContentType.JSON)
                        .multiPart("file", "bien-ban.pdf", EvidenceTest.pdf(), "application/pdf").multiPart("reportId", draftReport)
                        .post("/api/v1/evidence").then().statusCode(201).extract().path("id");
                made.put(scope, new Fixture(root, unit, plan, indicatorGroup, taskGroup, indicator, task(plan, taskGroup, unit), user,
                        username(user), account, clientId(account), reporterToken, report, draftReport, evidence));
            }
            frameworkId = Api.json().get("/api/v1/dti-frameworks").then().statusCode(200).extract().path("items[0].id");
            fixtures = made;
        }
        return fixtures;
    }

    private static final Map<String, String> INTAKE_JOBS = new java.util.concurrent.ConcurrentHashMap<>();

    /** A scan's reading started by {@code role}, once. */
    static String intakeJob(String role) {
        return INTAKE_JOBS.computeIfAbsent(role, r -> Api.as(r).contentType("image/png").body(PlanIntakeTest.blankPage())
                .post("/api/v1/plan-intakes").then().statusCode(202).extract().path("id"));
    }

    static Fixture f(Scope scope) {
        return fixtures().get(scope);
    }

    // ---- the cases, one per operation of the contract ----

    static Map<String, Case> cases() {
        Map<String, Case> c = new HashMap<>();
        BiFunction<Scope, JsonPath, Boolean> none = null;

        // Sign-in
        c.put("createToken", new Case(Rule.PUBLIC, 200, (role, s, fresh) -> new Call("POST", "/api/v1/auth/token", null,
                Map.of("grant_type", "password", "username", "viewer", "password", Api.DEMO_PASSWORD), null, null, null), none));
        c.put("signOut", new Case(Rule.PUBLIC, 204, (role, s, fresh) -> new Call("POST", "/api/v1/auth/sign-out", null,
                Map.of("refresh_token", "not-a-token"), null, null, null), none));
        c.put("getMe", new Case(Rule.SIGNED_IN, 200, (role, s, fresh) -> Call.get("/api/v1/me"), none));
        c.put("changeMyPassword", new Case(Rule.PERSON, 204, (role, s, fresh) -> {
            Call call = Call.send("PUT", "/api/v1/me/password", Map.of("currentPassword", "Kiem@Thu2026", "newPassword", "Moi@Kiem2026"),
                    null, null);
            if (!fresh || role.equals("anonymous") || role.equals("service")) {
                return call;
            }
            // A throwaway account of the same role, so that no demo password changes.
            Map<String, Object> body = userBody(role.equals("province") ? Api.unitId("DNAI.SKHCN") : f(Scope.XUAN_LOC).unit());
            body.put("roles", List.of(switch (role) {
                case "admin" -> "ADMIN";
                case "province" -> "PROVINCE_COORDINATOR";
                case "commune" -> "COMMUNE_COORDINATOR";
                case "viewer" -> "VIEWER";
                default -> "UNIT_REPORTER";
            }));
            Api.json().body(body).post("/api/v1/users").then().statusCode(201);
            return call.withToken(Api.signIn((String) body.get("username"), "Kiem@Thu2026"));
        }, none));

        // Org units and their DTI ranks
        c.put("listOrgUnits", new Case(Rule.READ_FILTERED, 200, (role, s, fresh) -> Call.get("/api/v1/org-units?size=200&parentId=" + f(s).root()),
                (s, json) -> json.getList("items.id").contains(f(s).unit())));
        c.put("getOrgUnit", new Case(Rule.READ_ONE, 200, (role, s, fresh) -> Call.get("/api/v1/org-units/" + f(s).unit()), none));
        c.put("createOrgUnit", new Case(Rule.CREATE, 201, (role, s, fresh) -> Call.send("POST", "/api/v1/org-units",
                Map.of("code", code("NEW"), "name", "Tổ công nghệ số cộng đồng", "kind", "COMMUNITY_TECH_TEAM", "parentId", f(s).root()),
                null, null), none));
        c.put("updateOrgUnit", new Case(Rule.WRITE, 200, (role, s, fresh) -> {
            String id = fresh ? unit(f(s).root()) : f(s).unit();
            return Call.send("PUT", "/api/v1/org-units/" + id, Map.of("name", "Đơn vị đã đổi tên", "kind", "OFFICE", "parentId", f(s).root(),
                    "active", true), "\"0\"", "/api/v1/org-units/" + id);
        }, none));
        c.put("updateOrgUnitAliases", new Case(Rule.WRITE, 200, (role, s, fresh) -> {
            String id = fresh ? unit(f(s).root()) : f(s).unit();
            return Call.send("PUT", "/api/v1/org-units/" + id + "/aliases", Map.of("aliases", List.of("Tên gọi khác")), "\"0\"",
                    "/api/v1/org-units/" + id);
        }, none));
        c.put("deleteOrgUnit", new Case(Rule.WRITE, 204, (role, s, fresh) -> {
            String id = fresh ? unit(f(s).root()) : f(s).unit();
            return Call.send("DELETE", "/api/v1/org-units/" + id, null, "\"0\"", "/api/v1/org-units/" + id);
        }, none));
        c.put("getDtiRanking", new Case(Rule.READ_ONE, 200, (role, s, fresh) -> Call.get("/api/v1/org-units/" + f(s).unit() + "/dti-ranking"), none));
        c.put("replaceDtiTargets", new Case(Rule.WRITE, 200, (role, s, fresh) -> {
            String id = fresh ? unit(f(s).root()) : f(s).unit();
            return Call.send("PUT", "/api/v1/org-units/" + id + "/dti-targets", Map.of("frameworkId", frameworkId, "targets",
                    List.of(Map.of("year", 2026, "comparator", "LE", "rank", 10, "outOf", 100))), RankingTest.rankingTag(id, frameworkId),
                    "/api/v1/org-units/" + id + "/dti-ranking");
        }, none));
        c.put("replaceDtiResults", new Case(Rule.WRITE, 200, (role, s, fresh) -> {
            String id = fresh ? unit(f(s).root()) : f(s).unit();
            return Call.send("PUT", "/api/v1/org-units/" + id + "/dti-results/2025", Map.of("frameworkId", frameworkId, "results",
                    List.of(Map.of("rank", 12, "outOf", 100))), RankingTest.rankingTag(id, frameworkId), "/api/v1/org-units/" + id + "/dti-ranking");
        }, none));

        // DTI frameworks: the ministry's, recorded by administrators
        c.put("listDtiFrameworks", new Case(Rule.SIGNED_IN, 200, (role, s, fresh) -> Call.get("/api/v1/dti-frameworks"), none));
        c.put("getDtiFramework", new Case(Rule.SIGNED_IN, 200, (role, s, fresh) -> Call.get("/api/v1/dti-frameworks/" + frameworkId), none));
        c.put("createDtiFramework", new Case(Rule.ADMIN_ONLY, 201, (role, s, fresh) -> Call.send("POST", "/api/v1/dti-frameworks",
                framework(code("FW")), null, null), none));
        c.put("updateDtiFramework", new Case(Rule.ADMIN_ONLY, 200, (role, s, fresh) -> {
            String fwCode = code("FW");
            String id = Api.json().body(framework(fwCode)).post("/api/v1/dti-frameworks").then().statusCode(201).extract().path("id");
            return Call.send("PUT", "/api/v1/dti-frameworks/" + id, framework(fwCode), "\"0\"", "/api/v1/dti-frameworks/" + id);
        }, none));

        // Plans and their content
        c.put("listPlans", new Case(Rule.READ_FILTERED, 200, (role, s, fresh) -> Call.get("/api/v1/plans?size=200&issuingUnitId=" + f(s).root()),
                (s, json) -> json.getList("items.id").contains(f(s).plan())));
        c.put("getPlan", new Case(Rule.READ_ONE, 200, (role, s, fresh) -> Call.get("/api/v1/plans/" + f(s).plan()), none));
        c.put("exportPlanBundle", new Case(Rule.READ_ONE, 200, (role, s, fresh) -> Call.get("/api/v1/plans/" + f(s).plan() + "/bundle"), none));
        c.put("createPlan", new Case(Rule.CREATE, 201, (role, s, fresh) -> Call.send("POST", "/api/v1/plans",
                Api.planBody(code("NEWPLAN"), f(s).root(), 2026, 2026), null, null), none));
        c.put("updatePlan", new Case(Rule.WRITE, 200, (role, s, fresh) -> {
            String id = fresh ? draftPlan(f(s).root()) : f(s).plan();
            Map<String, Object> body = Api.planBody("IGNORED", f(s).root(), 2026, 2030);
            body.remove("code");
            body.put("title", "Kế hoạch đã sửa");
            body.put("status", "DRAFT");
            return Call.send("PUT", "/api/v1/plans/" + id, body, "\"0\"", "/api/v1/plans/" + id);
        }, none));
        c.put("deletePlan", new Case(Rule.WRITE, 204, (role, s, fresh) -> {
            String id = fresh ? draftPlan(f(s).root()) : f(s).plan();
            return Call.send("DELETE", "/api/v1/plans/" + id, null, "\"0\"", "/api/v1/plans/" + id);
        }, none));
        c.put("importPlanBundle", new Case(Rule.CREATE, 200, (role, s, fresh) -> {
            Map<String, Object> bundle = Api.json().get("/api/v1/plans/" + f(s).plan() + "/bundle").then().statusCode(200).extract().as(Map.class);
            @SuppressWarnings("unchecked")
            Map<String, Object> planPart = (Map<String, Object>) bundle.get("plan");
            planPart.put("code", code("IMPORTED"));
            return Call.send("POST", "/api/v1/plan-bundles", bundle, null, null);
        }, none));
        c.put("listPlanGroups", new Case(Rule.READ_ONE, 200, (role, s, fresh) -> Call.get("/api/v1/plans/" + f(s).plan() + "/groups"), none));
        c.put("createPlanGroup", new Case(Rule.WRITE, 201, (role, s, fresh) -> Call.send("POST", "/api/v1/plans/" + f(s).plan() + "/groups",
                Map.of("kind", "TASK", "code", code("G"), "name", "Nhóm mới", "order", 2), null, "/api/v1/plans/" + f(s).plan() + "/groups"), none));
        c.put("updatePlanGroup", new Case(Rule.WRITE, 200, (role, s, fresh) -> {
            String group = fresh ? Api.createGroup(f(s).plan(), "TASK", code("G")) : f(s).taskGroup();
            return Call.send("PUT", "/api/v1/plans/" + f(s).plan() + "/groups/" + group,
                    Map.of("kind", "TASK", "code", code("G"), "name", "Nhóm đã sửa", "order", 3), "\"0\"", "/api/v1/plans/" + f(s).plan() + "/groups");
        }, none));
        c.put("deletePlanGroup", new Case(Rule.WRITE, 204, (role, s, fresh) -> {
            String group = fresh ? Api.createGroup(f(s).plan(), "TASK", code("G")) : f(s).taskGroup();
            return Call.send("DELETE", "/api/v1/plans/" + f(s).plan() + "/groups/" + group, null, "\"0\"",
                    "/api/v1/plans/" + f(s).plan() + "/groups");
        }, none));
        c.put("listIndicators", new Case(Rule.READ_ONE, 200, (role, s, fresh) -> Call.get("/api/v1/plans/" + f(s).plan() + "/indicators"), none));
        c.put("getIndicator", new Case(Rule.READ_ONE, 200, (role, s, fresh) ->
                Call.get("/api/v1/plans/" + f(s).plan() + "/indicators/" + f(s).indicator()), none));
        c.put("createIndicator", new Case(Rule.WRITE, 201, (role, s, fresh) -> Call.send("POST", "/api/v1/plans/" + f(s).plan() + "/indicators",
                Api.indicatorBody(code("I"), f(s).indicatorGroup(), f(s).unit(), List.of()), null, "/api/v1/plans/" + f(s).plan() + "/indicators"), none));
        c.put("updateIndicator", new Case(Rule.WRITE, 200, (role, s, fresh) -> {
            String id = fresh ? indicator(f(s).plan(), f(s).indicatorGroup(), f(s).unit()) : f(s).indicator();
            String path = "/api/v1/plans/" + f(s).plan() + "/indicators/" + id;
            return Call.send("PUT", path, Api.indicatorBody(code("I"), f(s).indicatorGroup(), f(s).unit(), List.of()), "\"0\"", path);
        }, none));
        c.put("deleteIndicator", new Case(Rule.WRITE, 204, (role, s, fresh) -> {
            String id = fresh ? indicator(f(s).plan(), f(s).indicatorGroup(), f(s).unit()) : f(s).indicator();
            String path = "/api/v1/plans/" + f(s).plan() + "/indicators/" + id;
            return Call.send("DELETE", path, null, "\"0\"", path);
        }, none));
        c.put("listTasks", new Case(Rule.READ_ONE, 200, (role, s, fresh) -> Call.get("/api/v1/plans/" + f(s).plan() + "/tasks"), none));
        c.put("getTask", new Case(Rule.READ_ONE, 200, (role, s, fresh) -> Call.get("/api/v1/plans/" + f(s).plan() + "/tasks/" + f(s).task()), none));
        c.put("createTask", new Case(Rule.WRITE, 201, (role, s, fresh) -> Call.send("POST", "/api/v1/plans/" + f(s).plan() + "/tasks",
                taskBody(f(s).taskGroup(), f(s).unit()), null, "/api/v1/plans/" + f(s).plan() + "/tasks"), none));
        c.put("updateTask", new Case(Rule.WRITE, 200, (role, s, fresh) -> {
            String id = fresh ? task(f(s).plan(), f(s).taskGroup(), f(s).unit()) : f(s).task();
            String path = "/api/v1/plans/" + f(s).plan() + "/tasks/" + id;
            return Call.send("PUT", path, taskBody(f(s).taskGroup(), f(s).unit()), "\"0\"", path);
        }, none));
        c.put("deleteTask", new Case(Rule.WRITE, 204, (role, s, fresh) -> {
            String id = fresh ? task(f(s).plan(), f(s).taskGroup(), f(s).unit()) : f(s).task();
            String path = "/api/v1/plans/" + f(s).plan() + "/tasks/" + id;
            return Call.send("DELETE", path, null, "\"0\"", path);
        }, none));

        // Accounts
        c.put("listUsers", new Case(Rule.MANAGED_LIST, 200, (role, s, fresh) -> Call.get("/api/v1/users?q=" + f(s).username()),
                (s, json) -> json.getList("items.id").contains(f(s).user())));
        c.put("getUser", new Case(Rule.MANAGED_ONE, 200, (role, s, fresh) -> Call.get("/api/v1/users/" + f(s).user()), none));
        c.put("createUser", new Case(Rule.CREATE, 201, (role, s, fresh) -> Call.send("POST", "/api/v1/users", userBody(f(s).unit()), null, null), none));
        c.put("updateUser", new Case(Rule.MANAGED_ONE, 200, (role, s, fresh) -> {
            String id = fresh ? user(f(s).unit()) : f(s).user();
            return Call.send("PUT", "/api/v1/users/" + id, Map.of("fullName", "Tên đã sửa", "orgUnitId", f(s).unit(), "roles", List.of("VIEWER"),
                    "active", true), "\"0\"", "/api/v1/users/" + id);
        }, none));
        c.put("resetUserPassword", new Case(Rule.MANAGED_ONE, 200, (role, s, fresh) -> {
            String id = fresh ? user(f(s).unit()) : f(s).user();
            return Call.send("PUT", "/api/v1/users/" + id + "/password", Map.of("newPassword", "Dat@Lai2026"), "\"0\"", "/api/v1/users/" + id);
        }, none));
        c.put("listServiceAccounts", new Case(Rule.MANAGED_LIST, 200, (role, s, fresh) -> Call.get("/api/v1/service-accounts?q=" + f(s).clientId()),
                (s, json) -> json.getList("items.id").contains(f(s).serviceAccount())));
        c.put("getServiceAccount", new Case(Rule.MANAGED_ONE, 200, (role, s, fresh) -> Call.get("/api/v1/service-accounts/" + f(s).serviceAccount()), none));
        c.put("createServiceAccount", new Case(Rule.CREATE, 201, (role, s, fresh) -> Call.send("POST", "/api/v1/service-accounts",
                serviceAccountBody(f(s).unit()), null, null), none));
        c.put("updateServiceAccount", new Case(Rule.MANAGED_ONE, 200, (role, s, fresh) -> {
            String id = fresh ? serviceAccount(f(s).unit()) : f(s).serviceAccount();
            return Call.send("PUT", "/api/v1/service-accounts/" + id, Map.of("name", "Tên đã sửa", "orgUnitId", f(s).unit(), "active", true),
                    "\"0\"", "/api/v1/service-accounts/" + id);
        }, none));
        c.put("rotateServiceAccountSecret", new Case(Rule.MANAGED_ONE, 200, (role, s, fresh) -> {
            String id = fresh ? serviceAccount(f(s).unit()) : f(s).serviceAccount();
            return Call.send("POST", "/api/v1/service-accounts/" + id + "/secret", null, "\"0\"", "/api/v1/service-accounts/" + id);
        }, none));

        // Reporting: periods, reports and their review, what is due, consolidation
        c.put("listPeriods", new Case(Rule.READ_ONE, 200, (role, s, fresh) -> Call.get("/api/v1/plans/" + f(s).plan() + "/periods"), none));
        c.put("getPeriod", new Case(Rule.READ_ONE, 200, (role, s, fresh) -> Call.get("/api/v1/plans/" + f(s).plan() + "/periods/2026-01"), none));
        c.put("getConsolidatedReport", new Case(Rule.READ_ONE, 200, (role, s, fresh) ->
                Call.get("/api/v1/plans/" + f(s).plan() + "/periods/2026-01/consolidated"), none));
        c.put("getPlanOverview", new Case(Rule.READ_ONE, 200, (role, s, fresh) ->
                Call.get("/api/v1/plans/" + f(s).plan() + "/periods/2026-01/overview"), none));
        c.put("getPeriodSummary", new Case(Rule.READ_ONE, 200, (role, s, fresh) ->
                Call.get("/api/v1/plans/" + f(s).plan() + "/periods/2026-01/summary"), none));
        c.put("listPeriodCommunes", new Case(Rule.READ_ONE, 200, (role, s, fresh) ->
                Call.get("/api/v1/plans/" + f(s).plan() + "/periods/2026-01/communes"), none));
        c.put("sendUpPeriod", new Case(Rule.WRITE, 200, (role, s, fresh) -> {
            String plan = fresh ? plan(f(s).root()) : f(s).plan();
            String path = "/api/v1/plans/" + plan + "/periods/2026-12";
            return Call.send("POST", path + "/send-up", Map.of("note", "Đã gửi"), "\"0\"", path);
        }, none));
        c.put("listAssignments", new Case(Rule.READ_FILTERED, 200, (role, s, fresh) ->
                Call.get("/api/v1/assignments?periodKey=2026-01&planId=" + f(s).plan()), (s, json) -> !json.getList("items").isEmpty()));
        c.put("listReports", new Case(Rule.READ_FILTERED, 200, (role, s, fresh) -> Call.get("/api/v1/reports?planId=" + f(s).plan()),
                (s, json) -> json.getList("items.id").contains(f(s).report())));
        c.put("getReviewQueue", new Case(Rule.READ_FILTERED, 200, (role, s, fresh) ->
                Call.get("/api/v1/review-queue?state=DRAFT&planId=" + f(s).plan()), (s, json) -> json.getList("items.id").contains(f(s).draftReport())));
        c.put("getReport", new Case(Rule.READ_ONE, 200, (role, s, fresh) -> Call.get("/api/v1/reports/" + f(s).report()), none));
        c.put("getReportHistory", new Case(Rule.READ_ONE, 200, (role, s, fresh) -> Call.get("/api/v1/reports/" + f(s).report() + "/history"), none));
        c.put("createReport", new Case(Rule.REPORT_CREATE, 201, (role, s, fresh) -> Call.send("POST", "/api/v1/reports",
                Map.of("periodKey", "2026-02", "indicatorId", f(s).indicator(), "unitId", f(s).unit(), "value", Map.of("number", 10)), null,
                null), none));
        c.put("updateReport", new Case(Rule.REPORT_WRITE, 200, (role, s, fresh) -> Call.send("PUT", "/api/v1/reports/" + f(s).report(),
                Map.of("value", Map.of("number", 99)), "\"1\"", "/api/v1/reports/" + f(s).report()), none));
        c.put("submitReport", new Case(Rule.REPORT_WRITE, 200, (role, s, fresh) -> Call.send("POST", "/api/v1/reports/" + f(s).report()
                + "/submit", null, "\"1\"", "/api/v1/reports/" + f(s).report()), none));
        c.put("acceptReport", new Case(Rule.WRITE, 200, (role, s, fresh) -> review(s, fresh, "accept", false, Map.of()), none));
        c.put("returnReport", new Case(Rule.WRITE, 200, (role, s, fresh) -> review(s, fresh, "return", false,
                Map.of("comment", "Bổ sung tài liệu kiểm chứng")), none));
        c.put("reopenReport", new Case(Rule.WRITE, 200, (role, s, fresh) -> review(s, fresh, "reopen", true,
                Map.of("comment", "Rà soát lại số liệu")), none));

        // Evidence: read with the reports it is attached to, written by the people of its unit
        c.put("uploadEvidence", new Case(Rule.REPORTING_PERSON, 201, (role, s, fresh) -> Call.send("POST", "/api/v1/evidence",
                new Upload("Quyết định.pdf", EvidenceTest.pdf()), null, null), none));
        c.put("streamEvidence", new Case(Rule.REPORTING_PERSON, 201, (role, s, fresh) -> Call.send("POST",
                "/api/v1/evidence/stream?fileName=QD.pdf", new RawBody(EvidenceTest.pdf()), null, null), none));
        c.put("createEvidenceLink", new Case(Rule.REPORTING_PERSON, 201, (role, s, fresh) -> Call.send("POST", "/api/v1/evidence/links",
                Map.of("url", "https://dongnai.gov.vn/van-ban/1", "title", "Văn bản"), null, null), none));
        c.put("listEvidence", new Case(Rule.READ_FILTERED, 200, (role, s, fresh) -> Call.get("/api/v1/evidence?unitId=" + f(s).unit()),
                (s, json) -> json.getList("items.id").contains(f(s).evidence())));
        c.put("getEvidence", new Case(Rule.READ_ONE, 200, (role, s, fresh) -> Call.get("/api/v1/evidence/" + f(s).evidence()), none));
        c.put("downloadEvidence", new Case(Rule.READ_ONE, 200, (role, s, fresh) -> Call.get("/api/v1/evidence/" + f(s).evidence() + "/content"), none));
        c.put("updateEvidence", new Case(Rule.REPORT_WRITE, 200, (role, s, fresh) -> Call.send("PUT", "/api/v1/evidence/" + f(s).evidence(),
                Map.of("title", "Tên mới"), "\"0\"", "/api/v1/evidence/" + f(s).evidence()), none));
        c.put("deleteEvidence", new Case(Rule.REPORT_WRITE, 204, (role, s, fresh) -> Call.send("DELETE", "/api/v1/evidence/" + f(s).evidence(),
                null, "\"0\"", "/api/v1/evidence/" + f(s).evidence()), none));
        c.put("attachEvidence", new Case(Rule.REPORT_WRITE, 200, (role, s, fresh) -> Call.send("POST",
                "/api/v1/reports/" + f(s).draftReport() + "/evidence", Map.of("evidenceId", f(s).evidence()), EvidenceTest.reportTag(f(s).draftReport()),
                "/api/v1/evidence/" + f(s).evidence()), none));
        c.put("detachEvidence", new Case(Rule.REPORT_WRITE, 204, (role, s, fresh) -> Call.send("DELETE",
                "/api/v1/reports/" + f(s).draftReport() + "/evidence/" + f(s).evidence(), null, EvidenceTest.reportTag(f(s).draftReport()),
                "/api/v1/evidence/" + f(s).evidence()), none));
        c.put("checkEvidenceIntegrity", new Case(Rule.ADMIN_ONLY, 200, (role, s, fresh) -> Call.get("/api/v1/evidence/integrity"), none));
        c.put("sweepEvidence", new Case(Rule.ADMIN_ONLY, 200, (role, s, fresh) -> Call.send("POST", "/api/v1/evidence/sweep", null, null, null), none));

        // Bulk export: every signed-in caller exports the results its own scope holds
        c.put("exportResults", new Case(Rule.SIGNED_IN, 200, (role, s, fresh) -> Call.get("/api/v1/exports/results?from=2026-01&to=2026-03"), none));

        // Documents: templates for everyone signed in; a plan's appendix and reports for its readers; imports by its coordinators
        c.put("downloadIndicatorTemplate", new Case(Rule.SIGNED_IN, 200, (role, s, fresh) -> Call.get("/api/v1/document-templates/indicators.xlsx"), none));
        c.put("downloadTaskTemplate", new Case(Rule.SIGNED_IN, 200, (role, s, fresh) -> Call.get("/api/v1/document-templates/tasks.xlsx"), none));
        c.put("exportPlanAppendix", new Case(Rule.READ_ONE, 200, (role, s, fresh) -> Call.get("/api/v1/plans/" + f(s).plan() + "/appendix"), none));
        c.put("importPlanAppendix", new Case(Rule.WRITE, 200, (role, s, fresh) -> Call.send("POST",
                "/api/v1/plans/" + f(s).plan() + "/appendix/imports?dryRun=true", new RawBody(Sheets.xlsx(Sheets.xuanLocAppendix(), 0)), null,
                "/api/v1/plans/" + f(s).plan() + "/indicators"), none));
        // A plan brought in from its file: coordinators, for an issuer they manage; a scan's reading only to whoever sent it
        c.put("readPlanDocument", new Case(Rule.CREATE, 200, (role, s, fresh) -> Call.send("POST", "/api/v1/plan-intakes?issuingUnitId=" + f(s).root(),
                new RawBody(PlanIntakeTest.plainPlanDocx("Chuyển đổi số thử năm 2027")), null, null), none));
        c.put("previewPlanIntake", new Case(Rule.CREATE, 200, (role, s, fresh) -> Call.send("POST", "/api/v1/plan-intakes/previews",
                Map.of("source", PlanIntakeTest.plainSource("Chuyển đổi số thử năm 2027"), "choices", Map.of("issuingUnitId", f(s).root())), null, null),
                none));
        c.put("commitPlanIntake", new Case(Rule.CREATE, 200, (role, s, fresh) -> Call.send("POST", "/api/v1/plan-intakes/commits",
                Map.of("source", PlanIntakeTest.plainSource("Chuyển đổi số thử năm 2027"), "choices", Map.of("issuingUnitId", f(s).root(),
                        "planCode", code("IN"))), "\"new\"", null), none));
        c.put("getPlanIntakeJob", new Case(Rule.MANAGED_ONE, 200, (role, s, fresh) -> Call.get("/api/v1/plan-intakes/jobs/"
                + intakeJob(manages(role, s) ? role : "admin")), none));
        for (String format : List.of("Docx", "Pdf", "Xlsx")) {
            c.put("downloadConsolidatedReport" + format, new Case(Rule.READ_ONE, 200, (role, s, fresh) -> Call.get("/api/v1/plans/" + f(s).plan()
                    + "/periods/2026-01/documents/consolidated." + format.toLowerCase(java.util.Locale.ROOT)), none));
        }

        // The change feed: every signed-in caller reads the changes of its own scope
        c.put("listChanges", new Case(Rule.SIGNED_IN, 200, (role, s, fresh) -> Call.get("/api/v1/changes?limit=5"), none));
        c.put("getChangeCursorNow", new Case(Rule.SIGNED_IN, 200, (role, s, fresh) -> Call.get("/api/v1/changes/now"), none));

        // Notifications are each person's own; the outbox is the administrators'
        c.put("listNotifications", new Case(Rule.PERSON, 200, (role, s, fresh) -> Call.get("/api/v1/notifications"), none));
        c.put("countUnreadNotifications", new Case(Rule.PERSON, 200, (role, s, fresh) -> Call.get("/api/v1/notifications/unread-count"), none));
        c.put("markNotificationsRead", new Case(Rule.PERSON, 204, (role, s, fresh) ->
                Call.send("POST", "/api/v1/notifications/read", Map.of(), null, null), none));
        c.put("listMailOutbox", new Case(Rule.ADMIN_ONLY, 200, (role, s, fresh) -> Call.get("/api/v1/mail-outbox"), none));

        // Audit trail: the creation of each scope's fixture unit is on record
        c.put("listAuditEvents", new Case(Rule.MANAGED_LIST, 200, (role, s, fresh) ->
                Call.get("/api/v1/audit-events?objectType=org_unit&action=CREATE&objectId=" + f(s).unit()),
                (s, json) -> !json.getList("items").isEmpty()));
        return c;
    }

    static Map<String, Object> framework(String code) {
        return Map.of("code", code, "name", "Bộ chỉ số kiểm thử", "edition", "2000", "pillars",
                List.of(Map.of("code", "HT", "order", 1, "name", "Hạ tầng số", "subIndexCount", 3, "maxPoints", 100)));
    }

    // ---- the walk ----

    @Test
    void everyOperationAnswersEveryRoleExactly() throws Exception {
        Map<String, String[]> operations = contractOperations();
        Map<String, Case> cases = cases();
        List<String> missing = operations.keySet().stream().filter(op -> !cases.containsKey(op)).sorted().toList();
        assertEquals(List.of(), missing, "operations of the contract without an access case");
        fixtures();

        List<String> failures = new ArrayList<>();
        for (Map.Entry<String, String[]> op : operations.entrySet()) {
            Case c = cases.get(op.getKey());
            for (String role : ROLES) {
                for (Scope scope : Scope.values()) {
                    int want = expected(c.rule(), c.ok(), role, scope);
                    boolean allowed = want == c.ok();
                    Call call = c.call().make(role, scope, allowed);
                    String where = op.getKey() + " as " + role + " in " + scope;
                    if (!call.method().equalsIgnoreCase(op.getValue()[0]) || !call.path().split("\\?")[0].matches(op.getValue()[1])) {
                        failures.add(where + ": the case calls " + call.method() + " " + call.path() + ", not the operation");
                        continue;
                    }
                    String before = call.probe() == null || allowed ? null : probe(call.probe());
                    Response response = execute(call, role);
                    check(where, response, want, failures);
                    if (allowed && c.listed() != null && response.statusCode() == 200) {
                        boolean listed = c.listed().apply(scope, response.jsonPath());
                        if (listed != listedFor(c.rule(), role, scope)) {
                            failures.add(where + ": listed=" + listed + ", expected " + listedFor(c.rule(), role, scope));
                        }
                    }
                    if (before != null && !before.equals(probe(call.probe()))) {
                        failures.add(where + ": refused, yet " + call.probe() + " changed");
                    }
                }
            }
        }
        assertEquals(List.of(), failures);
    }

    static void check(String where, Response response, int want, List<String> failures) {
        int got = response.statusCode();
        if (got != want) {
            failures.add(where + ": " + got + " instead of " + want + " " + response.asString());
            return;
        }
        if (got < 400) {
            return;
        }
        String code = response.jsonPath().getString("code");
        boolean codeFits = switch (got) {
            case 401 -> "auth.unauthenticated".equals(code);
            case 403 -> code != null && code.startsWith("access.");
            case 404 -> code != null && code.endsWith("not-found");
            case 400 -> code != null && code.endsWith(".unknown");
            default -> false;
        };
        if (!codeFits || !response.contentType().startsWith("application/problem+json")) {
            failures.add(where + ": " + got + " with code " + code + " (" + response.contentType() + ")");
        }
    }

    static String probe(String path) {
        Response r = Api.json().get(path);
        return r.statusCode() + " " + r.asString();
    }

    static Response execute(Call call, String role) {
        String path = call.path().split("\\?")[0];
        boolean file = path.startsWith("/api/v1/exports/") || path.startsWith("/api/v1/document-templates/") || path.contains("/documents/")
                || path.endsWith("/appendix");
        RequestSpecification spec = given().accept(file ? ContentType.ANY : ContentType.JSON);
        String token = call.token() != null ? call.token() : tokenOf(role);
        if (token != null) {
            spec.header("Authorization", "Bearer " + token);
        }
        if (call.ifMatch() != null) {
            spec.header("If-Match", call.ifMatch());
        }
        if (call.form() != null) {
            spec.contentType(ContentType.URLENC).formParams(call.form());
        } else if (call.body() instanceof RawBody raw) {
            spec.contentType("application/octet-stream").body(raw.content());
        } else if (call.body() instanceof Upload u) {
            spec.multiPart("file", u.fileName(), u.content(), "application/octet-stream");
        } else if (call.body() != null) {
            spec.contentType(ContentType.JSON).body(call.body());
        } else if (!call.method().equals("GET") && !call.method().equals("DELETE")) {
            spec.contentType(ContentType.JSON);
        }
        return spec.request(call.method(), call.path());
    }

    static String tokenOf(String role) {
        return switch (role) {
            case "anonymous" -> null;
            case "service" -> Api.token("~service");
            default -> Api.token(role);
        };
    }

    /** operationId → {method, path as a pattern}, from the committed contract. */
    @SuppressWarnings("unchecked")
    static Map<String, String[]> contractOperations() throws Exception {
        Map<String, String[]> out = new LinkedHashMap<>();
        try (InputStream in = Files.newInputStream(Path.of("..", "openapi", "openapi.yaml"))) {
            Map<String, Object> doc = new Yaml().load(in);
            Map<String, Map<String, Object>> paths = (Map<String, Map<String, Object>>) doc.get("paths");
            paths.forEach((path, item) -> item.forEach((method, op) -> {
                if (op instanceof Map<?, ?> operation && operation.get("operationId") != null) {
                    out.put((String) operation.get("operationId"),
                            new String[] {method, path.replaceAll("\\{[^}]+}", "[^/]+")});
                }
            }));
        }
        return out;
    }
}
