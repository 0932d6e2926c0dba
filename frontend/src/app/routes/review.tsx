import type { RouteObject } from 'react-router';

/**
 * The coordinator's review screens, mounted at /review; each is loaded when first opened, so that
 * people who never review do not download them.
 */
export const reviewRoutes: RouteObject[] = [
  {
    index: true,
    lazy: async () => {
      const { ReviewQueue } = await import('@/features/review/components/review-queue');
      return { Component: ReviewQueue };
    },
  },
  {
    path: 'period',
    lazy: async () => {
      const { PeriodStatus } = await import('@/features/review/components/period-status');
      return { Component: PeriodStatus };
    },
  },
  {
    path: ':reportId',
    lazy: async () => {
      const { ReportReview } = await import('@/features/review/components/report-review');
      return { Component: ReportReview };
    },
  },
];
