import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, within } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { beforeEach, describe, expect, it } from 'vitest';
import { routes } from '@/app/router';
import { coverage, meeting, planId, servePlan } from '@/features/plans/testing/fixtures';
import { seedSession } from '@/testing/session';

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

describe('plan routes', () => {
  beforeEach(async () => {
    await seedSession();
    servePlan();
  });

  it.each([
    [
      `/plans/${planId}`,
      'Kế hoạch Chuyển đổi số trong các cơ quan nhà nước xã Xuân Lộc năm 2026 – 2027',
    ],
    ['/plans/new', 'Lập kế hoạch mới'],
    [`/plans/${planId}/edit`, 'Sửa thông tin kế hoạch'],
    [`/plans/${planId}/groups`, 'Nhóm chỉ tiêu và nhiệm vụ'],
    [`/plans/${planId}/indicators/new`, 'Thêm chỉ tiêu'],
    [`/plans/${planId}/indicators/${coverage().id}/edit`, 'Sửa chỉ tiêu A.1'],
    [`/plans/${planId}/tasks/new`, 'Thêm nhiệm vụ'],
    [`/plans/${planId}/tasks/${meeting().id}/edit`, 'Sửa nhiệm vụ II.1.1'],
  ])('opens %s inside the app frame', async (url, heading) => {
    renderApp(url);
    expect(await screen.findByRole('heading', { level: 1, name: heading })).toBeInTheDocument();
    const nav = screen.getByRole('navigation', { name: 'Điều hướng chính' });
    expect(within(nav).getByRole('link', { name: 'Kế hoạch' })).toHaveAttribute('href', '/plans');
  });
});
