package vn.dti.tracker.document;

import static vn.dti.tracker.common.Values.blankToNull;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.poi.ss.util.CellReference;

import io.quarkus.narayana.jta.QuarkusTransaction;
import vn.dti.tracker.bundle.BundleExporter;
import vn.dti.tracker.bundle.BundleImportResult;
import vn.dti.tracker.bundle.BundleImporter;
import vn.dti.tracker.bundle.PlanBundle;
import vn.dti.tracker.bundle.PlanBundle.BundleIndicator;
import vn.dti.tracker.bundle.PlanBundle.BundleTask;
import vn.dti.tracker.bundle.PlanBundle.Group;
import vn.dti.tracker.common.ArchiveLimits;
import vn.dti.tracker.common.ArchiveSettings;
import vn.dti.tracker.common.ConditionalGet;
import vn.dti.tracker.common.DomainException;
import vn.dti.tracker.common.Versions;
import vn.dti.tracker.common.FieldError;
import vn.dti.tracker.common.TextSearch;
import vn.dti.tracker.document.AppendixLayout.Column;
import vn.dti.tracker.document.DocumentDtos.AppendixPart;
import vn.dti.tracker.document.DocumentDtos.ImportProblem;
import vn.dti.tracker.document.DocumentDtos.ImportResult;
import vn.dti.tracker.document.DocumentDtos.ImportRow;
import vn.dti.tracker.document.DocumentDtos.ImportedIndicator;
import vn.dti.tracker.document.DocumentDtos.ImportedTask;
import vn.dti.tracker.document.DocumentDtos.RowAction;
import vn.dti.tracker.document.DocumentDtos.RowKind;
import vn.dti.tracker.document.DocumentDtos.Severity;
import vn.dti.tracker.indicator.IndicatorDtos;
import vn.dti.tracker.indicator.TargetDto;
import vn.dti.tracker.indicator.TargetWording;
import vn.dti.tracker.orgunit.OrgUnit;
import vn.dti.tracker.orgunit.OrgUnitDtos.OrgUnitRef;
import vn.dti.tracker.orgunit.OrgUnitKind;
import vn.dti.tracker.orgunit.UnitNames;
import vn.dti.tracker.plan.Plan;
import vn.dti.tracker.plan.PlanService;
import vn.dti.tracker.task.TaskDtos.Timeframe;
import vn.dti.tracker.task.TaskEnums.TimeframeKind;

/**
 * Imports a plan's appendix from a sheet: every row is read and understood (groups, indicators or tasks, targets in
 * their shape, units by name), then the plan as it is stored, with this part replaced by the sheet, goes through the
 * plan-bundle import: its dry run is the preview, its commit is all or nothing, and a sheet equal to what is stored
 * changes nothing. What the sheet has no column for (the fraction labels, the province indicator an indicator feeds,
 * a task's progress) is kept as stored; a cell equal to what the export writes for the stored indicator keeps the
 * stored units and wordings.
 */
@ApplicationScoped
public class AppendixImport {

    private static final Pattern ITEM_NUMBER = Pattern.compile("^(\\d+)\\s*[.)]?$");
    /** "A. Phát triển hạ tầng", "III.2.A. Hạ tầng số", "1.2) Hạ tầng". */
    private static final Pattern GROUP_HEADING = Pattern.compile("^([A-Za-z0-9][A-Za-z0-9._-]{0,31}?)\\s*[.)]\\s+(\\S.*)$");
    /** "I.Nâng cao chất lượng": no space between the number and a name (a word, not another "A." of the number). */
    private static final Pattern GROUP_HEADING_UNSPACED = Pattern.compile("^([A-Za-z0-9][A-Za-z0-9._-]{0,31}?)[.)](\\p{L}[^.)\\s]*(?:\\s.*)?)$");
    private static final Pattern GROUP_CODE = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$");
    private static final Pattern COLUMN_NUMBER = Pattern.compile("^\\(?\\d{1,2}\\)?$");
    private static final Pattern YEAR = Pattern.compile("\\b((?:19|20)\\d{2})\\b");
    private static final Pattern FIELD_INDEX = Pattern.compile("^(indicators|tasks|indicatorGroups|taskGroups)\\[(\\d+)\\](?:\\.([A-Za-z]+))?(?:\\[(\\d+)\\])?.*$");

    private final PlanService plans;
    private final BundleExporter exporter;
    private final BundleImporter importer;
    private final DocumentSettings settings;
    private final jakarta.persistence.EntityManager em;
    private final ConditionalGet tags;

    private final ArchiveLimits limits;
    private final vn.dti.tracker.auth.AccessPolicy access;

    public AppendixImport(PlanService plans, BundleExporter exporter, BundleImporter importer, DocumentSettings settings,
            jakarta.persistence.EntityManager em, ArchiveSettings archives, ConditionalGet tags, vn.dti.tracker.auth.AccessPolicy access) {
        this.access = access;
        this.em = em;
        this.tags = tags;
        this.limits = ArchiveLimits.of(archives).atMost(settings.imports().maxInflatedSize().asLongValue());
        this.plans = plans;
        this.exporter = exporter;
        this.importer = importer;
        this.settings = settings;
    }

    /** Reads the sheet and previews (dryRun) or commits its import into the plan. */
    /**
     * Reads the sheet and previews (dryRun) or commits its import into the plan. A commit names in
     * {@code ifMatch} the plan as its preview read it (the preview's etag), and is refused once the plan
     * changed since: neither that change nor the one read from the sheet is lost unseen.
     */
    public ImportResult run(UUID planId, AppendixPart part, java.nio.file.Path workbook, boolean dryRun, String ifMatch) {
        return run(planId, part, workbook, dryRun, ifMatch, false);
    }

    /**
     * As {@link #run(UUID, AppendixPart, java.nio.file.Path, boolean, String)}; a commit of a sheet with columns of content
     * the reader cannot place is refused ({@code import.unused-columns}) unless {@code acknowledgeUnused}.
     */
    public ImportResult run(UUID planId, AppendixPart part, java.nio.file.Path workbook, boolean dryRun, String ifMatch,
            boolean acknowledgeUnused) {
        if (!dryRun) {
            Versions.requireIfMatchTag(ifMatch);
        }
        Reading reading = QuarkusTransaction.requiringNew().call(() -> read(planId, part, workbook));
        if (!dryRun && !ConditionalGet.matchesStrongly(ifMatch, reading.tag)) {
            throw DomainException.staleTag("Kế hoạch '" + reading.plan.code + "' đã được thay đổi sau lần xem trước."
                    + " Hãy xem trước lại bảng tính để thấy thay đổi mới nhất, rồi nhập.", reading.tag);
        }
        boolean errors = reading.hasErrors();
        if (errors && !dryRun) {
            throw reading.refusal();
        }
        if (!dryRun && !acknowledgeUnused && !reading.unusedColumns().isEmpty()) {
            throw reading.unusedRefusal();
        }
        BundleImportResult outcome = null;
        try {
            // The plan as the sheet was read against: changed meanwhile, the import is refused rather than undoing the change.
            outcome = importer.importBundle(reading.bundle(), dryRun, dryRun ? null : reading.tag);
        } catch (DomainException e) {
            if (e.kind() == DomainException.Kind.STALE) {
                throw e;
            }
            List<ImportProblem> located = reading.locate(e);
            if (!dryRun) {
                throw new DomainException(e.kind(), e.code(), e.getMessage(), located.stream().map(Reading::fieldError).toList());
            }
            reading.problems.addAll(located);
        }
        return reading.result(dryRun, outcome, dryRun || outcome == null ? reading.tag : outcome.etag());
    }

