package vn.dti.tracker.evidence;

import static vn.dti.tracker.common.Values.blankToNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import vn.dti.tracker.auth.AccessPolicy;
import vn.dti.tracker.auth.Visibility;
import vn.dti.tracker.auth.Caller;
import vn.dti.tracker.common.ArchiveLimits;
import vn.dti.tracker.common.ArchiveSettings;
import vn.dti.tracker.common.DomainException;
import vn.dti.tracker.common.Entities;
import vn.dti.tracker.common.FieldError;
import vn.dti.tracker.common.Page;
import vn.dti.tracker.common.PageRequest;
import vn.dti.tracker.common.Versions;
import vn.dti.tracker.evidence.EvidenceDtos.Attachment;
import vn.dti.tracker.evidence.EvidenceDtos.Description;
import vn.dti.tracker.evidence.EvidenceDtos.EvidenceView;
import vn.dti.tracker.evidence.EvidenceDtos.LinkCreate;
import vn.dti.tracker.orgunit.OrgUnit;
import vn.dti.tracker.orgunit.OrgUnitDtos.OrgUnitRef;
import vn.dti.tracker.reporting.Report;
import vn.dti.tracker.reporting.ReportService;
import vn.dti.tracker.reporting.ReportState;
import vn.dti.tracker.reporting.ReportingClock;
import vn.dti.tracker.reporting.ReportingDtos.ItemRef;

/**
 * Evidence: uploaded files and registered links, attached to reports. A file's content is hashed and
 * typed from its bytes, then stored once per hash; the row and the stored content are written under
 * one lock on the hash, so the sweep never removes content an upload is about to reference.
 */
@ApplicationScoped
public class EvidenceService {

    static final Map<String, String> SORTABLE = Map.of("createdAt", "e.created_at", "title", "e.title", "docDate", "e.doc_date");

    public record Filter(UUID reportId, UUID indicatorId, UUID taskId, UUID planId, String periodKey, UUID unitId, Evidence.Kind kind,
            String q, OffsetDateTime updatedSince) {
    }

    /**
     * An uploaded file as the HTTP layer received it (already on local disk), with its hash when it was
     * computed while receiving.
     */
    public record Upload(Path file, String fileName, long size, String declaredSha256, String receivedSha256) {
    }

    /** A description as typed in an upload form: every field may be missing. */
    public record FormDescription(String title, String docNumber, LocalDate docDate, String issuer, String summary) implements Description {
    }

    /** What a download needs: the content and how to name it. */
    public record Download(UUID id, String mediaType, String fileName, long size, String sha256, Optional<Path> localFile, BlobStore store) {
        public InputStream open() throws IOException {
            return store.open(sha256);
        }
    }

    private final EntityManager em;
    private final AccessPolicy access;
    private final Visibility visibility;
    private final ReportService reports;
    private final ContentTypes types;
    private final BlobStore blobs;
    private final EvidenceSettings settings;
    private final ReportingClock clock;
    private final ArchiveLimits archives;

    public EvidenceService(EntityManager em, AccessPolicy access, Visibility visibility, ReportService reports, ContentTypes types,
            BlobStore blobs, EvidenceSettings settings, ReportingClock clock, ArchiveSettings archives) {
        this.em = em;
        this.archives = ArchiveLimits.of(archives);
        this.access = access;
        this.visibility = visibility;
        this.reports = reports;
        this.types = types;
        this.blobs = blobs;
        this.settings = settings;
        this.clock = clock;
    }

    // ---- writing ----

