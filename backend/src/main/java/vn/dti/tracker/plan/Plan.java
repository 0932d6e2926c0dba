package vn.dti.tracker.plan;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import vn.dti.tracker.common.TextSearch;
import vn.dti.tracker.orgunit.OrgUnit;
import vn.dti.tracker.common.VersionedEntity;

/** Kế hoạch: a plan as issued, with its reporting regime. */
@Entity
@Table(name = "plan")
public class Plan extends VersionedEntity {

    @Id
    public UUID id;

    @Column(nullable = false, unique = true)
    public String code;

    /** Số hiệu, e.g. 154/KH-UBND; blank while a draft has no number. */
    @Column(name = "document_number")
    public String documentNumber;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "issuing_unit_id")
    public OrgUnit issuingUnit;

    @Column(name = "issue_date")
    public LocalDate issueDate;

    /** Ngày hiệu lực, when the plan states one; otherwise the plan takes effect on its issue date. */
    @Column(name = "effective_date")
    public LocalDate effectiveDate;

    @Column(name = "issue_place")
    public String issuePlace;

    @Column(nullable = false)
    public String title;

    @Column(name = "start_year", nullable = false)
    public int startYear;

    @Column(name = "end_year", nullable = false)
    public int endYear;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public PlanStatus status;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "parent_plan_id")
    public Plan parentPlan;

    @ElementCollection
    @CollectionTable(name = "plan_legal_basis", joinColumns = @JoinColumn(name = "plan_id"))
    @OrderColumn(name = "position")
    public List<LegalBasis> legalBases = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<PlanSection> sections = new ArrayList<>();

    @Column(name = "signer_name")
    public String signerName;

    @Column(name = "signer_title")
    public String signerTitle;

    /** Nơi nhận, one line each. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<String> recipients = new ArrayList<>();

    @Enumerated(EnumType.STRING)
    @Column(name = "report_frequency", nullable = false)
    public ReportFrequency reportFrequency;

    /** Day of the month by which units report to the coordinator. */
    @Column(name = "unit_report_day", nullable = false)
    public short unitReportDay;

    /** Day of the month by which the coordinator sends the consolidated report up. */
    @Column(name = "consolidation_day")
    public Short consolidationDay;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "coordinator_unit_id")
    public OrgUnit coordinatorUnit;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "recipient_unit_id")
    public OrgUnit recipientUnit;

    /** Whether a deadline on a weekend or holiday moves to the previous working day. */
    @Enumerated(EnumType.STRING)
    @Column(name = "deadline_shift", nullable = false)
    public DeadlineShift deadlineShift = DeadlineShift.NONE;

    @Column(name = "regime_wording")
    public String regimeWording;

    @Column(name = "search_text", nullable = false)
    public String searchText;

    /** The day the plan takes effect (see ReportingRules). */
    public LocalDate effectiveFrom() {
        return effectiveFrom(issueDate, effectiveDate);
    }

    /** The day a plan takes effect: the effective date it states, else its issue date; null for a draft without either. */
    public static LocalDate effectiveFrom(LocalDate issueDate, LocalDate effectiveDate) {
        return effectiveDate != null ? effectiveDate : issueDate;
    }

    public boolean covers(int year) {
        return year >= startYear && year <= endYear;
    }

    @Override
    protected void beforeWrite() {
        searchText = TextSearch.foldAll(code, documentNumber, title);
    }
}
