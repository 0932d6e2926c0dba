// The signed-in person's notifications (reminders, review outcomes), read by the bell in the app header.
import {
  queryOptions,
  useMutation,
  useQuery,
  useQueryClient,
  type QueryClient,
} from '@tanstack/react-query';
import { apiClient, unwrap } from '@/lib/api-client';

/** How often the unread count is asked again while the app is open. */
const unreadRefreshMs = 60_000;

export function getUnreadCount(signal?: AbortSignal) {
  return unwrap(apiClient.GET('/api/v1/notifications/unread-count', { signal }));
}

export function getUnreadCountQueryOptions() {
  return queryOptions({
    queryKey: ['notifications', 'unread'],
    queryFn: ({ signal }) => getUnreadCount(signal),
  });
}

export function useGetUnreadCount() {
  return useQuery({ ...getUnreadCountQueryOptions(), refetchInterval: unreadRefreshMs });
}

/** The newest notifications, read or not. */
export function getNotifications(size: number, signal?: AbortSignal) {
  return unwrap(
    apiClient.GET('/api/v1/notifications', { params: { query: { size, page: 0 } }, signal }),
  );
}

export function getNotificationsQueryOptions(size: number) {
  return queryOptions({
    queryKey: ['notifications', 'list', size],
    queryFn: ({ signal }) => getNotifications(size, signal),
  });
}

export function useGetNotifications(size: number, { enabled = true } = {}) {
  return useQuery({ ...getNotificationsQueryOptions(size), enabled });
}

/** Marks the listed notifications read, or all of them when none is listed. */
export function markNotificationsRead(ids?: string[]) {
  return unwrap(apiClient.POST('/api/v1/notifications/read', { body: { ids: ids ?? null } }));
}

function invalidate(queryClient: QueryClient) {
  return queryClient.invalidateQueries({ queryKey: ['notifications'] });
}

export function useMarkNotificationsRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (ids?: string[]) => markNotificationsRead(ids),
    onSettled: () => invalidate(queryClient),
  });
}