    private Reading read(UUID planId, AppendixPart part, java.nio.file.Path workbook) {
        Plan plan = plans.requireEditable(planId);
        PlanBundle current = exporter.export(planId);
        Found found = SheetReader.firstAccepted(workbook, limits, settings.imports().maxRows(), sheet -> {
            AppendixLayout layout = AppendixLayout.find(sheet, part);
            return layout == null ? null : new Found(sheet, layout);
        });
        if (found == null) {
            String expected = part == AppendixPart.INDICATORS
                    ? "STT, Nội dung chỉ tiêu, Đơn vị tính, Chỉ tiêu phấn đấu năm …, Đơn vị chủ trì, Đơn vị phối hợp, Ghi chú"
                    : "STT, Nhiệm vụ, Cơ quan chủ trì, Cơ quan phối hợp, Sản phẩm, Thời gian thực hiện, Ghi chú";
            throw DomainException.invalidField("file", "import.no-header",
                    "Không tìm thấy dòng tiêu đề của phụ lục trong " + AppendixLayout.HEADER_SEARCH_ROWS + " dòng đầu của các trang tính."
                            + " Cần có các cột: " + expected + " (tải mẫu tại /api/v1/document-templates).");
        }
        Reading reading = new Reading(plan, part, current, found.sheet(), found.layout(), candidateUnits(plan), access::readsUnit);
        reading.tag = tags.tagOf(current);
        reading.readRows();
        reading.keepReported(reported(plan, part));
        return reading;
    }

    private record Found(SheetReader.Sheet sheet, AppendixLayout layout) {
    }

    /** Codes of the plan's indicators (or tasks) that units have reported on: they cannot be removed. */
    @SuppressWarnings("unchecked")
    private List<String> reported(Plan plan, AppendixPart part) {
        String item = part == AppendixPart.INDICATORS ? "indicator" : "task";
        return em.createNativeQuery("select i.code from " + item + " i where i.plan_id = :plan and exists (select 1 from report r where r."
                + item + "_id = i.id) order by i.code").setParameter("plan", plan.id).getResultList();
    }

    /**
     * The units a plan's appendix may name, nearest first: its issuer's subtree; then the issuer's ancestors and their
     * own units (the province's departments, "Sở KH&CN", named in a commune's plan).
     */
    /** One table of an issued plan read as an appendix: its part, groups, items, and every problem at its cell. */
    record TableAppendix(AppendixPart part, List<Group> groups, List<BundleIndicator> indicators, List<BundleTask> tasks,
            List<ImportProblem> problems, List<DocumentDtos.UnusedColumn> unusedColumns) {
    }

    /**
     * Reads a table of an issued plan (a Word or PDF table, as rows of a sheet) as this import reads a sheet: against
     * {@code plan} (stored, or not yet: then {@code current} is its empty bundle) and the units {@code names} may find.
     * Null when the table has no appendix header row.
     */
    TableAppendix readTable(Plan plan, PlanBundle current, SheetReader.Sheet sheet, UnitNames names) {
        for (AppendixPart part : AppendixPart.values()) {
            AppendixLayout layout = AppendixLayout.find(sheet, part);
            if (layout == null) {
                continue;
            }
            Reading reading = new Reading(plan, part, current, sheet, layout, names, access::readsUnit);
            reading.offerCollective = true;
            reading.readRows();
            return new TableAppendix(part, new ArrayList<>(reading.groups.values()), reading.indicators, reading.tasks, reading.problems,
                    reading.unusedColumns());
        }
        return null;
    }

    /** A name of many units at once: "Các trường học", "các doanh nghiệp viễn thông", "Ban lãnh đạo các ấp", "Toàn thể …". */
    static boolean collective(String name) {
        String f = TextSearch.fold(name);
        return f.startsWith("cac ") || f.contains(" cac ") || f.startsWith("nhung ") || f.startsWith("toan ");
    }

    /** The units a plan of {@code issuer} may name, nearest first: its subtree, then its ancestors and their own units. */
    static List<List<OrgUnit>> candidateTiers(OrgUnit issuer) {
        List<OrgUnit> own = OrgUnit.<OrgUnit>list("path like ?1 and active = true", issuer.path + "%");
        List<UUID> ancestors = java.util.Arrays.stream(issuer.path.split("/")).filter(s -> !s.isEmpty()).map(UUID::fromString)
                .filter(id -> !id.equals(issuer.id)).toList();
        List<OrgUnit> around = ancestors.isEmpty() ? List.of()
                : OrgUnit.<OrgUnit>list("id in ?1 or (parent.id in ?1 and active = true)", ancestors);
        return List.of(own, around);
    }

    private static UnitNames candidateUnits(Plan plan) {
        return new UnitNames(candidateTiers(plan.issuingUnit), plan.issuingUnit);
    }

    /** The cell text that the export writes for an indicator's lead unit(s). */
    static String leadCell(String leadWording, String leadName) {
        return leadWording != null ? leadWording : leadName;
    }

    /** The cell text that the export writes for cooperating units. */
    static String unitsCell(String wording, List<String> names) {
        return wording != null ? wording : String.join("; ", names);
    }

    /** The cell text that the export writes for a timeframe. */
    static String timeframeCell(Timeframe t) {
        if (t == null) {
            return "";
        }
        if (t.wording() != null) {
            return t.wording();
        }
        return switch (t.kind()) {
            case ONGOING -> "Thường xuyên";
            case YEAR -> "Năm " + t.startYear();
            case SPAN -> "Giai đoạn " + t.startYear() + " - " + t.endYear();
        };
    }

    /** The state of one import: the sheet as understood, and the bundle it becomes. */
    private static final class Reading {
        private final Plan plan;
        private final AppendixPart part;
        private final PlanBundle current;
        /** The ETag of the plan's bundle as the sheet was read against. */
        String tag;
        private final SheetReader.Sheet sheet;
        private final AppendixLayout layout;
        private final UnitNames names;
        private final Map<String, OrgUnit> unitsByCode = new HashMap<>();
        final List<ImportProblem> problems = new ArrayList<>();
        private final List<ImportRow> rows = new ArrayList<>();
        private final LinkedHashMap<String, Group> groups = new LinkedHashMap<>();
        private final Map<String, Integer> groupRows = new HashMap<>();
        private final List<BundleIndicator> indicators = new ArrayList<>();
        private final List<BundleTask> tasks = new ArrayList<>();
        /** The sheet row of each indicator or task of the bundle, by position. */
        private final List<Integer> itemRows = new ArrayList<>();
        /** The column of each year's target: a column of its own, or the one column of the whole plan. */
        private final Map<Integer, Integer> targetColumns = new TreeMap<>();
        /** Columns with content that nothing reads, in sheet order: the letter, header and rows that have content. */
        private final Map<Integer, List<Integer>> unused = new TreeMap<>();

        /** Collective names among cooperating units are offered as unit groups (a WARNING), not refused: an issued plan's tables. */
        boolean offerCollective;

        /** Whether the importing account may name a unit in a plan (it reads the unit). */
        private final java.util.function.Predicate<OrgUnit> referable;

