// The indicators and tasks of plans, read by the screens that show one report (entering it, reviewing it).
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient, unwrap } from '@/lib/api-client';

/** One indicator of a plan with its targets by year: they decide the shape of its values. */
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

/** One task of a plan with its expected product and timeframe. */
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
