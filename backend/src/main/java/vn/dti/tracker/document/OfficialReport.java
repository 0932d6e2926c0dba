package vn.dti.tracker.document;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import vn.dti.tracker.indicator.TargetDto;
import vn.dti.tracker.indicator.TargetKind;
import vn.dti.tracker.orgunit.OrgUnitKind;
import vn.dti.tracker.plan.PlanDtos.PlanView;
import vn.dti.tracker.reporting.IndicatorStatus;
import vn.dti.tracker.reporting.ReportValue;
import vn.dti.tracker.reporting.ReportingDtos.ConsolidatedReport;
import vn.dti.tracker.reporting.ReportingDtos.IndicatorResult;
import vn.dti.tracker.reporting.ReportingDtos.LateUnit;
import vn.dti.tracker.reporting.ReportingDtos.PeriodView;
import vn.dti.tracker.reporting.ReportingDtos.ProvinceOverview;
import vn.dti.tracker.reporting.ReportingDtos.Rollup;
import vn.dti.tracker.reporting.ReportingDtos.SubordinatePlan;
import vn.dti.tracker.reporting.ReportingDtos.TaskResult;
import vn.dti.tracker.task.TaskEnums.Progress;

/**
 * A consolidated report laid out as a Vietnamese administrative document (Nghị định 30/2020/NĐ-CP): the issuing
 * body and the national motto side by side, the number and the place-date line, the title, the body with the
 * indicator table, then the recipients beside the signer's block. The DOCX and the PDF are two renderings of this one
 * layout; the workbook is the table alone.
 */
