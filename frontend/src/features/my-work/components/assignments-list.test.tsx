import { screen, waitFor, within } from '@testing-library/react';
import { http } from 'msw';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { components } from '@/api/schema';
import { AssignmentsList } from '@/features/my-work/components/assignments-list';
import {
  assignment,
  authed,
  indicatorId,
  json,
  page,
  plan,
  police,
  problemResponse,
  reportId,
  reporterMe,
  taskId,
} from '@/testing/fixtures';
import { server } from '@/testing/mocks/server';
import { seedSession } from '@/testing/session';
import { renderRoute } from '@/testing/test-utils';

type Assignment = components['schemas']['Assignment'];
type AssignmentPage = components['schemas']['AssignmentPage'];
type Counts = AssignmentPage['counts'];

const noCounts: Counts = {
  NOT_STARTED: 0,
  DRAFT: 0,
  SUBMITTED: 0,
  RETURNED: 0,
  ACCEPTED: 0,
  LATE: 0,
};

/** A page of the list as the server answers it: with its counts per state and the earlier late items. */
function workPage(
  items: Assignment[],
  extra: { counts?: Partial<Counts>; overdueEarlier?: number } & Record<string, unknown> = {},
): AssignmentPage {
  const { counts, overdueEarlier, ...paging } = extra;
  const byState = { ...noCounts };
  for (const item of items) byState[item.state] = (byState[item.state] ?? 0) + 1;
  return {
    ...page(items, paging as Record<string, number>),
    counts: { ...byState, ...counts } as Counts,
    overdueEarlier: overdueEarlier ?? 0,
  };
}

const dueSoon = assignment({ daysLeft: 3 });

const lateDraft = assignment({
  item: {
    kind: 'INDICATOR',
    id: 'c0000000-0000-4000-8000-0000000000c9',
    code: 'C.9',
    content: 'Tỷ lệ khai thác, sử dụng lại thông tin, dữ liệu đã được số hóa',
  },
  period: {
    id: 'f0000000-0000-4000-8000-000000000402',
    key: '2026-02',
    unitDeadline: '2026-03-20',
    closed: false,
  },
  state: 'LATE',
  deadline: '2026-03-20',
  daysLeft: -2,
  reportId,
  reportVersion: 2,
  overdue: true,
  daysLate: 2,
});

const returnedTask = assignment({
  item: { kind: 'TASK', id: taskId, code: 'III.2', content: 'Số hóa hồ sơ thủ tục hành chính' },
  role: 'COOPERATING',
  unit: police,
  state: 'RETURNED',
  daysLeft: 0,
  reportId: 'e0000000-0000-4000-8000-0000000000e2',
  reportVersion: 5,
});

const dueToday = assignment({
  item: {
    kind: 'INDICATOR',
    id: 'c0000000-0000-4000-8000-0000000000c8',
    code: 'C.8',
    content: 'Tỷ lệ cấp kết quả giải quyết thủ tục hành chính điện tử',
  },
  state: 'DRAFT',
  daysLeft: 0,
  reportId: 'e0000000-0000-4000-8000-0000000000e3',
  reportVersion: 1,
});

const accepted = assignment({
  item: {
    kind: 'INDICATOR',
    id: 'c0000000-0000-4000-8000-0000000000c6',
    code: 'C.6',
    content: 'Tỷ lệ hồ sơ thủ tục hành chính xử lý trực tuyến',
  },
  state: 'ACCEPTED',
  daysLeft: -20,
  reportId: 'e0000000-0000-4000-8000-0000000000e4',
  reportVersion: 7,
});

/** Serves `respond` for the unit's assignments and records each request's query. */
function serveAssignments(respond: (query: URLSearchParams) => AssignmentPage) {
  const requests: URLSearchParams[] = [];
  server.use(
    http.get(
      '*/api/v1/assignments',
      authed((request) => {
        const query = new URL(request.url).searchParams;
        requests.push(query);
        return json(respond(query));
      }),
    ),
  );
  return requests;
}

function renderList(url = '/my-work') {
  return renderRoute(<AssignmentsList />, { path: '/my-work', url });
}

function card(name: RegExp | string) {
  return screen.getByRole('heading', { name }).closest('li')!;
}

