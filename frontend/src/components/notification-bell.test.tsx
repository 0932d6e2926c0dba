import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import type { components } from '@/api/schema';
import { NotificationBell } from '@/components/notification-bell';
import { authed, json, page } from '@/testing/fixtures';
import { server } from '@/testing/mocks/server';
import { seedSession } from '@/testing/session';
import { renderPages } from '@/testing/test-utils';

type Notification = components['schemas']['Notification'];

const returned: Notification = {
  id: 'a9000000-0000-4000-8000-000000000001',
  kind: 'REPORT_RETURNED',
  title: 'Báo cáo bị trả lại: C.6, tháng 11/2026',
  body: 'Báo cáo tháng 11/2026 của đơn vị về C.6 cần sửa và gửi lại. Ý kiến: Bổ sung số hồ sơ.',
  link: '/my-work/reports/e0000000-0000-4000-8000-0000000000e1',
  createdAt: '2026-12-02T08:30:00+07:00',
  readAt: null,
};

const reminder: Notification = {
  id: 'a9000000-0000-4000-8000-000000000002',
  kind: 'DEADLINE_SOON',
  title: 'Sắp đến hạn báo cáo tháng 11/2026',
  body: 'Đơn vị Trung tâm Phục vụ hành chính công còn 3 mục chưa gửi trong báo cáo tháng 11/2026 theo Kế hoạch số 84/KH-UBND. Hạn gửi: 20/11/2026.',
  link: '/my-work',
  createdAt: '2026-11-15T08:00:00+07:00',
  readAt: '2026-11-15T09:00:00+07:00',
};

/** Serves the person's notifications, keeping the ids each "mark read" names (null: all). */
function serveNotifications(items: Notification[]) {
  const marked: (string[] | null)[] = [];
  let unread = items.filter((n) => !n.readAt).length;
  server.use(
    http.get(
      '*/api/v1/notifications/unread-count',
      authed(() => json({ unread })),
    ),
    http.get(
      '*/api/v1/notifications',
      authed(() => json(page(items))),
    ),
    http.post(
      '*/api/v1/notifications/read',
      authed(async (request) => {
        const body = (await request.json()) as { ids: string[] | null };
        marked.push(body.ids);
        unread = body.ids ? Math.max(0, unread - body.ids.length) : 0;
        return new HttpResponse(null, { status: 204 });
      }),
    ),
  );
  return marked;
}

function renderBell() {
  return renderPages(
    [
      { path: '/', element: <NotificationBell /> },
      { path: '/my-work/reports/:id', element: <p>Trang báo cáo</p> },
    ],
    '/',
  );
}

describe('NotificationBell', () => {
  beforeEach(async () => {
    await seedSession();
  });

  it('shows the unread count, lists the newest notifications and follows one, marking it read', async () => {
    const marked = serveNotifications([returned, reminder]);
    const { router, user } = renderBell();

    const bell = await screen.findByRole('button', { name: 'Thông báo: 1 chưa đọc' });
    expect(bell).toHaveTextContent('1');
    await user.click(bell);

    const panel = screen.getByRole('region', { name: 'Thông báo' });
    const items = await within(panel).findAllByRole('listitem');
    expect(items.map((item) => item.textContent)).toEqual([
      'Chưa đọc: Báo cáo bị trả lại: C.6, tháng 11/2026Báo cáo tháng 11/2026 của đơn vị về C.6 cần sửa và gửi lại. Ý kiến: Bổ sung số hồ sơ.02/12/2026',
      'Sắp đến hạn báo cáo tháng 11/2026Đơn vị Trung tâm Phục vụ hành chính công còn 3 mục chưa gửi trong báo cáo tháng 11/2026 theo Kế hoạch số 84/KH-UBND. Hạn gửi: 20/11/2026.15/11/2026',
    ]);

    await user.click(within(items[0]!).getByRole('button'));
    await waitFor(() =>
      expect(router.state.location.pathname).toBe(
        '/my-work/reports/e0000000-0000-4000-8000-0000000000e1',
      ),
    );
    expect(marked).toEqual([[returned.id]]);
  });

  it('marks everything read at once', async () => {
    const marked = serveNotifications([returned, { ...reminder, readAt: null }]);
    const { user } = renderBell();

    await user.click(await screen.findByRole('button', { name: 'Thông báo: 2 chưa đọc' }));
    await user.click(screen.getByRole('button', { name: 'Đánh dấu tất cả đã đọc' }));

    expect(await screen.findByRole('button', { name: 'Thông báo' })).toBeInTheDocument();
    expect(marked).toEqual([null]);
  });

  it('says when there is nothing yet, and closes with Escape', async () => {
    serveNotifications([]);
    const { user } = renderBell();

    await user.click(await screen.findByRole('button', { name: 'Thông báo' }));
    expect(await screen.findByText('Chưa có thông báo nào.')).toBeInTheDocument();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('region', { name: 'Thông báo' })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Thông báo' })).toHaveFocus();
  });
});
