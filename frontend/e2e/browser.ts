import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium, type Page } from 'playwright-core';
import { expect, inject } from 'vitest';

export const baseUrl = () => inject('baseUrl');

const screenshots = fileURLToPath(new URL('../e2e-results/screenshots', import.meta.url));
const axeSource = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

/** Widths the app must work at: a phone and an office screen. */
export const viewports = {
  phone: { width: 360, height: 740 },
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

export async function openPage(browser: Browser, viewport: keyof typeof viewports): Promise<Page> {
  const context = await browser.newContext({
    viewport: viewports[viewport],
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
    baseURL: baseUrl(),
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

export async function signIn(page: Page, username: string, password = 'Demo@2026') {
  await page.goto('/sign-in');
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
}

/** Saves what the page looks like now, for a person to look at: e2e-results/screenshots/<name>.png. */
export async function screenshot(page: Page, name: string) {
  mkdirSync(screenshots, { recursive: true });
  await page.screenshot({ path: `${screenshots}/${name}.png`, fullPage: true });
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
