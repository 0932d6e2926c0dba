import { queryOptions, useQuery, type QueryClient } from '@tanstack/react-query';
import type { components } from '@/api/schema';
import { apiClient, unwrap } from '@/lib/api-client';

export type Plan = components['schemas']['Plan'];

/** The ETag of a version, as `If-Match` must name it: the API tags every plan, group, indicator and task with its version. */
export function versionTag(version: number): string {
  return `"${version}"`;
}

export function getPlan(planId: string, signal?: AbortSignal) {
  return unwrap(apiClient.GET('/api/v1/plans/{planId}', { params: { path: { planId } }, signal }));
}

/** Under `['plans', planId]`, so that whatever refreshes the plan's content refreshes this too. */
export function planQueryKey(planId: string) {
  return ['plans', planId, 'detail'] as const;
}

export function getPlanQueryOptions(planId: string) {
  return queryOptions({
    queryKey: planQueryKey(planId),
    queryFn: ({ signal }) => getPlan(planId, signal),
  });
}

export function useGetPlan(planId: string) {
  return useQuery(getPlanQueryOptions(planId));
}

/**
 * After a write to a plan or anything in it: the answer replaces the cached plan when there is one, and every
 * plan read (the list, the plan's groups, indicators and tasks) is read again.
 */
export function settlePlan(queryClient: QueryClient, plan?: Plan) {
  if (plan) queryClient.setQueryData(planQueryKey(plan.id), plan);
  return queryClient.invalidateQueries({ queryKey: ['plans'] });
}
