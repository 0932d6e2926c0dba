import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { createMemoryRouter, RouterProvider } from 'react-router';

/** Renders `element` as the route at `path`, starting from `url`; returns the router to inspect the URL. */
export function renderRoute(
  element: ReactNode,
  { path = '/', url }: { path?: string; url?: string } = {},
) {
  const router = createMemoryRouter([{ path, element }], { initialEntries: [url ?? path] });
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const user = userEvent.setup();
  const view = render(
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
  return { ...view, router, user };
}
