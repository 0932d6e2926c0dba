package vn.dti.tracker.task;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import vn.dti.tracker.orgunit.OrgUnitDtos.OrgUnitRef;

/** The API shapes of tasks. */
public final class TaskDtos {

    private TaskDtos() {
    }

    @Schema(name = "Timeframe", description = "Thời gian thực hiện: YEAR (start = end), SPAN (start < end) or ONGOING (no years)")
    public record Timeframe(@NotNull TaskEnums.TimeframeKind kind,
            @Schema(nullable = true, examples = "2026") Integer startYear,
            @Schema(nullable = true, examples = "2030") Integer endYear,
            @Size(max = 200) @Schema(nullable = true, examples = "Giai đoạn 2026 - 2030") String wording) {
    }

    @Schema(name = "TaskInput", description = "A task to create, or its new state")
    public record TaskInput(
            @NotBlank @Pattern(regexp = "^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$") @Schema(examples = "III.1.1") String code,
            @NotNull @Schema(description = "A TASK group of the same plan") UUID groupId,
            @NotNull @Min(1) @Max(10000) Integer order,
            @NotBlank @Size(max = 8000) String description,
            @NotNull @Size(min = 1, max = 50) @Schema(description = "Cơ quan chủ trì: one or more") List<@NotNull UUID> leadUnitIds,
            @Size(max = 200) List<@NotNull UUID> cooperatingUnitIds,
            @Size(max = 4000) @Schema(nullable = true, description = "Sản phẩm") String product,
            @Valid @NotNull Timeframe timeframe,
            @Schema(nullable = true, description = "Default NOT_STARTED") TaskEnums.Progress progress,
            @Size(max = 4000) @Schema(nullable = true) String note) {
    }

    @Schema(name = "TaskGroupRef")
    public record GroupRef(UUID id, String code, String name, int order) {
    }

    @Schema(name = "Task", description = "Nhiệm vụ: a task with its units, product and timeframe")
    public record TaskView(UUID id, UUID planId, String code, GroupRef group, int order, String description,
            List<OrgUnitRef> leadUnits, List<OrgUnitRef> cooperatingUnits, @Schema(nullable = true) String product,
            Timeframe timeframe, TaskEnums.Progress progress, @Schema(nullable = true) String note, long version,
            OffsetDateTime createdAt, OffsetDateTime updatedAt) {
    }
}
