package vn.dti.tracker.auth;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import vn.dti.tracker.orgunit.OrgUnitDtos.OrgUnitRef;

/** The API shapes of sign-in, accounts and service accounts. */
public final class AuthDtos {

    private AuthDtos() {
    }

    public static final String USERNAME_PATTERN = "^[a-z0-9][a-z0-9._-]{2,63}$";

    /** The token answer keeps the OAuth 2.0 names (RFC 6749 §5.1), so standard client libraries read it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "TokenResponse", description = "Tokens (RFC 6749 §5.1 field names)")
    public record TokenResponse(
            @JsonProperty("access_token") @Schema(description = "RS256 JWT for the Authorization: Bearer header") String accessToken,
            @JsonProperty("token_type") @Schema(examples = "Bearer") String tokenType,
            @JsonProperty("expires_in") @Schema(description = "Seconds the access token lives", examples = "900") long expiresIn,
            @JsonProperty("refresh_token") @Schema(nullable = true, description = "Single-use; absent for service accounts") String refreshToken,
            @JsonProperty("refresh_expires_in") @Schema(nullable = true) Long refreshExpiresIn,
            @Schema(nullable = true, examples = "dti.read") String scope) {
    }

    @Schema(name = "RoleScope", description = "A role and the org unit whose subtree it acts on")
    public record RoleScope(Role role,
            @Schema(nullable = true, description = "Null for a role that acts on every unit (an administrator)") OrgUnitRef scope) {
    }

    @Schema(name = "Me", description = "The signed-in account")
    public record MeView(
            @Schema(examples = "USER") Caller.Kind kind,
            @Schema(nullable = true) UUID id,
            @Schema(examples = "commune") String username,
            @Schema(nullable = true, examples = "Nguyễn Văn An") String fullName,
            @Schema(nullable = true) String email,
            OrgUnitRef unit,
            @Schema(description = "The account's roles, to name them to people; what they allow is in `actions` and in each object's actions")
            Set<Role> roles,
            List<RoleScope> scopes,
            @Schema(description = "Units whose subtrees the caller coordinates (an administrator coordinates everything and may have none listed)")
            List<OrgUnitRef> coordinatedUnits,
            @Schema(description = "What the caller may do beyond any one object; each is listed exactly when the calls it names would pass."
                    + " CREATE_PLAN: draw up a plan for a unit it coordinates, or import one; REPORT: write the reports of its own unit"
                    + " (its work: the assignments of its unit); REVIEW: accept and return the reports of the plans issued by a unit it"
                    + " coordinates; MANAGE_UNITS: create and change units below a unit it coordinates; MANAGE_TOP_UNITS: create units"
                    + " without a parent unit, or move a unit up there; MANAGE_USERS: manage the accounts of people in its subtree;"
                    + " MANAGE_SERVICE_ACCOUNTS: manage the service accounts of its subtree")
            List<MeAction> actions,
            @Schema(description = "The roles the caller may give to the accounts it manages (the role acting on the account's unit decides"
                    + " for that unit); empty when it manages no accounts")
            List<Role> grantableRoles,
            @Schema(description = "Whose dashboard the caller starts on: the province, commune or ward of the widest subtree it reads"
                    + " (an administrator's: of its own unit)")
            OrgUnitRef dashboardUnit,
            @Schema(description = "The screen the caller starts on: the province's coordinators on the dashboard of its communes, other"
                    + " reviewers on the review queue, reporters on their work, everyone else on the dashboard")
            MeHome home) {
    }

    /** The screen a person starts on, by what they do first. */
    @Schema(name = "MeHome")
    public enum MeHome { DASHBOARD, REVIEW, MY_WORK }

    /** What a caller may do that belongs to no object yet: the screens it may open. */
    @Schema(name = "MeAction")
    public enum MeAction { CREATE_PLAN, REPORT, REVIEW, MANAGE_UNITS, MANAGE_TOP_UNITS, MANAGE_USERS, MANAGE_SERVICE_ACCOUNTS }

