package vn.dti.tracker.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import vn.dti.tracker.indicator.TargetKind;
import vn.dti.tracker.reporting.ReportValue;
import vn.dti.tracker.task.TaskEnums.Progress;

/**
 * The year of reporting the demo holds, worked out from the plans and a day alone: the same plans and the same
 * day give the same steps, whatever the time or the machine. Each report draws from its own seeded random
 * (plan, period, item, unit), so a period already sent up keeps its story from one day to the next; only the
 * periods still open depend on the day.
 *
 * <p>The story: units report monthly, most on time and some late (a few units more often); the coordinator
 * accepts, or returns with a comment and the unit corrects and resubmits; periods before the last two are
 * accepted in full and sent up. In the two open periods, the earlier one (its deadline passed) has reports
 * waiting for review, one returned report waiting for its unit and a few items never sent (overdue now); the
 * current one is partly filled. Everything happens before the start of the day, in office hours on working days.
 */
final class HistoryScript {

    private HistoryScript() {
    }

    /** A plan in force: from which day, who reviews its reports, its periods and its lead units' items. */
    record PlanFacts(String code, LocalDate inForceFrom, String reviewer, List<PeriodFacts> periods, List<ItemFacts> items) {
    }

    record PeriodFacts(String key, int year, int month, LocalDate startsOn, LocalDate endsOn, LocalDate unitDeadline,
            LocalDate consolidationDeadline) {
    }

    /**
     * An indicator or task of a lead unit, written by {@code writer}; {@code shape} is null for a task. A unit in the
     * {@code spotlight} (one whose people sign in to the demo) shows an overdue item and a returned report.
     */
    record ItemFacts(String code, boolean task, String unitCode, String unitShortName, String writer, boolean spotlight, Shape shape) {
        String key() {
            return code + "@" + unitCode;
        }
    }

    /** How an indicator's value moves: from {@code start} toward {@code target}, reached by the end of {@code targetYear}. */
    record Shape(TargetKind kind, boolean fraction, BigDecimal start, BigDecimal target, BigDecimal per, int startYear,
            int targetYear, Integer outOf, boolean lowerIsBetter) {
    }

    enum Action { CREATE, SAVE, EVIDENCE, SUBMIT, RETURN, ACCEPT, SEND_UP, REMIND }

    /** What a unit writes into a report. */
    record Content(ReportValue value, Progress progress, String achievements, String difficulties, String proposals) {
    }

    /** A document put on record as evidence: uploaded by its first step, attached by the later ones. */
    record Document(String fileName, String title, String docNumber, LocalDate docDate, String issuer, String body) {
    }

    /**
     * One thing a person did at a moment. {@code period} and {@code item} name the report (with {@code unit});
     * SEND_UP names only the period; REMIND (the reminder job, on {@code day}) names nothing else.
     */
    record Step(Instant at, Action action, String person, String plan, String period, String item, boolean task, String unit,
            Content content, String comment, Document document, LocalDate day) {
    }

    /** Fates of a report in an open period. */
    private enum Fate { UNTOUCHED, DRAFT, WAITING, RETURNED_WAITING, REVIEWED }

    static final String SYSTEM = "";

    static List<Step> steps(List<PlanFacts> plans, LocalDate today, ZoneId zone) {
        Instant cutoff = today.atStartOfDay(zone).toInstant();
        List<Step> out = new ArrayList<>();
        Set<LocalDate> reminderDays = new TreeSet<>();
        for (PlanFacts plan : plans) {
            List<PeriodFacts> started = plan.periods().stream()
                    .filter(p -> !p.endsOn().isBefore(plan.inForceFrom()) && !p.startsOn().isAfter(today.minusDays(1)))
                    .sorted(Comparator.comparing(PeriodFacts::startsOn)).toList();
            int open = Math.min(2, started.size());
            // The latest open period whose deadline has passed carries the forced sights: an overdue item and a returned report.
            PeriodFacts frontier = null;
            for (int i = started.size() - open; i < started.size(); i++) {
                if (started.get(i).unitDeadline().isBefore(today)) {
                    frontier = started.get(i);
                }
            }
            for (int i = 0; i < started.size(); i++) {
                PeriodFacts period = started.get(i);
                boolean closed = i < started.size() - open;
                Period p = new Period(plan, period, closed, period == frontier, today, zone, cutoff);
                p.write(out);
                for (int before : new int[] { 3, 1 }) {
                    reminderDays.add(period.unitDeadline().minusDays(before));
                }
                reminderDays.add(period.unitDeadline().plusDays(1));
            }
        }
        for (LocalDate day : reminderDays) {
            Instant at = at(day, 7 * 60, zone);
            if (at.isBefore(cutoff)) {
                out.add(new Step(at, Action.REMIND, SYSTEM, null, null, null, false, null, null, null, null, day));
            }
        }
        List<Step> sorted = new ArrayList<>(out);
        // Stable: steps of one report at one moment keep their order.
        sorted.sort(Comparator.comparing(Step::at));
        return sorted;
    }

