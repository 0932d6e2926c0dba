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
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

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
    private final SignInThrottle throttle;

    public TokenService(EntityManager em, AuthSettings settings, Passwords passwords, AuditLog audit, RequestActor requestActor,
            SignInThrottle throttle) {
        this.em = em;
        this.throttle = throttle;
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
        DomainException refusal = check(username, user, "app_user", password, invalidCredentials());
        return refusal != null ? new Outcome(null, refusal) : new Outcome(issue(user, UUID.randomUUID(), Entities.now()), null);
    }

    /**
     * What every sign-in checks, a person's password or a system's secret. An unknown name, a wrong secret and an
     * account that was deactivated get the same answer ({@code wrong}) after the same work (one bcrypt), and count
     * as one failure of the name from this address and of the address; while either has to wait, every attempt,
     * right or wrong, known name or not, is answered 429. Returns the refusal, or null once the success is recorded.
     */
    private DomainException check(String name, SignInAccount account, String type, String secret, DomainException wrong) {
        OffsetDateTime now = Entities.now();
        String address = clientAddress();
        Optional<SignInThrottle.Block> block = throttle.blocked(name, address, now);
        boolean matches = account != null ? passwords.verify(secret, account.secretHash()) : passwords.verifyDecoy(secret);
        Actor actor = account != null ? new Actor(account.kind().name(), account.id, account.signInName()) : Actor.anonymous(name);
        UUID id = account != null ? account.id : null;
        String scope = account != null ? account.orgUnit.path : null;
        if (block.isPresent()) {
            audit.record(actor, "SIGN_IN_THROTTLED", type, id, scope, Map.of("waitFor", throttleName(block.get().scope()),
                    "blockedUntil", block.get().until().toString()));
            return throttled(block.get().until(), now);
        }
        if (account == null || !matches || !account.active) {
            SignInThrottle.Failure failure = throttle.failed(name, address, now);
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("reason", account == null ? "unknown-account" : !matches ? (account instanceof AppUser ? "wrong-password" : "wrong-secret")
                    : "inactive");
            details.put("consecutiveFailures", failure.nameFailures());
            details.put("addressFailures", failure.addressFailures());
            audit.record(actor, "SIGN_IN_FAILED", type, id, scope, details);
            if (failure.nameBlockedUntil() != null) {
                boolean full = !failure.nameBlockedUntil().isBefore(now.plus(settings.lockout().lockDuration()));
                audit.record(actor, full ? "ACCOUNT_LOCKED" : "SIGN_IN_THROTTLED", type, id, scope,
                        Map.of("waitFor", throttleName(SignInThrottle.Scope.NAME_AND_ADDRESS), "blockedUntil", failure.nameBlockedUntil().toString()));
            }
            if (failure.addressBlockedUntil() != null && failure.addressFailures() == settings.addressLimit().failures()) {
                audit.record(actor, "ADDRESS_THROTTLED", type, id, scope,
                        Map.of("waitFor", throttleName(SignInThrottle.Scope.ADDRESS), "blockedUntil", failure.addressBlockedUntil().toString()));
            }
            return wrong;
        }
        throttle.succeeded(name, address);
        em.createQuery("update " + account.getClass().getSimpleName() + " a set a." + account.lastSignInField() + " = :now where a.id = :id")
                .setParameter("now", now).setParameter("id", account.id).executeUpdate();
        audit.record(actor, "SIGN_IN", type, account.id, scope, null);
        return null;
    }

    /** Where throttling counts the attempt from: the connection's address (the proxy's client when forwarding is trusted). */
    private String clientAddress() {
        String address = requestActor.clientIp();
        return address == null || address.isBlank() ? "unknown" : address;
    }

    private static String throttleName(SignInThrottle.Scope scope) {
        return scope == SignInThrottle.Scope.ADDRESS ? "address" : "name-and-address";
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
        // The row stays locked until this transaction ends: of several uses of one token at the same moment, on
        // any instance, one rotates it and the others wait, then find it spent, which is reuse.
        RefreshToken stored = RefreshToken.<RefreshToken>find("tokenHash", sha256(token))
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
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
        DomainException refusal = check(clientId, account, "service_account", secret, invalidClient());
        OffsetDateTime now = Entities.now();
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

    /** The same answer whether or not the name belongs to an account: only how long to wait. */
    private static DomainException throttled(OffsetDateTime until, OffsetDateTime now) {
        long seconds = Math.max(1, Duration.between(now, until).toSeconds() + 1);
        return DomainException.tooMany("auth.account-locked",
                "Đăng nhập sai nhiều lần: hãy thử lại sau " + seconds + " giây.", seconds);
    }
}
