package vn.dti.tracker.reporting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import vn.dti.tracker.indicator.Comparator;
import vn.dti.tracker.indicator.TargetDto;
import vn.dti.tracker.indicator.TargetKind;
import vn.dti.tracker.reporting.StatusRules.Evaluation;

/** Status of an indicator from its target, baseline and the lead unit's latest value (DOMAIN.md, "What on track means"). */
class StatusRulesTest {

    private static TargetDto target(TargetKind kind, Comparator comparator, String value) {
        return new TargetDto(2026, kind, comparator, value == null ? null : new BigDecimal(value), null, null, null, null, null,
                "target");
    }

    private static TargetDto rankTarget(TargetKind kind, Comparator comparator, String value, int outOf) {
        return new TargetDto(2026, kind, comparator, new BigDecimal(value), null, null, outOf, null, null, "rank target");
    }

    private static TargetDto ratioTarget(Comparator comparator, String value, String per) {
        return new TargetDto(2026, TargetKind.RATIO, comparator, new BigDecimal(value), new BigDecimal(per), null, null, null, null,
                value + "/" + per);
    }

    private static TargetDto baseline(TargetKind kind, String value) {
        return new TargetDto(null, kind, null, new BigDecimal(value), null, null, null, null, null, "baseline");
    }

    private static ReportValue number(String n) {
        return new ReportValue(new BigDecimal(n), null, null, null, null, null, null);
    }

    private static ReportValue fraction(String numerator, String denominator) {
        return new ReportValue(null, new BigDecimal(numerator), new BigDecimal(denominator), null, null, null, null);
    }

    private static ReportValue met(Boolean met) {
        return new ReportValue(null, null, null, met, null, null, null);
    }

    private static ReportValue rank(int rank, int outOf) {
        return new ReportValue(null, null, null, null, rank, outOf, null);
    }

    private static void assertNumber(String expected, BigDecimal actual) {
        assertNotNull(actual);
        assertEquals(new BigDecimal(expected).stripTrailingZeros().toPlainString(), actual.stripTrailingZeros().toPlainString());
    }

    private static void assertEvaluation(IndicatorStatus status, String achieved, String expected, Evaluation evaluation) {
        assertEquals(status, evaluation.status());
        assertNumber(achieved, evaluation.achieved());
        assertNumber(expected, evaluation.expected());
    }

    private static void assertStatusOnly(IndicatorStatus status, Evaluation evaluation) {
        assertEquals(status, evaluation.status());
        assertNull(evaluation.achieved());
        assertNull(evaluation.expected());
    }

    // --- no target, no value, yes/no shapes ---

    @Test
    void withoutTargetStatusIsNoTarget() {
        assertStatusOnly(IndicatorStatus.NO_TARGET, StatusRules.evaluate(null, null, false, number("55"), 6));
        assertStatusOnly(IndicatorStatus.NO_TARGET, StatusRules.evaluate(null, null, false, null, 6));
    }

    @Test
    void withoutValueStatusIsNotReported() {
        assertStatusOnly(IndicatorStatus.NOT_REPORTED,
                StatusRules.evaluate(target(TargetKind.PERCENT, Comparator.GE, "50"), null, false, null, 6));
        assertStatusOnly(IndicatorStatus.NOT_REPORTED,
                StatusRules.evaluate(target(TargetKind.PASS_FAIL, null, null), null, false, null, 12));
    }

    @Test
    void valueWithoutAFigureIsNotReported() {
        assertStatusOnly(IndicatorStatus.NOT_REPORTED,
                StatusRules.evaluate(target(TargetKind.PERCENT, Comparator.GE, "50"), null, false, ReportValue.EMPTY, 6));
        assertStatusOnly(IndicatorStatus.NOT_REPORTED,
                StatusRules.evaluate(rankTarget(TargetKind.RANK, Comparator.LE, "4", 34), null, false, number("3"), 6));
    }

