import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient, unwrap } from '@/lib/api-client';

/** The signed-in coordinator: roles and the units they act on decide which plans they review. */
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
