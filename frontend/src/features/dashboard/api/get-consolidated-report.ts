import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient, unwrap } from '@/lib/api-client';

/**
 * A plan's consolidated report for a period: each indicator with the year's target, the latest
 * accepted value and its computed status; the tasks with their progress; the units' timeliness.
 */
export function getConsolidatedReport(planId: string, periodKey: string, signal?: AbortSignal) {
  return unwrap(
    apiClient.GET('/api/v1/plans/{planId}/periods/{periodKey}/consolidated', {
      params: { path: { planId, periodKey } },
      signal,
    }),
  );
}

export function getConsolidatedReportQueryOptions(planId: string, periodKey: string) {
  return queryOptions({
    queryKey: ['plans', planId, 'periods', periodKey, 'consolidated'],
    queryFn: ({ signal }) => getConsolidatedReport(planId, periodKey, signal),
  });
}

export function useGetConsolidatedReport(
  planId: string | undefined,
  periodKey: string | undefined,
) {
  return useQuery({
    ...getConsolidatedReportQueryOptions(planId ?? '', periodKey ?? ''),
    enabled: Boolean(planId && periodKey),
  });
}
