package vn.dti.tracker.export;

import java.util.Locale;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import vn.dti.tracker.auth.Role.Names;
import vn.dti.tracker.common.DomainException;
import vn.dti.tracker.common.ProductMetrics;

@Path("/v1/exports")
@Tag(name = "Exports", description = "Bulk exports for province systems: streamed, in CSV or NDJSON")
public class ExportResource {

    private static final String CSV_EXAMPLE = "reportId,planCode,periodKey,periodStart,periodEnd,itemKind,itemCode,unitCode,unitName,role,state,"
            + "valueNumber,numerator,denominator,met,rank,rankOutOf,valueText,progress,achievements,firstSubmittedAt,submittedAt,reviewedAt,"
            + "evidenceCount,updatedAt,due,overdue,onTime,daysLate\n"
            + "0b6f7d2e-4c1a-4f5e-9a3b-2d8c6e1f0a57,KH-CDS-XUANLOC-2026,2026-03,2026-03-01,2026-03-31,INDICATOR,1.2,DNAI.XUANLOC.TTPVHCC,"
            + "Trung tâm Phục vụ hành chính công,LEAD,ACCEPTED,,1450,2000,,,,,,Đã tiếp nhận 1.450 hồ sơ trực tuyến,2026-03-19T02:12:00Z,"
            + "2026-03-19T02:12:00Z,2026-03-21T07:05:00Z,2,2026-03-21T07:05:00Z,true,false,true,0\n";
    private static final String NDJSON_EXAMPLE = "{\"reportId\":\"0b6f7d2e-4c1a-4f5e-9a3b-2d8c6e1f0a57\",\"planCode\":\"KH-CDS-XUANLOC-2026\","
            + "\"periodKey\":\"2026-03\",\"periodStart\":\"2026-03-01\",\"periodEnd\":\"2026-03-31\",\"itemKind\":\"INDICATOR\","
            + "\"itemCode\":\"1.2\",\"unitCode\":\"DNAI.XUANLOC.TTPVHCC\",\"unitName\":\"Trung tâm Phục vụ hành chính công\",\"role\":\"LEAD\","
            + "\"state\":\"ACCEPTED\",\"valueNumber\":null,\"numerator\":1450,\"denominator\":2000,\"met\":null,\"rank\":null,"
            + "\"rankOutOf\":null,\"valueText\":null,\"progress\":null,\"achievements\":\"Đã tiếp nhận 1.450 hồ sơ trực tuyến\","
            + "\"firstSubmittedAt\":\"2026-03-19T02:12:00Z\",\"submittedAt\":\"2026-03-19T02:12:00Z\","
            + "\"reviewedAt\":\"2026-03-21T07:05:00Z\",\"evidenceCount\":2,\"updatedAt\":\"2026-03-21T07:05:00Z\","
            + "\"due\":true,\"overdue\":false,\"onTime\":true,\"daysLate\":0}\n";

    private final ResultExport export;
    private final ProductMetrics metrics;

    public ExportResource(ResultExport export, ProductMetrics metrics) {
        this.export = export;
        this.metrics = metrics;
    }

    @GET
    @Path("/results")
    @Produces({"text/csv", "application/x-ndjson"})
    // Compressed as it streams by the server (brotli or gzip, as the client accepts), never here: a header set here would be
    // replaced by the server's own choice and leave a compressed body that says it is not.
    @io.quarkus.vertx.http.Compressed
    @RolesAllowed({Names.ADMIN, Names.PROVINCE_COORDINATOR, Names.COMMUNE_COORDINATOR, Names.UNIT_REPORTER, Names.VIEWER, Names.SERVICE_ACCOUNT})
    @Operation(operationId = "exportResults", summary = "Export the results of a scope for a range of months",
            description = "One row per report of the units under `unitId` (default: everything the caller reads), optionally of one plan,"
                    + " for the periods inside `from`–`to` (months, YYYY-MM; at most 120). `format=csv` (UTF-8 with a byte-order mark and a"
                    + " header, for Excel) or `ndjson` (one JSON object per line). Streamed as rows are read; brotli or gzip as `Accept-Encoding` asks.")
    @APIResponse(responseCode = "200", description = "The rows", content = {
            @Content(mediaType = "text/csv", schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING),
                    examples = @ExampleObject(name = "example", value = CSV_EXAMPLE)),
            @Content(mediaType = "application/x-ndjson", schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING),
                    examples = @ExampleObject(name = "example", value = NDJSON_EXAMPLE))})
    public Response results(@QueryParam("unitId") UUID unitId, @QueryParam("planId") UUID planId,
            @QueryParam("from") @Parameter(required = true, example = "2026-01") String from,
            @QueryParam("to") @Parameter(required = true, example = "2026-12") String to,
            @QueryParam("format") @Parameter(description = "csv (default) or ndjson") String format) {
        String f = format == null || format.isBlank() ? "csv" : format.trim().toLowerCase(Locale.ROOT);
        if (!f.equals("csv") && !f.equals("ndjson")) {
            throw DomainException.invalidField("format", "export.format-unknown", "Định dạng '" + format + "' không hỗ trợ; chọn csv hoặc ndjson.");
        }
        ResultExport.Query query = export.prepare(unitId, planId, from, to);
        metrics.exported(f);
        StreamingOutput body = out -> export.write(query, f, out);
        String type = f.equals("csv") ? "text/csv; charset=utf-8" : "application/x-ndjson";
        Response.ResponseBuilder r = Response.ok(body, type)
                .header("Content-Disposition", "attachment; filename=\"ket-qua-" + from + "-" + to + "." + (f.equals("csv") ? "csv" : "ndjson") + "\"")
                .header("Cache-Control", "private, no-store");
        return r.build();
    }
}