    @Test
    void passFailIsAsReported() {
        TargetDto passFail = target(TargetKind.PASS_FAIL, null, null);

        assertStatusOnly(IndicatorStatus.MET, StatusRules.evaluate(passFail, null, false, met(true), 3));
        // A "không đạt" is final even early in the year: there is no line to be on.
        assertStatusOnly(IndicatorStatus.NOT_MET, StatusRules.evaluate(passFail, null, false, met(false), 3));
        assertStatusOnly(IndicatorStatus.NOT_REPORTED, StatusRules.evaluate(passFail, null, false, met(null), 3));
    }

    @Test
    void milestoneIsAsReported() {
        TargetDto milestone = new TargetDto(2026, TargetKind.MILESTONE, null, null, null, null, null, "Triển khai", null, "Triển khai");

        assertStatusOnly(IndicatorStatus.MET, StatusRules.evaluate(milestone, null, false,
                new ReportValue(null, null, null, true, null, null, "Đã triển khai tại 31 ấp"), 6));
        assertStatusOnly(IndicatorStatus.NOT_MET, StatusRules.evaluate(milestone, null, false, met(false), 12));
        assertStatusOnly(IndicatorStatus.NOT_REPORTED, StatusRules.evaluate(milestone, null, false,
                new ReportValue(null, null, null, null, null, null, "Đang chuẩn bị"), 6));
    }

    // --- PERCENT, GE / GT / EQ ---

    @Test
    void percentAtOrAboveTargetIsMet() {
        TargetDto atLeast50 = target(TargetKind.PERCENT, Comparator.GE, "50");

        assertEvaluation(IndicatorStatus.MET, "55", "50", StatusRules.evaluate(atLeast50, null, false, number("55"), 6));
        assertEvaluation(IndicatorStatus.MET, "50", "50", StatusRules.evaluate(atLeast50, null, false, number("50"), 6));
        assertEvaluation(IndicatorStatus.MET, "50", "50", StatusRules.evaluate(atLeast50, null, false, number("50.00"), 1));
    }

    @Test
    void withoutBaselineTheLineIsTheTargetAndATenthOfItIsAtRisk() {
        TargetDto atLeast50 = target(TargetKind.PERCENT, Comparator.GE, "50");

        // Tolerance is a tenth of 50 = 5.
        assertEvaluation(IndicatorStatus.AT_RISK, "46", "50", StatusRules.evaluate(atLeast50, null, false, number("46"), 6));
        assertEvaluation(IndicatorStatus.AT_RISK, "45", "50", StatusRules.evaluate(atLeast50, null, false, number("45"), 6));
        assertEvaluation(IndicatorStatus.OFF_TRACK, "44.9", "50", StatusRules.evaluate(atLeast50, null, false, number("44.9"), 6));
        assertEvaluation(IndicatorStatus.OFF_TRACK, "40", "50", StatusRules.evaluate(atLeast50, null, false, number("40"), 6));
    }

    @Test
    void missedTargetInLastPeriodIsNotMet() {
        TargetDto atLeast50 = target(TargetKind.PERCENT, Comparator.GE, "50");

        assertEvaluation(IndicatorStatus.NOT_MET, "40", "50", StatusRules.evaluate(atLeast50, null, false, number("40"), 12));
        // Close misses are not "at risk" any more when the year is over.
        assertEvaluation(IndicatorStatus.NOT_MET, "49", "50", StatusRules.evaluate(atLeast50, null, false, number("49"), 12));
        assertEvaluation(IndicatorStatus.MET, "50", "50", StatusRules.evaluate(atLeast50, null, false, number("50"), 12));
    }

