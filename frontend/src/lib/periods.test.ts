import { describe, expect, it } from 'vitest';
import { i18n } from '@/lib/i18n';
import { currentPeriod, periodLabel, todayInVietnam } from '@/lib/periods';
import { monthlyPeriods, plan } from '@/testing/fixtures';

describe('periods', () => {
  it("takes today's date in Vietnam, not the device's", () => {
    expect(todayInVietnam(new Date('2026-11-30T18:30:00Z'))).toBe('2026-12-01');
  });

  it('opens the period containing today, else the last one begun, else the first', () => {
    const periods = monthlyPeriods(plan.id, [2026, 2026]);
    expect(currentPeriod(periods, '2026-11-22')?.key).toBe('2026-11');
    expect(currentPeriod(periods, '2027-02-01')?.key).toBe('2026-12');
    expect(currentPeriod(periods, '2025-06-01')?.key).toBe('2026-01');
    expect(currentPeriod([], '2026-11-22')).toBeUndefined();
  });

  it('names periods as people say them', () => {
    expect(periodLabel('2026-03', i18n.t)).toBe('Tháng 3/2026');
    expect(periodLabel('2026-Q2', i18n.t)).toBe('Quý II/2026');
    expect(periodLabel('2026-H1', i18n.t)).toBe('6 tháng đầu năm 2026');
    expect(periodLabel('2026-H2', i18n.t)).toBe('6 tháng cuối năm 2026');
    expect(periodLabel('2026', i18n.t)).toBe('Năm 2026');
    expect(periodLabel('not-a-period', i18n.t)).toBe('not-a-period');
  });
});