    /** The reports of one plan in one period. */
    private static final class Period {
        final PlanFacts plan;
        final PeriodFacts period;
        final boolean closed;
        final boolean frontier;
        final LocalDate today;
        final ZoneId zone;
        final Instant cutoff;
        final boolean deadlinePassed;

        Period(PlanFacts plan, PeriodFacts period, boolean closed, boolean frontier, LocalDate today, ZoneId zone, Instant cutoff) {
            this.plan = plan;
            this.period = period;
            this.closed = closed;
            this.frontier = frontier;
            this.today = today;
            this.zone = zone;
            this.cutoff = cutoff;
            this.deadlinePassed = period.unitDeadline().isBefore(today);
        }

        void write(List<Step> out) {
            Random periodRandom = random(plan.code(), period.key());
            Map<String, List<ItemFacts>> byUnit = new HashMap<>();
            plan.items().forEach(item -> byUnit.computeIfAbsent(item.unitCode(), k -> new ArrayList<>()).add(item));
            Set<String> forcedOverdue = new LinkedHashSet<>();
            Set<String> forcedReturned = new LinkedHashSet<>();
            Set<String> forcedWaiting = new LinkedHashSet<>();
            if (!closed) {
                // A unit in the spotlight shows something to do: an item overdue, and with more items a returned report.
                for (String unit : new TreeSet<>(byUnit.keySet())) {
                    List<ItemFacts> items = byUnit.get(unit);
                    if (frontier && items.get(0).spotlight()) {
                        forcedOverdue.add(items.get(items.size() - 1).key());
                        if (items.size() > 2) {
                            forcedReturned.add(items.get(0).key());
                        }
                    }
                }
                // At least two reports wait for the coordinator in every open period.
                List<ItemFacts> shuffled = new ArrayList<>(plan.items());
                java.util.Collections.shuffle(shuffled, periodRandom);
                shuffled.stream().map(ItemFacts::key).filter(c -> !forcedOverdue.contains(c) && !forcedReturned.contains(c)).limit(2)
                        .forEach(forcedWaiting::add);
            }
            List<Instant> accepted = new ArrayList<>();
            Map<String, List<Document>> unitDocuments = new HashMap<>();
            for (ItemFacts item : plan.items()) {
                Random r = random(plan.code(), period.key(), item.code(), item.unitCode());
                Fate fate = closed ? Fate.REVIEWED : fate(r, item, forcedOverdue, forcedReturned, forcedWaiting);
                Instant last = report(out, item, r, fate, unitDocuments);
                if (last != null) {
                    accepted.add(last);
                }
            }
            if (closed) {
                LocalDate day = working(period.consolidationDeadline(), false);
                Instant at = at(day, 14 * 60 + periodRandom.nextInt(150), zone);
                for (Instant a : accepted) {
                    if (!at.isAfter(a)) {
                        at = later(a, 90 + periodRandom.nextInt(60));
                    }
                }
                if (at.isBefore(cutoff)) {
                    out.add(new Step(at, Action.SEND_UP, plan.reviewer(), plan.code(), period.key(), null, false, null, null,
                            "Tổng hợp kết quả thực hiện kế hoạch kỳ " + monthYear() + ".", null, null));
                }
            }
        }

        private Fate fate(Random r, ItemFacts item, Set<String> overdue, Set<String> returned, Set<String> waiting) {
            double roll = r.nextDouble();
            if (overdue.contains(item.key())) {
                return roll < 0.5 ? Fate.DRAFT : Fate.UNTOUCHED;
            }
            if (returned.contains(item.key())) {
                return Fate.RETURNED_WAITING;
            }
            if (waiting.contains(item.key())) {
                return Fate.WAITING;
            }
            if (deadlinePassed) {
                // Reviews lag behind in the latest period; a few items are still not sent.
                return roll < 0.02 ? Fate.UNTOUCHED : roll < 0.04 ? Fate.DRAFT : roll < 0.45 ? Fate.WAITING : Fate.REVIEWED;
            }
            return roll < 0.45 ? Fate.UNTOUCHED : roll < 0.62 ? Fate.DRAFT : roll < 0.85 ? Fate.WAITING : Fate.REVIEWED;
        }

