package vn.dti.tracker.document;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import vn.dti.tracker.common.TextSearch;
import vn.dti.tracker.plan.ReportFrequency;
import vn.dti.tracker.plan.SectionKey;

/**
 * Understands an issued plan from its paragraphs and tables ({@link PlanSource}), as the decrees on administrative
 * documents lay it out: the heading block (issuing body, "Số: …/KH-UBND", place and date), the title under "KẾ
 * HOẠCH", the legal bases ("Căn cứ …", "Thực hiện …"), the sections by their Roman numbers, the reporting regime from
 * its sentences, the closing, the recipients ("Nơi nhận") and the signer, and the appendices (PHỤ LỤC) with their
 * tables. Tasks written as text under the tasks section become tasks by their headings. Nothing here looks at stored
 * data: names of units stay names until {@link PlanIntake} finds them.
 */
final class PlanText {

    /** What a block was understood as, for the preview beside the source. */
    enum Role { HEADING, NUMBER, PLACE_DATE, TITLE, LEGAL_BASIS, PREAMBLE, SECTION_HEADING, SECTION, REGIME, CLOSING, RECIPIENTS, SIGNER,
        APPENDIX_TITLE, APPENDIX_TABLE, TABLE_UNREAD }

    record Line(int block, String text, boolean bold, boolean doubtful) {
    }

    record Basis(int block, String citation, String number, LocalDate date) {
    }

    record Section(int block, SectionKey key, String heading, String body) {
    }

    record Regime(List<Integer> blocks, ReportFrequency frequency, Integer unitDay, Integer consolidationDay, String wording,
            String coordinatorText, String recipientText) {
    }

    record Appendix(int titleBlock, String number, String title, PlanSource.Table table) {
    }

    record TextTask(int block, String text) {
    }

    record TextTaskGroup(int block, String code, String name, List<TextTask> tasks) {
    }

    /** A doubt or a blocker found in the text, at its block. */
    record Finding(Integer block, DocumentDtos.Severity severity, String code, String detail) {
    }

    record Reading(String issuerText, String documentNumber, String numberWording, String issuePlace, LocalDate issueDate,
            String dateWording, String title, Integer startYear, Integer endYear, List<Basis> bases, List<Section> sections, Regime regime,
            String signerTitle, String signerName, List<String> recipients, List<Appendix> appendices, List<PlanSource.Table> otherTables,
            List<TextTaskGroup> taskGroups, List<Finding> findings, Map<Integer, Role> roles) {
    }

    private static final Pattern ROMAN_HEADING = Pattern.compile("^([IVXL]{1,5})\\s*(?:[.)]|\\s[-–])\\s*(\\S.*)$", Pattern.DOTALL);
    private static final Pattern NUMBER_HEADING = Pattern.compile("^(\\d{1,2})\\s*[.)]\\s*(\\S.*)$", Pattern.DOTALL);
    private static final Pattern LETTER_HEADING = Pattern.compile("^([a-zđ])\\s*[.)]\\s*(\\S.*)$", Pattern.DOTALL);
    private static final Pattern BULLET = Pattern.compile("^[-+•–*]\\s*(\\S.*)$", Pattern.DOTALL);
    private static final Pattern NUMBER_LINE = Pattern.compile("(?iu)^số\\s*:?\\s*(\\S*?)\\s*(/\\s*[\\p{L}Đđ]+[-\\p{L}Đđ]*)\\s*$");
    private static final Pattern PLACE_DATE = Pattern.compile(
            "(?iu)^(.{2,60}?),\\s*ngày\\s*(\\d{1,2})?\\s*(?:tháng|/)\\s*(\\d{1,2})?\\s*(?:năm|/)\\s*(\\d{4})\\s*\\.?$");
    private static final Pattern CITATION_START = Pattern.compile("(?iu)^(nghị quyết|kế hoạch|quyết định|chỉ thị|thông tư|nghị định|luật|"
            + "công văn|chương trình|đề án|báo cáo|hướng dẫn|văn bản|thông báo|kết luận|pháp lệnh)\\b.*");
    private static final Pattern DOC_NUMBER = Pattern.compile("(?iu)\\bsố\\s+(\\d+[\\p{L}\\d]*(?:[-/][\\p{L}Đđ\\d]+)+)");
    private static final Pattern DATE_SLASH = Pattern.compile("ngày\\s+(\\d{1,2})/(\\d{1,2})/(\\d{4})");
    private static final Pattern DATE_WORDS = Pattern.compile("(?iu)ngày\\s+(\\d{1,2})\\s+tháng\\s+(\\d{1,2})\\s+năm\\s+(\\d{4})");
    private static final Pattern SPAN = Pattern.compile("((?:19|20)\\d{2})\\s*[-–—]\\s*((?:19|20)\\d{2})");
    private static final Pattern YEAR = Pattern.compile("(?iu)năm\\s+((?:19|20)\\d{2})");
    private static final Pattern BEFORE_DATE = Pattern.compile("(?iu)trước\\s+ngày\\s+(\\d{1,2})\\s*/\\s*\\d{1,2}");
    private static final Pattern BEFORE_DAY = Pattern.compile("(?iu)trước\\s+ngày\\s+(\\d{1,2})(?!\\d)(?!\\s*/)");
    private static final Pattern SIGNER_TITLE = Pattern.compile("^(?:(?:KT|TM|TL|TUQ|Q)\\.\\s*)?[\\p{Lu}Đ ]*(CHỦ TỊCH|GIÁM ĐỐC|TRƯỞNG|BÍ THƯ)[\\p{Lu}Đ .]*$");
    private static final Pattern PERSON = Pattern.compile("^(\\p{Lu}\\p{Ll}*)(\\s+\\p{Lu}\\p{Ll}*){1,5}$");

