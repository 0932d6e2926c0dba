import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { components } from '../src/api/schema';
import { api, expectAccessible, launch, openPage, screenshot, signIn, topOf } from './browser';
import { docx, type DocParagraph } from './docx';
import { samplePlan, sampleTitle } from './fixtures/ke-hoach-mau';

type Plan = components['schemas']['Plan'];
type IndicatorPage = components['schemas']['PageIndicatorView'];

/**
 * The commune's coordinator brings in a plan from the Word file it was issued as: reads it, sees the plan as understood
 * beside the file, places a unit name the reader could not place and creates a collective name as a unit group,
 * previews again and imports (on a phone up to the preview, on an office screen through the import); the same file
 * again then needs no choice and changes nothing.
 */

const file = () => ({
  name: 'ke-hoach-chuyen-doi-so-thu-nghiem-2027.docx',
  mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  buffer: docx(samplePlan),
});

const wrongName = 'Phòng Kinh tế - Hạ tầng';

async function readTheFile(page: Page) {
  await page.goto('/plans');
  await page.getByRole('link', { name: 'Nhập kế hoạch từ văn bản' }).click();
  await page.getByRole('heading', { level: 1, name: 'Nhập kế hoạch từ văn bản' }).waitFor();
  await page.getByLabel('Tệp văn bản kế hoạch', { exact: true }).setInputFiles(file());
  await page.getByRole('button', { name: 'Đọc văn bản' }).click();
  await page.getByRole('heading', { name: 'Kế hoạch như đã hiểu' }).waitFor({ timeout: 30_000 });
}

/** Places the unknown lead unit on the commune's economy office (and creates the group when offered), previews. */
async function fixAndPreview(page: Page, { createGroup }: { createGroup: boolean }) {
  await page.getByLabel(`Đơn vị ứng với “${wrongName}”`).selectOption({ label: 'Phòng Kinh tế' });
  if (createGroup) {
    await page.getByRole('checkbox', { name: 'Tạo nhóm đơn vị “Các ấp” khi nhập' }).check();
  }
  await page.getByText('Bấm “Xem trước lại” để xem kết quả trước khi nhập.').waitFor();
  await page.getByRole('button', { name: 'Xem trước lại' }).click();
  await page
    .getByText(/^(Không có lỗi chặn|Văn bản được đọc trọn vẹn)/)
    .waitFor({ timeout: 30_000 });
}

/**
 * The first page of the sample plan as a scan: its opening lines drawn by the browser on an A4 page at 150 dpi and
 * captured as a PNG, as a clerk's photo of the paper would arrive.
 */
async function scannedFirstPage(browser: Browser): Promise<Buffer> {
  const context = await browser.newContext({ viewport: { width: 1240, height: 1754 } });
  const page = await context.newPage();
  const lines = samplePlan
    .slice(0, 7)
    .filter((block): block is DocParagraph => 'text' in block)
    .map(
      (block) =>
        `<p style="${block.center ? 'text-align:center;' : ''}${block.bold ? 'font-weight:bold;' : ''}">${block.text}</p>`,
    )
    .join('');
  await page.setContent(
    `<html><body style="margin:120px 110px;background:#fff;color:#000;font:34px/1.5 'DejaVu Serif',serif">${lines}</body></html>`,
  );
  const png = await page.screenshot({ type: 'png' });
  await context.close();
  return png;
}

