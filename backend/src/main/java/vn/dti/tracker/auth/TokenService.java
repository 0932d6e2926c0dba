package vn.dti.tracker.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.jwt.build.Jwt;
import vn.dti.tracker.audit.AuditLog;
import vn.dti.tracker.audit.AuditLog.Actor;
import vn.dti.tracker.audit.RequestActor;
import vn.dti.tracker.auth.AuthDtos.TokenResponse;
import vn.dti.tracker.auth.RefreshToken.RevokeReason;
import vn.dti.tracker.common.DomainException;
import vn.dti.tracker.common.Entities;

/**
 * Sign-in and tokens: the password grant (with refresh tokens that rotate on use), the refresh
 * grant, and the client-credentials grant of service accounts. Every outcome, good or bad, is
 * written to the audit trail before the answer leaves, so a refused attempt is still on record.
 */
@ApplicationScoped
public class TokenService {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final EntityManager em;
    private final AuthSettings settings;
    private final Passwords passwords;
    private final AuditLog audit;
    private final RequestActor requestActor;

    public TokenService(EntityManager em, AuthSettings settings, Passwords passwords, AuditLog audit, RequestActor requestActor) {
        this.em = em;
        this.settings = settings;
        this.passwords = passwords;
        this.audit = audit;
        this.requestActor = requestActor;
    }

    /** Either tokens or the refusal to throw once the attempt is on record. */
    private record Outcome(TokenResponse tokens, DomainException refusal) {
        TokenResponse get() {
            if (refusal != null) {
                throw refusal;
            }
            return tokens;
        }
    }

    public TokenResponse password(String username, String password) {
        requireExternalOff();
        if (blank(username) || password == null || password.isEmpty()) {
            throw DomainException.invalid("auth.missing-credentials", "Cần nhập tên đăng nhập và mật khẩu.",
                    java.util.List.of(new vn.dti.tracker.common.FieldError(blank(username) ? "username" : "password",
                            "auth.missing-credentials", "Bắt buộc phải có.")));
        }
        String name = username.trim().toLowerCase();
        return QuarkusTransaction.requiringNew().call(() -> signIn(name, password)).get();
    }

    private Outcome signIn(String username, String password) {
        AppUser user = AppUser.findByUsername(username);
        if (user == null) {
            passwords.verifyDecoy(password);
            audit.record(Actor.anonymous(username), "SIGN_IN_FAILED", "app_user", null, null, Map.of("reason", "unknown-account"));
            return new Outcome(null, invalidCredentials());
        }
        OffsetDateTime now = Entities.now();
        DomainException refusal = check(user, password, now, invalidCredentials(), DomainException.unauthenticated(
                "auth.account-disabled", "Tài khoản đã bị ngừng hoạt động. Hãy liên hệ quản trị viên."));
        return refusal != null ? new Outcome(null, refusal) : new Outcome(issue(user, UUID.randomUUID(), now), null);
    }

    /**
     * What every sign-in checks, a person's password or a system's secret: not locked, the right secret
     * (else one more failure, and a wait once they add up), still active. Returns the refusal, or null
     * once the success is recorded.
     */
    private DomainException check(SignInAccount account, String secret, OffsetDateTime now, DomainException wrong,
            DomainException inactive) {
        Actor actor = new Actor(account.kind().name(), account.id, account.signInName());
        String type = account instanceof AppUser ? "app_user" : "service_account";
        String entity = account.getClass().getSimpleName();
        String scope = account.orgUnit.path;
        if (account.lockedUntil != null && account.lockedUntil.isAfter(now)) {
            audit.record(actor, "SIGN_IN_REFUSED", type, account.id, scope,
                    Map.of("reason", "locked", "lockedUntil", account.lockedUntil.toString()));
            return locked(account.lockedUntil, now);
        }
        if (!passwords.verify(secret, account.secretHash())) {
            int failures = account.failedAttempts + 1;
            OffsetDateTime lockedUntil = lockAfter(failures, now);
            em.createQuery("update " + entity + " a set a.failedAttempts = :n, a.lockedUntil = :until where a.id = :id")
                    .setParameter("n", failures).setParameter("until", lockedUntil).setParameter("id", account.id).executeUpdate();
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("reason", account instanceof AppUser ? "wrong-password" : "wrong-secret");
            details.put("consecutiveFailures", failures);
            audit.record(actor, "SIGN_IN_FAILED", type, account.id, scope, details);
            if (lockedUntil != null) {
                boolean full = Duration.between(now, lockedUntil).compareTo(settings.lockout().lockDuration()) >= 0;
                audit.record(actor, full ? "ACCOUNT_LOCKED" : "SIGN_IN_THROTTLED", type, account.id, scope,
                        Map.of("lockedUntil", lockedUntil.toString()));
            }
            return wrong;
        }
        if (!account.active) {
            audit.record(actor, "SIGN_IN_REFUSED", type, account.id, scope, Map.of("reason", "inactive"));
            return inactive;
        }
        em.createQuery("update " + entity + " a set a.failedAttempts = 0, a.lockedUntil = null, a." + account.lastSignInField()
                + " = :now where a.id = :id").setParameter("now", now).setParameter("id", account.id).executeUpdate();
        audit.record(actor, "SIGN_IN", type, account.id, scope, null);
        return null;
    }