    @Test
    void baselineDrawsTheLineToTheTarget() {
        // ≥ 80% with a baseline of 20%: halfway through the year the line stands at 50, the way is 60, a tenth is 6.
        TargetDto atLeast80 = target(TargetKind.PERCENT, Comparator.GE, "80");
        TargetDto from20 = baseline(TargetKind.PERCENT, "20");

        assertEvaluation(IndicatorStatus.ON_TRACK, "50", "50", StatusRules.evaluate(atLeast80, from20, false, number("50"), 6));
        assertEvaluation(IndicatorStatus.ON_TRACK, "60", "50", StatusRules.evaluate(atLeast80, from20, false, number("60"), 6));
        assertEvaluation(IndicatorStatus.AT_RISK, "45", "50", StatusRules.evaluate(atLeast80, from20, false, number("45"), 6));
        assertEvaluation(IndicatorStatus.AT_RISK, "44", "50", StatusRules.evaluate(atLeast80, from20, false, number("44"), 6));
        assertEvaluation(IndicatorStatus.OFF_TRACK, "43.9", "50", StatusRules.evaluate(atLeast80, from20, false, number("43.9"), 6));
        assertEvaluation(IndicatorStatus.OFF_TRACK, "40", "50", StatusRules.evaluate(atLeast80, from20, false, number("40"), 6));
        assertEvaluation(IndicatorStatus.MET, "80", "80", StatusRules.evaluate(atLeast80, from20, false, number("80"), 6));
        assertEvaluation(IndicatorStatus.NOT_MET, "79", "80", StatusRules.evaluate(atLeast80, from20, false, number("79"), 12));
    }

    @Test
    void lineMovesWithTheMonthsElapsed() {
        TargetDto atLeast80 = target(TargetKind.PERCENT, Comparator.GE, "80");
        TargetDto from20 = baseline(TargetKind.PERCENT, "20");

        // 20 + 60 × 3/12 = 35; 20 + 60 × 1/12 = 25 exactly, despite 1/12 not being a finite decimal.
        assertEvaluation(IndicatorStatus.ON_TRACK, "35", "35", StatusRules.evaluate(atLeast80, from20, false, number("35"), 3));
        assertEvaluation(IndicatorStatus.ON_TRACK, "25", "25", StatusRules.evaluate(atLeast80, from20, false, number("25"), 1));
        // 20 + 60 × 11/12 = 75.
        assertEvaluation(IndicatorStatus.AT_RISK, "70", "75", StatusRules.evaluate(atLeast80, from20, false, number("70"), 11));
    }

    @Test
    void baselineOfAnotherKindIsIgnored() {
        TargetDto atLeast80 = target(TargetKind.PERCENT, Comparator.GE, "80");

        // A NUMBER baseline of 20 would put the line at 50; ignored, the line is the target and a tenth of it is 8.
        assertEvaluation(IndicatorStatus.AT_RISK, "75", "80",
                StatusRules.evaluate(atLeast80, baseline(TargetKind.NUMBER, "20"), false, number("75"), 6));
        assertEvaluation(IndicatorStatus.OFF_TRACK, "50", "80",
                StatusRules.evaluate(atLeast80, baseline(TargetKind.NUMBER, "20"), false, number("50"), 6));
    }

    @Test
    void baselineWithoutValueIsIgnored() {
        TargetDto atLeast80 = target(TargetKind.PERCENT, Comparator.GE, "80");
        TargetDto empty = new TargetDto(null, TargetKind.PERCENT, null, null, null, null, null, null, null, "chưa có số liệu");

        assertEvaluation(IndicatorStatus.OFF_TRACK, "50", "80", StatusRules.evaluate(atLeast80, empty, false, number("50"), 6));
    }

    @Test
    void greaterThanIsNotMetByTheTargetItself() {
        TargetDto above50 = target(TargetKind.PERCENT, Comparator.GT, "50");

        assertEvaluation(IndicatorStatus.NOT_MET, "50", "50", StatusRules.evaluate(above50, null, false, number("50"), 12));
        assertEvaluation(IndicatorStatus.MET, "50.1", "50", StatusRules.evaluate(above50, null, false, number("50.1"), 12));
        // Before the year's end, standing at the line (the target itself) is on track.
        assertEvaluation(IndicatorStatus.ON_TRACK, "50", "50", StatusRules.evaluate(above50, null, false, number("50"), 6));
    }

