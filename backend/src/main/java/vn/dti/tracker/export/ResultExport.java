package vn.dti.tracker.export;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import vn.dti.tracker.auth.AccessPolicy;
import vn.dti.tracker.common.DomainException;
import vn.dti.tracker.common.FieldError;
import vn.dti.tracker.orgunit.OrgUnit;
import vn.dti.tracker.orgunit.OrgUnitService;
import vn.dti.tracker.plan.Plan;
import vn.dti.tracker.plan.PlanService;
import vn.dti.tracker.reporting.ReportingClock;

/**
 * The results of a scope (a unit's subtree: the province, a commune, one office) for a range of months,
 * one row per report, as CSV or NDJSON. PostgreSQL formats the rows and streams them with COPY … TO STDOUT,
 * and the export passes them on as they come: memory stays flat, the database and the JVM work at the same
 * time instead of taking turns as they do over a cursor, and the first bytes leave as soon as the database
 * has ordered the rows.
 */
@ApplicationScoped
public class ResultExport {

    /** How a column's value is written; the same rules in CSV and NDJSON. CODE: ids, codes and states, as they are; TEXT: what people typed. */
    enum Kind {
        CODE, TEXT, NUMBER, INTEGER, BOOLEAN, DATE, INSTANT
    }

    /** A column: its name in the CSV header and in the NDJSON objects, and the SQL of its value. */
    record Column(String name, String sql, Kind kind) {

        /** The value as a CSV cell: as in NDJSON, and text that a spreadsheet would run as a formula prefixed with an apostrophe. */
        String csv() {
            return switch (kind) {
                case TEXT -> "case when left(" + sql + ", 1) in ('=', '+', '-', '@', chr(9), chr(13)) then '''' || " + sql + " else " + sql
                        + "::text end";
                case CODE, BOOLEAN -> sql + "::text";
                default -> json();
            };
        }

        /** The value as row_to_json takes it: numbers without trailing zeros, dates ISO, instants as the API writes them. */
        String json() {
            return switch (kind) {
                case NUMBER -> "trim_scale(" + sql + ")";
                case DATE -> "to_char(" + sql + ", 'YYYY-MM-DD')";
                // UTC, seconds always, a fraction only when there is one and without trailing zeros: 2026-03-19T02:12:00Z.
                case INSTANT -> "rtrim(rtrim(to_char(" + sql + " at time zone 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US'), '0'), '.') || 'Z'";
                default -> sql;
            };
        }
    }

    /** Columns, in order: the CSV header and the NDJSON field names. */
    static final List<Column> COLUMNS = List.of(new Column("reportId", "r.id", Kind.CODE), new Column("planCode", "pl.code", Kind.CODE),
            new Column("periodKey", "p.period_key", Kind.CODE), new Column("periodStart", "p.starts_on", Kind.DATE),
            new Column("periodEnd", "p.ends_on", Kind.DATE),
            new Column("itemKind", "case when r.indicator_id is not null then 'INDICATOR' else 'TASK' end", Kind.CODE),
            new Column("itemCode", "coalesce(i.code, t.code)", Kind.CODE), new Column("unitCode", "u.code", Kind.CODE),
            new Column("unitName", "u.name", Kind.TEXT), new Column("role", "r.role", Kind.CODE), new Column("state", "r.state", Kind.CODE),
            new Column("valueNumber", "r.value_number", Kind.NUMBER), new Column("numerator", "r.numerator", Kind.NUMBER),
            new Column("denominator", "r.denominator", Kind.NUMBER), new Column("met", "r.met", Kind.BOOLEAN),
            new Column("rank", "r.rank", Kind.INTEGER), new Column("rankOutOf", "r.rank_out_of", Kind.INTEGER),
            new Column("valueText", "r.milestone_text", Kind.TEXT), new Column("progress", "r.progress", Kind.CODE),
            new Column("achievements", "r.achievements", Kind.TEXT), new Column("firstSubmittedAt", "r.first_submitted_at", Kind.INSTANT),
            new Column("submittedAt", "r.submitted_at", Kind.INSTANT), new Column("reviewedAt", "r.reviewed_at", Kind.INSTANT),
            new Column("evidenceCount", "(select count(*) from report_evidence re where re.report_id = r.id)", Kind.INTEGER),
            new Column("updatedAt", "r.updated_at", Kind.INSTANT),
            // The reporting rules (ReportingRules, in their SQL form), as the report's answer carries them; {today} and {zone} are the
            // reporting clock's, written in by write().
            new Column("due", Rules.DUE, Kind.BOOLEAN),
            new Column("overdue", "reporting_overdue(" + Rules.DUE + ", r.role, p.unit_deadline, r.state, {today})", Kind.BOOLEAN),
            new Column("onTime", "case when reporting_stands_submitted(r.state) then not reporting_submitted_late(" + Rules.DUE
                    + ", r.state, r.submitted_at, p.unit_deadline, {zone}) end", Kind.BOOLEAN),
            new Column("daysLate", "reporting_days_late(" + Rules.DUE + ", r.role, p.unit_deadline, r.state, r.submitted_at, {today}, {zone})",
                    Kind.INTEGER));

