import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Dashboard } from '@/features/dashboard/components/dashboard';
import {
  consolidated,
  emptyRanking,
  indicatorResult,
  periodOf,
  plans,
  province,
  provinceRanking,
  serveDashboard,
  today,
  xuanLoc,
  xuanLocIndicators,
  xuanLocTasks,
  xuanLocTimeliness,
  type DashboardDb,
} from '@/features/dashboard/testing/fixtures';
import { captureDownloads, fileResponse } from '@/testing/fixtures';
import { server } from '@/testing/mocks/server';
import { problem, seedSession } from '@/testing/session';
import { renderRoute } from '@/testing/test-utils';

function xuanLocDb(): DashboardDb {
  const november = periodOf(plans.xuanLoc2026, '2026-11');
  return {
    consolidated: {
      [`${plans.xuanLoc2026.id}/2026-11`]: consolidated(plans.xuanLoc2026, november, {
        indicators: xuanLocIndicators(),
        tasks: xuanLocTasks,
        timeliness: xuanLocTimeliness,
      }),
      [`${plans.xuanLoc2026.id}/2026-10`]: consolidated(
        plans.xuanLoc2026,
        periodOf(plans.xuanLoc2026, '2026-10'),
        {
          indicators: [
            indicatorResult('C.11', 'Tỷ lệ hồ sơ trực tuyến toàn trình', { status: 'AT_RISK' }),
          ],
        },
      ),
      [`${plans.xuanLoc2025.id}/2025-12`]: consolidated(
        plans.xuanLoc2025,
        periodOf(plans.xuanLoc2025, '2025-12'),
        {
          indicators: [
            indicatorResult('C.1', 'Tỷ lệ cán bộ được cấp chữ ký số', { status: 'MET' }),
          ],
        },
      ),
    },
    indicators: {},
    overview: {},
    rankings: { [xuanLoc.id]: emptyRanking(xuanLoc), [province.id]: provinceRanking },
  };
}

function renderDashboard(url = '/dashboard') {
  return renderRoute(<Dashboard />, { path: '/dashboard', url });
}

function rowOf(code: string): HTMLElement {
  const table = screen.getByRole('table', { name: /Chỉ tiêu của kế hoạch/ });
  const row = within(table)
    .getAllByRole('row')
    .find((r) => within(r).queryByText(code, { selector: '.dash-code' }));
  if (!row) throw new Error(`No row for ${code}`);
  return row;
}

