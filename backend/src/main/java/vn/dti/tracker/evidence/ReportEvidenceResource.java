package vn.dti.tracker.evidence;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import vn.dti.tracker.auth.Role.Names;
import vn.dti.tracker.common.Versions;
import vn.dti.tracker.evidence.EvidenceDtos.AttachInput;
import vn.dti.tracker.evidence.EvidenceDtos.EvidenceView;

/** Attaching evidence to a report and taking it off; the report's evidence is listed by {@code GET /evidence?reportId=}. */
@Path("/v1/reports/{reportId}/evidence")
@Tag(name = "Evidence")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ReportEvidenceResource {

    private static final String REPORT_ETAG = "ETag of the report as last read";

    private final EvidenceService service;

    public ReportEvidenceResource(EvidenceService service) {
        this.service = service;
    }

    @POST
    @RolesAllowed({Names.PROVINCE_COORDINATOR, Names.COMMUNE_COORDINATOR, Names.UNIT_REPORTER})
    @Operation(operationId = "attachEvidence", summary = "Attach evidence to a report",
            description = "By whoever may write the report (its own unit, while it is a draft or returned), with evidence the caller may see."
                    + " Requires `If-Match` with the report's ETag: once the report was saved, submitted or returned since it was read,"
                    + " the change is refused (412) and the report should be read again. Attaching twice changes nothing; the report's"
                    + " version stays as it is, so a form based on it can still be saved.")
    @APIResponse(responseCode = "200", description = "Attached; the evidence with its attachments")
    public EvidenceView attach(@PathParam("reportId") UUID reportId,
            @HeaderParam("If-Match") @Parameter(description = REPORT_ETAG, required = true) String ifMatch,
            @Valid @NotNull AttachInput body) {
        return service.attach(reportId, Versions.requireIfMatch(ifMatch), body.evidenceId());
    }

    @DELETE
    @Path("/{evidenceId}")
    @RolesAllowed({Names.PROVINCE_COORDINATOR, Names.COMMUNE_COORDINATOR, Names.UNIT_REPORTER})
    @Operation(operationId = "detachEvidence", summary = "Take evidence off a report",
            description = "By whoever may write the report. Requires `If-Match` with the report's ETag, as attaching does. Evidence left"
                    + " attached to nothing is removed after the grace period.")
    @APIResponse(responseCode = "204", description = "Detached")
    public void detach(@PathParam("reportId") UUID reportId, @PathParam("evidenceId") UUID evidenceId,
            @HeaderParam("If-Match") @Parameter(description = REPORT_ETAG, required = true) String ifMatch) {
        service.detach(reportId, Versions.requireIfMatch(ifMatch), evidenceId);
    }
}
