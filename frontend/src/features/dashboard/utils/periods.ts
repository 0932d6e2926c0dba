import type { components } from '@/api/schema';
import { todayInVietnam } from '@/lib/periods';

type PlanSummary = components['schemas']['PlanSummary'];

const statusPreference: Record<PlanSummary['status'], number> = { ISSUED: 0, DRAFT: 1, CLOSED: 2 };

/** The plan to open first: one covering this year (issued before draft before closed), else the newest. */
export function defaultPlan(
  plans: readonly PlanSummary[],
  today: string = todayInVietnam(),
): PlanSummary | undefined {
  const year = Number(today.slice(0, 4));
  const covering = plans
    .filter((p) => p.startYear <= year && year <= p.endYear)
    .sort((a, b) => statusPreference[a.status] - statusPreference[b.status]);
  return covering[0] ?? plans[0];
}
