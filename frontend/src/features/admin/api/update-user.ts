import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { components } from '@/api/schema';
import { apiClient, unwrap } from '@/lib/api-client';
import { settleUser } from '@/features/admin/api/get-user';
import { versionTag } from '@/features/admin/api/versions';

export type UserUpdate = components['schemas']['UserUpdate'];

/** Edits an account; `active: false` deactivates it and signs it out everywhere. */
export function updateUser({
  userId,
  version,
  body,
}: {
  userId: string;
  version: number;
  body: UserUpdate;
}) {
  return unwrap(
    apiClient.PUT('/api/v1/users/{userId}', {
      params: { path: { userId }, header: { 'If-Match': versionTag(version) } },
      body,
    }),
  );
}

export function useUpdateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateUser,
    onSuccess: (user) => settleUser(queryClient, user),
  });
}
