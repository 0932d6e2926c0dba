package vn.dti.tracker.auth;

import static vn.dti.tracker.common.Values.blankToNull;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import vn.dti.tracker.auth.AuthDtos.MeAction;
import vn.dti.tracker.auth.AuthDtos.MeView;
import vn.dti.tracker.auth.AuthDtos.PasswordChange;
import vn.dti.tracker.auth.AuthDtos.RoleScope;
import vn.dti.tracker.auth.AuthDtos.UserCreate;
import vn.dti.tracker.auth.AuthDtos.UserUpdate;
import vn.dti.tracker.auth.AuthDtos.UserView;
import vn.dti.tracker.auth.RefreshToken.RevokeReason;
import vn.dti.tracker.common.DomainException;
import vn.dti.tracker.common.Entities;
import vn.dti.tracker.common.Page;
import vn.dti.tracker.common.PageRequest;
import vn.dti.tracker.common.TextSearch;
import vn.dti.tracker.common.Versions;
import vn.dti.tracker.orgunit.OrgUnit;
import vn.dti.tracker.orgunit.OrgUnitDtos.OrgUnitRef;
import vn.dti.tracker.orgunit.OrgUnitKind;
import vn.dti.tracker.orgunit.OrgUnitService;

/**
 * Accounts of people. Administrators manage all; coordinators manage the accounts of their subtree and
 * may give only the roles at or below their own.
 */
@ApplicationScoped
public class AccountService {

    static final Map<String, String> SORTABLE = Map.of("username", "a.username", "fullName", "a.fullName",
            "updatedAt", "a.updatedAt", "lastSignInAt", "a.lastSignInAt");

    /** Units that issue plans, and so have a dashboard of their own: the province, communes and wards. */
    private static final Set<OrgUnitKind> DASHBOARD_KINDS = EnumSet.of(OrgUnitKind.PROVINCE, OrgUnitKind.COMMUNE, OrgUnitKind.WARD);

    public record Filter(String q, UUID withinUnitId, Role role, Boolean active) {
    }

    private final EntityManager em;
    private final AccessPolicy access;
    private final Visibility visibility;
    private final OrgUnitService units;
    private final Passwords passwords;
    private final TokenService tokens;
    private final SignInThrottle throttle;

    public AccountService(EntityManager em, AccessPolicy access, Visibility visibility, OrgUnitService units, Passwords passwords,
            TokenService tokens, SignInThrottle throttle) {
        this.em = em;
        this.throttle = throttle;
        this.access = access;
        this.visibility = visibility;
        this.units = units;
        this.passwords = passwords;
        this.tokens = tokens;
    }

    // ---- the signed-in account ----

    @Transactional
    public MeView me() {
        Caller caller = access.caller();
        OrgUnit unit = OrgUnit.findById(caller.unitId());
        List<RoleScope> scopes = new ArrayList<>();
        caller.roots().forEach((role, path) -> scopes.add(new RoleScope(role, OrgUnitRef.of(unitAt(path)))));
        scopes.sort((a, b) -> a.role().compareTo(b.role()));
        String fullName = null;
        String email = null;
        if (caller.kind() == Caller.Kind.USER && caller.id() != null) {
            AppUser user = AppUser.findById(caller.id());
            fullName = user.fullName;
            email = user.email;
        } else if (caller.kind() == Caller.Kind.SERVICE) {
            fullName = ServiceAccount.<ServiceAccount>findById(caller.id()).name;
        }
        List<OrgUnitRef> coordinated = caller.manageRoots().stream().distinct().map(path -> OrgUnitRef.of(unitAt(path)))
                .filter(java.util.Objects::nonNull).toList();
        List<AuthDtos.MeAction> actions = actions();
        OrgUnit dashboard = dashboardUnit(caller, unit);
        return new MeView(caller.kind(), caller.id(), caller.name(), fullName, email, OrgUnitRef.of(unit), new java.util.TreeSet<>(caller.roles()), scopes,
                coordinated, actions, List.copyOf(access.grantableRoles()), OrgUnitRef.of(dashboard), home(actions, dashboard));
    }

