package vn.dti.tracker.auth;

import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;

import vn.dti.tracker.common.TextSearch;

/** Tài khoản người dùng: a person who signs in, belonging to one org unit. */
@Entity
@Table(name = "app_user")
public class AppUser extends SignInAccount {

    @Column(nullable = false, unique = true)
    public String username;

    @Column(name = "full_name", nullable = false)
    public String fullName;

    public String email;

    public String phone;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "app_user_role", joinColumns = @JoinColumn(name = "user_id"))
    @Column(name = "role")
    @Enumerated(EnumType.STRING)
    public Set<Role> roles = EnumSet.noneOf(Role.class);

    @Column(name = "password_hash", nullable = false)
    public String passwordHash;

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
    String secretHash() {
        return passwordHash;
    }

    @Override
    String signInName() {
        return username;
    }

    @Override
    Caller.Kind kind() {
        return Caller.Kind.USER;
    }

    @Override
    String lastSignInField() {
        return "lastSignInAt";
    }

    @Override
    protected void beforeWrite() {
        searchText = TextSearch.foldAll(username, fullName, email);
    }
}
