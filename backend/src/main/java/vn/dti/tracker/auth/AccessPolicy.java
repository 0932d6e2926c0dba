package vn.dti.tracker.auth;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.security.identity.SecurityIdentity;
import vn.dti.tracker.common.DomainException;
import vn.dti.tracker.orgunit.OrgUnit;
import vn.dti.tracker.plan.Plan;
import vn.dti.tracker.plan.PlanStatus;

/**
 * The one place that answers "may this caller touch this unit's data". Roles on the resources say
 * which kinds of caller may call an operation at all; this bean says where they may act.
 *
 * <p>Refusals follow one rule (docs/access.md): what lies outside the caller's read scope is
 * answered 404, exactly as if it did not exist; what the caller may read but not change is
 * answered 403. Ids inside a request body that the caller may not read are "unknown" (400).
 */
@ApplicationScoped
public class AccessPolicy {

    private static final ThreadLocal<Boolean> SYSTEM = new ThreadLocal<>();

    @Inject
    SecurityIdentity identity;

    @Inject
    CallerLoader callers;

    /** Runs start-up work (demo load) with full access; never used on behalf of an HTTP caller. */
    public static <T> T asSystem(Supplier<T> work) {
        SYSTEM.set(Boolean.TRUE);
        try {
            return work.get();
        } finally {
            SYSTEM.remove();
        }
    }

    private static final ThreadLocal<Caller> PERSON = new ThreadLocal<>();

    /**
     * Runs start-up work on behalf of a person (the demo's past reporting, demo/DemoHistory): the services see that
     * person as the caller, with the person's own scope and rights. Never used on behalf of an HTTP caller.
     */
    public static <T> T asPerson(Caller person, Supplier<T> work) {
        Caller outer = PERSON.get();
        PERSON.set(person);
        try {
            return work.get();
        } finally {
            if (outer == null) {
                PERSON.remove();
            } else {
                PERSON.set(outer);
            }
        }
    }

    /** True while this thread runs start-up work through {@link #asSystem}. */
    public static boolean isSystem() {
        return Boolean.TRUE.equals(SYSTEM.get());
    }

    public Caller caller() {
        Caller person = PERSON.get();
        if (person != null) {
            return person;
        }
        if (Boolean.TRUE.equals(SYSTEM.get())) {
            return Caller.SYSTEM;
        }
        CallerCheckFailed failed = CallerCheckFailed.of(identity);
        if (failed != null) {
            throw failed;
        }
        Caller caller = identity.isAnonymous() ? null : identity.getAttribute(Caller.ATTRIBUTE);
        if (caller == null) {
            throw DomainException.unauthenticated("auth.unauthenticated", "Cần đăng nhập để thực hiện thao tác này.");
        }
        return caller;
    }

    /**
     * The caller as people read their name in a report, its history and its documents: an account's full name, a service
     * account's name; the account name only where no local account exists (a single sign-on user without one).
     */
    public String callerFullName() {
        Caller caller = caller();
        if (caller.id() != null && caller.kind() == Caller.Kind.USER) {
            AppUser user = AppUser.findById(caller.id());
            return user == null ? caller.name() : user.fullName;
        }
        if (caller.id() != null && caller.kind() == Caller.Kind.SERVICE) {
            ServiceAccount account = ServiceAccount.findById(caller.id());
            return account == null ? caller.name() : account.name;
        }
        return caller.name();
    }

    // ---- what the caller may open at all ----

    /**
     * The caller coordinates some subtree (an administrator, everything): it draws up plans and imports them, reviews the
     * reports of their units, and manages the units and accounts there. The resources admit exactly the roles that
     * coordinate to these calls; where in the tree each call may act is decided by the checks below.
     */
    public boolean coordinatesAny() {
        return !caller().manageRoots().isEmpty();
    }

    /** The caller writes the reports of its own unit ({@link #writesReportsOf}): it has work of its own to report. */
    public boolean writesOwnReports() {
        Caller caller = caller();
        return caller.kind() != Caller.Kind.SYSTEM && writesReportsOf(caller.unitId());
    }

    // ---- subtrees ----

