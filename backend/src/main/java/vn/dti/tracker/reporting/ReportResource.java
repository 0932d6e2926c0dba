package vn.dti.tracker.reporting;

import java.time.OffsetDateTime;
import java.util.List;
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
import vn.dti.tracker.reporting.ReportingDtos.ReportChange;
import vn.dti.tracker.reporting.ReportingDtos.ReportCreate;
import vn.dti.tracker.reporting.ReportingDtos.ReportUpdate;
import vn.dti.tracker.reporting.ReportingDtos.ReportView;
import vn.dti.tracker.reporting.ReportingDtos.ReviewInput;

@Path("/v1/reports")
@Tag(name = "Reports", description = "Báo cáo kết quả: units' results on indicators and tasks, and their review")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ReportResource {

    private static final String IF_MATCH = "ETag of the version being changed";

    private final ReportService service;

    public ReportResource(ReportService service) {
        this.service = service;
    }

    @GET
    @RolesAllowed({Names.ADMIN, Names.PROVINCE_COORDINATOR, Names.COMMUNE_COORDINATOR, Names.UNIT_REPORTER, Names.VIEWER, Names.SERVICE_ACCOUNT})
    @Operation(operationId = "listReports", summary = "List reports",
            description = "Reports of units in the caller's scope. Filter by plan, period, unit, indicator or task (with `role=COOPERATING`,"
                    + " the contributions a lead unit sees while writing its own), state, or `updatedSince`.")
    public Page<ReportView> list(@QueryParam("page") Integer page, @QueryParam("size") Integer size,
            @QueryParam("sort") @Parameter(description = "`period`, `updatedAt`, `submittedAt`, `state` or `unit`, with `,asc` or `,desc`") String sort,
            @QueryParam("planId") UUID planId,
            @QueryParam("periodKey") @Parameter(example = "2026-03") String periodKey,
            @QueryParam("unitId") UUID unitId,
            @QueryParam("indicatorId") UUID indicatorId,
            @QueryParam("taskId") UUID taskId,
            @QueryParam("state") ReportState state,
            @QueryParam("role") Report.Role role,
            @QueryParam("updatedSince") OffsetDateTime updatedSince) {
        PageRequest request = PageRequest.of(page, size, sort, ReportService.SORTABLE, "p.startsOn desc, u.code asc, r.id asc");
        return service.list(new ReportService.Filter(planId, periodKey, unitId, indicatorId, taskId, state, role, updatedSince), request);
    }

    @GET
    @Path("/{reportId}")
    @RolesAllowed({Names.ADMIN, Names.PROVINCE_COORDINATOR, Names.COMMUNE_COORDINATOR, Names.UNIT_REPORTER, Names.VIEWER, Names.SERVICE_ACCOUNT})
    @Operation(operationId = "getReport", summary = "Read one report")
    @APIResponse(responseCode = "200", description = "The report; its ETag is its version",
            content = @Content(schema = @Schema(implementation = ReportView.class)))
    public Response get(@PathParam("reportId") UUID id) {
        return ok(service.get(id));
    }

    @GET
    @Path("/{reportId}/history")
    @RolesAllowed({Names.ADMIN, Names.PROVINCE_COORDINATOR, Names.COMMUNE_COORDINATOR, Names.UNIT_REPORTER, Names.VIEWER, Names.SERVICE_ACCOUNT})
    @Operation(operationId = "getReportHistory", summary = "Every change of a report: who, when, which fields, before and after")
    public List<ReportChange> history(@PathParam("reportId") UUID id) {
        return service.history(id);
    }

    @POST
    @RolesAllowed({Names.PROVINCE_COORDINATOR, Names.COMMUNE_COORDINATOR, Names.UNIT_REPORTER})
    @Operation(operationId = "createReport", summary = "Start a report (saved as a draft)",
            description = "By a person of the reporting unit, on an indicator or task the unit leads or cooperates on, for a period of the plan."
                    + " The value must have the indicator's shape.")
    @APIResponse(responseCode = "201", description = "Created as DRAFT", content = @Content(schema = @Schema(implementation = ReportView.class)))
    public Response create(@Valid @NotNull ReportCreate body) {
        ReportView view = service.create(body);
        return Created.at("/api/v1/reports/" + view.id()).entity(view).tag(String.valueOf(view.version())).build();
    }

    @PUT
    @Path("/{reportId}")
    @RolesAllowed({Names.PROVINCE_COORDINATOR, Names.COMMUNE_COORDINATOR, Names.UNIT_REPORTER})
    @Operation(operationId = "updateReport", summary = "Save a draft or returned report", description = "Requires `If-Match`.")
    @APIResponse(responseCode = "200", description = "Saved", content = @Content(schema = @Schema(implementation = ReportView.class)))
    public Response update(@PathParam("reportId") UUID id,
            @HeaderParam("If-Match") @Parameter(description = IF_MATCH, required = true) String ifMatch,
            @Valid @NotNull ReportUpdate body) {
        return ok(service.update(id, Versions.requireIfMatch(ifMatch), body));
    }

    @POST
    @Path("/{reportId}/submit")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({Names.PROVINCE_COORDINATOR, Names.COMMUNE_COORDINATOR, Names.UNIT_REPORTER})
    @Operation(operationId = "submitReport", summary = "Submit a report for review", description = "Requires `If-Match`. A draft or returned report becomes SUBMITTED.")
    @APIResponse(responseCode = "200", description = "Submitted", content = @Content(schema = @Schema(implementation = ReportView.class)))
    public Response submit(@PathParam("reportId") UUID id,
            @HeaderParam("If-Match") @Parameter(description = IF_MATCH, required = true) String ifMatch) {
        return ok(service.submit(id, Versions.requireIfMatch(ifMatch)));
    }

    @POST
    @Path("/{reportId}/accept")
    @Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
    @RolesAllowed({Names.ADMIN, Names.PROVINCE_COORDINATOR, Names.COMMUNE_COORDINATOR})
    @Operation(operationId = "acceptReport", summary = "Accept a submitted report", description = "Coordinators of the plan's issuer. Requires `If-Match`.")
    @APIResponse(responseCode = "200", description = "Accepted", content = @Content(schema = @Schema(implementation = ReportView.class)))
    public Response accept(@PathParam("reportId") UUID id,
            @HeaderParam("If-Match") @Parameter(description = IF_MATCH, required = true) String ifMatch, @Valid ReviewInput body) {
        return ok(service.accept(id, Versions.requireIfMatch(ifMatch), body == null ? null : body.comment()));
    }

    @POST
    @Path("/{reportId}/return")
    @RolesAllowed({Names.ADMIN, Names.PROVINCE_COORDINATOR, Names.COMMUNE_COORDINATOR})
    @Operation(operationId = "returnReport", summary = "Return a submitted report to its unit with a comment",
            description = "Coordinators of the plan's issuer. Requires `If-Match` and a comment.")
    @APIResponse(responseCode = "200", description = "Returned", content = @Content(schema = @Schema(implementation = ReportView.class)))
    public Response sendBack(@PathParam("reportId") UUID id,
            @HeaderParam("If-Match") @Parameter(description = IF_MATCH, required = true) String ifMatch, @Valid @NotNull ReviewInput body) {
        return ok(service.sendBack(id, Versions.requireIfMatch(ifMatch), body.comment()));
    }

    @POST
    @Path("/{reportId}/reopen")
    @RolesAllowed({Names.ADMIN, Names.PROVINCE_COORDINATOR, Names.COMMUNE_COORDINATOR})
    @Operation(operationId = "reopenReport", summary = "Reopen an accepted (or locked) report, with a reason",
            description = "The report goes back to its unit as RETURNED, the reason recorded. Requires `If-Match`.")
    @APIResponse(responseCode = "200", description = "Reopened", content = @Content(schema = @Schema(implementation = ReportView.class)))
    public Response reopen(@PathParam("reportId") UUID id,
            @HeaderParam("If-Match") @Parameter(description = IF_MATCH, required = true) String ifMatch, @Valid @NotNull ReviewInput body) {
        return ok(service.reopen(id, Versions.requireIfMatch(ifMatch), body.comment()));
    }

    private static Response ok(ReportView view) {
        return Response.ok(view).tag(String.valueOf(view.version())).build();
    }
}