    private static final class Rules {
        static final String DUE = "reporting_period_due(pl.status, pl.issue_date, pl.effective_date, p.ends_on)";
    }

    /** The columns' stored values, unformatted: what the benchmark's baseline, PostgreSQL's own COPY, reads (computed columns left out). */
    public static final String RAW_COLUMNS = COLUMNS.stream().map(Column::sql).filter(sql -> !sql.contains("reporting_"))
            .collect(Collectors.joining(", "));
    static final String CSV_COLUMNS = COLUMNS.stream().map(Column::csv).collect(Collectors.joining(", "));
    /** Each row's values named as the JSON fields, joined to the row, for row_to_json (compact, fields in order). */
    static final String JSON_ROW = COLUMNS.stream().map(c -> c.json() + " as \"" + c.name() + "\"")
            .collect(Collectors.joining(", ", " cross join lateral (select ", ") j"));
    static final String CSV_HEADER = COLUMNS.stream().map(Column::name).collect(Collectors.joining(",")) + "\r\n";

    private static final int MAX_MONTHS = 120;
    private static final Pattern PATH_PATTERN = Pattern.compile("[0-9a-f/-]*%?");

    /**
     * A validated request: which reports, fixed before any byte is written. COPY takes no bind parameters, so the parameters
     * are written into the SQL as literals; each is a date, a uuid or a unit path pattern (uuids and slashes), checked here.
     */
    public record Query(String where, List<Object> params) {

        private static final String FROM = """
                 from report r join reporting_period p on p.id = r.period_id join plan pl on pl.id = r.plan_id
                join org_unit u on u.id = r.unit_id left join indicator i on i.id = r.indicator_id left join task t on t.id = r.task_id""";
        private static final String ORDER = " order by p.starts_on, pl.code, u.code, coalesce(i.code, t.code), r.id";

        /** The SELECT of the given columns, its parameters written in. */
        public String sql(String columns) {
            return sql(columns, "");
        }

        String sql(String columns, String joined) {
            StringBuilder out = new StringBuilder("select ").append(columns).append(FROM).append(joined).append(" where ");
            int next = 0;
            for (char ch : where.toCharArray()) {
                out.append(ch == '?' ? literal(params.get(next++)) : String.valueOf(ch));
            }
            return out.append(ORDER).toString();
        }

        private static String literal(Object v) {
            if (v instanceof LocalDate d) {
                return "date '" + d + "'";
            }
            if (v instanceof UUID id) {
                return "uuid '" + id + "'";
            }
            if (v instanceof String[] patterns) {
                return Stream.of(patterns).map(Query::literal).collect(Collectors.joining(", ", "array[", "]::text[]"));
            }
            if (v instanceof String path && PATH_PATTERN.matcher(path).matches()) {
                return "'" + path + "'";
            }
            throw new IllegalArgumentException("not a parameter of the export: " + v);
        }
    }

    private final DataSource db;
    private final AccessPolicy access;
    private final OrgUnitService units;
    private final PlanService plans;

    private final ReportingClock clock;

    public ResultExport(DataSource db, AccessPolicy access, OrgUnitService units, PlanService plans, ReportingClock clock) {
        this.clock = clock;
        this.db = db;
        this.access = access;
        this.units = units;
        this.plans = plans;
    }

