package vn.dti.tracker.indicator;

import java.math.BigDecimal;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/** Chỉ tiêu phấn đấu of one year: structured, with the wording of the document beside it. */
@Embeddable
public class Target {

    @Column(nullable = false)
    public int year;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public TargetKind kind;

    @Enumerated(EnumType.STRING)
    public Comparator comparator;

    @Column(precision = 20, scale = 6)
    public BigDecimal value;

    @Column(precision = 20, scale = 6)
    public BigDecimal per;

    public String basis;

    @Column(name = "out_of")
    public Integer outOf;

    public String text;

    public String qualification;

    @Column(nullable = false)
    public String wording;
}
