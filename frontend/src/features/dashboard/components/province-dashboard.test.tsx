import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { components } from '@/api/schema';
import { Dashboard } from '@/features/dashboard/components/dashboard';
import {
  consolidated,
  emptyRanking,
  indicatorResult,
  periodOf,
  phuLam,
  plans,
  province,
  department,
  provinceMe,
  provinceRanking,
  serveDashboard,
  today,
  xuanLoc,
  type DashboardDb,
} from '@/features/dashboard/testing/fixtures';
import { seedSession } from '@/testing/session';
import { renderRoute } from '@/testing/test-utils';

type Indicator = components['schemas']['Indicator'];
type IndicatorResult = components['schemas']['IndicatorResult'];
type SubordinatePlan = components['schemas']['SubordinatePlan'];

const provinceNovember = periodOf(plans.province, '2026-11');

// The province's indicators that the communes feed.
const onlineServices = indicatorResult('CQS.1', 'Tỉ lệ dịch vụ công trực tuyến toàn trình', {
  status: 'ON_TRACK',
});
const digitalSignatures = indicatorResult('XHS.1', 'Tỉ lệ phổ cập chữ ký số cá nhân', {
  status: 'AT_RISK',
});

/** A commune indicator as the plan lists it, feeding `feeds` (a province indicator) or nothing. */
function planIndicator(
  result: IndicatorResult,
  planId: string,
  feeds?: IndicatorResult,
): Indicator {
  return {
    id: result.indicator.id,
    planId,
    code: result.indicator.code,
    group: {
      id: 'g0000000-0000-4000-8000-000000000001',
      code: 'CQS',
      name: 'Chính quyền số',
      order: 1,
    },
    order: 1,
    content: result.indicator.content,
    unitOfMeasure: result.unitOfMeasure,
    targets: [],
    baseline: null,
    leadUnit: result.leadUnit,
    cooperatingUnits: [],
    leadWording: null,
    cooperatingWording: null,
    note: null,
    capturedAsFraction: false,
    numeratorLabel: null,
    denominatorLabel: null,
    contributesTo: feeds
      ? {
          id: feeds.indicator.id,
          planId: plans.province.id,
          planCode: plans.province.code,
          code: feeds.indicator.code,
          content: feeds.indicator.content,
        }
      : null,
    evidenceRequired: false,
    version: 1,
    createdAt: '2026-03-26T02:00:00Z',
    updatedAt: '2026-03-26T02:00:00Z',
  };
}

function subordinate(
  planSummary: (typeof plans)[keyof typeof plans],
  overrides: Partial<SubordinatePlan>,
): SubordinatePlan {
  return {
    plan: {
      id: planSummary.id,
      code: planSummary.code,
      documentNumber: planSummary.documentNumber,
      title: planSummary.title,
    },
    issuingUnit: planSummary.issuingUnit,
    periodKey: '2026-11',
    consolidationDeadline: '2026-11-20',
    sentUpAt: null,
    sentUpBy: null,
    late: false,
    statusCounts: {},
    timeliness: { expected: 4, submitted: 4, onTime: 4, late: 0, missing: 0, lateUnits: [] },
    ...overrides,
  };
}