    /** Data owned by the unit at {@code path} lies in the caller's read scope. */
    public boolean reads(String path) {
        return caller().readRoots().stream().anyMatch(path::startsWith);
    }

    /** The caller coordinates the unit at {@code path} (its own root included). */
    public boolean manages(String path) {
        return caller().manageRoots().stream().anyMatch(path::startsWith);
    }

    /** A unit record is visible inside the subtree and along the chain of its ancestors. */
    public boolean readsUnit(OrgUnit unit) {
        return reads(unit.path) || caller().readRoots().stream().anyMatch(root -> root.startsWith(unit.path));
    }

    public OrgUnit requireReadable(OrgUnit unit) {
        if (!readsUnit(unit)) {
            throw DomainException.notFound("org-unit.not-found", "Không tìm thấy đơn vị.");
        }
        return unit;
    }

    /** Units are created, edited and removed strictly below a coordinator's own root; an administrator edits any. */
    public void requireUnitManageable(OrgUnit unit) {
        requireReadable(unit);
        Caller caller = caller();
        if (caller.isAdmin()) {
            return;
        }
        boolean below = caller.manageRoots().stream().anyMatch(root -> unit.path.startsWith(root) && !unit.path.equals(root));
        if (!below) {
            throw DomainException.forbidden("access.unit-denied",
                    "Bạn không được sửa đơn vị '" + unit.name + "': đơn vị này không nằm dưới phạm vi bạn điều phối.");
        }
    }

    /**
     * A unit at the top of the tree (without a parent unit) is created, and a unit is moved up there, by administrators
     * only: a coordinator's units stay inside the subtree it coordinates.
     */
    public boolean placesTopUnits() {
        return caller().isAdmin();
    }

    /** {@link #placesTopUnits} as a refusal. */
    public void requireTopUnitPlacement() {
        if (!placesTopUnits()) {
            throw DomainException.forbidden("access.unit-denied", "Chỉ quản trị viên được đặt đơn vị ở cấp cao nhất (không có đơn vị cấp trên).");
        }
    }

    /** Data of a unit (its DTI targets and results, its accounts) is edited by those who coordinate it. */
    public void requireUnitDataEditable(OrgUnit unit) {
        requireReadable(unit);
        if (!manages(unit.path)) {
            throw DomainException.forbidden("access.unit-denied",
                    "Bạn không được sửa dữ liệu của đơn vị '" + unit.name + "'.");
        }
    }

    /** A unit named in a request body: one the caller may not see is as unknown as one that does not exist. */
    public OrgUnit referenced(OrgUnit unit, String field, java.util.UUID id) {
        if (!readsUnit(unit)) {
            throw DomainException.invalidField(field, "org-unit.unknown", "Không có đơn vị với mã định danh " + id + ".");
        }
        return unit;
    }

    // ---- accounts ----

    /**
     * Accounts that coordinate (coordinators and administrators) are changed, reset or deactivated only from above:
     * by administrators, or by a coordinator whose subtree strictly holds every subtree the account coordinates (a
     * province coordinator for a commune coordinator). A coordinator reaching an account of the own level could
     * reset its password and act as that peer.
     */
    public void requireAccountManageable(AppUser account) {
        Caller caller = caller();
        Caller target = callers.build(Caller.Kind.USER, account.id, account.username, account.orgUnit, account.roles);
        if (!managesAccount(caller, target)) {
            throw DomainException.forbidden("access.account-denied", "Chỉ quản trị viên hoặc cán bộ điều phối cấp trên mới được sửa tài khoản '"
                    + account.username + "': tài khoản này điều phối ngang hoặc cao hơn phạm vi của bạn.");
        }
    }

    /**
     * A service account reads the whole subtree of its unit: one granted a coordinator's own subtree (the province,
     * the commune) reaches as far as that coordinator, so it is made, changed and given a new secret only from above,
     * as coordinators' own accounts are; one granted a part of the subtree is managed by the subtree's coordinators.
     */
    public void requireServiceAccountManageable(OrgUnit unit) {
        if (!managesStrictlyBelow(caller(), unit.path)) {
            throw DomainException.forbidden("access.account-denied", "Chỉ quản trị viên hoặc cán bộ điều phối cấp trên mới được quản lý"
                    + " tài khoản hệ thống đọc toàn bộ '" + unit.name + "'.");
        }
    }

