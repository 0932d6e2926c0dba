import { queryOptions, useQuery } from '@tanstack/react-query';
import type { components } from '@/api/schema';
import { apiClient, unwrap } from '@/lib/api-client';

type Assignment = components['schemas']['Assignment'];

const pageSize = 200;
/** A guard against an endless loop should the server keep reporting more pages. */
const maxPages = 20;

/**
 * What the lead units of a period still owe after its deadline (state LATE), every page of it: the
 * reminders name each unit's items.
 */
export async function getLateAssignments(
  planId: string,
  periodKey: string,
  signal?: AbortSignal,
): Promise<Assignment[]> {
  const items: Assignment[] = [];
  for (let page = 0; page < maxPages; page += 1) {
    const result = await unwrap(
      apiClient.GET('/api/v1/assignments', {
        params: {
          query: { planId, periodKey, state: ['LATE'], size: pageSize, page, sort: 'unit,asc' },
        },
        signal,
      }),
    );
    items.push(...result.items);
    if (page + 1 >= result.totalPages) break;
  }
  return items.filter((assignment) => assignment.role === 'LEAD');
}

export function getLateAssignmentsQueryOptions(planId: string, periodKey: string) {
  return queryOptions({
    queryKey: ['assignments', 'late', { planId, periodKey }],
    queryFn: ({ signal }) => getLateAssignments(planId, periodKey, signal),
  });
}

export function useGetLateAssignments(planId: string | undefined, periodKey: string | undefined) {
  return useQuery({
    ...getLateAssignmentsQueryOptions(planId ?? '', periodKey ?? ''),
    enabled: Boolean(planId && periodKey),
  });
}
