import { queryOptions, useQuery } from '@tanstack/react-query';
import type { operations } from '@/api/schema';
import { apiClient, unwrap } from '@/lib/api-client';

export type GetOrgUnitsParams = NonNullable<operations['listOrgUnits']['parameters']['query']>;

/** Units under the plan's issuer, to filter the queue by the reporting unit. */
export function getOrgUnits(params: GetOrgUnitsParams, signal?: AbortSignal) {
  return unwrap(apiClient.GET('/api/v1/org-units', { params: { query: params }, signal }));
}

export function getOrgUnitsQueryOptions(params: GetOrgUnitsParams) {
  return queryOptions({
    queryKey: ['org-units', params],
    queryFn: ({ signal }) => getOrgUnits(params, signal),
  });
}

export function useGetOrgUnits(params: GetOrgUnitsParams, { enabled = true } = {}) {
  return useQuery({ ...getOrgUnitsQueryOptions(params), enabled });
}
