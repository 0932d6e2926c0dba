package vn.dti.tracker.auth;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import vn.dti.tracker.auth.AuthDtos.MeView;
import vn.dti.tracker.auth.AuthDtos.PasswordChange;
import vn.dti.tracker.auth.AuthDtos.TokenResponse;
import vn.dti.tracker.auth.Role.Names;
import vn.dti.tracker.common.DomainException;
import vn.dti.tracker.common.FieldError;
import vn.dti.tracker.common.ProductMetrics;

@Path("/v1")
@Tag(name = "Sign-in", description = "Đăng nhập: tokens, sign-out and the signed-in account")
@Produces(MediaType.APPLICATION_JSON)
public class AuthResource {

    private final TokenService tokens;
    private final AccountService accounts;
    private final ProductMetrics metrics;

    public AuthResource(TokenService tokens, AccountService accounts, ProductMetrics metrics) {
        this.tokens = tokens;
        this.accounts = accounts;
        this.metrics = metrics;
    }

    @POST
    @Path("/auth/token")
    @PermitAll
    @SecurityRequirements
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(operationId = "createToken", summary = "Sign in, refresh, or get a service account's token (OAuth 2.0 token endpoint)",
            description = """
                    Form-encoded as in RFC 6749. `grant_type=password` with `username` and `password` signs a person in and \
                    returns an access token and a single-use refresh token. `grant_type=refresh_token` with `refresh_token` \
                    exchanges it for a new pair (a refresh token presented twice ends the whole sign-in). \
                    `grant_type=client_credentials` with `client_id` and `client_secret` (or HTTP Basic) returns a read-only \
                    access token for a service account. An unknown name, a wrong password or secret and a deactivated account get \
                    the same 401. Repeated failures of one name from one client address, or many failures from one address \
                    whatever the names, make that address wait (429 with Retry-After), whether or not the name exists.""")
    @APIResponse(responseCode = "200", description = "Tokens", content = @Content(schema = @Schema(implementation = TokenResponse.class)))
    public TokenResponse token(
            @FormParam("grant_type") @Parameter(description = "password, refresh_token or client_credentials") String grantType,
            @FormParam("username") String username,
            @FormParam("password") String password,
            @FormParam("refresh_token") String refreshToken,
            @FormParam("client_id") String clientId,
            @FormParam("client_secret") String clientSecret,
            @HeaderParam("Authorization") @Parameter(hidden = true) String authorization) {
        try {
            return grant(grantType, username, password, refreshToken, clientId, clientSecret, authorization);
        } catch (DomainException e) {
            metrics.signInFailed(e.code());
            throw e;
        }
    }

    private TokenResponse grant(String grantType, String username, String password, String refreshToken, String clientId,
            String clientSecret, String authorization) {
        if (grantType == null || grantType.isBlank()) {
            throw DomainException.invalid("auth.unsupported-grant", "Thiếu grant_type (password, refresh_token hoặc client_credentials).",
                    java.util.List.of(new FieldError("grant_type", "auth.unsupported-grant", "Bắt buộc phải có.")));
        }
        return switch (grantType) {
            case "password" -> tokens.password(username, password);
            case "refresh_token" -> tokens.refresh(refreshToken);
            case "client_credentials" -> {
                String[] basic = basic(authorization);
                yield basic != null ? tokens.clientCredentials(basic[0], basic[1]) : tokens.clientCredentials(clientId, clientSecret);
            }
            default -> throw DomainException.invalid("auth.unsupported-grant",
                    "grant_type '" + grantType + "' không được hỗ trợ; dùng password, refresh_token hoặc client_credentials.",
                    java.util.List.of(new FieldError("grant_type", "auth.unsupported-grant", "Giá trị không được hỗ trợ.")));
        };
    }

    @POST
    @Path("/auth/sign-out")
    @PermitAll
    @SecurityRequirements
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(operationId = "signOut", summary = "Sign out: revoke a refresh token and every token of the same sign-in",
            description = "Answers 204 whether or not the token was still valid (RFC 7009). Idempotent by design, so it needs no"
                    + " `If-Match`: signing out twice leaves the same state as once.")
    @APIResponse(responseCode = "204", description = "Signed out")
    @org.eclipse.microprofile.openapi.annotations.parameters.RequestBody(required = false)
    public void signOut(@FormParam("refresh_token") String refreshToken) {
        tokens.signOut(refreshToken);
    }

    @GET
    @Path("/me")
    @RolesAllowed({Names.ADMIN, Names.PROVINCE_COORDINATOR, Names.COMMUNE_COORDINATOR, Names.UNIT_REPORTER, Names.VIEWER,
            Names.SERVICE_ACCOUNT})
    @Operation(operationId = "getMe", summary = "The signed-in account, its roles and the subtree each role acts on")
    public MeView me() {
        return accounts.me();
    }

    @PUT
    @Path("/me/password")
    @RolesAllowed({Names.ADMIN, Names.PROVINCE_COORDINATOR, Names.COMMUNE_COORDINATOR, Names.UNIT_REPORTER, Names.VIEWER})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "changeMyPassword", summary = "Change the own password",
            description = "Signs the account out everywhere: every refresh token is revoked and existing access tokens stop working."
                    + " Guarded by the current password instead of `If-Match`: only whoever knows the password being replaced changes it,"
                    + " and of two changes at once the second no longer knows it.")
    @APIResponse(responseCode = "204", description = "Changed")
    public Response changePassword(@Valid @NotNull PasswordChange body) {
        accounts.changeOwnPassword(body);
        return Response.noContent().build();
    }

    private static String[] basic(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? null : new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)};
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