    @Test
    void equalsTargetIsMetByReachingIt() {
        // "100%": = is read as "reach".
        TargetDto hundred = target(TargetKind.PERCENT, Comparator.EQ, "100");

        assertEvaluation(IndicatorStatus.MET, "100", "100", StatusRules.evaluate(hundred, null, false, number("100"), 3));
        // Tolerance without baseline is a tenth of 100 = 10.
        assertEvaluation(IndicatorStatus.AT_RISK, "99", "100", StatusRules.evaluate(hundred, null, false, number("99"), 3));
        assertEvaluation(IndicatorStatus.AT_RISK, "90", "100", StatusRules.evaluate(hundred, null, false, number("90"), 3));
        assertEvaluation(IndicatorStatus.OFF_TRACK, "80", "100", StatusRules.evaluate(hundred, null, false, number("80"), 3));
        assertEvaluation(IndicatorStatus.NOT_MET, "99", "100", StatusRules.evaluate(hundred, null, false, number("99"), 12));
    }

    @Test
    void equalsCountIsMetByGoingBeyond() {
        TargetDto five = target(TargetKind.COUNT, Comparator.EQ, "5");

        assertEvaluation(IndicatorStatus.MET, "6", "5", StatusRules.evaluate(five, null, false, number("6"), 12));
        assertEvaluation(IndicatorStatus.NOT_MET, "4", "5", StatusRules.evaluate(five, null, false, number("4"), 12));
    }

    // --- lower is better: LE / LT ---

    @Test
    void atMostTargetIsMetAtOrBelow() {
        TargetDto atMost4 = target(TargetKind.NUMBER, Comparator.LE, "4");

        assertEvaluation(IndicatorStatus.MET, "3", "4", StatusRules.evaluate(atMost4, null, false, number("3"), 6));
        assertEvaluation(IndicatorStatus.MET, "4", "4", StatusRules.evaluate(atMost4, null, false, number("4"), 6));
        // Behind means above: a tenth of 4 is 0.4.
        assertEvaluation(IndicatorStatus.AT_RISK, "4.4", "4", StatusRules.evaluate(atMost4, null, false, number("4.4"), 6));
        assertEvaluation(IndicatorStatus.OFF_TRACK, "5", "4", StatusRules.evaluate(atMost4, null, false, number("5"), 6));
        assertEvaluation(IndicatorStatus.NOT_MET, "5", "4", StatusRules.evaluate(atMost4, null, false, number("5"), 12));
    }

    @Test
    void lessThanIsNotMetByTheTargetItself() {
        TargetDto below4 = target(TargetKind.NUMBER, Comparator.LT, "4");

        assertEvaluation(IndicatorStatus.NOT_MET, "4", "4", StatusRules.evaluate(below4, null, false, number("4"), 12));
        assertEvaluation(IndicatorStatus.MET, "3", "4", StatusRules.evaluate(below4, null, false, number("3"), 12));
        assertEvaluation(IndicatorStatus.ON_TRACK, "4", "4", StatusRules.evaluate(below4, null, false, number("4"), 6));
    }

    @Test
    void lowerIsBetterLineRunsDownFromTheBaseline() {
        // < 2 days to process a file, 8 days last year: halfway the line stands at 5, the way is 6, a tenth is 0.6.
        TargetDto under2 = target(TargetKind.NUMBER, Comparator.LT, "2");
        TargetDto from8 = baseline(TargetKind.NUMBER, "8");

        assertEvaluation(IndicatorStatus.ON_TRACK, "4", "5", StatusRules.evaluate(under2, from8, false, number("4"), 6));
        assertEvaluation(IndicatorStatus.ON_TRACK, "5", "5", StatusRules.evaluate(under2, from8, false, number("5"), 6));
        assertEvaluation(IndicatorStatus.AT_RISK, "5.6", "5", StatusRules.evaluate(under2, from8, false, number("5.6"), 6));
        assertEvaluation(IndicatorStatus.OFF_TRACK, "5.7", "5", StatusRules.evaluate(under2, from8, false, number("5.7"), 6));
    }