    /**
     * Where a person starts: whoever watches a province (its coordinators and readers, not its units' reporters) on its dashboard,
     * where every commune's reporting is; other reviewers on the review queue; reporters on their work; everyone else on the dashboard. An
     * administrator, who reads from no province, reviews.
     */
    static AuthDtos.MeHome home(List<AuthDtos.MeAction> actions, OrgUnit dashboard) {
        boolean onlyReports = actions.contains(AuthDtos.MeAction.REPORT) && !actions.contains(AuthDtos.MeAction.REVIEW);
        if (dashboard != null && dashboard.kind == OrgUnitKind.PROVINCE && !onlyReports && !actions.contains(AuthDtos.MeAction.MANAGE_TOP_UNITS)) {
            return AuthDtos.MeHome.DASHBOARD;
        }
        if (actions.contains(AuthDtos.MeAction.REVIEW)) {
            return AuthDtos.MeHome.REVIEW;
        }
        return actions.contains(AuthDtos.MeAction.REPORT) ? AuthDtos.MeHome.MY_WORK : AuthDtos.MeHome.DASHBOARD;
    }

    /**
     * What the caller may open, asked of the policy that decides the calls: the resources admit the coordinating roles to
     * plans, reviews, units and accounts ({@link AccessPolicy#coordinatesAny}), the reports of the own unit are written by its
     * people ({@link AccessPolicy#writesOwnReports}), units without a parent are placed by administrators
     * ({@link AccessPolicy#placesTopUnits}).
     */
    private List<MeAction> actions() {
        List<MeAction> out = new ArrayList<>();
        boolean coordinates = access.coordinatesAny();
        if (coordinates) {
            out.add(MeAction.CREATE_PLAN);
        }
        if (access.writesOwnReports()) {
            out.add(MeAction.REPORT);
        }
        if (coordinates) {
            out.add(MeAction.REVIEW);
            out.add(MeAction.MANAGE_UNITS);
        }
        if (access.placesTopUnits()) {
            out.add(MeAction.MANAGE_TOP_UNITS);
        }
        if (coordinates) {
            out.add(MeAction.MANAGE_USERS);
            out.add(MeAction.MANAGE_SERVICE_ACCOUNTS);
        }
        return out;
    }

    /**
     * The province, commune or ward of the widest subtree the caller reads (a department's dashboard is its commune's or
     * province's); an administrator reads from no unit, so its own unit decides.
     */
    private OrgUnit dashboardUnit(Caller caller, OrgUnit own) {
        String widest = caller.readRoots().stream().filter(path -> !"/".equals(path)).min(java.util.Comparator.comparingInt(String::length))
                .orElse(own == null ? null : own.path);
        if (widest == null) {
            return null;
        }
        List<OrgUnit> chain = em.createQuery("select u from OrgUnit u where :path like concat(u.path, '%') order by length(u.path) desc",
                OrgUnit.class).setParameter("path", widest).getResultList();
        return chain.stream().filter(u -> DASHBOARD_KINDS.contains(u.kind)).findFirst().orElse(chain.isEmpty() ? own : chain.get(0));
    }

    private OrgUnit unitAt(String path) {
        if ("/".equals(path)) {
            return null;
        }
        String[] parts = path.split("/");
        return OrgUnit.findById(UUID.fromString(parts[parts.length - 1]));
    }

    @Transactional
    public void changeOwnPassword(PasswordChange input) {
        Caller caller = access.caller();
        if (caller.kind() != Caller.Kind.USER || caller.id() == null) {
            throw DomainException.conflict("auth.password-managed-elsewhere",
                    "Mật khẩu của tài khoản này không do hệ thống quản lý.");
        }
        AppUser user = AppUser.findById(caller.id());
        if (!passwords.verify(input.currentPassword(), user.passwordHash)) {
            throw DomainException.invalidField("currentPassword", "auth.wrong-password", "Mật khẩu hiện tại không đúng.");
        }
        setPassword(user, input.newPassword(), "newPassword", RevokeReason.PASSWORD_CHANGED);
    }

