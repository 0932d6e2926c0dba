import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { beforeEach, describe, expect, it } from 'vitest';
import { routes } from '@/app/router';
import { server } from '@/testing/mocks/server';
import { bearer, seedSession, unauthenticated } from '@/testing/session';

const emptyPage = { items: [], page: 0, size: 20, totalItems: 0, totalPages: 0 };

function renderApp(url: string) {
  const router = createMemoryRouter(routes, { initialEntries: [url] });
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={client}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
  return router;
}

describe('administration routes', () => {
  beforeEach(async () => {
    await seedSession();
    server.use(
      ...['org-units', 'users', 'service-accounts'].map((list) =>
        http.get(`*/api/v1/${list}`, ({ request }) =>
          bearer(request) ? HttpResponse.json(emptyPage) : unauthenticated(),
        ),
      ),
    );
  });

  it.each([
    ['/admin', 'Quản trị'],
    ['/admin/units', 'Đơn vị'],
    ['/admin/units/new', 'Thêm đơn vị'],
    ['/admin/users', 'Tài khoản người dùng'],
    ['/admin/users/new', 'Thêm tài khoản'],
    ['/admin/service-accounts', 'Tài khoản hệ thống'],
    ['/admin/service-accounts/new', 'Thêm tài khoản hệ thống'],
    ['/admin/import', 'Nhập gói kế hoạch'],
  ])('opens %s inside the app frame', async (url, heading) => {
    renderApp(url);
    expect(await screen.findByRole('heading', { level: 1, name: heading })).toBeInTheDocument();
    const nav = screen.getByRole('navigation', { name: 'Điều hướng chính' });
    expect(await within(nav).findByRole('link', { name: 'Quản trị' })).toHaveAttribute(
      'href',
      '/admin',
    );
  });
});
