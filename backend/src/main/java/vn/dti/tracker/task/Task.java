package vn.dti.tracker.task;

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

import vn.dti.tracker.common.TextSearch;
import vn.dti.tracker.plan.Plan;
import vn.dti.tracker.plan.PlanGroup;
import vn.dti.tracker.common.VersionedEntity;

/** Nhiệm vụ: a task of a plan, with its units, expected product and timeframe. */
@Entity
@Table(name = "task")
public class Task extends VersionedEntity {

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

    @Column(nullable = false)
    public int position;

    @Column(nullable = false)
    public String description;

    /** Sản phẩm: what the task delivers. */
    public String product;

    @Enumerated(EnumType.STRING)
    @Column(name = "timeframe_kind", nullable = false)
    public TaskEnums.TimeframeKind timeframeKind;

    @Column(name = "timeframe_start_year")
    public Integer timeframeStartYear;

    @Column(name = "timeframe_end_year")
    public Integer timeframeEndYear;

    @Column(name = "timeframe_wording")
    public String timeframeWording;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public TaskEnums.Progress progress;

    public String note;

    @ElementCollection
    @CollectionTable(name = "task_unit", joinColumns = @JoinColumn(name = "task_id"))
    @OrderColumn(name = "position")
    public List<TaskUnit> units = new ArrayList<>();

    @Column(name = "search_text", nullable = false)
    public String searchText;

    @Override
    protected void beforeWrite() {
        searchText = TextSearch.foldAll(code, description, product, note);
    }
}