        Reading(Plan plan, AppendixPart part, PlanBundle current, SheetReader.Sheet sheet, AppendixLayout layout, UnitNames names,
                java.util.function.Predicate<OrgUnit> referable) {
            this.referable = referable;
            this.plan = plan;
            this.part = part;
            this.current = current;
            this.sheet = sheet;
            this.layout = layout;
            this.names = names;
        }

        boolean hasErrors() {
            return problems.stream().anyMatch(p -> p.severity() == Severity.ERROR);
        }

        void readRows() {
            checkTargetColumns();
            Map<String, BundleIndicator> storedIndicators = current.indicators().stream()
                    .collect(Collectors.toMap(BundleIndicator::code, i -> i, (a, b) -> a, LinkedHashMap::new));
            Map<String, BundleTask> storedTasks = current.tasks().stream()
                    .collect(Collectors.toMap(BundleTask::code, t -> t, (a, b) -> a, LinkedHashMap::new));
            List<Group> storedGroups = part == AppendixPart.INDICATORS ? current.indicatorGroups() : current.taskGroups();
            Set<String> codes = new java.util.HashSet<>();
            String group = null;
            Map<String, Integer> positionInGroup = new HashMap<>();
            List<SheetReader.Row> body = continued(sheet.rows().stream().filter(r -> r.number() > layout.headerRow()).toList());
            Map<Integer, RowKind> kinds = new HashMap<>();
            body.forEach(r -> kinds.put(r.number(), kind(r)));
            // What follows the last item without a heading's number (a footnote, a place and date in column A) is no group.
            int lastItem = body.stream().filter(r -> kinds.get(r.number()) == RowKind.ITEM).mapToInt(SheetReader.Row::number).max().orElse(0);
            body.stream().filter(r -> r.number() > lastItem && kinds.get(r.number()) == RowKind.GROUP && !numberedHeading(r))
                    .forEach(r -> kinds.put(r.number(), RowKind.IGNORED));
            boolean flat = !kinds.containsValue(RowKind.GROUP);
            Set<Integer> readable = readColumns();
            for (SheetReader.Row row : body) {
                RowKind kind = kinds.get(row.number());
                if (kind == RowKind.ITEM) {
                    row.cells().forEach((column, cell) -> {
                        if (!readable.contains(column) && !cell.text().isBlank()) {
                            unused.computeIfAbsent(column, c -> new ArrayList<>()).add(row.number());
                        }
                    });
                }
                if (kind == RowKind.IGNORED) {
                    rows.add(new ImportRow(row.number(), RowKind.IGNORED, RowAction.NONE, null, null, null, null));
                    continue;
                }
                if (kind == RowKind.GROUP) {
                    Group g = group(row, storedGroups);
                    if (groups.containsKey(g.code())) {
                        problem(row.number(), layout.column(Column.ORDER), Severity.ERROR, "import.group-repeated",
                                "Nhóm '" + g.code() + "' đã xuất hiện ở dòng " + groupRows.get(g.code()) + ".", List.of());
                    } else {
                        groups.put(g.code(), new Group(g.code(), g.name(), groups.size() + 1));
                        groupRows.put(g.code(), row.number());
                    }
                    group = g.code();
                    rows.add(new ImportRow(row.number(), RowKind.GROUP, RowAction.NONE, g.code(), g.name(), null, null));
                    continue;
                }
                int problemsBefore = problems.size();
                formulas(row);
                String order = row.text(layout.column(Column.ORDER));
                Matcher number = ITEM_NUMBER.matcher(order);
                String groupCode = group;
                String explicitCode = blankToNull(row.text(layout.column(Column.CODE)));
                Object stored = explicitCode == null ? null
                        : part == AppendixPart.INDICATORS ? storedIndicators.get(explicitCode) : storedTasks.get(explicitCode);
                if (groupCode == null && stored != null) {
                    groupCode = stored instanceof BundleIndicator i ? i.groupCode() : ((BundleTask) stored).groupCode();
                } else if (groupCode == null && storedGroups.size() == 1) {
                    groupCode = storedGroups.get(0).code();
                } else if (groupCode == null && flat) {
                    groupCode = defaultGroup(storedGroups);
                }
                if (groupCode == null) {
                    problem(row.number(), layout.column(Column.ORDER), Severity.ERROR, "import.group-missing",
                            "Dòng chưa thuộc nhóm nào: thêm dòng tên nhóm (ví dụ 'A. Phát triển hạ tầng') phía trên.", List.of());
                    rows.add(new ImportRow(row.number(), RowKind.ITEM, RowAction.INVALID, null, null, null, null));
                    continue;
                }
                if (!groups.containsKey(groupCode)) {
                    String code = groupCode;
                    Group known = storedGroups.stream().filter(g -> g.code().equals(code)).findFirst()
                            .orElse(new Group(code, code, 0));
                    groups.put(code, new Group(code, known.name(), groups.size() + 1));
                }
                int position = positionInGroup.merge(groupCode, 1, Integer::sum);
                int itemOrder = number.matches() ? Integer.parseInt(number.group(1)) : position;
                String code = explicitCode != null ? explicitCode : groupCode + "." + itemOrder;
                if (!code.matches(IndicatorDtos.CODE_PATTERN)) {
                    problem(row.number(), layout.column(explicitCode != null ? Column.CODE : Column.ORDER), Severity.ERROR, "import.code-invalid",
                            "Mã '" + code + "' không hợp lệ: chỉ gồm chữ không dấu, số, '.', '-', '_', tối đa 32 ký tự.", List.of());
                } else if (!codes.add(code)) {
                    problem(row.number(), layout.column(explicitCode != null ? Column.CODE : Column.ORDER), Severity.ERROR, "import.code-repeated",
                            "Mã '" + code + "' bị lặp trong bảng (STT trùng trong cùng nhóm).", List.of());
                }
                if (part == AppendixPart.INDICATORS) {
                    BundleIndicator was = storedIndicators.get(code);
                    BundleIndicator read = indicator(row, code, groupCode, itemOrder, was);
                    boolean invalid = errorsSince(problemsBefore);
                    BundleIndicator used = invalid ? was : read;
                    if (used != null && !indicators.stream().anyMatch(i -> i.code().equals(used.code()))) {
                        indicators.add(used);
                        itemRows.add(row.number());
                    }
                    rows.add(new ImportRow(row.number(), RowKind.ITEM, invalid ? RowAction.INVALID : RowAction.NONE, groupCode,
                            groups.get(groupCode).name(), read == null ? null : view(read), null));
                } else {
                    BundleTask was = storedTasks.get(code);
                    BundleTask read = task(row, code, groupCode, itemOrder, was);
                    boolean invalid = errorsSince(problemsBefore);
                    BundleTask used = invalid ? was : read;
                    if (used != null && !tasks.stream().anyMatch(t -> t.code().equals(used.code()))) {
                        tasks.add(used);
                        itemRows.add(row.number());
                    }
                    rows.add(new ImportRow(row.number(), RowKind.ITEM, invalid ? RowAction.INVALID : RowAction.NONE, groupCode,
                            groups.get(groupCode).name(), null, read == null ? null : view(read)));
                }
            }
            unused.forEach((column, at) -> {
                String header = layout.header(column);
                problem(layout.headerRow(), column, Severity.WARNING, "import.unused-column", "Cột " + letter(column)
                        + (header == null ? " (không có tiêu đề)" : " '" + header + "'") + " có nội dung ở " + at.size() + " dòng (ô đầu tiên "
                        + letter(column) + at.get(0) + ") nhưng không phải cột nào phụ lục đọc được, nên sẽ không được nhập."
                        + " Đặt lại tiêu đề cột (ví dụ 'Chỉ tiêu năm 2026', 'Đơn vị phối hợp', 'Ghi chú') hoặc xác nhận bỏ qua cột này khi nhập.",
                        List.of());
            });
            // Groups that only kept (invalid) rows still refer to stay as stored.
            Set<String> used = (part == AppendixPart.INDICATORS ? indicators.stream().map(BundleIndicator::groupCode)
                    : tasks.stream().map(BundleTask::groupCode)).collect(Collectors.toSet());
            for (Group g : storedGroups) {
                if (used.contains(g.code()) && !groups.containsKey(g.code())) {
                    groups.put(g.code(), new Group(g.code(), g.name(), groups.size() + 1));
                }
            }
        }

