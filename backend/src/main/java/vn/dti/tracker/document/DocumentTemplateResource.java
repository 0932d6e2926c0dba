package vn.dti.tracker.document;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import vn.dti.tracker.auth.Role.Names;
import vn.dti.tracker.common.DomainException;
import vn.dti.tracker.reporting.ReportingClock;

@Path("/v1/document-templates")
@Tag(name = "Documents", description = "Appendices in and out as Excel; consolidated reports as Word, Excel and PDF")
public class DocumentTemplateResource {

    private final ReportingClock clock;

    public DocumentTemplateResource(ReportingClock clock) {
        this.clock = clock;
    }

    @GET
    @Path("/indicators.xlsx")
    @Produces(DocumentMedia.XLSX)
    @RolesAllowed({Names.ADMIN, Names.PROVINCE_COORDINATOR, Names.COMMUNE_COORDINATOR, Names.UNIT_REPORTER, Names.VIEWER, Names.SERVICE_ACCOUNT})
    @Operation(operationId = "downloadIndicatorTemplate", summary = "The empty XLSX template of an indicator appendix",
            description = "Columns STT, Nội dung chỉ tiêu, Đơn vị tính, one \"Chỉ tiêu phấn đấu năm …\" per year from `startYear` to"
                    + " `endYear` (default: this year), Hiện trạng, Đơn vị chủ trì, Đơn vị phối hợp, Ghi chú, Mã chỉ tiêu; a second sheet"
                    + " explains how to fill it. Fill it and send it to `POST /api/v1/plans/{planId}/appendix/imports`.")
    @APIResponse(responseCode = "200", description = "The template", content = @Content(mediaType = DocumentMedia.XLSX,
            schema = @Schema(type = SchemaType.STRING, format = "binary")))
    public Response indicators(@QueryParam("startYear") @Parameter(example = "2026") Integer startYear,
            @QueryParam("endYear") @Parameter(example = "2030") Integer endYear) {
        int from = startYear == null ? clock.today().getYear() : startYear;
        int to = endYear == null ? from : endYear;
        if (from < 2000 || to > 2100 || to < from || to - from > 20) {
            throw DomainException.invalidField("endYear", "template.years-invalid",
                    "Khoảng năm không hợp lệ: từ năm 2000 đến 2100, năm cuối không trước năm đầu, tối đa 21 năm.");
        }
        return DocumentMedia.attachment(out -> AppendixWorkbook.indicators("Phụ lục chỉ tiêu", from, to, null, out), DocumentMedia.XLSX,
                "Mẫu phụ lục chỉ tiêu.xlsx");
    }

    @GET
    @Path("/tasks.xlsx")
    @Produces(DocumentMedia.XLSX)
    @RolesAllowed({Names.ADMIN, Names.PROVINCE_COORDINATOR, Names.COMMUNE_COORDINATOR, Names.UNIT_REPORTER, Names.VIEWER, Names.SERVICE_ACCOUNT})
    @Operation(operationId = "downloadTaskTemplate", summary = "The empty XLSX template of a task appendix",
            description = "Columns STT, Nhiệm vụ, Cơ quan chủ trì, Cơ quan phối hợp, Sản phẩm, Thời gian thực hiện, Ghi chú, Mã nhiệm vụ;"
                    + " a second sheet explains how to fill it.")
    @APIResponse(responseCode = "200", description = "The template", content = @Content(mediaType = DocumentMedia.XLSX,
            schema = @Schema(type = SchemaType.STRING, format = "binary")))
    public Response tasks() {
        return DocumentMedia.attachment(out -> AppendixWorkbook.tasks("Phụ lục nhiệm vụ", null, out), DocumentMedia.XLSX,
                "Mẫu phụ lục nhiệm vụ.xlsx");
    }
}
