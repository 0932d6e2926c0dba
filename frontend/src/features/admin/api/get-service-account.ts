import { queryOptions, useQuery, type QueryClient } from '@tanstack/react-query';
import type { components } from '@/api/schema';
import { apiClient, unwrap } from '@/lib/api-client';

export type ServiceAccount = components['schemas']['ServiceAccount'];

export function getServiceAccount(accountId: string, signal?: AbortSignal) {
  return unwrap(
    apiClient.GET('/api/v1/service-accounts/{accountId}', {
      params: { path: { accountId } },
      signal,
    }),
  );
}

export function serviceAccountQueryKey(accountId: string) {
  return ['service-accounts', 'detail', accountId] as const;
}

export function getServiceAccountQueryOptions(accountId: string) {
  return queryOptions({
    queryKey: serviceAccountQueryKey(accountId),
    queryFn: ({ signal }) => getServiceAccount(accountId, signal),
  });
}

export function useGetServiceAccount(accountId: string) {
  return useQuery(getServiceAccountQueryOptions(accountId));
}

/** After a write: the account (never its secret) replaces the cached one, and lists are read again. */
export function settleServiceAccount(queryClient: QueryClient, account: ServiceAccount) {
  queryClient.setQueryData(serviceAccountQueryKey(account.id), account);
  return queryClient.invalidateQueries({ queryKey: ['service-accounts', 'list'] });
}
