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
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.jboss.resteasy.reactive.RestResponse;

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
                    + " the change is refused (412) and the report should be read again. A submitted or accepted report's evidence is part"
                    + " of what was sent: it is refused (409 `report.under-review`, `report.already-accepted`, `report.locked`) until the"
                    + " report is returned or reopened. Attaching changes the report, so its version moves on: the answer's ETag is the"
                    + " report's new one (attaching what is already attached changes nothing). It is in the report's history.")
    @APIResponse(responseCode = "200", description = "Attached; the evidence with its attachments. ETag: the report's version now",
            headers = @Header(name = "ETag", description = "The report's ETag after the change",
                    schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING)))
    public RestResponse<EvidenceView> attach(@PathParam("reportId") UUID reportId,
            @HeaderParam("If-Match") @Parameter(description = REPORT_ETAG, required = true) String ifMatch,
            @Valid @NotNull AttachInput body) {
        EvidenceService.Attached attached = service.attach(reportId, Versions.requireIfMatch(ifMatch), body.evidenceId());
        return RestResponse.ResponseBuilder.ok(attached.evidence()).header("ETag", "\"" + attached.reportVersion() + "\"").build();
    }

    @DELETE
    @Path("/{evidenceId}")
    @RolesAllowed({Names.PROVINCE_COORDINATOR, Names.COMMUNE_COORDINATOR, Names.UNIT_REPORTER})
    @Operation(operationId = "detachEvidence", summary = "Take evidence off a report",
            description = "By whoever may write the report, under the same rules as attaching (refused while the report is submitted or"
                    + " accepted). Requires `If-Match` with the report's ETag; the answer's ETag is the report's new version. It is in the"
                    + " report's history. Evidence left attached to nothing is removed after the grace period.")
    @APIResponse(responseCode = "204", description = "Detached. ETag: the report's version now",
            headers = @Header(name = "ETag", description = "The report's ETag after the change",
                    schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING)))
    public RestResponse<Void> detach(@PathParam("reportId") UUID reportId, @PathParam("evidenceId") UUID evidenceId,
            @HeaderParam("If-Match") @Parameter(description = REPORT_ETAG, required = true) String ifMatch) {
        long version = service.detach(reportId, Versions.requireIfMatch(ifMatch), evidenceId);
        return RestResponse.ResponseBuilder.<Void>noContent().header("ETag", "\"" + version + "\"").build();
    }
}
