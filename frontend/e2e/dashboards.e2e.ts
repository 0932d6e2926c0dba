import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  api,
  expectAccessible,
  expectCommuneFound,
  expectEveryCommune,
  expectLeaderGlance,
  launch,
  openPage,
  screenshot,
  signIn,
  viewports,
} from './browser';

describe('each person opens the dashboard on their own question', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser.close();
  });

  for (const size of ['phone', 'desktop'] as const) {
    it(`the leader reads the statuses and the late units above the fold (${size})`, async () => {
      const page = await openPage(browser, size);
      await signIn(page, 'viewer');
      await expectLeaderGlance(page);
      // The long parts wait behind tabs.
      expect(await page.getByRole('tab').count()).toBeGreaterThanOrEqual(4);
      await expectAccessible(page);
      await screenshot(page, `dashboard-viewer-${size}`);
      await page.context().close();
    });
  }

  it('the province sees every commune, one without a plan too, and finds one without diacritics', async () => {
    const province = await api<{ items: { id: string; code: string }[] }>(
      'province',
      '/api/v1/org-units?q=DNAI&kind=PROVINCE',
    );
    const dongNai = province.items.find((u) => u.code === 'DNAI')!;
    const suffix = Math.random().toString(36).slice(2, 7).toUpperCase();
    await api('province', '/api/v1/org-units', {
      method: 'POST',
      body: JSON.stringify({
        code: `DNAI.LONGKHANH-${suffix}`,
        name: `Phường Long Khánh ${suffix}`,
        kind: 'WARD',
        parentId: dongNai.id,
      }),
    });

    for (const size of ['phone', 'desktop'] as const) {
      const page = await openPage(browser, size);
      await signIn(page, 'province');
      const { rows, communes } = await expectEveryCommune(page);
      const names = communes.items.map((c) => c.commune.name);
      expect(names).toContain('Xã Xuân Lộc');
      expect(names).toContain('Xã Phú Lâm');
      expect(names).toContain(`Phường Long Khánh ${suffix}`);
      const withoutPlan = rows.filter({ hasText: `Phường Long Khánh ${suffix}` });
      expect(await withoutPlan.innerText()).toContain('Chưa có kế hoạch');
      await expectAccessible(page);
      await screenshot(page, `dashboard-province-${size}`);

      await expectCommuneFound(page, 'xuan loc', 'Xã Xuân Lộc');
      await screenshot(page, `dashboard-province-search-${size}`);
      await page.context().close();
    }
  });

  for (const username of ['admin', 'province', 'commune', 'reporter', 'reporter2', 'viewer']) {
    for (const size of Object.keys(viewports) as (keyof typeof viewports)[]) {
      it(`the dashboard opens for ${username} (${size})`, async () => {
        const page = await openPage(browser, size);
        await signIn(page, username);
        await page.goto('/dashboard');
        await page
          .getByRole('region', { name: /^Tình hình / })
          .or(page.getByRole('status').filter({ hasText: /chưa có kế hoạch|không có kỳ/i }))
          .first()
          .waitFor();
        expect(await page.getByText('Đã xảy ra lỗi không mong muốn').count()).toBe(0);
        await screenshot(page, `dashboard-role-${username}-${size}`);
        await page.context().close();
      });
    }
  }
});