    private void setPassword(AppUser user, String password, String field, RevokeReason reason) {
        passwords.checkPolicy(password, user.username, field);
        user.passwordHash = passwords.hash(password);
        user.passwordChangedAt = Entities.now();
        user.tokenVersion++;
        em.flush();
        throttle.forget(user.username);
        tokens.revokeAll(user, reason);
    }

    // ---- management ----

    @Transactional
    public Page<UserView> list(Filter filter, PageRequest page) {
        AccessPolicy.Clause scope = access.managedScope("a.orgUnit.path");
        StringBuilder where = new StringBuilder(" where ").append(scope.jpql());
        Map<String, Object> params = new HashMap<>(scope.params());
        if (filter.q() != null && !filter.q().isBlank()) {
            where.append(" and a.searchText like :q escape '\\'");
            params.put("q", TextSearch.likePattern(filter.q()));
        }
        if (filter.withinUnitId() != null) {
            where.append(" and a.orgUnit.path like :within");
            params.put("within", units.requireVisible(filter.withinUnitId()).path + "%");
        }
        if (filter.role() != null) {
            where.append(" and :role member of a.roles");
            params.put("role", filter.role());
        }
        if (filter.active() != null) {
            where.append(" and a.active = :active");
            params.put("active", filter.active());
        }
        var count = em.createQuery("select count(a) from AppUser a" + where, Long.class);
        var list = em.createQuery("select a from AppUser a join fetch a.orgUnit" + where + " order by " + page.orderBy(), AppUser.class);
        params.forEach((k, v) -> {
            count.setParameter(k, v);
            list.setParameter(k, v);
        });
        long total = count.getSingleResult();
        List<AppUser> users = list.setFirstResult(page.offset()).setMaxResults(page.size()).getResultList();
        Map<String, OffsetDateTime> blocked = throttle.blockedNames(users.stream().map(u -> u.username).toList(), Entities.now());
        List<UserView> items = users.stream().map(u -> view(u, blocked.get(u.username))).toList();
        return Page.of(items, page, total);
    }

    @Transactional
    public UserView get(UUID id) {
        return view(requireManaged(id));
    }

    @Transactional
    public UserView create(UserCreate input) {
        OrgUnit unit = access.referenced(units.requireReferenced(input.orgUnitId(), "orgUnitId"), "orgUnitId", input.orgUnitId());
        requireMayAssign(unit, input.roles());
        if (AppUser.count("username", input.username()) > 0) {
            throw DomainException.conflictField("username", "user.username-taken", "Tên đăng nhập '" + input.username() + "' đã được dùng.");
        }
        passwords.checkPolicy(input.password(), input.username(), "password");
        AppUser user = new AppUser();
        user.id = UUID.randomUUID();
        user.username = input.username();
        user.fullName = input.fullName().trim();
        user.email = blankToNull(input.email());
        user.phone = blankToNull(input.phone());
        user.orgUnit = unit;
        user.roles = EnumSet.copyOf(input.roles());
        user.passwordHash = passwords.hash(input.password());
        user.passwordChangedAt = Entities.now();
        user.persist();
        em.flush();
        return view(user);
    }