        /** Writes one report's steps; returns the moment it was accepted, if it was. */
        private Instant report(List<Step> out, ItemFacts item, Random r, Fate fate, Map<String, List<Document>> documents) {
            if (fate == Fate.UNTOUCHED) {
                return null;
            }
            boolean lateUnit = LATE_PRONE.stream().anyMatch(item.unitCode()::endsWith);
            double lateChance = lateUnit ? 0.35 : 0.08;
            boolean late = closed || deadlinePassed ? r.nextDouble() < lateChance : false;
            boolean current = !closed && !deadlinePassed;
            LocalDate windowStart = working(max(period.startsOn().plusDays(current ? 1 : 6), plan.inForceFrom().plusDays(1)), true);
            LocalDate lastDay = current ? working(today.minusDays(1), false) : period.unitDeadline();
            LocalDate submitDay;
            if (current && windowStart.isAfter(lastDay)) {
                // The current period has only begun: nothing written yet.
                return null;
            }
            if (late || windowStart.isAfter(lastDay)) {
                LocalDate from = max(period.unitDeadline(), plan.inForceFrom());
                submitDay = plusWorking(from, 1 + r.nextInt(7));
            } else {
                submitDay = working(windowStart.plusDays(r.nextInt((int) (lastDay.toEpochDay() - windowStart.toEpochDay()) + 1)), false);
                if (submitDay.isBefore(windowStart)) {
                    submitDay = windowStart;
                }
            }
            Instant submitAt = at(submitDay, 450 + r.nextInt(540), zone);
            Content content = content(item, r, 0);
            boolean draftFirst = fate == Fate.DRAFT || r.nextDouble() < 0.2;
            Instant createAt = draftFirst ? at(plusWorking(submitDay, -1 - r.nextInt(3)), 450 + r.nextInt(540), zone) : submitAt;
            if (createAt.isBefore(at(period.startsOn(), 450, zone)) || createAt.isBefore(at(plan.inForceFrom().plusDays(1), 450, zone))) {
                createAt = submitAt;
            }
            if (fate == Fate.DRAFT) {
                // Saved as a draft, never sent: overdue once the deadline passes.
                LocalDate draftDay = deadlinePassed ? plusWorking(period.unitDeadline(), -2) : lastDay;
                Instant draftAt = at(draftDay, 450 + r.nextInt(540), zone);
                if (draftAt.isBefore(at(period.startsOn(), 0, zone)) || !draftAt.isBefore(cutoff)) {
                    return null;
                }
                out.add(step(draftAt, Action.CREATE, item, content(item, r, -1), null, null));
                return null;
            }
            if (!submitAt.isBefore(cutoff)) {
                return null;
            }
            out.add(step(createAt, Action.CREATE, item, createAt.equals(submitAt) ? content : content(item, r, -1), null, null));
            Instant t = later(submitAt, 1);
            if (!createAt.equals(submitAt)) {
                out.add(step(t, Action.SAVE, item, content, null, null));
            }
            if (!item.task() && r.nextDouble() < 0.2) {
                t = later(t, 2);
                out.add(step(t, Action.EVIDENCE, item, null, null, document(item, submitDay, r, documents)));
            }
            t = later(t, 2 + r.nextInt(5));
            out.add(step(t, Action.SUBMIT, item, null, null, null));
            if (fate == Fate.WAITING) {
                return null;
            }
            boolean returned = fate == Fate.RETURNED_WAITING || r.nextDouble() < (closed ? 0.12 : 0.15);
            int lag = closed ? r.nextInt(3) : deadlinePassed ? r.nextInt(12) : r.nextInt(3);
            Instant reviewAt = at(plusWorking(submitDay, Math.max(lag, 0)), 480 + r.nextInt(510), zone);
            if (!reviewAt.isAfter(t)) {
                reviewAt = later(t, 60 + r.nextInt(120));
            }
            if (fate == Fate.RETURNED_WAITING) {
                reviewAt = at(working(today.minusDays(2), false), 540 + r.nextInt(300), zone);
                if (!reviewAt.isAfter(t)) {
                    return null;
                }
            }
            if (!reviewAt.isBefore(cutoff)) {
                return null;
            }
            if (!returned) {
                out.add(reviewStep(reviewAt, Action.ACCEPT, item, r.nextDouble() < 0.2 ? pick(r, ACCEPT_COMMENTS) : null));
                return reviewAt;
            }
            String comment = item.task() ? pick(r, RETURN_COMMENTS_TASK) : pick(r, RETURN_COMMENTS);
            out.add(reviewStep(reviewAt, Action.RETURN, item, comment));
            if (fate == Fate.RETURNED_WAITING) {
                return null;
            }
            LocalDate fixDay = plusWorking(submitDay(reviewAt), 1 + r.nextInt(2));
            Instant fixAt = at(fixDay, 450 + r.nextInt(540), zone);
            if (!fixAt.isBefore(cutoff)) {
                return null;
            }
            Content fixed = content(item, r, 1);
            out.add(step(fixAt, Action.SAVE, item, fixed, null, null));
            Instant resubmit = later(fixAt, 3);
            if (!item.task() && comment.contains("tài liệu kiểm chứng")) {
                out.add(step(resubmit, Action.EVIDENCE, item, null, null, document(item, fixDay, r, documents)));
                resubmit = later(resubmit, 2);
            }
            out.add(step(resubmit, Action.SUBMIT, item, null, null, null));
            Instant acceptAt = at(plusWorking(fixDay, r.nextInt(2)), 480 + r.nextInt(510), zone);
            if (!acceptAt.isAfter(resubmit)) {
                acceptAt = later(resubmit, 45 + r.nextInt(120));
            }
            if (!acceptAt.isBefore(cutoff) || !closed && r.nextDouble() < 0.3) {
                return null;
            }
            out.add(reviewStep(acceptAt, Action.ACCEPT, item, null));
            return acceptAt;
        }