record OfficialReport(String issuingBody, String number, String placeAndDate, String title, String subtitle,
        List<Section> sections, List<String> recipients, String signerTitle, String signerName, String fileStem) {

    static final String MOTTO_COUNTRY = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
    static final String MOTTO = "Độc lập - Tự do - Hạnh phúc";

    /** A heading, its paragraphs and at most one table. */
    record Section(String heading, List<String> paragraphs, Table table) {
    }

    /** A table with its column widths (shares of the text width) and the name of its sheet in the workbook. */
    record Table(String sheet, List<String> headers, int[] widths, List<TableRow> rows) {
    }

    /** A row of a table; a group row is one bold cell across the table. */
    record TableRow(List<String> cells, boolean group) {
    }

    static final Map<IndicatorStatus, String> STATUS = new EnumMap<>(Map.of(
            IndicatorStatus.MET, "Đạt", IndicatorStatus.ON_TRACK, "Đúng tiến độ", IndicatorStatus.AT_RISK, "Có nguy cơ chậm",
            IndicatorStatus.OFF_TRACK, "Chậm tiến độ", IndicatorStatus.NOT_MET, "Không đạt", IndicatorStatus.NOT_REPORTED, "Chưa báo cáo",
            IndicatorStatus.NO_TARGET, "Không có chỉ tiêu năm"));

    static final Map<Progress, String> PROGRESS = new EnumMap<>(Map.of(Progress.NOT_STARTED, "Chưa triển khai",
            Progress.IN_PROGRESS, "Đang thực hiện", Progress.COMPLETED, "Hoàn thành", Progress.SUSPENDED, "Tạm dừng"));

    static final List<String> INDICATOR_HEADERS = List.of("STT", "Nội dung chỉ tiêu", "Đơn vị tính", "Chỉ tiêu năm", "Kết quả thực hiện",
            "Tình trạng", "Đơn vị chủ trì");

    static final List<String> ROLLUP_HEADERS = List.of("STT", "Chỉ tiêu", "Chỉ tiêu năm", "Kết quả tổng hợp", "Số đơn vị đã báo cáo",
            "Tình trạng");

    static final List<String> SUBORDINATE_HEADERS = List.of("STT", "Đơn vị", "Hạn gửi", "Ngày gửi báo cáo", "Ghi chú",
            "Đạt, đúng tiến độ", "Chậm, có nguy cơ, không đạt", "Chưa báo cáo");

    /**
     * Everything the report says, from the same consolidated report the API serves; for a plan that others carry out
     * (a province's), also from the province's view of the period: its indicators summed from theirs, and who sent
     * their report.
     *
     * @param overview the province's view of the period, or null for a plan nobody carries out
     */
    static OfficialReport of(ConsolidatedReport report, PlanView plan, Map<String, String> groupNames, OrgUnitKind issuerKind,
            LocalDate today, java.time.ZoneId zone, ProvinceOverview overview) {
        PeriodView period = report.period();
        String periodLabel = periodLabel(period);
        String issuer = plan.issuingUnit().name();
        String body = body(issuer, issuerKind);
        String place = plan.issuePlace() != null ? plan.issuePlace() : placeOf(issuer);
        List<Section> sections = new ArrayList<>();

        String basis = plan.documentNumber() != null
                ? "Kế hoạch số " + plan.documentNumber() + (plan.issueDate() == null ? "" : " ngày " + date(plan.issueDate()))
                        + " của " + shortBody(issuer, issuerKind)
                : plan.title();
        List<String> intro = List.of("Thực hiện " + basis + ", " + shortBody(issuer, issuerKind) + " báo cáo kết quả thực hiện "
                + periodLabel + " như sau:");
        sections.add(new Section(null, intro, null));

        Map<IndicatorStatus, Integer> counts = report.statusCounts();
        List<String> summary = new ArrayList<>();
        summary.add("Kế hoạch có " + report.indicators().size() + " chỉ tiêu. Đến hết kỳ báo cáo: " + countsText(counts) + ".");
        List<TableRow> rows = new ArrayList<>();
        String group = null;
        int stt = 0;
        for (IndicatorResult r : report.indicators()) {
            if (!r.groupCode().equals(group)) {
                group = r.groupCode();
                stt = 0;
                rows.add(new TableRow(List.of(group + ". " + groupNames.getOrDefault(group, "")), true));
            }
            stt++;
            rows.add(new TableRow(List.of(String.valueOf(stt), r.indicator().content(), nz(r.unitOfMeasure()),
                    r.target() == null ? "" : r.target().wording(), achieved(r), STATUS.get(r.status()), r.leadUnit().name()), false));
        }
        sections.add(new Section("I. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU", summary,
                new Table("Báo cáo", INDICATOR_HEADERS, new int[] {6, 36, 9, 11, 14, 11, 17}, rows)));

        if (!report.tasks().isEmpty()) {
            List<TableRow> taskRows = new ArrayList<>();
            int n = 0;
            for (TaskResult t : report.tasks()) {
                n++;
                taskRows.add(new TableRow(List.of(String.valueOf(n), t.task().content(),
                        String.join("; ", t.leadUnits().stream().map(u -> u.name()).toList()),
                        PROGRESS.get(t.reportedProgress() != null ? t.reportedProgress() : t.planProgress())), false));
            }
            sections.add(new Section("II. TIẾN ĐỘ THỰC HIỆN NHIỆM VỤ", List.of("Kế hoạch có " + report.tasks().size() + " nhiệm vụ."),
                    new Table("Nhiệm vụ", List.of("STT", "Nhiệm vụ", "Cơ quan chủ trì", "Tiến độ"), new int[] {6, 60, 20, 14}, taskRows)));
        }

        if (overview != null && !overview.rollups().isEmpty()) {
            sections.add(rollups(overview.rollups(), roman(sections.size())));
        }
        if (overview != null && !overview.plans().isEmpty()) {
            sections.add(subordinates(overview.plans(), roman(sections.size()), zone));
        }

        var t = report.timeliness();
        List<String> timeliness = new ArrayList<>();
        timeliness.add("Số báo cáo các đơn vị chủ trì phải gửi trong kỳ: " + t.expected() + "; đã gửi: " + t.submitted() + " (đúng hạn "
                + t.onTime() + ", trễ hạn " + t.late() + "); chưa gửi: " + t.missing() + ".");
        for (LateUnit u : t.lateUnits()) {
            timeliness.add("- " + u.unit().name() + ": " + (u.missing() > 0 ? "chưa gửi " + u.missing() + " báo cáo" : "")
                    + (u.missing() > 0 && u.submittedLate() > 0 ? ", " : "") + (u.submittedLate() > 0 ? "gửi trễ " + u.submittedLate() + " báo cáo" : "")
                    + " (chậm " + u.daysLate() + " ngày).");
        }
        sections.add(new Section(roman(sections.size()) + ". TÌNH HÌNH BÁO CÁO CỦA CÁC ĐƠN VỊ", timeliness, null));

        List<String> issues = new ArrayList<>();
        for (IndicatorResult r : report.indicators()) {
            if (r.difficulties() != null && !r.difficulties().isBlank()) {
                issues.add("- Khó khăn (" + r.indicator().code() + ", " + r.leadUnit().name() + "): " + r.difficulties().strip());
            }
        }
        for (IndicatorResult r : report.indicators()) {
            if (r.proposals() != null && !r.proposals().isBlank()) {
                issues.add("- Kiến nghị (" + r.indicator().code() + ", " + r.leadUnit().name() + "): " + r.proposals().strip());
            }
        }
        if (issues.isEmpty()) {
            issues.add("Trong kỳ, các đơn vị không báo cáo khó khăn, vướng mắc hay kiến nghị.");
        }
        sections.add(new Section(roman(sections.size()) + ". KHÓ KHĂN, VƯỚNG MẮC VÀ KIẾN NGHỊ", issues, null));

        List<String> recipients = new ArrayList<>();
        var regime = plan.reportingRegime();
        if (regime.recipientUnit() != null) {
            recipients.add(regime.recipientUnit().name() + " (b/c);");
        }
        recipients.add("Lưu: VT.");
        return new OfficialReport(body, "Số:        /BC-" + abbreviation(issuerKind),
                place + ", ngày " + today.getDayOfMonth() + " tháng " + today.getMonthValue() + " năm " + today.getYear(), "BÁO CÁO",
                "Kết quả thực hiện " + plan.title().strip() + ", " + periodLabel,
                sections, recipients, plan.signerTitle() == null ? "CHỦ TỊCH" : plan.signerTitle(),
                plan.signerName() == null ? "" : plan.signerName(), "Báo cáo " + report.plan().code() + " " + periodLabel);
    }

    /** The province's indicators as its communes' results add up: "1.450/2.000 (72,5%)", "12 đạt", "Không cộng gộp được". */
    private static Section rollups(List<Rollup> rollups, String number) {
        List<TableRow> rows = new ArrayList<>();
        int n = 0;
        for (Rollup r : rollups) {
            n++;
            rows.add(new TableRow(List.of(String.valueOf(n), r.indicator().content(), r.target() == null ? "" : r.target().wording(),
                    rollupValue(r), r.reported() + "/" + r.feeding(), STATUS.get(r.status())), false));
        }
        return new Section(number + ". KẾT QUẢ TỔNG HỢP TỪ CÁC ĐƠN VỊ THỰC HIỆN", List.of("Các chỉ tiêu của kế hoạch được tổng hợp từ số liệu"
                + " đã duyệt của các xã, phường (tỷ lệ được tính từ tổng tử số và tổng mẫu số, không lấy trung bình các tỷ lệ)."),
                new Table("Tổng hợp", ROLLUP_HEADERS, new int[] {6, 38, 12, 18, 12, 14}, rows));
    }

    static String rollupValue(Rollup r) {
        TargetKind kind = r.target() == null ? null : r.target().kind();
        return switch (r.method()) {
            case "SUM_FRACTIONS" -> r.numerator() == null || r.value() == null ? ""
                    : number(r.numerator()) + "/" + number(r.denominator()) + " (" + number(r.value()) + (kind == TargetKind.PERCENT ? "%" : "") + ")";
            case "SUM" -> r.value() == null ? "" : number(r.value());
            case "COUNT_MET" -> r.reported() == 0 ? "" : r.met() + " đạt";
            default -> "Không cộng gộp được (xem từng đơn vị)";
        };
    }

    /** Each plan carrying this one out: when its report came, against its deadline, and its indicators' statuses. */
    private static Section subordinates(List<SubordinatePlan> plans, String number, java.time.ZoneId zone) {
        List<TableRow> rows = new ArrayList<>();
        int sent = 0;
        int sentLate = 0;
        int n = 0;
        for (SubordinatePlan p : plans) {
            n++;
            boolean hasSent = p.sentUpAt() != null;
            sent += hasSent ? 1 : 0;
            sentLate += hasSent && p.late() ? 1 : 0;
            String note = hasSent ? (p.late() ? "Gửi trễ hạn" : "Đúng hạn")
                    : p.late() ? "Chưa gửi, đã quá hạn" : p.consolidationDeadline() == null ? "Không có kỳ báo cáo này" : "Chưa đến hạn";
            Map<IndicatorStatus, Integer> c = p.statusCounts();
            int good = c.getOrDefault(IndicatorStatus.MET, 0) + c.getOrDefault(IndicatorStatus.ON_TRACK, 0);
            int bad = c.getOrDefault(IndicatorStatus.AT_RISK, 0) + c.getOrDefault(IndicatorStatus.OFF_TRACK, 0)
                    + c.getOrDefault(IndicatorStatus.NOT_MET, 0);
            rows.add(new TableRow(List.of(String.valueOf(n), p.issuingUnit().name(),
                    p.consolidationDeadline() == null ? "" : date(p.consolidationDeadline()),
                    hasSent ? date(p.sentUpAt().atZoneSameInstant(zone).toLocalDate()) : "", note,
                    String.valueOf(good), String.valueOf(bad), String.valueOf(c.getOrDefault(IndicatorStatus.NOT_REPORTED, 0))), false));
        }
        String summary = "Có " + plans.size() + " đơn vị thực hiện kế hoạch; đã gửi báo cáo: " + sent + " (đúng hạn " + (sent - sentLate)
                + ", trễ hạn " + sentLate + "); chưa gửi: " + (plans.size() - sent) + ".";
        return new Section(number + ". TÌNH HÌNH GỬI BÁO CÁO CỦA CÁC XÃ, PHƯỜNG", List.of(summary),
                new Table("Xã, phường", SUBORDINATE_HEADERS, new int[] {6, 20, 14, 14, 14, 10, 12, 10}, rows));
    }

    /** "ỦY BAN NHÂN DÂN\nXÃ XUÂN LỘC" for a commune, ward or province; the unit's name otherwise. */
    static String body(String unitName, OrgUnitKind kind) {
        return switch (kind) {
            case COMMUNE, WARD, PROVINCE -> "ỦY BAN NHÂN DÂN\n" + unitName.toUpperCase(new Locale("vi"));
            default -> unitName.toUpperCase(new Locale("vi"));
        };
    }

    /** "UBND xã Xuân Lộc". */
    private static String shortBody(String unitName, OrgUnitKind kind) {
        return switch (kind) {
            case COMMUNE, WARD, PROVINCE -> "UBND " + lowerFirst(unitName);
            default -> unitName;
        };
    }

    private static String abbreviation(OrgUnitKind kind) {
        return switch (kind) {
            case COMMUNE, WARD, PROVINCE -> "UBND";
            default -> "";
        };
    }

    /** "Xã Xuân Lộc" → "Xuân Lộc". */
    static String placeOf(String unitName) {
        return unitName.replaceFirst("^(?i)(xã|phường|thị trấn|tỉnh|thành phố|huyện|quận)\\s+", "").strip();
    }

    static String periodLabel(PeriodView p) {
        return switch (p.kind()) {
            case MONTH -> "tháng " + p.seq() + " năm " + p.year();
            case QUARTER -> "quý " + roman(p.seq()) + " năm " + p.year();
            case HALF_YEAR -> (p.seq() == 1 ? "6 tháng đầu năm " : "6 tháng cuối năm ") + p.year();
            case YEAR -> "năm " + p.year();
        };
    }

    private static String countsText(Map<IndicatorStatus, Integer> counts) {
        List<String> parts = new ArrayList<>();
        for (IndicatorStatus s : IndicatorStatus.values()) {
            int n = counts.getOrDefault(s, 0);
            if (n > 0) {
                parts.add(STATUS.get(s).toLowerCase(new Locale("vi")) + " " + n);
            }
        }
        return parts.isEmpty() ? "chưa có chỉ tiêu" : String.join(", ", parts);
    }

    /** The achieved value as officials write it: "72,5%", "1.450/2.000 (72,5%)", "Đạt", "3/34". */
    static String achieved(IndicatorResult r) {
        ReportValue v = r.value();
        TargetDto target = r.target();
        if (v == null) {
            return "";
        }
        TargetKind kind = target == null ? null : target.kind();
        if (kind == TargetKind.PASS_FAIL || kind == TargetKind.MILESTONE || v.met() != null && kind == null) {
            String met = v.met() == null ? "" : v.met() ? "Đạt" : "Không đạt";
            return v.text() == null || v.text().isBlank() ? met : (met.isEmpty() ? "" : met + ": ") + v.text().strip();
        }
        if (kind == TargetKind.RANK || kind == TargetKind.LEADING_GROUP) {
            return v.rank() == null ? nz(v.text()) : v.rank() + (v.rankOutOf() == null ? "" : "/" + v.rankOutOf());
        }
        BigDecimal value = r.achieved() != null ? r.achieved() : v.number();
        String shown = value == null ? nz(v.text()) : number(value) + (kind == TargetKind.PERCENT ? "%"
                : kind == TargetKind.RATIO && target.per() != null ? "/" + number(target.per()) + (target.basis() == null ? "" : " " + target.basis())
                : "");
        if (v.numerator() != null && v.denominator() != null) {
            return number(v.numerator()) + "/" + number(v.denominator()) + (shown.isEmpty() ? "" : " (" + shown + ")");
        }
        return shown;
    }

    /** 1450.5 → "1.450,5". */
    static String number(BigDecimal n) {
        DecimalFormatSymbols symbols = new DecimalFormatSymbols(Locale.ROOT);
        symbols.setGroupingSeparator('.');
        symbols.setDecimalSeparator(',');
        DecimalFormat format = new DecimalFormat("#,##0.####", symbols);
        return format.format(n);
    }

    static String date(LocalDate d) {
        return d.getDayOfMonth() + "/" + d.getMonthValue() + "/" + d.getYear();
    }

    static String roman(int n) {
        String[] r = {"", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"};
        return n >= 0 && n < r.length ? r[n] : String.valueOf(n);
    }

    private static String lowerFirst(String s) {
        return s == null || s.isEmpty() ? "" : s.substring(0, 1).toLowerCase(new Locale("vi")) + s.substring(1);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
