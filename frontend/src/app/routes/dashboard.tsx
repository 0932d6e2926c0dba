import type { RouteObject } from 'react-router';

/** The dashboards of a commune and of the province, mounted at /dashboard and loaded on first use. */
export const dashboardRoutes: RouteObject[] = [
  {
    index: true,
    lazy: async () => {
      const { Dashboard } = await import('@/features/dashboard/components/dashboard');
      return { Component: Dashboard };
    },
  },
];
