import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { createMemoryRouter, RouterProvider } from 'react-router';

/** Renders the given pages of the app at their paths, starting from `url`; returns the router and a user. */
export function renderPages(pages: { path: string; element: ReactNode }[], url: string) {
  const router = createMemoryRouter(pages, { initialEntries: [url] });
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const user = userEvent.setup();
  const view = render(
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
  return { ...view, router, user, queryClient };
}

/** Renders `element` as the route at `path`, starting from `url`; returns the router to inspect the URL. */
export function renderRoute(
  element: ReactNode,
  { path = '/', url }: { path?: string; url?: string } = {},
) {
  return renderPages([{ path, element }], url ?? path);
}

/** Puts `text` into a field at once (typing every character of long Vietnamese text is slow). */
export async function fill(
  user: ReturnType<typeof userEvent.setup>,
  field: HTMLElement,
  text: string,
) {
  await user.clear(field);
  await user.click(field);
  await user.paste(text);
}
