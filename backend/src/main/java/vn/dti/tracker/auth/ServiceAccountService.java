package vn.dti.tracker.auth;

import static vn.dti.tracker.common.Values.blankToNull;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import vn.dti.tracker.auth.AuthDtos.ServiceAccountCreate;
import vn.dti.tracker.auth.AuthDtos.ServiceAccountSecret;
import vn.dti.tracker.auth.AuthDtos.ServiceAccountUpdate;
import vn.dti.tracker.auth.AuthDtos.ServiceAccountView;
import vn.dti.tracker.common.DomainException;
import vn.dti.tracker.common.Entities;
import vn.dti.tracker.common.Page;
import vn.dti.tracker.common.PageRequest;
import vn.dti.tracker.common.TextSearch;
import vn.dti.tracker.common.Versions;
import vn.dti.tracker.orgunit.OrgUnit;
import vn.dti.tracker.orgunit.OrgUnitDtos.OrgUnitRef;
import vn.dti.tracker.orgunit.OrgUnitService;

/** Service accounts: made and granted a subtree by those who coordinate it; their secrets are shown once. */
@ApplicationScoped
public class ServiceAccountService {

    static final Map<String, String> SORTABLE = Map.of("clientId", "s.clientId", "name", "s.name", "updatedAt", "s.updatedAt");

    private static final SecureRandom RANDOM = new SecureRandom();

    private final EntityManager em;
    private final AccessPolicy access;
    private final Visibility visibility;
    private final OrgUnitService units;
    private final Passwords passwords;
    private final SignInThrottle throttle;

    public ServiceAccountService(EntityManager em, AccessPolicy access, Visibility visibility, OrgUnitService units, Passwords passwords,
            SignInThrottle throttle) {
        this.em = em;
        this.throttle = throttle;
        this.access = access;
        this.visibility = visibility;
        this.units = units;
        this.passwords = passwords;
    }

    @Transactional
    public Page<ServiceAccountView> list(String q, PageRequest page) {
        AccessPolicy.Clause scope = access.managedScope("s.orgUnit.path");
        StringBuilder where = new StringBuilder(" where ").append(scope.jpql());
        Map<String, Object> params = new HashMap<>(scope.params());
        if (q != null && !q.isBlank()) {
            where.append(" and s.searchText like :q escape '\\'");
            params.put("q", TextSearch.likePattern(q));
        }
        var count = em.createQuery("select count(s) from ServiceAccount s" + where, Long.class);
        var list = em.createQuery("select s from ServiceAccount s join fetch s.orgUnit" + where + " order by " + page.orderBy(),
                ServiceAccount.class);
        params.forEach((k, v) -> {
            count.setParameter(k, v);
            list.setParameter(k, v);
        });
        long total = count.getSingleResult();
        return Page.of(list.setFirstResult(page.offset()).setMaxResults(page.size()).getResultStream()
                .map(ServiceAccountService::view).toList(), page, total);
    }

    @Transactional
    public ServiceAccountView get(UUID id) {
        return view(requireManaged(id));
    }

    @Transactional
    public ServiceAccountSecret create(ServiceAccountCreate input) {
        OrgUnit unit = grantable(input.orgUnitId());
        if (ServiceAccount.count("clientId", input.clientId()) > 0 || AppUser.count("username", input.clientId()) > 0) {
            throw DomainException.conflictField("clientId", "service-account.client-id-taken",
                    "Mã client '" + input.clientId() + "' đã được dùng.");
        }
        String secret = newSecret();
        ServiceAccount account = new ServiceAccount();
        account.id = UUID.randomUUID();
        account.clientId = input.clientId();
        account.name = input.name().trim();
        account.description = blankToNull(input.description());
        account.orgUnit = unit;
        account.secretHash = passwords.hash(secret);
        account.secretRotatedAt = Entities.now();
        account.persist();
        em.flush();
        return new ServiceAccountSecret(view(account), secret);
    }

    /** Creates the demo account with a known secret (demo data only). */
    @Transactional
    public void createWithSecret(String clientId, String name, OrgUnit unit, String secret) {
        ServiceAccount account = new ServiceAccount();
        account.id = UUID.randomUUID();
        account.clientId = clientId;
        account.name = name;
        account.orgUnit = unit;
        account.secretHash = passwords.hash(secret);
        account.secretRotatedAt = Entities.now();
        account.persist();
    }

    @Transactional
    public ServiceAccountView update(UUID id, long expectedVersion, ServiceAccountUpdate input) {
        ServiceAccount account = requireManaged(id);
        Versions.check(expectedVersion, account.version, "tài khoản hệ thống");
        access.requireServiceAccountManageable(account.orgUnit);
        account.orgUnit = grantable(input.orgUnitId());
        account.name = input.name().trim();
        account.description = blankToNull(input.description());
        if (account.active && !input.active()) {
            account.tokenVersion++;
        }
        account.active = input.active();
        em.flush();
        return view(account);
    }

    /** A new secret; the old one and every token made with it stop working at once. */
    @Transactional
    public ServiceAccountSecret rotate(UUID id, long expectedVersion) {
        ServiceAccount account = requireManaged(id);
        Versions.check(expectedVersion, account.version, "tài khoản hệ thống");
        access.requireServiceAccountManageable(account.orgUnit);
        String secret = newSecret();
        account.secretHash = passwords.hash(secret);
        account.secretRotatedAt = Entities.now();
        account.tokenVersion++;
        em.flush();
        throttle.forget(account.clientId);
        return new ServiceAccountSecret(view(account), secret);
    }

    private OrgUnit grantable(UUID unitId) {
        OrgUnit unit = access.referenced(units.requireReferenced(unitId, "orgUnitId"), "orgUnitId", unitId);
        if (!access.manages(unit.path)) {
            throw DomainException.forbidden("access.unit-denied",
                    "Bạn chỉ được cấp quyền đọc dữ liệu trong phạm vi bạn điều phối.");
        }
        access.requireServiceAccountManageable(unit);
        return unit;
    }

    private ServiceAccount requireManaged(UUID id) {
        ServiceAccount account = id == null ? null : ServiceAccount.findById(id);
        if (account == null || !visibility.sees(Visibility.Kind.SERVICE_ACCOUNT, account.id)) {
            throw DomainException.notFound("service-account.not-found", "Không tìm thấy tài khoản hệ thống.");
        }
        return account;
    }

    private static String newSecret() {
        byte[] bytes = new byte[30];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static ServiceAccountView view(ServiceAccount s) {
        return new ServiceAccountView(s.id, s.clientId, s.name, s.description, OrgUnitRef.of(s.orgUnit), s.active, s.secretRotatedAt,
                s.lastUsedAt, s.version, s.createdAt, s.updatedAt);
    }
}
