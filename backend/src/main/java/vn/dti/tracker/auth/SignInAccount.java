package vn.dti.tracker.auth;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MappedSuperclass;

import vn.dti.tracker.common.VersionedEntity;
import vn.dti.tracker.orgunit.OrgUnit;

/** What every account that signs in keeps, a person's or a province system's: its unit and state. */
@MappedSuperclass
public abstract class SignInAccount extends VersionedEntity {

    @Id
    public UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "org_unit_id")
    public OrgUnit orgUnit;

    @Column(nullable = false)
    public boolean active = true;

    /** Raised by a password change, a reset, a deactivation or a new secret: older access tokens stop working. */
    @Column(name = "token_version", nullable = false)
    public int tokenVersion;

    /** The stored bcrypt hash of its password or secret. */
    abstract String secretHash();

    /** The name it signs in with. */
    abstract String signInName();

    abstract Caller.Kind kind();

    /** The field that records its last successful sign-in. */
    abstract String lastSignInField();
}
