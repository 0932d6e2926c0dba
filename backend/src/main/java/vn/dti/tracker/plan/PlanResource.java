package vn.dti.tracker.plan;

import java.time.OffsetDateTime;
import java.util.List;
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
import vn.dti.tracker.bundle.BundleExporter;
import vn.dti.tracker.bundle.PlanBundle;
import vn.dti.tracker.common.ConditionalGet;
import vn.dti.tracker.common.Created;
import vn.dti.tracker.common.Page;
import vn.dti.tracker.common.PageRequest;
import vn.dti.tracker.common.Versions;
import vn.dti.tracker.plan.PlanDtos.GroupInput;
import vn.dti.tracker.plan.PlanDtos.GroupView;
import vn.dti.tracker.plan.PlanDtos.PlanCreate;
import vn.dti.tracker.plan.PlanDtos.PlanSummary;
import vn.dti.tracker.plan.PlanDtos.PlanUpdate;
import vn.dti.tracker.plan.PlanDtos.PlanView;

@Path("/v1/plans")
@Tag(name = "Plans", description = "Kế hoạch: plans, their text, reporting regime and groups")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PlanResource {

    private final PlanService service;
    private final BundleExporter bundles;
    private final ConditionalGet tags;

    public PlanResource(PlanService service, BundleExporter bundles, ConditionalGet tags) {
        this.tags = tags;
        this.service = service;
        this.bundles = bundles;
    }

    @GET
    @Path("/{planId}/bundle")
    @RolesAllowed({Names.ADMIN, Names.PROVINCE_COORDINATOR, Names.COMMUNE_COORDINATOR, Names.UNIT_REPORTER, Names.VIEWER, Names.SERVICE_ACCOUNT})
    @Operation(operationId = "exportPlanBundle", summary = "Export a whole plan as a bundle",
            description = "The plan, its groups, indicators, tasks, the ranks it sets or cites, and every unit it names with their ancestors, all by code (docs/plan-bundle.md)."
                    + " The ETag is a hash of the bundle: importing an edited bundle back names it in `If-Match`.")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(schema = @Schema(implementation = PlanBundle.class)))
    public Response exportBundle(@PathParam("planId") UUID planId) {
        PlanBundle bundle = bundles.export(planId);
        return Response.ok(bundle).header("ETag", tags.tagOf(bundle)).build();
    }

    @GET
    @RolesAllowed({Names.ADMIN, Names.PROVINCE_COORDINATOR, Names.COMMUNE_COORDINATOR, Names.UNIT_REPORTER, Names.VIEWER, Names.SERVICE_ACCOUNT})
    @Operation(operationId = "listPlans", summary = "List plans",
            description = "Paged; filter by text in code, number or title (diacritics optional), status, issuing unit, a unit's subtree, parent plan, a covered year,"
                    + " whether the caller reviews their reports, or `updatedSince`.")
    public Page<PlanSummary> list(
            @QueryParam("page") @Parameter(description = "0-based page number") Integer page,
            @QueryParam("size") @Parameter(description = "Rows per page, 1-200 (default 20)") Integer size,
            @QueryParam("sort") @Parameter(description = "`code`, `title`, `issueDate`, `startYear`, `status` or `updatedAt`, with `,asc` or `,desc`", example = "title,asc") String sort,
            @QueryParam("q") @Parameter(description = "Text to find; diacritics optional", example = "chuyen doi so") String q,
            @QueryParam("status") PlanStatus status,
            @QueryParam("issuingUnitId") UUID issuingUnitId,
            @QueryParam("withinUnitId") @Parameter(description = "Plans issued by this unit or any unit below it") UUID withinUnitId,
            @QueryParam("parentPlanId") UUID parentPlanId,
            @QueryParam("year") @Parameter(description = "Plans covering this year") Integer year,
            @QueryParam("updatedSince") OffsetDateTime updatedSince,
            @QueryParam("reviewable") @Parameter(description = "true: only the plans whose units' reports the caller reviews now (in force,"
                    + " issued by a unit it coordinates); false: only the others") Boolean reviewable) {
        PageRequest request = PageRequest.of(page, size, sort, PlanService.SORTABLE, "p.startYear desc, p.code asc");
        return service.list(new PlanService.Filter(q, status, issuingUnitId, withinUnitId, parentPlanId, year, updatedSince, reviewable),
                request);
    }

    @GET
    @Path("/{planId}")
    @RolesAllowed({Names.ADMIN, Names.PROVINCE_COORDINATOR, Names.COMMUNE_COORDINATOR, Names.UNIT_REPORTER, Names.VIEWER, Names.SERVICE_ACCOUNT})
    @Operation(operationId = "getPlan", summary = "Read one plan with every fact of the document")
    @APIResponse(responseCode = "200", description = "The plan; its ETag is its version",
            content = @Content(schema = @Schema(implementation = PlanView.class)))
    public Response get(@PathParam("planId") UUID planId) {
        PlanView view = service.get(planId);
        return Response.ok(view).tag(String.valueOf(view.version())).build();
    }

    @POST
    @RolesAllowed({Names.ADMIN, Names.PROVINCE_COORDINATOR, Names.COMMUNE_COORDINATOR})
    @Operation(operationId = "createPlan", summary = "Create a plan")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(schema = @Schema(implementation = PlanView.class)))
    public Response create(@Valid @NotNull PlanCreate body) {
        PlanView view = service.create(body);
        return Created.at("/api/v1/plans/" + view.id()).entity(view).tag(String.valueOf(view.version())).build();
    }

    @PUT
    @Path("/{planId}")
    @RolesAllowed({Names.ADMIN, Names.PROVINCE_COORDINATOR, Names.COMMUNE_COORDINATOR})
    @Operation(operationId = "updatePlan", summary = "Update a plan, or move its status DRAFT → ISSUED → CLOSED",
            description = "Requires `If-Match`. Issuing needs a document number and an issue date.")
    @APIResponse(responseCode = "200", description = "Updated", content = @Content(schema = @Schema(implementation = PlanView.class)))
    public Response update(@PathParam("planId") UUID planId,
            @HeaderParam("If-Match") @Parameter(description = "ETag of the version being edited", required = true) String ifMatch,
            @Valid @NotNull PlanUpdate body) {
        PlanView view = service.update(planId, Versions.requireIfMatch(ifMatch), body);
        return Response.ok(view).tag(String.valueOf(view.version())).build();
    }

    @DELETE
    @Path("/{planId}")
    @RolesAllowed({Names.ADMIN, Names.PROVINCE_COORDINATOR, Names.COMMUNE_COORDINATOR})
    @Operation(operationId = "deletePlan", summary = "Delete a draft plan that no other plan refers to")
    @APIResponse(responseCode = "204", description = "Deleted")
    public void delete(@PathParam("planId") UUID planId,
            @HeaderParam("If-Match") @Parameter(description = "ETag of the version being deleted", required = true) String ifMatch) {
        service.delete(planId, Versions.requireIfMatch(ifMatch));
    }

    @GET
    @Path("/{planId}/groups")
    @RolesAllowed({Names.ADMIN, Names.PROVINCE_COORDINATOR, Names.COMMUNE_COORDINATOR, Names.UNIT_REPORTER, Names.VIEWER, Names.SERVICE_ACCOUNT})
    @Operation(operationId = "listPlanGroups", summary = "List the indicator and task groups of a plan, in order")
    public List<GroupView> groups(@PathParam("planId") UUID planId, @QueryParam("kind") GroupKind kind) {
        return service.groups(planId, kind);
    }

    @POST
    @Path("/{planId}/groups")
    @RolesAllowed({Names.ADMIN, Names.PROVINCE_COORDINATOR, Names.COMMUNE_COORDINATOR})
    @Operation(operationId = "createPlanGroup", summary = "Add a group of indicators or tasks to a plan")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(schema = @Schema(implementation = GroupView.class)))
    public Response createGroup(@PathParam("planId") UUID planId, @Valid @NotNull GroupInput body) {
        GroupView view = service.createGroup(planId, body);
        return Created.at("/api/v1/plans/" + planId + "/groups/" + view.id()).entity(view)
                .tag(String.valueOf(view.version())).build();
    }

    @PUT
    @Path("/{planId}/groups/{groupId}")
    @RolesAllowed({Names.ADMIN, Names.PROVINCE_COORDINATOR, Names.COMMUNE_COORDINATOR})
    @Operation(operationId = "updatePlanGroup", summary = "Rename, renumber or reorder a group")
    @APIResponse(responseCode = "200", description = "Updated", content = @Content(schema = @Schema(implementation = GroupView.class)))
    public Response updateGroup(@PathParam("planId") UUID planId, @PathParam("groupId") UUID groupId,
            @HeaderParam("If-Match") @Parameter(description = "ETag of the version being edited", required = true) String ifMatch,
            @Valid @NotNull GroupInput body) {
        GroupView view = service.updateGroup(planId, groupId, Versions.requireIfMatch(ifMatch), body);
        return Response.ok(view).tag(String.valueOf(view.version())).build();
    }

    @DELETE
    @Path("/{planId}/groups/{groupId}")
    @RolesAllowed({Names.ADMIN, Names.PROVINCE_COORDINATOR, Names.COMMUNE_COORDINATOR})
    @Operation(operationId = "deletePlanGroup", summary = "Delete an empty group")
    @APIResponse(responseCode = "204", description = "Deleted")
    public void deleteGroup(@PathParam("planId") UUID planId, @PathParam("groupId") UUID groupId,
            @HeaderParam("If-Match") @Parameter(description = "ETag of the version being deleted", required = true) String ifMatch) {
        service.deleteGroup(planId, groupId, Versions.requireIfMatch(ifMatch));
    }
}
