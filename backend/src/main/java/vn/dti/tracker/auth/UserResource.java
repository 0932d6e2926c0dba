package vn.dti.tracker.auth;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import vn.dti.tracker.auth.AuthDtos.PasswordReset;
import vn.dti.tracker.auth.AuthDtos.UserCreate;
import vn.dti.tracker.auth.AuthDtos.UserUpdate;
import vn.dti.tracker.auth.AuthDtos.UserView;
import vn.dti.tracker.auth.Role.Names;
import vn.dti.tracker.common.Created;
import vn.dti.tracker.common.Page;
import vn.dti.tracker.common.PageRequest;
import vn.dti.tracker.common.Versions;

@Path("/v1/users")
@Tag(name = "Accounts", description = "Tài khoản: people's accounts and service accounts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Names.ADMIN, Names.PROVINCE_COORDINATOR, Names.COMMUNE_COORDINATOR})
public class UserResource {

    private final AccountService service;

    public UserResource(AccountService service) {
        this.service = service;
    }

    @GET
    @Operation(operationId = "listUsers", summary = "List the accounts the caller manages",
            description = "Administrators see all; coordinators the accounts of their subtree.")
    public Page<UserView> list(
            @QueryParam("page") @Parameter(description = "0-based page number") Integer page,
            @QueryParam("size") @Parameter(description = "Rows per page, 1-200 (default 20)") Integer size,
            @QueryParam("sort") @Parameter(description = "`username`, `fullName`, `lastSignInAt` or `updatedAt`, with `,asc` or `,desc`") String sort,
            @QueryParam("q") @Parameter(description = "Text in user name, full name or e-mail; diacritics optional") String q,
            @QueryParam("withinUnitId") @Parameter(description = "Accounts of this unit or any unit below it") UUID withinUnitId,
            @QueryParam("role") Role role,
            @QueryParam("active") Boolean active) {
        PageRequest request = PageRequest.of(page, size, sort, AccountService.SORTABLE, "a.username asc");
        return service.list(new AccountService.Filter(q, withinUnitId, role, active), request);
    }

    @GET
    @Path("/{userId}")
    @Operation(operationId = "getUser", summary = "Read one account")
    @APIResponse(responseCode = "200", description = "The account; its ETag is its version",
            content = @Content(schema = @Schema(implementation = UserView.class)))
    public Response get(@PathParam("userId") UUID userId) {
        UserView view = service.get(userId);
        return Response.ok(view).tag(String.valueOf(view.version())).build();
    }

    @POST
    @Operation(operationId = "createUser", summary = "Create an account",
            description = "Coordinators create accounts inside their subtree, with roles at or below their own.")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(schema = @Schema(implementation = UserView.class)))
    public Response create(@Valid @NotNull UserCreate body) {
        UserView view = service.create(body);
        return Created.at("/api/v1/users/" + view.id()).entity(view).tag(String.valueOf(view.version())).build();
    }

    @PUT
    @Path("/{userId}")
    @Operation(operationId = "updateUser", summary = "Edit an account; `active: false` deactivates it and signs it out everywhere")
    @APIResponse(responseCode = "200", description = "Updated", content = @Content(schema = @Schema(implementation = UserView.class)))
    public Response update(@PathParam("userId") UUID userId,
            @HeaderParam("If-Match") @Parameter(description = "ETag of the version being edited", required = true) String ifMatch,
            @Valid @NotNull UserUpdate body) {
        UserView view = service.update(userId, Versions.requireIfMatch(ifMatch), body);
        return Response.ok(view).tag(String.valueOf(view.version())).build();
    }

    @PUT
    @Path("/{userId}/password")
    @Operation(operationId = "resetUserPassword", summary = "Set a new password for an account and sign it out everywhere")
    @APIResponse(responseCode = "200", description = "Reset", content = @Content(schema = @Schema(implementation = UserView.class)))
    public Response resetPassword(@PathParam("userId") UUID userId,
            @HeaderParam("If-Match") @Parameter(description = "ETag of the version being edited", required = true) String ifMatch,
            @Valid @NotNull PasswordReset body) {
        UserView view = service.resetPassword(userId, Versions.requireIfMatch(ifMatch), body.newPassword());
        return Response.ok(view).tag(String.valueOf(view.version())).build();
    }
}
