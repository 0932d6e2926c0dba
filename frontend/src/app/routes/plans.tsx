import type { RouteObject } from 'react-router';

/**
 * The plans, mounted at /plans: the list, one plan as its document, a plan brought in from its Word file, and the pages that edit a plan, its groups,
 * indicators and tasks. Each loads on first use, so that the sign-in page carries none of them.
 */
export const planRoutes: RouteObject[] = [
  {
    index: true,
    lazy: async () => {
      const { PlansList } = await import('@/features/plans/components/plans-list');
      return { Component: PlansList };
    },
  },
  {
    path: 'new',
    lazy: async () => {
      const { PlanCreatePage } = await import('@/features/plans/components/plan-form');
      return { Component: PlanCreatePage };
    },
  },
  {
    path: 'intake',
    lazy: async () => {
      const { PlanIntakePage } = await import('@/features/plans/components/plan-intake');
      return { Component: PlanIntakePage };
    },
  },
  {
    path: ':planId',
    lazy: async () => {
      const { PlanDocument } = await import('@/features/plans/components/plan-document');
      return { Component: PlanDocument };
    },
  },
  {
    path: ':planId/edit',
    lazy: async () => {
      const { PlanEditPage } = await import('@/features/plans/components/plan-form');
      return { Component: PlanEditPage };
    },
  },
  {
    path: ':planId/groups',
    lazy: async () => {
      const { GroupsPage } = await import('@/features/plans/components/groups-editor');
      return { Component: GroupsPage };
    },
  },
  {
    path: ':planId/import',
    lazy: async () => {
      const { AppendixImportPage } = await import('@/features/plans/components/appendix-import');
      return { Component: AppendixImportPage };
    },
  },
  {
    path: ':planId/indicators/new',
    lazy: async () => {
      const { IndicatorCreatePage } = await import('@/features/plans/components/indicator-form');
      return { Component: IndicatorCreatePage };
    },
  },
  {
    path: ':planId/indicators/:indicatorId/edit',
    lazy: async () => {
      const { IndicatorEditPage } = await import('@/features/plans/components/indicator-form');
      return { Component: IndicatorEditPage };
    },
  },
  {
    path: ':planId/tasks/new',
    lazy: async () => {
      const { TaskCreatePage } = await import('@/features/plans/components/task-form');
      return { Component: TaskCreatePage };
    },
  },
  {
    path: ':planId/tasks/:taskId/edit',
    lazy: async () => {
      const { TaskEditPage } = await import('@/features/plans/components/task-form');
      return { Component: TaskEditPage };
    },
  },
];