    private PlanText() {
    }

    static Reading read(PlanSource source) {
        return new Reader(source).read();
    }

    /** The section a Roman-numbered heading opens, by its words. */
    static SectionKey sectionKey(String heading) {
        String f = TextSearch.fold(heading);
        if (f.contains("to chuc thuc hien")) {
            return SectionKey.ORGANISATION;
        }
        if (f.contains("kinh phi")) {
            return SectionKey.FUNDING;
        }
        if (f.contains("bao cao")) {
            return SectionKey.REPORTING;
        }
        if (f.startsWith("muc dich")) {
            return SectionKey.PURPOSE;
        }
        if (f.startsWith("yeu cau")) {
            return SectionKey.REQUIREMENTS;
        }
        if (f.startsWith("muc tieu") || f.contains("chi tieu")) {
            return SectionKey.OBJECTIVES;
        }
        if (f.startsWith("nhiem vu")) {
            return SectionKey.TASKS;
        }
        if (f.startsWith("giai phap")) {
            return SectionKey.SOLUTIONS;
        }
        return SectionKey.OTHER;
    }

    /** The reporting frequency a sentence states, or null. */
    static ReportFrequency frequency(String sentence) {
        String f = TextSearch.fold(sentence);
        if (f.matches(".*\\b(6|sau) thang\\b.*") || f.contains("nua nam")) {
            return ReportFrequency.HALF_YEARLY;
        }
        if (f.contains("hang quy") || f.contains("hang quy") || f.matches(".*\\bquy\\b.*(mot lan|1 lan).*") || f.contains("dinh ky quy")) {
            return ReportFrequency.QUARTERLY;
        }
        if (f.contains("hang thang") || f.contains("moi thang") || f.contains("dinh ky thang")) {
            return ReportFrequency.MONTHLY;
        }
        if (f.contains("hang nam") && f.contains("bao cao")) {
            return ReportFrequency.YEARLY;
        }
        return null;
    }

    private static final class Reader {
        private final PlanSource source;
        private final List<Line> lines = new ArrayList<>();
        private final Map<Integer, Role> roles = new LinkedHashMap<>();
        private final List<Finding> findings = new ArrayList<>();
        private final List<Appendix> appendices = new ArrayList<>();
        private final List<PlanSource.Table> otherTables = new ArrayList<>();

        Reader(PlanSource source) {
            this.source = source;
        }

