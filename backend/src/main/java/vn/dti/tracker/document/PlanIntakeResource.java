package vn.dti.tracker.document;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

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
import vn.dti.tracker.document.PlanIntakeDtos.Choices;
import vn.dti.tracker.document.PlanIntakeDtos.Request;
import vn.dti.tracker.document.PlanIntakeDtos.Result;

@Path("/v1/plan-intakes")
@Tag(name = "Documents")
public class PlanIntakeResource {

    private final PlanIntake intake;
    private final IntakeJobs jobs;
    private final DocumentSettings settings;
    private final java.nio.file.Path uploads;

    public PlanIntakeResource(PlanIntake intake, IntakeJobs jobs, DocumentSettings settings,
            @ConfigProperty(name = "quarkus.http.body.uploads-directory") String uploads) {
        this.intake = intake;
        this.jobs = jobs;
        this.settings = settings;
        this.uploads = java.nio.file.Path.of(uploads).toAbsolutePath().normalize();
    }

    @POST
    @Consumes({DocumentMedia.DOCX, "application/pdf", "image/png", "image/jpeg", "image/tiff", MediaType.APPLICATION_OCTET_STREAM})
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Names.ADMIN, Names.PROVINCE_COORDINATOR, Names.COMMUNE_COORDINATOR})
    @Operation(operationId = "readPlanDocument", summary = "Read a plan from the file it was issued as, and preview it",
            description = "The body is the issued plan: a Word document (.docx), a PDF, or a scan (a PDF of page images, or a page as PNG,"
                    + " JPEG or TIFF); the file is told by its content, not its declared type. A Word document or a PDF with a text"
                    + " layer is read at once (200). A scan is read by OCR off the request (202): the answer is the job, whose state and"
                    + " pages read `getPlanIntakeJob` gives; once done, its `source` is previewed with `previewPlanIntake`, every part"
                    + " read with low confidence marked `doubtful` for a person to check."
                    + " The file is read into its paragraphs and tables (`source`) and understood: the heading (issuing body, \"Số:"
                    + " …/KH-UBND\", place and date), the title under \"KẾ HOẠCH\" (and from it the years), the legal bases (\"Căn cứ"
                    + " …\", \"Thực hiện …\", each linked to a stored plan of the same number and date), the sections by their Roman"
                    + " headings, kept as written, the reporting regime from its sentences (\"… trước ngày 20 hằng tháng\"), the closing,"
                    + " the recipients (\"Nơi nhận\"), the signer, and every appendix table (PHỤ LỤC) through the appendix import's"
                    + " reader; tasks written as text under the tasks section become tasks by their headings. Every doubt is a WARNING"
                    + " and every blocker an ERROR in `findings`, at its block (and cell). Nothing is stored: commit with"
                    + " `commitPlanIntake`, sending back `source` (corrected where needed) and the choices. Coordinators. Refused: not a"
                    + " plan file (415 `intake.unsupported`), a protected (`intake.encrypted`) or damaged (`intake.damaged`) file, over"
                    + " the size limit (413 `intake.too-large`) or the page limit (413 `intake.too-many-pages`), an image too large to"
                    + " read (413 `intake.image-too-large`), a package that would unpack past the limits (413 `file.archive-too-large`,"
                    + " `file.archive-bomb`); a scan while the readers are all busy (503 `intake.busy`).")
    @RequestBody(required = true, content = {
            @Content(mediaType = DocumentMedia.DOCX, schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = "application/pdf", schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = "image/png", schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = "image/jpeg", schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = "image/tiff", schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = MediaType.APPLICATION_OCTET_STREAM, schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    @APIResponse(responseCode = "200", description = "The file as read and the plan as understood",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Result.class)))
    @APIResponse(responseCode = "202", description = "A scan: its reading has started",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PlanIntakeDtos.Job.class)))
    public jakarta.ws.rs.core.Response read(@QueryParam("issuingUnitId") @Parameter(description = "The unit that issues the plan, when the file does not say")
            java.util.UUID issuingUnitId, InputStream body) throws IOException {
        java.nio.file.Path file = Uploads.receive(body, uploads.resolve("intake"), "plan-", ".bin", settings.intake().maxFileSize().asLongValue(),
                max -> PlanIntakeProblems.tooLarge("Tệp vượt quá giới hạn " + (max >> 20) + " MB."));
        boolean handedOver = false;
        try {
            PlanSource source = intake.readFile(file);
            if (source == null) {
                PlanIntakeDtos.Job job = jobs.start(file);
                handedOver = true;
                return jakarta.ws.rs.core.Response.accepted(job).location(java.net.URI.create("/api/v1/plan-intakes/jobs/" + job.id())).build();
            }
            Choices choices = new Choices(issuingUnitId, null, java.util.List.of(), java.util.Map.of(), false);
            return jakarta.ws.rs.core.Response.ok(intake.understand(PlanIntake.toDto(source, java.util.Map.of()), choices, false, null)).build();
        } finally {
            if (!handedOver) {
                Files.deleteIfExists(file);
            }
        }
    }

    @jakarta.ws.rs.GET
    @Path("/jobs/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Names.ADMIN, Names.PROVINCE_COORDINATOR, Names.COMMUNE_COORDINATOR})
    @Operation(operationId = "getPlanIntakeJob", summary = "The reading of a scanned plan: its state and pages read",
            description = "RUNNING with the pages read so far, DONE with the file as read (`source`), or FAILED with why. Only to the person"
                    + " who sent the scan (404 to anyone else); kept a day.")
    @APIResponse(responseCode = "200", description = "The job",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PlanIntakeDtos.Job.class)))
    public PlanIntakeDtos.Job job(@jakarta.ws.rs.PathParam("id") java.util.UUID id) {
        return jobs.get(id);
    }

    @POST
    @Path("/previews")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Names.ADMIN, Names.PROVINCE_COORDINATOR, Names.COMMUNE_COORDINATOR})
    @Operation(operationId = "previewPlanIntake", summary = "Preview a plan from its file as read, with the person's choices",
            description = "The `source` of a reading (its text corrected where a doubt was checked) and the choices: the issuing unit, the"
                    + " plan's code, collective names to create as unit groups, a unit for a name the reader could not place, and the"
                    + " acknowledgement of table columns that nothing reads. Nothing is stored. Coordinators.")
    @APIResponse(responseCode = "200", description = "The plan as understood",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Result.class)))
    public Result preview(@Valid @NotNull Request request) {
        return intake.understand(request.source(), request.choices(), false, null);
    }

    @POST
    @Path("/commits")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Names.ADMIN, Names.PROVINCE_COORDINATOR, Names.COMMUNE_COORDINATOR})
    @Operation(operationId = "commitPlanIntake", summary = "Store the plan read from its file",
            description = "As the preview, then stored through the plan-bundle import in one transaction: a new plan is created, a plan"
                    + " already stored (same code, or same issuer and number or title) is updated; the same file again changes"
                    + " nothing. Requires `If-Match` with the preview's `etag` (`\"new\"` for a plan not stored yet): a plan changed"
                    + " since is refused (412). Refused with 400 `intake.invalid` while an ERROR finding remains, and"
                    + " `import.unused-columns` for table columns with content that nothing reads unless acknowledged. Coordinators"
                    + " of the issuing unit.")
    @APIResponse(responseCode = "200", description = "What was stored",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Result.class)))
    public Result commit(@HeaderParam("If-Match") @Parameter(description = "The `etag` of the preview") String ifMatch,
            @Valid @NotNull Request request) {
        return intake.understand(request.source(), request.choices(), true, ifMatch);
    }
}