function provinceDb(): DashboardDb {
  const phuLamOnline = indicatorResult('CQS.1', 'Tỷ lệ dịch vụ công trực tuyến toàn trình của xã', {
    status: 'MET',
  });
  const phuLamSignatures = indicatorResult('XHS.1', 'Tỷ lệ chữ ký số cá nhân của xã', {
    status: 'OFF_TRACK',
  });
  const phuLamBusinesses = indicatorResult('KTS.1', 'Tỷ lệ doanh nghiệp công nghệ số', {
    status: 'NOT_REPORTED',
  });
  const phuocTanOnline = indicatorResult('C.3', 'Hồ sơ trực tuyến toàn trình', {
    status: 'NOT_REPORTED',
  });
  const phuocTanPortal = indicatorResult('C.4', 'Dịch vụ công trực tuyến trên Cổng', {
    status: 'AT_RISK',
  });
  return {
    consolidated: {
      [`${plans.province.id}/2026-11`]: consolidated(plans.province, provinceNovember, {
        indicators: [onlineServices, digitalSignatures],
      }),
      [`${plans.phuLam.id}/2026-11`]: consolidated(
        plans.phuLam,
        periodOf(plans.phuLam, '2026-11'),
        {
          indicators: [phuLamOnline, phuLamSignatures, phuLamBusinesses],
        },
      ),
      [`${plans.phuocTan.id}/2026-11`]: consolidated(
        plans.phuocTan,
        periodOf(plans.phuocTan, '2026-11'),
        { indicators: [phuocTanOnline, phuocTanPortal] },
      ),
    },
    indicators: {
      [plans.phuLam.id]: [
        planIndicator(phuLamOnline, plans.phuLam.id, onlineServices),
        planIndicator(phuLamSignatures, plans.phuLam.id, digitalSignatures),
        planIndicator(phuLamBusinesses, plans.phuLam.id),
      ],
      // Two of Phước Tân's indicators feed the same province indicator.
      [plans.phuocTan.id]: [
        planIndicator(phuocTanOnline, plans.phuocTan.id, onlineServices),
        planIndicator(phuocTanPortal, plans.phuocTan.id, onlineServices),
      ],
    },
    overview: {
      [`${plans.province.id}/2026-11`]: {
        plan: consolidated(plans.province, provinceNovember).plan,
        periodKey: '2026-11',
        plans: [
          subordinate(plans.phuLam, {
            sentUpAt: '2026-11-19T08:30:00Z',
            sentUpBy: 'Đỗ Xuân Hòa',
            statusCounts: { MET: 1, OFF_TRACK: 1, NOT_REPORTED: 1 },
          }),
          subordinate(plans.phuocTan, {
            late: true,
            statusCounts: { NOT_REPORTED: 1, AT_RISK: 1 },
            timeliness: {
              expected: 6,
              submitted: 3,
              onTime: 2,
              late: 1,
              missing: 3,
              lateUnits: [],
            },
          }),
        ],
        rollups: [
          {
            indicator: onlineServices.indicator,
            target: { year: 2026, kind: 'PERCENT', comparator: 'GE', value: 80, wording: '≥ 80%' },
            method: 'SUM_FRACTIONS',
            numerator: null,
            denominator: null,
            value: null,
            met: null,
            reported: 1,
            feeding: 3,
            status: 'ON_TRACK',
          },
          {
            indicator: digitalSignatures.indicator,
            target: null,
            method: 'SUM_FRACTIONS',
            numerator: null,
            denominator: null,
            value: null,
            met: null,
            reported: 0,
            feeding: 1,
            status: 'AT_RISK',
          },
        ],
      },
    },
    rankings: { [province.id]: provinceRanking },
  };
}

function renderDashboard(url = '/dashboard') {
  return renderRoute(<Dashboard />, { path: '/dashboard', url });
}

