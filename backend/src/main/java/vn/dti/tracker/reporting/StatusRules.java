package vn.dti.tracker.reporting;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

import vn.dti.tracker.indicator.Comparator;
import vn.dti.tracker.indicator.TargetDto;
import vn.dti.tracker.indicator.TargetKind;

/**
 * How an indicator's status is computed (DOMAIN.md, "What on track means"). Inputs: the year's target,
 * the optional baseline, the latest accepted value of the lead unit in that year up to the period, and
 * how far through the year the period ends.
 *
 * <ul>
 * <li>Pass/fail and milestones: {@link IndicatorStatus#MET} or {@link IndicatorStatus#NOT_MET} as reported.</li>
 * <li>Numbers: the value is compared with the target by its comparator. Ranks, leading groups and the
 * comparators ≤ and &lt; are "lower is better"; "=" is read as "reach": a 100% target is met by 100,
 * a rank target = 3 by 3 or better, a target "= 0" (no overdue files) by 0 only. A met target is MET. A missed target is
 * NOT_MET once the year's result is final: the value is the one reported for the year's last period, or that period's
 * deadline passed without one. Before that the value is judged as of the period it reports on (November's value, read in
 * December before December's report, is judged as November's): it is compared with where the straight line from the
 * baseline to the target stands at the end of that period (without a baseline: with the target itself): at or beyond it
 * is ON_TRACK, behind it by at most a tenth of the distance (baseline to target, or the target) is
 * AT_RISK, further behind is OFF_TRACK. Where that distance is zero (a target of 0, or a
 * baseline already at the target) any shortfall is OFF_TRACK.</li>
 * </ul>
 */
public final class StatusRules {

    /** How far behind the line still counts as "at risk" rather than "off track", as a share of the way. */
    static final BigDecimal AT_RISK_TOLERANCE = new BigDecimal("0.1");

    private StatusRules() {
    }

    /** The outcome and the figures it was computed from, so that a reader can check it. */
    public record Evaluation(IndicatorStatus status, BigDecimal achieved, BigDecimal expected) {
        static Evaluation of(IndicatorStatus status) {
            return new Evaluation(status, null, null);
        }
    }

    /**
     * @param target the target of the period's year, or null
     * @param baseline the indicator's baseline, or null
     * @param fraction the indicator is reported as numerator and denominator
     * @param value the latest accepted value of the lead unit, or null
     * @param monthsElapsed months of the year up to the end of the period (1..12)
     */
    public static Evaluation evaluate(TargetDto target, TargetDto baseline, boolean fraction, ReportValue value, int monthsElapsed) {
        return evaluate(target, baseline, fraction, value, monthsElapsed, monthsElapsed, false);
    }

    /**
     * As {@link #evaluate(TargetDto, TargetDto, boolean, ReportValue, int)} for a value that may report on an earlier period than the
     * one read.
     *
     * @param periodMonths months of the year up to the end of the period read (1..12)
     * @param valueMonths months of the year up to the end of the period the value reports on (1..12)
     * @param yearOver the deadline of the year's last period has passed, so the year's result is final whatever was reported
     */
    public static Evaluation evaluate(TargetDto target, TargetDto baseline, boolean fraction, ReportValue value, int periodMonths,
            int valueMonths, boolean yearOver) {
        int monthsElapsed = Math.min(periodMonths, valueMonths);
        if (target == null) {
            return Evaluation.of(IndicatorStatus.NO_TARGET);
        }
        if (value == null) {
            return Evaluation.of(IndicatorStatus.NOT_REPORTED);
        }
        if (target.kind() == TargetKind.PASS_FAIL || target.kind() == TargetKind.MILESTONE) {
            if (value.met() == null) {
                return Evaluation.of(IndicatorStatus.NOT_REPORTED);
            }
            return Evaluation.of(value.met() ? IndicatorStatus.MET : IndicatorStatus.NOT_MET);
        }
        BigDecimal achieved = achieved(target, fraction, value);
        if (achieved == null || target.value() == null) {
            return Evaluation.of(IndicatorStatus.NOT_REPORTED);
        }
        BigDecimal goal = target.value();
        boolean lowerBetter = lowerIsBetter(target);
        if (meets(achieved, target.comparator(), goal, lowerBetter)) {
            return new Evaluation(IndicatorStatus.MET, achieved, goal);
        }
        if (monthsElapsed >= 12 || yearOver) {
            return new Evaluation(IndicatorStatus.NOT_MET, achieved, goal);
        }
        BigDecimal start = baseline != null && baseline.value() != null && baseline.kind() == target.kind() ? baseline.value() : null;
        BigDecimal expected = goal;
        BigDecimal distance = goal.abs();
        if (start != null) {
            BigDecimal share = BigDecimal.valueOf(monthsElapsed).divide(BigDecimal.valueOf(12), MathContext.DECIMAL64);
            expected = start.add(goal.subtract(start).multiply(share)).setScale(6, RoundingMode.HALF_UP).stripTrailingZeros();
            distance = goal.subtract(start).abs();
        }
        boolean onLine = lowerBetter ? achieved.compareTo(expected) <= 0 : achieved.compareTo(expected) >= 0;
        if (onLine) {
            return new Evaluation(IndicatorStatus.ON_TRACK, achieved, expected);
        }
        BigDecimal gap = achieved.subtract(expected).abs();
        IndicatorStatus status = gap.compareTo(distance.multiply(AT_RISK_TOLERANCE)) <= 0 ? IndicatorStatus.AT_RISK : IndicatorStatus.OFF_TRACK;
        return new Evaluation(status, achieved, expected);
    }

