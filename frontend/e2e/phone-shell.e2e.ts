import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, launch, openPage, screenshot, signIn, viewports } from './browser';

const headerHeight = (page: Page) =>
  page.locator('header.app-header').evaluate((header) => header.getBoundingClientRect().height);

// At 360×780 (a phone) and 1366×768 (an office screen).
describe('the frame of the app', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser.close();
  });

  it('keeps the header to one line on a phone, with the screens one tap away in the menu', async () => {
    const page = await openPage(browser, 'phone');
    await signIn(page, 'viewer');
    await page.getByRole('heading', { level: 1 }).waitFor();
    expect(await headerHeight(page)).toBeLessThanOrEqual(64);
    const nav = page.getByRole('navigation', { name: 'Điều hướng chính' });
    expect(await nav.isVisible()).toBe(false);
    await screenshot(page, 'shell-phone');

    const menu = page.getByRole('button', { name: 'Trình đơn' });
    await menu.click();
    expect(await menu.getAttribute('aria-expanded')).toBe('true');
    expect(await nav.getByRole('link').allTextContents()).toEqual(['Bảng theo dõi', 'Kế hoạch']);
    expect(await page.getByRole('button', { name: 'Đăng xuất' }).isVisible()).toBe(true);
    await expectAccessible(page);
    await screenshot(page, 'shell-phone-menu');

    await nav.getByRole('link', { name: 'Kế hoạch' }).click();
    await page.waitForURL(/\/plans$/);
    // The menu closes once the new screen has rendered, which may come just after the address changes.
    await expect.poll(() => nav.isVisible()).toBe(false);
    await expect.poll(() => menu.getAttribute('aria-expanded')).toBe('false');
    await page.context().close();
  });

  it('shows the navigation in the header of an office screen, without a menu button', async () => {
    const page = await openPage(browser, 'desktop');
    await signIn(page, 'province');
    await page.getByRole('heading', { level: 1 }).waitFor();
    const nav = page.getByRole('navigation', { name: 'Điều hướng chính' });
    expect(await nav.getByRole('link', { name: 'Kế hoạch' }).isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: 'Trình đơn' }).isVisible()).toBe(false);
    await screenshot(page, 'shell-desktop');
    // Everything the phone keeps behind the menu is in the header, above the first tenth of the screen or so.
    expect(await headerHeight(page)).toBeLessThanOrEqual(140);
    await page.context().close();
  });

  for (const size of Object.keys(viewports) as (keyof typeof viewports)[]) {
    it(`takes the date of issue day first, typed or picked from a calendar (${size})`, async () => {
      const page = await openPage(browser, size);
      await signIn(page, 'province');
      await page.goto('/plans/new');
      const date = page.getByLabel('Ngày ban hành');
      expect(await date.getAttribute('type')).toBe('text');
      await date.fill('31/02/2026');
      await date.blur();
      await expect
        .poll(() => page.getByText('Ngày này không đọc được', { exact: false }).count())
        .toBe(1);
      await date.fill('26/03/2026');
      expect(await page.getByText('Ngày này không đọc được', { exact: false }).count()).toBe(0);

      await page.getByRole('button', { name: 'Chọn ngày' }).click();
      const calendar = page.getByRole('group', { name: 'Ngày ban hành' });
      await calendar.waitFor();
      expect(await calendar.textContent()).toContain('Tháng Ba 2026');
      await screenshot(page, `date-field-${size}`);
      await calendar.getByRole('button', { name: /ngày 15 tháng 0?3/i }).click();
      expect(await date.inputValue()).toBe('15/03/2026');
      await page.context().close();
    });
  }
});
