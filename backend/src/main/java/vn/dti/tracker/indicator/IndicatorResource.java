package vn.dti.tracker.indicator;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import vn.dti.tracker.indicator.IndicatorDtos.IndicatorInput;
import vn.dti.tracker.indicator.IndicatorDtos.IndicatorView;

@Path("/v1/plans/{planId}/indicators")
@Tag(name = "Indicators", description = "Chỉ tiêu: indicators of a plan with targets by year")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class IndicatorResource {

    private final IndicatorService service;

    public IndicatorResource(IndicatorService service) {
        this.service = service;
    }

    @GET
    @RolesAllowed({Names.ADMIN, Names.PROVINCE_COORDINATOR, Names.COMMUNE_COORDINATOR, Names.UNIT_REPORTER, Names.VIEWER, Names.SERVICE_ACCOUNT})
    @Operation(operationId = "listIndicators", summary = "List the indicators of a plan",
            description = "In appendix order by default; filter by text (diacritics optional), group, a unit (lead or cooperating), the lead unit, or `updatedSince`.")
    public Page<IndicatorView> list(@PathParam("planId") UUID planId,
            @QueryParam("page") Integer page,
            @QueryParam("size") Integer size,
            @QueryParam("sort") @Parameter(description = "`order`, `code`, `content` or `updatedAt`, with `,asc` or `,desc`") String sort,
            @QueryParam("q") @Parameter(example = "chu ky so") String q,
            @QueryParam("groupId") UUID groupId,
            @QueryParam("unitId") @Parameter(description = "Indicators this unit leads or cooperates on") UUID unitId,
            @QueryParam("leadUnitId") UUID leadUnitId,
            @QueryParam("updatedSince") OffsetDateTime updatedSince) {
        PageRequest request = PageRequest.of(page, size, sort, IndicatorService.SORTABLE, "g.position asc, i.position asc, i.code asc");
        return service.list(planId, new IndicatorService.Filter(q, groupId, unitId, leadUnitId, updatedSince), request);
    }

    @GET
    @Path("/{indicatorId}")
    @RolesAllowed({Names.ADMIN, Names.PROVINCE_COORDINATOR, Names.COMMUNE_COORDINATOR, Names.UNIT_REPORTER, Names.VIEWER, Names.SERVICE_ACCOUNT})
    @Operation(operationId = "getIndicator", summary = "Read one indicator")
    @APIResponse(responseCode = "200", description = "The indicator; its ETag is its version",
            content = @Content(schema = @Schema(implementation = IndicatorView.class)))
    public Response get(@PathParam("planId") UUID planId, @PathParam("indicatorId") UUID indicatorId) {
        IndicatorView view = service.get(planId, indicatorId);
        return Response.ok(view).tag(String.valueOf(view.version())).build();
    }

    @POST
    @RolesAllowed({Names.ADMIN, Names.PROVINCE_COORDINATOR, Names.COMMUNE_COORDINATOR})
    @Operation(operationId = "createIndicator", summary = "Add an indicator to a plan")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(schema = @Schema(implementation = IndicatorView.class)))
    public Response create(@PathParam("planId") UUID planId, @Valid @NotNull IndicatorInput body) {
        IndicatorView view = service.create(planId, body);
        return Created.at("/api/v1/plans/" + planId + "/indicators/" + view.id()).entity(view)
                .tag(String.valueOf(view.version())).build();
    }

    @PUT
    @Path("/{indicatorId}")
    @RolesAllowed({Names.ADMIN, Names.PROVINCE_COORDINATOR, Names.COMMUNE_COORDINATOR})
    @Operation(operationId = "updateIndicator", summary = "Replace an indicator's content, targets and units",
            description = "Requires `If-Match`.")
    @APIResponse(responseCode = "200", description = "Updated", content = @Content(schema = @Schema(implementation = IndicatorView.class)))
    public Response update(@PathParam("planId") UUID planId, @PathParam("indicatorId") UUID indicatorId,
            @HeaderParam("If-Match") @Parameter(description = "ETag of the version being edited", required = true) String ifMatch,
            @Valid @NotNull IndicatorInput body) {
        IndicatorView view = service.update(planId, indicatorId, Versions.requireIfMatch(ifMatch), body);
        return Response.ok(view).tag(String.valueOf(view.version())).build();
    }

    @DELETE
    @Path("/{indicatorId}")
    @RolesAllowed({Names.ADMIN, Names.PROVINCE_COORDINATOR, Names.COMMUNE_COORDINATOR})
    @Operation(operationId = "deleteIndicator", summary = "Delete an indicator no lower plan feeds")
    @APIResponse(responseCode = "204", description = "Deleted")
    public void delete(@PathParam("planId") UUID planId, @PathParam("indicatorId") UUID indicatorId,
            @HeaderParam("If-Match") @Parameter(description = "ETag of the version being deleted", required = true) String ifMatch) {
        service.delete(planId, indicatorId, Versions.requireIfMatch(ifMatch));
    }
}
