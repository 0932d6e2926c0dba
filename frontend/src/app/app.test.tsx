import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { beforeEach, describe, expect, it } from 'vitest';
import { routes } from '@/app/router';
import { getSession } from '@/lib/auth';
import { server } from '@/testing/mocks/server';
import {
  bearer,
  problem,
  seedSession,
  serveAuth,
  testMe,
  testPassword,
  unauthenticated,
} from '@/testing/session';

function renderApp(url: string) {
  const router = createMemoryRouter(routes, { initialEntries: [url] });
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const { unmount } = render(
    <QueryClientProvider client={client}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
  return { router, unmount, user: userEvent.setup() };
}

const emptyPage = { items: [], page: 0, size: 20, totalItems: 0, totalPages: 0 };

describe('app', () => {
  beforeEach(async () => {
    await seedSession();
  });

  it('starts a reader at the dashboard, inside the page landmarks', async () => {
    await seedSession({
      me: {
        ...testMe,
        roles: ['VIEWER'],
        coordinatedUnits: [],
        actions: [],
        grantableRoles: [],
        home: 'DASHBOARD',
      },
    });
    const commune = testMe.scopes[0]!.scope!;
    server.use(
      http.get('*/api/v1/plans', () => HttpResponse.json(emptyPage)),
      http.get('*/api/v1/org-units/:id/dti-ranking', () =>
        problem(404, 'dti-framework.not-found', 'Chưa có bộ chỉ số DTI nào.'),
      ),
      http.get('*/api/v1/org-units/:id', () =>
        HttpResponse.json({
          ...commune,
          shortName: null,
          kind: 'COMMUNE',
          parent: null,
          ancestors: [],
          depth: 0,
          active: true,
          version: 1,
          createdAt: '2026-01-02T01:00:00Z',
          updatedAt: '2026-01-02T01:00:00Z',
        }),
      ),
    );
    const { router } = renderApp('/');

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Bảng theo dõi' }),
    ).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/dashboard');
    // The reader's own commune, which has no plan yet.
    expect(
      await screen.findByText('UBND xã Xuân Lộc chưa có kế hoạch nào trong hệ thống.'),
    ).toBeInTheDocument();
    expect(
      within(screen.getByRole('banner')).getByText('Theo dõi Kế hoạch chuyển đổi số'),
    ).toBeInTheDocument();
    expect(screen.getByRole('main')).toHaveAttribute('id', 'main');
    expect(screen.getByRole('link', { name: 'Bỏ qua, đến nội dung chính' })).toHaveAttribute(
      'href',
      '#main',
    );
    const nav = screen.getByRole('navigation', { name: 'Điều hướng chính' });
    expect(
      within(nav)
        .getAllByRole('link')
        .map((link) => link.textContent),
    ).toEqual(['Bảng theo dõi', 'Kế hoạch']);
  });

  it('starts a reporter at their work and a coordinator at the review queue', async () => {
    await seedSession({
      me: {
        ...testMe,
        roles: ['UNIT_REPORTER'],
        coordinatedUnits: [],
        actions: ['REPORT'],
        grantableRoles: [],
        home: 'MY_WORK',
      },
    });
    const reporter = renderApp('/');
    await waitFor(() => expect(reporter.router.state.location.pathname).toBe('/my-work'));
    const reporterNav = screen.getByRole('navigation', { name: 'Điều hướng chính' });
    expect(
      within(reporterNav)
        .getAllByRole('link')
        .map((link) => link.textContent),
    ).toEqual(['Việc của tôi', 'Bảng theo dõi', 'Kế hoạch']);
    reporter.unmount();

    // The coordinator's own office reports too: the server lists both, and the review queue comes first.
    await seedSession();
    const coordinator = renderApp('/');
    await waitFor(() => expect(coordinator.router.state.location.pathname).toBe('/review'));
    const coordinatorNav = screen.getByRole('navigation', { name: 'Điều hướng chính' });
    expect(
      within(coordinatorNav)
        .getAllByRole('link')
        .map((link) => link.textContent),
    ).toEqual(['Việc của tôi', 'Duyệt báo cáo', 'Bảng theo dõi', 'Kế hoạch', 'Quản trị']);
  });

  it('offers the screens the server lists, and starts where it says, whatever the roles are called', async () => {
    // Roles are only named to people: an account the server lets review, and starts on the dashboard (as it does a
    // province's coordinator, whose first question is its communes), lands there with review in its navigation.
    await seedSession({
      me: {
        ...testMe,
        roles: ['UNIT_REPORTER'],
        actions: ['REVIEW'],
        grantableRoles: [],
        home: 'DASHBOARD',
      },
    });
    server.use(http.get('*/api/v1/plans', () => HttpResponse.json(emptyPage)));
    const { router } = renderApp('/');
    await waitFor(() => expect(router.state.location.pathname).toBe('/dashboard'));
    const nav = screen.getByRole('navigation', { name: 'Điều hướng chính' });
    expect(
      within(nav)
        .getAllByRole('link')
        .map((link) => link.textContent),
    ).toEqual(['Duyệt báo cáo', 'Bảng theo dõi', 'Kế hoạch']);
  });

  it('switches the interface to English and back', async () => {
    server.use(
      http.get('*/api/v1/plans', () =>
        HttpResponse.json({
          items: [
            {
              id: 'b7c1d2e3-0000-4000-8000-000000000119',
              code: 'DN-2025-119',
              documentNumber: '119/KH-UBND',
              title: 'Kế hoạch chuyển đổi số năm 2025',
              issuingUnit: {
                id: 'a0000000-0000-4000-8000-000000000001',
                code: 'DN',
                name: 'UBND tỉnh Đồng Nai',
              },
              issueDate: '2025-02-10',
              startYear: 2025,
              endYear: 2025,
              status: 'CLOSED',
              version: 7,
              updatedAt: '2026-01-05T08:00:00+07:00',
            },
          ],
          page: 0,
          size: 20,
          totalItems: 1,
          totalPages: 1,
        }),
      ),
    );
    const { user } = renderApp('/plans');
    expect(await screen.findByRole('cell', { name: 'Đã kết thúc' })).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'English' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Plans' })).toBeInTheDocument();
    expect(screen.getByRole('cell', { name: 'Closed' })).toBeInTheDocument();
    expect(screen.getByText('Total: 1 plan')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'English' })).toHaveAttribute('aria-pressed', 'true');
    expect(document.documentElement.lang).toBe('en');

    await user.click(screen.getByRole('button', { name: 'Tiếng Việt' }));
    expect(await screen.findByRole('cell', { name: 'Đã kết thúc' })).toBeInTheDocument();
    expect(document.documentElement.lang).toBe('vi');
  });

  it('shows a not-found page for unknown addresses', async () => {
    renderApp('/khong-co');
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Không tìm thấy trang' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Về danh sách kế hoạch' })).toHaveAttribute(
      'href',
      '/plans',
    );
  });
});

