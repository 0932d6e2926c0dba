package vn.dti.tracker.common;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One offending field of a refused request. */
@Schema(description = "Một trường dữ liệu bị từ chối / One refused field")
public record FieldError(
        @Schema(description = "JSON path of the field, e.g. `targets[0].year`", examples = "targets[0].year") String field,
        @Schema(description = "Stable code of the problem", examples = "target.year-outside-plan") String code,
        @Schema(description = "Explanation, in the language of the problem", examples = "Năm 2031 nằm ngoài thời gian của kế hoạch (2026–2030).") String detail) {
}
