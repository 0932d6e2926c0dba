import { queryOptions, useQuery } from '@tanstack/react-query';
import type { components } from '@/api/schema';
import { apiClient, unwrap } from '@/lib/api-client';

export type PlanGroup = components['schemas']['PlanGroup'];

/** The plan's indicator and task groups, in appendix order. */
export function getGroups(planId: string, signal?: AbortSignal) {
  return unwrap(
    apiClient.GET('/api/v1/plans/{planId}/groups', { params: { path: { planId } }, signal }),
  );
}

export function groupsQueryKey(planId: string) {
  return ['plans', planId, 'groups'] as const;
}

export function getGroupsQueryOptions(planId: string) {
  return queryOptions({
    queryKey: groupsQueryKey(planId),
    queryFn: ({ signal }) => getGroups(planId, signal),
    select: (groups) =>
      groups.toSorted((a, b) => a.order - b.order || a.code.localeCompare(b.code)),
  });
}

export function useGetGroups(planId: string) {
  return useQuery(getGroupsQueryOptions(planId));
}
