import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, launch, openPage, screenshot, signIn, viewports } from './browser';

describe('signing in', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser.close();
  });

  for (const viewport of Object.keys(viewports) as (keyof typeof viewports)[]) {
    it(`refuses a wrong password, then signs in and lists the plans (${viewport})`, async () => {
      const page = await openPage(browser, viewport);
      await page.goto('/plans');
      await page.waitForURL(/\/sign-in/);
      await expectAccessible(page);
      await screenshot(page, `sign-in-${viewport}`);

      await page.getByLabel('Tên đăng nhập').fill('province');
      await page.getByLabel('Mật khẩu').fill('sai-mat-khau');
      await page.getByRole('button', { name: 'Đăng nhập' }).click();
      await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/mật khẩu/i);

      await signIn(page, 'province');
      await page.goto('/plans');
      await page.getByRole('table').waitFor();
      expect(await page.getByRole('row').count()).toBeGreaterThan(1);
      await expectAccessible(page);
      await screenshot(page, `plans-${viewport}`);
      await page.context().close();
    });
  }
});