    /** The rule of {@link #requireAccountManageable}: an account that coordinates nothing is anyone's to manage who may reach it. */
    static boolean managesAccount(Caller caller, Caller target) {
        for (Map.Entry<Role, String> reach : target.roots().entrySet()) {
            boolean coordinates = reach.getKey() == Role.ADMIN || reach.getKey().isCoordinator();
            if (coordinates && !managesStrictlyBelow(caller, reach.getValue())) {
                return false;
            }
        }
        return true;
    }

    /**
     * The roles the caller gives to the accounts it manages: each role that manages gives those at or below it
     * ({@link Role#grantable}); the role acting on a given unit decides for that unit's accounts.
     */
    public java.util.Set<Role> grantableRoles() {
        java.util.Set<Role> out = java.util.EnumSet.noneOf(Role.class);
        caller().roles().forEach(role -> out.addAll(role.grantable()));
        return out;
    }

    /** Administrators manage everything; a coordinator what lies strictly below one of its roots. */
    static boolean managesStrictlyBelow(Caller caller, String path) {
        return caller.isAdmin() || caller.manageRoots().stream().anyMatch(root -> path.startsWith(root) && !path.equals(root));
    }

    // ---- plans ----

    /**
     * A plan is read by everyone whose scope holds its issuing unit, and, once issued, by the units
     * below that issuer too: a province plan is addressed to the communes that carry it out.
     */
    public boolean readsPlan(Plan plan) {
        String issuer = plan.issuingUnit.path;
        return reads(issuer)
                || plan.status != PlanStatus.DRAFT && caller().readRoots().stream().anyMatch(root -> root.startsWith(issuer));
    }

    public Plan requireReadable(Plan plan) {
        if (!readsPlan(plan)) {
            throw DomainException.notFound("plan.not-found", "Không tìm thấy kế hoạch.");
        }
        return plan;
    }

    /** Plan content (the plan, its groups, indicators and tasks) is edited by those who coordinate its issuer. */
    public Plan requireEditable(Plan plan) {
        requireReadable(plan);
        if (!editsPlan(plan)) {
            throw DomainException.forbidden("access.plan-denied",
                    "Bạn chỉ được xem kế hoạch '" + plan.code + "', không được sửa.");
        }
        return plan;
    }

    /** {@link #requireEditable} as a question, for a plan the caller reads: what the plan's answer lists as its actions. */
    public boolean editsPlan(Plan plan) {
        return manages(plan.issuingUnit.path);
    }

    /** A plan named in a request body (parent plan, legal basis). */
    public Plan referenced(Plan plan, String field, java.util.UUID id) {
        if (!readsPlan(plan)) {
            throw DomainException.invalidField(field, "plan.unknown", "Không có kế hoạch với mã định danh " + id + ".");
        }
        return plan;
    }

    // ---- reports ----

    /**
     * A unit's report is written by the people of that unit: its reporters, and its coordinators when the
     * coordinating office leads indicators itself (Phòng Văn hóa - Xã hội often does). Nobody writes
     * another unit's report, administrators included: a result must be the unit's own word.
     */
    public void requireReportWriter(OrgUnit unit) {
        if (!writesReportsOf(unit.id)) {
            throw DomainException.forbidden("access.not-your-unit",
                    "Chỉ cán bộ của '" + unit.name + "' mới được lập và sửa báo cáo của đơn vị này.");
        }
    }

    /** {@link #requireReportWriter} as a question: the caller writes the reports of the unit {@code unitId}. */
    public boolean writesReportsOf(java.util.UUID unitId) {
        Caller caller = caller();
        if (caller.kind() == Caller.Kind.SYSTEM) {
            return true;
        }
        boolean reportingRole = caller.has(Role.UNIT_REPORTER) || caller.has(Role.COMMUNE_COORDINATOR) || caller.has(Role.PROVINCE_COORDINATOR);
        return reportingRole && unitId != null && unitId.equals(caller.unitId());
    }

    /** {@link #requireReviewer} as a question. */
    public boolean reviews(Plan plan) {
        return manages(plan.issuingUnit.path);
    }

