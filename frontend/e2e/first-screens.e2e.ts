import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { components } from '../src/api/schema';
import {
  api,
  apiToken,
  expectCommuneFound,
  expectEveryCommune,
  expectLeaderGlance,
  launch,
  livedInUrl,
  openPage,
  screenshot,
  screenshotFirstScreen,
  signIn,
  viewports,
} from './browser';

type Assignment = components['schemas']['Assignment'];
type AssignmentPage = components['schemas']['AssignmentPage'];
type AssignmentState = components['schemas']['AssignmentState'];
type ReviewQueue = components['schemas']['ReviewQueue'];
type Report = components['schemas']['Report'];
type NotificationPage = components['schemas']['PageNotificationView'];
type UnreadCount = components['schemas']['UnreadCount'];
type OrgUnitPage = components['schemas']['PageOrgUnitView'];

/**
 * Each person's first screen on the lived-in demo (a year of reporting written up to today, as `make run` shows it),
 * on a phone and an office screen, read as that person reads it and compared with what the API answers the same
 * account at the same moment. The history moves with the date: no count or date is written here.
 */

const sizes = Object.keys(viewports) as (keyof typeof viewports)[];

/** What a person reads for a number: 1.234. */
const number = (n: number) => n.toLocaleString('vi-VN');

/** What a person reads for a period: "Tháng 11/2026", "Quý IV/2026", never its key. */
function periodWords(key: string): string {
  const month = /^(\d{4})-(\d{2})$/.exec(key);
  if (month) return `Tháng ${Number(month[2])}/${month[1]}`;
  const quarter = /^(\d{4})-Q([1-4])$/.exec(key);
  if (quarter) return `Quý ${['I', 'II', 'III', 'IV'][Number(quarter[2]) - 1]}/${quarter[1]}`;
  const half = /^(\d{4})-H([12])$/.exec(key);
  if (half) return `6 tháng ${half[2] === '1' ? 'đầu' : 'cuối'} năm ${half[1]}`;
  return `Năm ${key}`;
}

/** The states of "Việc của tôi" in words, in the order of its buttons. */
const stateWords: Record<AssignmentState, string> = {
  RETURNED: 'Bị trả lại',
  LATE: 'Quá hạn',
  DRAFT: 'Bản nháp',
  NOT_STARTED: 'Chưa báo cáo',
  SUBMITTED: 'Đã gửi, chờ duyệt',
  ACCEPTED: 'Đã được chấp nhận',
};
const sent: AssignmentState[] = ['SUBMITTED', 'ACCEPTED'];

const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();

/**
 * What a person should never read on a screen: a period's key ("2026-12"), a date the machine's way
 * ("2026-12-20"), or an enum's name ("NOT_STARTED").
 */
async function expectNoCodes(page: Page) {
  const text = await page.locator('main').innerText();
  expect(text).not.toMatch(/\b\d{4}-(0[1-9]|1[0-2]|Q[1-4]|H[12])\b/);
  expect(text).not.toMatch(/\b[A-Z]{2,}(_[A-Z]+)+\b/);
}

/** The bell in the header carries the number of unread notifications the API counts, and nothing when none is. */
async function expectBell(page: Page, username: string) {
  const base = livedInUrl();
  const unread = await api<NotificationPage>(username, '/api/v1/notifications?unread=true&size=1', {
    base,
  });
  const count = await api<UnreadCount>(username, '/api/v1/notifications/unread-count', { base });
  expect(count.unread).toBe(unread.totalItems);
  const bell = page.locator('.notification-bell-button');
  await expect
    .poll(() => bell.getAttribute('aria-label'))
    .toBe(unread.totalItems > 0 ? `Thông báo: ${number(unread.totalItems)} chưa đọc` : 'Thông báo');
  if (unread.totalItems > 0) {
    expect(await bell.innerText()).toBe(unread.totalItems > 99 ? '99+' : number(unread.totalItems));
  }
  expect(await bell.isVisible()).toBe(true);
}

