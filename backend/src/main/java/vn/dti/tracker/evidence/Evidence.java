package vn.dti.tracker.evidence;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import vn.dti.tracker.common.VersionedEntity;
import vn.dti.tracker.orgunit.OrgUnit;

/** Tài liệu kiểm chứng: an uploaded file (its content stored once per hash) or a registered link. */
@Entity
@Table(name = "evidence")
public class Evidence extends VersionedEntity {

    @Schema(name = "EvidenceKind", description = "FILE: uploaded content; LINK: a registered http(s) address")
    public enum Kind { FILE, LINK }

    @Id
    public UUID id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Kind kind;

    @Column(nullable = false)
    public String title;

    /** Số, ký hiệu văn bản, e.g. 123/QĐ-UBND. */
    @Column(name = "doc_number")
    public String docNumber;

    @Column(name = "doc_date")
    public LocalDate docDate;

    /** Cơ quan ban hành. */
    public String issuer;

    /** Trích yếu. */
    public String summary;

    /** The name the uploader's file had (NFC), kept as data only. */
    @Column(name = "file_name")
    public String fileName;

    public String sha256;

    @Column(name = "media_type")
    public String mediaType;

    @Column(name = "size_bytes")
    public Long sizeBytes;

    public String url;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "owner_unit_id")
    public OrgUnit ownerUnit;

    @Column(name = "uploaded_by")
    public UUID uploadedBy;

    @Column(name = "uploaded_by_name")
    public String uploadedByName;

    @Column(name = "unattached_since")
    public OffsetDateTime unattachedSince;
}