describe('Dashboard of the province', { timeout: 20_000 }, () => {
  beforeEach(async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: today });
    await seedSession({ me: provinceMe });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('opens the province of a province coordinator, with its communes to choose from', async () => {
    const log = serveDashboard(provinceDb());
    const { router } = renderDashboard();

    expect(
      await screen.findByRole('heading', { level: 2, name: 'Các xã, phường gửi báo cáo' }),
    ).toBeInTheDocument();
    expect(Object.fromEntries(new URLSearchParams(router.state.location.search))).toEqual({
      unit: province.id,
      plan: plans.province.id,
      period: '2026-11',
    });
    const unitSelect = screen.getByRole('combobox', { name: 'Đơn vị' });
    expect(
      within(unitSelect)
        .getAllByRole('option')
        .map((option) => option.textContent),
    ).toEqual(['Tỉnh Đồng Nai', 'UBND xã Xuân Lộc', 'Xã Phú Lâm', 'Xã Phước Tân']);
    // One request draws the list of communes.
    expect(log).toContain(
      `/api/v1/plans/${plans.province.id}/periods/2026-11/communes?sort=name%2Casc&page=0&size=20`,
    );
  });

  it('opens the dashboard the server names for the person, not their own unit (a department of the province)', async () => {
    await seedSession({
      me: { ...provinceMe, roles: ['ADMIN'], scopes: [], dashboardUnit: province },
    });
    const log = serveDashboard(provinceDb());
    const { router } = renderDashboard();

    expect(
      await screen.findByRole('heading', { level: 2, name: 'Các xã, phường gửi báo cáo' }),
    ).toBeInTheDocument();
    expect(new URLSearchParams(router.state.location.search).get('unit')).toBe(province.id);
    expect(log).not.toContain(`/api/v1/org-units/${department.id}`);
  });

  it('shows which communes have sent their report for the period', async () => {
    serveDashboard(provinceDb());
    renderDashboard();

    const section = await screen.findByRole('region', { name: 'Các xã, phường gửi báo cáo' });
    expect(section).toHaveTextContent('Đã gửi báo cáo: 1/2 xã, phường.');
    const table = within(section).getByRole('table');
    const [, first, second] = within(table).getAllByRole('row');
    expect(within(first!).getByRole('link')).toHaveAccessibleName(
      'Xem bảng theo dõi của Xã Phú Lâm',
    );
    expect(first).toHaveTextContent('Đã gửi');
    expect(first).toHaveTextContent('19/11/2026');
    expect(first).toHaveTextContent('1/2');
    expect(within(second!).getByRole('link')).toHaveAccessibleName(
      'Xem bảng theo dõi của Xã Phước Tân',
    );
    expect(second).toHaveTextContent('Quá hạn, chưa gửi');
    expect(second).toHaveTextContent('Hạn 20/11/2026');
    expect(second).toHaveTextContent('3/6 nội dung');
  });

  it('lists a commune without a plan as such, and finds communes without diacritics on the server', async () => {
    const db = provinceDb();
    db.communesWithoutPlan = [
      { id: 'a0000000-0000-4000-8000-0000000000aa', code: 'DNAI.XUANDONG', name: 'Xã Xuân Đông' },
    ];
    const log = serveDashboard(db);
    const { router, user } = renderDashboard();
    const section = await screen.findByRole('region', { name: 'Các xã, phường gửi báo cáo' });

    expect(section).toHaveTextContent('Đã gửi báo cáo: 1/3 xã, phường.');
    const rows = () => within(section).getAllByTestId('commune-row');
    expect(rows().map((row) => within(row).getByRole('link').textContent)).toEqual([
      'Xã Phú Lâm',
      'Xã Phước Tân',
      'Xã Xuân Đông',
    ]);
    expect(rows()[2]).toHaveTextContent('Chưa có kế hoạch năm này');
    expect(rows()[2]).toHaveTextContent('∅Chưa có kế hoạch');
    expect(
      within(section).getByRole('list', { name: 'Số xã, phường theo tình trạng gửi báo cáo' }),
    ).toHaveTextContent('Chưa có kế hoạch 1');

    await user.type(
      within(section).getByRole('searchbox', { name: 'Tìm xã, phường' }),
      'xuan dong{Enter}',
    );

    await waitFor(() => expect(rows()).toHaveLength(1));
    expect(rows()[0]).toHaveTextContent('Xã Xuân Đông');
    expect(new URLSearchParams(router.state.location.search).get('com.q')).toBe('xuan dong');
    // The server searched: the browser asked once, with the words as typed.
    expect(
      log.filter(
        (l) =>
          l.includes('/communes?') && new URL(`http://x${l}`).searchParams.get('q') === 'xuan dong',
      ),
    ).toHaveLength(1);
  });

  it('filters the communes by whether they have sent, in the URL', async () => {
    serveDashboard(provinceDb());
    const { router, user } = renderDashboard();
    const section = await screen.findByRole('region', { name: 'Các xã, phường gửi báo cáo' });

    await user.selectOptions(
      within(section).getByRole('combobox', { name: 'Tình trạng gửi' }),
      'Chưa gửi (còn hạn hoặc quá hạn)',
    );

    await waitFor(() => expect(within(section).getAllByRole('row')).toHaveLength(2));
    expect(within(section).getByRole('table')).toHaveTextContent('Xã Phước Tân');
    expect(new URLSearchParams(router.state.location.search).get('com.state')).toBe('notSentAny');
  });

  it('shows each province indicator commune by commune, under the roll-up', async () => {
    const log = serveDashboard(provinceDb());
    renderDashboard();

    const matrix = await screen.findByRole('table', {
      name: 'Tình trạng chỉ tiêu theo xã, phường',
    });
    const scrollBox = screen.getByRole('region', { name: 'Tình trạng chỉ tiêu theo xã, phường' });
    expect(scrollBox).toHaveAttribute('tabindex', '0');
    expect(
      within(matrix)
        .getAllByRole('columnheader')
        .map((th) => th.querySelector('.dash-code')?.textContent ?? th.textContent),
    ).toEqual(['Xã, phường', 'CQS.1', 'XHS.1']);

    const row = (name: string) =>
      within(matrix)
        .getAllByRole('row')
        .find((r) => within(r).queryByRole('rowheader', { name }))!;
    const cells = (name: string) =>
      within(row(name))
        .getAllByRole('cell')
        .map((cell) => cell.textContent);

    await waitFor(() => expect(cells('Xã Phú Lâm')).toEqual(['✓Đạt', '↓Chậm tiến độ']));
    expect(cells('Toàn tỉnh (tổng hợp)')).toEqual([
      '→Đúng tiến độ1/3 xã có số liệu',
      '!Có nguy cơ chậm0/1 xã có số liệu',
    ]);
    // Two indicators feed CQS.1: the worse one speaks for them.
    expect(cells('Xã Phước Tân')).toEqual([
      '!Có nguy cơ chậm2 chỉ tiêu; hiện tình trạng kém nhất',
      'Không có chỉ tiêu tương ứng',
    ]);
    // Nothing is read commune by commune: the list's one request carries every cell.
    expect(log.filter((l) => l.includes(plans.phuLam.id) || l.includes(plans.phuocTan.id))).toEqual(
      [],
    );
  });

  it('drills into a commune and comes back to the province', async () => {
    serveDashboard(provinceDb());
    const { router, user } = renderDashboard();
    const section = await screen.findByRole('region', { name: 'Các xã, phường gửi báo cáo' });

    await user.click(
      within(section).getByRole('link', { name: 'Xem bảng theo dõi của Xã Phú Lâm' }),
    );

    expect(await screen.findByRole('table', { name: /Chỉ tiêu của kế hoạch/ })).toHaveTextContent(
      'Tỷ lệ chữ ký số cá nhân của xã',
    );
    expect(Object.fromEntries(new URLSearchParams(router.state.location.search))).toEqual({
      unit: phuLam.id,
      plan: plans.phuLam.id,
      period: '2026-11',
    });
    expect(screen.getByRole('combobox', { name: 'Đơn vị' })).toHaveDisplayValue('Xã Phú Lâm');
    expect(
      screen.queryByRole('region', { name: 'Các xã, phường gửi báo cáo' }),
    ).not.toBeInTheDocument();

    await user.click(screen.getByRole('link', { name: '← Về bảng theo dõi của Tỉnh Đồng Nai' }));

    expect(
      await screen.findByRole('region', { name: 'Các xã, phường gửi báo cáo' }),
    ).toBeInTheDocument();
    expect(new URLSearchParams(router.state.location.search).get('unit')).toBe(province.id);
  });

  it('picks another commune from the unit list', async () => {
    const db = provinceDb();
    db.consolidated[`${plans.xuanLoc2026.id}/2026-11`] = consolidated(
      plans.xuanLoc2026,
      periodOf(plans.xuanLoc2026, '2026-11'),
      {
        indicators: [
          indicatorResult('C.11', 'Tỷ lệ hồ sơ trực tuyến toàn trình', { status: 'MET' }),
        ],
      },
    );
    serveDashboard(db);
    const { router, user } = renderDashboard();
    await screen.findByRole('region', { name: 'Các xã, phường gửi báo cáo' });

    await user.selectOptions(screen.getByRole('combobox', { name: 'Đơn vị' }), 'UBND xã Xuân Lộc');

    expect(
      await screen.findByRole('heading', { level: 2, name: 'Tình hình Tháng 11/2026' }),
    ).toBeInTheDocument();
    await waitFor(() =>
      expect(new URLSearchParams(router.state.location.search).get('plan')).toBe(
        plans.xuanLoc2026.id,
      ),
    );
    expect(new URLSearchParams(router.state.location.search).get('unit')).toBe(xuanLoc.id);
  });
});

