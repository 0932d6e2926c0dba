import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { operations } from '@/api/schema';
import { apiClient, unwrap } from '@/lib/api-client';

export type GetAssignmentsParams = NonNullable<
  operations['listAssignments']['parameters']['query']
>;

/** What is due: the indicators and tasks × periods of a unit, with deadline and state. */
export function getAssignments(params: GetAssignmentsParams, signal?: AbortSignal) {
  return unwrap(apiClient.GET('/api/v1/assignments', { params: { query: params }, signal }));
}

export function getAssignmentsQueryOptions(params: GetAssignmentsParams) {
  return queryOptions({
    queryKey: ['assignments', params],
    queryFn: ({ signal }) => getAssignments(params, signal),
  });
}

export function useGetAssignments(params: GetAssignmentsParams) {
  return useQuery({
    ...getAssignmentsQueryOptions(params),
    // Keep the current page on screen while the next one (or a new filter) loads.
    placeholderData: keepPreviousData,
  });
}
