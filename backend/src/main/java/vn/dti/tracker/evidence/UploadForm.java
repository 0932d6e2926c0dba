package vn.dti.tracker.evidence;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jboss.resteasy.reactive.PartType;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/** The multipart form of an upload: the file and what describes it. */
@Schema(name = "EvidenceUploadInput")
public class UploadForm {

    @RestForm("file")
    @PartType("application/octet-stream")
    @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, format = "binary", required = true,
            description = "The file: PDF, an image, Word, Excel or OpenDocument; the type is decided by its content")
    public FileUpload file;

    @RestForm
    @Schema(description = "Tên tài liệu; default the file's name", maxLength = 500)
    public String title;

    @RestForm
    @Schema(description = "Số, ký hiệu", examples = "123/QĐ-UBND", maxLength = 100)
    public String docNumber;

    @RestForm
    @Schema(description = "Ngày ban hành (YYYY-MM-DD), not in the future", format = "date")
    public String docDate;

    @RestForm
    @Schema(description = "Cơ quan ban hành", maxLength = 500)
    public String issuer;

    @RestForm
    @Schema(description = "Trích yếu", maxLength = 4000)
    public String summary;

    @RestForm
    @Schema(description = "SHA-256 (hex) of the file as the client computed it; the upload is refused if the received bytes differ")
    public String sha256;

    @RestForm("reportIds")
    @Schema(description = "Reports to attach it to at once (repeat the field for several)")
    public List<String> reportIds;

    /** The name the field had before the contract documented reportIds; scripts that send it keep working. */
    @RestForm("reportId")
    @Schema(hidden = true)
    public List<String> reportId;
}
