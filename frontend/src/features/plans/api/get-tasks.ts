import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { operations } from '@/api/schema';
import { apiClient, unwrap } from '@/lib/api-client';

export type GetTasksParams = NonNullable<operations['listTasks']['parameters']['query']>;

/** A page of the plan's tasks, in appendix order unless sorted otherwise. */
export function getTasks(planId: string, params: GetTasksParams, signal?: AbortSignal) {
  return unwrap(
    apiClient.GET('/api/v1/plans/{planId}/tasks', {
      params: { path: { planId }, query: params },
      signal,
    }),
  );
}

export function getTasksQueryOptions(planId: string, params: GetTasksParams) {
  return queryOptions({
    queryKey: ['plans', planId, 'tasks', 'list', params],
    queryFn: ({ signal }) => getTasks(planId, params, signal),
  });
}

export function useGetTasks(planId: string, params: GetTasksParams) {
  return useQuery({
    ...getTasksQueryOptions(planId, params),
    placeholderData: keepPreviousData,
  });
}
