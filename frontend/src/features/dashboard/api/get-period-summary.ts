import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient, unwrap } from '@/lib/api-client';

/**
 * A plan's period at a glance, as the server computes it: indicators by status, the late units, the
 * change since the previous period and the year to date. What the dashboard draws first, in one request.
 */
export function getPeriodSummary(planId: string, periodKey: string, signal?: AbortSignal) {
  return unwrap(
    apiClient.GET('/api/v1/plans/{planId}/periods/{periodKey}/summary', {
      params: { path: { planId, periodKey } },
      signal,
    }),
  );
}

export function getPeriodSummaryQueryOptions(planId: string, periodKey: string) {
  return queryOptions({
    queryKey: ['plans', planId, 'periods', periodKey, 'summary'],
    queryFn: ({ signal }) => getPeriodSummary(planId, periodKey, signal),
  });
}

export function useGetPeriodSummary(planId: string | undefined, periodKey: string | undefined) {
  return useQuery({
    ...getPeriodSummaryQueryOptions(planId ?? '', periodKey ?? ''),
    enabled: Boolean(planId && periodKey),
  });
}