    /** The value in the target's units: a fraction becomes a percentage, or a ratio per the target's base. */
    public static BigDecimal achieved(TargetDto target, boolean fraction, ReportValue value) {
        return switch (target.kind()) {
            case RANK, LEADING_GROUP -> value.rank() == null ? null : BigDecimal.valueOf(value.rank());
            case PASS_FAIL, MILESTONE -> null;
            case PERCENT, RATIO, COUNT, NUMBER -> {
                if (fraction || value.number() == null) {
                    if (value.numerator() == null || value.denominator() == null || value.denominator().signum() == 0) {
                        yield value.number();
                    }
                    BigDecimal scale = target.kind() == TargetKind.PERCENT ? BigDecimal.valueOf(100)
                            : target.kind() == TargetKind.RATIO && target.per() != null ? target.per() : BigDecimal.ONE;
                    yield value.numerator().multiply(scale).divide(value.denominator(), 4, RoundingMode.HALF_UP).stripTrailingZeros();
                }
                yield value.number();
            }
        };
    }

    static boolean lowerIsBetter(TargetDto target) {
        return target.kind() == TargetKind.RANK || target.kind() == TargetKind.LEADING_GROUP
                || target.comparator() == Comparator.LE || target.comparator() == Comparator.LT
                || target.comparator() == Comparator.EQ && target.value() != null && target.value().signum() == 0;
    }

    static boolean meets(BigDecimal achieved, Comparator comparator, BigDecimal goal, boolean lowerBetter) {
        int c = achieved.compareTo(goal);
        if (comparator == null) {
            return lowerBetter ? c <= 0 : c >= 0;
        }
        return switch (comparator) {
            case GE -> c >= 0;
            case GT -> c > 0;
            case LE -> c <= 0;
            case LT -> c < 0;
            case EQ -> lowerBetter ? c <= 0 : c >= 0;
        };
    }

    /** Which way a status moved from one period to the next. */
    public enum Direction { BETTER, WORSE, OTHER }

    /**
     * Along the ladder NOT_MET, OFF_TRACK, AT_RISK, ON_TRACK, MET a step up is better and a step down worse. A move to or
     * from NOT_REPORTED or NO_TARGET says nothing about progress (a new year starts unreported): it is OTHER.
     */
    public static Direction direction(IndicatorStatus from, IndicatorStatus to) {
        int a = ladder(from);
        int b = ladder(to);
        if (a < 0 || b < 0 || a == b) {
            return Direction.OTHER;
        }
        return b > a ? Direction.BETTER : Direction.WORSE;
    }

    private static int ladder(IndicatorStatus status) {
        return switch (status) {
            case NOT_MET -> 0;
            case OFF_TRACK -> 1;
            case AT_RISK -> 2;
            case ON_TRACK -> 3;
            case MET -> 4;
            case NOT_REPORTED, NO_TARGET -> -1;
        };
    }
}
