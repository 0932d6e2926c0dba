import type { RouteObject } from 'react-router';
import { AssignmentsList } from '@/features/my-work/components/assignments-list';

/**
 * The unit reporter's screens, mounted at /my-work: the list of what is due (`/my-work`) and one report
 * (`/my-work/reports/:reportId`, or `/my-work/reports/new?plan=…&indicator=…&period=…` before it exists).
 * The editor, with its evidence uploads, loads on first use so that the list stays light.
 */
export const workRoutes: RouteObject[] = [
  { index: true, element: <AssignmentsList /> },
  {
    path: 'reports/:reportId',
    lazy: async () => {
      const { ReportPage } = await import('@/features/my-work/components/report-page');
      return { Component: ReportPage };
    },
  },
];
