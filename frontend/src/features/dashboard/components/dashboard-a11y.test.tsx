import { screen } from '@testing-library/react';
import axe from 'axe-core';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Dashboard } from '@/features/dashboard/components/dashboard';
import {
  consolidated,
  periodOf,
  plans,
  province,
  provinceMe,
  provinceRanking,
  serveDashboard,
  today,
  xuanLocIndicators,
  xuanLocTasks,
  xuanLocTimeliness,
} from '@/features/dashboard/testing/fixtures';
import { seedSession } from '@/testing/session';
import { renderRoute } from '@/testing/test-utils';

/** Serious and critical violations; colour contrast needs a real browser's layout and is left to it. */
async function violations(): Promise<string[]> {
  const result = await axe.run(document.body, { rules: { 'color-contrast': { enabled: false } } });
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

describe('Dashboard accessibility', { timeout: 30_000 }, () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'], now: today });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('has no serious violations on a commune dashboard', async () => {
    await seedSession();
    serveDashboard({
      consolidated: {
        [`${plans.xuanLoc2026.id}/2026-11`]: consolidated(
          plans.xuanLoc2026,
          periodOf(plans.xuanLoc2026, '2026-11'),
          { indicators: xuanLocIndicators(), tasks: xuanLocTasks, timeliness: xuanLocTimeliness },
        ),
      },
      indicators: {},
      overview: {},
      rankings: { [province.id]: provinceRanking },
    });
    const { user } = renderRoute(<Dashboard />, { path: '/dashboard', url: '/dashboard' });
    await screen.findByRole('table', { name: /Chỉ tiêu của kế hoạch/ });
    expect(await violations()).toEqual([]);

    // The ranking behind its tab; the chart library arrives on its own, after the tables.
    await user.click(screen.getByRole('tab', { name: 'Xếp hạng DTI' }));
    await screen.findByRole('img', { name: /^Biểu đồ thứ hạng/ }, { timeout: 10_000 });
    expect(await violations()).toEqual([]);
  });

  it('has no serious violations on the province dashboard', async () => {
    await seedSession({ me: provinceMe });
    serveDashboard({
      consolidated: {
        [`${plans.province.id}/2026-11`]: consolidated(
          plans.province,
          periodOf(plans.province, '2026-11'),
          { indicators: xuanLocIndicators() },
        ),
      },
      indicators: {},
      overview: {
        [`${plans.province.id}/2026-11`]: {
          plan: consolidated(plans.province, periodOf(plans.province, '2026-11')).plan,
          periodKey: '2026-11',
          plans: [],
          rollups: [],
        },
      },
      rankings: { [province.id]: provinceRanking },
    });
    const { user } = renderRoute(<Dashboard />, { path: '/dashboard', url: '/dashboard' });
    await screen.findByText('Tỉnh chưa có xã, phường nào trong phạm vi bạn được xem.');
    expect(await violations()).toEqual([]);

    await user.click(screen.getByRole('tab', { name: 'Xếp hạng DTI' }));
    await screen.findByRole('img', { name: /^Biểu đồ thứ hạng/ }, { timeout: 10_000 });
    expect(await violations()).toEqual([]);
  });
});
