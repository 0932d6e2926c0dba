import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient, unwrap } from '@/lib/api-client';

/** A plan's reporting periods with their deadlines. */
export function getPeriods(planId: string, signal?: AbortSignal) {
  return unwrap(
    apiClient.GET('/api/v1/plans/{planId}/periods', { params: { path: { planId } }, signal }),
  );
}

export function getPeriodsQueryOptions(planId: string) {
  return queryOptions({
    queryKey: ['plans', planId, 'periods'],
    queryFn: ({ signal }) => getPeriods(planId, signal),
  });
}

export function useGetPeriods(planId: string | undefined) {
  return useQuery({ ...getPeriodsQueryOptions(planId ?? ''), enabled: Boolean(planId) });
}