        Reading read() {
            flatten();
            int titleAt = title();
            String issuer = null;
            String number = null;
            String numberWording = null;
            String place = null;
            LocalDate date = null;
            String dateWording = null;
            List<String> headingLines = new ArrayList<>();
            for (int i = 0; i < Math.max(titleAt, 0); i++) {
                Line l = lines.get(i);
                String t = l.text().strip();
                Matcher n = NUMBER_LINE.matcher(t);
                Matcher d = PLACE_DATE.matcher(t);
                if (n.matches()) {
                    numberWording = t;
                    number = n.group(1).isEmpty() ? null : n.group(1) + n.group(2).replace(" ", "");
                    roles.put(l.block(), Role.NUMBER);
                } else if (d.matches()) {
                    dateWording = t;
                    place = d.group(1).strip();
                    date = date(d.group(2), d.group(3), d.group(4));
                    roles.put(l.block(), Role.PLACE_DATE);
                    if (date == null) {
                        findings.add(new Finding(l.block(), DocumentDtos.Severity.WARNING, "intake.date-blank",
                                "Ngày ban hành để trống ('" + t + "'): kế hoạch chưa có ngày ban hành, điền khi đã ký."));
                    }
                } else {
                    String f = TextSearch.fold(t);
                    if (!f.startsWith("cong hoa xa hoi") && !f.startsWith("doc lap") && !t.matches("^[-_—–\\s]+$")) {
                        headingLines.add(t);
                    }
                    roles.putIfAbsent(l.block(), Role.HEADING);
                }
            }
            if (!headingLines.isEmpty()) {
                issuer = String.join(" ", headingLines).replaceAll("\\s+", " ");
            }
            String title = null;
            int at = titleAt;
            if (titleAt >= 0) {
                StringBuilder t = new StringBuilder();
                String first = lines.get(titleAt).text().strip();
                String rest = first.replaceFirst("(?iu)^kế\\s+hoạch\\b\\s*", "").strip();
                roles.put(lines.get(titleAt).block(), Role.TITLE);
                t.append(rest);
                at = titleAt + 1;
                while (at < lines.size() && !opensBody(lines.get(at).text())) {
                    if (lines.get(at).text().strip().matches("^[-_—–=*.\\s]+$")) {
                        at++; // the rule drawn under the title
                        continue;
                    }
                    t.append(t.length() == 0 ? "" : " ").append(lines.get(at).text().strip());
                    roles.put(lines.get(at).block(), Role.TITLE);
                    at++;
                }
                String words = t.toString().replaceAll("\\s+", " ").strip();
                title = words.isEmpty() ? null : words.matches("(?iu)^kế hoạch\\b.*") ? words : "Kế hoạch " + words;
            } else {
                findings.add(new Finding(null, DocumentDtos.Severity.ERROR, "intake.title-missing",
                        "Không tìm thấy tên kế hoạch (dòng 'KẾ HOẠCH' và tên ở dưới): kiểm tra tệp có đúng là một kế hoạch."));
                at = 0;
            }
            Integer startYear = null;
            Integer endYear = null;
            if (title != null) {
                Matcher span = SPAN.matcher(title);
                Matcher year = YEAR.matcher(title);
                if (span.find()) {
                    startYear = Integer.valueOf(span.group(1));
                    endYear = Integer.valueOf(span.group(2));
                } else if (year.find()) {
                    startYear = Integer.valueOf(year.group(1));
                    endYear = startYear;
                }
            }
            // The preamble: legal bases and the words that open the plan, up to the first Roman heading.
            List<Basis> bases = new ArrayList<>();
            List<String> preamble = new ArrayList<>();
            int preambleBlock = -1;
            while (at < lines.size() && !ROMAN_HEADING.matcher(lines.get(at).text()).matches() && !isAppendixHeading(lines.get(at).text())) {
                Line l = lines.get(at);
                String t = l.text().strip();
                String f = TextSearch.fold(t);
                if (f.startsWith("can cu") || f.startsWith("thuc hien")) {
                    String body = t.replaceFirst("(?iu)^(căn cứ|thực hiện)\\s*:?\\s*", "");
                    for (String piece : splitCitations(body)) {
                        bases.add(basis(l.block(), piece));
                    }
                    roles.put(l.block(), Role.LEGAL_BASIS);
                } else {
                    preamble.add(t);
                    preambleBlock = preambleBlock < 0 ? l.block() : preambleBlock;
                    roles.put(l.block(), Role.PREAMBLE);
                }
                at++;
            }
            List<Section> sections = new ArrayList<>();
            if (!preamble.isEmpty()) {
                sections.add(new Section(preambleBlock, SectionKey.OTHER, null, String.join("\n", preamble)));
            }
            // The body, by Roman headings; the closing from "Trên đây là" (or the last paragraph before "Nơi nhận").
            int end = closingStart(at);
            List<Line> sectionLines = new ArrayList<>();
            Line heading = null;
            for (int i = at; i < end; i++) {
                Line l = lines.get(i);
                if (isAppendixHeading(l.text())) {
                    end = i;
                    break;
                }
                Matcher m = ROMAN_HEADING.matcher(l.text().strip());
                if (m.matches() && l.text().length() < 200) {
                    if (heading != null) {
                        sections.add(section(heading, sectionLines));
                    }
                    heading = l;
                    sectionLines = new ArrayList<>();
                    roles.put(l.block(), Role.SECTION_HEADING);
                } else {
                    sectionLines.add(l);
                    roles.putIfAbsent(l.block(), Role.SECTION);
                }
            }
            if (heading != null) {
                sections.add(section(heading, sectionLines));
            }
            // Closing, recipients and signer.
            List<String> closing = new ArrayList<>();
            List<String> recipients = new ArrayList<>();
            List<String> signerLines = new ArrayList<>();
            String signerName = null;
            int closingBlock = -1;
            boolean inRecipients = false;
            int i = end;
            for (; i < lines.size(); i++) {
                Line l = lines.get(i);
                String t = l.text().strip();
                if (isAppendixHeading(t)) {
                    break;
                }
                String f = TextSearch.fold(t);
                if (f.startsWith("noi nhan")) {
                    inRecipients = true;
                    roles.put(l.block(), Role.RECIPIENTS);
                    String after = t.replaceFirst("(?iu)^nơi nhận\\s*:?", "").strip();
                    for (String r : after.split("\n")) {
                        addRecipient(recipients, r);
                    }
                    continue;
                }
                if (SIGNER_TITLE.matcher(t.replace("\n", " ")).matches() || signerLines.size() > 0 && SIGNER_TITLE.matcher(t).matches()) {
                    for (String part : t.split("\n")) {
                        if (SIGNER_TITLE.matcher(part.strip()).matches()) {
                            signerLines.add(part.strip());
                        } else if (PERSON.matcher(part.strip()).matches() && signerName == null) {
                            signerName = part.strip();
                        }
                    }
                    roles.put(l.block(), Role.SIGNER);
                    inRecipients = false;
                    continue;
                }
                if (!signerLines.isEmpty() && signerName == null && PERSON.matcher(t).matches()) {
                    signerName = t;
                    roles.put(l.block(), Role.SIGNER);
                    continue;
                }
                if (inRecipients) {
                    for (String r : t.split("\n")) {
                        addRecipient(recipients, r);
                    }
                    roles.put(l.block(), Role.RECIPIENTS);
                    continue;
                }
                if (signerLines.isEmpty()) {
                    closing.add(t);
                    closingBlock = closingBlock < 0 ? l.block() : closingBlock;
                    roles.put(l.block(), Role.CLOSING);
                }
            }
            if (!closing.isEmpty()) {
                sections.add(new Section(closingBlock, SectionKey.CLOSING, null, String.join("\n", closing)));
            }
            if (signerName == null) {
                findings.add(new Finding(null, DocumentDtos.Severity.WARNING, "intake.signer-missing",
                        "Không tìm thấy người ký (chức vụ như 'KT. CHỦ TỊCH' và họ tên ở cuối văn bản)."));
            }
            appendices(i, sections);
            Regime regime = regime(sections);
            List<TextTaskGroup> tasks = textTasks(sections);
            return new Reading(issuer, number, numberWording, place, date, dateWording, title, startYear, endYear, bases, sections, regime,
                    signerLines.isEmpty() ? null : String.join("\n", signerLines), signerName, recipients, appendices, otherTables, tasks,
                    findings, roles);
        }

