package vn.dti.tracker.auth;

import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import vn.dti.tracker.common.TextSearch;
import vn.dti.tracker.common.VersionedEntity;
import vn.dti.tracker.orgunit.OrgUnit;

/** Tài khoản người dùng: a person who signs in, belonging to one org unit. */
@Entity
@Table(name = "app_user")
public class AppUser extends VersionedEntity {

    @Id
    public UUID id;

    @Column(nullable = false, unique = true)
    public String username;

    @Column(name = "full_name", nullable = false)
    public String fullName;

    public String email;

    public String phone;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "org_unit_id")
    public OrgUnit orgUnit;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "app_user_role", joinColumns = @JoinColumn(name = "user_id"))
    @Column(name = "role")
    @Enumerated(EnumType.STRING)
    public Set<Role> roles = EnumSet.noneOf(Role.class);

    @Column(name = "password_hash", nullable = false)
    public String passwordHash;

    @Column(nullable = false)
    public boolean active = true;

    @Column(name = "token_version", nullable = false)
    public int tokenVersion;

    @Column(name = "failed_attempts", nullable = false)
    public int failedAttempts;

    @Column(name = "locked_until")
    public OffsetDateTime lockedUntil;

    @Column(name = "last_sign_in_at")
    public OffsetDateTime lastSignInAt;

    @Column(name = "password_changed_at", nullable = false)
    public OffsetDateTime passwordChangedAt;

    @Column(name = "search_text", nullable = false)
    public String searchText;

    public static AppUser findByUsername(String username) {
        return find("username", username).firstResult();
    }

    @Override
    protected void beforeWrite() {
        searchText = TextSearch.foldAll(username, fullName, email);
    }
}
