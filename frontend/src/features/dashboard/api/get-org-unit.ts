import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient, unwrap } from '@/lib/api-client';

/** One organisation unit with its kind and its chain of ancestors. */
export function getOrgUnit(id: string, signal?: AbortSignal) {
  return unwrap(apiClient.GET('/api/v1/org-units/{id}', { params: { path: { id } }, signal }));
}

export function getOrgUnitQueryOptions(id: string) {
  return queryOptions({
    queryKey: ['org-units', id],
    queryFn: ({ signal }) => getOrgUnit(id, signal),
  });
}

export function useGetOrgUnit(id: string | undefined) {
  return useQuery({ ...getOrgUnitQueryOptions(id ?? ''), enabled: Boolean(id) });
}
