package vn.dti.tracker.orgunit;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The API shapes of organisation units: separate create, update and read shapes. */
public final class OrgUnitDtos {

    private OrgUnitDtos() {
    }

    public static final String CODE_PATTERN = "^[A-Z0-9][A-Z0-9._-]{0,63}$";

    @Schema(name = "OrgUnitRef", description = "A short reference to an organisation unit")
    public record OrgUnitRef(UUID id, @Schema(examples = "DNAI.XUANLOC") String code,
            @Schema(examples = "Xã Xuân Lộc") String name) {
        public static OrgUnitRef of(OrgUnit unit) {
            return unit == null ? null : new OrgUnitRef(unit.id, unit.code, unit.name);
        }
    }

    @Schema(name = "OrgUnitCreate", description = "A new organisation unit")
    public record OrgUnitCreate(
            @NotBlank @Pattern(regexp = CODE_PATTERN) @Schema(examples = "DNAI.XUANLOC.VHXH") String code,
            @NotBlank @Size(max = 500) @Schema(examples = "Phòng Văn hóa - Xã hội") String name,
            @Size(max = 200) @Schema(examples = "Phòng VH-XH") String shortName,
            @NotNull OrgUnitKind kind,
            @Schema(description = "Parent unit; null for a top-level unit") UUID parentId) {
    }

    @Schema(name = "OrgUnitUpdate", description = "Editable fields of an organisation unit; changing parentId moves it with its subtree")
    public record OrgUnitUpdate(
            @NotBlank @Size(max = 500) String name,
            @Size(max = 200) String shortName,
            @NotNull OrgUnitKind kind,
            UUID parentId,
            @NotNull @Schema(description = "false deactivates the unit; its history is kept") Boolean active) {
    }

    @Schema(name = "OrgUnit", description = "An organisation unit (đơn vị)")
    public record OrgUnitView(
            UUID id,
            String code,
            String name,
            @Schema(nullable = true) String shortName,
            OrgUnitKind kind,
            @Schema(nullable = true) OrgUnitRef parent,
            @Schema(description = "Ancestors from the root down to the parent") List<OrgUnitRef> ancestors,
            int depth,
            boolean active,
            @Schema(description = "Other names documents give the unit, matched when a plan is brought in") List<String> aliases,
            long version,
            OffsetDateTime createdAt,
            OffsetDateTime updatedAt) {
    }

    @Schema(name = "OrgUnitAliasesUpdate", description = "The other names of a unit, replacing those it has")
    public record OrgUnitAliasesUpdate(@jakarta.validation.constraints.NotNull @Size(max = 100) List<@NotBlank @Size(max = 500) String> aliases) {
    }
}