    @Schema(name = "PasswordChange", description = "The current password and the new one")
    public record PasswordChange(@NotBlank String currentPassword, @NotBlank @Size(max = 128) String newPassword) {
    }

    @Schema(name = "PasswordReset", description = "A new password set by an administrator or coordinator")
    public record PasswordReset(@NotBlank @Size(max = 128) String newPassword) {
    }

    @Schema(name = "UserCreate", description = "A new account of a person")
    public record UserCreate(
            @NotBlank @Pattern(regexp = USERNAME_PATTERN) @Schema(examples = "nguyenvanan") String username,
            @NotBlank @Size(max = 200) @Schema(examples = "Nguyễn Văn An") String fullName,
            @Size(max = 254) @jakarta.validation.constraints.Email String email,
            @Size(max = 32) @Pattern(regexp = "^[0-9 +().-]{6,32}$") String phone,
            @jakarta.validation.constraints.NotNull UUID orgUnitId,
            @jakarta.validation.constraints.NotEmpty Set<Role> roles,
            @NotBlank @Size(max = 128) String password) {
    }

    @Schema(name = "UserUpdate", description = "Editable fields of an account; active=false signs it out everywhere")
    public record UserUpdate(
            @NotBlank @Size(max = 200) String fullName,
            @Size(max = 254) @jakarta.validation.constraints.Email String email,
            @Size(max = 32) @Pattern(regexp = "^[0-9 +().-]{6,32}$") String phone,
            @jakarta.validation.constraints.NotNull UUID orgUnitId,
            @jakarta.validation.constraints.NotEmpty Set<Role> roles,
            @jakarta.validation.constraints.NotNull Boolean active) {
    }

    @Schema(name = "User", description = "An account of a person")
    public record UserView(
            UUID id,
            String username,
            String fullName,
            @Schema(nullable = true) String email,
            @Schema(nullable = true) String phone,
            OrgUnitRef unit,
            Set<Role> roles,
            boolean active,
            @Schema(nullable = true) OffsetDateTime lastSignInAt,
            @Schema(nullable = true, description = "Set while failed sign-ins with this name make some client address wait (the owner, elsewhere, still signs in)") OffsetDateTime lockedUntil,
            long version,
            OffsetDateTime createdAt,
            OffsetDateTime updatedAt) {
    }

    @Schema(name = "ServiceAccountCreate", description = "A new service account for a province system")
    public record ServiceAccountCreate(
            @NotBlank @Pattern(regexp = USERNAME_PATTERN) @Schema(examples = "province-system") String clientId,
            @NotBlank @Size(max = 200) @Schema(examples = "Kho dữ liệu dùng chung tỉnh Đồng Nai") String name,
            @Size(max = 2000) String description,
            @jakarta.validation.constraints.NotNull @Schema(description = "The subtree it may read") UUID orgUnitId) {
    }

    @Schema(name = "ServiceAccountUpdate", description = "Editable fields of a service account; active=false revokes it")
    public record ServiceAccountUpdate(
            @NotBlank @Size(max = 200) String name,
            @Size(max = 2000) String description,
            @jakarta.validation.constraints.NotNull UUID orgUnitId,
            @jakarta.validation.constraints.NotNull Boolean active) {
    }

    @Schema(name = "ServiceAccount", description = "A service account (its secret is never shown again)")
    public record ServiceAccountView(
            UUID id,
            String clientId,
            String name,
            @Schema(nullable = true) String description,
            OrgUnitRef unit,
            boolean active,
            OffsetDateTime secretRotatedAt,
            @Schema(nullable = true) OffsetDateTime lastUsedAt,
            long version,
            OffsetDateTime createdAt,
            OffsetDateTime updatedAt) {
    }

    @Schema(name = "ServiceAccountSecret", description = "A service account with its new secret, shown this once")
    public record ServiceAccountSecret(ServiceAccountView account,
            @Schema(description = "Store it now: only its hash is kept") String clientSecret) {
    }
}
