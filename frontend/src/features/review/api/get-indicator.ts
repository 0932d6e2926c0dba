import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient, unwrap } from '@/lib/api-client';

/** One indicator of a plan, with its yearly targets and the shape of its values. */
export function getIndicator(planId: string, indicatorId: string, signal?: AbortSignal) {
  return unwrap(
    apiClient.GET('/api/v1/plans/{planId}/indicators/{indicatorId}', {
      params: { path: { planId, indicatorId } },
      signal,
    }),
  );
}

export function getIndicatorQueryOptions(planId: string, indicatorId: string) {
  return queryOptions({
    queryKey: ['plans', planId, 'indicators', indicatorId],
    queryFn: ({ signal }) => getIndicator(planId, indicatorId, signal),
  });
}

export function useGetIndicator(planId: string, indicatorId: string, { enabled = true } = {}) {
  return useQuery({ ...getIndicatorQueryOptions(planId, indicatorId), enabled });
}
