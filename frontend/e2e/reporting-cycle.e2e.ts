import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiToken,
  baseUrl,
  expectAccessible,
  launch,
  openPage,
  screenshot,
  signIn,
  viewports,
} from './browser';

// A small but real PDF: the product decides the type by the content, not the name.
const pdf = {
  name: 'QD-15-UBND-so-hoa.pdf',
  mimeType: 'application/pdf',
  buffer: Buffer.from(
    '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
  ),
};

async function reportFromApi(
  reportId: string,
): Promise<{ state: string; plan: { id: string }; period: { key: string } }> {
  const response = await fetch(`${baseUrl()}/api/v1/reports/${reportId}`, {
    headers: { Authorization: `Bearer ${await apiToken('commune')}` },
  });
  expect(response.status).toBe(200);
  return (await response.json()) as {
    state: string;
    plan: { id: string };
    period: { key: string };
  };
}

/** Photographs the page at both widths, then leaves it at the desktop width. */
async function photograph(page: Page, name: string) {
  await expectAccessible(page);
  await page.setViewportSize(viewports.phone);
  await screenshot(page, `${name}-phone`);
  await page.setViewportSize(viewports.desktop);
  await screenshot(page, `${name}-desktop`);
}

describe('the monthly reporting cycle in the browser', () => {
  let browser: Browser;
  let reportId = '';
  let reviewUrl = '';

  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser.close();
  });

  it('a reporter enters a value with a PDF as evidence and submits it', async () => {
    const page = await openPage(browser, 'desktop');
    await signIn(page, 'reporter');
    await page.waitForURL(/\/my-work/);
    await page.goto('/my-work?period=2026-11');
    const card = page.locator('li.work-card', { hasText: 'C.6' });
    await card.getByRole('link', { name: 'Nhập báo cáo' }).click();

    await page.getByLabel('Giá trị đạt được', { exact: true }).fill('96,5');
    await page
      .getByLabel('Kết quả thực hiện', { exact: true })
      .fill('Tiếp nhận 1.250 hồ sơ, trong đó 1.206 hồ sơ trực tuyến.');
    await page.locator('input[type=file]:not([capture])').first().setInputFiles(pdf);
    await page
      .getByRole('list', { name: 'Tài liệu đã đính kèm' })
      .getByText('QD-15-UBND-so-hoa', { exact: true })
      .waitFor();
    await photograph(page, 'report-entry');

    await page.getByRole('button', { name: 'Gửi báo cáo' }).click();
    await page.getByText('Đã gửi báo cáo.', { exact: false }).waitFor();
    reportId = /\/my-work\/reports\/([0-9a-f-]{36})/.exec(page.url())?.[1] ?? '';
    expect(reportId).not.toBe('');
    const report = await reportFromApi(reportId);
    expect(report.state).toBe('SUBMITTED');
    reviewUrl = `/review/${reportId}?plan=${report.plan.id}&period=${report.period.key}`;
    await page.context().close();
  });

  it('the coordinator returns it with a comment; the reporter sees the comment and resubmits', async () => {
    const coordinator = await openPage(browser, 'desktop');
    await signIn(coordinator, 'commune');
    await coordinator.goto(reviewUrl);
    await coordinator.getByText('96,5').first().waitFor();
    // The evidence comes with the report: the coordinator can open the PDF in the browser.
    await coordinator
      .getByRole('button', { name: /QD-15-UBND-so-hoa/ })
      .first()
      .waitFor();
    await coordinator
      .getByLabel('Nhận xét', { exact: true })
      .fill('Đề nghị ghi rõ số hồ sơ trực tuyến toàn trình.');
    await photograph(coordinator, 'review-return');
    await coordinator.getByRole('button', { name: 'Trả lại' }).click();
    await coordinator.getByText(/Đã trả lại báo cáo/).waitFor();
    expect((await reportFromApi(reportId)).state).toBe('RETURNED');
    await coordinator.context().close();

    // Returned, the report is open to changes again, but only by its own unit: another unit's reporter
    // reads it (same commune) without any way to change it, and the API refuses them too.
    const other = await openPage(browser, 'desktop');
    await signIn(other, 'reporter2');
    await other.goto(`/my-work/reports/${reportId}`);
    await other.getByText('Đề nghị ghi rõ số hồ sơ trực tuyến toàn trình.').waitFor();
    expect(
      await other.getByRole('button', { name: /Gửi báo cáo|Gửi lại báo cáo|Lưu nháp/ }).count(),
    ).toBe(0);
    await photograph(other, 'report-other-unit');
    await other.context().close();
    const refused = await fetch(`${baseUrl()}/api/v1/reports/${reportId}/submit`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${await apiToken('reporter2')}`, 'If-Match': '"0"' },
    });
    expect(refused.status).toBe(403);

    const reporter = await openPage(browser, 'desktop');
    await signIn(reporter, 'reporter');
    await reporter.goto(`/my-work/reports/${reportId}`);
    await reporter.getByText('Đề nghị ghi rõ số hồ sơ trực tuyến toàn trình.').waitFor();
    await photograph(reporter, 'report-returned');
    await reporter
      .getByLabel('Kết quả thực hiện', { exact: true })
      .fill('Tiếp nhận 1.250 hồ sơ, trong đó 1.206 hồ sơ trực tuyến toàn trình.');
    await reporter.getByRole('button', { name: 'Gửi lại báo cáo' }).click();
    await reporter.getByText('Đã gửi báo cáo.', { exact: false }).waitFor();
    expect((await reportFromApi(reportId)).state).toBe('SUBMITTED');
    await reporter.context().close();
  });

  it('the coordinator accepts it', async () => {
    const page = await openPage(browser, 'desktop');
    await signIn(page, 'commune');
    await page.goto(reviewUrl);
    await page.getByText(/1\.206 hồ sơ trực tuyến toàn trình/).waitFor();
    await page.getByRole('button', { name: 'Chấp nhận' }).click();
    await page.getByText(/Đã chấp nhận báo cáo/).waitFor();
    expect((await reportFromApi(reportId)).state).toBe('ACCEPTED');
    await photograph(page, 'review-accepted');
    await page.context().close();
  });

  it('the dashboard shows the accepted value and the status it gives', async () => {
    const page = await openPage(browser, 'desktop');
    await signIn(page, 'commune');
    const report = await reportFromApi(reportId);
    await page.goto(`/dashboard?plan=${report.plan.id}&period=${report.period.key}&ind.q=C.6`);
    const row = page.locator('tr').filter({ has: page.getByText('C.6', { exact: true }) });
    await row.getByText(/96,5/).first().waitFor();
    const text = await row.innerText();
    expect(text).toMatch(/Đạt|Đúng tiến độ|Có nguy cơ chậm|Chậm tiến độ|Không đạt/);
    expect(text).not.toContain('Chưa có số liệu');
    await photograph(page, 'dashboard-commune');
    await page.context().close();
  });
});
