import type { RouteObject } from 'react-router';
import { PlansList } from '@/features/plans/components/plans-list';

/** The plans, mounted at /plans: the list, and one plan as its document (loaded on first use). */
export const planRoutes: RouteObject[] = [
  { index: true, element: <PlansList /> },
  {
    path: ':planId',
    lazy: async () => {
      const { PlanDocument } = await import('@/features/plans/components/plan-document');
      return { Component: PlanDocument };
    },
  },
];