    /** Reports under a plan are reviewed (accepted, returned, reopened) by those who coordinate the plan's issuer. */
    public void requireReviewer(Plan plan) {
        if (!reviews(plan)) {
            throw DomainException.forbidden("access.review-denied",
                    "Chỉ cán bộ điều phối của '" + plan.issuingUnit.name + "' mới được duyệt báo cáo của kế hoạch này.");
        }
    }

    // ---- list filters ----

    /** A JPQL condition with its parameters. */
    public record Clause(String jpql, Map<String, Object> params) {
        public static final Clause ALL = new Clause("1 = 1", Map.of());
        public static final Clause NONE = new Clause("1 = 0", Map.of());
    }

    /** Rows whose unit path ({@code pathExpr}) lies in a read subtree, or (with ancestors) above one. */
    public Clause unitScope(String pathExpr, boolean withAncestors) {
        return unitScope(pathExpr, withAncestors, "scope");
    }

    /** {@link #unitScope(String, boolean)} with parameters named from {@code prefix}, to use it twice in one query. */
    public Clause unitScope(String pathExpr, boolean withAncestors, String prefix) {
        return caller().isAdmin() ? Clause.ALL : anyRoot(prefix, caller().readRoots(), root -> pathExpr + " like concat(" + root + ", '%')"
                + (withAncestors ? " or " + root + " like concat(" + pathExpr + ", '%')" : ""));
    }

    /**
     * The same read scope for plain SQL with positional parameters: {@code path like any (?)} with these
     * patterns, or nothing to add for an administrator.
     */
    public java.util.Optional<String[]> readPathPatterns() {
        return caller().isAdmin() ? java.util.Optional.empty()
                : java.util.Optional.of(caller().readRoots().stream().map(root -> root + "%").toArray(String[]::new));
    }

    /** Rows whose unit path ({@code pathExpr}) lies in a subtree the caller coordinates (accounts, audit trail). */
    public Clause managedScope(String pathExpr) {
        return managedScope(pathExpr, "scope");
    }

    public Clause managedScope(String pathExpr, String prefix) {
        return caller().isAdmin() ? Clause.ALL : anyRoot(prefix, caller().manageRoots(), root -> pathExpr + " like concat(" + root + ", '%')");
    }

    /** Plans the caller reads ({@link #readsPlan}), for a plan alias whose issuing unit is joined. */
    public Clause planScope(String planAlias) {
        return planScope(planAlias + ".issuingUnit.path", planAlias + ".status <> vn.dti.tracker.plan.PlanStatus.DRAFT", "scope");
    }

    /**
     * {@link #readsPlan} as a condition in either query language: the issuer's path and "the plan is no longer
     * a draft" are given as expressions of that language.
     */
    public Clause planScope(String issuerPathExpr, String issuedExpr, String prefix) {
        return caller().isAdmin() ? Clause.ALL : anyRoot(prefix, caller().readRoots(), root -> issuerPathExpr + " like concat(" + root
                + ", '%') or (" + issuedExpr + " and " + root + " like concat(" + issuerPathExpr + ", '%'))");
    }

    /**
     * Plans whose units' reports the caller reviews now: in force, and issued by a unit it coordinates ({@link #reviews}), for
     * a plan alias whose issuing unit is joined.
     */
    public Clause reviewScope(String planAlias) {
        Clause managed = managedScope(planAlias + ".issuingUnit.path", "review");
        Map<String, Object> params = new HashMap<>(managed.params());
        params.put("reviewInForce", java.util.Arrays.stream(PlanStatus.values()).filter(PlanStatus::inForce).toList());
        return new Clause("(" + managed.jpql() + " and " + planAlias + ".status in :reviewInForce)", params);
    }

    /** One condition per root, joined by "or"; each root is a parameter, never text in the query. */
    private static Clause anyRoot(String prefix, Collection<String> roots, Function<String, String> condition) {
        List<String> parts = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        for (String root : roots) {
            String name = prefix + params.size();
            params.put(name, root);
            parts.add("(" + condition.apply(":" + name) + ")");
        }
        return new Clause(parts.isEmpty() ? "1 = 0" : "(" + String.join(" or ", parts) + ")", params);
    }
}
