import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { operations } from '@/api/schema';
import { apiClient, unwrap } from '@/lib/api-client';

export type GetPlansParams = NonNullable<operations['listPlans']['parameters']['query']>;

export function getPlans(params: GetPlansParams, signal?: AbortSignal) {
  return unwrap(apiClient.GET('/api/v1/plans', { params: { query: params }, signal }));
}

export function getPlansQueryOptions(params: GetPlansParams) {
  return queryOptions({
    queryKey: ['plans', params],
    queryFn: ({ signal }) => getPlans(params, signal),
  });
}

export function useGetPlans(params: GetPlansParams, { enabled = true } = {}) {
  return useQuery({
    ...getPlansQueryOptions(params),
    enabled,
    // Keep the current page on screen while the next one (or a new search) loads.
    placeholderData: keepPreviousData,
  });
}
