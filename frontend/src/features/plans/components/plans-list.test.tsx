import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import type { components } from '@/api/schema';
import { PlansList } from '@/features/plans/components/plans-list';
import { server } from '@/testing/mocks/server';
import { bearer, seedSession, testMe, unauthenticated } from '@/testing/session';
import { renderRoute } from '@/testing/test-utils';

type PlanSummary = components['schemas']['PlanSummary'];
type PagePlanSummary = components['schemas']['PagePlanSummary'];

const provincePlan: PlanSummary = {
  id: 'b7c1d2e3-0000-4000-8000-000000000154',
  code: 'DN-2026-154',
  documentNumber: '154/KH-UBND',
  title: 'Kế hoạch nâng cao Chỉ số chuyển đổi số tỉnh Đồng Nai giai đoạn 2026–2030',
  issuingUnit: {
    id: 'a0000000-0000-4000-8000-000000000001',
    code: 'DN',
    name: 'UBND tỉnh Đồng Nai',
  },
  issueDate: '2026-03-26',
  startYear: 2026,
  endYear: 2030,
  status: 'ISSUED',
  version: 3,
  updatedAt: '2026-03-26T09:15:00+07:00',
  effectiveDate: null,
  effectiveFrom: '2026-03-26',
  actions: [],
};

const communePlan: PlanSummary = {
  id: 'b7c1d2e3-0000-4000-8000-000000000084',
  code: 'XL-2026-01',
  documentNumber: null,
  title: 'Kế hoạch chuyển đổi số xã Xuân Lộc năm 2026',
  issuingUnit: { id: 'a0000000-0000-4000-8000-000000000002', code: 'XL', name: 'UBND xã Xuân Lộc' },
  issueDate: null,
  startYear: 2026,
  endYear: 2026,
  status: 'DRAFT',
  effectiveDate: null,
  effectiveFrom: null,
  actions: ['EDIT', 'IMPORT_APPENDIX', 'ISSUE', 'DELETE'],
  version: 1,
  updatedAt: '2026-04-02T14:00:00+07:00',
};

function page(items: PlanSummary[], overrides: Partial<PagePlanSummary> = {}): PagePlanSummary {
  return {
    items,
    page: 0,
    size: 20,
    totalItems: items.length,
    totalPages: items.length ? 1 : 0,
    ...overrides,
  };
}

/** Serves `respond` for the plans list and records the query string of every request. */
function servePlans(respond: (query: URLSearchParams) => PagePlanSummary) {
  const requests: URLSearchParams[] = [];
  server.use(
    http.get('*/api/v1/plans', ({ request }) => {
      if (!bearer(request)) return unauthenticated();
      const query = new URL(request.url).searchParams;
      requests.push(query);
      return HttpResponse.json(respond(query));
    }),
  );
  return requests;
}

function renderPlans(url = '/plans') {
  return renderRoute(<PlansList />, { path: '/plans', url });
}

function cellTexts(row: HTMLElement) {
  return within(row)
    .getAllByRole('cell')
    .map((cell) => cell.textContent);
}

