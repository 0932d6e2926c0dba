package vn.dti.tracker.orgunit;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
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
import vn.dti.tracker.orgunit.OrgUnitDtos.OrgUnitCreate;
import vn.dti.tracker.orgunit.OrgUnitDtos.OrgUnitUpdate;
import vn.dti.tracker.orgunit.OrgUnitDtos.OrgUnitView;
import vn.dti.tracker.ranking.RankingDtos.RankResultsInput;
import vn.dti.tracker.ranking.RankingDtos.RankTargetsInput;
import vn.dti.tracker.ranking.RankingDtos.RankingView;
import vn.dti.tracker.ranking.RankingService;

@Path("/v1/org-units")
@Tag(name = "Org units", description = "Đơn vị: the organisation tree")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class OrgUnitResource {

    private static final String RANKING_VERSION = "The ranking's `version` as last read, in quotes";

    private final OrgUnitService service;
    private final RankingService ranking;

    public OrgUnitResource(OrgUnitService service, RankingService ranking) {
        this.service = service;
        this.ranking = ranking;
    }

    @GET
    @RolesAllowed({Names.ADMIN, Names.PROVINCE_COORDINATOR, Names.COMMUNE_COORDINATOR, Names.UNIT_REPORTER, Names.VIEWER, Names.SERVICE_ACCOUNT})
    @Operation(operationId = "listOrgUnits", summary = "List organisation units",
            description = "Paged; filter by text (with or without diacritics), kind, parent (children) or `withinId` (a whole subtree, the unit included).")
    public Page<OrgUnitView> list(
            @QueryParam("page") @Parameter(description = "0-based page number") Integer page,
            @QueryParam("size") @Parameter(description = "Rows per page, 1-200 (default 20)") Integer size,
            @QueryParam("sort") @Parameter(description = "`code`, `name`, `kind`, `updatedAt` or `path`, with `,asc` or `,desc`", example = "name,asc") String sort,
            @QueryParam("q") @Parameter(description = "Text in code or name; diacritics optional", example = "van hoa") String q,
            @QueryParam("kind") OrgUnitKind kind,
            @QueryParam("parentId") @Parameter(description = "Only direct children of this unit") UUID parentId,
            @QueryParam("withinId") @Parameter(description = "Only this unit and its whole subtree") UUID withinId,
            @QueryParam("active") Boolean active,
            @QueryParam("updatedSince") @Parameter(description = "Only units changed after this instant (ISO-8601)") OffsetDateTime updatedSince) {
        PageRequest request = PageRequest.of(page, size, sort, OrgUnitService.SORTABLE, "u.path asc");
        return service.list(new OrgUnitService.Filter(q, kind, parentId, withinId, active, updatedSince), request);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Names.ADMIN, Names.PROVINCE_COORDINATOR, Names.COMMUNE_COORDINATOR, Names.UNIT_REPORTER, Names.VIEWER, Names.SERVICE_ACCOUNT})
    @Operation(operationId = "getOrgUnit", summary = "Read one organisation unit")
    @APIResponse(responseCode = "200", description = "The unit; its ETag is its version",
            content = @Content(schema = @Schema(implementation = OrgUnitView.class)))
    public Response get(@PathParam("id") UUID id) {
        OrgUnitView view = service.get(id);
        return Response.ok(view).tag(String.valueOf(view.version())).build();
    }

    @POST
    @RolesAllowed({Names.ADMIN, Names.PROVINCE_COORDINATOR, Names.COMMUNE_COORDINATOR})
    @Operation(operationId = "createOrgUnit", summary = "Create an organisation unit")
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(schema = @Schema(implementation = OrgUnitView.class)))
    public Response create(@Valid @NotNull OrgUnitCreate body) {
        OrgUnitView view = service.create(body);
        return Created.at("/api/v1/org-units/" + view.id()).entity(view)
                .tag(String.valueOf(view.version())).build();
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({Names.ADMIN, Names.PROVINCE_COORDINATOR, Names.COMMUNE_COORDINATOR})
    @Operation(operationId = "updateOrgUnit", summary = "Update, move or deactivate an organisation unit",
            description = "Requires `If-Match` with the ETag last read. A move that would create a cycle is refused.")
    @APIResponse(responseCode = "200", description = "Updated",
            content = @Content(schema = @Schema(implementation = OrgUnitView.class)))
    public Response update(@PathParam("id") UUID id,
            @HeaderParam("If-Match") @Parameter(description = "ETag of the version being edited", required = true) String ifMatch,
            @Valid @NotNull OrgUnitUpdate body) {
        long expected = Versions.requireIfMatch(ifMatch);
        OrgUnitView view = service.update(id, expected, body);
        return Response.ok(view).tag(String.valueOf(view.version())).build();
    }

    @PUT
    @Path("/{id}/aliases")
    @RolesAllowed({Names.ADMIN, Names.PROVINCE_COORDINATOR, Names.COMMUNE_COORDINATOR})
    @Operation(operationId = "updateOrgUnitAliases", summary = "Replace the other names of an organisation unit",
            description = "The names documents give the unit (\"Phòng VH&XH\", \"P. VHXH\"), matched, as its name is, when a plan or an"
                    + " appendix is brought in. Names a person matches to the unit in a plan's preview are added by the commit. A name"
                    + " is kept once, ignoring case, diacritics and spacing, and never the unit's own name. Whoever manages the unit;"
                    + " requires `If-Match` with the ETag last read.")
    @APIResponse(responseCode = "200", description = "Updated",
            content = @Content(schema = @Schema(implementation = OrgUnitView.class)))
    public Response updateAliases(@PathParam("id") UUID id,
            @HeaderParam("If-Match") @Parameter(description = "ETag of the version being edited", required = true) String ifMatch,
            @Valid @NotNull OrgUnitDtos.OrgUnitAliasesUpdate body) {
        long expected = Versions.requireIfMatch(ifMatch);
        OrgUnitView view = service.setAliases(id, expected, body.aliases());
        return Response.ok(view).tag(String.valueOf(view.version())).build();
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed({Names.ADMIN, Names.PROVINCE_COORDINATOR, Names.COMMUNE_COORDINATOR})
    @Operation(operationId = "deleteOrgUnit", summary = "Delete an organisation unit that nothing refers to",
            description = "A unit referred to by plans, indicators, tasks, ranks or child units is refused with 409 `org-unit.referenced`: deactivate it instead.")
    @APIResponse(responseCode = "204", description = "Deleted")
    public void delete(@PathParam("id") UUID id,
            @HeaderParam("If-Match") @Parameter(description = "ETag of the version being deleted", required = true) String ifMatch) {
        service.delete(id, Versions.requireIfMatch(ifMatch));
    }

    @GET
    @Path("/{unitId}/dti-ranking")
    @RolesAllowed({Names.ADMIN, Names.PROVINCE_COORDINATOR, Names.COMMUNE_COORDINATOR, Names.UNIT_REPORTER, Names.VIEWER, Names.SERVICE_ACCOUNT})
    @Operation(operationId = "getDtiRanking", summary = "Target and actual ranks of a unit per pillar and in total, with the gap",
            description = "Uses the newest framework edition unless `frameworkId` is given.")
    public RankingView ranking(@PathParam("unitId") UUID unitId, @QueryParam("frameworkId") UUID frameworkId) {
        return ranking.ranking(unitId, frameworkId);
    }

    @PUT
    @Path("/{unitId}/dti-targets")
    @RolesAllowed({Names.ADMIN, Names.PROVINCE_COORDINATOR, Names.COMMUNE_COORDINATOR})
    @Operation(operationId = "replaceDtiTargets", summary = "Set all rank targets of a unit in one framework",
            description = "Replaces the unit's stored targets in that framework with the given list. Requires `If-Match` with the"
                    + " `version` of the unit's ranking in that framework as last read (`getDtiRanking`; `\"0\"` before any), which"
                    + " targets and results share; the answer carries the new one.")
    public RankingView replaceTargets(@PathParam("unitId") UUID unitId,
            @HeaderParam("If-Match") @Parameter(description = RANKING_VERSION, required = true) String ifMatch,
            @Valid @NotNull RankTargetsInput body) {
        long expected = Versions.requireIfMatch(ifMatch);
        return ranking.replaceTargets(unitId, body.frameworkId(), expected, body.targets(), null);
    }

    @PUT
    @Path("/{unitId}/dti-results/{year}")
    @RolesAllowed({Names.ADMIN, Names.PROVINCE_COORDINATOR, Names.COMMUNE_COORDINATOR})
    @Operation(operationId = "replaceDtiResults", summary = "Record the published score and rank of a unit for a year",
            description = "Replaces the results stored for that unit, framework and year. Requires `If-Match` with the `version` of"
                    + " the unit's ranking in that framework as last read (`getDtiRanking`; `\"0\"` before any); the answer carries the new one.")
    public RankingView replaceResults(@PathParam("unitId") UUID unitId,
            @PathParam("year") @Min(2000) @Max(2100) int year,
            @HeaderParam("If-Match") @Parameter(description = RANKING_VERSION, required = true) String ifMatch,
            @Valid @NotNull RankResultsInput body) {
        long expected = Versions.requireIfMatch(ifMatch);
        return ranking.replaceResults(unitId, year, body.frameworkId(), expected, body.source(), body.results(), null);
    }
}
