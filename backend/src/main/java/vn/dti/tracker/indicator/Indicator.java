package vn.dti.tracker.indicator;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderBy;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import vn.dti.tracker.common.TextSearch;
import vn.dti.tracker.orgunit.OrgUnit;
import vn.dti.tracker.plan.Plan;
import vn.dti.tracker.plan.PlanGroup;
import vn.dti.tracker.common.VersionedEntity;

/** Chỉ tiêu: one row of a plan's appendix, with its targets by year and its units. */
@Entity
@Table(name = "indicator")
public class Indicator extends VersionedEntity {

    @Id
    public UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "plan_id")
    public Plan plan;

    @Column(nullable = false)
    public String code;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "group_id")
    public PlanGroup group;

    /** STT inside the group. */
    @Column(nullable = false)
    public int position;

    @Column(nullable = false)
    public String content;

    @Column(name = "unit_of_measure")
    public String unitOfMeasure;

    @ElementCollection
    @CollectionTable(name = "indicator_target", joinColumns = @JoinColumn(name = "indicator_id"))
    @OrderBy("year")
    public List<Target> targets = new ArrayList<>();

    /** Hiện trạng: the value the plan starts from, in the same shape as a target. */
    @JdbcTypeCode(SqlTypes.JSON)
    public TargetDto baseline;

    /** Đơn vị chủ trì: the one unit accountable. */
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "lead_unit_id")
    public OrgUnit leadUnit;

    /** Đơn vị phối hợp. */
    @ManyToMany(fetch = FetchType.LAZY)
    @JoinTable(name = "indicator_cooperating_unit", joinColumns = @JoinColumn(name = "indicator_id"),
            inverseJoinColumns = @JoinColumn(name = "unit_id"))
    @OrderColumn(name = "position")
    public List<OrgUnit> cooperatingUnits = new ArrayList<>();

    @Column(name = "lead_wording")
    public String leadWording;

    @Column(name = "cooperating_wording")
    public String cooperatingWording;

    public String note;

    @Column(name = "captured_as_fraction", nullable = false)
    public boolean capturedAsFraction;

    /** Reports on it must carry evidence, or explain in writing why there is none. */
    @jakarta.persistence.Column(name = "evidence_required")
    public boolean evidenceRequired;

    @Column(name = "numerator_label")
    public String numeratorLabel;

    @Column(name = "denominator_label")
    public String denominatorLabel;

    /** The indicator of the parent plan this one feeds. */
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "contributes_to_id")
    public Indicator contributesTo;

    @Column(name = "search_text", nullable = false)
    public String searchText;

    @Override
    protected void beforeWrite() {
        searchText = TextSearch.foldAll(code, content, note);
    }
}
