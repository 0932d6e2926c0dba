package vn.dti.tracker.auth;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import vn.dti.tracker.common.Entities;
import vn.dti.tracker.orgunit.OrgUnit;
import vn.dti.tracker.orgunit.OrgUnitKind;

/**
 * The first accounts: the demo accounts when the demo data is loaded, and in production a first
 * administrator from the settings, so that somebody can sign in to an empty database.
 */
@ApplicationScoped
public class AccountBootstrap {

    private static final Logger LOG = Logger.getLogger(AccountBootstrap.class);

    /** The password (and secret) of every demo account; listed in the README. */
    public static final String DEMO_PASSWORD = "Demo@2026";

    record DemoAccount(String username, String fullName, String unitCode, Role role) {
    }

    static final List<DemoAccount> DEMO = List.of(
            new DemoAccount("admin", "Quản trị hệ thống", "DNAI.SKHCN", Role.ADMIN),
            new DemoAccount("province", "Cán bộ điều phối Sở Khoa học và Công nghệ", "DNAI.SKHCN", Role.PROVINCE_COORDINATOR),
            new DemoAccount("commune", "Cán bộ điều phối xã Xuân Lộc", "DNAI.XUANLOC.VHXH", Role.COMMUNE_COORDINATOR),
            new DemoAccount("reporter", "Cán bộ Trung tâm Phục vụ hành chính công xã Xuân Lộc", "DNAI.XUANLOC.TTPVHCC", Role.UNIT_REPORTER),
            new DemoAccount("reporter2", "Cán bộ Công an xã Xuân Lộc", "DNAI.XUANLOC.CA", Role.UNIT_REPORTER),
            new DemoAccount("viewer", "Lãnh đạo UBND xã Xuân Lộc", "DNAI.XUANLOC", Role.VIEWER));

    private final Passwords passwords;
    private final ServiceAccountService serviceAccounts;
    private final Optional<String> adminPassword;
    private final String adminUnitCode;
    private final String adminUnitName;

    public AccountBootstrap(Passwords passwords, ServiceAccountService serviceAccounts,
            @ConfigProperty(name = "dti.bootstrap.admin-password") Optional<String> adminPassword,
            @ConfigProperty(name = "dti.bootstrap.unit-code", defaultValue = "ROOT") String adminUnitCode,
            @ConfigProperty(name = "dti.bootstrap.unit-name", defaultValue = "Đơn vị quản trị") String adminUnitName) {
        this.passwords = passwords;
        this.serviceAccounts = serviceAccounts;
        this.adminPassword = adminPassword;
        this.adminUnitCode = adminUnitCode;
        this.adminUnitName = adminUnitName;
    }

    /** Creates the demo accounts once, when none exists yet. */
    public void demoAccounts() {
        AccessPolicy.asSystem(() -> QuarkusTransaction.requiringNew().call(() -> {
            if (AppUser.count() > 0) {
                return null;
            }
            for (DemoAccount d : DEMO) {
                OrgUnit unit = OrgUnit.findByCode(d.unitCode());
                if (unit == null) {
                    LOG.warnf("Demo account %s not created: unit %s is missing", d.username(), d.unitCode());
                    continue;
                }
                create(d.username(), d.fullName(), unit, d.role(), DEMO_PASSWORD);
            }
            OrgUnit province = OrgUnit.findByCode("DNAI");
            if (province != null) {
                serviceAccounts.createWithSecret("province-system", "Kho dữ liệu dùng chung tỉnh Đồng Nai", province, DEMO_PASSWORD);
            }
            // No password in the log, not even the demo one: README.md tells it.
            LOG.info("Demo accounts created (their password is in README.md)");
            return null;
        }));
    }

    /** With DTI_BOOTSTRAP_ADMIN_PASSWORD set and no account at all, makes the first administrator "admin". */
    void firstAdministrator(@Observes @Priority(2000) StartupEvent event) {
        if (adminPassword.isEmpty() || adminPassword.get().isBlank()) {
            return;
        }
        AccessPolicy.asSystem(() -> QuarkusTransaction.requiringNew().call(() -> {
            if (AppUser.count() > 0) {
                return null;
            }
            passwords.checkPolicy(adminPassword.get(), "admin", "dti.bootstrap.admin-password");
            OrgUnit unit = OrgUnit.findByCode(adminUnitCode);
            if (unit == null) {
                unit = new OrgUnit();
                unit.id = UUID.randomUUID();
                unit.code = adminUnitCode;
                unit.name = adminUnitName;
                unit.kind = OrgUnitKind.PROVINCE;
                unit.path = "/" + unit.id + "/";
                unit.persist();
            }
            create("admin", "Quản trị hệ thống", unit, Role.ADMIN, adminPassword.get());
            LOG.info("First administrator 'admin' created; change its password after signing in");
            return null;
        }));
    }

    private void create(String username, String fullName, OrgUnit unit, Role role, String password) {
        AppUser user = new AppUser();
        user.id = UUID.randomUUID();
        user.username = username;
        user.fullName = fullName;
        user.orgUnit = unit;
        user.roles = EnumSet.of(role);
        user.passwordHash = passwords.hash(password);
        user.passwordChangedAt = Entities.now();
        user.persist();
    }
}