        /**
         * Paragraphs become lines; tables become appendices later, except the layout tables of the heading block and
         * of the signature (two cells side by side), which are read cell by cell as paragraphs.
         */
        private void flatten() {
            boolean titleSeen = false;
            for (PlanSource.Block b : source.blocks()) {
                if (b instanceof PlanSource.Paragraph p) {
                    lines.add(new Line(p.index(), p.text(), p.bold(), p.doubtful()));
                    titleSeen |= isTitleWord(p.text());
                } else if (b instanceof PlanSource.Table t) {
                    if (!titleSeen || layoutTable(t)) {
                        for (SheetReader.Row r : t.rows()) {
                            r.cells().forEach((c, cell) -> {
                                if (!cell.text().isBlank()) {
                                    lines.add(new Line(t.index(), cell.text(), cell.bold(), t.doubtful(r.number(), c)));
                                }
                            });
                        }
                        // The cells of the heading table, left then right: issuer and number, then the nation and the date.
                        titleSeen |= t.rows().stream().anyMatch(r -> r.cells().values().stream().anyMatch(c -> isTitleWord(c.text())));
                    } else {
                        lines.add(new Line(t.index(), "\u0000table", false, false));
                    }
                }
            }
            // Heading cells hold several lines: one line each, so that "Số: …" and the date are found alone.
            List<Line> split = new ArrayList<>();
            int title = -1;
            for (int i = 0; i < lines.size(); i++) {
                if (isTitleWord(lines.get(i).text())) {
                    title = i;
                    break;
                }
            }
            for (int i = 0; i < lines.size(); i++) {
                Line l = lines.get(i);
                if (i < title && l.text().contains("\n")) {
                    for (String part : l.text().split("\n")) {
                        if (!part.isBlank()) {
                            split.add(new Line(l.block(), part.strip(), l.bold(), l.doubtful()));
                        }
                    }
                } else {
                    split.add(l);
                }
            }
            lines.clear();
            lines.addAll(split);
        }

