import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient, unwrap } from '@/lib/api-client';

/**
 * The province's view of a period: each commune plan carrying out this one, with when its report
 * was sent up, and each province indicator rolled up from the communes' indicators.
 */
export function getPlanOverview(planId: string, periodKey: string, signal?: AbortSignal) {
  return unwrap(
    apiClient.GET('/api/v1/plans/{planId}/periods/{periodKey}/overview', {
      params: { path: { planId, periodKey } },
      signal,
    }),
  );
}

export function getPlanOverviewQueryOptions(planId: string, periodKey: string) {
  return queryOptions({
    queryKey: ['plans', planId, 'periods', periodKey, 'overview'],
    queryFn: ({ signal }) => getPlanOverview(planId, periodKey, signal),
  });
}

export function useGetPlanOverview(
  planId: string | undefined,
  periodKey: string | undefined,
  { enabled = true } = {},
) {
  return useQuery({
    ...getPlanOverviewQueryOptions(planId ?? '', periodKey ?? ''),
    enabled: enabled && Boolean(planId && periodKey),
  });
}