describe('DTI ranking on the dashboard', { timeout: 20_000 }, () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'], now: today });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('shows target and actual ranks per pillar and year, with the gap', async () => {
    await seedSession({ me: provinceMe });
    serveDashboard(provinceDb());
    renderDashboard('/dashboard?tab=dti');

    const table = await screen.findByRole('table', {
      name: 'Thứ hạng mục tiêu và thực tế theo năm: Tỉnh Đồng Nai',
    });
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((th) => th.textContent),
    ).toEqual(['Chỉ số', '2024', '2026', '2027']);
    const cells = (pillar: RegExp) =>
      within(
        within(table)
          .getAllByRole('row')
          .find((r) => within(r).queryByRole('rowheader', { name: pillar }))!,
      )
        .getAllByRole('cell')
        .map((cell) => cell.textContent);

    expect(cells(/^Hạ tầng và Nền tảng số/)).toEqual([
      'Thực tế: 5/34',
      'Mục tiêu: ≤4/34Thực tế: 3/34Đạt mục tiêu',
      'Mục tiêu: ≤3/34',
    ]);
    expect(cells(/^Nhân lực số/)).toEqual([
      'Thực tế: 27/34',
      'Mục tiêu: ≤9/34Thực tế: 12/34Còn cách 3 bậc',
      'Mục tiêu: ≤8/34',
    ]);
    // The whole index comes last, as the plan prints it.
    expect(within(table).getAllByRole('rowheader').at(-1)).toHaveTextContent('Chỉ số DTI chung');
    expect(cells(/^Chỉ số DTI chung/)).toEqual([
      'Thực tế: 15/34',
      'Mục tiêu: ≤12/34',
      'Mục tiêu: ≤10/34',
    ]);

    // The chart is drawn beside it for sighted readers, named for everyone else.
    expect(
      await screen.findByRole(
        'img',
        {
          name: 'Biểu đồ thứ hạng mục tiêu và thực tế theo năm: Chỉ số DTI chung. Số liệu đầy đủ ở bảng dưới biểu đồ.',
        },
        // The chart library arrives on its own, after the tables.
        { timeout: 10_000 },
      ),
    ).toBeInTheDocument();
  });

  it("shows a commune without a ranking of its own its province's", async () => {
    await seedSession();
    const db = provinceDb();
    db.rankings[xuanLoc.id] = emptyRanking(xuanLoc);
    db.consolidated[`${plans.xuanLoc2026.id}/2026-11`] = consolidated(
      plans.xuanLoc2026,
      periodOf(plans.xuanLoc2026, '2026-11'),
    );
    const log = serveDashboard(db);
    renderDashboard('/dashboard?tab=dti');

    expect(
      await screen.findByRole('heading', { level: 2, name: 'Xếp hạng DTI: Tỉnh Đồng Nai' }),
    ).toBeInTheDocument();
    expect(log).toContain(`/api/v1/org-units/${xuanLoc.id}/dti-ranking`);
    expect(log).toContain(`/api/v1/org-units/${province.id}/dti-ranking`);
  });

  it('draws the chosen pillar and keeps the choice in the URL', async () => {
    await seedSession({ me: provinceMe });
    serveDashboard(provinceDb());
    const { router, user } = renderDashboard('/dashboard?tab=dti');

    await user.selectOptions(
      await screen.findByRole('combobox', { name: 'Chỉ số trên biểu đồ' }),
      'Nhân lực số',
    );

    expect(
      await screen.findByRole(
        'img',
        { name: /^Biểu đồ thứ hạng .*: Nhân lực số\./ },
        { timeout: 10_000 },
      ),
    ).toBeInTheDocument();
    expect(new URLSearchParams(router.state.location.search).get('dti.pillar')).toBe('NL');
  });
});
