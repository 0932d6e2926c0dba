package vn.dti.tracker.evidence;

import java.io.InputStream;
import java.nio.file.Files;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
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
import jakarta.ws.rs.core.StreamingOutput;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.core.Context;

import vn.dti.tracker.auth.Role.Names;
import vn.dti.tracker.common.Created;
import vn.dti.tracker.common.DomainException;
import vn.dti.tracker.common.Page;
import vn.dti.tracker.common.PageRequest;
import vn.dti.tracker.common.ProductMetrics;
import vn.dti.tracker.common.Versions;
import vn.dti.tracker.evidence.EvidenceDtos.EvidenceUpdate;
import vn.dti.tracker.evidence.EvidenceDtos.EvidenceView;
import vn.dti.tracker.evidence.EvidenceDtos.IntegrityReport;
import vn.dti.tracker.evidence.EvidenceDtos.LinkCreate;
import vn.dti.tracker.evidence.EvidenceDtos.SweepResult;
import vn.dti.tracker.reporting.ReportingClock;

@Path("/v1/evidence")
@Tag(name = "Evidence", description = "Tài liệu kiểm chứng: uploaded documents and links that prove reported results")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class EvidenceResource {

    private static final Logger LOG = Logger.getLogger(EvidenceResource.class);
    private static final String IF_MATCH = "ETag of the version being changed";

    private final EvidenceService service;
    private final EvidenceJanitor janitor;
    private final ReportingClock clock;
    private final EvidenceSettings settings;
    private final java.nio.file.Path uploads;
    private final BlobStore store;
    private final Vertx vertx;
    private final ProductMetrics metrics;

    public EvidenceResource(EvidenceService service, EvidenceJanitor janitor, ReportingClock clock, EvidenceSettings settings, Vertx vertx,
            BlobStore store, @org.eclipse.microprofile.config.inject.ConfigProperty(name = "quarkus.http.body.uploads-directory") String uploads,
            ProductMetrics metrics) {
        this.vertx = vertx;
        this.metrics = metrics;
        this.store = store;
        this.service = service;
        this.janitor = janitor;
        this.clock = clock;
        this.settings = settings;
        this.uploads = java.nio.file.Path.of(uploads).toAbsolutePath().normalize();
    }

    @POST
    @Path("/stream")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({Names.PROVINCE_COORDINATOR, Names.COMMUNE_COORDINATOR, Names.UNIT_REPORTER})
    @Operation(operationId = "streamEvidence", summary = "Upload a document as the request body (the fast path for large files)",
            description = "The body is the file itself, received to disk and hashed in one pass; the description travels in the query"
                    + " (`fileName` is required). Same rules as the multipart upload: type from content (415), the size limit (413,"
                    + " before reading when `Content-Length` says so), the unpacking limits of Word, Excel and OpenDocument files (413),"
                    + " dedup by SHA-256, `reportId` to attach at once (a new document changes nothing stored before, so no `If-Match`).")
    @org.eclipse.microprofile.openapi.annotations.parameters.RequestBody(required = true, content = @Content(mediaType = "application/octet-stream",
            schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "201", description = "Stored", content = @Content(schema = @Schema(implementation = EvidenceView.class)))
    public Uni<Response> stream(@Context HttpServerRequest request,
            @QueryParam("fileName") @Parameter(required = true, description = "The file's own name (UTF-8)", example = "Quyết định 123.pdf") String fileName,
            @QueryParam("title") @Parameter(description = "Tên tài liệu; default the file's name") String title,
            @QueryParam("docNumber") String docNumber,
            @QueryParam("docDate") @Parameter(description = "YYYY-MM-DD") String docDate,
            @QueryParam("issuer") String issuer, @QueryParam("summary") String summary,
            @QueryParam("sha256") @Parameter(description = "SHA-256 (hex) the client computed; refused if the received bytes differ") String sha256,
            @QueryParam("reportId") @Parameter(description = "Reports to attach it to at once (repeatable)") List<String> reportIds) {
        request.pause();
        EvidenceService.FormDescription description;
        List<UUID> reports;
        try {
            FileNames.check(fileName);
            description = new EvidenceService.FormDescription(title, docNumber, date(docDate), issuer, summary);
            reports = reportIds(reportIds);
        } catch (DomainException e) {
            metrics.evidenceRejected(e.code());
            throw e;
        }
        long max = settings.maxFileSize().asLongValue();
        java.nio.file.Path file = uploads.resolve("stream-" + UUID.randomUUID() + ".part");
        return Uni.createFrom().completionStage(vertx.fileSystem().mkdirs(uploads.toString()).toCompletionStage())
                .chain(() -> Receiver.receive(vertx, request, file, max, settings.receiveWindow().asLongValue(), store.keepsSourceFile()))
                .onFailure(Hashing.TooLarge.class).transform(e -> DomainException.fileTooLarge(-1, max))
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .map(received -> accepted(service.upload(new EvidenceService.Upload(file, fileName, received.size(), sha256, received.sha256()),
                        description, reports)))
                .onFailure(DomainException.class).invoke(e -> metrics.evidenceRejected(((DomainException) e).code()))
                .onTermination().invoke(() -> {
                    try {
                        Files.deleteIfExists(file);
                    } catch (java.io.IOException e) {
                        LOG.debug("Stream upload file already gone", e);
                    }
                });
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed({Names.PROVINCE_COORDINATOR, Names.COMMUNE_COORDINATOR, Names.UNIT_REPORTER})
    @Operation(operationId = "uploadEvidence", summary = "Upload a document (multipart/form-data)",
            description = "By the people of a reporting unit; the evidence belongs to their unit. The type is decided from the content"
                    + " (415 outside the accepted types); files over the limit (default 50 MB) get 413, before the body is read when its"
                    + " length is declared. Word, Excel and OpenDocument files are zip archives: one that would unpack past the limits"
                    + " (default 512 MB in all, 256 MB in one part, 10,000 parts, or a part over 100 times its compressed size) gets 413"
                    + " `file.archive-too-large` or `file.archive-bomb`, one that cannot be unpacked to its end 400 `file.archive-damaged`;"
                    + " neither is stored. Identical content is stored once. With `reportIds` the evidence is attached at once, and only"
                    + " to reports the caller may write; evidence attached to nothing is removed after 24 hours. Attaching a new document"
                    + " while uploading it changes nothing stored before, so it needs no `If-Match`.")
    @APIResponse(responseCode = "201", description = "Stored", content = @Content(schema = @Schema(implementation = EvidenceView.class)))
    public Response upload(UploadForm form) {
        try {
            if (form.file == null) {
                throw DomainException.invalidField("file", "evidence.file-required", "Cần chọn tệp để tải lên (trường 'file').");
            }
            var description = new EvidenceService.FormDescription(form.title, form.docNumber, date(form.docDate), form.issuer, form.summary);
            EvidenceView view = service.upload(new EvidenceService.Upload(form.file.uploadedFile(), form.file.fileName(), form.file.size(),
                    form.sha256, null), description, reportIds(form));
            return accepted(view);
        } catch (DomainException e) {
            metrics.evidenceRejected(e.code());
            throw e;
        } finally {
            if (form.file != null) {
                try {
                    Files.deleteIfExists(form.file.uploadedFile());
                } catch (java.io.IOException e) {
                    LOG.debug("Upload file already gone", e);
                }
            }
        }
    }

    @POST
    @Path("/links")
    @RolesAllowed({Names.PROVINCE_COORDINATOR, Names.COMMUNE_COORDINATOR, Names.UNIT_REPORTER})
    @Operation(operationId = "createEvidenceLink", summary = "Register a document by its http(s) address",
            description = "By the people of a reporting unit. With `reportIds` the link is attached at once, only to reports the caller may"
                    + " write; a new document changes nothing stored before, so it needs no `If-Match`.")
    @APIResponse(responseCode = "201", description = "Registered", content = @Content(schema = @Schema(implementation = EvidenceView.class)))
    public Response link(@Valid @NotNull LinkCreate body) {
        return created(service.link(body));
    }

    @GET
    @RolesAllowed({Names.ADMIN, Names.PROVINCE_COORDINATOR, Names.COMMUNE_COORDINATOR, Names.UNIT_REPORTER, Names.VIEWER, Names.SERVICE_ACCOUNT})
    @Operation(operationId = "listEvidence", summary = "List evidence",
            description = "Evidence attached to reports the caller may read, and the caller's own uploads not yet attached. Filter by report,"
                    + " indicator, task, plan, period, unit (its own or attached to its reports), kind, words of the title, number, file"
                    + " name or issuer, or `updatedSince`.")
    public Page<EvidenceView> list(@QueryParam("page") Integer page, @QueryParam("size") Integer size,
            @QueryParam("sort") @Parameter(description = "`createdAt`, `title` or `docDate`, with `,asc` or `,desc`") String sort,
            @QueryParam("reportId") UUID reportId, @QueryParam("indicatorId") UUID indicatorId, @QueryParam("taskId") UUID taskId,
            @QueryParam("planId") UUID planId, @QueryParam("periodKey") @Parameter(example = "2026-03") String periodKey,
            @QueryParam("unitId") UUID unitId, @QueryParam("kind") Evidence.Kind kind, @QueryParam("q") String q,
            @QueryParam("updatedSince") OffsetDateTime updatedSince) {
        PageRequest request = PageRequest.of(page, size, sort, EvidenceService.SORTABLE, "e.created_at desc, e.id asc");
        return service.list(new EvidenceService.Filter(reportId, indicatorId, taskId, planId, periodKey, unitId, kind, q, updatedSince), request);
    }

    @GET
    @Path("/{evidenceId}")
    @RolesAllowed({Names.ADMIN, Names.PROVINCE_COORDINATOR, Names.COMMUNE_COORDINATOR, Names.UNIT_REPORTER, Names.VIEWER, Names.SERVICE_ACCOUNT})
    @Operation(operationId = "getEvidence", summary = "Read one piece of evidence with the reports it is attached to")
    @APIResponse(responseCode = "200", description = "The evidence; its ETag is its version",
            content = @Content(schema = @Schema(implementation = EvidenceView.class)))
    public Response get(@PathParam("evidenceId") UUID id) {
        EvidenceView view = service.get(id);
        return Response.ok(view).tag(String.valueOf(view.version())).build();
    }

    @GET
    @Path("/{evidenceId}/content")
    @Produces(MediaType.WILDCARD)
    @RolesAllowed({Names.ADMIN, Names.PROVINCE_COORDINATOR, Names.COMMUNE_COORDINATOR, Names.UNIT_REPORTER, Names.VIEWER, Names.SERVICE_ACCOUNT})
    @Operation(operationId = "downloadEvidence", summary = "Download or preview the file",
            description = "PDF and images are shown inline when `inline=true`; everything else is an attachment. `Repr-Digest` carries the"
                    + " SHA-256 of the content (RFC 9530), the ETag is the hash, and `Content-Disposition` carries the original name in UTF-8.")
    @APIResponse(responseCode = "200", description = "The content, as the type decided from it when it was uploaded (one of the"
            + " accepted types: PDF, images, Word, Excel, OpenDocument)", content = @Content(mediaType = "*/*",
            schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "304", description = "Not modified (If-None-Match matched the hash)")
    @APIResponse(responseCode = "409", description = "The evidence is a link (`evidence.is-link`): it has no file", ref = "#/components/responses/Conflict")
    public Response content(@PathParam("evidenceId") UUID id,
            @QueryParam("inline") @Parameter(description = "Show in the browser (PDF and images only)") boolean inline,
            @HeaderParam("If-None-Match") String ifNoneMatch) {
        EvidenceService.Download d = service.download(id);
        String etag = "\"" + d.sha256() + "\"";
        boolean showInline = inline && ContentTypes.inline(d.mediaType());
        Response.ResponseBuilder response;
        if (vn.dti.tracker.common.ConditionalGet.matches(ifNoneMatch, etag)) {
            response = Response.notModified();
        } else {
            Object entity = d.localFile().isPresent() ? d.localFile().get() : (StreamingOutput) out -> {
                try (InputStream in = d.open()) {
                    in.transferTo(out);
                }
            };
            response = Response.ok(entity, d.mediaType()).header("Content-Length", d.size())
                    .header("Content-Disposition", vn.dti.tracker.common.ContentDisposition.of(showInline ? "inline" : "attachment", d.fileName()));
        }
        String policy = !showInline ? "default-src 'none'; sandbox; frame-ancestors 'none'"
                : d.mediaType().equals("application/pdf") ? "default-src 'none'; object-src 'self'; img-src 'self' data:; style-src 'unsafe-inline'; frame-ancestors 'self'"
                : "default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; sandbox; frame-ancestors 'self'";
        return response.header("ETag", etag)
                .header("Repr-Digest", "sha-256=:" + Base64.getEncoder().encodeToString(HexFormat.of().parseHex(d.sha256())) + ":")
                .header("Cache-Control", "private, no-cache")
                .header("Content-Security-Policy", policy)
                .header("X-Frame-Options", showInline ? "SAMEORIGIN" : "DENY")
                .header("Cross-Origin-Resource-Policy", "same-origin")
                .build();
    }

    @PUT
    @Path("/{evidenceId}")
    @RolesAllowed({Names.PROVINCE_COORDINATOR, Names.COMMUNE_COORDINATOR, Names.UNIT_REPORTER})
    @Operation(operationId = "updateEvidence", summary = "Change what describes the evidence", description = "By the people of its unit. Requires `If-Match`. Refused (409"
                    + " `evidence.on-record`) while a report citing it is submitted or accepted, until that report is returned or reopened;"
                    + " each change is in the history of the reports that cite it.")
    @APIResponse(responseCode = "200", description = "Saved", content = @Content(schema = @Schema(implementation = EvidenceView.class)))
    public Response update(@PathParam("evidenceId") UUID id,
            @HeaderParam("If-Match") @Parameter(description = IF_MATCH, required = true) String ifMatch, @Valid @NotNull EvidenceUpdate body) {
        EvidenceView view = service.update(id, Versions.requireIfMatch(ifMatch), body);
        return Response.ok(view).tag(String.valueOf(view.version())).build();
    }

    @DELETE
    @Path("/{evidenceId}")
    @RolesAllowed({Names.PROVINCE_COORDINATOR, Names.COMMUNE_COORDINATOR, Names.UNIT_REPORTER})
    @Operation(operationId = "deleteEvidence", summary = "Delete evidence attached to nothing", description = "By the people of its unit. Requires `If-Match`. Refused (409"
                    + " `evidence.on-record`) while a report citing it is submitted or accepted, until that report is returned or reopened;"
                    + " each change is in the history of the reports that cite it.")
    @APIResponse(responseCode = "204", description = "Deleted")
    public void delete(@PathParam("evidenceId") UUID id,
            @HeaderParam("If-Match") @Parameter(description = "ETag of the version being deleted", required = true) String ifMatch) {
        service.delete(id, Versions.requireIfMatch(ifMatch));
    }

    @GET
    @Path("/integrity")
    @RolesAllowed(Names.ADMIN)
    @Operation(operationId = "checkEvidenceIntegrity", summary = "Re-read every stored file and report any missing, damaged or unreferenced",
            description = "Reads all stored content: slow on a large store.")
    public IntegrityReport integrity() {
        return janitor.check();
    }

    @POST
    @Path("/sweep")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Names.ADMIN)
    @Operation(operationId = "sweepEvidence", summary = "Run the evidence sweep now",
            description = "Removes evidence attached to nothing for longer than the grace period, files nothing references, and stored content without its row."
                    + " Idempotent by design (a second sweep finds nothing more to remove), so it needs no `If-Match`.")
    public SweepResult sweep() {
        return janitor.sweepNow(clock.now());
    }

    /** A stored upload: counted with its size, then answered. */
    private Response accepted(EvidenceView view) {
        metrics.evidenceAccepted(view.sizeBytes() == null ? 0 : view.sizeBytes());
        return created(view);
    }

    private static Response created(EvidenceView view) {
        return Created.at("/api/v1/evidence/" + view.id()).entity(view).tag(String.valueOf(view.version())).build();
    }

    private static LocalDate date(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(raw.trim());
        } catch (DateTimeParseException e) {
            throw DomainException.invalidField("docDate", "evidence.date-invalid", "Ngày ban hành '" + raw + "' không đúng dạng YYYY-MM-DD.");
        }
    }

    private static List<UUID> reportIds(List<String> raw) {
        return reportIds(raw, "reportId");
    }

    /** The form's reportIds, as documented, and reportId, the name older clients send. */
    private static List<UUID> reportIds(UploadForm form) {
        java.util.LinkedHashSet<UUID> ids = new java.util.LinkedHashSet<>(reportIds(form.reportIds, "reportIds"));
        ids.addAll(reportIds(form.reportId, "reportId"));
        return List.copyOf(ids);
    }

    private static List<UUID> reportIds(List<String> raw, String field) {
        List<UUID> out = new ArrayList<>();
        if (raw == null) {
            return out;
        }
        for (String s : raw) {
            try {
                out.add(UUID.fromString(s.trim()));
            } catch (IllegalArgumentException e) {
                throw DomainException.invalidField(field, "evidence.report-unknown", "Mã báo cáo '" + s + "' không hợp lệ.");
            }
        }
        return out;
    }
}