        /** A table of two or three cells a row with no numbered rows: the heading block or the signature laid out side by side. */
        private static boolean layoutTable(PlanSource.Table t) {
            if (t.rows().size() > 4) {
                return false;
            }
            String all = TextSearch.fold(t.rows().stream().flatMap(r -> r.cells().values().stream()).map(SheetReader.Cell::text)
                    .reduce("", (a, b) -> a + " " + b));
            return all.contains("noi nhan") || all.contains("chu tich") || all.contains("cong hoa xa hoi") || all.contains("so:");
        }

        private static boolean isTitleWord(String text) {
            return text.strip().matches("(?u)^KẾ\\s*HOẠCH\\b.*") && !text.strip().matches("(?u)^KẾ HOẠCH\\s+(SỐ|số)\\b.*");
        }

        private int title() {
            for (int i = 0; i < lines.size(); i++) {
                if (isTitleWord(lines.get(i).text())) {
                    return i;
                }
            }
            return -1;
        }

        private static boolean opensBody(String text) {
            String f = TextSearch.fold(text.strip());
            return f.startsWith("can cu") || f.startsWith("thuc hien") || f.startsWith("theo ") || f.startsWith("xet ") || f.startsWith("de ")
                    || f.startsWith("nham ") || f.startsWith("uy ban nhan dan") || f.startsWith("ubnd") || ROMAN_HEADING.matcher(text.strip()).matches()
                    || text.equals("\u0000table") || text.strip().length() > 250;
        }

        private static boolean isAppendixHeading(String text) {
            return text.strip().matches("(?iu)^phụ\\s+lục(\\s+[IVXLC\\d]+)?\\s*[:.]?$") || text.strip().matches("(?u)^PHỤ LỤC\\b.*");
        }

        /** Where the closing starts: "Trên đây là …", else the paragraph just before "Nơi nhận", else the end. */
        private int closingStart(int from) {
            int recipients = -1;
            for (int i = from; i < lines.size(); i++) {
                String f = TextSearch.fold(lines.get(i).text().strip());
                if (isAppendixHeading(lines.get(i).text())) {
                    break;
                }
                if (f.startsWith("tren day la") || f.startsWith("trong qua trinh thuc hien") && recipients < 0 && nextIsRecipients(i)) {
                    return i;
                }
                if (f.startsWith("noi nhan")) {
                    recipients = i;
                    break;
                }
                if (SIGNER_TITLE.matcher(lines.get(i).text().strip().split("\n")[0].strip()).matches()) {
                    // No "Nơi nhận": the signer's title ends the body.
                    return i;
                }
            }
            if (recipients > from && !ROMAN_HEADING.matcher(lines.get(recipients - 1).text()).matches()) {
                String before = lines.get(recipients - 1).text().strip();
                return before.endsWith("./.") ? recipients - 1 : recipients;
            }
            return recipients > 0 ? recipients : lines.size();
        }

        private boolean nextIsRecipients(int i) {
            for (int j = i + 1; j < lines.size() && j < i + 3; j++) {
                if (TextSearch.fold(lines.get(j).text()).startsWith("noi nhan")) {
                    return true;
                }
            }
            return false;
        }

        private static void addRecipient(List<String> recipients, String line) {
            String t = line.strip();
            if (t.isEmpty()) {
                return;
            }
            Matcher b = BULLET.matcher(t);
            if (b.matches()) {
                recipients.add(trimEnd(b.group(1)));
            } else if (!recipients.isEmpty()) {
                // A recipient broken over two lines: "(giao Sở Khoa học và Công nghệ gửi);".
                int last = recipients.size() - 1;
                recipients.set(last, trimEnd(recipients.get(last) + " " + t));
            } else {
                recipients.add(trimEnd(t));
            }
        }

