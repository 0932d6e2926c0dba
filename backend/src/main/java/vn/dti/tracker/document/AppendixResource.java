package vn.dti.tracker.document;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
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

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import vn.dti.tracker.auth.Role.Names;
import vn.dti.tracker.common.DomainException;
import vn.dti.tracker.document.DocumentDtos.AppendixPart;
import vn.dti.tracker.document.DocumentDtos.ImportResult;

@Path("/v1/plans/{planId}/appendix")
@Tag(name = "Documents")
public class AppendixResource {

    private final DocumentService documents;
    private final AppendixImport imports;
    private final DocumentSettings settings;
    private final java.nio.file.Path uploads;

    public AppendixResource(DocumentService documents, AppendixImport imports, DocumentSettings settings,
            @ConfigProperty(name = "quarkus.http.body.uploads-directory") String uploads) {
        this.uploads = java.nio.file.Path.of(uploads).toAbsolutePath().normalize();
        this.documents = documents;
        this.imports = imports;
        this.settings = settings;
    }

    @GET
    @Produces(DocumentMedia.XLSX)
    @RolesAllowed({Names.ADMIN, Names.PROVINCE_COORDINATOR, Names.COMMUNE_COORDINATOR, Names.UNIT_REPORTER, Names.VIEWER, Names.SERVICE_ACCOUNT})
    @Operation(operationId = "exportPlanAppendix", summary = "A plan's appendix as XLSX, in the import template's layout",
            description = "The indicators (or, with `part=TASKS`, the tasks) by group, targets and units as the plan words them, codes in the"
                    + " last column. Importing the file again changes nothing. Whoever reads the plan.")
    @APIResponse(responseCode = "200", description = "The appendix", content = @Content(mediaType = DocumentMedia.XLSX,
            schema = @Schema(type = SchemaType.STRING, format = "binary")))
    public Response export(@PathParam("planId") UUID planId,
            @QueryParam("part") @Parameter(description = "INDICATORS (default) or TASKS") AppendixPart part) {
        AppendixPart p = part == null ? AppendixPart.INDICATORS : part;
        DocumentService.Appendix a = documents.appendix(planId, p);
        return DocumentMedia.attachment(out -> {
            if (p == AppendixPart.INDICATORS) {
                AppendixWorkbook.indicators(a.title(), a.startYear(), a.endYear(), a.bundle(), out);
            } else {
                AppendixWorkbook.tasks(a.title(), a.bundle(), out);
            }
        }, DocumentMedia.XLSX, a.fileName());
    }

    @POST
    @Path("/imports")
    @Consumes({DocumentMedia.XLSX, MediaType.APPLICATION_OCTET_STREAM})
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Names.ADMIN, Names.PROVINCE_COORDINATOR, Names.COMMUNE_COORDINATOR})
    @Operation(operationId = "importPlanAppendix", summary = "Import a plan's appendix from an XLSX sheet, or preview it with dryRun=true",
            description = "The body is the workbook itself. The header row is found by its Vietnamese column names (the template's, or the"
                    + " plans' own: STT, Nội dung chỉ tiêu, Đơn vị tính, Chỉ tiêu phấn đấu năm …, Đơn vị theo dõi / chủ trì, Đơn vị phối hợp,"
                    + " Ghi chú; for tasks Nhiệm vụ, Cơ quan chủ trì, Cơ quan phối hợp, Sản phẩm, Thời gian thực hiện), group rows"
                    + " (\"A. Phát triển hạ tầng\", \"I.Nâng cao …\", a bold \"1.\" beside a name) start groups; a sheet without group rows"
                    + " is one group named after the appendix's title (or the sheet's). The target column may be headed \"Chỉ tiêu phấn đấu năm"
                    + " 2026\", \"Năm 2026\", \"Mục tiêu\", \"Kết quả\", \"Chỉ tiêu\"…, one a year or one for the whole plan (its target then"
                    + " stands for every year of the plan). A column with content the import does not read is listed in `unusedColumns`"
                    + " (and as a WARNING); committing it takes `acknowledgeUnused=true`. Targets are read into their shape keeping the wording (a wording that"
                    + " cannot be read is kept as words, with a WARNING; a bare number takes its shape from the unit of measure: \"%\", \"% GRDP\","
                    + " \"người/vạn dân\", \"Thứ bậc\"); units are matched by name ignoring case, diacritics, spacing, a trailing \"xã\" and"
                    + " standard abbreviations (VH-XH, KH&CN, HĐND&UBND, TTPVHCC), in the issuer's subtree and then among the units of the"
                    + " province above it (a unit found outside the units the importing account reads is an ERROR"
                    + " `import.unit-out-of-scope`). A lead cell naming several units is split only where every piece names a unit: the first leads,"
                    + " the others cooperate (a WARNING says so)."
                    + " The preview lists every row, how it was understood and what it would create or change, and every problem with its"
                    + " cell. The commit is all or nothing (400 `import.invalid` with every cell in `errors` when a row has an ERROR);"
                    + " indicators (tasks) the sheet no longer lists are removed; importing the same sheet again changes nothing."
                    + " Coordinators of the plan's issuer. Refused: not an XLSX (415), a protected or damaged workbook, no header (400),"
                    + " over the size or row limit (413), a workbook that would unpack past the limits (default 64 MB, or a part over"
                    + " 100 times its compressed size: 413 `file.archive-too-large` or `file.archive-bomb`), dry run or not."
                    + " A commit requires `If-Match` with the `etag` of its preview: a plan changed since the preview is refused (412)"
                    + " with the current ETag, to be previewed again.")
    @RequestBody(required = true, content = {
            @Content(mediaType = DocumentMedia.XLSX, schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = MediaType.APPLICATION_OCTET_STREAM, schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    @APIResponse(responseCode = "200", description = "The preview, or what was imported",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImportResult.class)))
    public ImportResult importAppendix(@PathParam("planId") UUID planId,
            @QueryParam("part") @Parameter(description = "INDICATORS (default) or TASKS") AppendixPart part,
            @QueryParam("dryRun") @Parameter(description = "Read and report without changing anything") boolean dryRun,
            @HeaderParam("If-Match") @Parameter(description = "For a commit: the `etag` of its preview (the plan as the preview read it)")
            String ifMatch,
            @QueryParam("acknowledgeUnused") @Parameter(description = "For a commit: go ahead although the preview lists `unusedColumns`"
                    + " (columns with content the import does not read, whose content is then not imported). Without it, such a commit is"
                    + " refused with 400 `import.unused-columns`, each column in `errors`.") boolean acknowledgeUnused,
            InputStream body) throws IOException {
        java.nio.file.Path workbook = Uploads.receive(body, uploads, "import-", ".xlsx", settings.imports().maxFileSize().asLongValue(),
                max -> DomainException.workbookTooLarge(-1, max));
        try {
            return imports.run(planId, part == null ? AppendixPart.INDICATORS : part, workbook, dryRun, ifMatch, acknowledgeUnused);
        } finally {
            Files.deleteIfExists(workbook);
        }
    }
}
