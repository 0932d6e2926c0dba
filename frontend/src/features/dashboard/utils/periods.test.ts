import { describe, expect, it } from 'vitest';
import { plans } from '@/features/dashboard/testing/fixtures';
import { defaultPlan } from '@/features/dashboard/utils/periods';

describe('plans to open first', () => {
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
});
