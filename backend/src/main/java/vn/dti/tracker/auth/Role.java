package vn.dti.tracker.auth;

import java.util.EnumSet;
import java.util.Set;

/** What a principal may do; where it may do it follows from its org unit (see {@link AccessPolicy}). */
public enum Role {
    /** Quản trị hệ thống: everything, everywhere. */
    ADMIN,
    /** Cán bộ điều phối cấp tỉnh: acts on the whole province. */
    PROVINCE_COORDINATOR,
    /** Cán bộ điều phối cấp xã: acts on the commune's subtree and its plans. */
    COMMUNE_COORDINATOR,
    /** Cán bộ báo cáo của đơn vị: reads the commune's plans, writes what the own unit is assigned. */
    UNIT_REPORTER,
    /** Lãnh đạo (chỉ xem): reads within the own subtree. */
    VIEWER,
    /** Hệ thống của tỉnh: reads within the subtree it was granted, never writes. */
    SERVICE_ACCOUNT;

    /** Names for {@code @RolesAllowed}. */
    public static final class Names {
        public static final String ADMIN = "ADMIN";
        public static final String PROVINCE_COORDINATOR = "PROVINCE_COORDINATOR";
        public static final String COMMUNE_COORDINATOR = "COMMUNE_COORDINATOR";
        public static final String UNIT_REPORTER = "UNIT_REPORTER";
        public static final String VIEWER = "VIEWER";
        public static final String SERVICE_ACCOUNT = "SERVICE_ACCOUNT";

        private Names() {
        }
    }

    /** Roles a person's account may hold (service accounts are a separate kind of principal). */
    public static final Set<Role> PERSON_ROLES = EnumSet.of(ADMIN, PROVINCE_COORDINATOR, COMMUNE_COORDINATOR, UNIT_REPORTER, VIEWER);

    /** As people name the role in a sentence, the way the web app names it. */
    public String vietnamese() {
        return switch (this) {
            case ADMIN -> "quản trị hệ thống";
            case PROVINCE_COORDINATOR -> "điều phối cấp tỉnh";
            case COMMUNE_COORDINATOR -> "điều phối cấp xã";
            case UNIT_REPORTER -> "cán bộ báo cáo";
            case VIEWER -> "lãnh đạo (chỉ xem)";
            case SERVICE_ACCOUNT -> "tài khoản hệ thống";
        };
    }

    public boolean isCoordinator() {
        return this == PROVINCE_COORDINATOR || this == COMMUNE_COORDINATOR;
    }

    /** The roles a holder of this role may give to others, inside its scope. */
    public Set<Role> grantable() {
        return switch (this) {
            case ADMIN -> PERSON_ROLES;
            case PROVINCE_COORDINATOR -> EnumSet.of(PROVINCE_COORDINATOR, COMMUNE_COORDINATOR, UNIT_REPORTER, VIEWER);
            case COMMUNE_COORDINATOR -> EnumSet.of(COMMUNE_COORDINATOR, UNIT_REPORTER, VIEWER);
            default -> EnumSet.noneOf(Role.class);
        };
    }
}