    @Test
    void zeroTargetLeavesNoToleranceForBeingBehind() {
        // "Tỷ lệ hồ sơ trễ hạn ≤ 0%": a tenth of a target of 0 is 0, so any amount behind is off track.
        TargetDto none = target(TargetKind.PERCENT, Comparator.LE, "0");

        assertEvaluation(IndicatorStatus.MET, "0", "0", StatusRules.evaluate(none, null, false, number("0"), 6));
        assertEvaluation(IndicatorStatus.OFF_TRACK, "0.05", "0", StatusRules.evaluate(none, null, false, number("0.05"), 6));
    }

    // --- RANK and LEADING_GROUP ---

    @Test
    void rankAtOrBetterThanTargetIsMet() {
        TargetDto top4 = rankTarget(TargetKind.RANK, Comparator.LE, "4", 34);
        TargetDto from10 = baseline(TargetKind.RANK, "10");

        assertEvaluation(IndicatorStatus.MET, "3", "4", StatusRules.evaluate(top4, from10, false, rank(3, 34), 6));
        assertEvaluation(IndicatorStatus.MET, "4", "4", StatusRules.evaluate(top4, from10, false, rank(4, 34), 6));
        assertEvaluation(IndicatorStatus.NOT_MET, "5", "4", StatusRules.evaluate(top4, from10, false, rank(5, 34), 12));
    }

    @Test
    void rankLineRunsFromLastYearsRankToTheTarget() {
        // Rank 10 last year, ≤ 4 this year: the way is 6 places, a tenth is 0.6.
        TargetDto top4 = rankTarget(TargetKind.RANK, Comparator.LE, "4", 34);
        TargetDto from10 = baseline(TargetKind.RANK, "10");

        // Month 6: 10 − 6 × 6/12 = 7.
        assertEvaluation(IndicatorStatus.ON_TRACK, "7", "7", StatusRules.evaluate(top4, from10, false, rank(7, 34), 6));
        assertEvaluation(IndicatorStatus.ON_TRACK, "5", "7", StatusRules.evaluate(top4, from10, false, rank(5, 34), 6));
        assertEvaluation(IndicatorStatus.OFF_TRACK, "8", "7", StatusRules.evaluate(top4, from10, false, rank(8, 34), 6));
        // Month 5: 10 − 6 × 5/12 = 7.5.
        assertEvaluation(IndicatorStatus.ON_TRACK, "7", "7.5", StatusRules.evaluate(top4, from10, false, rank(7, 34), 5));
        assertEvaluation(IndicatorStatus.AT_RISK, "8", "7.5", StatusRules.evaluate(top4, from10, false, rank(8, 34), 5));
        assertEvaluation(IndicatorStatus.OFF_TRACK, "9", "7.5", StatusRules.evaluate(top4, from10, false, rank(9, 34), 5));
    }

    @Test
    void rankWithoutBaselineIsMeasuredAgainstTheTarget() {
        TargetDto top10 = rankTarget(TargetKind.RANK, Comparator.LE, "10", 34);

        // A tenth of 10 is 1.
        assertEvaluation(IndicatorStatus.AT_RISK, "11", "10", StatusRules.evaluate(top10, null, false, rank(11, 34), 6));
        assertEvaluation(IndicatorStatus.OFF_TRACK, "12", "10", StatusRules.evaluate(top10, null, false, rank(12, 34), 6));
    }

    @Test
    void rankEqualsTargetIsMetByThatRankOrBetter() {
        TargetDto third = rankTarget(TargetKind.RANK, Comparator.EQ, "3", 34);

        assertEvaluation(IndicatorStatus.MET, "2", "3", StatusRules.evaluate(third, null, false, rank(2, 34), 12));
        assertEvaluation(IndicatorStatus.MET, "3", "3", StatusRules.evaluate(third, null, false, rank(3, 34), 12));
        assertEvaluation(IndicatorStatus.NOT_MET, "4", "3", StatusRules.evaluate(third, null, false, rank(4, 34), 12));
    }

