package vn.dti.tracker.reporting;

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
import vn.dti.tracker.reporting.ReportingDtos.ReviewQueue;

@Path("/v1/review-queue")
@Tag(name = "Reports")
@Produces(MediaType.APPLICATION_JSON)
public class ReviewQueueResource {

    private final ReviewQueueService service;

    public ReviewQueueResource(ReviewQueueService service) {
        this.service = service;
    }

    @GET
    @RolesAllowed({Names.ADMIN, Names.PROVINCE_COORDINATOR, Names.COMMUNE_COORDINATOR, Names.UNIT_REPORTER, Names.VIEWER, Names.SERVICE_ACCOUNT})
    @Operation(operationId = "getReviewQueue", summary = "Reports waiting for review across every period, oldest period first",
            description = "Reports of units in the caller's scope in one state (default SUBMITTED: waiting for review), whatever their period,"
                    + " the oldest period first and then in the order they were submitted; with the number of such reports per period.")
    public ReviewQueue queue(@QueryParam("page") Integer page, @QueryParam("size") Integer size,
            @QueryParam("planId") UUID planId,
            @QueryParam("periodKey") @Parameter(description = "Only this period (with planId, one plan's)", example = "2026-11") String periodKey,
            @QueryParam("unitId") UUID unitId,
            @QueryParam("role") Report.Role role,
            @QueryParam("state") @Parameter(description = "Default SUBMITTED") ReportState state) {
        return service.queue(new ReviewQueueService.Filter(planId, periodKey, unitId, role, state),
                ReviewQueueService.pageRequest(page, size));
    }
}
