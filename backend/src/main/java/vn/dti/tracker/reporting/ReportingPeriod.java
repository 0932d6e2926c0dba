package vn.dti.tracker.reporting;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
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

import vn.dti.tracker.common.VersionedEntity;
import vn.dti.tracker.plan.Plan;

/** Kỳ báo cáo of a plan, derived from its reporting regime; closed once the consolidated report is sent up. */
@Entity
@Table(name = "reporting_period")
public class ReportingPeriod extends VersionedEntity {

    @Id
    public UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "plan_id")
    public Plan plan;

    @Column(name = "period_key", nullable = false)
    public String key;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public PeriodKind kind;

    @Column(nullable = false)
    public int year;

    @Column(nullable = false)
    public int seq;

    @Column(name = "starts_on", nullable = false)
    public LocalDate startsOn;

    @Column(name = "ends_on", nullable = false)
    public LocalDate endsOn;

    @Column(name = "unit_deadline", nullable = false)
    public LocalDate unitDeadline;

    @Column(name = "consolidation_deadline", nullable = false)
    public LocalDate consolidationDeadline;

    @Column(name = "sent_up_at")
    public OffsetDateTime sentUpAt;

    @Column(name = "sent_up_by")
    public UUID sentUpBy;

    @Column(name = "sent_up_by_name")
    public String sentUpByName;

    @Column(name = "sent_up_note")
    public String sentUpNote;

    /** Closed: the consolidated report is sent up; accepted reports of the period are locked. */
    public boolean closed() {
        return sentUpAt != null;
    }

    /** The period as people name it: "tháng 3/2026", "quý I/2026", "6 tháng đầu năm 2026", "năm 2026". */
    public String label() {
        return switch (kind) {
            case MONTH -> "tháng " + seq + "/" + year;
            case QUARTER -> "quý " + List.of("I", "II", "III", "IV").get(seq - 1) + "/" + year;
            case HALF_YEAR -> (seq == 1 ? "6 tháng đầu năm " : "6 tháng cuối năm ") + year;
            case YEAR -> "năm " + year;
        };
    }

    /** A period key ({@code 2026-03}, {@code 2026-Q1}, {@code 2026-H2}, {@code 2026}) as people name it; anything else as it is. */
    public static String label(String key) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d{4})(?:-(\\d{2})|-Q([1-4])|-H([12]))?").matcher(key == null ? "" : key.trim());
        if (!m.matches()) {
            return key;
        }
        int year = Integer.parseInt(m.group(1));
        if (m.group(2) != null) {
            int month = Integer.parseInt(m.group(2));
            return month >= 1 && month <= 12 ? "tháng " + month + "/" + year : key;
        }
        if (m.group(3) != null) {
            return "quý " + List.of("I", "II", "III", "IV").get(Integer.parseInt(m.group(3)) - 1) + "/" + year;
        }
        if (m.group(4) != null) {
            return (m.group(4).equals("1") ? "6 tháng đầu năm " : "6 tháng cuối năm ") + year;
        }
        return "năm " + year;
    }

    /** Months of the year up to the end of this period (1..12). */
    public int monthsElapsed() {
        return endsOn.getMonthValue();
    }
}
