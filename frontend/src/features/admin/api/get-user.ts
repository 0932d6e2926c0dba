import { queryOptions, useQuery, type QueryClient } from '@tanstack/react-query';
import type { components } from '@/api/schema';
import { apiClient, unwrap } from '@/lib/api-client';

export type User = components['schemas']['User'];

export function getUser(userId: string, signal?: AbortSignal) {
  return unwrap(apiClient.GET('/api/v1/users/{userId}', { params: { path: { userId } }, signal }));
}

export function userQueryKey(userId: string) {
  return ['users', 'detail', userId] as const;
}

export function getUserQueryOptions(userId: string) {
  return queryOptions({
    queryKey: userQueryKey(userId),
    queryFn: ({ signal }) => getUser(userId, signal),
  });
}

export function useGetUser(userId: string) {
  return useQuery(getUserQueryOptions(userId));
}

/** After a write: the answer is the account's new state; lists and (if it is the caller's own) `me` are read again. */
export function settleUser(queryClient: QueryClient, user: User) {
  queryClient.setQueryData(userQueryKey(user.id), user);
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: ['users', 'list'] }),
    queryClient.invalidateQueries({ queryKey: ['me'] }),
  ]);
}
