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
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import vn.dti.tracker.orgunit.OrgUnit;
import vn.dti.tracker.plan.Plan;

/** Ranks of an org unit in a DTI framework, per pillar or (pillar null) for the whole index. */
public final class DtiRank {

    private DtiRank() {
    }

    public enum RankComparator { LE, EQ }

    /** What a target rank and a published rank have in common. */
    @MappedSuperclass
    public abstract static class RankRow extends PanacheEntityBase {
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
        @Column(nullable = false)
        public int rank;
        /** How many units are ranked: 34 since the 2025 merger of provinces, 63 before. */
        @Column(name = "out_of", nullable = false)
        public int outOf;
        /** The plan that set or cited this rank, when one did. */
        @ManyToOne(fetch = FetchType.LAZY)
        @JoinColumn(name = "plan_id")
        public Plan plan;

        void place(OrgUnit unit, DtiFramework framework, DtiPillar pillar, int year, int rank, int outOf, Plan plan) {
            this.id = UUID.randomUUID();
            this.unit = unit;
            this.framework = framework;
            this.pillar = pillar;
            this.year = year;
            this.rank = rank;
            this.outOf = outOf;
            this.plan = plan;
        }
    }

    /** Mục tiêu xếp hạng: the rank a plan aims for in a year. */
    @Entity
    @Table(name = "dti_rank_target")
    public static class RankTarget extends RankRow {
        @Enumerated(EnumType.STRING)
        @Column(nullable = false)
        public RankComparator comparator;
        public String wording;
    }

    /** The score and rank the ministry published for a year. */
    @Entity
    @Table(name = "dti_rank_result")
    public static class RankResult extends RankRow {
        @Column(precision = 10, scale = 2)
        public BigDecimal score;
        public String source;
    }
}
