package vn.dti.tracker.reporting;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import vn.dti.tracker.auth.Role.Names;
import vn.dti.tracker.common.PageRequest;
import vn.dti.tracker.reporting.ReportingDtos.AssignmentState;
import vn.dti.tracker.reporting.ReportingDtos.AssignmentPage;
import vn.dti.tracker.reporting.ReportingDtos.PeriodScope;

@Path("/v1/assignments")
@Tag(name = "Reports")
@Produces(MediaType.APPLICATION_JSON)
public class AssignmentResource {

    private final AssignmentService service;

    public AssignmentResource(AssignmentService service) {
        this.service = service;
    }

    @GET
    @RolesAllowed({Names.ADMIN, Names.PROVINCE_COORDINATOR, Names.COMMUNE_COORDINATOR, Names.UNIT_REPORTER, Names.VIEWER, Names.SERVICE_ACCOUNT})
    @Operation(operationId = "listAssignments", summary = "What is due: indicators and tasks × periods, with deadline and state",
            description = "Every unit in the caller's scope, or one unit (`unitId`), or the caller's own unit (`mine=true`, a reporter's \"my work\")."
                    + " Only what is due: periods of plans in force (issued) that end on or after the day the plan takes effect."
                    + " Without a period or a date range: every such period that has begun. States: NOT_STARTED, DRAFT, SUBMITTED, RETURNED,"
                    + " ACCEPTED, and LATE for a lead unit whose deadline passed with no report or a draft; `overdue` also marks a returned"
                    + " report past its deadline. The answer counts the list per state"
                    + " (`counts`) and the overdue items of earlier periods (`overdueEarlier`), so that a \"my work\" screen needs one request.")
    public AssignmentPage list(@QueryParam("page") Integer page, @QueryParam("size") Integer size,
            @QueryParam("sort") @Parameter(description = "`deadline`, `plan`, `unit`, `state` or `attention` (returned first, then late, drafts,"
                    + " not started, sent, accepted), with `,asc` or `,desc`") String sort,
            @QueryParam("planId") UUID planId,
            @QueryParam("periodKey") @Parameter(example = "2026-03") String periodKey,
            @QueryParam("unitId") UUID unitId,
            @QueryParam("mine") @Parameter(description = "Only the caller's own unit") boolean mine,
            @QueryParam("state") @Parameter(description = "Repeat for several") List<AssignmentState> states,
            @QueryParam("dueFrom") @Parameter(description = "Deadline on or after this day") LocalDate dueFrom,
            @QueryParam("dueTo") @Parameter(description = "Deadline on or before this day") LocalDate dueTo,
            @QueryParam("overdue") @Parameter(description = "Only overdue assignments (true) or only the others (false)") Boolean overdue,
            @QueryParam("q") @Parameter(description = "Words or code of the indicator or task, matched without diacritics: `ung dung` finds"
                    + " `Ứng dụng`") String q,
            @QueryParam("periodScope") @Parameter(description = "CURRENT: the period each plan is in today; EARLIER: periods that ended"
                    + " before today") PeriodScope periodScope) {
        PageRequest request = PageRequest.of(page, size, sort, AssignmentService.SORTABLE, AssignmentService.DEFAULT_ORDER);
        return service.list(new AssignmentService.Filter(planId, periodKey, unitId, mine,
                states == null || states.isEmpty() ? null : EnumSet.copyOf(states), dueFrom, dueTo, overdue, q, periodScope), request);
    }
}
