import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium, type Page } from 'playwright-core';
import { expect, inject } from 'vitest';

/** The product with the bare demo plans. */
export const baseUrl = () => inject('baseUrl');
/** The product with the demo's year of reporting written up to today, as `make run` shows it. */
export const livedInUrl = () => inject('livedInUrl');

const screenshots = fileURLToPath(new URL('../e2e-results/screenshots', import.meta.url));
const axeSource = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

/** Sizes the app must work at: a phone and an office screen. */
export const viewports = {
  phone: { width: 360, height: 780 },
  desktop: { width: 1366, height: 768 },
} as const;

export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/** A new page on the product at `base` (the bare demo unless told), at one of the sizes. */
export async function openPage(
  browser: Browser,
  viewport: keyof typeof viewports,
  base: string = baseUrl(),
): Promise<Page> {
  const context = await browser.newContext({
    viewport: viewports[viewport],
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
    baseURL: base,
  });
  const page = await context.newPage();
  const refused: string[] = [];
  policyRefusals.set(page, refused);
  page.on('console', (message) => {
    if (message.text().includes('Content Security Policy')) refused.push(message.text());
  });
  return page;
}

/** What the page's Content-Security-Policy refused so far: the app must need nothing it forbids. */
const policyRefusals = new WeakMap<Page, string[]>();

/** Signs in on the product the page was opened on (`openPage`), or on the one at `base`. */
export async function signIn(
  page: Page,
  username: string,
  { password = 'Demo@2026', base }: { password?: string; base?: string } = {},
) {
  await page.goto(base ? `${base}/sign-in` : '/sign-in');
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
}

/** A token for a demo account, for asking the API what a screen should show. */
export async function apiToken(username: string, base: string = baseUrl()): Promise<string> {
  const response = await fetch(`${base}/api/v1/auth/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'password', username, password: 'Demo@2026' }),
  });
  expect(response.ok).toBe(true);
  return ((await response.json()) as { access_token: string }).access_token;
}

/** What the API answers a demo account (JSON), on the product at `base` (the bare demo unless told). */
export async function api<T>(
  username: string,
  path: string,
  { base = baseUrl(), ...init }: RequestInit & { base?: string } = {},
): Promise<T> {
  const response = await fetch(`${base}${path}`, {
    ...init,
    headers: {
      Authorization: `Bearer ${await apiToken(username, base)}`,
      'Content-Type': 'application/json',
      ...init.headers,
    },
  });
  expect(response.ok).toBe(true);
  return (await response.json()) as T;
}

/** The top of an element, in page pixels from the top of the page. */
export async function topOf(page: Page, selector: string): Promise<number> {
  const box = await page.locator(selector).first().boundingBox();
  expect(box).not.toBeNull();
  return box!.y + (await page.evaluate(() => window.scrollY));
}

/** The product a page is on, for asking its API what the page should show. */
export const productOf = (page: Page) => new URL(page.url()).origin;

/** The plan and period the dashboard shows, from its address. */
function dashboardScope(page: Page): string {
  const url = new URL(page.url());
  return `/api/v1/plans/${url.searchParams.get('plan')}/periods/${url.searchParams.get('period')}`;
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

/**
 * Opens the dashboard of a signed-in leader and checks its first screen against the API: every status the server
 * counted, in words with its count, and the late units by name, both above the fold of the page's screen; the
 * period beside the year so far.
 */
export async function expectLeaderGlance(page: Page, username = 'viewer') {
  await page.goto('/dashboard');
  const glance = page.getByRole('region', { name: /^Tình hình / });
  await glance.waitFor();
  const summary = await api<Summary>(username, `${dashboardScope(page)}/summary`, {
    base: productOf(page),
  });
  const screen = page.viewportSize()!.height;

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
    screen,
  );

  const late = summary.timeliness.lateUnits;
  await glance.getByRole('heading', { name: `Đơn vị chậm nộp kỳ này (${late.length})` }).waitFor();
  expect(await topOf(page, '[data-testid=glance-late-units] h3')).toBeLessThan(screen);
  for (const unit of late.slice(0, 5)) {
    await glance.getByText(unit.unit.name, { exact: true }).first().waitFor();
  }
  await glance.getByRole('table', { name: 'Nộp báo cáo: kỳ này và từ đầu năm' }).waitFor();
  return { glance, summary };
}

/**
 * Opens the dashboard of a signed-in province coordinator and checks its communes against the API: the number of
 * them on screen, and as many rows as one page holds.
 */
export async function expectEveryCommune(page: Page, username = 'province') {
  await page.goto('/dashboard');
  const section = page.getByRole('region', { name: 'Các xã, phường gửi báo cáo' });
  await section.waitFor();
  const communes = await api<{ totalCommunes: number; items: { commune: { name: string } }[] }>(
    username,
    `${dashboardScope(page)}/communes?size=200`,
    { base: productOf(page) },
  );
  await section.getByText(new RegExp(`/${communes.totalCommunes} xã, phường`)).waitFor();
  const rows = section.getByTestId('commune-row');
  await expect
    .poll(() => rows.count(), { timeout: 20_000 })
    .toBe(Math.min(20, communes.totalCommunes));
  return { section, rows, communes };
}

/** Searches the dashboard's communes for words typed without diacritics, and expects one commune found. */
export async function expectCommuneFound(page: Page, words: string, name: string) {
  const section = page.getByRole('region', { name: 'Các xã, phường gửi báo cáo' });
  const search = section.getByRole('searchbox', { name: 'Tìm xã, phường' });
  await search.fill(words);
  await search.press('Enter');
  await expect
    .poll(
      async () =>
        (await section.getByTestId('commune-row').allInnerTexts()).map((t) =>
          t.split('\n')[0]?.trim(),
        ),
      { timeout: 20_000 },
    )
    .toEqual([name]);
}

/**
 * Saves what the page looks like now, for a person to look at: e2e-results/screenshots/<name>.png, the whole page, or
 * only what the screen shows before scrolling.
 */
export async function screenshot(page: Page, name: string, { fullPage = true } = {}) {
  mkdirSync(screenshots, { recursive: true });
  await page.screenshot({ path: `${screenshots}/${name}.png`, fullPage });
}

/** The first screen (before scrolling) and the whole page: <name>.png and <name>-whole.png. */
export async function screenshotFirstScreen(page: Page, name: string) {
  await page.evaluate(() => window.scrollTo(0, 0));
  await screenshot(page, name, { fullPage: false });
  await screenshot(page, `${name}-whole`);
}

/**
 * Fails on serious or critical accessibility violations (axe-core) on the page as it is now, and on
 * anything its Content-Security-Policy refused. axe is evaluated through the browser's debugging
 * protocol, which the policy does not govern: the app itself may not run inline scripts.
 */
export async function expectAccessible(page: Page) {
  expect(policyRefusals.get(page) ?? []).toEqual([]);
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: () => Promise<{ violations: Violation[] }> } })
      .axe;
    const result = await axe.run();
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  });
  expect(violations).toEqual([]);
}

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}
