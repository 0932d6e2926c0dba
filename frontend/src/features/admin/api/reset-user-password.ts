import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient, unwrap } from '@/lib/api-client';
import { settleUser } from '@/features/admin/api/get-user';
import { versionTag } from '@/features/admin/api/versions';

/** Sets a new password for someone else's account, which signs it out everywhere. */
export function resetUserPassword({
  userId,
  version,
  newPassword,
}: {
  userId: string;
  version: number;
  newPassword: string;
}) {
  return unwrap(
    apiClient.PUT('/api/v1/users/{userId}/password', {
      params: { path: { userId }, header: { 'If-Match': versionTag(version) } },
      body: { newPassword },
    }),
  );
}

export function useResetUserPassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: resetUserPassword,
    onSuccess: (user) => settleUser(queryClient, user),
  });
}
