import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { operations } from '@/api/schema';
import { apiClient, unwrap } from '@/lib/api-client';

export type GetIndicatorsParams = NonNullable<operations['listIndicators']['parameters']['query']>;

/** A page of the plan's indicators, in appendix order unless sorted otherwise. */
export function getIndicators(planId: string, params: GetIndicatorsParams, signal?: AbortSignal) {
  return unwrap(
    apiClient.GET('/api/v1/plans/{planId}/indicators', {
      params: { path: { planId }, query: params },
      signal,
    }),
  );
}

export function getIndicatorsQueryOptions(planId: string, params: GetIndicatorsParams) {
  return queryOptions({
    queryKey: ['plans', planId, 'indicators', 'list', params],
    queryFn: ({ signal }) => getIndicators(planId, params, signal),
  });
}

export function useGetIndicators(
  planId: string,
  params: GetIndicatorsParams,
  { enabled = true } = {},
) {
  return useQuery({
    ...getIndicatorsQueryOptions(planId, params),
    enabled,
    // The appendix stays on screen while a search or the next page loads.
    placeholderData: keepPreviousData,
  });
}