describe('PlansList', () => {
  beforeEach(async () => {
    await seedSession();
  });

  it('shows a progress indicator, then one row per plan in Vietnamese', async () => {
    const requests = servePlans(() => page([provincePlan, communePlan]));
    renderPlans();

    expect(
      screen.getByRole('progressbar', { name: 'Đang tải danh sách kế hoạch…' }),
    ).toBeInTheDocument();

    const table = await screen.findByRole('table', { name: 'Danh sách kế hoạch' });
    const [, first, second] = within(table).getAllByRole('row');
    expect(cellTexts(first!)).toEqual([
      '154/KH-UBND',
      'Kế hoạch nâng cao Chỉ số chuyển đổi số tỉnh Đồng Nai giai đoạn 2026–2030',
      'UBND tỉnh Đồng Nai',
      '2026–2030',
      'Đã ban hành',
      '26/03/2026',
    ]);
    expect(cellTexts(second!)).toEqual([
      'Chưa có số',
      'Kế hoạch chuyển đổi số xã Xuân Lộc năm 2026',
      'UBND xã Xuân Lộc',
      '2026',
      'Dự thảo',
      '—',
    ]);
    expect(screen.getByText('Trang 1 / 1')).toBeInTheDocument();
    expect(screen.getByText('Tổng số: 2 kế hoạch')).toBeInTheDocument();
    expect(screen.queryByRole('progressbar')).not.toBeInTheDocument();
    expect(requests.map((q) => q.toString())).toEqual(['page=0&size=20']);
  });

  it('searches after typing stops, keeping the search in the URL', async () => {
    const requests = servePlans((query) =>
      page(query.get('q') === 'xuan loc' ? [communePlan] : [provincePlan, communePlan]),
    );
    const { router, user } = renderPlans('/plans?page=3');
    await screen.findByRole('table');

    await user.type(screen.getByRole('searchbox', { name: 'Tìm kiếm' }), 'xuan loc');

    await waitFor(() => expect(router.state.location.search).toBe('?q=xuan+loc'));
    await waitFor(() => expect(screen.getAllByRole('row')).toHaveLength(2));
    expect(screen.getByRole('cell', { name: 'UBND xã Xuân Lộc' })).toBeInTheDocument();
    expect(screen.queryByRole('cell', { name: 'UBND tỉnh Đồng Nai' })).not.toBeInTheDocument();
    // One request for the page shown first, one for the finished search, none per keystroke.
    expect(requests.map((q) => q.toString())).toEqual([
      'page=2&size=20',
      'page=0&size=20&q=xuan+loc',
    ]);
  });

  it('reads search, status, page and sort from the URL', async () => {
    const requests = servePlans(() =>
      page([provincePlan], { page: 1, totalItems: 21, totalPages: 2 }),
    );
    renderPlans('/plans?q=%C4%91%E1%BB%93ng+nai&status=ISSUED&page=2&sort=title,desc');
    await screen.findByRole('table');

    expect(requests[0]?.toString()).toBe(
      'page=1&size=20&q=%C4%91%E1%BB%93ng+nai&status=ISSUED&sort=title%2Cdesc',
    );
    expect(screen.getByRole('searchbox', { name: 'Tìm kiếm' })).toHaveValue('đồng nai');
    expect(screen.getByRole('combobox', { name: 'Trạng thái' })).toHaveValue('ISSUED');
    expect(screen.getByRole('columnheader', { name: 'Tên kế hoạch' })).toHaveAttribute(
      'aria-sort',
      'descending',
    );
    expect(screen.getByText('Trang 2 / 2')).toBeInTheDocument();
    expect(screen.getByText('Tổng số: 21 kế hoạch')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Trang sau' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Trang trước' })).toBeEnabled();
  });

  it('filters by status and sorts by clicking a column header', async () => {
    const requests = servePlans(() => page([provincePlan]));
    const { router, user } = renderPlans('/plans?page=2');
    await screen.findByRole('table');

    await user.selectOptions(screen.getByRole('combobox', { name: 'Trạng thái' }), 'Đã kết thúc');
    await waitFor(() => expect(router.state.location.search).toBe('?status=CLOSED'));

    await user.click(screen.getByRole('button', { name: 'Ngày ban hành' }));
    await waitFor(() =>
      expect(router.state.location.search).toBe('?status=CLOSED&sort=issueDate%2Casc'),
    );
    await user.click(screen.getByRole('button', { name: 'Ngày ban hành' }));
    await waitFor(() =>
      expect(router.state.location.search).toBe('?status=CLOSED&sort=issueDate%2Cdesc'),
    );
    await waitFor(() =>
      expect(requests.at(-1)?.toString()).toBe(
        'page=0&size=20&status=CLOSED&sort=issueDate%2Cdesc',
      ),
    );
  });

  it('moves between pages', async () => {
    const requests = servePlans((query) =>
      page([query.get('page') === '1' ? communePlan : provincePlan], {
        page: Number(query.get('page')),
        totalItems: 25,
        totalPages: 2,
      }),
    );
    const { router, user } = renderPlans();
    await screen.findByText('Trang 1 / 2');

    await user.click(screen.getByRole('button', { name: 'Trang sau' }));

    await screen.findByText('Trang 2 / 2');
    expect(router.state.location.search).toBe('?page=2');
    expect(screen.getByRole('cell', { name: 'UBND xã Xuân Lộc' })).toBeInTheDocument();
    expect(requests.map((q) => q.get('page'))).toEqual(['0', '1']);
  });

  it('tells an empty list apart from a search without results', async () => {
    servePlans(() => page([]));
    renderPlans();
    expect(await screen.findByText('Chưa có kế hoạch nào.')).toBeInTheDocument();
    expect(screen.queryByRole('navigation', { name: 'Phân trang' })).not.toBeInTheDocument();
  });

  it('says when a search finds nothing', async () => {
    servePlans(() => page([]));
    renderPlans('/plans?q=abc');
    expect(
      await screen.findByText('Không có kế hoạch nào phù hợp với điều kiện tìm kiếm.'),
    ).toBeInTheDocument();
  });

  it('links each plan to its document and offers coordinators a new plan', async () => {
    servePlans(() => page([provincePlan, communePlan]));
    renderPlans();

    expect(
      await screen.findByRole('link', {
        name: 'Kế hoạch chuyển đổi số xã Xuân Lộc năm 2026',
      }),
    ).toHaveAttribute('href', `/plans/${communePlan.id}`);
    expect(await screen.findByRole('link', { name: 'Lập kế hoạch mới' })).toHaveAttribute(
      'href',
      '/plans/new',
    );
    expect(screen.getByRole('link', { name: 'Nhập kế hoạch từ văn bản' })).toHaveAttribute(
      'href',
      '/plans/intake',
    );
  });

  it('offers readers no new plan', async () => {
    await seedSession({
      me: { ...testMe, roles: ['VIEWER'], scopes: [], coordinatedUnits: [], actions: [] },
    });
    servePlans(() => page([provincePlan]));
    renderPlans();

    await screen.findByRole('table');
    expect(screen.getByRole('link', { name: provincePlan.title })).toHaveAttribute(
      'href',
      `/plans/${provincePlan.id}`,
    );
    expect(screen.queryByRole('link', { name: 'Lập kế hoạch mới' })).not.toBeInTheDocument();
    expect(
      screen.queryByRole('link', { name: 'Nhập kế hoạch từ văn bản' }),
    ).not.toBeInTheDocument();
  });

  it('shows the problem detail when loading fails', async () => {
    server.use(
      http.get('*/api/v1/plans', () =>
        HttpResponse.json(
          {
            type: 'about:blank',
            title: 'Dữ liệu không hợp lệ',
            status: 400,
            detail: 'Không sắp xếp được theo trường "owner".',
            code: 'request.invalid',
          },
          { status: 400, headers: { 'Content-Type': 'application/problem+json' } },
        ),
      ),
    );
    renderPlans();

    const alert = await screen.findByRole('alert');
    expect(within(alert).getByRole('heading')).toHaveTextContent(
      'Không tải được danh sách kế hoạch',
    );
    expect(alert).toHaveTextContent('Không sắp xếp được theo trường "owner".');
    expect(within(alert).getByRole('button', { name: 'Thử lại' })).toBeInTheDocument();
  });
});
