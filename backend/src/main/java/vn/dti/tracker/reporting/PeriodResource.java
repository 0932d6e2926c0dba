package vn.dti.tracker.reporting;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
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
import vn.dti.tracker.common.Versions;
import vn.dti.tracker.reporting.DashboardDtos.CommuneProgressPage;
import vn.dti.tracker.reporting.DashboardDtos.CommuneReportState;
import vn.dti.tracker.reporting.DashboardDtos.PeriodSummary;
import vn.dti.tracker.reporting.ReportingDtos.ConsolidatedReport;
import vn.dti.tracker.reporting.ReportingDtos.PeriodView;
import vn.dti.tracker.reporting.ReportingDtos.ProvinceOverview;
import vn.dti.tracker.reporting.ReportingDtos.SendUpInput;

@Path("/v1/plans/{planId}/periods")
@Tag(name = "Reporting periods", description = "Kỳ báo cáo: periods and deadlines of a plan, its consolidated report, and sending it up")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PeriodResource {

    private final PeriodService periods;
    private final ConsolidationService consolidation;
    private final PeriodSummaryService summaries;
    private final CommuneProgressService communes;

    public PeriodResource(PeriodService periods, ConsolidationService consolidation, PeriodSummaryService summaries,
            CommuneProgressService communes) {
        this.periods = periods;
        this.consolidation = consolidation;
        this.summaries = summaries;
        this.communes = communes;
    }

    @GET
    @RolesAllowed({Names.ADMIN, Names.PROVINCE_COORDINATOR, Names.COMMUNE_COORDINATOR, Names.UNIT_REPORTER, Names.VIEWER, Names.SERVICE_ACCOUNT})
    @Operation(operationId = "listPeriods", summary = "List a plan's reporting periods with their deadlines",
            description = "Derived from the plan's reporting regime and years (never typed): monthly keys `2026-03`, quarterly `2026-Q1`,"
                    + " half-yearly `2026-H1`, yearly `2026`. Deadlines are days in Vietnam's time zone.")
    public List<PeriodView> list(@PathParam("planId") UUID planId, @QueryParam("year") @Parameter(example = "2026") Integer year) {
        return periods.list(planId, year);
    }

    @GET
    @Path("/{periodKey}")
    @RolesAllowed({Names.ADMIN, Names.PROVINCE_COORDINATOR, Names.COMMUNE_COORDINATOR, Names.UNIT_REPORTER, Names.VIEWER, Names.SERVICE_ACCOUNT})
    @Operation(operationId = "getPeriod", summary = "Read one reporting period")
    @APIResponse(responseCode = "200", description = "The period; its ETag is its version",
            content = @Content(schema = @Schema(implementation = PeriodView.class)))
    public Response get(@PathParam("planId") UUID planId, @PathParam("periodKey") String key) {
        PeriodView view = periods.get(planId, key);
        return Response.ok(view).tag(String.valueOf(view.version())).build();
    }

    @POST
    @Path("/{periodKey}/send-up")
    @Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
    @RolesAllowed({Names.ADMIN, Names.PROVINCE_COORDINATOR, Names.COMMUNE_COORDINATOR})
    @Operation(operationId = "sendUpPeriod", summary = "Mark the period's consolidated report as sent up, closing the period",
            description = "Coordinators of the plan's issuer. Reports still waiting for review must be accepted or returned first."
                    + " Afterwards accepted reports of the period are locked. Requires `If-Match` (the period's ETag).")
    @APIResponse(responseCode = "200", description = "Sent up", content = @Content(schema = @Schema(implementation = PeriodView.class)))
    public Response sendUp(@PathParam("planId") UUID planId, @PathParam("periodKey") String key,
            @HeaderParam("If-Match") @Parameter(description = "ETag of the period", required = true) String ifMatch,
            @Valid SendUpInput body) {
        PeriodView view = periods.sendUp(planId, key, Versions.requireIfMatch(ifMatch), body == null ? null : body.note());
        return Response.ok(view).tag(String.valueOf(view.version())).build();
    }

    @GET
    @Path("/{periodKey}/consolidated")
    @RolesAllowed({Names.ADMIN, Names.PROVINCE_COORDINATOR, Names.COMMUNE_COORDINATOR, Names.UNIT_REPORTER, Names.VIEWER, Names.SERVICE_ACCOUNT})
    @Operation(operationId = "getConsolidatedReport", summary = "The plan's consolidated report for a period",
            description = "Every indicator with its target for the year, the lead unit's latest accepted value, the computed status and the"
                    + " narrative; tasks with their progress; timeliness of the units and which are late, by how many days.")
    public ConsolidatedReport consolidated(@PathParam("planId") UUID planId, @PathParam("periodKey") String key) {
        return consolidation.consolidated(planId, key);
    }

    @GET
    @Path("/{periodKey}/overview")
    @RolesAllowed({Names.ADMIN, Names.PROVINCE_COORDINATOR, Names.COMMUNE_COORDINATOR, Names.UNIT_REPORTER, Names.VIEWER, Names.SERVICE_ACCOUNT})
    @Operation(operationId = "getPlanOverview", summary = "The province's view of a period: the plans carrying out this one, and roll-ups",
            description = "For each plan whose parent is this one (the communes'): when its consolidated report was sent up, its status counts"
                    + " and timeliness. For each indicator fed by the communes' indicators: the roll-up and its method.")
    public ProvinceOverview overview(@PathParam("planId") UUID planId, @PathParam("periodKey") String key) {
        return consolidation.overview(planId, key);
    }

    @GET
    @Path("/{periodKey}/summary")
    @RolesAllowed({Names.ADMIN, Names.PROVINCE_COORDINATOR, Names.COMMUNE_COORDINATOR, Names.UNIT_REPORTER, Names.VIEWER, Names.SERVICE_ACCOUNT})
    @Operation(operationId = "getPeriodSummary", summary = "A plan's period at a glance: statuses, late units, change, year to date",
            description = "What a leader reads first: the indicators by computed status, the units late this period by name, what changed"
                    + " since the plan's previous period (counts per status, indicators that moved), and the plan's periods of the year up"
                    + " to this one with their figures and the units late in any of them. Computed as the consolidated report is.")
    public PeriodSummary summary(@PathParam("planId") UUID planId, @PathParam("periodKey") String key) {
        return summaries.summary(planId, key);
    }

    @GET
    @Path("/{periodKey}/communes")
    @RolesAllowed({Names.ADMIN, Names.PROVINCE_COORDINATOR, Names.COMMUNE_COORDINATOR, Names.UNIT_REPORTER, Names.VIEWER, Names.SERVICE_ACCOUNT})
    @Operation(operationId = "listPeriodCommunes", summary = "Every commune and ward of the plan's issuer, with its report for the period",
            description = "Each active commune or ward below the plan's issuing unit that the caller may read, whether or not its plan"
                    + " carries out this one: the plan it has for the year (the one carrying out this plan first; none is a state of its"
                    + " own), whether and when its consolidated report was sent up and whether late, its indicators by status, its late"
                    + " units, and the statuses of its indicators feeding each of this plan's indicators. `stateCounts`,"
                    + " `totalCommunes` and `rollups` cover every commune in scope whatever the filter.")
    public CommuneProgressPage communes(@PathParam("planId") UUID planId, @PathParam("periodKey") String key,
            @QueryParam("q") @Parameter(description = "Text in the commune's name or code or its plan's number or title; diacritics optional",
                    example = "xuan loc") String q,
            @QueryParam("state") @Parameter(description = "Only communes in these states (repeat the parameter for several)") List<CommuneReportState> states,
            @QueryParam("page") @Parameter(description = "0-based page number") Integer page,
            @QueryParam("size") @Parameter(description = "Rows per page, 1-200 (default 20)") Integer size,
            @QueryParam("sort") @Parameter(description = "`name`, `state` (worst first), `sentUpAt` or `missing`, with `,asc` or `,desc`",
                    example = "state,asc") String sort) {
        return communes.list(planId, key, new CommuneProgressService.Filter(q, states), page, size, sort);
    }
}
