package vn.dti.tracker.export;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;

import vn.dti.tracker.auth.AccessPolicy;
import vn.dti.tracker.common.DomainException;
import vn.dti.tracker.common.FieldError;
import vn.dti.tracker.orgunit.OrgUnit;
import vn.dti.tracker.orgunit.OrgUnitService;
import vn.dti.tracker.plan.Plan;
import vn.dti.tracker.plan.PlanService;

/**
 * The results of a scope (a unit's subtree: the province, a commune, one office) for a range of months,
 * one row per report, as CSV or NDJSON. Rows are read with a server-side cursor and written as they
 * come, so memory stays flat and the first bytes leave before the query has finished.
 */
@ApplicationScoped
public class ResultExport {

    /** Columns, in order: the CSV header and the NDJSON field names. */
    static final List<String> COLUMNS = List.of("reportId", "planCode", "periodKey", "periodStart", "periodEnd", "itemKind", "itemCode",
            "unitCode", "unitName", "role", "state", "valueNumber", "numerator", "denominator", "met", "rank", "rankOutOf", "valueText",
            "progress", "achievements", "firstSubmittedAt", "submittedAt", "reviewedAt", "evidenceCount", "updatedAt");

    private static final int MAX_MONTHS = 120;

    /** A validated request: the SQL and its parameters are fixed before any byte is written. */
    public record Query(String sql, List<Object> params) {
    }

    private final DataSource db;
    private final AccessPolicy access;
    private final OrgUnitService units;
    private final PlanService plans;
    private final ObjectMapper json;

    public ResultExport(DataSource db, AccessPolicy access, OrgUnitService units, PlanService plans, ObjectMapper json) {
        this.db = db;
        this.access = access;
        this.units = units;
        this.plans = plans;
        this.json = json;
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
        StringBuilder sql = new StringBuilder("""
                select r.id, pl.code, p.period_key, p.starts_on, p.ends_on, case when r.indicator_id is not null then 'INDICATOR' else 'TASK' end,
                       coalesce(i.code, t.code), u.code, u.name, r.role, r.state, r.value_number, r.numerator, r.denominator, r.met, r.rank,
                       r.rank_out_of, r.milestone_text, r.progress, r.achievements, r.first_submitted_at, r.submitted_at, r.reviewed_at,
                       (select count(*) from report_evidence re where re.report_id = r.id), r.updated_at
                  from report r join reporting_period p on p.id = r.period_id join plan pl on pl.id = r.plan_id
                  join org_unit u on u.id = r.unit_id left join indicator i on i.id = r.indicator_id left join task t on t.id = r.task_id
                 where p.starts_on >= ? and p.ends_on <= ?""");
        List<Object> params = new ArrayList<>(List.of(start.atDay(1), end.atEndOfMonth()));
        if (unit != null) {
            sql.append(" and u.path like ?");
            params.add(unit.path + "%");
        }
        if (plan != null) {
            sql.append(" and r.plan_id = ?");
            params.add(plan.id);
        }
        access.readPathPatterns().ifPresent(patterns -> {
            sql.append(" and u.path like any (?)");
            params.add(patterns);
        });
        sql.append(" order by p.starts_on, pl.code, u.code, coalesce(i.code, t.code), r.id");
        return new Query(sql.toString(), params);
    }

    public void write(Query query, String format, OutputStream out) {
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            c.setReadOnly(true);
            try (PreparedStatement st = c.prepareStatement(query.sql())) {
                st.setFetchSize(2000);
                for (int i = 0; i < query.params().size(); i++) {
                    st.setObject(i + 1, query.params().get(i));
                }
                try (ResultSet rs = st.executeQuery()) {
                    if ("ndjson".equals(format)) {
                        ndjson(rs, out);
                    } else {
                        csv(rs, out);
                    }
                }
            }
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("export failed", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void csv(ResultSet rs, OutputStream out) throws SQLException, IOException {
        Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
        // A byte-order mark, so that Excel opens the file as UTF-8 and Vietnamese stays readable.
        w.write('\uFEFF');
        w.write(String.join(",", COLUMNS));
        w.write("\r\n");
        int n = COLUMNS.size();
        while (rs.next()) {
            for (int i = 0; i < n; i++) {
                if (i > 0) {
                    w.write(',');
                }
                w.write(cell(value(rs, i + 1)));
            }
            w.write("\r\n");
        }
        w.flush();
    }

    private void ndjson(ResultSet rs, OutputStream out) throws SQLException, IOException {
        JsonGenerator g = json.getFactory().createGenerator(out);
        g.setRootValueSeparator(null);
        int n = COLUMNS.size();
        while (rs.next()) {
            g.writeStartObject();
            for (int i = 0; i < n; i++) {
                Object v = value(rs, i + 1);
                g.writeFieldName(COLUMNS.get(i));
                if (v instanceof BigDecimal d) {
                    g.writeNumber(d);
                } else if (v instanceof Number num) {
                    g.writeNumber(num.longValue());
                } else if (v instanceof Boolean b) {
                    g.writeBoolean(b);
                } else if (v == null) {
                    g.writeNull();
                } else {
                    g.writeString(v.toString());
                }
            }
            g.writeEndObject();
            g.writeRaw('\n');
        }
        g.flush();
    }

    /** Values as the API writes them: numbers without trailing zeros, instants in UTC ISO-8601, dates ISO. */
    private static Object value(ResultSet rs, int column) throws SQLException {
        Object v = rs.getObject(column);
        if (v instanceof BigDecimal d) {
            BigDecimal s = d.stripTrailingZeros();
            return s.scale() < 0 ? s.setScale(0) : s;
        }
        if (v instanceof Timestamp ts) {
            return ts.toInstant().atOffset(ZoneOffset.UTC).toString();
        }
        if (v instanceof java.time.OffsetDateTime odt) {
            return odt.withOffsetSameInstant(ZoneOffset.UTC).toString();
        }
        if (v instanceof java.sql.Date d) {
            return d.toLocalDate().toString();
        }
        if (v instanceof LocalDate d) {
            return d.toString();
        }
        return v;
    }

    /** RFC 4180 quoting; text that a spreadsheet would run as a formula is prefixed with an apostrophe. */
    static String cell(Object v) {
        if (v == null) {
            return "";
        }
        String s = v.toString();
        if (v instanceof String && !s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0) {
            s = "'" + s;
        }
        if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
            return '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
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
