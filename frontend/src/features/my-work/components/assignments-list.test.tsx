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
function serveAssignments(
  respond: (query: URLSearchParams) => ReturnType<typeof page<Assignment>>,
) {
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
      page([lateDraft, dueToday, dueSoon, returnedTask], { totalItems: 4 }),
    );
    renderList();

    expect(
      screen.getByRole('progressbar', { name: 'Đang tải danh sách việc cần báo cáo…' }),
    ).toBeInTheDocument();
    const list = await screen.findByRole('list', { name: 'Danh sách việc cần báo cáo' });
    expect(within(list).getAllByRole('listitem')).toHaveLength(4);
    expect(
      screen.getByText('Các chỉ tiêu, nhiệm vụ mà Trung tâm Phục vụ hành chính công phải báo cáo.'),
    ).toBeInTheDocument();

    const late = card(/C\.9/);
    expect(late).toHaveTextContent('Tháng 02/2026');
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
    // By default: the unit's own work that still needs doing, the most overdue first.
    expect(requests.map((q) => q.toString())).toEqual([
      'mine=true&page=0&size=20&state=LATE&state=RETURNED&state=NOT_STARTED&state=DRAFT&sort=deadline%2Casc',
    ]);
  });

  it('shows accepted work without a countdown', async () => {
    serveAssignments(() => page([accepted]));
    renderList('/my-work?state=ACCEPTED');

    const done = await screen.findByRole('heading', { name: /C\.6/ });
    const item = done.closest('li')!;
    expect(item).toHaveTextContent('Đã được chấp nhận');
    expect(item).not.toHaveTextContent(/quá hạn|còn \d+ ngày/);
    expect(within(item).getByRole('link', { name: 'Xem báo cáo' })).toBeInTheDocument();
  });

  it('filters by state and period, keeping the filters in the URL', async () => {
    const requests = serveAssignments(() => page([lateDraft]));
    const { router, user } = renderList('/my-work?page=2');
    await screen.findByRole('list');

    await user.selectOptions(screen.getByRole('combobox', { name: 'Trạng thái' }), 'Quá hạn');
    await waitFor(() => expect(router.state.location.search).toBe('?state=LATE'));

    await user.selectOptions(screen.getByRole('combobox', { name: 'Kỳ báo cáo' }), 'Tháng 02/2026');
    await waitFor(() => expect(router.state.location.search).toBe('?state=LATE&period=2026-02'));
    await waitFor(() =>
      expect(requests.at(-1)?.toString()).toBe(
        'mine=true&page=0&size=20&state=LATE&periodKey=2026-02',
      ),
    );

    await user.selectOptions(screen.getByRole('combobox', { name: 'Trạng thái' }), 'Tất cả');
    await waitFor(() => expect(router.state.location.search).toBe('?state=all&period=2026-02'));
    await waitFor(() =>
      expect(requests.at(-1)?.toString()).toBe('mine=true&page=0&size=20&periodKey=2026-02'),
    );
  });

  it('reads the filters and the page from a shared link', async () => {
    const requests = serveAssignments(() =>
      page([returnedTask], { page: 1, totalItems: 21, totalPages: 2 }),
    );
    renderList('/my-work?state=RETURNED&period=2025-Q4&page=2');
    await screen.findByRole('list');

    expect(requests[0]?.toString()).toBe(
      'mine=true&page=1&size=20&state=RETURNED&periodKey=2025-Q4',
    );
    expect(screen.getByRole('combobox', { name: 'Trạng thái' })).toHaveValue('RETURNED');
    const periodSelect = screen.getByRole('combobox', { name: 'Kỳ báo cáo' });
    expect(periodSelect).toHaveValue('2025-Q4');
    expect(within(periodSelect).getByRole('option', { selected: true })).toHaveTextContent(
      'Quý IV/2025',
    );
    expect(screen.getByText('Trang 2 / 2')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Trang sau' })).toBeDisabled();
  });

  it('moves between pages', async () => {
    const requests = serveAssignments((query) =>
      page([query.get('page') === '1' ? returnedTask : dueSoon], {
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
    serveAssignments(() => page([]));
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
