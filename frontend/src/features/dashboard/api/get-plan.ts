import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient, unwrap } from '@/lib/api-client';

/** One plan, to learn which unit issued it when a link names the plan alone. */
export function getPlan(planId: string, signal?: AbortSignal) {
  return unwrap(apiClient.GET('/api/v1/plans/{planId}', { params: { path: { planId } }, signal }));
}

export function getPlanQueryOptions(planId: string) {
  return queryOptions({
    queryKey: ['plans', planId],
    queryFn: ({ signal }) => getPlan(planId, signal),
  });
}

export function useGetPlan(planId: string | undefined) {
  return useQuery({ ...getPlanQueryOptions(planId ?? ''), enabled: Boolean(planId) });
}