    @Transactional
    public EvidenceView upload(Upload upload, Description description, List<UUID> reportIds) {
        OrgUnit owner = uploaderUnit();
        String fileName = FileNames.check(upload.fileName());
        List<Report> targets = writableReports(reportIds, "reportId");
        Evidence e = new Evidence();
        e.kind = Evidence.Kind.FILE;
        describe(e, description, FileNames.withoutExtension(fileName));
        if (upload.size() <= 0) {
            throw DomainException.invalidField("file", "evidence.empty", "Tệp '" + fileName + "' rỗng (0 byte); hãy chọn lại tệp.");
        }
        long max = settings.maxFileSize().asLongValue();
        if (upload.size() > max) {
            throw DomainException.fileTooLarge(upload.size(), max);
        }
        String mediaType;
        String sha256;
        try {
            mediaType = types.detect(upload.file(), fileName);
            sha256 = upload.receivedSha256() != null ? upload.receivedSha256() : Hashing.sha256(upload.file());
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        if (!settings.allowedTypes().contains(mediaType)) {
            throw new DomainException(DomainException.Kind.UNSUPPORTED_TYPE, "evidence.type-not-allowed",
                    "Nội dung tệp '" + fileName + "' là " + ContentTypes.describe(mediaType) + ", không thuộc các loại được nhận (PDF, ảnh,"
                            + " Word, Excel, OpenDocument). Loại tệp được xác định theo nội dung, không theo tên tệp.",
                    List.of(new FieldError("file", "evidence.type-not-allowed", ContentTypes.describe(mediaType) + " không được nhận.")));
        }
        checkArchive(upload.file());
        String declared = blankToNull(upload.declaredSha256());
        if (declared != null && !declared.trim().equalsIgnoreCase(sha256)) {
            throw DomainException.invalidField("sha256", "evidence.checksum-mismatch",
                    "Tệp nhận được có SHA-256 " + sha256 + ", khác với giá trị gửi kèm; tệp có thể đã hỏng trên đường truyền. Hãy tải lên lại.");
        }
        storeContent(sha256, upload.file(), upload.size(), mediaType);
        e.fileName = fileName;
        e.sha256 = sha256;
        e.mediaType = mediaType;
        e.sizeBytes = upload.size();
        return persist(e, owner, targets);
    }

    /**
     * Word, Excel and OpenDocument files are zip archives: one that would unpack past the limits is never stored, so that
     * nobody who opens it later (a reviewer, an indexer) is flooded.
     */
    private void checkArchive(Path file) {
        try {
            if (ArchiveLimits.isZip(file)) {
                archives.check(file);
            }
        } catch (IOException e) {
            throw ArchiveLimits.damaged();
        }
    }

    @Transactional
    public EvidenceView link(LinkCreate in) {
        OrgUnit owner = uploaderUnit();
        Evidence e = new Evidence();
        e.kind = Evidence.Kind.LINK;
        e.url = checkUrl(in.url());
        List<Report> targets = writableReports(in.reportIds(), "reportIds");
        describe(e, in, null);
        return persist(e, owner, targets);
    }

    /**
     * A new description. Refused while a report that cites the evidence is submitted or accepted: what a coordinator
     * reviewed or accepted is what stays on record, until that report is returned or reopened.
     */
    @Transactional
    public EvidenceView update(UUID id, long expectedVersion, Description in) {
        Evidence e = requireEditable(id);
        Versions.check(expectedVersion, e.version, "tài liệu kiểm chứng");
        long holding = reportsHolding(e.id);
        if (holding > 0) {
            throw DomainException.conflict("evidence.on-record",
                    "Tài liệu là minh chứng của " + holding + " báo cáo đã gửi hoặc đã được chấp nhận, nên không sửa được tên, số hiệu, ngày"
                            + " hay nội dung mô tả. Muốn sửa, hãy đề nghị cán bộ điều phối trả lại hoặc mở lại báo cáo đó.");
        }
        describe(e, in, null);
        em.flush();
        return view(e);
    }

    /**
     * Reports citing the evidence whose state holds it on record ({@link ReportState#holdsEvidence()}). Their rows are
     * share-locked until the transaction ends, so that a submission cannot slip in between this check and the change.
     */
    private long reportsHolding(UUID evidenceId) {
        List<String> held = java.util.Arrays.stream(ReportState.values()).filter(ReportState::holdsEvidence).map(Enum::name).toList();
        @SuppressWarnings("unchecked")
        List<Object> states = em.createNativeQuery("""
                select r.state from report r where r.id in (select report_id from report_evidence where evidence_id = :id)
                order by r.id for share""")
                .setParameter("id", evidenceId).getResultList();
        return states.stream().filter(held::contains).count();
    }

    /** Removes evidence that nothing references; its content goes too unless other evidence shares it. */
    @Transactional
    public void delete(UUID id, long expectedVersion) {
        Evidence e = requireEditable(id);
        Versions.check(expectedVersion, e.version, "tài liệu kiểm chứng");
        if (attachmentCount(e.id) > 0) {
            throw DomainException.conflict("evidence.attached",
                    "Tài liệu đang được dùng làm minh chứng cho báo cáo; hãy gỡ khỏi các báo cáo trước khi xóa.");
        }
        e.delete();
        em.flush();
    }

    /** Evidence attached, and the report's version after it (its ETag). */
    public record Attached(EvidenceView evidence, long reportVersion) {
    }

    /** Attaches; a change of the report, so its version moves on (attaching what is already attached changes nothing). */
    @Transactional
    public Attached attach(UUID reportId, long expectedReportVersion, UUID evidenceId) {
        Report report = reports.requireWritableAt(reportId, expectedReportVersion);
        Evidence e = requireVisible(evidenceId);
        em.lock(e, LockModeType.PESSIMISTIC_WRITE);
        if (link(report, e.id)) {
            reports.evidenceChanged(report);
        }
        markAttached(e.id, true);
        return new Attached(view(e), report.version);
    }

    /** Takes evidence off a report; returns the report's version after it (its ETag). */
    @Transactional
    public long detach(UUID reportId, long expectedReportVersion, UUID evidenceId) {
        Report report = reports.requireWritableAt(reportId, expectedReportVersion);
        int removed = em.createNativeQuery("delete from report_evidence where report_id = :report and evidence_id = :evidence")
                .setParameter("report", report.id).setParameter("evidence", evidenceId).executeUpdate();
        if (removed == 0) {
            throw DomainException.notFound("evidence.not-attached", "Tài liệu này không được đính kèm báo cáo.");
        }
        if (attachmentCount(evidenceId) == 0) {
            markAttached(evidenceId, false);
        }
        reports.evidenceChanged(report);
        return report.version;
    }

    private EvidenceView persist(Evidence e, OrgUnit owner, List<Report> targets) {
        Caller caller = access.caller();
        e.id = UUID.randomUUID();
        e.ownerUnit = owner;
        e.uploadedBy = caller.kind() == Caller.Kind.USER ? caller.id() : null;
        e.uploadedByName = access.callerFullName();
        e.unattachedSince = targets.isEmpty() ? Entities.now() : null;
        e.persist();
        em.flush();
        for (Report r : targets) {
            if (link(r, e.id)) {
                reports.evidenceChanged(r);
            }
        }
        return view(e);
    }

    /** Attaches; attaching twice changes nothing (false). */
    private boolean link(Report report, UUID evidenceId) {
        return em.createNativeQuery("""
                insert into report_evidence (report_id, unit_id, evidence_id, attached_at, attached_by_name)
                values (:report, :unit, :evidence, :at, :by) on conflict do nothing""")
                .setParameter("report", report.id).setParameter("unit", report.unit.id).setParameter("evidence", evidenceId)
                .setParameter("at", Entities.now()).setParameter("by", access.callerFullName()).executeUpdate() == 1;
    }

    /**
     * Writes the stored-file row and the content under a transaction-scoped lock on the hash. New
     * content is put in storage; known content is put again only if storage lost it.
     */
    private void storeContent(String sha256, Path file, long size, String mediaType) {
        Hashing.lock(em, sha256);
        int inserted = em.createNativeQuery("""
                insert into stored_file (sha256, size_bytes, media_type, created_at) values (:sha, :size, :type, :at)
                on conflict do nothing""")
                .setParameter("sha", sha256).setParameter("size", size).setParameter("type", mediaType).setParameter("at", Entities.now())
                .executeUpdate();
        try {
            if (inserted == 1 || !blobs.exists(sha256)) {
                blobs.put(sha256, file, size);
            }
        } catch (IOException ex) {
            throw new UncheckedIOException("Could not store evidence content " + sha256, ex);
        }
    }

    private void markAttached(UUID evidenceId, boolean attached) {
        var q = attached
                ? em.createNativeQuery("update evidence set unattached_since = null where id = :id and unattached_since is not null")
                : em.createNativeQuery("update evidence set unattached_since = :at where id = :id").setParameter("at", Entities.now());
        q.setParameter("id", evidenceId).executeUpdate();
    }

    // ---- rules ----

    /** Evidence is put on record by the people of a unit that reports; it belongs to that unit. */
    private OrgUnit uploaderUnit() {
        Caller caller = access.caller();
        OrgUnit unit = caller.unitId() == null ? null : OrgUnit.findById(caller.unitId());
        if (unit == null) {
            throw DomainException.forbidden("access.not-your-unit", "Chỉ cán bộ của một đơn vị báo cáo mới được tải lên tài liệu kiểm chứng.");
        }
        access.requireReportWriter(unit);
        return unit;
    }

    private List<Report> writableReports(List<UUID> ids, String field) {
        List<Report> out = new ArrayList<>();
        if (ids == null) {
            return out;
        }
        for (UUID id : ids) {
            if (id == null) {
                throw DomainException.invalidField(field, "evidence.report-required", "Mã báo cáo không được để trống.");
            }
            Report r = reports.requireWritable(id);
            if (out.stream().noneMatch(x -> x.id.equals(r.id))) {
                out.add(r);
            }
        }
        return out;
    }

    private void describe(Evidence e, Description in, String defaultTitle) {
        List<FieldError> errors = new ArrayList<>();
        String title = blankToNull(in.title());
        if (title == null) {
            title = defaultTitle;
        }
        if (title == null) {
            errors.add(new FieldError("title", "evidence.title-required", "Cần ghi tên tài liệu."));
        } else {
            title = Normalizer.normalize(title.trim(), Normalizer.Form.NFC);
            length(errors, "title", title, 500);
        }
        String docNumber = norm(in.docNumber());
        String issuer = norm(in.issuer());
        String summary = norm(in.summary());
        length(errors, "docNumber", docNumber, 100);
        length(errors, "issuer", issuer, 500);
        length(errors, "summary", summary, 4000);
        LocalDate today = clock.today();
        if (in.docDate() != null && in.docDate().isAfter(today)) {
            errors.add(new FieldError("docDate", "evidence.date-in-future",
                    "Ngày ban hành " + in.docDate() + " ở tương lai (hôm nay là " + today + ")."));
        }
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors.get(0).code(), "Thông tin tài liệu chưa hợp lệ: " + errors.get(0).detail(), errors);
        }
        e.title = title;
        e.docNumber = docNumber;
        e.docDate = in.docDate();
        e.issuer = issuer;
        e.summary = summary;
    }

    private static String norm(String s) {
        String v = blankToNull(s);
        return v == null ? null : Normalizer.normalize(v.trim(), Normalizer.Form.NFC);
    }

    private static void length(List<FieldError> errors, String field, String value, int max) {
        if (value != null && value.codePointCount(0, value.length()) > max) {
            errors.add(new FieldError(field, "evidence.too-long", "Tối đa " + max + " ký tự."));
        }
    }

    static String checkUrl(String raw) {
        String url = raw == null ? "" : raw.trim();
        String why = null;
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                why = "chỉ nhận địa chỉ http:// hoặc https://";
            } else if (uri.getHost() == null || uri.getHost().isBlank()) {
                why = "thiếu tên máy chủ";
            } else if (uri.getRawUserInfo() != null) {
                why = "địa chỉ không được chứa tên đăng nhập hay mật khẩu";
            }
        } catch (URISyntaxException ex) {
            why = "không đúng dạng địa chỉ web";
        }
        if (why != null) {
            throw DomainException.invalidField("url", "evidence.link-invalid", "Đường dẫn '" + abbreviate(url) + "' không hợp lệ: " + why + ".");
        }
        return url;
    }

    private static String abbreviate(String s) {
        return s.length() > 80 ? s.substring(0, 80) + "…" : s;
    }

    /** Evidence the caller may see; any other is answered as missing. */
    public Evidence require(UUID id) {
        Evidence e = id == null ? null : Evidence.findById(id);
        if (e == null || !visible(e.id)) {
            throw DomainException.notFound("evidence.not-found", "Không tìm thấy tài liệu kiểm chứng.");
        }
        return e;
    }

    /** Evidence named in a request body: one the caller may not see is unknown. */
    private Evidence requireVisible(UUID id) {
        Evidence e = id == null ? null : Evidence.findById(id);
        if (e == null || !visible(e.id)) {
            throw DomainException.invalidField("evidenceId", "evidence.unknown", "Không có tài liệu kiểm chứng với mã định danh " + id + ".");
        }
        return e;
    }

    /** Its description is changed, and it is deleted, by the people of the unit it belongs to. */
    private Evidence requireEditable(UUID id) {
        Evidence e = require(id);
        access.requireReportWriter(e.ownerUnit);
        return e;
    }

    private long attachmentCount(UUID evidenceId) {
        return ((Number) em.createNativeQuery("select count(*) from report_evidence where evidence_id = :id")
                .setParameter("id", evidenceId).getSingleResult()).longValue();
    }

    /** Who sees a piece of evidence is {@link Visibility}'s to say, for this list as for the change feed. */
    private AccessPolicy.Clause visibility() {
        return visibility.of(Visibility.Kind.EVIDENCE, "e.id");
    }

    private boolean visible(UUID id) {
        return visibility.sees(Visibility.Kind.EVIDENCE, id);
    }

    // ---- reading ----

    @Transactional
    public EvidenceView get(UUID id) {
        return view(require(id));
    }

    @Transactional
    public Download download(UUID id) {
        Evidence e = require(id);
        if (e.kind != Evidence.Kind.FILE) {
            throw DomainException.conflict("evidence.is-link", "Tài liệu này là một đường dẫn (" + e.url + "), không có tệp để tải.");
        }
        return new Download(e.id, e.mediaType, e.fileName, e.sizeBytes, e.sha256, blobs.localFile(e.sha256), blobs);
    }

    @Transactional
    public Page<EvidenceView> list(Filter f, PageRequest page) {
        visibility.requireFilter(Visibility.Kind.REPORT, f.reportId());
        visibility.requireFilter(Visibility.Kind.INDICATOR, f.indicatorId());
        visibility.requireFilter(Visibility.Kind.TASK, f.taskId());
        visibility.requireFilter(Visibility.Kind.PLAN, f.planId());
        visibility.requireFilter(Visibility.Kind.ORG_UNIT, f.unitId());
        AccessPolicy.Clause v = visibility();
        StringBuilder where = new StringBuilder(" where ").append(v.jpql());
        Map<String, Object> params = new HashMap<>(v.params());
        List<String> onReport = new ArrayList<>();
        if (f.reportId() != null) {
            onReport.add("rp.id = :report");
            params.put("report", f.reportId());
        }
        if (f.indicatorId() != null) {
            onReport.add("rp.indicator_id = :indicator");
            params.put("indicator", f.indicatorId());
        }
        if (f.taskId() != null) {
            onReport.add("rp.task_id = :task");
            params.put("task", f.taskId());
        }
        if (f.planId() != null) {
            onReport.add("rp.plan_id = :plan");
            params.put("plan", f.planId());
        }
        if (blankToNull(f.periodKey()) != null) {
            onReport.add("pp.period_key = :key");
            params.put("key", f.periodKey().trim());
        }
        if (!onReport.isEmpty()) {
            where.append(" and exists (select 1 from report_evidence re join report rp on rp.id = re.report_id")
                    .append(" join reporting_period pp on pp.id = rp.period_id where re.evidence_id = e.id and ")
                    .append(String.join(" and ", onReport)).append(")");
        }
        if (f.unitId() != null) {
            where.append(" and (e.owner_unit_id = :unit or exists (select 1 from report_evidence ru2 where ru2.evidence_id = e.id"
                    + " and ru2.unit_id = :unit))");
            params.put("unit", f.unitId());
        }
        if (f.kind() != null) {
            where.append(" and e.kind = :kind");
            params.put("kind", f.kind().name());
        }
        if (blankToNull(f.q()) != null) {
            where.append(" and (e.title ilike :q or e.doc_number ilike :q or e.file_name ilike :q or e.issuer ilike :q)");
            params.put("q", "%" + f.q().trim().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        if (f.updatedSince() != null) {
            where.append(" and e.updated_at > :since");
            params.put("since", f.updatedSince());
        }
        var count = em.createNativeQuery("select count(*) from evidence e" + where);
        var ids = em.createNativeQuery("select e.id from evidence e" + where + " order by " + page.orderBy());
        params.forEach((k, val) -> {
            count.setParameter(k, val);
            ids.setParameter(k, val);
        });
        long total = ((Number) count.getSingleResult()).longValue();
        @SuppressWarnings("unchecked")
        List<UUID> pageIds = ids.setFirstResult(page.offset()).setMaxResults(page.size()).getResultList();
        Map<UUID, Evidence> byId = new HashMap<>();
        if (!pageIds.isEmpty()) {
            em.createQuery("select e from Evidence e join fetch e.ownerUnit where e.id in :ids", Evidence.class).setParameter("ids", pageIds)
                    .getResultStream().forEach(e -> byId.put(e.id, e));
        }
        Map<UUID, List<Attachment>> attachments = attachments(pageIds);
        java.util.Set<UUID> onRecord = onRecord(pageIds);
        List<EvidenceView> items = pageIds.stream().map(byId::get)
                .map(e -> view(e, attachments.getOrDefault(e.id, List.of()), onRecord.contains(e.id))).toList();
        return Page.of(items, page, total);
    }

    /** The reports each piece of evidence is attached to, as far as the caller may read them; one query. */
    private Map<UUID, List<Attachment>> attachments(List<UUID> evidenceIds) {
        Map<UUID, List<Attachment>> out = new LinkedHashMap<>();
        if (evidenceIds.isEmpty()) {
            return out;
        }
        AccessPolicy.Clause scope = access.unitScope("u.path", false);
        var q = em.createNativeQuery("""
                select re.evidence_id, r.id, r.plan_id, p.period_key, coalesce(i.id, t.id), coalesce(i.code, t.code),
                       coalesce(i.content, t.description), u.id, u.code, u.name, re.attached_at, re.attached_by_name,
                       case when i.id is not null then 'INDICATOR' else 'TASK' end
                  from report_evidence re join report r on r.id = re.report_id join reporting_period p on p.id = r.period_id
                  join org_unit u on u.id = re.unit_id left join indicator i on i.id = r.indicator_id left join task t on t.id = r.task_id
                 where re.evidence_id in (:ids) and\s""" + scope.jpql() + " order by re.attached_at, r.id")
                .setParameter("ids", evidenceIds);
        scope.params().forEach(q::setParameter);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = q.getResultList();
        for (Object[] row : rows) {
            out.computeIfAbsent((UUID) row[0], k -> new ArrayList<>()).add(new Attachment((UUID) row[1], (UUID) row[2], (String) row[3],
                    new ItemRef((String) row[12], (UUID) row[4], (String) row[5], (String) row[6]),
                    new OrgUnitRef((UUID) row[7], (String) row[8], (String) row[9]), Entities.utc(row[10]), (String) row[11]));
        }
        return out;
    }

    /**
     * Which of the evidence a report holds on record ({@link ReportState#holdsEvidence()}), whether or not the caller may
     * read that report; one query.
     */
    private java.util.Set<UUID> onRecord(List<UUID> evidenceIds) {
        if (evidenceIds.isEmpty()) {
            return java.util.Set.of();
        }
        List<String> held = java.util.Arrays.stream(ReportState.values()).filter(ReportState::holdsEvidence).map(Enum::name).toList();
        @SuppressWarnings("unchecked")
        List<UUID> ids = em.createNativeQuery("""
                select distinct re.evidence_id from report_evidence re join report r on r.id = re.report_id
                 where re.evidence_id in (:ids) and r.state in (:held)""")
                .setParameter("ids", evidenceIds).setParameter("held", held).getResultList();
        return new java.util.HashSet<>(ids);
    }

    EvidenceView view(Evidence e) {
        return view(e, attachments(List.of(e.id)).getOrDefault(e.id, List.of()), !onRecord(List.of(e.id)).isEmpty());
    }

    private static EvidenceView view(Evidence e, List<Attachment> attachments, boolean onRecord) {
        boolean file = e.kind == Evidence.Kind.FILE;
        return new EvidenceView(e.id, e.kind, e.title, e.docNumber, e.docDate, e.issuer, e.summary, e.fileName, e.mediaType, e.sizeBytes,
                e.sha256, e.url, file ? "/api/v1/evidence/" + e.id + "/content" : null, file && ContentTypes.inline(e.mediaType),
                OrgUnitRef.of(e.ownerUnit), e.uploadedByName, attachments, onRecord, e.version, e.createdAt, e.updatedAt);
    }
}
