package vn.dti.tracker.ranking;

import java.math.BigDecimal;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** Chỉ số chính: a pillar of the DTI, with its number of sub-indices and maximum points. */
@Entity
@Table(name = "dti_pillar")
public class DtiPillar extends PanacheEntityBase {

    @Id
    public UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "framework_id")
    public DtiFramework framework;

    @Column(nullable = false)
    public String code;

    @Column(nullable = false)
    public int position;

    @Column(nullable = false)
    public String name;

    @Column(name = "sub_index_count", nullable = false)
    public int subIndexCount;

    @Column(name = "max_points", nullable = false, precision = 10, scale = 2)
    public BigDecimal maxPoints;
}
