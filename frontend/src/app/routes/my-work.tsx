import type { RouteObject } from 'react-router';

/**
 * The unit reporter's screens, mounted at /my-work: the list of what is due (`/my-work`) and one report
 * (`/my-work/reports/:reportId`, or `/my-work/reports/new?plan=…&indicator=…&period=…` before it exists).
 * Both load on first use, so that the sign-in page carries neither; the editor, with its evidence uploads, on its own.
 */
export const workRoutes: RouteObject[] = [
  {
    index: true,
    lazy: async () => {
      const { AssignmentsList } = await import('@/features/my-work/components/assignments-list');
      return { Component: AssignmentsList };
    },
  },
  {
    path: 'reports/:reportId',
    lazy: async () => {
      const { ReportPage } = await import('@/features/my-work/components/report-page');
      return { Component: ReportPage };
    },
  },
];