        /**
         * A row broken across a page comes as two: the second has no number and goes on with the first (the rest of its
         * units, the end of its text in small letters). It is merged into the row above, cell by cell.
         */
        private List<SheetReader.Row> continued(List<SheetReader.Row> rows) {
            Integer order = layout.column(Column.ORDER);
            // The start of a row left at the foot of a page, its number and the rest on the next: merged into the row below
            // when each of its cells goes on there in small letters ("… các Ngân" above "hàng trên địa bàn").
            List<SheetReader.Row> forward = new ArrayList<>();
            for (int i = 0; i < rows.size(); i++) {
                SheetReader.Row row = rows.get(i);
                SheetReader.Row below = i + 1 < rows.size() ? rows.get(i + 1) : null;
                boolean numbered = order != null && !row.text(order).isEmpty();
                if (order != null && !numbered && below != null && ITEM_NUMBER.matcher(below.text(order)).matches() && !row.cells().isEmpty()
                        && row.cells().keySet().stream().allMatch(c -> {
                            String next = below.text(c).strip();
                            return !next.isEmpty() && Character.isLowerCase(next.codePointAt(0));
                        })) {
                    Map<Integer, SheetReader.Cell> merged = new TreeMap<>(below.cells());
                    row.cells().forEach((c, cell) -> merged.merge(c, cell, (b, a) -> new SheetReader.Cell(a.text() + " " + b.text(),
                            a.formula() || b.formula(), b.bold())));
                    rows = new ArrayList<>(rows);
                    rows.set(i + 1, new SheetReader.Row(below.number(), merged));
                    continue;
                }
                forward.add(row);
            }
            List<SheetReader.Row> out = new ArrayList<>();
            for (SheetReader.Row row : forward) {
                SheetReader.Row above = out.isEmpty() ? null : out.get(out.size() - 1);
                boolean numbered = order != null && !row.text(order).isEmpty();
                boolean aboveIsItem = above != null && (order == null || ITEM_NUMBER.matcher(above.text(order)).matches());
                // Every cell goes on mid-sentence, in small letters; a signature or a note under the table does not.
                boolean goesOn = !row.cells().isEmpty() && row.cells().values().stream().map(SheetReader.Cell::text)
                        .allMatch(t -> !t.isBlank() && Character.isLowerCase(t.strip().codePointAt(0)));
                if (order != null && aboveIsItem && !numbered && goesOn) {
                    Map<Integer, SheetReader.Cell> merged = new TreeMap<>(above.cells());
                    row.cells().forEach((c, cell) -> merged.merge(c, cell, (a, b) -> new SheetReader.Cell(
                            a.text() + (Character.isLowerCase(b.text().codePointAt(0)) ? " " : "\n") + b.text(), a.formula() || b.formula(), a.bold())));
                    out.set(out.size() - 1, new SheetReader.Row(above.number(), merged));
                    continue;
                }
                out.add(row);
            }
            return out;
        }

        /**
         * Items the sheet no longer lists are removed, except those units have reported on: they stay, and the sheet is
         * refused until it lists them again.
         */
        void keepReported(List<String> reported) {
            Set<String> listed = (part == AppendixPart.INDICATORS ? indicators.stream().map(BundleIndicator::code)
                    : tasks.stream().map(BundleTask::code)).collect(Collectors.toSet());
            for (String code : reported) {
                if (listed.contains(code)) {
                    continue;
                }
                String what = part == AppendixPart.INDICATORS ? "Chỉ tiêu" : "Nhiệm vụ";
                problem(null, null, Severity.ERROR, "import.item-has-reports", what + " '" + code
                        + "' không còn trong bảng nhưng đã có báo cáo của đơn vị, nên không xóa được: giữ lại dòng của " + what.toLowerCase()
                        + " này.", List.of());
                if (part == AppendixPart.INDICATORS) {
                    current.indicators().stream().filter(i -> i.code().equals(code)).findFirst().ifPresent(i -> {
                        indicators.add(i);
                        itemRows.add(null);
                        keepGroup(i.groupCode());
                    });
                } else {
                    current.tasks().stream().filter(t -> t.code().equals(code)).findFirst().ifPresent(t -> {
                        tasks.add(t);
                        itemRows.add(null);
                        keepGroup(t.groupCode());
                    });
                }
            }
        }

        private void keepGroup(String code) {
            if (!groups.containsKey(code)) {
                List<Group> stored = part == AppendixPart.INDICATORS ? current.indicatorGroups() : current.taskGroups();
                stored.stream().filter(g -> g.code().equals(code)).findFirst()
                        .ifPresent(g -> groups.put(code, new Group(code, g.name(), groups.size() + 1)));
            }
        }

        private boolean errorsSince(int index) {
            return problems.subList(index, problems.size()).stream().anyMatch(p -> p.severity() == Severity.ERROR);
        }

        /**
         * Target columns of years outside the plan are refused; one column without a year (or with a span) holds the
         * target of every year of the plan.
         */
        private void checkTargetColumns() {
            layout.targetYears().forEach((column, year) -> {
                if (year < plan.startYear || year > plan.endYear) {
                    problem(layout.headerRow(), column, Severity.ERROR, "import.target-year-outside-plan",
                            "Cột chỉ tiêu năm " + year + " nằm ngoài thời gian của kế hoạch (" + plan.startYear + "–" + plan.endYear + ").",
                            List.of());
                } else {
                    targetColumns.put(year, column);
                }
            });
            if (layout.yearlessTarget() != null && targetColumns.isEmpty()) {
                for (int year = plan.startYear; year <= plan.endYear; year++) {
                    targetColumns.put(year, layout.yearlessTarget());
                }
            }
        }

        /** The columns this part reads: everything else with content in an item row is named as unused. */
        private Set<Integer> readColumns() {
            List<Column> read = part == AppendixPart.INDICATORS
                    ? List.of(Column.ORDER, Column.CODE, Column.CONTENT, Column.UNIT_OF_MEASURE, Column.BASELINE, Column.LEAD, Column.COOPERATING,
                            Column.NOTE)
                    : List.of(Column.ORDER, Column.CODE, Column.CONTENT, Column.LEAD, Column.COOPERATING, Column.PRODUCT, Column.TIMEFRAME,
                            Column.NOTE);
            Set<Integer> out = new java.util.HashSet<>();
            read.stream().map(layout::column).filter(Objects::nonNull).forEach(out::add);
            if (part == AppendixPart.INDICATORS) {
                out.addAll(layout.targetYears().keySet());
                out.addAll(targetColumns.values());
            }
            return out;
        }