    /** Failures beyond the free ones each wait twice as long as the last, up to the lock duration. */
    private OffsetDateTime lockAfter(int failures, OffsetDateTime now) {
        AuthSettings.Lockout lockout = settings.lockout();
        if (failures < lockout.freeAttempts()) {
            return null;
        }
        int doublings = Math.min(failures - lockout.freeAttempts(), 30);
        Duration wait = lockout.firstDelay().multipliedBy(1L << doublings);
        if (wait.compareTo(lockout.lockDuration()) > 0) {
            wait = lockout.lockDuration();
        }
        return now.plus(wait);
    }

    public TokenResponse refresh(String token) {
        requireExternalOff();
        if (blank(token)) {
            throw DomainException.invalidField("refresh_token", "auth.missing-refresh-token", "Cần mã làm mới (refresh_token).");
        }
        return QuarkusTransaction.requiringNew().call(() -> rotate(token)).get();
    }

    private Outcome rotate(String token) {
        OffsetDateTime now = Entities.now();
        RefreshToken stored = RefreshToken.find("tokenHash", sha256(token)).firstResult();
        if (stored == null) {
            return new Outcome(null, invalidRefresh());
        }
        AppUser user = stored.user;
        Actor actor = new Actor("USER", user.id, user.username);
        if (stored.revokedAt != null) {
            if (stored.revokeReason == RevokeReason.ROTATED) {
                // A token used twice: someone holds a copy. End the whole sign-in for both holders.
                int revoked = revokeFamily(stored.familyId, RevokeReason.REUSE_DETECTED, now);
                audit.record(actor, "REFRESH_TOKEN_REUSED", "app_user", user.id, user.orgUnit.path,
                        Map.of("family", stored.familyId.toString(), "revoked", revoked));
            }
            return new Outcome(null, invalidRefresh());
        }
        if (!stored.expiresAt.isAfter(now) || !user.active) {
            return new Outcome(null, invalidRefresh());
        }
        stored.usedAt = now;
        stored.revokedAt = now;
        stored.revokeReason = RevokeReason.ROTATED;
        return new Outcome(issue(user, stored.familyId, now), null);
    }

    public void signOut(String token) {
        if (blank(token)) {
            return;
        }
        QuarkusTransaction.requiringNew().run(() -> {
            RefreshToken stored = RefreshToken.find("tokenHash", sha256(token)).firstResult();
            if (stored != null && stored.revokedAt == null) {
                int revoked = revokeFamily(stored.familyId, RevokeReason.SIGN_OUT, Entities.now());
                AppUser user = stored.user;
                audit.record(new Actor("USER", user.id, user.username), "SIGN_OUT", "app_user", user.id, user.orgUnit.path,
                        Map.of("revoked", revoked));
            }
        });
    }

    public TokenResponse clientCredentials(String clientId, String secret) {
        requireExternalOff();
        if (blank(clientId) || secret == null || secret.isEmpty()) {
            throw DomainException.unauthenticated("auth.invalid-client", "Cần client_id và client_secret của tài khoản hệ thống.");
        }
        return QuarkusTransaction.requiringNew().call(() -> client(clientId.trim().toLowerCase(), secret)).get();
    }

