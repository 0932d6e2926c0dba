package vn.dti.tracker.auth;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import vn.dti.tracker.common.TextSearch;

/** Tài khoản hệ thống: a province system that pulls data, read-only, within the subtree of its unit. */
@Entity
@Table(name = "service_account")
public class ServiceAccount extends SignInAccount {

    @Column(name = "client_id", nullable = false, unique = true)
    public String clientId;

    @Column(nullable = false)
    public String name;

    public String description;

    @Column(name = "secret_hash", nullable = false)
    public String secretHash;

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
    String secretHash() {
        return secretHash;
    }

    @Override
    String signInName() {
        return clientId;
    }

    @Override
    Caller.Kind kind() {
        return Caller.Kind.SERVICE;
    }

    @Override
    String lastSignInField() {
        return "lastUsedAt";
    }

    @Override
    protected void beforeWrite() {
        searchText = TextSearch.foldAll(clientId, name, description);
    }
}
