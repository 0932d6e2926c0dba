package vn.dti.tracker.plan;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;

/** Căn cứ: a document the plan rests on, in words, and the plan itself when it is in the system. */
@Embeddable
public class LegalBasis {

    @Column(nullable = false)
    public String citation;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "referenced_plan_id")
    public Plan referencedPlan;

    public LegalBasis() {
    }

    public LegalBasis(String citation, Plan referencedPlan) {
        this.citation = citation;
        this.referencedPlan = referencedPlan;
    }
}
