import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient, unwrap } from '@/lib/api-client';

/** The signed-in account: name, unit, roles and the subtrees they act on. Every screen shares this one query. */
export function getMe(signal?: AbortSignal) {
  return unwrap(apiClient.GET('/api/v1/me', { signal }));
}

export function getMeQueryOptions() {
  return queryOptions({
    queryKey: ['me'],
    queryFn: ({ signal }) => getMe(signal),
  });
}

export function useGetMe() {
  return useQuery(getMeQueryOptions());
}
