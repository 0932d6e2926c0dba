import { queryOptions, useQuery } from '@tanstack/react-query';
import type { operations } from '@/api/schema';
import { apiClient, unwrap } from '@/lib/api-client';

export type GetReviewPlansParams = NonNullable<operations['listPlans']['parameters']['query']>;

/** Plans whose units' reports the coordinator reviews. */
export function getReviewPlans(params: GetReviewPlansParams, signal?: AbortSignal) {
  return unwrap(apiClient.GET('/api/v1/plans', { params: { query: params }, signal }));
}

export function getReviewPlansQueryOptions(params: GetReviewPlansParams) {
  return queryOptions({
    queryKey: ['plans', params],
    queryFn: ({ signal }) => getReviewPlans(params, signal),
  });
}

export function useGetReviewPlans(params: GetReviewPlansParams, { enabled = true } = {}) {
  return useQuery({ ...getReviewPlansQueryOptions(params), enabled });
}
