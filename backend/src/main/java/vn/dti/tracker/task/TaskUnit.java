package vn.dti.tracker.task;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;

import vn.dti.tracker.orgunit.OrgUnit;

/** A unit assigned to a task, as lead (chủ trì) or cooperating (phối hợp). */
@Embeddable
public class TaskUnit {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "unit_id")
    public OrgUnit unit;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public TaskEnums.UnitRole role;

    public TaskUnit() {
    }

    public TaskUnit(OrgUnit unit, TaskEnums.UnitRole role) {
        this.unit = unit;
        this.role = role;
    }
}
