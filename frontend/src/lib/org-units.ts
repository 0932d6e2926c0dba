// The organisation's units, read by administration, the plan screens, review and the dashboard.
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { operations } from '@/api/schema';
import { apiClient, unwrap } from '@/lib/api-client';

export type GetOrgUnitsParams = NonNullable<operations['listOrgUnits']['parameters']['query']>;

/** Units found by name or code, or within a unit, a page at a time. */
export function getOrgUnits(params: GetOrgUnitsParams, signal?: AbortSignal) {
  return unwrap(apiClient.GET('/api/v1/org-units', { params: { query: params }, signal }));
}

export function getOrgUnitsQueryOptions(params: GetOrgUnitsParams) {
  return queryOptions({
    queryKey: ['org-units', 'list', params],
    queryFn: ({ signal }) => getOrgUnits(params, signal),
  });
}

export function useGetOrgUnits(
  params: GetOrgUnitsParams,
  { enabled = true, keepPrevious = true }: { enabled?: boolean; keepPrevious?: boolean } = {},
) {
  return useQuery({
    ...getOrgUnitsQueryOptions(params),
    enabled,
    // Keep the current page on screen while the next one (or a new search) loads.
    placeholderData: keepPrevious ? keepPreviousData : undefined,
  });
}

/** One unit with its kind and its chain of ancestors. */
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

/** The unit `id` names; nothing is read without an id. */
export function useGetOrgUnit(id: string | null | undefined) {
  return useQuery({ ...getOrgUnitQueryOptions(id ?? ''), enabled: Boolean(id) });
}