describe('on the lived-in demo, each first screen answers its person’s first question', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser.close();
  });

  describe('the reporter', () => {
    const mine = (query: string) =>
      api<AssignmentPage>('reporter', `/api/v1/assignments?mine=true&size=200&${query}`, {
        base: livedInUrl(),
      });

    beforeAll(async () => {
      // A coordinator's return is what a reporter must see first. The history may hold none in the period of today:
      // the commune coordinator then returns one of the reports the reporter sent in it, as happens every month.
      const current = await mine('periodScope=CURRENT');
      if (current.items.some((a) => a.state === 'RETURNED')) return;
      const submitted = current.items.find((a) => a.state === 'SUBMITTED' && a.reportId);
      if (!submitted) return;
      const base = livedInUrl();
      const token = await apiToken('commune', base);
      const report = await fetch(`${base}/api/v1/reports/${submitted.reportId}`, {
        headers: { Authorization: `Bearer ${token}` },
      });
      expect(report.ok).toBe(true);
      const returned = await fetch(`${base}/api/v1/reports/${submitted.reportId}/return`, {
        method: 'POST',
        headers: {
          Authorization: `Bearer ${token}`,
          'Content-Type': 'application/json',
          'If-Match': report.headers.get('ETag')!,
        },
        body: JSON.stringify({
          comment: 'Đề nghị bổ sung số liệu tháng này và tài liệu kiểm chứng kèm theo.',
        }),
      });
      expect(returned.status).toBe(200);
    });

    for (const size of sizes) {
      it(`lands on My work: what is not yet sent this period, a return on top with its comment, the counts (${size})`, async () => {
        const page = await openPage(browser, size, livedInUrl());
        await signIn(page, 'reporter');
        await page.waitForURL(/\/my-work$/);
        await page.getByRole('heading', { level: 1, name: 'Việc của tôi' }).waitFor();
        const list = page.getByRole('list', { name: 'Danh sách việc cần báo cáo' });
        const done = page.getByText('Không có việc nào cần thực hiện. Đơn vị đã báo cáo đầy đủ.');
        await list.or(done).waitFor();
        const current = await mine('periodScope=CURRENT&sort=attention,asc');

        // This period's items not yet sent, in the server's order of attention (returned first, then late), and
        // nothing already sent; or, when all is sent, that it is.
        const notSent = current.items.filter((a) => !sent.includes(a.state));
        expect(await done.isVisible()).toBe(notSent.length === 0);
        const cards = list.locator('li.work-card');
        const expected = notSent.slice(0, 20);
        await expect.poll(() => cards.count()).toBe(expected.length);
        const shown = await cards.evaluateAll((items) =>
          items.map((item) => ({
            code: item.querySelector('.item-code')?.textContent?.trim(),
            facts: (item.querySelector('.work-card-facts') as HTMLElement).innerText,
          })),
        );
        expect(shown.map((card) => card.code)).toEqual(expected.map((a) => a.item.code));
        for (const [i, card] of shown.entries()) {
          expect(card.facts).toContain(periodWords(expected[i].period.key));
        }
        if (notSent.length > 0) {
          await page.getByText(`Tổng số: ${number(notSent.length)} việc`).waitFor();
        }

        // A returned report on top, with what the reviewer said, readable without opening it.
        const returned = notSent.filter((a: Assignment) => a.state === 'RETURNED');
        if (returned.length > 0) {
          const first = cards.first();
          expect(await first.locator('.work-card-states').innerText()).toContain('Bị trả lại');
          const comment = first.locator('.work-card-comment');
          expect(await comment.isVisible()).toBe(true);
          expect(oneLine(await comment.innerText())).toBe(
            oneLine(`Ý kiến của cán bộ duyệt: ${returned[0].reviewComment ?? ''}`),
          );
          expect(await first.getByRole('link', { name: 'Sửa và gửi lại' }).isVisible()).toBe(true);
        }

        // How many items are in each state this period, as the server counts them.
        const counts = page.getByRole('group', { name: 'Trạng thái' });
        const buttons = (await counts.getByRole('button').allInnerTexts()).map(oneLine);
        const total = (states: AssignmentState[]) =>
          states.reduce((sum, s) => sum + (current.counts[s] ?? 0), 0);
        const expectedButtons = [
          `Cần thực hiện ${number(notSent.length)}`,
          ...(Object.keys(stateWords) as AssignmentState[])
            .filter((s) => (current.counts[s] ?? 0) > 0)
            .map((s) => `${stateWords[s]} ${number(current.counts[s])}`),
          `Tất cả ${number(total(Object.keys(stateWords) as AssignmentState[]))}`,
        ];
        expect(buttons).toEqual(expectedButtons);
        expect(total(['LATE', 'RETURNED', 'NOT_STARTED', 'DRAFT'])).toBe(notSent.length);

        // What is overdue from earlier periods, in one line that leads to it.
        const overdue = page.getByRole('link', { name: /mục quá hạn từ các kỳ trước$/ });
        if (current.overdueEarlier > 0) {
          expect(oneLine(await overdue.innerText())).toBe(
            `${number(current.overdueEarlier)} mục quá hạn từ các kỳ trước`,
          );
          expect(await overdue.isVisible()).toBe(true);
        } else {
          expect(await overdue.count()).toBe(0);
        }

        await expectBell(page, 'reporter');
        await expectNoCodes(page);
        await screenshotFirstScreen(page, `first-screen-reporter-${size}`);

        // One tap away: every one of them, a returned report past its deadline included.
        if (current.overdueEarlier > 0) {
          await overdue.click();
          await page.getByText(`Tổng số: ${number(current.overdueEarlier)} việc`).waitFor();
          await expectNoCodes(page);
        }
        await page.context().close();
      });
    }
  });

  for (const size of sizes) {
    it(`the commune coordinator’s review lists every waiting report, the oldest period first (${size})`, async () => {
      const page = await openPage(browser, size, livedInUrl());
      await signIn(page, 'commune');
      await page.waitForURL(/\/review$/);
      await page.getByRole('heading', { level: 1, name: 'Duyệt báo cáo' }).waitFor();
      const table = page.getByRole('table', { name: 'Danh sách báo cáo: Chờ duyệt' });
      const none = page.getByText('Không có báo cáo nào ở trạng thái “Chờ duyệt”.');
      await table.or(none).waitFor();
      const queue = await api<ReviewQueue>('commune', '/api/v1/review-queue?size=20', {
        base: livedInUrl(),
      });
      expect(await none.isVisible()).toBe(queue.totalItems === 0);

      // Every period holding waiting reports, the oldest first, each with its number.
      const severalPlans = new Set(queue.periods.map((p) => p.plan.id)).size > 1;
      const periods = page.getByRole('group', { name: 'Số báo cáo “Chờ duyệt” theo kỳ' });
      expect((await periods.getByRole('button').allInnerTexts()).map(oneLine)).toEqual(
        queue.totalItems === 0
          ? []
          : [
              `Tất cả các kỳ ${number(queue.totalItems)}`,
              ...queue.periods.map(
                (p) =>
                  `${periodWords(p.period.key)}${severalPlans ? ` · ${p.plan.documentNumber ?? p.plan.title}` : ''} ${number(p.count)}`,
              ),
            ],
      );
      expect(queue.periods.reduce((sum, p) => sum + p.count, 0)).toBe(queue.totalItems);
      if (queue.totalItems > 0) {
        await page
          .getByText(
            `${number(queue.totalItems)} báo cáo trong ${number(queue.periods.length)} kỳ, kỳ cũ nhất ở trên cùng.`,
          )
          .waitFor();
      }

      // Each waiting report on its line with its period, unit and item, in the server's order: the oldest period
      // first, then as they were sent.
      const rows = await table
        .locator('tbody tr')
        .evaluateAll((trs) =>
          trs.map((tr) => Array.from(tr.querySelectorAll('td'), (td) => td.innerText).slice(0, 3)),
        );
      expect(rows.map((cells) => cells.map(oneLine))).toEqual(
        queue.items.map((r: Report) => [
          periodWords(r.period.key),
          r.unit.name,
          oneLine(`${r.item.code} ${r.item.content}`),
        ]),
      );
      const order = queue.periods.map((p) => `${p.plan.id}:${p.period.key}`);
      const places = queue.items.map((r) => order.indexOf(`${r.plan.id}:${r.period.key}`));
      expect(places).toEqual([...places].sort((a, b) => a - b));
      expect(places.every((place) => place >= 0)).toBe(true);
      if (queue.totalItems > 0) {
        await page.getByText(`Tổng số: ${number(queue.totalItems)} báo cáo`).waitFor();
        // Each line reads as a card on a phone, without the row of column names above the cards.
        expect(await table.locator('thead th').first().isVisible()).toBe(size === 'desktop');
      }

      await expectBell(page, 'commune');
      await expectNoCodes(page);
      await screenshotFirstScreen(page, `first-screen-commune-${size}`);
      await page.context().close();
    });
  }

  for (const size of sizes) {
    it(`the leader reads the statuses and the late units above the fold (${size})`, async () => {
      const page = await openPage(browser, size, livedInUrl());
      await signIn(page, 'viewer');
      await page.waitForURL(/\/dashboard/);
      await expectLeaderGlance(page);
      await expectBell(page, 'viewer');
      await expectNoCodes(page);
      await screenshotFirstScreen(page, `first-screen-viewer-${size}`);
      await page.context().close();
    });
  }

  for (const size of sizes) {
    it(`the province sees every commune of the province and finds one without diacritics (${size})`, async () => {
      const page = await openPage(browser, size, livedInUrl());
      await signIn(page, 'province');
      // Where the province lands first: its dashboard, where its communes are.
      await page.waitForURL(/\/dashboard/);
      await page.getByRole('region', { name: 'Các xã, phường gửi báo cáo' }).waitFor();
      expect(await page.getByText('Đã xảy ra lỗi không mong muốn').count()).toBe(0);
      await expectNoCodes(page);
      await screenshotFirstScreen(page, `first-screen-province-landing-${size}`);

      const { rows, communes } = await expectEveryCommune(page);
      // Every commune and ward of the province, as the units say, is one of them.
      const base = livedInUrl();
      const province = (
        await api<OrgUnitPage>('province', '/api/v1/org-units?q=DNAI&kind=PROVINCE', { base })
      ).items.find((u) => u.code === 'DNAI')!;
      const units = await api<OrgUnitPage>(
        'province',
        `/api/v1/org-units?withinId=${province.id}&size=200&active=true`,
        { base },
      );
      const local = units.items.filter((u) => u.kind === 'COMMUNE' || u.kind === 'WARD');
      expect(communes.totalCommunes).toBe(local.length);
      if (local.length <= 20) {
        const names = (await rows.allInnerTexts()).map((t) => t.split('\n')[0]?.trim());
        expect([...names].sort()).toEqual(local.map((u) => u.name).sort());
      }
      await expectNoCodes(page);
      await screenshotFirstScreen(page, `first-screen-province-${size}`);

      await expectCommuneFound(page, 'xuan loc', 'Xã Xuân Lộc');
      await page.context().close();
    });
  }

  /** The screens of the app that need no id: every route of src/app/router.tsx and its route lists. */
  const screens = [
    '/',
    '/my-work',
    '/review',
    '/review/period',
    '/dashboard',
    '/plans',
    '/plans/new',
    '/admin',
    '/admin/units',
    '/admin/units/new',
    '/admin/users',
    '/admin/users/new',
    '/admin/service-accounts',
    '/admin/service-accounts/new',
    '/admin/import',
    '/change-password',
  ];

  for (const size of sizes) {
    it(`the administrator opens every screen of the app without an error (${size})`, async () => {
      const page = await openPage(browser, size, livedInUrl());
      await signIn(page, 'admin');
      const failed: string[] = [];
      page.on('pageerror', (error) => failed.push(`${page.url()}: ${error.message}`));
      for (const path of screens) {
        await page.goto(path);
        await page.getByRole('heading', { level: 1 }).first().waitFor();
        await page.waitForLoadState('networkidle');
        await expect
          .poll(() => page.locator('[aria-busy=true], progress').count(), { timeout: 20_000 })
          .toBe(0);
        const name = path === '/' ? 'home' : path.slice(1).replaceAll('/', '-');
        await screenshot(page, `admin-opens-${name}-${size}`);
        expect(await page.getByText('Đã xảy ra lỗi không mong muốn').count(), path).toBe(0);
        expect(await page.locator('.notice-error').allInnerTexts(), path).toEqual([]);
        await expectNoCodes(page);
      }
      expect(failed).toEqual([]);
      await page.context().close();
    });
  }
});