        List<DocumentDtos.UnusedColumn> unusedColumns() {
            return unused.entrySet().stream().map(e -> new DocumentDtos.UnusedColumn(letter(e.getKey()), layout.header(e.getKey()),
                    e.getValue().size(), letter(e.getKey()) + e.getValue().get(0))).toList();
        }

        /** The refusal of a commit that would drop columns with content, unless the request acknowledges them. */
        DomainException unusedRefusal() {
            List<DocumentDtos.UnusedColumn> columns = unusedColumns();
            List<FieldError> errors = columns.stream().map(c -> new FieldError(c.column(), "import.unused-column",
                    "Cột " + c.column() + (c.header() == null ? "" : " '" + c.header() + "'") + " có nội dung ở " + c.rows()
                            + " dòng nhưng không được nhập.")).toList();
            return DomainException.invalid("import.unused-columns", "Bảng tính có " + columns.size() + " cột có nội dung mà phụ lục không đọc"
                    + " được (" + columns.stream().map(c -> c.column() + (c.header() == null ? "" : " '" + c.header() + "'"))
                            .collect(Collectors.joining(", "))
                    + "); chưa có gì được lưu. Sửa tiêu đề cột, hoặc xác nhận bỏ qua các cột này khi nhập.", errors);
        }

        private static String letter(int column) {
            return CellReference.convertNumToColString(column);
        }

        /**
         * The group of a flat appendix (no group rows): the stored group of that name, or "A", named after the
         * appendix's title (the sheet's name when it has none).
         */
        private String defaultGroup(List<Group> stored) {
            String name = title();
            String folded = TextSearch.fold(name);
            String code = stored.stream().filter(g -> TextSearch.fold(g.name()).equals(folded)).map(Group::code).findFirst().orElse("A");
            if (!groups.containsKey(code)) {
                groups.put(code, new Group(code, name, groups.size() + 1));
                problem(null, null, Severity.WARNING, "import.default-group", "Bảng không có dòng tên nhóm: mọi dòng được xếp vào một nhóm '"
                        + name + "' (theo tên phụ lục). Thêm dòng tên nhóm (ví dụ 'A. Phát triển hạ tầng') nếu cần chia nhóm.", List.of());
            }
            return code;
        }

        /** The appendix's title: the first line above the header that is neither "PHỤ LỤC I", a heading of the issuer, nor "(kèm theo …)". */
        private String title() {
            for (SheetReader.Row row : sheet.rows()) {
                if (row.number() >= layout.firstHeaderRow()) {
                    break;
                }
                String text = clean(row.cells().values().stream().map(SheetReader.Cell::text).filter(t -> !t.isBlank())
                        .collect(Collectors.joining(" ")));
                text = text.replaceFirst("(?iu)^phụ lục(\\s+[IVXLC\\d]+(?![\\p{L}\\d]))?\\s*[:.\\-–]?\\s*", "").strip();
                String f = TextSearch.fold(text);
                if (f.isEmpty() || text.startsWith("(") || f.startsWith("kem theo") || f.startsWith("cong hoa xa hoi") || f.startsWith("doc lap")
                        || f.startsWith("uy ban nhan dan") || f.startsWith("so ") || f.equals("so")) {
                    continue;
                }
                return text.length() > 1000 ? text.substring(0, 1000) : text;
            }
            return sheet.name();
        }

        /** A heading with its number: "A. Phát triển hạ tầng", "I.Nâng cao …", or a number beside a name. */
        private boolean numberedHeading(SheetReader.Row row) {
            String order = row.text(layout.column(Column.ORDER));
            String content = row.text(layout.column(Column.CONTENT));
            String text = order.isEmpty() && content.isEmpty() ? row.text(0) : order.isEmpty() ? content : order;
            return GROUP_HEADING.matcher(text).matches() || GROUP_HEADING_UNSPACED.matcher(text).matches()
                    || !order.isEmpty() && !content.isEmpty() && GROUP_CODE.matcher(order.replaceAll("[.)]$", "")).matches();
        }

        private RowKind kind(SheetReader.Row row) {
            boolean numbering = row.cells().values().stream().allMatch(c -> COLUMN_NUMBER.matcher(c.text()).matches());
            if (numbering) {
                return RowKind.IGNORED;
            }
            List<Integer> data = new ArrayList<>(new java.util.TreeSet<>(targetColumns.values()));
            for (Column c : List.of(Column.UNIT_OF_MEASURE, Column.BASELINE, Column.LEAD, Column.COOPERATING, Column.NOTE, Column.PRODUCT,
                    Column.TIMEFRAME)) {
                if (layout.column(c) != null) {
                    data.add(layout.column(c));
                }
            }
            boolean hasData = data.stream().anyMatch(c -> !row.text(c).isEmpty());
            String order = row.text(layout.column(Column.ORDER));
            String content = row.text(layout.column(Column.CONTENT));
            if (order.isEmpty() && content.isEmpty()) {
                // Nothing in the first columns: a heading written in column A, or what follows the table (a signature, a note).
                return !hasData && !row.text(0).isEmpty() ? RowKind.GROUP : RowKind.IGNORED;
            }
            if (!hasData && ITEM_NUMBER.matcher(order).matches() && !content.isEmpty()
                    && (row.bold(layout.column(Column.ORDER)) || row.bold(layout.column(Column.CONTENT)))) {
                // A bold "1." beside a name and nothing else: a heading numbered like an item.
                return RowKind.GROUP;
            }
            return hasData || ITEM_NUMBER.matcher(order).matches() ? RowKind.ITEM : RowKind.GROUP;
        }

        /** A group heading: "A. Phát triển hạ tầng" in one cell, or "A" then the name; a name alone takes a stored group's code. */
        private Group group(SheetReader.Row row, List<Group> stored) {
            String order = row.text(layout.column(Column.ORDER));
            String content = row.text(layout.column(Column.CONTENT));
            if (order.isEmpty() && content.isEmpty()) {
                order = row.text(0);
            }
            String code = null;
            String name;
            if (!order.isEmpty() && !content.isEmpty() && GROUP_CODE.matcher(order.replaceAll("[.)]$", "")).matches()) {
                code = order.replaceAll("[.)]$", "");
                name = content;
            } else {
                String text = order.isEmpty() ? content : content.isEmpty() ? order : order + " " + content;
                Matcher m = GROUP_HEADING.matcher(text);
                if (!m.matches()) {
                    m = GROUP_HEADING_UNSPACED.matcher(text);
                }
                if (m.matches()) {
                    code = m.group(1);
                    name = m.group(2).strip();
                } else {
                    name = text;
                }
            }
            if (code == null) {
                String folded = TextSearch.fold(name);
                code = stored.stream().filter(g -> TextSearch.fold(g.name()).equals(folded)).map(Group::code).findFirst().orElse(null);
            }
            if (code == null) {
                int n = groups.size();
                code = String.valueOf((char) ('A' + Math.min(n, 25)));
                while (groups.containsKey(code)) {
                    code = code + "1";
                }
            }
            return new Group(code, name, 0);
        }

