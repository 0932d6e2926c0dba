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

import vn.dti.tracker.common.TextSearch;
import vn.dti.tracker.common.VersionedEntity;
import vn.dti.tracker.orgunit.OrgUnit;

/** Tài khoản hệ thống: a province system that pulls data, read-only, within the subtree it was granted. */
@Entity
@Table(name = "service_account")
public class ServiceAccount extends VersionedEntity {

    @Id
    public UUID id;

    @Column(name = "client_id", nullable = false, unique = true)
    public String clientId;

    @Column(nullable = false)
    public String name;

    public String description;

    /** The granted subtree. */
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "org_unit_id")
    public OrgUnit orgUnit;

    @Column(name = "secret_hash", nullable = false)
    public String secretHash;

    @Column(nullable = false)
    public boolean active = true;

    @Column(name = "token_version", nullable = false)
    public int tokenVersion;

    @Column(name = "failed_attempts", nullable = false)
    public int failedAttempts;

    @Column(name = "locked_until")
    public OffsetDateTime lockedUntil;

    @Column(name = "secret_rotated_at", nullable = false)
    public OffsetDateTime secretRotatedAt;

    @Column(name = "last_used_at")
    public OffsetDateTime lastUsedAt;

    @Column(name = "search_text", nullable = false)
    public String searchText;

    public static ServiceAccount findByClientId(String clientId) {
        return find("clientId", clientId).firstResult();
    }

    @Override
    protected void beforeWrite() {
        searchText = TextSearch.foldAll(clientId, name, description);
    }
}
