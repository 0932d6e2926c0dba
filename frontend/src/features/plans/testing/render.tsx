import { configure } from '@testing-library/react';
import { AppendixImportPage } from '@/features/plans/components/appendix-import';
import { GroupsPage } from '@/features/plans/components/groups-editor';
import { IndicatorCreatePage, IndicatorEditPage } from '@/features/plans/components/indicator-form';
import { PlanIntakePage } from '@/features/plans/components/plan-intake';
import { PlanDocument } from '@/features/plans/components/plan-document';
import { PlanCreatePage, PlanEditPage } from '@/features/plans/components/plan-form';
import { PlansList } from '@/features/plans/components/plans-list';
import { TaskCreatePage, TaskEditPage } from '@/features/plans/components/task-form';
import { renderPages } from '@/testing/test-utils';

// The editing pages are large forms: in jsdom on a busy machine a re-render after each step can take a while,
// so waits (and the heaviest tests, with `slowTest`) get more time than the defaults.
configure({ asyncUtilTimeout: 4000 });

/** Per-test time limit for the tests that fill in a whole form. */
export const slowTest = 20_000;

/** The plan screens at their addresses (as the app mounts them), starting from `url`. */
export function renderPlans(url: string) {
  return renderPages(
    [
      { path: '/plans', element: <PlansList /> },
      { path: '/plans/new', element: <PlanCreatePage /> },
      { path: '/plans/intake', element: <PlanIntakePage /> },
      { path: '/plans/:planId', element: <PlanDocument /> },
      { path: '/plans/:planId/edit', element: <PlanEditPage /> },
      { path: '/plans/:planId/groups', element: <GroupsPage /> },
      { path: '/plans/:planId/import', element: <AppendixImportPage /> },
      { path: '/plans/:planId/indicators/new', element: <IndicatorCreatePage /> },
      { path: '/plans/:planId/indicators/:indicatorId/edit', element: <IndicatorEditPage /> },
      { path: '/plans/:planId/tasks/new', element: <TaskCreatePage /> },
      { path: '/plans/:planId/tasks/:taskId/edit', element: <TaskEditPage /> },
    ],
    url,
  );
}
