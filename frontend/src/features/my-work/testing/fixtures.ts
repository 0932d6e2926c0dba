import { http } from 'msw';
import type { components } from '@/api/schema';
import { assignment, authed, indicator, json, page, period, task } from '@/testing/fixtures';
import { server } from '@/testing/mocks/server';

type Indicator = components['schemas']['Indicator'];
type ReportingPeriod = components['schemas']['ReportingPeriod'];
type Task = components['schemas']['Task'];

/** Serves the item and period of the editor's standard case, and its assignment (the server's word on starting it). */
export function serveItem({
  indicatorBody = indicator(),
  taskBody = task(),
  periodBody = period(),
}: { indicatorBody?: Indicator; taskBody?: Task; periodBody?: ReportingPeriod } = {}) {
  server.use(
    http.get(
      '*/api/v1/plans/:planId/indicators/:indicatorId',
      authed(() => json(indicatorBody)),
    ),
    http.get(
      '*/api/v1/plans/:planId/tasks/:taskId',
      authed(() => json(taskBody)),
    ),
    http.get(
      '*/api/v1/plans/:planId/periods/:periodKey',
      authed(() => json(periodBody)),
    ),
    http.get(
      '*/api/v1/assignments',
      authed(() => json(page([assignment()]))),
    ),
  );
}