    /** Checks the request and the caller's scope; the rows are written later by {@link #write}. */
    @Transactional
    public Query prepare(UUID unitId, UUID planId, String from, String to) {
        List<FieldError> errors = new ArrayList<>();
        YearMonth start = month(from, "from", errors);
        YearMonth end = month(to, "to", errors);
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors.get(0).code(), errors.get(0).detail(), errors);
        }
        if (end.isBefore(start)) {
            throw DomainException.invalidField("to", "export.range-reversed", "Tháng kết thúc (" + end + ") trước tháng bắt đầu (" + start + ").");
        }
        Plan plan = planId == null ? null : plans.require(planId);
        if (plan != null && (start.getYear() < plan.startYear || end.getYear() > plan.endYear)) {
            throw DomainException.invalidField("from", "export.range-outside-plan", "Khoảng " + start + " – " + end
                    + " vượt ra ngoài thời gian của kế hoạch " + plan.code + " (" + plan.startYear + "–" + plan.endYear + ").");
        }
        if (start.plusMonths(MAX_MONTHS).isBefore(end.plusMonths(1))) {
            throw DomainException.invalidField("to", "export.range-too-long", "Mỗi lần xuất tối đa " + MAX_MONTHS + " tháng.");
        }
        OrgUnit unit = unitId == null ? null : units.requireVisible(unitId);
        return query(start.atDay(1), end.atEndOfMonth(), unit == null ? null : unit.path, plan == null ? null : plan.id, access.readPathPatterns());
    }

    /**
     * Which reports the export writes: those of periods within [from, to], of units under {@code subtree} (a unit path, or null for all), of
     * one plan (or null), limited to units matching one of {@code readPatterns} (absent for a caller who reads everything).
     * Public so that the benchmark can compare the export with PostgreSQL's own COPY of exactly these rows.
     */
    public static Query query(LocalDate from, LocalDate to, String subtree, UUID planId, Optional<String[]> readPatterns) {
        StringBuilder sql = new StringBuilder("p.starts_on >= ? and p.ends_on <= ?");
        List<Object> params = new ArrayList<>(List.of(from, to));
        if (subtree != null) {
            sql.append(" and u.path like ?");
            params.add(subtree + "%");
        }
        if (planId != null) {
            sql.append(" and r.plan_id = ?");
            params.add(planId);
        }
        readPatterns.ifPresent(patterns -> {
            sql.append(" and u.path like any (?)");
            params.add(patterns);
        });
        return new Query(sql.toString(), params);
    }

    public void write(Query query, String format, OutputStream out) {
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            c.setReadOnly(true);
            CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
            if ("ndjson".equals(format)) {
                // One JSON object a line. JSON text holds no raw control character, so in CSV mode with a quote and a delimiter
                // that cannot occur in it, COPY writes each object as it is: nothing quoted, nothing escaped.
                BufferedOutputStream lines = new BufferedOutputStream(out, 64 * 1024);
                copy.copyOut("copy (" + clocked(query.sql("row_to_json(j)", JSON_ROW)) + ") to stdout with (format csv, quote E'\\x01', delimiter E'\\x02')", lines);
                lines.flush();
            } else {
                // A byte-order mark, so that Excel opens the file as UTF-8 and Vietnamese stays readable.
                out.write(("\uFEFF" + CSV_HEADER).getBytes(StandardCharsets.UTF_8));
                CrLfRecords records = new CrLfRecords(out);
                copy.copyOut("copy (" + clocked(query.sql(CSV_COLUMNS)) + ") to stdout with (format csv)", records);
                records.flush();
            }
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("export failed", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The reporting clock's day and zone written into the lateness columns (COPY takes no bind parameters). */
    String clocked(String sql) {
        String zone = clock.zone().getId();
        if (!zone.matches("[A-Za-z0-9_/+-]+")) {
            throw new IllegalStateException("unexpected zone id " + zone);
        }
        return sql.replace("{today}", "date '" + clock.today() + "'").replace("{zone}", "'" + zone + "'");
    }

    /** Ends CSV records with CR LF (RFC 4180) where COPY ends them with LF; a line break inside a quoted cell stays as it is. */
    static final class CrLfRecords extends FilterOutputStream {

        private final byte[] buffer = new byte[64 * 1024];
        private int size;
        private boolean quoted;

        CrLfRecords(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            for (int i = offset; i < offset + length; i++) {
                if (size >= buffer.length - 1) {
                    drain();
                }
                byte b = bytes[i];
                if (b == '"') {
                    quoted = !quoted;
                } else if (b == '\n' && !quoted) {
                    buffer[size++] = '\r';
                }
                buffer[size++] = b;
            }
        }

        @Override
        public void flush() throws IOException {
            drain();
            out.flush();
        }

        private void drain() throws IOException {
            out.write(buffer, 0, size);
            size = 0;
        }
    }

    private static YearMonth month(String raw, String field, List<FieldError> errors) {
        if (raw == null || raw.isBlank()) {
            errors.add(new FieldError(field, "export.month-required", "Cần tháng dạng YYYY-MM (ví dụ 2026-03)."));
            return null;
        }
        try {
            return YearMonth.parse(raw.trim());
        } catch (java.time.format.DateTimeParseException e) {
            errors.add(new FieldError(field, "export.month-invalid", "Tháng '" + raw + "' không đúng dạng YYYY-MM."));
            return null;
        }
    }
}
