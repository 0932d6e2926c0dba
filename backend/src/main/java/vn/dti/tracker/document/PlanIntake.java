package vn.dti.tracker.document;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.poi.ss.util.CellReference;

import io.quarkus.narayana.jta.QuarkusTransaction;
import vn.dti.tracker.auth.AccessPolicy;
import vn.dti.tracker.bundle.BundleExporter;
import vn.dti.tracker.bundle.BundleImportResult;
import vn.dti.tracker.bundle.BundleImporter;
import vn.dti.tracker.bundle.PlanBundle;
import vn.dti.tracker.bundle.PlanBundle.BundleIndicator;
import vn.dti.tracker.bundle.PlanBundle.BundlePlan;
import vn.dti.tracker.bundle.PlanBundle.BundleTask;
import vn.dti.tracker.bundle.PlanBundle.Group;
import vn.dti.tracker.common.ArchiveLimits;
import vn.dti.tracker.common.ArchiveSettings;
import vn.dti.tracker.common.ConditionalGet;
import vn.dti.tracker.common.DomainException;
import vn.dti.tracker.common.TextSearch;
import vn.dti.tracker.document.DocumentDtos.AppendixPart;
import vn.dti.tracker.document.DocumentDtos.ImportProblem;
import vn.dti.tracker.document.DocumentDtos.Severity;
import vn.dti.tracker.document.PlanIntakeDtos.Block;
import vn.dti.tracker.document.PlanIntakeDtos.BlockKind;
import vn.dti.tracker.document.PlanIntakeDtos.BlockRole;
import vn.dti.tracker.document.PlanIntakeDtos.Choices;
import vn.dti.tracker.document.PlanIntakeDtos.Finding;
import vn.dti.tracker.document.PlanIntakeDtos.Result;
import vn.dti.tracker.document.PlanIntakeDtos.Source;
import vn.dti.tracker.document.PlanIntakeDtos.SourceKind;
import vn.dti.tracker.orgunit.OrgUnit;
import vn.dti.tracker.orgunit.OrgUnitDtos.OrgUnitRef;
import vn.dti.tracker.orgunit.OrgUnitKind;
import vn.dti.tracker.orgunit.UnitNames;
import vn.dti.tracker.plan.Plan;
import vn.dti.tracker.plan.PlanService;
import vn.dti.tracker.plan.PlanStatus;
import vn.dti.tracker.task.TaskDtos.Timeframe;
import vn.dti.tracker.task.TaskEnums.TimeframeKind;

/**
 * A plan brought in from the file it was issued as. The file is read into paragraphs and tables ({@link PlanSource}),
 * understood ({@link PlanText}), its names of units found among the units the issuer's plan may name, its appendix
 * tables read by the appendix import's reader, and the whole becomes a plan bundle. The preview is the bundle import's
 * dry run; the commit is that import, in one transaction. Nothing is stored before the commit, and the same file
 * again changes nothing: the plan is found by its code (a stored plan of the same issuer with the same number or
 * title keeps its code).
 */
@ApplicationScoped
public class PlanIntake {

    static final String NEW_PLAN_TAG = "\"new\"";

    private final AccessPolicy access;
    private final AppendixImport appendix;
    private final BundleImporter importer;
    private final BundleExporter exporter;
    private final ConditionalGet tags;
    private final ArchiveLimits limits;
    private final int maxBlocks;
    private final vn.dti.tracker.orgunit.OrgUnitService units;

    public PlanIntake(vn.dti.tracker.orgunit.OrgUnitService units, AccessPolicy access, AppendixImport appendix, BundleImporter importer, BundleExporter exporter, ConditionalGet tags,
            ArchiveSettings archives, DocumentSettings settings) {
        this.units = units;
        this.access = access;
        this.appendix = appendix;
        this.importer = importer;
        this.exporter = exporter;
        this.tags = tags;
        this.limits = ArchiveLimits.of(archives).atMost(settings.imports().maxInflatedSize().asLongValue());
        this.maxBlocks = 20000;
    }