describe('signing in and out', () => {
  function servePlans() {
    server.use(
      http.get('*/api/v1/plans', ({ request }) =>
        bearer(request) ? HttpResponse.json(emptyPage) : unauthenticated(),
      ),
    );
  }

  async function signInThroughForm(user: ReturnType<typeof renderApp>['user']) {
    await user.type(await screen.findByLabelText('Tên đăng nhập'), testMe.username);
    await user.type(screen.getByLabelText('Mật khẩu'), testPassword);
    await user.click(screen.getByRole('button', { name: 'Đăng nhập' }));
  }

  it('sends a visitor without a session to sign in, then back to the page asked for', async () => {
    serveAuth();
    servePlans();
    const { router, user } = renderApp('/plans?status=ISSUED');

    expect(await screen.findByRole('heading', { level: 1, name: 'Đăng nhập' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/sign-in');
    expect(router.state.location.search).toBe('?next=%2Fplans%3Fstatus%3DISSUED');
    expect(screen.queryByRole('navigation', { name: 'Điều hướng chính' })).not.toBeInTheDocument();

    await signInThroughForm(user);

    expect(await screen.findByRole('heading', { level: 1, name: 'Kế hoạch' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/plans');
    expect(router.state.location.search).toBe('?status=ISSUED');
    expect(getSession()).toEqual({ status: 'signed-in' });
    expect(sessionStorage.getItem('auth.refresh')).toContain('refresh-');
  });

  it('does not follow a next address on another site', async () => {
    serveAuth();
    servePlans();
    const { router, user } = renderApp('/sign-in?next=%2F%2Fevil.example%2Fplans');

    await signInThroughForm(user);

    // Home instead: a coordinator's is the review queue.
    await waitFor(() => expect(router.state.location.pathname).toBe('/review'));
  });

  it('shows who is signed in: name, role and unit', async () => {
    await seedSession({
      me: { ...testMe, roles: ['PROVINCE_COORDINATOR', 'VIEWER'], fullName: 'Trần Thị Bình' },
    });
    servePlans();
    renderApp('/plans');

    const account = await screen.findByRole('group', { name: 'Tài khoản' });
    expect(await within(account).findByText('Trần Thị Bình')).toBeInTheDocument();
    expect(within(account).getByText('Điều phối cấp tỉnh, Lãnh đạo (xem)')).toBeInTheDocument();
    expect(within(account).getByText('UBND xã Xuân Lộc')).toBeInTheDocument();
    expect(within(account).getByRole('link', { name: 'Đổi mật khẩu' })).toHaveAttribute(
      'href',
      '/change-password',
    );
  });

  it('refreshes once when the access token is refused, and retries', async () => {
    const { tokenRequests, issued } = await seedSession();
    const refused = issued[0]?.access_token;
    const seenByPlans: (string | null)[] = [];
    server.use(
      http.get('*/api/v1/plans', ({ request }) => {
        seenByPlans.push(bearer(request));
        return bearer(request) === refused ? unauthenticated() : HttpResponse.json(emptyPage);
      }),
      http.get('*/api/v1/me', ({ request }) =>
        bearer(request) === refused ? unauthenticated() : HttpResponse.json(testMe),
      ),
    );
    renderApp('/plans');

    expect(await screen.findByText('Chưa có kế hoạch nào.')).toBeInTheDocument();
    expect(await screen.findByText('Nguyễn Văn An')).toBeInTheDocument();
    // The plans list and the header were both refused; they share one refresh.
    const refreshes = tokenRequests.filter((form) => form.get('grant_type') === 'refresh_token');
    expect(refreshes).toHaveLength(1);
    expect(seenByPlans).toEqual([refused, issued[1]?.access_token]);
  });

  it('ends the session when the refresh is refused, and says so on the sign-in page', async () => {
    await seedSession();
    server.use(
      http.get('*/api/v1/plans', () => unauthenticated()),
      http.get('*/api/v1/me', () => unauthenticated()),
      http.post('*/api/v1/auth/token', () =>
        problem(401, 'auth.invalid-refresh-token', 'Phiên đăng nhập đã hết hạn.'),
      ),
    );
    const { router } = renderApp('/plans');

    expect(await screen.findByRole('heading', { level: 1, name: 'Đăng nhập' })).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('Phiên đăng nhập đã hết hạn');
    expect(router.state.location.pathname).toBe('/sign-in');
    expect(router.state.location.search).toBe('?next=%2Fplans');
    expect(getSession()).toEqual({ status: 'signed-out', reason: 'expired' });
    expect(sessionStorage.getItem('auth.refresh')).toBeNull();
  });

  it('signs out: revokes the sign-in on the server and forgets it here', async () => {
    const { signOutRequests } = await seedSession();
    const refreshToken = (JSON.parse(sessionStorage.getItem('auth.refresh')!) as { token: string })
      .token;
    servePlans();
    const { router, user } = renderApp('/plans');

    await user.click(await screen.findByRole('button', { name: 'Đăng xuất' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Đăng nhập' })).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('Bạn đã đăng xuất.');
    expect(router.state.location.pathname).toBe('/sign-in');
    expect(router.state.location.search).toBe('');
    await waitFor(() =>
      expect(signOutRequests.map((form) => form.get('refresh_token'))).toEqual([refreshToken]),
    );
    expect(getSession()).toEqual({ status: 'signed-out', reason: 'signed-out' });
    expect(sessionStorage.getItem('auth.refresh')).toBeNull();
  });
});
