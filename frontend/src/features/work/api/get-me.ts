import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient, unwrap } from '@/lib/api-client';

/** The signed-in account and its unit: whose work "My work" lists. */
export function getMe(signal?: AbortSignal) {
  return unwrap(apiClient.GET('/api/v1/me', { signal }));
}

export function getMeQueryOptions() {
  return queryOptions({
    queryKey: ['me'],
    queryFn: ({ signal }) => getMe(signal),
    staleTime: 5 * 60_000,
  });
}

export function useGetMe() {
  return useQuery(getMeQueryOptions());
}
