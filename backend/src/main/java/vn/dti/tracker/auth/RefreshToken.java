package vn.dti.tracker.auth;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One refresh token, kept only as its SHA-256; a sign-in's tokens share a family. */
@Entity
@Table(name = "refresh_token")
public class RefreshToken extends PanacheEntityBase {

    public enum RevokeReason { ROTATED, SIGN_OUT, PASSWORD_CHANGED, DEACTIVATED, REUSE_DETECTED, ADMIN }

    @Id
    public UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "user_id")
    public AppUser user;

    @Column(name = "family_id", nullable = false)
    public UUID familyId;

    @Column(name = "token_hash", nullable = false, unique = true)
    public String tokenHash;

    @Column(name = "issued_at", nullable = false)
    public OffsetDateTime issuedAt;

    @Column(name = "expires_at", nullable = false)
    public OffsetDateTime expiresAt;

    @Column(name = "used_at")
    public OffsetDateTime usedAt;

    @Column(name = "revoked_at")
    public OffsetDateTime revokedAt;

    @Column(name = "revoke_reason")
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    public RevokeReason revokeReason;

    @Column(name = "client_ip")
    public String clientIp;
}
