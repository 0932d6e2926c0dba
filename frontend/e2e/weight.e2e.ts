import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, Page, Response } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, openPage, screenshot, signIn } from './browser';

/**
 * What a first visit costs a phone: the JavaScript bytes as they cross the wire from the product (compressed),
 * before the sign-in form and on the leader's dashboard. Budgets in bytes; the figures go to
 * e2e-results/weight.json.
 */
const KiB = 1024;
const SIGN_IN_BUDGET = 200 * KiB;
const DASHBOARD_BUDGET = 300 * KiB;
const CHART_BUDGET = 110 * KiB;

interface Script {
  url: string;
  encoding: string;
  wireBytes: number;
  bytes: number;
}

/** Records every script the page receives (modules and their preloads), with its size on the wire and unpacked. */
function recordScripts(page: Page): Script[] {
  const scripts: Script[] = [];
  page.on('response', (response: Response) => {
    if (!new URL(response.url()).pathname.endsWith('.js')) return;
    void (async () => {
      const [sizes, body] = await Promise.all([response.request().sizes(), response.body()]);
      scripts.push({
        url: new URL(response.url()).pathname,
        encoding: (await response.headerValue('content-encoding')) ?? 'identity',
        wireBytes: sizes.responseBodySize,
        bytes: body.length,
      });
    })();
  });
  return scripts;
}

const total = (scripts: Script[], key: 'wireBytes' | 'bytes') =>
  scripts.reduce((sum, script) => sum + script[key], 0);

/** Waits until the page has loaded everything it asked for, and the recorder has measured it. */
async function settled(page: Page, scripts: Script[]) {
  await page.waitForLoadState('networkidle');
  await expect
    .poll(async () => {
      const asked = await page.evaluate(
        () =>
          performance
            .getEntriesByType('resource')
            .filter((entry) => (entry as PerformanceResourceTiming).initiatorType !== 'fetch')
            .filter((entry) => entry.name.endsWith('.js')).length,
      );
      return scripts.length >= asked;
    })
    .toBe(true);
}

describe('the weight of the web app on a first visit', () => {
  let browser: Browser;
  const figures: Record<string, unknown> = {};
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser.close();
    const results = fileURLToPath(new URL('../e2e-results', import.meta.url));
    mkdirSync(results, { recursive: true });
    writeFileSync(`${results}/weight.json`, `${JSON.stringify(figures, null, 2)}\n`);
  });

  it('sends the sign-in page its JavaScript compressed, within the budget', async () => {
    const page = await openPage(browser, 'phone');
    const scripts = recordScripts(page);
    await page.goto('/sign-in');
    await page.getByLabel('Tên đăng nhập').waitFor();
    await settled(page, scripts);

    expect(scripts.length).toBeGreaterThan(0);
    for (const script of scripts) {
      expect(['br', 'gzip'], script.url).toContain(script.encoding);
      expect(script.wireBytes, script.url).toBeLessThan(script.bytes / 2);
    }
    // The dashboard's chart and the screens behind the sign-in are not loaded before it.
    expect(
      scripts.map((s) => s.url).filter((url) => /dti-chart|dashboard|plans-list/.test(url)),
    ).toEqual([]);
    const wire = total(scripts, 'wireBytes');
    figures.signIn = { scripts: scripts.length, wireBytes: wire, bytes: total(scripts, 'bytes') };
    expect(wire).toBeLessThanOrEqual(SIGN_IN_BUDGET);
    await page.context().close();
  });

  it('sends the leader the dashboard and its chart within their budgets', async () => {
    const page = await openPage(browser, 'phone');
    const scripts = recordScripts(page);
    await signIn(page, 'viewer');
    await page.goto('/dashboard');
    await page.getByRole('heading', { level: 1 }).waitFor();
    await settled(page, scripts);
    await screenshot(page, 'weight-dashboard-phone');

    const chart = scripts.filter((s) => s.url.includes('dti-chart'));
    const wire = total(scripts, 'wireBytes');
    figures.dashboard = {
      scripts: scripts.length,
      wireBytes: wire,
      bytes: total(scripts, 'bytes'),
      chartWireBytes: total(chart, 'wireBytes'),
      chartBytes: total(chart, 'bytes'),
    };
    expect(wire).toBeLessThanOrEqual(DASHBOARD_BUDGET);
    expect(total(chart, 'wireBytes')).toBeLessThanOrEqual(CHART_BUDGET);
    await page.context().close();
  });

  it('has index.html revalidated and the hashed files kept, so an upgrade is seen at the next visit', async () => {
    const page = await openPage(browser, 'desktop');
    const index = await page.goto('/sign-in');
    expect(await index?.headerValue('cache-control')).toBe('no-cache');
    expect(await index?.headerValue('last-modified')).toBeTruthy();
    const script = await page.locator('script[src^="/assets/"]').first().getAttribute('src');
    const asset = await page.request.get(script ?? '');
    expect(asset.headers()['cache-control']).toBe('public, max-age=31536000, immutable');
    await page.context().close();
  });
});