        private void formulas(SheetReader.Row row) {
            for (Map.Entry<Integer, SheetReader.Cell> cell : row.cells().entrySet()) {
                if (cell.getValue().formula() && layout.headers().containsKey(cell.getKey())) {
                    problem(row.number(), cell.getKey(), Severity.ERROR, "import.formula",
                            "Ô có công thức: hãy chép rồi dán giá trị (Paste Values) thay cho công thức, để nội dung nhập đúng như đang hiển thị.",
                            List.of());
                }
            }
        }

        // ---- indicators ----

        private BundleIndicator indicator(SheetReader.Row row, String code, String groupCode, int order, BundleIndicator was) {
            String content = row.text(layout.column(Column.CONTENT));
            if (content.isEmpty()) {
                problem(row.number(), layout.column(Column.CONTENT), Severity.ERROR, "import.content-required",
                        "Thiếu nội dung chỉ tiêu.", List.of());
            }
            String unit = layout.column(Column.UNIT_OF_MEASURE) != null ? blankToNull(row.text(layout.column(Column.UNIT_OF_MEASURE)))
                    : was == null ? null : was.unitOfMeasure();
            Map<Integer, TargetDto> targets = new TreeMap<>();
            if (was != null) {
                was.targets().stream().filter(t -> !targetColumns.containsKey(t.year())).forEach(t -> targets.put(t.year(), t));
            }
            Set<Integer> warned = new java.util.HashSet<>();
            targetColumns.forEach((year, column) -> {
                TargetWording.Reading r = TargetWording.read(row.text(column), year, TargetWording.Role.TARGET, content, unit);
                if (r != null) {
                    targets.put(year, r.target());
                    if (!r.understood() && warned.add(column)) {
                        problem(row.number(), column, Severity.WARNING, "import.target-in-words",
                                "Chưa hiểu chỉ tiêu '" + row.text(column) + "' thành số liệu: giữ nguyên bằng lời (dạng mốc), cần kiểm tra lại.",
                                List.of());
                    }
                }
            });
            TargetDto baseline = was == null ? null : was.baseline();
            if (layout.column(Column.BASELINE) != null) {
                TargetWording.Reading r = TargetWording.read(row.text(layout.column(Column.BASELINE)), null, TargetWording.Role.BASELINE,
                        content, unit);
                baseline = r == null ? null : r.target();
                if (r != null && !r.understood()) {
                    problem(row.number(), layout.column(Column.BASELINE), Severity.WARNING, "import.target-in-words",
                            "Chưa hiểu hiện trạng '" + row.text(layout.column(Column.BASELINE)) + "' thành số liệu: giữ nguyên bằng lời.", List.of());
                }
            }
            String leadCode = was == null ? null : was.leadUnitCode();
            List<String> cooperating = was == null ? List.of() : list(was.cooperatingUnitCodes());
            String leadWording = was == null ? null : was.leadWording();
            String cooperatingWording = was == null ? null : was.cooperatingWording();
            Integer leadColumn = layout.column(Column.LEAD);
            Integer coopColumn = layout.column(Column.COOPERATING);
            if (leadColumn != null || coopColumn != null) {
                String leadText = leadColumn == null ? null : unitsText(row.text(leadColumn));
                String coopText = coopColumn == null ? null : unitsText(row.text(coopColumn));
                boolean sameAsStored = was != null
                        && (leadText == null || leadText.equals(unitsText(leadCell(was.leadWording(), name(was.leadUnitCode())))))
                        && (coopText == null || coopText.equals(unitsText(unitsCell(was.cooperatingWording(),
                                list(was.cooperatingUnitCodes()).stream().map(this::name).toList()))));
                if (!sameAsStored) {
                    List<OrgUnit> extraLeads = new ArrayList<>();
                    if (leadText != null) {
                        List<OrgUnit> leads = units(row, leadColumn, leadText);
                        if (leadText.isEmpty()) {
                            problem(row.number(), leadColumn, Severity.ERROR, "import.lead-required",
                                    "Thiếu đơn vị chủ trì: mỗi chỉ tiêu có đúng một đơn vị chủ trì.", List.of());
                        }
                        leadCode = leads.isEmpty() ? null : leads.get(0).code;
                        extraLeads.addAll(leads.size() > 1 ? leads.subList(1, leads.size()) : List.of());
                        if (leads.size() > 1) {
                            problem(row.number(), leadColumn, Severity.WARNING, "import.lead-several", "Ô ghi " + leads.size()
                                    + " đơn vị chủ trì; mỗi chỉ tiêu có một đơn vị chủ trì: '" + leads.get(0).name + "' chủ trì, "
                                    + extraLeads.stream().map(u -> "'" + u.name + "'").collect(Collectors.joining(", "))
                                    + " được ghi là đơn vị phối hợp (lời văn của ô được giữ nguyên).", List.of());
                        }
                        boolean collective = !leads.isEmpty() && leads.get(0).kind == OrgUnitKind.UNIT_GROUP;
                        leadWording = leads.size() > 1 || collective ? leadText : null;
                    }
                    if (coopText != null) {
                        List<OrgUnit> coops = units(row, coopColumn, coopText);
                        List<String> all = new ArrayList<>();
                        extraLeads.forEach(u -> all.add(u.code));
                        coops.forEach(u -> all.add(u.code));
                        String lead = leadCode;
                        cooperating = all.stream().distinct().filter(c -> !c.equals(lead)).toList();
                        cooperatingWording = blankToNull(coopText);
                    } else if (!extraLeads.isEmpty()) {
                        List<String> all = new ArrayList<>(extraLeads.stream().map(u -> u.code).toList());
                        all.addAll(cooperating);
                        String lead = leadCode;
                        cooperating = all.stream().distinct().filter(c -> !c.equals(lead)).toList();
                    }
                }
            }
            if (leadCode == null && leadColumn == null) {
                problem(row.number(), null, Severity.ERROR, "import.lead-required",
                        "Bảng không có cột đơn vị chủ trì và kế hoạch chưa có chỉ tiêu '" + code + "'.", List.of());
            }
            String note = layout.column(Column.NOTE) != null ? blankToNull(row.text(layout.column(Column.NOTE))) : was == null ? null : was.note();
            return new BundleIndicator(code, groupCode, order, content.isEmpty() ? null : content, unit, new ArrayList<>(targets.values()),
                    baseline, leadCode, cooperating, leadWording, cooperatingWording, note, was == null ? null : was.fraction(),
                    was == null ? null : was.contributesTo(), was == null ? null : was.evidenceRequired());
        }

        // ---- tasks ----

