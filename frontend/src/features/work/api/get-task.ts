import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient, unwrap } from '@/lib/api-client';

/** A task with its expected product and timeframe. */
export function getTask(planId: string, taskId: string, signal?: AbortSignal) {
  return unwrap(
    apiClient.GET('/api/v1/plans/{planId}/tasks/{taskId}', {
      params: { path: { planId, taskId } },
      signal,
    }),
  );
}

export function getTaskQueryOptions(planId: string, taskId: string) {
  return queryOptions({
    queryKey: ['plans', planId, 'tasks', taskId],
    queryFn: ({ signal }) => getTask(planId, taskId, signal),
  });
}

export function useGetTask(planId: string, taskId: string, { enabled = true } = {}) {
  return useQuery({ ...getTaskQueryOptions(planId, taskId), enabled });
}
