import { queryOptions, useQueries, useQuery } from '@tanstack/react-query';
import { apiClient, unwrap } from '@/lib/api-client';

export function getOrgUnit(id: string, signal?: AbortSignal) {
  return unwrap(apiClient.GET('/api/v1/org-units/{id}', { params: { path: { id } }, signal }));
}

export function orgUnitQueryKey(id: string) {
  return ['org-units', 'detail', id] as const;
}

export function getOrgUnitQueryOptions(id: string) {
  return queryOptions({
    queryKey: orgUnitQueryKey(id),
    queryFn: ({ signal }) => getOrgUnit(id, signal),
  });
}

export function useGetOrgUnit(id: string | null | undefined) {
  return useQuery({ ...getOrgUnitQueryOptions(id ?? ''), enabled: Boolean(id) });
}

/** Several units at once, e.g. the ancestors of one, to learn their kinds. */
export function useGetOrgUnitList(ids: readonly string[]) {
  return useQueries({ queries: ids.map((id) => getOrgUnitQueryOptions(id)) });
}