    @Transactional
    public UserView update(UUID id, long expectedVersion, UserUpdate input) {
        AppUser user = requireManaged(id);
        Versions.check(expectedVersion, user.version, "tài khoản");
        Caller caller = access.caller();
        if (!user.id.equals(caller.id())) {
            access.requireAccountManageable(user);
        }
        requireMayAssign(user.orgUnit, user.roles);
        OrgUnit unit = access.referenced(units.requireReferenced(input.orgUnitId(), "orgUnitId"), "orgUnitId", input.orgUnitId());
        requireMayAssign(unit, input.roles());
        if (user.id.equals(caller.id()) && (!input.active() || !user.roles.equals(EnumSet.copyOf(input.roles())))) {
            throw DomainException.conflict("user.self-change",
                    "Không tự ngừng hoạt động hay tự đổi vai trò của chính mình; hãy nhờ một quản trị viên khác.");
        }
        boolean deactivating = user.active && !input.active();
        user.fullName = input.fullName().trim();
        user.email = blankToNull(input.email());
        user.phone = blankToNull(input.phone());
        user.orgUnit = unit;
        if (!user.roles.equals(EnumSet.copyOf(input.roles()))) {
            user.roles.clear();
            user.roles.addAll(input.roles());
        }
        user.active = input.active();
        if (deactivating) {
            user.tokenVersion++;
        }
        em.flush();
        if (deactivating) {
            tokens.revokeAll(user, RevokeReason.DEACTIVATED);
        }
        return view(user);
    }

    @Transactional
    public UserView resetPassword(UUID id, long expectedVersion, String password) {
        AppUser user = requireManaged(id);
        Versions.check(expectedVersion, user.version, "tài khoản");
        access.requireAccountManageable(user);
        requireMayAssign(user.orgUnit, user.roles);
        setPassword(user, password, "newPassword", RevokeReason.ADMIN);
        return view(user);
    }

    /** An account inside the caller's managed subtree; any other is answered as missing. */
    private AppUser requireManaged(UUID id) {
        AppUser user = id == null ? null : AppUser.findById(id);
        if (user == null || !visibility.sees(Visibility.Kind.USER, user.id)) {
            throw DomainException.notFound("user.not-found", "Không tìm thấy tài khoản.");
        }
        return user;
    }

    /** The caller coordinates the unit and may give each of the roles; roles fit the unit's level. */
    private void requireMayAssign(OrgUnit unit, Set<Role> roles) {
        Caller caller = access.caller();
        Role managing = caller.managingRoleFor(unit.path);
        if (managing == null) {
            throw DomainException.forbidden("access.unit-denied", "Bạn không quản lý tài khoản của đơn vị '" + unit.name + "'.");
        }
        for (Role role : roles) {
            if (role == Role.SERVICE_ACCOUNT) {
                throw DomainException.invalidField("roles", "user.role-invalid",
                        "Vai trò tài khoản hệ thống chỉ dành cho tài khoản hệ thống, không cho người dùng.");
            }
            if (!managing.grantable().contains(role)) {
                throw DomainException.forbidden("access.role-denied", "Bạn không được giao vai trò " + role.vietnamese() + ".");
            }
        }
        List<OrgUnit> chain = em.createQuery("select u from OrgUnit u where :path like concat(u.path, '%')", OrgUnit.class)
                .setParameter("path", unit.path).getResultList();
        if (roles.contains(Role.PROVINCE_COORDINATOR) && chain.stream().noneMatch(u -> u.kind == OrgUnitKind.PROVINCE)) {
            throw DomainException.invalidField("roles", "user.role-unit-mismatch",
                    "Cán bộ điều phối cấp tỉnh phải thuộc một đơn vị trong tỉnh.");
        }
        if (roles.contains(Role.COMMUNE_COORDINATOR)
                && chain.stream().noneMatch(u -> u.kind == OrgUnitKind.COMMUNE || u.kind == OrgUnitKind.WARD)) {
            throw DomainException.invalidField("roles", "user.role-unit-mismatch",
                    "Cán bộ điều phối cấp xã phải thuộc một xã hoặc phường.");
        }
    }

    private UserView view(AppUser u) {
        return view(u, throttle.blockedNames(List.of(u.username), Entities.now()).get(u.username));
    }

    /** {@code locked}: the end of the longest wait failed sign-ins with this name impose now, from whichever address. */
    static UserView view(AppUser u, OffsetDateTime locked) {
        return new UserView(u.id, u.username, u.fullName, u.email, u.phone, OrgUnitRef.of(u.orgUnit), new java.util.TreeSet<>(u.roles), u.active,
                u.lastSignInAt, locked, u.version, u.createdAt, u.updatedAt);
    }
}
