package vn.dti.tracker.evidence;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import vn.dti.tracker.orgunit.OrgUnitDtos.OrgUnitRef;
import vn.dti.tracker.reporting.ReportingDtos.ItemRef;

/** The API shapes of evidence. */
public final class EvidenceDtos {

    private EvidenceDtos() {
    }

    /** What describes a document, whether a file or a link. */
    public interface Description {
        String title();
        String docNumber();
        LocalDate docDate();
        String issuer();
        String summary();
    }

    @Schema(name = "EvidenceUpdate", description = "The new description of a piece of evidence (its content never changes)")
    public record EvidenceUpdate(
            @NotBlank @Size(max = 500) @Schema(examples = "Quyết định phê duyệt Kế hoạch chuyển đổi số năm 2026") String title,
            @Size(max = 100) @Schema(nullable = true, examples = "123/QĐ-UBND") String docNumber,
            @Schema(nullable = true, description = "Ngày ban hành; not in the future") LocalDate docDate,
            @Size(max = 500) @Schema(nullable = true, examples = "UBND xã Xuân Lộc") String issuer,
            @Size(max = 4000) @Schema(nullable = true, description = "Trích yếu") String summary) implements Description {
    }

    @Schema(name = "EvidenceLinkCreate", description = "A document registered by its http(s) address instead of uploaded")
    public record LinkCreate(
            @NotBlank @Size(max = 2000) @Schema(examples = "https://dongnai.gov.vn/van-ban/123-qd-ubnd") String url,
            @NotBlank @Size(max = 500) String title,
            @Size(max = 100) @Schema(nullable = true) String docNumber,
            @Schema(nullable = true) LocalDate docDate,
            @Size(max = 500) @Schema(nullable = true) String issuer,
            @Size(max = 4000) @Schema(nullable = true) String summary,
            @Size(max = 50) @Schema(nullable = true, description = "Reports to attach it to at once") List<@NotNull UUID> reportIds)
            implements Description {
    }

    @Schema(name = "EvidenceAttachInput", description = "The evidence to attach to a report")
    public record AttachInput(@NotNull UUID evidenceId) {
    }

    @Schema(name = "EvidenceAttachment", description = "A report the evidence is attached to (only those the caller may read are listed)")
    public record Attachment(UUID reportId, UUID planId, @Schema(examples = "2026-03") String periodKey, ItemRef item, OrgUnitRef unit,
            OffsetDateTime attachedAt, @Schema(nullable = true) String attachedBy) {
    }

    @Schema(name = "Evidence", description = "Tài liệu kiểm chứng: an uploaded file or a registered link, with what describes it")
    public record EvidenceView(UUID id, Evidence.Kind kind, String title, @Schema(nullable = true) String docNumber,
            @Schema(nullable = true) LocalDate docDate, @Schema(nullable = true) String issuer, @Schema(nullable = true) String summary,
            @Schema(nullable = true, description = "The uploaded file's own name") String fileName,
            @Schema(nullable = true, description = "Decided from the content", examples = "application/pdf") String mediaType,
            @Schema(nullable = true) Long sizeBytes,
            @Schema(nullable = true, description = "SHA-256 of the content (hex); downloads carry it in Repr-Digest") String sha256,
            @Schema(nullable = true, description = "LINK: the address") String url,
            @Schema(nullable = true, description = "FILE: where to download it (with the access token)") String contentUrl,
            @Schema(description = "FILE: a browser can show it inline (PDF and images)") boolean previewable,
            OrgUnitRef ownerUnit, @Schema(nullable = true, description = "Full name of the person who put it on record") String uploadedBy,
            List<Attachment> attachments,
            @Schema(description = "Cited by a report that was sent or accepted: its details cannot change (409 `evidence.on-record`) until"
                    + " that report is returned or reopened") boolean onRecord,
            long version, OffsetDateTime createdAt, OffsetDateTime updatedAt) {
    }

    /** The outcome of checking one stored file. */
    public enum IntegrityProblemKind { MISSING, CORRUPT, UNREFERENCED }

    @Schema(name = "IntegrityProblem", description = "A stored file that is missing, whose content no longer matches its hash, or that no row references")
    public record IntegrityProblem(String sha256, IntegrityProblemKind problem, String detail, List<UUID> evidenceIds) {
    }

    @Schema(name = "IntegrityReport", description = "The result of re-reading every stored file and comparing it with its SHA-256")
    public record IntegrityReport(OffsetDateTime checkedAt, String storage, long filesChecked, long bytesChecked, long filesOk,
            List<IntegrityProblem> problems) {
    }

    @Schema(name = "SweepResult", description = "What one pass of the evidence sweep removed")
    public record SweepResult(int evidenceRemoved, int filesRemoved, int strayFilesRemoved) {
    }
}