describe('Dashboard of a commune', { timeout: 20_000 }, () => {
  beforeEach(async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: today });
    await seedSession();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('opens the commune of the signed-in coordinator at the current period, and writes it into the URL', async () => {
    const log = serveDashboard(xuanLocDb());
    const { router } = renderDashboard();

    expect(
      await screen.findByRole('heading', { level: 2, name: 'Tình hình Tháng 11/2026' }),
    ).toBeInTheDocument();
    const search = new URLSearchParams(router.state.location.search);
    expect(Object.fromEntries(search)).toEqual({
      unit: xuanLoc.id,
      plan: plans.xuanLoc2026.id,
      period: '2026-11',
    });
    // The draft plan is shown: a commune's plan may not be issued yet.
    expect(screen.getByLabelText('Kế hoạch')).toHaveDisplayValue(
      `${plans.xuanLoc2026.title} (Dự thảo)`,
    );
    expect(screen.getByLabelText('Kỳ báo cáo')).toHaveDisplayValue(
      'Tháng 11/2026 (hạn nộp 20/11/2026)',
    );
    // A commune person has one unit: no unit to choose.
    expect(screen.queryByRole('combobox', { name: 'Đơn vị' })).not.toBeInTheDocument();
    expect(log).toContain(
      `/api/v1/plans?issuingUnitId=${xuanLoc.id}&size=100&sort=startYear%2Cdesc`,
    );
    expect(log).toContain(`/api/v1/plans/${plans.xuanLoc2026.id}/periods/2026-11/consolidated`);
    // A commune sees no province overview.
    expect(log.some((line) => line.includes('/overview'))).toBe(false);
  });

  it('downloads the consolidated report of the plan and period shown, busy until it is saved', async () => {
    serveDashboard(xuanLocDb());
    const saved = captureDownloads();
    const requested: string[] = [];
    let release: () => void = () => undefined;
    const answered = new Promise<void>((resolve) => (release = resolve));
    server.use(
      http.get('*/api/v1/plans/:planId/periods/:periodKey/documents/:file', async ({ request }) => {
        requested.push(new URL(request.url).pathname);
        await answered;
        return fileResponse('Báo cáo tháng 11-2026 xã Xuân Lộc.docx', {
          asciiName: 'bao-cao.docx',
        });
      }),
    );
    const { user } = renderDashboard();

    const downloads = await screen.findByRole('group', { name: 'Tải báo cáo' });
    await user.click(within(downloads).getByRole('button', { name: 'Word (DOCX)' }));

    const busy = await within(downloads).findByRole('button', { name: 'Đang tải…' });
    expect(busy).toHaveAttribute('aria-disabled', 'true');
    expect(within(downloads).getByRole('button', { name: 'Excel' })).toHaveAttribute(
      'aria-disabled',
      'true',
    );
    release();

    await waitFor(() =>
      expect(saved).toEqual([{ download: 'Báo cáo tháng 11-2026 xã Xuân Lộc.docx', size: 4 }]),
    );
    expect(requested).toEqual([
      `/api/v1/plans/${plans.xuanLoc2026.id}/periods/2026-11/documents/consolidated.docx`,
    ]);
    expect(
      await within(downloads).findByRole('button', { name: 'Word (DOCX)' }),
    ).not.toHaveAttribute('aria-disabled');
  });

  it("shows each indicator's status as a word and its progress towards the year's target", async () => {
    serveDashboard(xuanLocDb());
    renderDashboard();
    await screen.findByRole('table', { name: /Chỉ tiêu của kế hoạch/ });

    const met = rowOf('C.11');
    expect(within(met).getByText('Đạt', { selector: '.dash-status' })).toBeInTheDocument();
    expect(met).toHaveTextContent('tối thiểu 70%');
    expect(met).toHaveTextContent('72,5% (1.450/2.000)');
    expect(
      within(met).getByRole('progressbar', {
        name: 'Tiến độ so với mục tiêu năm, chỉ tiêu C.11',
      }),
    ).toHaveAttribute('aria-valuenow', '100');

    const atRisk = rowOf('C.12');
    expect(within(atRisk).getByText('Có nguy cơ chậm')).toBeInTheDocument();
    expect(atRisk).toHaveTextContent('30 camera');
    const atRiskBar = within(atRisk).getByRole('progressbar');
    expect(atRiskBar).toHaveAttribute('aria-valuenow', '75');
    expect(atRiskBar).toHaveAttribute('aria-valuetext', '75%. Mức cần đạt đến kỳ này: 90%');
    expect(within(atRisk).getByText('75%')).toBeVisible();

    // Rank: lower is better, so rank 8 against "≤ 4" is half way.
    const rank = rowOf('C.13');
    expect(within(rank).getByText('Đúng tiến độ')).toBeInTheDocument();
    expect(rank).toHaveTextContent('Hạng 8/60');
    expect(within(rank).getByRole('progressbar')).toHaveAttribute('aria-valuenow', '50');

    const offTrack = rowOf('B.1');
    expect(within(offTrack).getByText('Chậm tiến độ')).toBeInTheDocument();
    expect(within(offTrack).getByRole('progressbar')).toHaveAttribute('aria-valuenow', '40');
    // The latest accepted value is October's.
    expect(offTrack).toHaveTextContent('Số liệu Tháng 10/2026');

    const notMet = rowOf('A.1');
    expect(within(notMet).getByText('Không đạt', { selector: '.dash-status' })).toBeInTheDocument();
    expect(within(notMet).getByRole('progressbar')).toHaveAttribute('aria-valuenow', '0');

    const notReported = rowOf('A.2');
    expect(
      within(notReported).getByText('Chưa có số liệu', { selector: '.dash-status' }),
    ).toBeInTheDocument();
    expect(within(notReported).queryByRole('progressbar')).not.toBeInTheDocument();

    expect(within(rowOf('C.20')).getByText('Không có mục tiêu năm')).toBeInTheDocument();

    // Above the list, the period at a glance: every status with its word and its count.
    const summary = screen.getByRole('region', { name: 'Tình hình Tháng 11/2026' });
    const counts = within(summary).getByRole('list', { name: /Số chỉ tiêu theo tình trạng/ });
    expect(
      within(counts)
        .getAllByRole('link')
        .map((link) => link.textContent),
    ).toEqual([
      '✕Không đạt 1',
      '↓Chậm tiến độ 1',
      '!Có nguy cơ chậm 1',
      '?Chưa có số liệu 1',
      '→Đúng tiến độ 1',
      '✓Đạt 1',
      '–Không có mục tiêu năm 1',
    ]);
    expect(summary).toHaveTextContent('Chỉ tiêu theo tình trạng (7)');
  });

  it('filters the indicators by status from the summary, keeping the filter in the URL', async () => {
    serveDashboard(xuanLocDb());
    const { router, user } = renderDashboard();
    const summary = await screen.findByRole('region', { name: 'Tình hình Tháng 11/2026' });

    await user.click(within(summary).getByRole('link', { name: 'Chậm tiến độ 1' }));

    const table = screen.getByRole('table', { name: /Chỉ tiêu của kế hoạch/ });
    await waitFor(() => expect(within(table).getAllByRole('row')).toHaveLength(2));
    expect(table).toHaveTextContent('B.1');
    expect(new URLSearchParams(router.state.location.search).get('ind.status')).toBe('OFF_TRACK');
    expect(screen.getByLabelText('Tình trạng', { selector: 'select' })).toHaveDisplayValue(
      'Chậm tiến độ',
    );
    // The reader is taken to the list they asked for.
    await waitFor(() =>
      expect(screen.getByRole('heading', { level: 2, name: 'Chỉ tiêu' })).toHaveFocus(),
    );
  });

  it('sorts the indicators worst first and finds them without diacritics', async () => {
    serveDashboard(xuanLocDb());
    const { router, user } = renderDashboard();
    const table = await screen.findByRole('table', { name: /Chỉ tiêu của kế hoạch/ });
    const codes = () =>
      within(screen.getByRole('table', { name: /Chỉ tiêu của kế hoạch/ }))
        .getAllByText(/^[A-C]\.\d+$/)
        .map((cell) => cell.textContent);
    expect(codes()).toEqual(['A.1', 'A.2', 'B.1', 'C.11', 'C.12', 'C.13', 'C.20']);

    await user.click(within(table).getByRole('button', { name: 'Tình trạng' }));

    await waitFor(() =>
      expect(codes()).toEqual(['A.1', 'B.1', 'C.12', 'A.2', 'C.13', 'C.11', 'C.20']),
    );
    expect(new URLSearchParams(router.state.location.search).get('ind.sort')).toBe('status,asc');

    await user.type(screen.getByRole('searchbox', { name: 'Tìm chỉ tiêu' }), 'truc tuyen{Enter}');

    await waitFor(() => expect(codes()).toEqual(['C.11']));
    expect(new URLSearchParams(router.state.location.search).get('ind.q')).toBe('truc tuyen');
  });

  it('pages a long list of indicators', async () => {
    const db = xuanLocDb();
    const report = db.consolidated[`${plans.xuanLoc2026.id}/2026-11`]!;
    report.indicators = Array.from({ length: 20 }, (_, i) =>
      indicatorResult(`C.${i + 1}`, `Chỉ tiêu số ${i + 1}`),
    );
    serveDashboard(db);
    const { router, user } = renderDashboard();
    const section = await screen.findByRole('region', { name: 'Chỉ tiêu' });

    expect(within(section).getByText('Trang 1 / 2')).toBeInTheDocument();
    expect(within(section).getByText('Tổng số: 20 chỉ tiêu')).toBeInTheDocument();
    expect(within(section).getAllByRole('row')).toHaveLength(16);

    await user.click(within(section).getByRole('button', { name: 'Trang sau' }));

    expect(within(section).getByText('Trang 2 / 2')).toBeInTheDocument();
    expect(within(section).getAllByRole('row')).toHaveLength(6);
    expect(section).toHaveTextContent('C.16');
    expect(new URLSearchParams(router.state.location.search).get('ind.page')).toBe('2');
  });

  it("shows the units' timeliness and who is late", async () => {
    serveDashboard(xuanLocDb());
    const { user } = renderDashboard();
    const summary = await screen.findByRole('region', { name: 'Tình hình Tháng 11/2026' });
    // The late units by name on the first screen, and the period beside the year so far.
    const lateCard = within(summary).getByRole('heading', {
      name: 'Đơn vị chậm nộp kỳ này (3)',
    }).parentElement!;
    expect(
      within(lateCard)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([
      'Công an xã 2 nội dung quá hạn chưa gửi',
      'Phòng Văn hóa - Xã hội 1 nội dung gửi trễ',
      'Trung tâm Phục vụ hành chính công 1 nội dung quá hạn chưa gửi',
    ]);
    const table = within(summary).getByRole('table', { name: 'Nộp báo cáo: kỳ này và từ đầu năm' });
    expect(within(table).getByRole('row', { name: /Quá hạn chưa gửi/ })).toHaveTextContent(
      'Quá hạn chưa gửi33',
    );
    expect(within(table).getByRole('row', { name: /Đúng hạn/ })).toHaveTextContent('Đúng hạn88');

    await user.click(screen.getByRole('tab', { name: 'Đơn vị chậm nộp' }));
    const late = await screen.findByRole('table', {
      name: 'Các đơn vị chậm nộp báo cáo trong kỳ',
    });
    const names = within(late)
      .getAllByRole('row')
      .slice(1)
      .map((row) => within(row).getAllByRole('cell')[0]?.textContent);
    // Longest overdue first, then as the API listed them.
    expect(names).toEqual([
      'Công an xã',
      'Trung tâm Phục vụ hành chính công',
      'Phòng Văn hóa - Xã hội',
    ]);
    expect(within(late).getAllByRole('row')[1]).toHaveTextContent('2 nội dung');
  });

  it('shows the tasks with their progress in words', async () => {
    serveDashboard(xuanLocDb());
    const { user } = renderDashboard();
    await user.click(await screen.findByRole('tab', { name: 'Nhiệm vụ' }));
    const tasks = await screen.findByRole('table', {
      name: 'Nhiệm vụ của kế hoạch và tiến độ thực hiện',
    });
    const [, done, notStarted] = within(tasks).getAllByRole('row');
    expect(done).toHaveTextContent('Đã hoàn thành');
    expect(done).toHaveTextContent('1 báo cáo');
    expect(notStarted).toHaveTextContent('Chưa triển khai');
    expect(notStarted).toHaveTextContent('Chưa có báo cáo; tiến độ theo kế hoạch');
  });

  it('changing the period or the plan updates the URL and loads that report', async () => {
    const log = serveDashboard(xuanLocDb());
    const { router, user } = renderDashboard();
    await screen.findByRole('heading', { level: 2, name: 'Tình hình Tháng 11/2026' });

    await user.selectOptions(screen.getByLabelText('Kỳ báo cáo'), '2026-10');

    expect(
      await screen.findByRole('heading', { level: 2, name: 'Tình hình Tháng 10/2026' }),
    ).toBeInTheDocument();
    expect(new URLSearchParams(router.state.location.search).get('period')).toBe('2026-10');
    expect(log).toContain(`/api/v1/plans/${plans.xuanLoc2026.id}/periods/2026-10/consolidated`);
    expect(within(rowOf('C.11')).getByText('Có nguy cơ chậm')).toBeInTheDocument();

    await user.selectOptions(screen.getByLabelText('Kế hoạch'), plans.xuanLoc2025.id);

    // The 2025 plan opens at its last period begun.
    expect(
      await screen.findByRole('heading', { level: 2, name: 'Tình hình Tháng 12/2025' }),
    ).toBeInTheDocument();
    const search = new URLSearchParams(router.state.location.search);
    expect(search.get('plan')).toBe(plans.xuanLoc2025.id);
    expect(search.get('period')).toBe('2025-12');
    expect(log).toContain(`/api/v1/plans/${plans.xuanLoc2025.id}/periods/2025-12/consolidated`);
    expect(screen.getByText('C.1', { selector: '.dash-code' })).toBeInTheDocument();

    await router.navigate(-1);
    expect(
      await screen.findByRole(
        'heading',
        { level: 2, name: 'Tình hình Tháng 10/2026' },
        { timeout: 5000 },
      ),
    ).toBeInTheDocument();
  });

  it('opens what a link names, with its filters', async () => {
    serveDashboard(xuanLocDb());
    renderDashboard(
      `/dashboard?unit=${xuanLoc.id}&plan=${plans.xuanLoc2026.id}&period=2026-11&ind.status=MET`,
    );
    const table = await screen.findByRole('table', { name: /Chỉ tiêu của kế hoạch/ });
    expect(within(table).getAllByRole('row')).toHaveLength(2);
    expect(table).toHaveTextContent('C.11');
  });

  it('names the plan of a link without a unit, and opens its issuer', async () => {
    const log = serveDashboard(xuanLocDb());
    const { router } = renderDashboard(`/dashboard?plan=${plans.xuanLoc2026.id}&period=2026-11`);
    await screen.findByRole('table', { name: /Chỉ tiêu của kế hoạch/ });
    expect(log).toContain(`/api/v1/plans/${plans.xuanLoc2026.id}`);
    await waitFor(() =>
      expect(new URLSearchParams(router.state.location.search).get('unit')).toBe(xuanLoc.id),
    );
  });

  it('shows the load-error notice with the reason, and retries', async () => {
    serveDashboard(xuanLocDb());
    let failures = 1;
    server.use(
      http.get('*/api/v1/plans/:planId/periods/:periodKey/consolidated', () => {
        if (failures > 0) {
          failures -= 1;
          return problem(503, 'server.unavailable', 'Máy chủ đang bảo trì, vui lòng thử lại sau.');
        }
        return HttpResponse.json(
          consolidated(plans.xuanLoc2026, periodOf(plans.xuanLoc2026, '2026-11'), {
            indicators: xuanLocIndicators(),
          }),
        );
      }),
    );
    const { user } = renderDashboard();

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Không tải được báo cáo tổng hợp của kỳ');
    expect(alert).toHaveTextContent('Máy chủ đang bảo trì, vui lòng thử lại sau.');

    await user.click(within(alert).getByRole('button', { name: 'Thử lại' }));

    expect(await screen.findByRole('table', { name: /Chỉ tiêu của kế hoạch/ })).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('says so when the unit has no plan', async () => {
    serveDashboard(xuanLocDb());
    server.use(
      http.get('*/api/v1/plans', () =>
        HttpResponse.json({ items: [], page: 0, size: 100, totalItems: 0, totalPages: 0 }),
      ),
    );
    renderDashboard();
    expect(
      await screen.findByText('UBND xã Xuân Lộc chưa có kế hoạch nào trong hệ thống.'),
    ).toBeInTheDocument();
  });
});
