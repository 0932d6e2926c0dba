package vn.dti.tracker.document;

import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import vn.dti.tracker.bundle.BundleImportResult;
import vn.dti.tracker.indicator.TargetDto;
import vn.dti.tracker.orgunit.OrgUnitDtos.OrgUnitRef;
import vn.dti.tracker.task.TaskDtos.Timeframe;

/** The API shapes of document import: how each row of a sheet was understood and what it would change. */
public final class DocumentDtos {

    private DocumentDtos() {
    }

    /** Which appendix a sheet holds: the indicators (chỉ tiêu) or the tasks (nhiệm vụ). */
    public enum AppendixPart { INDICATORS, TASKS }

    /** What a row of the sheet is. */
    public enum RowKind { GROUP, ITEM, IGNORED }

    /** What importing the row does to the plan. */
    public enum RowAction { CREATE, UPDATE, UNCHANGED, INVALID, NONE }

    /** ERROR stops the commit; WARNING is reported and imported (a target kept in words). */
    public enum Severity { ERROR, WARNING }

    @Schema(name = "AppendixImportProblem", description = "A problem of the sheet, with its row and column as Excel shows them")
    public record ImportProblem(
            @Schema(nullable = true, description = "Row number as Excel shows it; null for the whole sheet", examples = "7") Integer row,
            @Schema(nullable = true, description = "Column letter", examples = "E") String column,
            @Schema(nullable = true, description = "Cell reference", examples = "E7") String cell,
            @Schema(nullable = true, description = "The column's header as written", examples = "Đơn vị chủ trì") String header,
            Severity severity,
            @Schema(examples = "import.unit-unknown") String code,
            @Schema(examples = "Không tìm thấy đơn vị 'Phòng Văn hoá Xã hôi'.") String detail,
            @Schema(description = "For a unit name that matched none: the closest units") List<OrgUnitRef> candidates,
            @Schema(nullable = true, description = "For a unit name that matched none (or several): the name as written", examples = "Phòng VH-XH")
            String name) {
    }

    @Schema(name = "AppendixImportIndicator", description = "An indicator as a row of the sheet was understood")
    public record ImportedIndicator(@Schema(examples = "C.11") String code, @Schema(examples = "C") String groupCode,
            @Schema(examples = "11") int order, String content, @Schema(nullable = true, examples = "%") String unitOfMeasure,
            List<TargetDto> targets, @Schema(nullable = true) TargetDto baseline, @Schema(nullable = true) OrgUnitRef leadUnit,
            List<OrgUnitRef> cooperatingUnits, @Schema(nullable = true) String leadWording,
            @Schema(nullable = true) String cooperatingWording, @Schema(nullable = true) String note) {
    }

    @Schema(name = "AppendixImportTask", description = "A task as a row of the sheet was understood")
    public record ImportedTask(@Schema(examples = "II.3.1") String code, @Schema(examples = "II.3") String groupCode,
            @Schema(examples = "1") int order, String description, List<OrgUnitRef> leadUnits, List<OrgUnitRef> cooperatingUnits,
            @Schema(nullable = true) String product, @Schema(nullable = true) Timeframe timeframe, @Schema(nullable = true) String note) {
    }

    @Schema(name = "AppendixImportRow", description = "One row of the sheet: what it is, how it was understood, what it changes")
    public record ImportRow(@Schema(examples = "7") int row, RowKind kind, RowAction action,
            @Schema(nullable = true, examples = "A") String groupCode, @Schema(nullable = true, examples = "Phát triển hạ tầng") String groupName,
            @Schema(nullable = true) ImportedIndicator indicator, @Schema(nullable = true) ImportedTask task) {
    }

    @Schema(name = "AppendixImportUnusedColumn", description = "A column with content in item rows that the import does not read:"
            + " its content would not be imported")
    public record UnusedColumn(@Schema(description = "Column letter", examples = "H") String column,
            @Schema(nullable = true, description = "The column's header as written; null when it has none", examples = "Tiến độ") String header,
            @Schema(description = "Item rows with content in the column", examples = "12") int rows,
            @Schema(description = "The first cell with content", examples = "H7") String firstCell) {
    }

    @Schema(name = "AppendixImportResult", description = "The preview (dryRun) or the outcome of importing a sheet into a plan")
    public record ImportResult(boolean dryRun,
            @Schema(description = "No ERROR problem: the sheet can be committed") boolean valid,
            AppendixPart part, UUID planId, @Schema(examples = "Phụ lục") String sheet,
            @Schema(description = "The (last) header row", examples = "5") int headerRow,
            List<ImportRow> rows, List<ImportProblem> problems,
            @Schema(description = "Columns with content the import does not read (each also a WARNING `import.unused-column`): a commit"
                    + " is refused with `import.unused-columns` unless it sets `acknowledgeUnused=true`") List<UnusedColumn> unusedColumns,
            @Schema(description = "Groups of this part, by kind:code") BundleImportResult.Changes groups,
            @Schema(description = "Indicators or tasks, by code") BundleImportResult.Changes items,
            @Schema(description = "ETag of the plan as this preview read it (what the commit's `If-Match` names); after a commit, the new one")
            String etag) {
    }
}