    @Test
    void leadingGroupIsMetByARankInsideTheGroup() {
        // "Thuộc nhóm 60 xã dẫn đầu".
        TargetDto leading60 = rankTarget(TargetKind.LEADING_GROUP, null, "60", 95);

        assertEvaluation(IndicatorStatus.MET, "45", "60", StatusRules.evaluate(leading60, null, false, rank(45, 95), 6));
        assertEvaluation(IndicatorStatus.MET, "60", "60", StatusRules.evaluate(leading60, null, false, rank(60, 95), 12));
        assertEvaluation(IndicatorStatus.NOT_MET, "70", "60", StatusRules.evaluate(leading60, null, false, rank(70, 95), 12));
        // A tenth of 60 is 6.
        assertEvaluation(IndicatorStatus.AT_RISK, "66", "60", StatusRules.evaluate(leading60, null, false, rank(66, 95), 6));
        assertEvaluation(IndicatorStatus.OFF_TRACK, "70", "60", StatusRules.evaluate(leading60, null, false, rank(70, 95), 6));
    }

    @Test
    void leadingGroupWithComparatorIsStillLowerIsBetter() {
        TargetDto leading60 = rankTarget(TargetKind.LEADING_GROUP, Comparator.LE, "60", 95);

        assertEvaluation(IndicatorStatus.MET, "45", "60", StatusRules.evaluate(leading60, null, false, rank(45, 95), 12));
        assertEvaluation(IndicatorStatus.NOT_MET, "61", "60", StatusRules.evaluate(leading60, null, false, rank(61, 95), 12));
    }

    // --- RATIO, fractions, COUNT, NUMBER ---

    @Test
    void ratioFromFractionIsScaledByItsBase() {
        // "1/1.000 dân".
        TargetDto perThousand = ratioTarget(Comparator.GE, "1", "1000");

        assertEvaluation(IndicatorStatus.MET, "1.5", "1", StatusRules.evaluate(perThousand, null, true, fraction("3", "2000"), 6));
        assertEvaluation(IndicatorStatus.NOT_MET, "0.5", "1", StatusRules.evaluate(perThousand, null, true, fraction("1", "2000"), 12));
        // A tenth of 1 is 0.1; 0.5 behind is off track.
        assertEvaluation(IndicatorStatus.OFF_TRACK, "0.5", "1",
                StatusRules.evaluate(perThousand, null, true, fraction("1", "2000"), 6));
        assertNumber("0.5", StatusRules.achieved(perThousand, true, fraction("1", "2000")));
    }

    @Test
    void ratioReportedAsNumberIsTakenAsIs() {
        TargetDto perThousand = ratioTarget(Comparator.GE, "1", "1000");

        assertEvaluation(IndicatorStatus.MET, "1.2", "1", StatusRules.evaluate(perThousand, null, false, number("1.2"), 6));
    }

    @Test
    void percentFromFractionIsAPercentage() {
        TargetDto atLeast50 = target(TargetKind.PERCENT, Comparator.GE, "50");

        assertNumber("72.5", StatusRules.achieved(atLeast50, true, fraction("1450", "2000")));
        assertEvaluation(IndicatorStatus.MET, "72.5", "50", StatusRules.evaluate(atLeast50, null, true, fraction("1450", "2000"), 6));
        // 900 of 2000 is 45%: at the edge of a tenth behind.
        assertEvaluation(IndicatorStatus.AT_RISK, "45", "50", StatusRules.evaluate(atLeast50, null, true, fraction("900", "2000"), 6));
    }