        private LocalDate submitDay(Instant at) {
            return at.atZone(zone).toLocalDate();
        }

        private Step step(Instant at, Action action, ItemFacts item, Content content, String comment, Document document) {
            return new Step(at, action, item.writer(), plan.code(), period.key(), item.code(), item.task(), item.unitCode(), content, comment,
                    document, null);
        }

        private Step reviewStep(Instant at, Action action, ItemFacts item, String comment) {
            return new Step(at, action, plan.reviewer(), plan.code(), period.key(), item.code(), item.task(), item.unitCode(), null, comment,
                    null, null);
        }

        /** One document per unit and period at most, proving several of its items; a second one after a return. */
        private Document document(ItemFacts item, LocalDate day, Random r, Map<String, List<Document>> documents) {
            List<Document> unitDocs = documents.computeIfAbsent(item.unitCode(), k -> new ArrayList<>());
            if (!unitDocs.isEmpty() && r.nextDouble() < 0.6) {
                return unitDocs.get(0);
            }
            int n = unitDocs.size() + 1;
            String abbr = item.unitCode().substring(item.unitCode().lastIndexOf('.') + 1);
            String kind = n == 1 ? pick(r, DOCUMENT_KINDS) : "Danh sách bổ sung số liệu";
            String title = kind + " tháng " + monthYear() + " - " + item.unitShortName();
            String number = (10 + r.nextInt(180)) + "/BC-" + abbr;
            String file = slug(kind) + "-" + period.key() + "-" + abbr.toLowerCase() + (n == 1 ? "" : "-" + n) + ".pdf";
            String body = title + "\nSố: " + number + "\nNgày " + day.format(DAY) + "\n\nKèm theo báo cáo kết quả thực hiện kế hoạch "
                    + plan.code() + " kỳ " + monthYear() + ", chỉ tiêu/nhiệm vụ " + item.code() + ".";
            Document d = new Document(file, title, number, day, item.unitShortName(), body);
            unitDocs.add(d);
            return d;
        }

        private String monthYear() {
            return period.month() + "/" + period.year();
        }

        /** What the unit writes; {@code draft} -1: the first draft, 0: as submitted, 1: as corrected after a return. */
        private Content content(ItemFacts item, Random r, int draft) {
            if (item.task()) {
                int elapsed = period.month();
                Progress progress = elapsed <= 2 && r.nextBoolean() ? Progress.NOT_STARTED
                        : elapsed >= 10 && r.nextDouble() < 0.5 ? Progress.COMPLETED : Progress.IN_PROGRESS;
                String done = pick(r, TASK_RESULTS) + (draft == 1 ? " Đã bổ sung sản phẩm, thời gian hoàn thành và số liệu cụ thể theo ý kiến của cơ quan tổng hợp." : "");
                return new Content(null, progress, draft == -1 ? null : done, r.nextDouble() < 0.25 ? pick(r, DIFFICULTIES) : null,
                        r.nextDouble() < 0.15 ? pick(r, PROPOSALS) : null);
            }
            ReportValue value = value(item.shape(), r, draft == 1);
            String words = pick(r, INDICATOR_RESULTS) + (draft == 1 ? " Đã rà soát lại số liệu và bổ sung theo ý kiến của cơ quan tổng hợp." : "");
            return new Content(value, null, words, r.nextDouble() < 0.2 ? pick(r, DIFFICULTIES) : null,
                    r.nextDouble() < 0.1 ? pick(r, PROPOSALS) : null);
        }