        private static String trimEnd(String t) {
            String s = t.strip().replaceAll("\\s+", " ");
            return s.endsWith(";") || s.endsWith(",") ? s.substring(0, s.length() - 1).strip() : s;
        }

        private Section section(Line heading, List<Line> body) {
            String h = heading.text().strip().replaceAll("\\s+", " ");
            Matcher m = ROMAN_HEADING.matcher(h);
            SectionKey key = m.matches() ? sectionKey(m.group(2)) : SectionKey.OTHER;
            List<String> out = new ArrayList<>();
            for (Line l : body) {
                if (!l.text().equals("\u0000table")) {
                    out.add(l.text().strip());
                    continue;
                }
                // A table inside a section (the ranking targets by pillar) is kept in the text, a row a line.
                source.blocks().stream().filter(b -> b.index() == l.block() && b instanceof PlanSource.Table).map(PlanSource.Table.class::cast)
                        .findFirst().ifPresent(t -> t.rows().forEach(r -> out.add(r.cells().values().stream().map(c -> c.text().replace("\n", " "))
                                .collect(java.util.stream.Collectors.joining(" | ")))));
            }
            return new Section(heading.block(), key, h, String.join("\n", out));
        }

        /** "PHỤ LỤC [I]", its title lines and "(kèm theo …)", then its table. Tables of the body that the reader cannot place are kept apart. */
        private void appendices(int from, List<Section> sections) {
            Map<Integer, PlanSource.Table> tables = new LinkedHashMap<>();
            source.blocks().stream().filter(PlanSource.Table.class::isInstance).map(PlanSource.Table.class::cast).forEach(t -> tables.put(t.index(), t));
            for (int i = 0; i < lines.size(); i++) {
                Line l = lines.get(i);
                if (!l.text().equals("\u0000table")) {
                    continue;
                }
                PlanSource.Table t = tables.get(l.block());
                if (t == null) {
                    continue;
                }
                // The appendix heading above this table, if any, and its title lines.
                int j = i - 1;
                List<String> titleLines = new ArrayList<>();
                String number = null;
                int titleBlock = -1;
                while (j >= 0 && i - j <= 6 && !lines.get(j).text().equals("\u0000table")) {
                    String text = lines.get(j).text().strip();
                    if (isAppendixHeading(text)) {
                        Matcher n = Pattern.compile("(?iu)^phụ\\s+lục\\s+([IVXLC\\d]+)").matcher(text);
                        number = n.find() ? n.group(1) : "";
                        titleBlock = lines.get(j).block();
                        String rest = text.replaceFirst("(?iu)^phụ\\s+lục(\\s+[IVXLC\\d]+)?\\s*[:.\\-–]?\\s*", "").strip();
                        if (!rest.isEmpty()) {
                            titleLines.add(0, rest);
                        }
                        break;
                    }
                    titleLines.add(0, text);
                    j--;
                }
                if (number != null) {
                    for (int k = j; k < i; k++) {
                        roles.put(lines.get(k).block(), Role.APPENDIX_TITLE);
                    }
                    String heading = number.isEmpty() ? "PHỤ LỤC" : "PHỤ LỤC " + number;
                    sections.add(new Section(titleBlock, SectionKey.OTHER, heading, String.join("\n", titleLines)));
                    String title = titleLines.stream().filter(s -> !s.startsWith("(")).findFirst().orElse(heading);
                    appendices.add(new Appendix(titleBlock, number, title, t));
                } else {
                    appendices.add(new Appendix(t.index(), null, null, t));
                }
                roles.put(t.index(), Role.APPENDIX_TABLE);
            }
        }

