package vn.dti.tracker.common;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

/** RFC 9457 problem details, with a stable {@code code} and the offending fields. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "RFC 9457 problem details")
public record Problem(
        @Schema(examples = "https://dti.gov.vn/problems/plan.not-found") String type,
        @Schema(examples = "Không tìm thấy") String title,
        @Schema(examples = "404") int status,
        @Schema(description = "Explanation a person can read, in Vietnamese, or in English when Accept-Language prefers it",
                examples = "Không tìm thấy kế hoạch.") String detail,
        @Schema(description = "Stable machine-readable code", examples = "plan.not-found") String code,
        @Schema(nullable = true) String instance,
        List<FieldError> errors,
        @Schema(nullable = true, description = "On 412: the version now stored (also sent as the ETag header)", examples = "4") Long currentVersion,
        @Schema(description = "Id of the request, also in the X-Request-Id header and the server's logs: quote it when reporting a fault",
                examples = "3f1c2a9e-7b4d-4c1e-9a0b-5d6e7f8a9b0c") String requestId) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String TYPE_BASE = "https://dti.gov.vn/problems/";
}
