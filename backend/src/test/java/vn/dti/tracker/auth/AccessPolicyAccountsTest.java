package vn.dti.tracker.auth;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** Who may manage an account that coordinates: administrators, or a coordinator strictly above it. */
class AccessPolicyAccountsTest {

    static final String PROVINCE = "/p/";
    static final String COMMUNE = "/p/c/";
    static final String OTHER_COMMUNE = "/p/d/";
    static final String OFFICE = "/p/c/o/";

    static Caller caller(Role role, String root) {
        return new Caller(Caller.Kind.USER, UUID.randomUUID(), "x", UUID.randomUUID(), root, Set.of(role), Map.of(role, root));
    }

    @Test
    void peersCannotManageEachOther() {
        assertFalse(AccessPolicy.managesAccount(caller(Role.COMMUNE_COORDINATOR, COMMUNE), caller(Role.COMMUNE_COORDINATOR, COMMUNE)));
        assertFalse(AccessPolicy.managesAccount(caller(Role.PROVINCE_COORDINATOR, PROVINCE), caller(Role.PROVINCE_COORDINATOR, PROVINCE)));
    }

    @Test
    void fromAboveItIsAllowed() {
        assertTrue(AccessPolicy.managesAccount(caller(Role.PROVINCE_COORDINATOR, PROVINCE), caller(Role.COMMUNE_COORDINATOR, COMMUNE)));
        assertTrue(AccessPolicy.managesAccount(caller(Role.ADMIN, "/"), caller(Role.PROVINCE_COORDINATOR, PROVINCE)));
        assertTrue(AccessPolicy.managesAccount(caller(Role.ADMIN, "/"), caller(Role.ADMIN, "/")));
    }

    @Test
    void nobodyButAnAdministratorManagesAnAdministrator() {
        assertFalse(AccessPolicy.managesAccount(caller(Role.PROVINCE_COORDINATOR, PROVINCE), caller(Role.ADMIN, "/")));
    }

    @Test
    void accountsThatCoordinateNothingFollowTheUsualScope() {
        // A reporter acts on the commune, the same root as its coordinator: that is not a peer.
        assertTrue(AccessPolicy.managesAccount(caller(Role.COMMUNE_COORDINATOR, COMMUNE), caller(Role.UNIT_REPORTER, COMMUNE)));
        assertTrue(AccessPolicy.managesAccount(caller(Role.COMMUNE_COORDINATOR, COMMUNE), caller(Role.VIEWER, OFFICE)));
    }

    @Test
    void everyRoleThatCoordinatesMustLieBelow() {
        Caller both = new Caller(Caller.Kind.USER, UUID.randomUUID(), "x", UUID.randomUUID(), COMMUNE,
                Set.of(Role.COMMUNE_COORDINATOR, Role.UNIT_REPORTER), Map.of(Role.COMMUNE_COORDINATOR, COMMUNE, Role.UNIT_REPORTER, COMMUNE));
        assertFalse(AccessPolicy.managesAccount(caller(Role.COMMUNE_COORDINATOR, COMMUNE), both));
        assertTrue(AccessPolicy.managesAccount(caller(Role.PROVINCE_COORDINATOR, PROVINCE), both));
        // A coordinator of another commune is not above.
        assertFalse(AccessPolicy.managesAccount(caller(Role.COMMUNE_COORDINATOR, OTHER_COMMUNE), caller(Role.COMMUNE_COORDINATOR, COMMUNE)));
    }

    @Test
    void serviceAccountsReachingAWholeSubtreeAreManagedFromAbove() {
        assertFalse(AccessPolicy.managesStrictlyBelow(caller(Role.COMMUNE_COORDINATOR, COMMUNE), COMMUNE));
        assertTrue(AccessPolicy.managesStrictlyBelow(caller(Role.COMMUNE_COORDINATOR, COMMUNE), OFFICE));
        assertTrue(AccessPolicy.managesStrictlyBelow(caller(Role.PROVINCE_COORDINATOR, PROVINCE), COMMUNE));
        assertFalse(AccessPolicy.managesStrictlyBelow(caller(Role.PROVINCE_COORDINATOR, PROVINCE), PROVINCE));
        assertTrue(AccessPolicy.managesStrictlyBelow(caller(Role.ADMIN, "/"), PROVINCE));
        assertFalse(AccessPolicy.managesStrictlyBelow(caller(Role.VIEWER, COMMUNE), OFFICE));
    }
}