    @Test
    void countBelowTargetAtYearEndIsNotMet() {
        TargetDto atLeastOne = target(TargetKind.COUNT, Comparator.GE, "1");

        assertEvaluation(IndicatorStatus.NOT_MET, "0", "1", StatusRules.evaluate(atLeastOne, null, false, number("0"), 12));
        assertEvaluation(IndicatorStatus.OFF_TRACK, "0", "1", StatusRules.evaluate(atLeastOne, null, false, number("0"), 6));
        assertEvaluation(IndicatorStatus.MET, "1", "1", StatusRules.evaluate(atLeastOne, null, false, number("1"), 6));
    }

    @Test
    void numberAboveTargetIsMet() {
        TargetDto atLeast1000 = target(TargetKind.NUMBER, Comparator.GE, "1000");

        assertEvaluation(IndicatorStatus.MET, "1200", "1000", StatusRules.evaluate(atLeast1000, null, false, number("1200"), 6));
        // A tenth of 1000 is 100.
        assertEvaluation(IndicatorStatus.AT_RISK, "900", "1000", StatusRules.evaluate(atLeast1000, null, false, number("900"), 6));
        assertEvaluation(IndicatorStatus.OFF_TRACK, "899", "1000", StatusRules.evaluate(atLeast1000, null, false, number("899"), 6));
    }

    @Test
    void aStatusMovesBetterOrWorseAlongTheLadderOnly() {
        assertEquals(StatusRules.Direction.BETTER, StatusRules.direction(IndicatorStatus.AT_RISK, IndicatorStatus.ON_TRACK));
        assertEquals(StatusRules.Direction.BETTER, StatusRules.direction(IndicatorStatus.NOT_MET, IndicatorStatus.MET));
        assertEquals(StatusRules.Direction.WORSE, StatusRules.direction(IndicatorStatus.MET, IndicatorStatus.OFF_TRACK));
        assertEquals(StatusRules.Direction.WORSE, StatusRules.direction(IndicatorStatus.ON_TRACK, IndicatorStatus.AT_RISK));
        assertEquals(StatusRules.Direction.OTHER, StatusRules.direction(IndicatorStatus.MET, IndicatorStatus.MET));
        // A new year starts unreported: that is no step back, and a first value is no step forward.
        assertEquals(StatusRules.Direction.OTHER, StatusRules.direction(IndicatorStatus.MET, IndicatorStatus.NOT_REPORTED));
        assertEquals(StatusRules.Direction.OTHER, StatusRules.direction(IndicatorStatus.NOT_REPORTED, IndicatorStatus.OFF_TRACK));
        assertEquals(StatusRules.Direction.OTHER, StatusRules.direction(IndicatorStatus.NO_TARGET, IndicatorStatus.MET));
    }

    @Test
    void aMissedTargetIsNotMetOnlyOnceTheYearsResultIsFinal() {
        TargetDto atLeast80 = target(TargetKind.PERCENT, Comparator.GE, "80");
        TargetDto from20 = baseline(TargetKind.PERCENT, "20");
        // December read before December's report: November's 72 is judged as November's, against the line at 11 months (75).
        assertEvaluation(IndicatorStatus.AT_RISK, "72", "75", StatusRules.evaluate(atLeast80, from20, false, number("72"), 12, 11, false));
        assertEvaluation(IndicatorStatus.OFF_TRACK, "50", "75", StatusRules.evaluate(atLeast80, from20, false, number("50"), 12, 11, false));
        // December's own value, or the year's last deadline passed without it: final.
        assertEquals(IndicatorStatus.NOT_MET, StatusRules.evaluate(atLeast80, from20, false, number("79"), 12, 12, false).status());
        assertEquals(IndicatorStatus.NOT_MET, StatusRules.evaluate(atLeast80, from20, false, number("79"), 12, 11, true).status());
        // Met is met, whenever it was reported.
        assertEquals(IndicatorStatus.MET, StatusRules.evaluate(atLeast80, from20, false, number("81"), 12, 11, false).status());
        // A later value than the period read (a report of a later period does not reach back) is judged at the period read.
        assertEvaluation(IndicatorStatus.OFF_TRACK, "50", "65", StatusRules.evaluate(atLeast80, from20, false, number("50"), 9, 12, false));
    }
}
