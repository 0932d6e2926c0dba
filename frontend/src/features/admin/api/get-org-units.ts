import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { operations } from '@/api/schema';
import { apiClient, unwrap } from '@/lib/api-client';

export type GetOrgUnitsParams = NonNullable<operations['listOrgUnits']['parameters']['query']>;

export function getOrgUnits(params: GetOrgUnitsParams, signal?: AbortSignal) {
  return unwrap(apiClient.GET('/api/v1/org-units', { params: { query: params }, signal }));
}

export function getOrgUnitsQueryOptions(params: GetOrgUnitsParams) {
  return queryOptions({
    queryKey: ['org-units', 'list', params],
    queryFn: ({ signal }) => getOrgUnits(params, signal),
  });
}

export function useGetOrgUnits(params: GetOrgUnitsParams, { enabled = true } = {}) {
  return useQuery({
    ...getOrgUnitsQueryOptions(params),
    enabled,
    // Keep the current page on screen while the next one (or a new search) loads.
    placeholderData: keepPreviousData,
  });
}
