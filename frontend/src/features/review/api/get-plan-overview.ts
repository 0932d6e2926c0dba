import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient, unwrap } from '@/lib/api-client';

/** The plans carrying out this one (the communes'), each with when its report was sent up. */
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

export function useGetPlanOverview(planId: string | undefined, periodKey: string | undefined) {
  return useQuery({
    ...getPlanOverviewQueryOptions(planId ?? '', periodKey ?? ''),
    enabled: Boolean(planId && periodKey),
  });
}
