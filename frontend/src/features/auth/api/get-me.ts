import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient, unwrap } from '@/lib/api-client';

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
