package vn.dti.tracker.auth;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Who is calling, resolved once per request from the token and the database: the account, its roles,
 * and for each role the org-unit path it acts on (the root of its subtree).
 */
public record Caller(Kind kind, UUID id, String name, UUID unitId, String unitPath, Set<Role> roles, Map<Role, String> roots) {

    public enum Kind { USER, SERVICE, SYSTEM }

    /** Attribute name under which the security identity carries the caller. */
    public static final String ATTRIBUTE = "dti.caller";

    /** Code running on its own behalf (start-up demo load), never an HTTP request. */
    public static final Caller SYSTEM = new Caller(Kind.SYSTEM, null, "system", null, "/", Set.of(Role.ADMIN),
            Map.of(Role.ADMIN, "/"));

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean isAdmin() {
        return roles.contains(Role.ADMIN);
    }

    /** Subtrees this caller reads. */
    public Collection<String> readRoots() {
        return roots.values();
    }

    /** Subtrees this caller coordinates: edits plans, units, ranks, accounts. */
    public List<String> manageRoots() {
        return roots.entrySet().stream()
                .filter(e -> e.getKey() == Role.ADMIN || e.getKey().isCoordinator())
                .map(Map.Entry::getValue).toList();
    }

    /** The best role this caller holds for managing inside {@code path}, or null. */
    public Role managingRoleFor(String path) {
        for (Role role : List.of(Role.ADMIN, Role.PROVINCE_COORDINATOR, Role.COMMUNE_COORDINATOR)) {
            String root = roots.get(role);
            if (root != null && path.startsWith(root)) {
                return role;
            }
        }
        return null;
    }
}
