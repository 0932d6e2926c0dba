import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { describe, expect, it } from 'vitest';
import { routes } from '@/app/router';
import { server } from '@/testing/mocks/server';

function renderApp(url: string) {
  const router = createMemoryRouter(routes, { initialEntries: [url] });
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={client}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
  return { router, user: userEvent.setup() };
}

describe('app', () => {
  it('opens the plan list from the root, inside the page landmarks', async () => {
    server.use(
      http.get('*/api/v1/plans', () =>
        HttpResponse.json({ items: [], page: 0, size: 20, totalItems: 0, totalPages: 0 }),
      ),
    );
    const { router } = renderApp('/');

    expect(await screen.findByRole('heading', { level: 1, name: 'Kế hoạch' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/plans');
    expect(
      within(screen.getByRole('banner')).getByText('Theo dõi Kế hoạch chuyển đổi số'),
    ).toBeInTheDocument();
    expect(screen.getByRole('main')).toHaveAttribute('id', 'main');
    expect(screen.getByRole('link', { name: 'Bỏ qua, đến nội dung chính' })).toHaveAttribute(
      'href',
      '#main',
    );
    expect(screen.getByRole('navigation', { name: 'Điều hướng chính' })).toBeInTheDocument();
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
