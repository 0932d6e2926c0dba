package vn.dti.tracker.auth;

import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.persistence.EntityManager;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.AuthenticationFailedException;
import vn.dti.tracker.orgunit.OrgUnit;
import vn.dti.tracker.orgunit.OrgUnitKind;

/**
 * Turns a verified token into a {@link Caller}, from the database and not from the token alone: an
 * account that was deactivated, or whose password changed since the token was issued, is refused at
 * once, and role or unit changes apply to the next request.
 */
@ApplicationScoped
public class CallerLoader {

    public static final String KIND_CLAIM = "dti_kind";
    public static final String TOKEN_VERSION_CLAIM = "tv";

    private static final ThreadLocal<Boolean> RESOLVING = new ThreadLocal<>();

    private final EntityManager em;
    private final AuthSettings settings;

    public CallerLoader(EntityManager em, AuthSettings settings) {
        this.em = em;
        this.settings = settings;
    }

    /** True while this thread is loading a caller (its own queries are not anyone's writes). */
    public static boolean isResolving() {
        return Boolean.TRUE.equals(RESOLVING.get());
    }

    public Caller load(JsonWebToken jwt) {
        RESOLVING.set(Boolean.TRUE);
        try {
            return QuarkusTransaction.requiringNew().call(() -> resolve(jwt));
        } finally {
            RESOLVING.remove();
        }
    }

    private Caller resolve(JsonWebToken jwt) {
        String external = settings.oidc().issuer().orElse(null);
        if (external != null && external.equals(jwt.getIssuer())) {
            return external(jwt);
        }
        UUID id = uuid(jwt.getSubject());
        Integer version = number(jwt.getClaim(TOKEN_VERSION_CLAIM));
        String kind = text(jwt.getClaim(KIND_CLAIM));
        if (id == null || version == null) {
            throw refused();
        }
        SignInAccount account = switch (kind == null ? "" : kind) {
            case "user" -> em.find(AppUser.class, id);
            case "service" -> em.find(ServiceAccount.class, id);
            default -> null;
        };
        if (account == null) {
            unlessReadFailed();
            throw refused();
        }
        if (!account.active || account.tokenVersion != version) {
            throw refused();
        }
        Set<Role> roles = account instanceof AppUser user ? user.roles : EnumSet.of(Role.SERVICE_ACCOUNT);
        return build(account.kind(), account.id, account.signInName(), account.orgUnit, roles);
    }

    /** A token of the province single sign-on: a local account of the same name decides, else the mapped claims. */
    private Caller external(JsonWebToken jwt) {
        AuthSettings.Oidc oidc = settings.oidc();
        String username = text(jwt.getClaim(oidc.usernameClaim()));
        if (username == null) {
            throw refused();
        }
        AppUser user = AppUser.findByUsername(username.toLowerCase());
        if (user == null) {
            unlessReadFailed();
        }
        if (user != null) {
            if (!user.active) {
                throw refused();
            }
            return build(Caller.Kind.USER, user.id, user.username, user.orgUnit, user.roles);
        }
        String unitCode = text(jwt.getClaim(oidc.unitClaim()));
        OrgUnit unit = unitCode == null ? null : OrgUnit.findByCode(unitCode);
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Object claim = jwt.getClaim(oidc.rolesClaim());
        if (claim instanceof Collection<?> values) {
            for (Object value : values) {
                String name = value instanceof JsonString s ? s.getString() : String.valueOf(value);
                String mapped = oidc.roleMap().getOrDefault(name, name);
                Role.PERSON_ROLES.stream().filter(r -> r.name().equals(mapped)).forEach(roles::add);
            }
        }
        if (unit == null || roles.isEmpty()) {
            throw refused();
        }
        return build(Caller.Kind.USER, null, username, unit, roles);
    }

    /** The caller an account is when it signs in; start-up work acting for a person (demo/DemoHistory) uses it. */
    public Caller forAccount(AppUser user) {
        return build(Caller.Kind.USER, user.id, user.username, user.orgUnit, user.roles);
    }

    /** The subtree each role acts on, found from the unit's chain of ancestors. */
    Caller build(Caller.Kind kind, UUID id, String name, OrgUnit unit, Set<Role> roles) {
        List<OrgUnit> chain = em.createQuery("select u from OrgUnit u where :path like concat(u.path, '%')"
                + " order by length(u.path) desc", OrgUnit.class).setParameter("path", unit.path).getResultList();
        Map<Role, String> roots = new EnumMap<>(Role.class);
        for (Role role : roles) {
            roots.put(role, switch (role) {
                case ADMIN -> "/";
                case PROVINCE_COORDINATOR -> nearest(chain, unit, EnumSet.of(OrgUnitKind.PROVINCE));
                case COMMUNE_COORDINATOR -> nearest(chain, unit, EnumSet.of(OrgUnitKind.COMMUNE, OrgUnitKind.WARD));
                case UNIT_REPORTER -> nearest(chain, unit, EnumSet.of(OrgUnitKind.COMMUNE, OrgUnitKind.WARD, OrgUnitKind.PROVINCE));
                case VIEWER, SERVICE_ACCOUNT -> unit.path;
            });
        }
        return new Caller(kind, id, name, unit.id, unit.path, Set.copyOf(roles), Map.copyOf(roots));
    }

    private static String nearest(List<OrgUnit> chain, OrgUnit unit, Set<OrgUnitKind> kinds) {
        return chain.stream().filter(u -> kinds.contains(u.kind)).map(u -> u.path).findFirst().orElse(unit.path);
    }

    /**
     * Hibernate's {@code find} answers null, instead of throwing, when its query fails in a transaction already marked
     * for rollback (HHH-12472): a connection that died as it was being enlisted does that. An account that was not read
     * is not an account that does not exist, and must not sign its user out.
     */
    private static void unlessReadFailed() {
        if (QuarkusTransaction.isActive() && QuarkusTransaction.isRollbackOnly()) {
            throw new jakarta.persistence.PersistenceException("The account could not be read: the transaction was rolled back under"
                    + " the query", new java.sql.SQLTransientConnectionException("The connection failed as the query began"));
        }
    }

    private static AuthenticationFailedException refused() {
        return new AuthenticationFailedException("token refused");
    }

    private static UUID uuid(String value) {
        try {
            return value == null ? null : UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Integer number(Object claim) {
        if (claim instanceof JsonNumber n) {
            return n.intValue();
        }
        if (claim instanceof Number n) {
            return n.intValue();
        }
        return null;
    }

    private static String text(Object claim) {
        if (claim instanceof JsonString s) {
            return s.getString();
        }
        return claim == null ? null : claim.toString();
    }
}