        /** A value on the way from the start toward the target, in the indicator's own shape. */
        private ReportValue value(Shape s, Random itemRandom, boolean corrected) {
            // The pace is the item's own (some ahead, some behind); each month adds a little noise.
            Random pace = random(plan.code(), s.kind().name(), String.valueOf(s.target()), String.valueOf(s.start()));
            double speed = 0.8 + pace.nextDouble() * 0.4;
            int months = (s.targetYear() - s.startYear() + 1) * 12;
            int elapsed = (period.year() - s.startYear()) * 12 + period.month();
            double share = Math.min(1.0, speed * elapsed / months + (itemRandom.nextDouble() - 0.5) * 0.04 + (corrected ? 0.01 : 0));
            share = Math.max(0, share);
            double start = s.start() == null ? 0 : s.start().doubleValue();
            double target = s.target() == null ? 0 : s.target().doubleValue();
            switch (s.kind()) {
                case PASS_FAIL, MILESTONE -> {
                    boolean met = share >= 0.75;
                    return new ReportValue(null, null, null, met, null, null, met ? "Đã hoàn thành" : "Đang triển khai");
                }
                case RANK, LEADING_GROUP -> {
                    int outOf = s.outOf() == null ? 34 : s.outOf();
                    int from = (int) Math.max(start, target + 5);
                    int rank = (int) Math.round(from - (from - target) * share);
                    return new ReportValue(null, null, null, null, Math.max(1, Math.min(rank, outOf)), outOf, null);
                }
                default -> {
                    double v = start + (target - start) * share;
                    if (s.kind() == TargetKind.PERCENT) {
                        v = Math.min(100, v);
                    }
                    if (s.fraction()) {
                        double per = s.kind() == TargetKind.PERCENT ? 100 : s.per() == null ? 1 : s.per().doubleValue();
                        int denominator = 800 + pace.nextInt(9000);
                        long numerator = Math.round(v * denominator / per);
                        return new ReportValue(null, BigDecimal.valueOf(Math.min(numerator, s.kind() == TargetKind.PERCENT ? denominator : numerator)),
                                BigDecimal.valueOf(denominator), null, null, null, null);
                    }
                    int scale = s.kind() == TargetKind.COUNT ? 0 : s.kind() == TargetKind.RATIO ? 2 : 1;
                    BigDecimal number = BigDecimal.valueOf(Math.max(0, v)).setScale(scale, RoundingMode.HALF_UP).stripTrailingZeros();
                    return new ReportValue(number.scale() < 0 ? number.setScale(0) : number, null, null, null, null, null, null);
                }
            }
        }
    }

    // ---- time ----

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    static Instant at(LocalDate day, int minuteOfDay, ZoneId zone) {
        return day.atStartOfDay(zone).plusMinutes(minuteOfDay).toInstant();
    }

    private static Instant later(Instant t, int minutes) {
        return t.plusSeconds(60L * minutes);
    }

    /** The day itself if it is a working day, else the next (forward) or the previous one. */
    static LocalDate working(LocalDate d, boolean forward) {
        LocalDate day = d;
        while (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
            day = day.plusDays(forward ? 1 : -1);
        }
        return day;
    }