    private Outcome client(String clientId, String secret) {
        ServiceAccount account = ServiceAccount.findByClientId(clientId);
        if (account == null) {
            passwords.verifyDecoy(secret);
            audit.record(Actor.anonymous(clientId), "SIGN_IN_FAILED", "service_account", null, null, Map.of("reason", "unknown-client"));
            return new Outcome(null, invalidClient());
        }
        OffsetDateTime now = Entities.now();
        DomainException refusal = check(account, secret, now, invalidClient(), invalidClient());
        if (refusal != null) {
            return new Outcome(null, refusal);
        }
        String access = Jwt.issuer(settings.issuer())
                .subject(account.id.toString())
                .upn(account.clientId)
                .groups(Set.of(Role.SERVICE_ACCOUNT.name()))
                .claim(CallerLoader.KIND_CLAIM, "service")
                .claim(CallerLoader.TOKEN_VERSION_CLAIM, account.tokenVersion)
                .claim("scope", "dti.read")
                .issuedAt(now.toEpochSecond())
                .expiresIn(settings.accessTokenTtl().toSeconds())
                .sign();
        return new Outcome(new TokenResponse(access, "Bearer", settings.accessTokenTtl().toSeconds(), null, null, "dti.read"), null);
    }

    /** Revokes every live refresh token of a user (password change, deactivation, administrator's reset). */
    public int revokeAll(AppUser user, RevokeReason reason) {
        int revoked = em.createQuery("update RefreshToken t set t.revokedAt = :now, t.revokeReason = :reason"
                + " where t.user = :user and t.revokedAt is null")
                .setParameter("now", Entities.now()).setParameter("reason", reason).setParameter("user", user).executeUpdate();
        audit.record(new Actor("USER", user.id, user.username), "TOKENS_REVOKED", "app_user", user.id, user.orgUnit.path,
                Map.of("reason", reason.name(), "revoked", revoked));
        return revoked;
    }

    private int revokeFamily(UUID family, RevokeReason reason, OffsetDateTime now) {
        return em.createQuery("update RefreshToken t set t.revokedAt = :now, t.revokeReason = :reason"
                + " where t.familyId = :family and t.revokedAt is null")
                .setParameter("now", now).setParameter("reason", reason).setParameter("family", family).executeUpdate();
    }

    private TokenResponse issue(AppUser user, UUID family, OffsetDateTime now) {
        long ttl = settings.accessTokenTtl().toSeconds();
        String access = Jwt.issuer(settings.issuer())
                .subject(user.id.toString())
                .upn(user.username)
                .groups(user.roles.stream().map(Role::name).collect(Collectors.toSet()))
                .claim(CallerLoader.KIND_CLAIM, "user")
                .claim(CallerLoader.TOKEN_VERSION_CLAIM, user.tokenVersion)
                .claim("name", user.fullName)
                .issuedAt(now.toEpochSecond())
                .expiresIn(ttl)
                .sign();
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String refresh = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        RefreshToken stored = new RefreshToken();
        stored.id = UUID.randomUUID();
        stored.user = user;
        stored.familyId = family;
        stored.tokenHash = sha256(refresh);
        stored.issuedAt = now;
        stored.expiresAt = now.plus(settings.refreshTokenTtl());
        stored.clientIp = requestActor.clientIp();
        stored.persist();
        return new TokenResponse(access, "Bearer", ttl, refresh, settings.refreshTokenTtl().toSeconds(), null);
    }

    static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void requireExternalOff() {
        if (settings.oidc().issuer().isPresent()) {
            throw DomainException.conflict("auth.external-sign-in",
                    "Hệ thống dùng đăng nhập một lần của tỉnh; hãy đăng nhập tại đó.");
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static DomainException invalidCredentials() {
        return DomainException.unauthenticated("auth.invalid-credentials", "Tên đăng nhập hoặc mật khẩu không đúng.");
    }

    private static DomainException invalidClient() {
        return DomainException.unauthenticated("auth.invalid-client", "client_id hoặc client_secret không đúng, hoặc tài khoản hệ thống đã bị thu hồi.");
    }

    private static DomainException invalidRefresh() {
        return DomainException.unauthenticated("auth.invalid-refresh-token",
                "Phiên đăng nhập đã hết hạn hoặc đã bị thu hồi. Hãy đăng nhập lại.");
    }

    private static DomainException locked(OffsetDateTime until, OffsetDateTime now) {
        long seconds = Math.max(1, Duration.between(now, until).toSeconds() + 1);
        return DomainException.tooMany("auth.account-locked",
                "Đăng nhập sai nhiều lần: tài khoản tạm khóa, hãy thử lại sau " + seconds + " giây.", seconds);
    }
}
