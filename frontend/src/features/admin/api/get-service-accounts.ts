import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { operations } from '@/api/schema';
import { apiClient, unwrap } from '@/lib/api-client';

export type GetServiceAccountsParams = NonNullable<
  operations['listServiceAccounts']['parameters']['query']
>;

export function getServiceAccounts(params: GetServiceAccountsParams, signal?: AbortSignal) {
  return unwrap(apiClient.GET('/api/v1/service-accounts', { params: { query: params }, signal }));
}

export function getServiceAccountsQueryOptions(params: GetServiceAccountsParams) {
  return queryOptions({
    queryKey: ['service-accounts', 'list', params],
    queryFn: ({ signal }) => getServiceAccounts(params, signal),
  });
}

export function useGetServiceAccounts(params: GetServiceAccountsParams) {
  return useQuery({ ...getServiceAccountsQueryOptions(params), placeholderData: keepPreviousData });
}
