import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { operations } from '@/api/schema';
import { apiClient, unwrap } from '@/lib/api-client';

export type GetOrgUnitsParams = NonNullable<operations['listOrgUnits']['parameters']['query']>;

/** Units to choose from (issuer, lead and cooperating units), found by name or code. */
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
    placeholderData: keepPreviousData,
  });
}

/** One unit with its ancestors: tells whether a coordinator's subtree holds it. */
export function getOrgUnit(id: string, signal?: AbortSignal) {
  return unwrap(apiClient.GET('/api/v1/org-units/{id}', { params: { path: { id } }, signal }));
}

export function useGetOrgUnit(id: string, { enabled = true } = {}) {
  return useQuery({
    queryKey: ['org-units', 'detail', id],
    queryFn: ({ signal }) => getOrgUnit(id, signal),
    enabled,
  });
}
