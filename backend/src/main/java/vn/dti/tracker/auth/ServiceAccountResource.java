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

import vn.dti.tracker.auth.AuthDtos.ServiceAccountCreate;
import vn.dti.tracker.auth.AuthDtos.ServiceAccountSecret;
import vn.dti.tracker.auth.AuthDtos.ServiceAccountUpdate;
import vn.dti.tracker.auth.AuthDtos.ServiceAccountView;
import vn.dti.tracker.auth.Role.Names;
import vn.dti.tracker.common.Created;
import vn.dti.tracker.common.Page;
import vn.dti.tracker.common.PageRequest;
import vn.dti.tracker.common.Versions;

@Path("/v1/service-accounts")
@Tag(name = "Accounts", description = "Tài khoản: people's accounts and service accounts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Names.ADMIN, Names.PROVINCE_COORDINATOR, Names.COMMUNE_COORDINATOR})
public class ServiceAccountResource {

    private final ServiceAccountService service;

    public ServiceAccountResource(ServiceAccountService service) {
        this.service = service;
    }

    @GET
    @Operation(operationId = "listServiceAccounts", summary = "List the service accounts the caller manages")
    public Page<ServiceAccountView> list(
            @QueryParam("page") @Parameter(description = "0-based page number") Integer page,
            @QueryParam("size") @Parameter(description = "Rows per page, 1-200 (default 20)") Integer size,
            @QueryParam("sort") @Parameter(description = "`clientId`, `name` or `updatedAt`, with `,asc` or `,desc`") String sort,
            @QueryParam("q") @Parameter(description = "Text in client id, name or description") String q) {
        return service.list(q, PageRequest.of(page, size, sort, ServiceAccountService.SORTABLE, "s.clientId asc"));
    }

    @GET
    @Path("/{accountId}")
    @Operation(operationId = "getServiceAccount", summary = "Read one service account")
    @APIResponse(responseCode = "200", description = "The account; its ETag is its version",
            content = @Content(schema = @Schema(implementation = ServiceAccountView.class)))
    public Response get(@PathParam("accountId") UUID accountId) {
        ServiceAccountView view = service.get(accountId);
        return Response.ok(view).tag(String.valueOf(view.version())).build();
    }

    @POST
    @Operation(operationId = "createServiceAccount", summary = "Create a service account; its secret is in this answer only")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(schema = @Schema(implementation = ServiceAccountSecret.class)))
    public Response create(@Valid @NotNull ServiceAccountCreate body) {
        ServiceAccountSecret created = service.create(body);
        return Created.at("/api/v1/service-accounts/" + created.account().id()).entity(created)
                .tag(String.valueOf(created.account().version())).build();
    }

    @PUT
    @Path("/{accountId}")
    @Operation(operationId = "updateServiceAccount", summary = "Edit a service account; `active: false` revokes it at once")
    @APIResponse(responseCode = "200", description = "Updated", content = @Content(schema = @Schema(implementation = ServiceAccountView.class)))
    public Response update(@PathParam("accountId") UUID accountId,
            @HeaderParam("If-Match") @Parameter(description = "ETag of the version being edited", required = true) String ifMatch,
            @Valid @NotNull ServiceAccountUpdate body) {
        ServiceAccountView view = service.update(accountId, Versions.requireIfMatch(ifMatch), body);
        return Response.ok(view).tag(String.valueOf(view.version())).build();
    }

    @POST
    @Path("/{accountId}/secret")
    @Operation(operationId = "rotateServiceAccountSecret", summary = "Issue a new secret; the old one and its tokens stop working")
    @APIResponse(responseCode = "200", description = "The new secret, shown this once",
            content = @Content(schema = @Schema(implementation = ServiceAccountSecret.class)))
    public Response rotate(@PathParam("accountId") UUID accountId,
            @HeaderParam("If-Match") @Parameter(description = "ETag of the version being edited", required = true) String ifMatch) {
        ServiceAccountSecret rotated = service.rotate(accountId, Versions.requireIfMatch(ifMatch));
        return Response.ok(rotated).tag(String.valueOf(rotated.account().version())).build();
    }
}
