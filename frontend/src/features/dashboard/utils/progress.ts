import type { components } from '@/api/schema';

type IndicatorResult = components['schemas']['IndicatorResult'];
type Target = components['schemas']['Target'];

/** Ranks and "at most" targets are met from below: a rank target `≤ 4` is met by 3. */
export function lowerIsBetter(target: Target): boolean {
  return (
    target.kind === 'RANK' ||
    target.kind === 'LEADING_GROUP' ||
    target.comparator === 'LE' ||
    target.comparator === 'LT' ||
    (target.comparator === 'EQ' && target.value === 0)
  );
}

function share(value: number, goal: number, lowerBetter: boolean): number {
  if (lowerBetter) {
    if (value <= goal) return 100;
    return goal <= 0 ? 0 : (goal / value) * 100;
  }
  if (goal <= 0) return value >= goal ? 100 : 0;
  return Math.min(100, Math.max(0, (value / goal) * 100));
}

export type IndicatorProgress = {
  /** How far the value has come towards the year's target, 0–100. */
  percent: number;
  /** Where the straight line to the target says it should stand by the end of the period, 0–100. */
  expectedPercent: number | null;
};

/**
 * Progress towards the year's target, for a bar. A met target is full and a missed pass/fail or
 * milestone is empty; without a target or an accepted value there is nothing to draw.
 */
export function indicatorProgress(result: IndicatorResult): IndicatorProgress | null {
  const { target, status, achieved, expected } = result;
  if (status === 'MET') return { percent: 100, expectedPercent: null };
  if (!target || status === 'NO_TARGET' || status === 'NOT_REPORTED') return null;
  if (target.kind === 'PASS_FAIL' || target.kind === 'MILESTONE') {
    return status === 'NOT_MET' ? { percent: 0, expectedPercent: null } : null;
  }
  const goal = target.value;
  if (goal === null || goal === undefined || achieved === null) return null;
  const lowerBetter = lowerIsBetter(target);
  const expectedPercent =
    expected === null || expected === goal ? null : share(expected, goal, lowerBetter);
  return { percent: share(achieved, goal, lowerBetter), expectedPercent };
}
