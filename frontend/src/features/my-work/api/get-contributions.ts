import { queryOptions, useQuery } from '@tanstack/react-query';
import type { operations } from '@/api/schema';
import { apiClient, unwrap } from '@/lib/api-client';

type ListReportsParams = NonNullable<operations['listReports']['parameters']['query']>;

export type ContributionsFor = {
  planId: string;
  periodKey: string;
  indicatorId?: string;
  taskId?: string;
};

function toParams({ planId, periodKey, indicatorId, taskId }: ContributionsFor): ListReportsParams {
  const params: ListReportsParams = { planId, periodKey, role: 'COOPERATING', size: 100 };
  if (indicatorId) params.indicatorId = indicatorId;
  if (taskId) params.taskId = taskId;
  return params;
}

/** The cooperating units' reports on the item a lead unit is writing about, for the same period. */
export function getContributions(item: ContributionsFor, signal?: AbortSignal) {
  return unwrap(apiClient.GET('/api/v1/reports', { params: { query: toParams(item) }, signal }));
}

export function getContributionsQueryOptions(item: ContributionsFor) {
  return queryOptions({
    queryKey: ['reports', 'list', toParams(item)],
    queryFn: ({ signal }) => getContributions(item, signal),
  });
}

export function useGetContributions(item: ContributionsFor, { enabled = true } = {}) {
  return useQuery({ ...getContributionsQueryOptions(item), enabled });
}
