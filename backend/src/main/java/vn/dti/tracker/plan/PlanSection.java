package vn.dti.tracker.plan;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A free-text section of a plan, kept as written. */
@Schema(name = "PlanSection")
public record PlanSection(
        @NotNull SectionKey key,
        @Size(max = 1000) @Schema(nullable = true, examples = "I. MỤC ĐÍCH, YÊU CẦU") String heading,
        @NotNull @Size(max = 200000) String body) {
}
