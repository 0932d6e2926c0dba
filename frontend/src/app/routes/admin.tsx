import type { RouteObject } from 'react-router';

/** Administration, mounted at /admin and loaded on first use. */
export const adminRoutes: RouteObject[] = [
  {
    index: true,
    lazy: async () => {
      const { AdminHome } = await import('@/features/admin/components/admin-home');
      return { Component: AdminHome };
    },
  },
];
