import type { components } from '@/api/schema';
import type { GetReviewQueueParams } from '@/features/review/api/get-review-queue';

type ReportRole = components['schemas']['ReportRole'];
type ReportState = components['schemas']['ReportState'];

/** The states a coordinator looks through: waiting (the queue proper), and those already decided. */
export const queueStates = ['SUBMITTED', 'ACCEPTED', 'RETURNED'] as const satisfies ReportState[];
export type QueueStateFilter = (typeof queueStates)[number];
export const queueRoles = ['LEAD', 'COOPERATING'] as const satisfies ReportRole[];
export const queuePageSize = 20;

/**
 * Everything that decides which reports are listed lives in the URL, so that a filtered page can be
 * bookmarked and shared, and a report opened from it knows its neighbours. Without a plan and period the
 * queue holds every period, the oldest first (the server's order).
 */
export type QueueState = {
  plan?: string;
  period?: string;
  unit?: string;
  role?: ReportRole;
  state: QueueStateFilter;
  /** 1-based, as people read it. */
  page: number;
};

function pick<T extends string>(values: readonly T[], value: string | null): T | undefined {
  return values.find((v) => v === value);
}

export function readQueueState(params: URLSearchParams): QueueState {
  const page = Number.parseInt(params.get('page') ?? '', 10);
  return {
    plan: params.get('plan') || undefined,
    period: params.get('period') || undefined,
    unit: params.get('unit') || undefined,
    role: pick(queueRoles, params.get('role')),
    state: pick(queueStates, params.get('state')) ?? 'SUBMITTED',
    page: Number.isFinite(page) && page > 0 ? page : 1,
  };
}

/** The queue's request. */
export function toQueueApiParams(state: QueueState): GetReviewQueueParams {
  const params: GetReviewQueueParams = {
    state: state.state,
    page: state.page - 1,
    size: queuePageSize,
  };
  if (state.plan) params.planId = state.plan;
  if (state.period) params.periodKey = state.period;
  if (state.unit) params.unitId = state.unit;
  if (state.role) params.role = state.role;
  return params;
}

/** Only the plan and period: what the other review pages share. */
export function scopeSearch(params: URLSearchParams): string {
  const next = new URLSearchParams();
  for (const key of ['plan', 'period']) {
    const value = params.get(key);
    if (value) next.set(key, value);
  }
  const search = next.toString();
  return search ? `?${search}` : '';
}
