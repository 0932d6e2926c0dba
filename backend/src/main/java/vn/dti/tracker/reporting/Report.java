package vn.dti.tracker.reporting;

import java.math.BigDecimal;
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

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import vn.dti.tracker.common.Values;
import vn.dti.tracker.common.VersionedEntity;
import vn.dti.tracker.indicator.Indicator;
import vn.dti.tracker.orgunit.OrgUnit;
import vn.dti.tracker.plan.Plan;
import vn.dti.tracker.task.Task;
import vn.dti.tracker.task.TaskEnums;

/**
 * Báo cáo kết quả: one unit's result on one indicator or task for one period. The lead unit's report
 * is the one that counts; cooperating units' reports are their contributions.
 */
@Entity
@Table(name = "report")
public class Report extends VersionedEntity {

    /** Đơn vị chủ trì or phối hợp on the item. */
    @Schema(name = "ReportRole", description = "LEAD: the report that counts; COOPERATING: a contribution")
    public enum Role { LEAD, COOPERATING }

    @Id
    public UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "period_id")
    public ReportingPeriod period;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "plan_id")
    public Plan plan;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "indicator_id")
    public Indicator indicator;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "task_id")
    public Task task;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "unit_id")
    public OrgUnit unit;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Role role;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ReportState state;

    @Column(name = "value_number", precision = 20, scale = 6)
    public BigDecimal valueNumber;

    @Column(precision = 20, scale = 6)
    public BigDecimal numerator;

    @Column(precision = 20, scale = 6)
    public BigDecimal denominator;

    public Boolean met;

    public Integer rank;

    @Column(name = "rank_out_of")
    public Integer rankOutOf;

    @Column(name = "milestone_text")
    public String milestoneText;

    /** Tiến độ of a task, as the unit reports it. */
    @Enumerated(EnumType.STRING)
    public TaskEnums.Progress progress;

    /** Kết quả thực hiện: what was done. */
    public String achievements;

    /** Khó khăn, vướng mắc. */
    public String difficulties;

    /** Kiến nghị, đề xuất. */
    public String proposals;

    /** Why there is no evidence, where the indicator requires it. */
    @Column(name = "evidence_explanation")
    public String evidenceExplanation;

    @Column(name = "review_comment")
    public String reviewComment;

    /** The first submission decides whether the unit was on time; resubmissions do not. */
    @Column(name = "first_submitted_at")
    public OffsetDateTime firstSubmittedAt;

    @Column(name = "submitted_at")
    public OffsetDateTime submittedAt;

    @Column(name = "submitted_by_name")
    public String submittedByName;

    @Column(name = "reviewed_at")
    public OffsetDateTime reviewedAt;

    @Column(name = "reviewed_by_name")
    public String reviewedByName;

    @Column(name = "reopen_reason")
    public String reopenReason;

    public ReportValue value() {
        return new ReportValue(Values.strip(valueNumber), Values.strip(numerator), Values.strip(denominator), met, rank, rankOutOf,
                milestoneText);
    }
}
