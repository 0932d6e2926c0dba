import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient, unwrap } from '@/lib/api-client';

/** One reporting period of a plan: its deadline, and whether it is closed. */
export function getPeriod(planId: string, periodKey: string, signal?: AbortSignal) {
  return unwrap(
    apiClient.GET('/api/v1/plans/{planId}/periods/{periodKey}', {
      params: { path: { planId, periodKey } },
      signal,
    }),
  );
}

export function getPeriodQueryOptions(planId: string, periodKey: string) {
  return queryOptions({
    queryKey: ['plans', planId, 'periods', periodKey],
    queryFn: ({ signal }) => getPeriod(planId, periodKey, signal),
  });
}

export function useGetPeriod(planId: string, periodKey: string, { enabled = true } = {}) {
  return useQuery({ ...getPeriodQueryOptions(planId, periodKey), enabled });
}
