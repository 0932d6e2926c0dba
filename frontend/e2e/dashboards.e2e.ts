import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  baseUrl,
  expectAccessible,
  launch,
  openPage,
  screenshot,
  signIn,
  viewports,
} from './browser';

// The first screen of a phone: what a person sees before scrolling.
const fold = 780;
const phone = { width: 360, height: fold };

async function apiToken(username: string): Promise<string> {
  const response = await fetch(`${baseUrl()}/api/v1/auth/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'password', username, password: 'Demo@2026' }),
  });
  return ((await response.json()) as { access_token: string }).access_token;
}

async function api<T>(username: string, path: string, init: RequestInit = {}): Promise<T> {
  const response = await fetch(`${baseUrl()}${path}`, {
    ...init,
    headers: {
      Authorization: `Bearer ${await apiToken(username)}`,
      'Content-Type': 'application/json',
      ...init.headers,
    },
  });
  expect(response.ok).toBe(true);
  return (await response.json()) as T;
}

/** The top of an element, in page pixels from the top of the page. */
async function topOf(page: Page, selector: string): Promise<number> {
  const box = await page.locator(selector).first().boundingBox();
  expect(box).not.toBeNull();
  return box!.y + (await page.evaluate(() => window.scrollY));
}

type Summary = {
  statusCounts: Record<string, number>;
  timeliness: { lateUnits: { unit: { name: string } }[] };
};

const statusWords: Record<string, string> = {
  MET: 'Đạt',
  ON_TRACK: 'Đúng tiến độ',
  AT_RISK: 'Có nguy cơ chậm',
  OFF_TRACK: 'Chậm tiến độ',
  NOT_MET: 'Không đạt',
  NOT_REPORTED: 'Chưa có số liệu',
  NO_TARGET: 'Không có mục tiêu năm',
};

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
      if (size === 'phone') await page.setViewportSize(phone);
      await signIn(page, 'viewer');
      await page.goto('/dashboard');
      const glance = page.getByRole('region', { name: /^Tình hình / });
      await glance.waitFor();
      const url = new URL(page.url());
      const summary = await api<Summary>(
        'viewer',
        `/api/v1/plans/${url.searchParams.get('plan')}/periods/${url.searchParams.get('period')}/summary`,
      );

      // Every status the server counted, in words with its count, on the first screen.
      const counts = glance.getByRole('list', { name: /Số chỉ tiêu theo tình trạng/ });
      const expected = Object.entries(summary.statusCounts)
        .filter(([, n]) => n > 0)
        .map(([status, n]) => `${statusWords[status]} ${n}`);
      const shown = (await counts.getByRole('link').allInnerTexts()).map((text) =>
        text
          .replace(/^[✓→!↓✕?–]\s*/u, '')
          .replace(/\s+/g, ' ')
          .trim(),
      );
      for (const line of expected) expect(shown.some((s) => s.startsWith(line))).toBe(true);
      const total = Object.values(summary.statusCounts).reduce((a, b) => a + b, 0);
      await glance.getByRole('heading', { name: `Chỉ tiêu theo tình trạng (${total})` }).waitFor();
      expect(await topOf(page, '[data-testid=glance-statuses] .dash-status-counts')).toBeLessThan(
        fold,
      );

      // The late units by name, also before the fold.
      const late = summary.timeliness.lateUnits;
      await glance
        .getByRole('heading', { name: `Đơn vị chậm nộp kỳ này (${late.length})` })
        .waitFor();
      expect(await topOf(page, '[data-testid=glance-late-units] h3')).toBeLessThan(fold);
      for (const unit of late.slice(0, 5)) {
        await glance.getByText(unit.unit.name, { exact: true }).first().waitFor();
      }
      // The period beside the year so far.
      await glance.getByRole('table', { name: 'Nộp báo cáo: kỳ này và từ đầu năm' }).waitFor();
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
      if (size === 'phone') await page.setViewportSize(phone);
      await signIn(page, 'province');
      await page.goto('/dashboard');
      const section = page.getByRole('region', { name: 'Các xã, phường gửi báo cáo' });
      await section.waitFor();
      const url = new URL(page.url());
      const communes = await api<{ totalCommunes: number; items: { commune: { name: string } }[] }>(
        'province',
        `/api/v1/plans/${url.searchParams.get('plan')}/periods/${url.searchParams.get('period')}/communes?size=200`,
      );
      const names = communes.items.map((c) => c.commune.name);
      expect(names).toContain('Xã Xuân Lộc');
      expect(names).toContain('Xã Phú Lâm');
      expect(names).toContain(`Phường Long Khánh ${suffix}`);
      await section.getByText(new RegExp(`/${communes.totalCommunes} xã, phường`)).waitFor();
      const rows = section.getByTestId('commune-row');
      await expect
        .poll(() => rows.count(), { timeout: 20_000 })
        .toBe(Math.min(20, communes.totalCommunes));
      const withoutPlan = rows.filter({ hasText: `Phường Long Khánh ${suffix}` });
      expect(await withoutPlan.innerText()).toContain('Chưa có kế hoạch');
      await expectAccessible(page);
      await screenshot(page, `dashboard-province-${size}`);

      const search = section.getByRole('searchbox', { name: 'Tìm xã, phường' });
      await search.fill('xuan loc');
      await search.press('Enter');
      await expect
        .poll(async () => (await rows.allInnerTexts()).map((t) => t.split('\n')[0]?.trim()), {
          timeout: 20_000,
        })
        .toEqual(['Xã Xuân Lộc']);
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