describe('AssignmentsList', () => {
  beforeEach(async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-04-17T09:00:00+07:00'));
    await seedSession({ me: reporterMe });
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  it('lists what is due and what is late, with deadlines counted down and states in words', async () => {
    const requests = serveAssignments(() =>
      workPage([lateDraft, dueToday, dueSoon, returnedTask], { totalItems: 4 }),
    );
    renderList();

    expect(
      await screen.findByRole('progressbar', { name: 'Đang tải danh sách việc cần báo cáo…' }),
    ).toBeInTheDocument();
    const list = await screen.findByRole('list', { name: 'Danh sách việc cần báo cáo' });
    expect(within(list).getAllByRole('listitem')).toHaveLength(4);
    expect(
      screen.getByText('Các chỉ tiêu, nhiệm vụ mà Trung tâm Phục vụ hành chính công phải báo cáo.'),
    ).toBeInTheDocument();

    const late = card(/C\.9/);
    expect(late).toHaveTextContent('Tháng 2/2026');
    expect(late).toHaveTextContent('Bản nháp');
    expect(late).toHaveTextContent('Quá hạn');
    expect(late).toHaveTextContent('20/03/2026 · quá hạn 2 ngày');
    expect(within(late).getByRole('link', { name: 'Tiếp tục nhập' })).toHaveAttribute(
      'href',
      `/my-work/reports/${reportId}`,
    );

    const today = card(/C\.8/);
    expect(today).toHaveTextContent('hạn chót hôm nay');
    expect(today).toHaveTextContent('Bản nháp');

    const soon = card(/C\.7/);
    expect(soon).toHaveTextContent('Chưa báo cáo');
    expect(soon).toHaveTextContent('20/04/2026 · còn 3 ngày');
    expect(soon).toHaveTextContent('Chủ trì');
    expect(soon).toHaveTextContent('84/KH-UBND – Kế hoạch chuyển đổi số xã Xuân Lộc năm 2026');
    const start = within(soon).getByRole('link', { name: 'Nhập báo cáo' });
    expect(start).toHaveAccessibleDescription(
      'C.7 Tỷ lệ sử dụng dịch vụ công trực tuyến của người dân và doanh nghiệp',
    );
    expect(start).toHaveAttribute(
      'href',
      `/my-work/reports/new?plan=${plan.id}&indicator=${indicatorId}&period=2026-03`,
    );

    const returned = card(/III\.2/);
    expect(returned).toHaveTextContent('Bị trả lại');
    expect(returned).toHaveTextContent('Phối hợp');
    expect(returned).toHaveTextContent('cần sửa và gửi lại');
    expect(within(returned).getByRole('link', { name: 'Sửa và gửi lại' })).toBeInTheDocument();

    expect(screen.getByText('Tổng số: 4 việc')).toBeInTheDocument();
    // By default: the unit's own work of the current period that still needs doing, in the server's order.
    expect(requests.map((q) => q.toString())).toEqual([
      'mine=true&page=0&size=20&periodScope=CURRENT&state=LATE&state=RETURNED&state=NOT_STARTED&state=DRAFT&sort=attention%2Casc',
    ]);
  });

  it('offers to write a report only where the server lists it, and otherwise only to read one', async () => {
    const readOnly = assignment({ actions: [] });
    const readOnlyDraft = assignment({
      ...returnedTask,
      state: 'DRAFT',
      reportId: 'e0000000-0000-4000-8000-0000000000d1',
      actions: [],
    });
    serveAssignments(() => workPage([readOnly, readOnlyDraft]));
    renderList();
    const list = await screen.findByRole('list', { name: 'Danh sách việc cần báo cáo' });
    const [first, second] = within(list).getAllByRole('listitem');
    expect(within(first!).queryByRole('link')).not.toBeInTheDocument();
    expect(within(second!).getByRole('link', { name: 'Xem báo cáo' })).toBeInTheDocument();
    expect(
      within(list).queryByRole('link', { name: /Nhập báo cáo|Tiếp tục nhập/ }),
    ).not.toBeInTheDocument();
  });

  it('shows accepted work without a countdown', async () => {
    serveAssignments(() => workPage([accepted]));
    renderList('/my-work?state=ACCEPTED');

    const done = await screen.findByRole('heading', { name: /C\.6/ });
    const item = done.closest('li')!;
    expect(item).toHaveTextContent('Đã được chấp nhận');
    expect(item).not.toHaveTextContent(/quá hạn|còn \d+ ngày/);
    expect(within(item).getByRole('link', { name: 'Xem báo cáo' })).toBeInTheDocument();
  });

  it('filters by state through its count and by period, keeping the filters in the URL', async () => {
    const requests = serveAssignments(() =>
      workPage([lateDraft], { counts: { NOT_STARTED: 4, SUBMITTED: 2 } }),
    );
    const { router, user } = renderList('/my-work?page=2');
    await screen.findByRole('list');

    const states = screen.getByRole('group', { name: 'Trạng thái' });
    expect(within(states).getByRole('button', { name: 'Cần thực hiện 5' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    await user.click(within(states).getByRole('button', { name: 'Quá hạn 1' }));
    await waitFor(() => expect(router.state.location.search).toBe('?state=LATE'));

    await user.selectOptions(screen.getByRole('combobox', { name: 'Kỳ báo cáo' }), 'Tháng 2/2026');
    await waitFor(() => expect(router.state.location.search).toBe('?state=LATE&period=2026-02'));
    await waitFor(() =>
      expect(requests.at(-1)?.toString()).toBe(
        'mine=true&page=0&size=20&periodKey=2026-02&state=LATE&sort=attention%2Casc',
      ),
    );

    await user.click(within(states).getByRole('button', { name: 'Tất cả 7' }));
    await waitFor(() => expect(router.state.location.search).toBe('?state=all&period=2026-02'));
    await waitFor(() =>
      expect(requests.at(-1)?.toString()).toBe(
        'mine=true&page=0&size=20&periodKey=2026-02&sort=attention%2Casc',
      ),
    );
  });

  it('reads the filters and the page from a shared link', async () => {
    const requests = serveAssignments(() =>
      workPage([returnedTask], { page: 1, totalItems: 21, totalPages: 2 }),
    );
    renderList('/my-work?state=RETURNED&period=2025-Q4&page=2&q=so%20hoa');
    await screen.findByRole('list');

    expect(requests[0]?.toString()).toBe(
      'mine=true&page=1&size=20&periodKey=2025-Q4&state=RETURNED&sort=attention%2Casc&q=so+hoa',
    );
    expect(screen.getByRole('button', { name: 'Bị trả lại 1' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    expect(screen.getByRole('searchbox', { name: 'Tìm theo mã hoặc nội dung' })).toHaveValue(
      'so hoa',
    );
    const periodSelect = screen.getByRole('combobox', { name: 'Kỳ báo cáo' });
    expect(periodSelect).toHaveValue('2025-Q4');
    expect(within(periodSelect).getByRole('option', { selected: true })).toHaveTextContent(
      'Quý IV/2025',
    );
    expect(screen.getByText('Trang 2 / 2')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Trang sau' })).toBeDisabled();
  });

  it('puts a returned report first with the reviewer’s comment, and counts what is late from earlier periods', async () => {
    const returned = assignment({
      ...returnedTask,
      reviewComment: 'Đề nghị bổ sung biên bản nghiệm thu.',
    });
    const requests = serveAssignments((query) =>
      query.get('periodScope') === 'EARLIER'
        ? workPage([returned, lateDraft], {
            overdueEarlier: 5,
            totalItems: 5,
            counts: { LATE: 4, RETURNED: 1 },
          })
        : workPage([returned, dueToday, dueSoon], { overdueEarlier: 5 }),
    );
    const { router, user } = renderList();

    const list = await screen.findByRole('list', { name: 'Danh sách việc cần báo cáo' });
    const first = within(list).getAllByRole('listitem')[0]!;
    expect(first).toHaveTextContent('III.2 Số hóa hồ sơ thủ tục hành chính');
    expect(first).toHaveTextContent('Ý kiến của cán bộ duyệt:Đề nghị bổ sung biên bản nghiệm thu.');
    expect(screen.getByRole('button', { name: 'Bị trả lại 1' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Bản nháp 1' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Chưa báo cáo 1' })).toBeInTheDocument();
    // A state nobody is in is not offered.
    expect(screen.queryByRole('button', { name: /Đã được chấp nhận/ })).not.toBeInTheDocument();

    await user.click(screen.getByRole('link', { name: '5 mục quá hạn từ các kỳ trước' }));
    await waitFor(() => expect(router.state.location.search).toBe('?view=earlier'));
    await screen.findByText('Tổng số: 5 việc');
    expect(screen.getByRole('button', { name: 'Quá hạn từ các kỳ trước (5)' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    // Everything overdue by the server's rule, the returned report past its deadline included, not only what was never sent.
    const earlier = within(await screen.findByRole('list', { name: 'Danh sách việc cần báo cáo' }));
    expect(earlier.getAllByRole('listitem')[0]).toHaveTextContent(
      'Đề nghị bổ sung biên bản nghiệm thu.',
    );
    expect(screen.getByRole('button', { name: 'Bị trả lại 1' })).toBeInTheDocument();
    const asked = requests.at(-1)!;
    expect(asked.get('periodScope')).toBe('EARLIER');
    expect(asked.get('overdue')).toBe('true');
    expect(asked.get('sort')).toBe('deadline,asc');
  });

  it('searches by code or words as typed, from the first page', async () => {
    const requests = serveAssignments(() => workPage([dueSoon]));
    const { router, user } = renderList('/my-work?page=3');
    await screen.findByRole('list');

    await user.type(
      screen.getByRole('searchbox', { name: 'Tìm theo mã hoặc nội dung' }),
      'dich vu{Enter}',
    );
    await waitFor(() => expect(router.state.location.search).toBe('?q=dich+vu'));
    await waitFor(() => expect(requests.at(-1)?.get('q')).toBe('dich vu'));
    expect(requests.at(-1)?.get('page')).toBe('0');
  });

  it('tells an account of no unit that it has nothing to report, without asking for a list', async () => {
    const requests = serveAssignments(() => workPage([]));
    await seedSession({ me: { ...reporterMe, unit: null as unknown as typeof reporterMe.unit } });
    renderList();
    expect(
      await screen.findByText(
        'Tài khoản này không thuộc đơn vị nào nên không có chỉ tiêu, nhiệm vụ phải báo cáo.',
      ),
    ).toBeInTheDocument();
    expect(requests).toEqual([]);
  });

  it('moves between pages', async () => {
    const requests = serveAssignments((query) =>
      workPage([query.get('page') === '1' ? returnedTask : dueSoon], {
        page: Number(query.get('page')),
        totalItems: 25,
        totalPages: 2,
      }),
    );
    const { router, user } = renderList();
    await screen.findByText('Trang 1 / 2');

    await user.click(screen.getByRole('button', { name: 'Trang sau' }));

    await screen.findByText('Trang 2 / 2');
    expect(router.state.location.search).toBe('?page=2');
    expect(screen.getByRole('heading', { name: /III\.2/ })).toBeInTheDocument();
    expect(requests.map((q) => q.get('page'))).toEqual(['0', '1']);
  });

  it('says when there is nothing left to do', async () => {
    serveAssignments(() => workPage([]));
    renderList();
    expect(
      await screen.findByText('Không có việc nào cần thực hiện. Đơn vị đã báo cáo đầy đủ.'),
    ).toBeInTheDocument();
  });

  it('shows the problem detail when loading fails', async () => {
    server.use(
      http.get('*/api/v1/assignments', () =>
        problemResponse(400, 'assignment.no-own-unit', 'Tài khoản này không thuộc đơn vị nào.', {
          errors: [
            {
              field: 'mine',
              code: 'assignment.no-own-unit',
              detail: 'Tài khoản này không thuộc đơn vị nào.',
            },
          ],
        }),
      ),
    );
    renderList();

    const alert = await screen.findByRole('alert');
    expect(within(alert).getByRole('heading')).toHaveTextContent(
      'Không tải được danh sách việc cần báo cáo',
    );
    expect(alert).toHaveTextContent('Tài khoản này không thuộc đơn vị nào.');
    expect(within(alert).getByRole('button', { name: 'Thử lại' })).toBeInTheDocument();
  });
});
