import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { operations } from '@/api/schema';
import { apiClient, unwrap } from '@/lib/api-client';

export type GetUsersParams = NonNullable<operations['listUsers']['parameters']['query']>;

export function getUsers(params: GetUsersParams, signal?: AbortSignal) {
  return unwrap(apiClient.GET('/api/v1/users', { params: { query: params }, signal }));
}

export function getUsersQueryOptions(params: GetUsersParams) {
  return queryOptions({
    queryKey: ['users', 'list', params],
    queryFn: ({ signal }) => getUsers(params, signal),
  });
}

export function useGetUsers(params: GetUsersParams) {
  return useQuery({ ...getUsersQueryOptions(params), placeholderData: keepPreviousData });
}