        /**
         * The reporting regime: the sentences that ask for a report before a day of each period. The first names the
         * units' day; a later one with a later day, the coordinator's consolidation.
         */
        private Regime regime(List<Section> sections) {
            record Candidate(Line line, String sentence, int day) {
            }
            List<Candidate> found = new ArrayList<>();
            for (Line l : lines) {
                String t = l.text().strip();
                Matcher bullet = BULLET.matcher(t);
                String sentence = bullet.matches() ? bullet.group(1).strip() : t;
                String f = TextSearch.fold(sentence);
                Matcher day = BEFORE_DAY.matcher(sentence);
                ReportFrequency often = frequency(sentence);
                boolean dated = day.find();
                if (!dated && often != null && often != ReportFrequency.MONTHLY) {
                    // "6 tháng/1 lần … trước ngày 15/6 và 15/12": the day of the dated deadline.
                    day = BEFORE_DATE.matcher(sentence);
                    dated = day.find();
                }
                if (!f.contains("bao cao") || !dated || often == null) {
                    continue;
                }
                int d = Integer.parseInt(day.group(1));
                if (d >= 1 && d <= 31) {
                    found.add(new Candidate(l, sentence.replaceAll("\\s+", " "), d));
                }
            }
            if (found.isEmpty()) {
                findings.add(new Finding(null, DocumentDtos.Severity.WARNING, "intake.regime-missing",
                        "Không tìm thấy câu nêu chế độ báo cáo (ví dụ 'báo cáo định kỳ hằng tháng … trước ngày 20'): kế hoạch được ghi báo"
                                + " cáo hằng tháng trước ngày 20, cần kiểm tra lại."));
                return new Regime(List.of(), ReportFrequency.MONTHLY, 20, null, null, null, null);
            }
            // The units report first (the earliest day); the coordinator consolidates after them (the next later day).
            Candidate units = found.stream().min(java.util.Comparator.comparingInt(Candidate::day)).orElseThrow();
            Candidate consolidation = found.stream().filter(c -> c.day() > units.day()).min(java.util.Comparator.comparingInt(Candidate::day))
                    .orElse(null);
            List<Integer> blocks = new ArrayList<>();
            blocks.add(units.line().block());
            roles.put(units.line().block(), Role.REGIME);
            String wording = units.sentence();
            String recipient = null;
            if (consolidation != null) {
                blocks.add(consolidation.line().block());
                roles.put(consolidation.line().block(), Role.REGIME);
                wording += "\n" + consolidation.sentence();
                recipient = unitAfter(consolidation.sentence(), "(?iu)(?:gửi về|gửi|báo cáo)\\s+");
            }
            // Through whom the units report comes first ("thông qua Phòng …"); else to whom they send it.
            String coordinator = unitAfter(units.sentence(), "(?iu)(?:thông qua|qua đầu mối tổng hợp là|qua đầu mối|đầu mối là)\\s+");
            coordinator = coordinator != null ? coordinator : unitAfter(units.sentence(), "(?iu)(?:gửi về|gửi)\\s+");
            return new Regime(blocks, frequency(units.sentence()), units.day(), consolidation == null ? null : consolidation.day(), wording,
                    coordinator, recipient);
        }

        /** The unit named after a phrase ("thông qua Phòng Văn hóa - Xã hội"), up to a bracket, a comma or "trước ngày". */
        private static String unitAfter(String sentence, String phrase) {
            Matcher m = Pattern.compile(phrase + "(.+?)(?:\\)|,|;|\\s+trước\\s+ngày|\\s+để\\s|$)").matcher(sentence);
            String found = null;
            while (m.find()) {
                String name = m.group(1).strip();
                String f = TextSearch.fold(name);
                if (f.startsWith("ubnd") || f.startsWith("uy ban") || f.startsWith("phong") || f.startsWith("so ") || f.startsWith("van phong")
                        || f.startsWith("trung tam") || f.startsWith("cong an") || f.startsWith("chu tich")) {
                    found = name;
                    if (!f.startsWith("ubnd") && !f.startsWith("uy ban")) {
                        return name;
                    }
                }
            }
            return found;
        }