    static LocalDate plusWorking(LocalDate d, int days) {
        LocalDate day = d;
        int step = days < 0 ? -1 : 1;
        for (int i = 0; i < Math.abs(days); i++) {
            day = working(day.plusDays(step), step > 0);
        }
        return working(day, step > 0);
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    // ---- chance ----

    static Random random(String... parts) {
        long seed = 1125899906842597L;
        for (String part : parts) {
            seed = 31 * seed + (part == null ? 0 : part.hashCode());
            seed ^= seed >>> 29;
        }
        return new Random(seed);
    }

    private static <T> T pick(Random r, List<T> options) {
        return options.get(r.nextInt(options.size()));
    }

    private static String slug(String words) {
        String plain = java.text.Normalizer.normalize(words.replace('đ', 'd').replace('Đ', 'D'), java.text.Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "").toLowerCase(java.util.Locale.ROOT);
        return plain.replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }

    // ---- words ----

    /** Units that are late more often than others (a collective unit, a partner outside the administration). */
    private static final List<String> LATE_PRONE = List.of(".VP", ".COQUAN", ".VIENTHONG", ".KT");

    private static final List<String> DOCUMENT_KINDS = List.of("Báo cáo số liệu", "Biên bản kiểm tra", "Danh sách hồ sơ",
            "Báo cáo kết quả thực hiện");

    private static final List<String> INDICATOR_RESULTS = List.of(
            "Tiếp tục hướng dẫn người dân nộp hồ sơ trực tuyến tại bộ phận một cửa; số liệu lấy từ Hệ thống thông tin giải quyết thủ tục hành chính của tỉnh.",
            "Phối hợp với Tổ công nghệ số cộng đồng các ấp tuyên truyền, hỗ trợ người dân cài đặt và sử dụng ứng dụng.",
            "Rà soát, cập nhật số liệu theo hướng dẫn của Sở Khoa học và Công nghệ; số liệu chốt đến ngày cuối kỳ.",
            "Tổ chức hỗ trợ trực tiếp tại nhà văn hóa các ấp vào cuối tuần; kết quả tăng so với kỳ trước.",
            "Đã đôn đốc các bộ phận chuyên môn thực hiện; số liệu tổng hợp từ báo cáo của các bộ phận.",
            "Kết quả trong kỳ đạt theo tiến độ đề ra; tiếp tục duy trì và mở rộng.");

    private static final List<String> TASK_RESULTS = List.of(
            "Đã xây dựng kế hoạch triển khai và phân công cán bộ phụ trách; đang tổ chức thực hiện theo tiến độ.",
            "Đã tổ chức hội nghị triển khai, quán triệt đến các bộ phận và các ấp.",
            "Đã rà soát hiện trạng, tổng hợp nhu cầu và báo cáo UBND xã.",
            "Đã phối hợp doanh nghiệp viễn thông khảo sát, lắp đặt thiết bị tại các điểm được chọn.",
            "Đã tổ chức 02 lớp tập huấn cho cán bộ, công chức và thành viên Tổ công nghệ số cộng đồng.",
            "Đang hoàn thiện dự thảo, lấy ý kiến các đơn vị liên quan trước khi trình ban hành.");

    private static final List<String> DIFFICULTIES = List.of(
            "Một bộ phận người dân cao tuổi chưa sử dụng thành thạo điện thoại thông minh.",
            "Đường truyền tại một số ấp chưa ổn định, ảnh hưởng đến việc nộp hồ sơ trực tuyến.",
            "Thiếu cán bộ chuyên trách công nghệ thông tin; cán bộ kiêm nhiệm nhiều việc.",
            "Kinh phí thực hiện chưa được bố trí kịp thời.");

    private static final List<String> PROPOSALS = List.of(
            "Đề nghị Sở Khoa học và Công nghệ tổ chức tập huấn bổ sung về khai thác dữ liệu.",
            "Đề nghị UBND xã bố trí kinh phí mua sắm thiết bị cho bộ phận một cửa.",
            "Đề nghị doanh nghiệp viễn thông tăng cường hạ tầng tại các ấp vùng sâu.");

    private static final List<String> RETURN_COMMENTS = List.of(
            "Đề nghị bổ sung tài liệu kiểm chứng cho số liệu đã báo cáo.",
            "Số liệu chưa khớp với báo cáo tháng trước; đề nghị rà soát lại và ghi rõ nguồn số liệu.",
            "Đề nghị ghi rõ thời điểm chốt số liệu và cách tính tỷ lệ.",
            "Kết quả thực hiện còn chung chung; đề nghị nêu cụ thể số lượng đã thực hiện trong kỳ.");

    private static final List<String> RETURN_COMMENTS_TASK = List.of(
            "Đề nghị nêu rõ sản phẩm đã hoàn thành và thời gian dự kiến hoàn thành nhiệm vụ.",
            "Kết quả thực hiện còn chung chung; đề nghị nêu cụ thể việc đã làm trong kỳ.");

    private static final List<String> ACCEPT_COMMENTS = List.of("Số liệu đầy đủ, đúng tiến độ.", "Đạt yêu cầu.",
            "Đề nghị tiếp tục duy trì kết quả trong các kỳ tiếp theo.");
}
