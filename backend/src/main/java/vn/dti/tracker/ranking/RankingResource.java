package vn.dti.tracker.ranking;

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

import vn.dti.tracker.auth.Role.Names;
import vn.dti.tracker.common.Created;
import vn.dti.tracker.common.Page;
import vn.dti.tracker.common.PageRequest;
import vn.dti.tracker.common.Versions;
import vn.dti.tracker.ranking.RankingDtos.FrameworkInput;
import vn.dti.tracker.ranking.RankingDtos.FrameworkView;

@Path("/v1/dti-frameworks")
@Tag(name = "DTI ranking", description = "Bộ chỉ số DTI, mục tiêu và kết quả xếp hạng")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RankingResource {

    private final RankingService service;

    public RankingResource(RankingService service) {
        this.service = service;
    }

    @GET
    @RolesAllowed({Names.ADMIN, Names.PROVINCE_COORDINATOR, Names.COMMUNE_COORDINATOR, Names.UNIT_REPORTER, Names.VIEWER, Names.SERVICE_ACCOUNT})
    @Operation(operationId = "listDtiFrameworks", summary = "List DTI framework editions")
    public Page<FrameworkView> list(@QueryParam("page") Integer page, @QueryParam("size") Integer size,
            @QueryParam("sort") @Parameter(description = "`code`, `edition` or `updatedAt`, with `,asc` or `,desc`") String sort) {
        return service.list(PageRequest.of(page, size, sort, RankingService.SORTABLE, "f.code asc"));
    }

    @GET
    @Path("/{frameworkId}")
    @RolesAllowed({Names.ADMIN, Names.PROVINCE_COORDINATOR, Names.COMMUNE_COORDINATOR, Names.UNIT_REPORTER, Names.VIEWER, Names.SERVICE_ACCOUNT})
    @Operation(operationId = "getDtiFramework", summary = "Read a DTI framework with its pillars")
    @APIResponse(responseCode = "200", description = "The framework", content = @Content(schema = @Schema(implementation = FrameworkView.class)))
    public Response get(@PathParam("frameworkId") UUID frameworkId) {
        FrameworkView view = service.get(frameworkId);
        return Response.ok(view).tag(String.valueOf(view.version())).build();
    }

    @POST
    @RolesAllowed(Names.ADMIN)
    @Operation(operationId = "createDtiFramework", summary = "Create a DTI framework edition with its pillars")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(schema = @Schema(implementation = FrameworkView.class)))
    public Response create(@Valid @NotNull FrameworkInput body) {
        FrameworkView view = service.create(body);
        return Created.at("/api/v1/dti-frameworks/" + view.id()).entity(view).tag(String.valueOf(view.version())).build();
    }

    @PUT
    @Path("/{frameworkId}")
    @RolesAllowed(Names.ADMIN)
    @Operation(operationId = "updateDtiFramework", summary = "Update a framework's name, edition and pillars (matched by code)")
    @APIResponse(responseCode = "200", description = "Updated", content = @Content(schema = @Schema(implementation = FrameworkView.class)))
    public Response update(@PathParam("frameworkId") UUID frameworkId,
            @HeaderParam("If-Match") @Parameter(description = "ETag of the version being edited", required = true) String ifMatch,
            @Valid @NotNull FrameworkInput body) {
        FrameworkView view = service.update(frameworkId, Versions.requireIfMatch(ifMatch), body);
        return Response.ok(view).tag(String.valueOf(view.version())).build();
    }
}
