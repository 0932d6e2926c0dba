package vn.dti.tracker.document;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import vn.dti.tracker.bundle.BundleImportResult;
import vn.dti.tracker.bundle.PlanBundle;
import vn.dti.tracker.document.DocumentDtos.Severity;
import vn.dti.tracker.orgunit.OrgUnitDtos.OrgUnitRef;

/** The API shapes of a plan brought in from its issued file: the file as read, the plan as understood, every doubt. */
public final class PlanIntakeDtos {

    private PlanIntakeDtos() {
    }

    public enum SourceKind { DOCX, PDF, SCAN }

    public enum BlockKind { PARAGRAPH, TABLE }

    /** What a block of the file was understood as. */
    public enum BlockRole { HEADING, NUMBER, PLACE_DATE, TITLE, LEGAL_BASIS, PREAMBLE, SECTION_HEADING, SECTION, REGIME, CLOSING, RECIPIENTS,
        SIGNER, APPENDIX_TITLE, APPENDIX_TABLE, TABLE_UNREAD, OTHER }

    @Schema(name = "PlanIntakeBlock", description = "A paragraph or a table of the file, in reading order, with what it was understood as")
    public record Block(@Schema(examples = "12") int index, @Schema(description = "Page (from 1); 0 for a Word document") int page,
            BlockKind kind,
            @Schema(nullable = true, description = "A paragraph's text as written; line breaks as \\n") @Size(max = 200000) String text,
            boolean bold,
            @Schema(description = "Read with low confidence (a scan): to be checked against the page") boolean doubtful,
            @Schema(nullable = true, description = "A table's rows, cells by column (empty string for an empty cell)")
            @Size(max = 5000) List<@Size(max = 100) List<@Size(max = 20000) String>> rows,
            @Schema(nullable = true, description = "A table's cells read with low confidence, each as [row, column] counted from 0")
            @Size(max = 100000) List<List<Integer>> doubtfulCells,
            @Schema(nullable = true) BlockRole role) {
    }

    @Schema(name = "PlanIntakeSource", description = "The file as read: what the commit is made from, with any correction typed into it")
    public record Source(@NotNull SourceKind kind, int pages, @Valid @NotNull @Size(max = 20000) List<@NotNull Block> blocks) {
    }

    @Schema(name = "PlanIntakeFinding", description = "A doubt (WARNING) or a blocker (ERROR), at its block and, in a table, its cell")
    public record Finding(@Schema(nullable = true, description = "The block; null for the whole plan") Integer block,
            @Schema(nullable = true, description = "Row of the table, from 0") Integer row,
            @Schema(nullable = true, description = "Column of the table, from 0") Integer column, Severity severity,
            @Schema(examples = "intake.unit-unknown") String code, String detail,
            @Schema(description = "For a unit name: the units it may mean") List<OrgUnitRef> candidates,
            @Schema(nullable = true, description = "For a collective name the plan may create as a unit group: the name") String offer,
            @Schema(nullable = true, description = "For a unit name the reader could not place: the name as written (what `choices.units` maps)")
            String name) {
    }

    @Schema(name = "PlanIntakeChoicesInput", description = "What the person decided in the preview; all optional")
    public record Choices(
            @Schema(nullable = true, description = "The unit that issues the plan; by default the one the heading names, else the caller's")
            UUID issuingUnitId,
            @Schema(nullable = true, description = "The plan's code; by default a stored plan's of the same issuer and number or title, else"
                    + " made from the issuer, the title and the years") @Size(max = 64) String planCode,
            @Schema(nullable = true, description = "Collective names (\"Các trường học\") to create as unit groups under the issuer")
            @Size(max = 200) List<@Size(max = 500) String> createUnitGroups,
            @Schema(nullable = true, description = "A unit chosen for a name the reader could not place: name as written → unit code")
            @Size(max = 500) Map<@Size(max = 500) String, @Size(max = 64) String> units,
            @Schema(description = "Go ahead although tables have columns with content that nothing reads") boolean acknowledgeUnused) {

        public static Choices none() {
            return new Choices(null, null, List.of(), Map.of(), false);
        }
    }

    @Schema(name = "PlanIntakeInput", description = "The file as read (from a preview) and the person's choices")
    public record Request(@Valid @NotNull Source source, @Valid Choices choices) {
    }

    @Schema(name = "PlanIntake", description = "A plan's file as read and the plan as understood, with every doubt; or what its commit stored")
    public record Result(boolean committed,
            @Schema(description = "No ERROR finding: the plan can be committed") boolean valid, Source source,
            @Schema(description = "The plan as understood, in the plan-bundle format") PlanBundle plan,
            List<Finding> findings,
            @Schema(nullable = true, description = "What the commit creates, updates and removes (in a preview: would); null when the plan as"
                    + " understood cannot be imported yet (its ERROR findings say why)") BundleImportResult changes,
            @Schema(nullable = true, description = "ETag of the stored plan this reading was made against (the commit's If-Match); `\"new\"` for"
                    + " a plan not stored yet") String etag,
            @Schema(description = "After a commit: the names matched to units in `choices.units`, now kept as the units' other names, so the"
                    + " next document that writes them needs no choice") List<String> learnedAliases,
            @Schema(description = "Every unit the plan names, by code: its name, and whether the commit creates it (a unit group)")
            List<Unit> units) {
    }

    @Schema(name = "PlanIntakeUnit", description = "A unit the plan names")
    public record Unit(@Schema(examples = "DNAI.XUANLOC.VHXH") String code, @Schema(examples = "Phòng Văn hóa - Xã hội") String name,
            @Schema(description = "Created by the commit (a unit group the person chose to create)") boolean created) {
    }

    public enum JobState { RUNNING, DONE, FAILED }

    @Schema(name = "PlanIntakeJob", description = "The reading of a scanned plan (OCR), which runs off the request: its state, the pages read,"
            + " and once done the file as read, to preview with `previewPlanIntake`")
    public record Job(UUID id, JobState state, @Schema(examples = "3") int pagesDone,
            @Schema(description = "Pages of the scan; 0 until known", examples = "10") int pagesTotal,
            @Schema(nullable = true, description = "Once DONE: the file as read") Source source,
            @Schema(nullable = true, description = "Once FAILED: why, as a problem code", examples = "intake.ocr-timeout") String problemCode,
            @Schema(nullable = true, description = "Once FAILED: why, in words") String problemDetail) {
    }
}
