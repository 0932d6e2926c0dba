package vn.dti.tracker.reporting;

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

    /** Months of the year up to the end of this period (1..12). */
    public int monthsElapsed() {
        return endsOn.getMonthValue();
    }
}