    /**
     * Reads an uploaded file into its paragraphs and tables: a Word document (.docx) or a PDF with a text layer. Null for
     * a scan (a PDF of page images, or a page photographed or scanned as PNG, JPEG or TIFF), which OCR reads as a job.
     */
    PlanSource readFile(Path file) {
        try {
            if (java.nio.file.Files.size(file) == 0) {
                throw PlanIntakeProblems.empty();
            }
            byte[] head;
            try (java.io.InputStream in = java.nio.file.Files.newInputStream(file)) {
                head = in.readNBytes(8);
            }
            if (ArchiveLimits.isZip(file)) {
                if (!DocxPlanSource.isDocx(file)) {
                    limits.check(file);
                    throw PlanIntakeProblems.unsupported("Tệp là một tệp nén hoặc tài liệu Office khác (bảng tính, trình chiếu),"
                            + " không phải văn bản Word (.docx).");
                }
                return DocxPlanSource.read(file, limits, maxBlocks);
            }
            if (startsWith(head, "%PDF")) {
                return PdfPlanSource.read(file, PdfPlanSource.Limits.standard());
            }
            if (startsWith(head, "\u0089PNG") || head.length >= 3 && (head[0] & 0xff) == 0xff && (head[1] & 0xff) == 0xd8
                    || startsWith(head, "II*\u0000") || startsWith(head, "MM\u0000*")) {
                return null;
            }
            if (org.apache.poi.poifs.filesystem.FileMagic.valueOf(file.toFile()) == org.apache.poi.poifs.filesystem.FileMagic.OLE2) {
                return DocxPlanSource.read(file, limits, maxBlocks);
            }
            throw PlanIntakeProblems.unsupported("Tệp gửi lên không phải văn bản kế hoạch đọc được: gửi tệp Word (.docx), PDF, hoặc ảnh"
                    + " chụp, bản quét (PNG, JPEG, TIFF).");
        } catch (java.io.IOException e) {
            throw PlanIntakeProblems.damaged();
        }
    }