describe('bringing in a plan from its Word file', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser.close();
  });

  it('on a phone: the plan as understood first, the summary leading to the cell in error', async () => {
    const page = await openPage(browser, 'phone');
    await signIn(page, 'commune');
    await readTheFile(page);
    await screenshot(page, 'plan-intake-phone-read', { fullPage: false });
    expect(await topOf(page, '.intake-plan')).toBeLessThan(await topOf(page, '.intake-source'));

    // The summary leads to the cell in error, far down the document on a phone; the buttons stay at hand.
    await page.getByRole('link', { name: 'Bảng phụ lục, dòng 4, cột “Đơn vị chủ trì”' }).click();
    const select = page.getByLabel(`Đơn vị ứng với “${wrongName}”`);
    await expect.poll(() => select.isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: 'Xem trước lại' }).isVisible()).toBe(true);
    await screenshot(page, 'plan-intake-phone-at-error', { fullPage: false });

    await fixAndPreview(page, { createGroup: true });
    // The result of previewing again is brought into view.
    const sentence = page.getByText(
      /^Sẽ tạo mới kế hoạch XUANLOC-CDS-2027: 2 chỉ tiêu, 2 nhiệm vụ/,
    );
    await expect.poll(() => sentence.isVisible()).toBe(true);
    await screenshot(page, 'plan-intake-phone-fixed', { fullPage: false });
    await screenshot(page, 'plan-intake-phone-whole');
    await expectAccessible(page);
    await page.context().close();
  });

  it('on an office screen: read, fixed in place, previewed again and imported', async () => {
    const page = await openPage(browser, 'desktop');
    await signIn(page, 'commune');
    await readTheFile(page);

    const understood = page.getByRole('region', { name: 'Kế hoạch như đã hiểu' });
    const source = page.getByRole('region', { name: 'Văn bản gốc' });
    await understood.getByText(`Kế hoạch ${sampleTitle}`).waitFor();
    // The file on the left, the plan as understood on the right.
    const left = await source.boundingBox();
    const right = await understood.boundingBox();
    expect(left!.x).toBeLessThan(right!.x);
    expect(await understood.innerText()).toContain('Hằng tháng, đơn vị báo cáo trước ngày 20');
    // The unknown unit blocks the import, at its cell.
    const cell = source.locator('td.intake-cell-error');
    expect(await cell.innerText()).toBe(wrongName);
    await page.getByText(/^Còn 1 lỗi cần xử lý trước khi nhập/).waitFor();
    const commit = page.getByRole('button', { name: 'Nhập kế hoạch' });
    expect(await commit.getAttribute('aria-disabled')).toBe('true');
    await screenshot(page, 'plan-intake-desktop-read', { fullPage: false });
    await screenshot(page, 'plan-intake-desktop-read-whole');
    await expectAccessible(page);

    await fixAndPreview(page, { createGroup: true });
    await page.getByText(/^Sẽ tạo mới kế hoạch XUANLOC-CDS-2027: 2 chỉ tiêu, 2 nhiệm vụ/).waitFor();
    expect(await understood.innerText()).toContain('Phối hợp: Các ấp');
    await screenshot(page, 'plan-intake-desktop-fixed', { fullPage: false });

    await commit.click();
    await page.getByRole('heading', { name: 'Đã nhập kế hoạch' }).waitFor({ timeout: 30_000 });
    await page.getByText(/^Đã tạo kế hoạch XUANLOC-CDS-2027: 2 chỉ tiêu, 2 nhiệm vụ/).waitFor();
    await page
      .getByText(/^Đã ghi nhớ tên gọi khác của đơn vị: “Phòng Kinh tế - Hạ tầng”/)
      .waitFor();
    await screenshot(page, 'plan-intake-desktop-done', { fullPage: false });
    await expectAccessible(page);

    await page.getByRole('link', { name: 'Mở kế hoạch' }).click();
    await page.waitForURL(/\/plans\/[0-9a-f-]{36}$/);
    const planId = new URL(page.url()).pathname.split('/').pop()!;
    const stored = await api<Plan>('commune', `/api/v1/plans/${planId}`);
    expect(stored.title).toBe(`Kế hoạch ${sampleTitle}`);
    expect(stored.reportingRegime.unitReportDay).toBe(20);
    const indicators = await api<IndicatorPage>(
      'commune',
      `/api/v1/plans/${planId}/indicators?size=50`,
    );
    expect(
      indicators.items.map((i) => [
        i.code,
        i.leadUnit?.name,
        i.cooperatingUnits.map((u) => u.name),
      ]),
    ).toEqual([
      ['A.1', 'Phòng Văn hóa - Xã hội', ['Các trường học']],
      ['A.2', 'Phòng Kinh tế', ['Các ấp']],
    ]);
    await page.getByRole('heading', { level: 1, name: new RegExp(sampleTitle) }).waitFor();

    // The same file again: the name written for the economy office is known now, and nothing changes.
    await readTheFile(page);
    await page
      .getByText('Kế hoạch XUANLOC-CDS-2027 đã có trong hệ thống và văn bản không thay đổi gì.')
      .waitFor();
    expect(await page.locator('td.intake-cell-error').count()).toBe(0);
    await screenshot(page, 'plan-intake-desktop-again', { fullPage: false });
    await page.context().close();
  });

  it('a scan: its text recognised page by page, then the plan as understood with its page marked', async () => {
    const png = await scannedFirstPage(browser);
    for (const viewport of ['phone', 'desktop'] as const) {
      const page = await openPage(browser, viewport);
      await signIn(page, 'commune');
      await page.goto('/plans/intake');
      await page
        .getByLabel('Tệp văn bản kế hoạch', { exact: true })
        .setInputFiles({ name: 'ke-hoach-quet.png', mimeType: 'image/png', buffer: png });
      await page.getByRole('button', { name: 'Đọc văn bản' }).click();
      await page.getByText(/^Đang (nhận dạng chữ|chuẩn bị nhận dạng chữ)/).waitFor();
      await screenshot(page, `plan-intake-${viewport}-scanning`, { fullPage: false });
      await page
        .getByRole('heading', { name: 'Kế hoạch như đã hiểu' })
        .waitFor({ timeout: 120_000 });
      const source = page.getByRole('region', { name: 'Văn bản gốc' });
      expect(await source.getByText('Trang 1').count()).toBeGreaterThan(0);
      expect(await page.getByRole('region', { name: 'Kế hoạch như đã hiểu' }).innerText()).toMatch(
        /Chuyển đổi số/,
      );
      await screenshot(page, `plan-intake-${viewport}-scan-read`, { fullPage: false });
      await screenshot(page, `plan-intake-${viewport}-scan-read-whole`);
      await page.context().close();
    }
  });
});
