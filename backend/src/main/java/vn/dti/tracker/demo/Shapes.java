package vn.dti.tracker.demo;

import java.math.BigDecimal;

import vn.dti.tracker.indicator.Comparator;
import vn.dti.tracker.indicator.Indicator;
import vn.dti.tracker.indicator.Target;
import vn.dti.tracker.indicator.TargetKind;

/** How the demo moves an indicator's value through the year: from its baseline (or a plausible start) toward its target. */
final class Shapes {

    private Shapes() {
    }

    static HistoryScript.Shape of(Indicator indicator, int year) {
        Target target = null;
        for (Target t : indicator.targets) {
            if (t.year == year) {
                target = t;
                break;
            }
            if (target == null) {
                target = t;
            }
        }
        int startYear = indicator.plan.startYear;
        if (target == null) {
            return new HistoryScript.Shape(TargetKind.NUMBER, indicator.capturedAsFraction, BigDecimal.ZERO, BigDecimal.TEN, null,
                    startYear, startYear, null, false);
        }
        boolean lower = target.kind == TargetKind.RANK || target.kind == TargetKind.LEADING_GROUP || target.comparator == Comparator.LE
                || target.comparator == Comparator.LT;
        BigDecimal goal = target.value == null ? BigDecimal.ONE : target.value;
        BigDecimal start;
        if (indicator.baseline != null && indicator.baseline.kind() == target.kind && indicator.baseline.value() != null) {
            start = indicator.baseline.value();
        } else {
            double g = goal.doubleValue();
            start = BigDecimal.valueOf(switch (target.kind) {
                case PERCENT -> lower ? Math.min(100, g * 1.6) : g >= 100 ? 72 : g * 0.45;
                case RATIO, NUMBER -> lower ? g * 1.6 : g * 0.35;
                case RANK, LEADING_GROUP -> g + 6;
                default -> 0;
            });
        }
        return new HistoryScript.Shape(target.kind, indicator.capturedAsFraction, start, goal, target.per, startYear,
                Math.max(startYear, target.year), target.outOf, lower);
    }
}