    private static boolean startsWith(byte[] head, String magic) {
        if (head.length < magic.length()) {
            return false;
        }
        for (int i = 0; i < magic.length(); i++) {
            if ((head[i] & 0xff) != magic.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** Understands the file as read (with any correction typed into it) and previews, or commits, the plan it gives. */
    public Result understand(Source source, Choices choices, boolean commit, String ifMatch) {
        PlanSource ps = fromDto(source);
        Choices c = choices == null ? Choices.none() : choices;
        Understood u = QuarkusTransaction.requiringNew().call(() -> understand(ps, c));
        if (commit) {
            if (u.findings.stream().anyMatch(f -> f.severity() == Severity.ERROR)) {
                throw DomainException.invalid("intake.invalid", "Kế hoạch đọc từ tệp còn " + u.findings.stream()
                        .filter(f -> f.severity() == Severity.ERROR).count() + " lỗi cần xử lý trước khi nhập; chưa có gì được lưu.",
                        u.findings.stream().filter(f -> f.severity() == Severity.ERROR)
                                .map(f -> new vn.dti.tracker.common.FieldError(f.block() == null ? "plan" : "blocks[" + f.block() + "]", f.code(),
                                        f.detail()))
                                .toList());
            }
            if (!c.acknowledgeUnused() && u.findings.stream().anyMatch(f -> f.code().equals("import.unused-column"))) {
                throw DomainException.invalid("import.unused-columns", "Bảng phụ lục có cột có nội dung mà không được đọc; chưa có gì được lưu."
                        + " Đặt lại tiêu đề cột, hoặc xác nhận bỏ qua các cột này khi nhập.", List.of());
            }
            String expected = u.tag == null ? NEW_PLAN_TAG : u.tag;
            if (ifMatch == null || ifMatch.isBlank()) {
                throw new DomainException(DomainException.Kind.PRECONDITION_REQUIRED, "intake.if-match-required",
                        "Cần gửi kèm If-Match là etag của lần xem trước.", List.of());
            }
            if (!ConditionalGet.matchesStrongly(ifMatch, expected)) {
                throw DomainException.staleTag("Kế hoạch '" + u.bundle.plan().code() + "' đã thay đổi sau lần xem trước: hãy xem trước lại.",
                        expected);
            }
            BundleImportResult done = importer.importBundle(u.bundle, false, u.tag);
            List<String> learned = QuarkusTransaction.requiringNew().call(() -> learn(c));
            return new Result(true, true, toDto(ps, u.roles), u.bundle, u.findings, done, done.etag(), learned, u.units);
        }
        BundleImportResult preview = null;
        try {
            preview = importer.importBundle(u.bundle, true, null);
        } catch (DomainException e) {
            List<vn.dti.tracker.common.FieldError> errors = e.errors().isEmpty()
                    ? List.of(new vn.dti.tracker.common.FieldError("plan", e.code(), e.getMessage())) : e.errors();
            errors.forEach(f -> u.findings.add(new Finding(null, null, null, Severity.ERROR, f.code(), f.detail() + " (" + f.field() + ")",
                    List.of(), null, null)));
        }
        boolean valid = u.findings.stream().noneMatch(f -> f.severity() == Severity.ERROR);
        return new Result(false, valid, toDto(ps, u.roles), u.bundle, u.findings, preview, u.tag == null ? NEW_PLAN_TAG : u.tag, List.of(),
                u.units);
    }

    /**
     * The names the person matched to units become the units' other names, where the person manages the unit: the next
     * document of the same province that writes them needs no choice.
     */
    private List<String> learn(Choices choices) {
        List<String> learned = new ArrayList<>();
        if (choices.units() == null) {
            return learned;
        }
        choices.units().forEach((name, code) -> {
            OrgUnit unit = OrgUnit.findByCode(code);
            if (unit != null && access.manages(unit.path) && units.learnAlias(unit, name)) {
                learned.add(name.strip());
            }
        });
        return learned;
    }

    /** The plan as understood, against the stored units and plans. */
    private static final class Understood {
        PlanBundle bundle;
        String tag;
        final List<Finding> findings = new ArrayList<>();
        final Map<Integer, BlockRole> roles = new LinkedHashMap<>();
        final List<PlanIntakeDtos.Unit> units = new ArrayList<>();
    }

    private Understood understand(PlanSource source, Choices choices) {
        PlanText.Reading r = PlanText.read(source);
        Understood out = new Understood();
        r.roles().forEach((block, role) -> out.roles.put(block, BlockRole.valueOf(role.name())));
        r.findings().forEach(f -> out.findings.add(new Finding(f.block(), null, null, f.severity(), f.code(), f.detail(), List.of(), null, null)));

        OrgUnit issuer = issuer(r, choices, out);
        int startYear = r.startYear() != null ? r.startYear() : java.time.Year.now().getValue();
        int endYear = r.endYear() != null ? r.endYear() : startYear;
        if (r.startYear() == null) {
            out.findings.add(new Finding(null, null, null, Severity.WARNING, "intake.years-missing", "Tên kế hoạch không nêu năm hay giai đoạn:"
                    + " kế hoạch được ghi cho năm " + startYear + ", cần kiểm tra lại.", List.of(), null, null));
        }
        Plan stored = storedPlan(issuer, r, choices);
        String code = stored != null ? stored.code : choices.planCode() != null && !choices.planCode().isBlank() ? choices.planCode().strip()
                : code(issuer, r, startYear, endYear);
        PlanBundle current = stored == null ? empty() : exporter.export(stored.id);
        out.tag = stored == null ? null : tags.tagOf(current);

        // Names of units: the issuer's plan names its subtree, then the province's units; collective names the person
        // chose to create become unit groups under the issuer; names the person placed are taken as chosen.
        List<List<OrgUnit>> tiers = new ArrayList<>(AppendixImport.candidateTiers(issuer));
        List<OrgUnit> extra = new ArrayList<>();
        List<PlanBundle.Unit> newUnits = new ArrayList<>();
        for (String name : choices.createUnitGroups() == null ? List.<String>of() : choices.createUnitGroups()) {
            OrgUnit g = new OrgUnit();
            g.code = groupCode(issuer, name, newUnits);
            g.name = name.strip();
            g.kind = OrgUnitKind.UNIT_GROUP;
            g.parent = issuer;
            g.path = issuer.path;
            g.active = true;
            extra.add(g);
            newUnits.add(new PlanBundle.Unit(g.code, g.name, null, OrgUnitKind.UNIT_GROUP, issuer.code, true));
        }
        if (choices.units() != null) {
            choices.units().forEach((name, unitCode) -> {
                OrgUnit chosen = OrgUnit.findByCode(unitCode);
                if (chosen != null && access.readsUnit(chosen)) {
                    OrgUnit alias = new OrgUnit();
                    alias.id = chosen.id;
                    alias.code = chosen.code;
                    alias.name = name.strip();
                    alias.kind = chosen.kind;
                    alias.path = chosen.path;
                    alias.parent = chosen.parent;
                    alias.active = true;
                    extra.add(alias);
                }
            });
        }
        tiers.add(0, extra);
        UnitNames names = new UnitNames(tiers, issuer);

        Plan draft = new Plan();
        draft.id = stored == null ? null : stored.id;
        draft.code = code;
        draft.issuingUnit = issuer;
        draft.startYear = startYear;
        draft.endYear = endYear;

        // Appendix tables.
        List<Group> indicatorGroups = new ArrayList<>();
        List<BundleIndicator> indicators = new ArrayList<>();
        List<Group> taskGroups = new ArrayList<>();
        List<BundleTask> tasks = new ArrayList<>();
        for (PlanText.Appendix a : r.appendices()) {
            String title = a.title() != null ? a.title() : "Phụ lục";
            SheetReader.Sheet sheet = new SheetReader.Sheet(title, a.table().rows());
            AppendixImport.TableAppendix read = appendix.readTable(draft, current, sheet, names);
            if (read == null) {
                out.roles.put(a.table().index(), BlockRole.TABLE_UNREAD);
                out.findings.add(new Finding(a.table().index(), null, null, Severity.WARNING, "intake.table-unread",
                        "Bảng này không có dòng tiêu đề của phụ lục chỉ tiêu hay nhiệm vụ nên không được đọc thành chỉ tiêu, nhiệm vụ;"
                                + " nội dung của bảng vẫn được giữ trong văn bản.", List.of(), null, null));
                continue;
            }
            boolean indicatorsPart = read.part() == AppendixPart.INDICATORS;
            List<Group> groups = indicatorsPart ? indicatorGroups : taskGroups;
            for (Group g : read.groups()) {
                if (groups.stream().noneMatch(x -> x.code().equals(g.code()))) {
                    groups.add(new Group(g.code(), g.name(), groups.size() + 1));
                }
            }
            if (indicatorsPart) {
                read.indicators().stream().filter(Objects::nonNull).forEach(indicators::add);
            } else {
                read.tasks().stream().filter(Objects::nonNull).map(t -> t.progress() != null ? t : new BundleTask(t.code(), t.groupCode(),
                        t.order(), t.description(), t.leadUnitCodes(), t.cooperatingUnitCodes(), t.product(), t.timeframe(),
                        progressOf(current, t.code()), t.note())).forEach(tasks::add);
            }
            for (ImportProblem p : read.problems()) {
                Integer column = p.column() == null ? null : CellReference.convertColStringToIndex(p.column());
                Integer row = p.row() == null ? null : p.row() - 1;
                if ("import.unit-collective".equals(p.code())) {
                    // A collective name: offered, at its cell, as a unit group to create in the same step.
                    out.findings.add(new Finding(a.table().index(), row, column, Severity.WARNING, "intake.unit-group-offered", p.detail(),
                            p.candidates(), p.name(), p.name()));
                    continue;
                }
                String offer = "import.unit-unknown".equals(p.code()) && p.name() != null && AppendixImport.collective(p.name()) ? p.name() : null;
                out.findings.add(new Finding(a.table().index(), row, column, p.severity(), p.code(), p.detail(), p.candidates(), offer, p.name()));
            }
        }
        // The regime's units.
        OrgUnit coordinator = regimeUnit(r.regime().coordinatorText(), names, issuer);
        if (r.regime().coordinatorText() == null || coordinator == issuer) {
            out.findings.add(new Finding(r.regime().blocks().isEmpty() ? null : r.regime().blocks().get(0), null, null, Severity.WARNING,
                    "intake.coordinator-unknown", "Không xác định được đơn vị đầu mối tổng hợp báo cáo từ câu về chế độ báo cáo: đơn vị ban"
                            + " hành (" + issuer.name + ") được ghi là đầu mối, cần kiểm tra lại.", List.of(), null, null));
        }
        OrgUnit recipient = regimeUnit(r.regime().recipientText(), names, issuer);

        // Tasks written as text, when no table lists them.
        if (tasks.isEmpty() && !r.taskGroups().isEmpty()) {
            Timeframe span = startYear == endYear ? new Timeframe(TimeframeKind.YEAR, startYear, endYear, "Năm " + startYear)
                    : new Timeframe(TimeframeKind.SPAN, startYear, endYear, "Giai đoạn " + startYear + " - " + endYear);
            int unassigned = 0;
            for (PlanText.TextTaskGroup g : r.taskGroups()) {
                taskGroups.add(new Group(g.code(), g.name(), taskGroups.size() + 1));
                int order = 0;
                for (PlanText.TextTask t : g.tasks()) {
                    order++;
                    OrgUnit lead = namedLead(t.text(), names);
                    if (lead == null) {
                        unassigned++;
                    }
                    String taskCode = g.code() + "." + order;
                    tasks.add(new BundleTask(taskCode, g.code(), order, t.text(), List.of((lead == null ? coordinator : lead).code),
                            List.of(), null, span, progressOf(current, taskCode), null));
                }
            }
            if (unassigned > 0) {
                out.findings.add(new Finding(null, null, null, Severity.WARNING, "intake.task-lead-assumed", unassigned + " nhiệm vụ trong văn bản"
                        + " không ghi đơn vị chủ trì: tạm giao cho đơn vị đầu mối (" + coordinator.name + "), thời gian thực hiện theo thời gian của"
                        + " kế hoạch; cần kiểm tra và phân công lại.", List.of(), null, null));
            }
        }

        // Legal bases, linked to the plans stored under the same number and date.
        List<PlanBundle.LegalBasis> bases = new ArrayList<>();
        String parentCode = null;
        for (PlanText.Basis b : r.bases()) {
            Plan cited = cited(b);
            bases.add(new PlanBundle.LegalBasis(b.citation(), cited == null ? null : cited.code));
            if (cited != null && parentCode == null && issuer.path.startsWith(cited.issuingUnit.path) && !cited.issuingUnit.id.equals(issuer.id)) {
                parentCode = cited.code;
            }
        }
        if (r.title() == null) {
            out.findings.add(new Finding(null, null, null, Severity.ERROR, "intake.title-missing", "Kế hoạch chưa có tên.", List.of(), null, null));
        }
        PlanStatus status = stored != null ? stored.status : r.documentNumber() != null && r.issueDate() != null ? PlanStatus.ISSUED : PlanStatus.DRAFT;
        // A document printed before it was numbered (number and date left blank) does not unnumber the plan stored as issued.
        String number = r.documentNumber();
        java.time.LocalDate issued = r.issueDate();
        if (stored != null && (number == null && stored.documentNumber != null || issued == null && stored.issueDate != null)) {
            number = number == null ? stored.documentNumber : number;
            issued = issued == null ? stored.issueDate : issued;
            out.findings.add(new Finding(null, null, null, Severity.WARNING, "intake.number-kept", "Văn bản để trống số hoặc ngày ban hành;"
                    + " kế hoạch đã lưu có số " + stored.documentNumber + " ngày " + (stored.issueDate == null ? "(trống)"
                            : stored.issueDate.format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy")))
                    + ": giữ số và ngày đã lưu.", List.of(), null, null));
        }
        BundlePlan plan = new BundlePlan(code, number, issuer.code, issued, r.issuePlace() != null ? r.issuePlace()
                : stored == null ? null : stored.issuePlace,
                r.title() == null ? "Kế hoạch" : r.title(), startYear, endYear, status, parentCode, bases,
                r.sections().stream().map(s -> new vn.dti.tracker.plan.PlanSection(s.key(), s.heading(), s.body())).toList(),
                r.signerName(), r.signerTitle(), r.recipients(),
                new PlanBundle.Regime(r.regime().frequency(), r.regime().unitDay(), r.regime().consolidationDay(), coordinator.code,
                        recipient == null ? null : recipient.code, r.regime().wording(), null),
                stored == null ? null : stored.effectiveDate);
        out.bundle = new PlanBundle(PlanBundle.FORMAT, 1, newUnits, List.of(), plan, indicatorGroups, indicators, taskGroups, tasks,
                current.dtiTargets(), current.dtiResults());
        // The names of the units the plan names, for the preview to show.
        Set<String> codes = new LinkedHashSet<>();
        codes.add(issuer.code);
        codes.add(coordinator.code);
        if (recipient != null) {
            codes.add(recipient.code);
        }
        indicators.forEach(i -> {
            codes.add(i.leadUnitCode());
            codes.addAll(i.cooperatingUnitCodes() == null ? List.of() : i.cooperatingUnitCodes());
        });
        tasks.forEach(t -> {
            codes.addAll(t.leadUnitCodes());
            codes.addAll(t.cooperatingUnitCodes() == null ? List.of() : t.cooperatingUnitCodes());
        });
        for (String unitCode : codes) {
            PlanBundle.Unit created = newUnits.stream().filter(n -> n.code().equals(unitCode)).findFirst().orElse(null);
            if (created != null) {
                out.units.add(new PlanIntakeDtos.Unit(unitCode, created.name(), true));
            } else if (unitCode != null) {
                OrgUnit known = OrgUnit.findByCode(unitCode);
                if (known != null) {
                    out.units.add(new PlanIntakeDtos.Unit(unitCode, known.name, false));
                }
            }
        }
        return out;
    }

    /** The issuer: the person's choice, else the unit the heading or the opening sentence names, else the person's own unit. */
    private OrgUnit issuer(PlanText.Reading r, Choices choices, Understood out) {
        if (choices.issuingUnitId() != null) {
            OrgUnit chosen = OrgUnit.findById(choices.issuingUnitId());
            if (chosen == null) {
                throw DomainException.invalidField("issuingUnitId", "org-unit.unknown", "Không có đơn vị với mã định danh "
                        + choices.issuingUnitId() + ".");
            }
            access.referenced(chosen, "issuingUnitId", choices.issuingUnitId());
            // Plans are brought in for the units whose plans the person keeps, as they are made by hand.
            if (!access.manages(chosen.path)) {
                throw DomainException.forbidden("access.plan-denied",
                        "Bạn không được lập kế hoạch cho đơn vị '" + chosen.name + "' ngoài phạm vi bạn điều phối.");
            }
            return chosen;
        }
        OrgUnit own = access.caller().unitId() == null ? null : OrgUnit.findById(access.caller().unitId());
        // A department's coordinator issues the plans of its locality (the commune or province it belongs to).
        while (own != null && own.parent != null && own.kind != OrgUnitKind.COMMUNE && own.kind != OrgUnitKind.WARD
                && own.kind != OrgUnitKind.PROVINCE) {
            own = own.parent;
        }
        List<OrgUnit> readable = OrgUnit.<OrgUnit>list("active = true").stream().filter(access::readsUnit).toList();
        UnitNames names = new UnitNames(List.of(readable), own);
        List<String> said = new ArrayList<>();
        if (r.issuerText() != null) {
            said.add(r.issuerText());
        }
        r.sections().stream().filter(s -> s.key() == vn.dti.tracker.plan.SectionKey.OTHER && s.heading() == null).findFirst()
                .ifPresent(s -> {
                    java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?iu)^(.{3,80}?)\\s+ban hành").matcher(s.body().lines()
                            .reduce((a, b) -> b).orElse(""));
                    if (m.find()) {
                        said.add(m.group(1));
                    }
                });
        for (String text : said) {
            String name = text.replaceAll("(?iu)^(ủy|uỷ) ban nhân dân\\s+", "Ủy ban nhân dân ").strip();
            UnitNames.Match match = names.match(name);
            if (match.unmatched().isEmpty() && match.units().size() == 1) {
                return match.units().get(0);
            }
            String bare = name.replaceAll("(?iu)^(ủy ban nhân dân|ubnd)\\s+", "");
            match = names.match(bare);
            if (match.unmatched().isEmpty() && match.units().size() == 1) {
                return match.units().get(0);
            }
        }
        if (own == null) {
            throw DomainException.invalidField("choices.issuingUnitId", "intake.issuer-unknown",
                    "Không xác định được đơn vị ban hành kế hoạch: hãy chọn đơn vị ban hành.");
        }
        out.findings.add(new Finding(null, null, null, Severity.WARNING, "intake.issuer-assumed", "Văn bản không nêu rõ đơn vị ban hành mà hệ thống"
                + " nhận ra: kế hoạch được ghi là của " + own.name + ", cần kiểm tra lại.", List.of(OrgUnitRef.of(own)), null, null));
        return own;
    }

    /** A stored plan of the same issuer with the same code (chosen), number, or title. */
    private static Plan storedPlan(OrgUnit issuer, PlanText.Reading r, Choices choices) {
        if (choices.planCode() != null && !choices.planCode().isBlank()) {
            return PlanService.findByCode(choices.planCode().strip());
        }
        List<Plan> own = Plan.<Plan>list("issuingUnit.id", issuer.id);
        if (r.documentNumber() != null) {
            for (Plan p : own) {
                if (r.documentNumber().equalsIgnoreCase(p.documentNumber) && (r.issueDate() == null || r.issueDate().equals(p.issueDate))) {
                    return p;
                }
            }
        }
        if (r.title() != null) {
            String title = TextSearch.fold(r.title()).replaceAll("\\s+", "");
            for (Plan p : own) {
                if (TextSearch.fold(p.title).replaceAll("\\s+", "").equals(title)) {
                    return p;
                }
            }
        }
        return null;
    }

    /** A new plan's code: the issuer's last code part, then "KH" and the number, or the title's abbreviation, then the years. */
    private static String code(OrgUnit issuer, PlanText.Reading r, int startYear, int endYear) {
        String[] parts = issuer.code.split("\\.");
        String head = parts[parts.length - 1];
        String middle;
        if (r.documentNumber() != null && r.documentNumber().matches("^\\d+.*")) {
            middle = "KH" + r.documentNumber().replaceAll("^(\\d+).*", "$1");
        } else {
            java.util.regex.Matcher abbr = java.util.regex.Pattern.compile("\\(([A-Z]{2,8})\\)").matcher(r.title() == null ? "" : r.title());
            String folded = TextSearch.fold(r.title() == null ? "" : r.title());
            middle = abbr.find() ? abbr.group(1) : folded.contains("chuyen doi so") ? "CDS" : "KH";
        }
        String years = startYear == endYear ? String.valueOf(startYear) : startYear + "-" + endYear;
        String code = head + "-" + middle + "-" + years;
        return code.length() > 32 ? code.substring(0, 32) : code;
    }

    private static Plan cited(PlanText.Basis b) {
        if (b.number() == null) {
            return null;
        }
        List<Plan> same = Plan.<Plan>list("lower(documentNumber) = ?1", b.number().toLowerCase());
        return same.stream().filter(p -> b.date() == null || b.date().equals(p.issueDate)).findFirst().orElse(null);
    }

    private static OrgUnit regimeUnit(String text, UnitNames names, OrgUnit issuer) {
        if (text == null) {
            return issuer;
        }
        UnitNames.Match match = names.match(text);
        return match.unmatched().isEmpty() && match.units().size() == 1 ? match.units().get(0) : issuer;
    }

    /** The unit a task's text opens with ("Văn phòng UBND tỉnh: Tăng cường …"), when that label is a unit's name. */
    private static OrgUnit namedLead(String text, UnitNames names) {
        int colon = text.indexOf(':');
        if (colon < 3 || colon > 80) {
            return null;
        }
        UnitNames.Match match = names.match(text.substring(0, colon));
        return match.unmatched().isEmpty() && match.units().size() == 1 ? match.units().get(0) : null;
    }

    private static String groupCode(OrgUnit issuer, String name, List<PlanBundle.Unit> taken) {
        String slug = TextSearch.fold(name).toUpperCase().replaceAll("[^A-Z0-9]+", "");
        slug = slug.startsWith("CAC") && slug.length() > 3 ? slug.substring(3) : slug;
        String base = issuer.code + "." + (slug.isEmpty() ? "NHOM" : slug);
        base = base.length() > 60 ? base.substring(0, 60) : base;
        String code = base;
        for (int n = 2; OrgUnit.findByCode(code) != null || taken.stream().map(PlanBundle.Unit::code).toList().contains(code); n++) {
            code = base + n;
        }
        return code;
    }

    /** A task's progress as stored; a new task has not started. */
    private static vn.dti.tracker.task.TaskEnums.Progress progressOf(PlanBundle current, String code) {
        return current.tasks().stream().filter(t -> t.code().equals(code) && t.progress() != null).map(BundleTask::progress).findFirst()
                .orElse(vn.dti.tracker.task.TaskEnums.Progress.NOT_STARTED);
    }

    private static PlanBundle empty() {
        return new PlanBundle(PlanBundle.FORMAT, 1, List.of(), List.of(), null, List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
    }

    // ---- the file as read, to and from the API ----

    static Source toDto(PlanSource source, Map<Integer, BlockRole> roles) {
        List<Block> blocks = new ArrayList<>();
        for (PlanSource.Block b : source.blocks()) {
            BlockRole role = roles.getOrDefault(b.index(), BlockRole.OTHER);
            if (b instanceof PlanSource.Paragraph p) {
                blocks.add(new Block(p.index(), p.page(), BlockKind.PARAGRAPH, p.text(), p.bold(), p.doubtful(), null, null, role));
            } else if (b instanceof PlanSource.Table t) {
                int columns = t.rows().stream().flatMap(r -> r.cells().keySet().stream()).mapToInt(Integer::intValue).max().orElse(-1) + 1;
                List<List<String>> rows = new ArrayList<>();
                List<List<Integer>> doubtful = new ArrayList<>();
                int last = 0;
                for (SheetReader.Row r : t.rows()) {
                    while (++last < r.number()) {
                        rows.add(java.util.Collections.nCopies(columns, ""));
                    }
                    List<String> cells = new ArrayList<>();
                    for (int c = 0; c < columns; c++) {
                        cells.add(r.text(c));
                        if (t.doubtful(r.number(), c)) {
                            doubtful.add(List.of(r.number() - 1, c));
                        }
                    }
                    rows.add(cells);
                }
                boolean bold = t.rows().stream().flatMap(r -> r.cells().values().stream()).allMatch(SheetReader.Cell::bold);
                blocks.add(new Block(t.index(), t.page(), BlockKind.TABLE, null, bold, !doubtful.isEmpty(), rows, doubtful, role));
            }
        }
        return new Source(SourceKind.valueOf(source.kind().name()), source.pages(), blocks);
    }

    static PlanSource fromDto(Source source) {
        List<PlanSource.Block> blocks = new ArrayList<>();
        int index = 0;
        for (Block b : source.blocks()) {
            index++;
            if (b.kind() == BlockKind.TABLE) {
                List<SheetReader.Row> rows = new ArrayList<>();
                List<List<String>> given = b.rows() == null ? List.of() : b.rows();
                for (int r = 0; r < given.size(); r++) {
                    Map<Integer, SheetReader.Cell> cells = new TreeMap<>();
                    List<String> row = given.get(r) == null ? List.of() : given.get(r);
                    for (int c = 0; c < row.size(); c++) {
                        String text = row.get(c) == null ? "" : row.get(c).strip();
                        if (!text.isEmpty()) {
                            cells.put(c, new SheetReader.Cell(text, false, b.bold()));
                        }
                    }
                    if (!cells.isEmpty()) {
                        rows.add(new SheetReader.Row(r + 1, cells));
                    }
                }
                Set<String> doubtful = b.doubtfulCells() == null ? Set.of()
                        : b.doubtfulCells().stream().filter(x -> x != null && x.size() == 2 && x.get(0) != null && x.get(1) != null)
                                .map(x -> (x.get(0) + 1) + ":" + x.get(1)).collect(Collectors.toSet());
                blocks.add(new PlanSource.Table(index, b.page(), rows, doubtful));
            } else {
                String text = b.text() == null ? "" : b.text().strip();
                if (!text.isEmpty()) {
                    blocks.add(new PlanSource.Paragraph(index, b.page(), text, b.bold(), b.doubtful()));
                }
            }
        }
        return new PlanSource(PlanSource.Kind.valueOf(source.kind().name()), source.pages(), blocks);
    }
}
