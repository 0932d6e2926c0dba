import { queryOptions } from '@tanstack/react-query';
import { apiClient, unwrap } from '@/lib/api-client';

/** Every indicator of a plan (a commune plan has 20–60), for which province indicator each one feeds. */
export function getPlanIndicators(planId: string, signal?: AbortSignal) {
  return unwrap(
    apiClient.GET('/api/v1/plans/{planId}/indicators', {
      params: { path: { planId }, query: { size: 200 } },
      signal,
    }),
  );
}

export function getPlanIndicatorsQueryOptions(planId: string) {
  return queryOptions({
    queryKey: ['plans', planId, 'indicators', { size: 200 }],
    queryFn: ({ signal }) => getPlanIndicators(planId, signal),
  });
}
