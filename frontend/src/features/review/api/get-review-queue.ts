import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { operations } from '@/api/schema';
import { apiClient, unwrap } from '@/lib/api-client';

export type GetReviewQueueParams = NonNullable<operations['getReviewQueue']['parameters']['query']>;

/**
 * The reports waiting for review (or in the state asked) across every period, the oldest period first, with
 * their number per period.
 */
export function getReviewQueue(params: GetReviewQueueParams, signal?: AbortSignal) {
  return unwrap(apiClient.GET('/api/v1/review-queue', { params: { query: params }, signal }));
}

export function getReviewQueueQueryOptions(params: GetReviewQueueParams) {
  return queryOptions({
    queryKey: ['reports', 'queue', params],
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
