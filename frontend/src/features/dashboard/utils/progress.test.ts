import { describe, expect, it } from 'vitest';
import { indicatorResult } from '@/features/dashboard/testing/fixtures';
import { indicatorProgress } from '@/features/dashboard/utils/progress';

describe('indicatorProgress', () => {
  it('is the share of the target reached, capped at the target', () => {
    const percent = { year: 2026, kind: 'PERCENT', comparator: 'GE', value: 80 } as const;
    expect(
      indicatorProgress(
        indicatorResult('C.1', 'x', {
          target: percent,
          status: 'AT_RISK',
          achieved: 60,
          expected: 80,
        }),
      ),
    ).toEqual({ percent: 75, expectedPercent: null });
    expect(
      indicatorProgress(
        indicatorResult('C.1', 'x', {
          target: percent,
          status: 'OFF_TRACK',
          achieved: 20,
          expected: 40,
        }),
      ),
    ).toEqual({ percent: 25, expectedPercent: 50 });
    expect(
      indicatorProgress(
        indicatorResult('C.1', 'x', { target: percent, status: 'MET', achieved: 95 }),
      ),
    ).toEqual({ percent: 100, expectedPercent: null });
  });

  it('reads ranks and "at most" targets from below', () => {
    const rank = { year: 2026, kind: 'RANK', comparator: 'LE', value: 4, outOf: 34 } as const;
    expect(
      indicatorProgress(
        indicatorResult('D.1', 'x', {
          target: rank,
          status: 'ON_TRACK',
          achieved: 8,
          expected: 16,
        }),
      ),
    ).toEqual({ percent: 50, expectedPercent: 25 });
    const none = { year: 2026, kind: 'COUNT', comparator: 'EQ', value: 0 } as const;
    expect(
      indicatorProgress(
        indicatorResult('D.2', 'x', { target: none, status: 'OFF_TRACK', achieved: 3 }),
      ),
    ).toEqual({ percent: 0, expectedPercent: null });
  });

  it('is full or empty for pass/fail and milestones, and absent without figures or target', () => {
    const passFail = { year: 2026, kind: 'PASS_FAIL', comparator: null } as const;
    expect(
      indicatorProgress(indicatorResult('A.1', 'x', { target: passFail, status: 'NOT_MET' })),
    ).toEqual({ percent: 0, expectedPercent: null });
    expect(
      indicatorProgress(indicatorResult('A.1', 'x', { target: passFail, status: 'NOT_REPORTED' })),
    ).toBeNull();
    expect(indicatorProgress(indicatorResult('A.2', 'x', { status: 'NO_TARGET' }))).toBeNull();
  });
});
