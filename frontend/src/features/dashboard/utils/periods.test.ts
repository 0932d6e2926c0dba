import { describe, expect, it } from 'vitest';
import { monthlyPeriods, plans } from '@/features/dashboard/testing/fixtures';
import { i18n } from '@/lib/i18n';
import {
  currentPeriod,
  defaultPlan,
  periodLabel,
  todayInVietnam,
} from '@/features/dashboard/utils/periods';

describe('periods and plans to open first', () => {
  it("takes today's date in Vietnam, not the device's", () => {
    expect(todayInVietnam(new Date('2026-11-30T18:30:00Z'))).toBe('2026-12-01');
  });

  it('opens the period containing today, else the last one begun', () => {
    const periods = monthlyPeriods(plans.xuanLoc2026.id, [2026, 2026]);
    expect(currentPeriod(periods, '2026-11-22')?.key).toBe('2026-11');
    expect(currentPeriod(periods, '2027-02-01')?.key).toBe('2026-12');
    expect(currentPeriod(periods, '2025-06-01')?.key).toBe('2026-01');
  });

  it('opens the plan covering this year, an issued one before a draft', () => {
    const all = [
      plans.xuanLoc2025,
      plans.xuanLoc2026,
      { ...plans.xuanLoc2026, id: 'issued', status: 'ISSUED' as const },
    ];
    expect(defaultPlan(all, '2026-05-01')?.id).toBe('issued');
    expect(defaultPlan([plans.xuanLoc2025, plans.xuanLoc2026], '2026-05-01')?.id).toBe(
      plans.xuanLoc2026.id,
    );
    expect(defaultPlan([plans.xuanLoc2025], '2027-01-01')?.id).toBe(plans.xuanLoc2025.id);
  });

  it('names periods as people say them', () => {
    expect(periodLabel('2026-03', i18n.t)).toBe('Tháng 3/2026');
    expect(periodLabel('2026-Q2', i18n.t)).toBe('Quý II/2026');
    expect(periodLabel('2026-H2', i18n.t)).toBe('6 tháng cuối năm 2026');
    expect(periodLabel('2026', i18n.t)).toBe('Năm 2026');
  });
});