        private BundleTask task(SheetReader.Row row, String code, String groupCode, int order, BundleTask was) {
            String description = row.text(layout.column(Column.CONTENT));
            if (description.isEmpty()) {
                problem(row.number(), layout.column(Column.CONTENT), Severity.ERROR, "import.content-required", "Thiếu nội dung nhiệm vụ.",
                        List.of());
            }
            List<String> leads = was == null ? List.of() : list(was.leadUnitCodes());
            List<String> cooperating = was == null ? List.of() : list(was.cooperatingUnitCodes());
            Integer leadColumn = layout.column(Column.LEAD);
            Integer coopColumn = layout.column(Column.COOPERATING);
            if (leadColumn != null) {
                String text = unitsText(row.text(leadColumn));
                if (was == null || !text.equals(unitsText(unitsCell(null, leads.stream().map(this::name).toList())))) {
                    leads = units(row, leadColumn, text).stream().map(u -> u.code).toList();
                }
                if (text.isEmpty()) {
                    problem(row.number(), leadColumn, Severity.ERROR, "import.lead-required", "Thiếu cơ quan chủ trì.", List.of());
                }
            } else if (leads.isEmpty()) {
                problem(row.number(), null, Severity.ERROR, "import.lead-required",
                        "Bảng không có cột cơ quan chủ trì và kế hoạch chưa có nhiệm vụ '" + code + "'.", List.of());
            }
            if (coopColumn != null) {
                String text = unitsText(row.text(coopColumn));
                if (was == null || !text.equals(unitsText(unitsCell(null, cooperating.stream().map(this::name).toList())))) {
                    cooperating = units(row, coopColumn, text).stream().map(u -> u.code).toList();
                }
            }
            List<String> leadCodes = leads;
            cooperating = cooperating.stream().filter(c -> !leadCodes.contains(c)).distinct().toList();
            String product = layout.column(Column.PRODUCT) != null ? blankToNull(row.text(layout.column(Column.PRODUCT)))
                    : was == null ? null : was.product();
            Timeframe timeframe = was == null ? null : was.timeframe();
            Integer timeColumn = layout.column(Column.TIMEFRAME);
            if (timeColumn != null) {
                String text = clean(row.text(timeColumn));
                if (was == null || !text.equals(clean(timeframeCell(was.timeframe())))) {
                    timeframe = timeframe(text);
                    if (timeframe == null) {
                        problem(row.number(), timeColumn, Severity.ERROR, "import.timeframe-unknown", text.isEmpty()
                                ? "Thiếu thời gian thực hiện (ví dụ 'Năm 2026', 'Giai đoạn 2026 - 2030', 'Thường xuyên')."
                                : "Không hiểu thời gian thực hiện '" + text + "': ghi 'Năm 2026', 'Giai đoạn 2026 - 2030' hoặc 'Thường xuyên'.",
                                List.of());
                    }
                }
            } else if (timeframe == null) {
                problem(row.number(), null, Severity.ERROR, "import.timeframe-unknown",
                        "Bảng không có cột thời gian thực hiện và kế hoạch chưa có nhiệm vụ '" + code + "'.", List.of());
            }
            String note = layout.column(Column.NOTE) != null ? blankToNull(row.text(layout.column(Column.NOTE))) : was == null ? null : was.note();
            return new BundleTask(code, groupCode, order, description.isEmpty() ? null : description, leads, cooperating, product, timeframe,
                    was == null ? null : was.progress(), note);
        }

        /** "Năm 2026", "Trong năm 2026" → YEAR; "Giai đoạn 2026 - 2030", "2026-2027" → SPAN; "Thường xuyên", "Hằng năm" → ONGOING. */
        static Timeframe timeframe(String text) {
            String folded = TextSearch.fold(text);
            if (folded.isEmpty()) {
                return null;
            }
            if (folded.contains("thuong xuyen") || folded.contains("hang nam") || folded.contains("hang thang") || folded.contains("lien tuc")) {
                return new Timeframe(TimeframeKind.ONGOING, null, null, text);
            }
            Matcher m = YEAR.matcher(folded);
            List<Integer> years = new ArrayList<>();
            while (m.find()) {
                years.add(Integer.valueOf(m.group(1)));
            }
            if (years.isEmpty()) {
                return null;
            }
            int first = years.stream().min(Integer::compare).orElseThrow();
            int last = years.stream().max(Integer::compare).orElseThrow();
            return first == last ? new Timeframe(TimeframeKind.YEAR, first, first, text) : new Timeframe(TimeframeKind.SPAN, first, last, text);
        }

        // ---- units ----

        private List<OrgUnit> units(SheetReader.Row row, Integer column, String text) {
            UnitNames.Match match = names.match(text);
            for (UnitNames.Unmatched u : match.unmatched()) {
                List<OrgUnitRef> candidates = u.candidates().stream().map(OrgUnitRef::of).toList();
                if (u.ambiguous()) {
                    unitProblem(row.number(), column, "import.unit-ambiguous",
                            "Tên '" + u.name() + "' trùng với nhiều đơn vị: ghi rõ tên hoặc mã đơn vị.", candidates, u.name());
                } else if (offerCollective && column != null && column.equals(layout.column(Column.COOPERATING)) && collective(u.name())) {
                    // A collective name among the cooperating units: offered as a unit group; the cell's words are kept.
                    unitProblem(row.number(), column, Severity.WARNING, "import.unit-collective", "'" + u.name() + "' là tên gọi chung của"
                            + " nhiều đơn vị, chưa có trong hệ thống: tạo thành nhóm đơn vị khi nhập để ghi là đơn vị phối hợp; nếu không, lời"
                            + " văn của ô vẫn được giữ.", candidates, u.name());
                } else {
                    unitProblem(row.number(), column, "import.unit-unknown", "Không tìm thấy đơn vị '" + u.name() + "'"
                            + (candidates.isEmpty() ? "." : "; gần nhất: " + candidates.stream().map(OrgUnitRef::name)
                                    .collect(Collectors.joining(", ")) + "."), candidates, u.name());
                }
            }
            match.units().forEach(u -> unitsByCode.put(u.code, u));
            for (OrgUnit u : match.units()) {
                if (!referable.test(u)) {
                    // Found (a department of the province, say), but outside what this account may name in a plan.
                    problem(row.number(), column, Severity.ERROR, "import.unit-out-of-scope", "Đơn vị '" + u.name + "' (" + u.code
                            + ") nằm ngoài phạm vi đơn vị của tài khoản này nên không gán được vào kế hoạch; tài khoản cấp trên"
                            + " (ví dụ cán bộ điều phối của tỉnh) nhập được dòng này.", List.of(OrgUnitRef.of(u)));
                }
            }
            return match.units();
        }

        private String name(String code) {
            OrgUnit u = unit(code);
            return u == null ? code : u.name;
        }

        private OrgUnit unit(String code) {
            if (code == null) {
                return null;
            }
            return unitsByCode.computeIfAbsent(code, OrgUnit::findByCode);
        }

        private OrgUnitRef ref(String code) {
            return OrgUnitRef.of(unit(code));
        }

        private ImportedIndicator view(BundleIndicator i) {
            return new ImportedIndicator(i.code(), i.groupCode(), i.order(), i.content(), i.unitOfMeasure(), i.targets(), i.baseline(),
                    ref(i.leadUnitCode()), list(i.cooperatingUnitCodes()).stream().map(this::ref).filter(Objects::nonNull).toList(),
                    i.leadWording(), i.cooperatingWording(), i.note());
        }

        private ImportedTask view(BundleTask t) {
            return new ImportedTask(t.code(), t.groupCode(), t.order(), t.description(),
                    list(t.leadUnitCodes()).stream().map(this::ref).filter(Objects::nonNull).toList(),
                    list(t.cooperatingUnitCodes()).stream().map(this::ref).filter(Objects::nonNull).toList(), t.product(), t.timeframe(),
                    t.note());
        }

        // ---- the bundle, and what became of it ----

        PlanBundle bundle() {
            List<Group> sheetGroups = new ArrayList<>(groups.values());
            boolean indicatorsPart = part == AppendixPart.INDICATORS;
            return new PlanBundle(current.format(), current.formatVersion(), current.orgUnits(), current.dtiFrameworks(), current.plan(),
                    indicatorsPart ? sheetGroups : current.indicatorGroups(), indicatorsPart ? indicators : current.indicators(),
                    indicatorsPart ? current.taskGroups() : sheetGroups, indicatorsPart ? current.tasks() : tasks, current.dtiTargets(),
                    current.dtiResults());
        }

