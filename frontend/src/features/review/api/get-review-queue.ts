import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { operations } from '@/api/schema';
import { apiClient, unwrap } from '@/lib/api-client';

export type GetReviewQueueParams = NonNullable<operations['listReports']['parameters']['query']>;

/** Reports of the coordinator's units for one plan and period, e.g. those waiting for review. */
export function getReviewQueue(params: GetReviewQueueParams, signal?: AbortSignal) {
  return unwrap(apiClient.GET('/api/v1/reports', { params: { query: params }, signal }));
}

export function getReviewQueueQueryOptions(params: GetReviewQueueParams) {
  return queryOptions({
    queryKey: ['reports', 'list', params],
    queryFn: ({ signal }) => getReviewQueue(params, signal),
  });
}

export function useGetReviewQueue(params: GetReviewQueueParams, { enabled = true } = {}) {
  return useQuery({
    ...getReviewQueueQueryOptions(params),
    enabled,
    // Keep the current page on screen while the next one (or another filter) loads.
    placeholderData: keepPreviousData,
  });
}
