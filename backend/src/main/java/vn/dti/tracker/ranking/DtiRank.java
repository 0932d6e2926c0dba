package vn.dti.tracker.ranking;

import java.math.BigDecimal;
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

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import vn.dti.tracker.orgunit.OrgUnit;
import vn.dti.tracker.plan.Plan;

/** Ranks of an org unit in a DTI framework, per pillar or (pillar null) for the whole index. */
public final class DtiRank {

    private DtiRank() {
    }

    public enum RankComparator { LE, EQ }

    /** Mục tiêu xếp hạng: the rank a plan aims for in a year. */
    @Entity
    @Table(name = "dti_rank_target")
    public static class RankTarget extends PanacheEntityBase {
        @Id
        public UUID id;
        @ManyToOne(fetch = FetchType.LAZY, optional = false)
        @JoinColumn(name = "unit_id")
        public OrgUnit unit;
        @ManyToOne(fetch = FetchType.LAZY, optional = false)
        @JoinColumn(name = "framework_id")
        public DtiFramework framework;
        @ManyToOne(fetch = FetchType.LAZY)
        @JoinColumn(name = "pillar_id")
        public DtiPillar pillar;
        @Column(nullable = false)
        public int year;
        @Enumerated(EnumType.STRING)
        @Column(nullable = false)
        public RankComparator comparator;
        @Column(nullable = false)
        public int rank;
        @Column(name = "out_of", nullable = false)
        public int outOf;
        public String wording;
        /** The plan that set this target, when it was set by one. */
        @ManyToOne(fetch = FetchType.LAZY)
        @JoinColumn(name = "plan_id")
        public Plan plan;
    }

    /** The score and rank the ministry published for a year. */
    @Entity
    @Table(name = "dti_rank_result")
    public static class RankResult extends PanacheEntityBase {
        @Id
        public UUID id;
        @ManyToOne(fetch = FetchType.LAZY, optional = false)
        @JoinColumn(name = "unit_id")
        public OrgUnit unit;
        @ManyToOne(fetch = FetchType.LAZY, optional = false)
        @JoinColumn(name = "framework_id")
        public DtiFramework framework;
        @ManyToOne(fetch = FetchType.LAZY)
        @JoinColumn(name = "pillar_id")
        public DtiPillar pillar;
        @Column(nullable = false)
        public int year;
        @Column(precision = 10, scale = 2)
        public BigDecimal score;
        @Column(nullable = false)
        public int rank;
        /** How many units were ranked: 34 since the 2025 merger of provinces, 63 before. */
        @Column(name = "out_of", nullable = false)
        public int outOf;
        public String source;
        @ManyToOne(fetch = FetchType.LAZY)
        @JoinColumn(name = "plan_id")
        public Plan plan;
    }
}