        /**
         * Tasks written as text: under the tasks section ("NHIỆM VỤ", "NHIỆM VỤ VÀ GIẢI PHÁP"), each numbered heading
         * ("1.", then "a)") is a group and each paragraph under it a task; a paragraph ending in ":" takes the bullets
         * that follow it.
         */
        private List<TextTaskGroup> textTasks(List<Section> sections) {
            Section tasks = sections.stream().filter(s -> s.key() == SectionKey.TASKS).findFirst().orElse(null);
            if (tasks == null) {
                return List.of();
            }
            Matcher roman = ROMAN_HEADING.matcher(tasks.heading());
            String prefix = roman.matches() ? roman.group(1) : "NV";
            List<TextTaskGroup> groups = new ArrayList<>();
            String number = null;
            TextTaskGroup current = null;
            boolean inside = false;
            String lastTaskText = null;
            boolean lastBullet = false;
            for (Line l : lines) {
                if (l.block() == tasks.block()) {
                    inside = true;
                    continue;
                }
                if (!inside) {
                    continue;
                }
                if (roles.get(l.block()) != Role.SECTION && roles.get(l.block()) != Role.REGIME) {
                    break;
                }
                String t = l.text().strip();
                Matcher n = NUMBER_HEADING.matcher(t);
                Matcher a = LETTER_HEADING.matcher(t);
                if (n.matches() && t.length() < 200 && !t.endsWith(".")) {
                    number = n.group(1);
                    current = new TextTaskGroup(l.block(), prefix + "." + number, trimHeading(n.group(2)), new ArrayList<>());
                    groups.add(current);
                    lastTaskText = null;
                    lastBullet = false;
                    continue;
                }
                if (a.matches() && number != null && t.length() < 200 && !t.endsWith(".")) {
                    current = new TextTaskGroup(l.block(), prefix + "." + number + "." + a.group(1).toUpperCase().replace("Đ", "D"),
                            trimHeading(a.group(2)), new ArrayList<>());
                    groups.add(current);
                    lastTaskText = null;
                    lastBullet = false;
                    continue;
                }
                if (current == null) {
                    current = new TextTaskGroup(tasks.block(), prefix, tasks.heading().replaceFirst("^[IVXL]+\\s*[.)]\\s*", ""), new ArrayList<>());
                    groups.add(current);
                }
                Matcher b = BULLET.matcher(t);
                String text = b.matches() ? b.group(1).strip() : t;
                List<TextTask> list = current.tasks();
                boolean labelled = text.matches("^[^:.;]{2,80}:\\s+\\S.*") && text.substring(0, text.indexOf(':')).split("\\s+").length <= 8;
                if (lastTaskText != null && lastTaskText.endsWith(":") && b.matches() && !labelled && !list.isEmpty()) {
                    TextTask last = list.get(list.size() - 1);
                    list.set(list.size() - 1, new TextTask(last.block(), last.text() + "\n- " + text));
                    continue;
                }
                if (lastBullet && !b.matches() && !list.isEmpty() && Character.isUpperCase(text.charAt(0)) && !text.endsWith(":")) {
                    // A paragraph of its own between bullets goes on with the bullet above it.
                    TextTask last = list.get(list.size() - 1);
                    list.set(list.size() - 1, new TextTask(last.block(), last.text() + " " + text));
                    continue;
                }
                list.add(new TextTask(l.block(), text));
                lastTaskText = text;
                lastBullet = b.matches();
            }
            // Words under a heading that has lettered parts introduce them (they stay in the section's text): no tasks.
            groups.removeIf(g -> g.tasks().isEmpty() || groups.stream().anyMatch(o -> o.code().startsWith(g.code() + ".")));
            return groups;
        }

        private static String trimHeading(String text) {
            String t = text.strip().replaceAll("\\s+", " ");
            return t.endsWith(":") ? t.substring(0, t.length() - 1).strip() : t;
        }

        private static List<String> splitCitations(String body) {
            List<String> out = new ArrayList<>();
            StringBuilder current = new StringBuilder();
            for (String piece : body.split(";")) {
                String p = piece.strip();
                if (p.isEmpty()) {
                    continue;
                }
                if (current.length() > 0 && CITATION_START.matcher(p).matches()) {
                    out.add(current.toString());
                    current = new StringBuilder();
                }
                current.append(current.length() == 0 ? "" : "; ").append(p);
            }
            if (current.length() > 0) {
                out.add(current.toString());
            }
            return out.stream().map(s -> s.replaceAll("[;.,]+$", "").replaceAll("\\s+", " ").strip()).filter(s -> !s.isEmpty()).toList();
        }

        private static Basis basis(int block, String citation) {
            Matcher n = DOC_NUMBER.matcher(citation);
            String number = n.find() ? n.group(1) : null;
            LocalDate date = null;
            Matcher s = DATE_SLASH.matcher(citation);
            Matcher w = DATE_WORDS.matcher(citation);
            if (s.find()) {
                date = date(s.group(1), s.group(2), s.group(3));
            } else if (w.find()) {
                date = date(w.group(1), w.group(2), w.group(3));
            }
            return new Basis(block, citation, number, date);
        }

        private static LocalDate date(String day, String month, String year) {
            if (day == null || month == null || year == null) {
                return null;
            }
            try {
                return LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day));
            } catch (DateTimeException | NumberFormatException e) {
                return null;
            }
        }
    }
}
