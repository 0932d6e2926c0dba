package vn.dti.tracker.document;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import vn.dti.tracker.auth.Role.Names;

@Path("/v1/plans/{planId}/periods/{periodKey}/documents")
@Tag(name = "Documents")
public class ReportDocumentResource {

    private static final String SAME = " The same content as `GET /api/v1/plans/{planId}/periods/{periodKey}/consolidated`, for whoever may read"
            + " it; for a plan that communes carry out (a province's), also its indicators summed from theirs and who sent their report"
            + " (`GET …/overview`), when the caller may see all of those plans.";

    private final DocumentService documents;

    public ReportDocumentResource(DocumentService documents) {
        this.documents = documents;
    }

    @GET
    @Path("/consolidated.docx")
    @Produces(DocumentMedia.DOCX)
    @RolesAllowed({Names.ADMIN, Names.PROVINCE_COORDINATOR, Names.COMMUNE_COORDINATOR, Names.UNIT_REPORTER, Names.VIEWER, Names.SERVICE_ACCOUNT})
    @Operation(operationId = "downloadConsolidatedReportDocx", summary = "The consolidated report as a Word document, ready to sign",
            description = "In the form of Nghị định 30/2020/NĐ-CP, in Times New Roman: the issuing body and the national motto, the number"
                    + " (left blank for the clerk) and the place-date line, the title, the indicator table with targets, results, statuses"
                    + " and lead units, tasks, timeliness of the units, difficulties and proposals, recipients and the signer's block." + SAME)
    @APIResponse(responseCode = "200", description = "The report", content = @Content(mediaType = DocumentMedia.DOCX,
            schema = @Schema(type = SchemaType.STRING, format = "binary")))
    public Response docx(@PathParam("planId") UUID planId, @PathParam("periodKey") String periodKey) {
        DocumentService.Report r = documents.report(planId, periodKey);
        return DocumentMedia.attachment(out -> DocxReport.write(r.document(), out), DocumentMedia.DOCX, r.document().fileStem() + ".docx");
    }

    @GET
    @Path("/consolidated.pdf")
    @Produces(DocumentMedia.PDF)
    @RolesAllowed({Names.ADMIN, Names.PROVINCE_COORDINATOR, Names.COMMUNE_COORDINATOR, Names.UNIT_REPORTER, Names.VIEWER, Names.SERVICE_ACCOUNT})
    @Operation(operationId = "downloadConsolidatedReportPdf", summary = "The consolidated report as PDF",
            description = "The same document as the Word one, with its font embedded (a Times New Roman-compatible serif)." + SAME)
    @APIResponse(responseCode = "200", description = "The report", content = @Content(mediaType = DocumentMedia.PDF,
            schema = @Schema(type = SchemaType.STRING, format = "binary")))
    public Response pdf(@PathParam("planId") UUID planId, @PathParam("periodKey") String periodKey) {
        DocumentService.Report r = documents.report(planId, periodKey);
        return DocumentMedia.attachment(out -> PdfReport.write(r.document(), out), DocumentMedia.PDF, r.document().fileStem() + ".pdf");
    }

    @GET
    @Path("/consolidated.xlsx")
    @Produces(DocumentMedia.XLSX)
    @RolesAllowed({Names.ADMIN, Names.PROVINCE_COORDINATOR, Names.COMMUNE_COORDINATOR, Names.UNIT_REPORTER, Names.VIEWER, Names.SERVICE_ACCOUNT})
    @Operation(operationId = "downloadConsolidatedReportXlsx", summary = "The consolidated report's indicator table as XLSX",
            description = "One row per indicator: group, STT, code, content, unit, the year's target, the achieved value, status, lead"
                    + " unit, the period of the value, what was done, difficulties, proposals and the number of evidence documents; the"
                    + " header is frozen and filtered." + SAME)
    @APIResponse(responseCode = "200", description = "The table", content = @Content(mediaType = DocumentMedia.XLSX,
            schema = @Schema(type = SchemaType.STRING, format = "binary")))
    public Response xlsx(@PathParam("planId") UUID planId, @PathParam("periodKey") String periodKey) {
        DocumentService.Report r = documents.report(planId, periodKey);
        return DocumentMedia.attachment(out -> ReportWorkbook.write(r.report(), r.document(), r.groupNames(), out), DocumentMedia.XLSX,
                r.document().fileStem() + ".xlsx");
    }
}