        ImportResult result(boolean dryRun, BundleImportResult outcome, String etag) {
            String prefix = part == AppendixPart.INDICATORS ? "indicator:" : "task:";
            BundleImportResult.Changes items = outcome == null ? new BundleImportResult.Changes(List.of(), List.of(), List.of(), 0)
                    : part == AppendixPart.INDICATORS ? outcome.indicators() : outcome.tasks();
            BundleImportResult.Changes allGroups = outcome == null ? new BundleImportResult.Changes(List.of(), List.of(), List.of(), 0)
                    : outcome.groups();
            BundleImportResult.Changes groupChanges = new BundleImportResult.Changes(only(allGroups.created(), prefix),
                    only(allGroups.updated(), prefix), only(allGroups.removed(), prefix),
                    (int) (groups.size() - only(allGroups.created(), prefix).size() - only(allGroups.updated(), prefix).size()));
            List<ImportRow> out = new ArrayList<>();
            for (ImportRow r : rows) {
                RowAction action = r.action();
                if (outcome != null && action == RowAction.NONE && r.kind() != RowKind.IGNORED) {
                    String code = r.kind() == RowKind.GROUP ? prefix + r.groupCode()
                            : r.indicator() != null ? r.indicator().code() : r.task() != null ? r.task().code() : null;
                    Collection<String> created = r.kind() == RowKind.GROUP ? allGroups.created() : items.created();
                    Collection<String> updated = r.kind() == RowKind.GROUP ? allGroups.updated() : items.updated();
                    action = created.contains(code) ? RowAction.CREATE : updated.contains(code) ? RowAction.UPDATE : RowAction.UNCHANGED;
                }
                out.add(new ImportRow(r.row(), r.kind(), action, r.groupCode(), r.groupName(), r.indicator(), r.task()));
            }
            List<ImportProblem> sorted = problems.stream()
                    .sorted(java.util.Comparator.comparing((ImportProblem p) -> p.row() == null ? Integer.MAX_VALUE : p.row())
                            .thenComparing(p -> p.column() == null ? "" : p.column()))
                    .toList();
            return new ImportResult(dryRun, !hasErrors(), part, plan.id, sheet.name(), layout.headerRow(), out, sorted, unusedColumns(), groupChanges,
                    items, etag);
        }

        private static List<String> only(List<String> keys, String prefix) {
            return keys.stream().filter(k -> k.startsWith(prefix)).toList();
        }

        /** The refusal of a commit: every ERROR problem, each with its cell. */
        DomainException refusal() {
            List<FieldError> errors = problems.stream().filter(p -> p.severity() == Severity.ERROR).map(Reading::fieldError).toList();
            return DomainException.invalid("import.invalid", "Bảng tính có " + errors.size() + " lỗi cần sửa trước khi nhập (xem lỗi của từng ô);"
                    + " chưa có gì được lưu. Hãy xem trước kết quả nhập để biết từng dòng được hiểu thế nào.", errors);
        }

        static FieldError fieldError(ImportProblem p) {
            String field = p.cell() != null ? p.cell() : p.row() != null ? "row " + p.row() : "file";
            return new FieldError(field, p.code(), p.detail());
        }

        /** The refusal of the plan-bundle import, with its fields (indicators[3].targets[0]) turned into rows and cells. */
        List<ImportProblem> locate(DomainException e) {
            List<FieldError> errors = e.errors().isEmpty() ? List.of(new FieldError("", e.code(), e.getMessage())) : e.errors();
            List<ImportProblem> out = new ArrayList<>();
            for (FieldError f : errors) {
                Integer row = null;
                Integer column = null;
                Matcher m = FIELD_INDEX.matcher(f.field() == null ? "" : f.field());
                if (m.matches()) {
                    int index = Integer.parseInt(m.group(2));
                    boolean items = m.group(1).equals("indicators") || m.group(1).equals("tasks");
                    if (items && index < itemRows.size()) {
                        row = itemRows.get(index);
                        column = column(m.group(3), m.group(4) == null ? null : Integer.valueOf(m.group(4)), index);
                    } else if (!items) {
                        List<String> codes = new ArrayList<>(groups.keySet());
                        row = index < codes.size() ? groupRows.get(codes.get(index)) : null;
                    }
                }
                out.add(problemAt(row, column, Severity.ERROR, f.code(), f.detail(), List.of()));
            }
            return out;
        }

        private Integer column(String field, Integer index, int item) {
            if (field == null) {
                return null;
            }
            return switch (field) {
                case "content", "description" -> layout.column(Column.CONTENT);
                case "code", "order" -> layout.column(Column.CODE) != null ? layout.column(Column.CODE) : layout.column(Column.ORDER);
                case "unitOfMeasure" -> layout.column(Column.UNIT_OF_MEASURE);
                case "baseline" -> layout.column(Column.BASELINE);
                case "leadUnitCode", "leadUnitCodes", "leadWording" -> layout.column(Column.LEAD);
                case "cooperatingUnitCodes", "cooperatingWording" -> layout.column(Column.COOPERATING);
                case "note" -> layout.column(Column.NOTE);
                case "product" -> layout.column(Column.PRODUCT);
                case "timeframe" -> layout.column(Column.TIMEFRAME);
                case "targets" -> {
                    if (part != AppendixPart.INDICATORS || index == null || item >= indicators.size()) {
                        yield null;
                    }
                    List<TargetDto> targets = indicators.get(item).targets();
                    Integer year = index < targets.size() ? targets.get(index).year() : null;
                    yield year == null ? null : targetColumns.get(year);
                }
                default -> null;
            };
        }

        private void problem(Integer row, Integer column, Severity severity, String code, String detail, List<OrgUnitRef> candidates) {
            problems.add(problemAt(row, column, severity, code, detail, candidates));
        }

        /** A problem of a unit's name as written in the cell. */
        private void unitProblem(Integer row, Integer column, String code, String detail, List<OrgUnitRef> candidates, String name) {
            unitProblem(row, column, Severity.ERROR, code, detail, candidates, name);
        }

        private void unitProblem(Integer row, Integer column, Severity severity, String code, String detail, List<OrgUnitRef> candidates,
                String name) {
            ImportProblem p = problemAt(row, column, severity, code, detail, candidates);
            problems.add(new ImportProblem(p.row(), p.column(), p.cell(), p.header(), p.severity(), p.code(), p.detail(), p.candidates(), name));
        }

        private ImportProblem problemAt(Integer row, Integer column, Severity severity, String code, String detail,
                List<OrgUnitRef> candidates) {
            String letter = column == null ? null : CellReference.convertNumToColString(column);
            String cell = letter == null || row == null ? null : letter + row;
            return new ImportProblem(row, letter, cell, layout.header(column), severity, code, detail, candidates, null);
        }

        /** A cell naming units as one line: a line break between names reads as "; ". */
        private static String unitsText(String text) {
            return text == null ? null : clean(text.strip().replaceAll("\\s*[\\r\\n]+\\s*", "; "));
        }

        private static String clean(String text) {
            return text == null ? null : text.strip().replaceAll("\\s+", " ");
        }

        private static <T> List<T> list(List<T> maybe) {
            return maybe == null ? List.of() : maybe;
        }
    }
}
