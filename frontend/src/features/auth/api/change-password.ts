import { useMutation } from '@tanstack/react-query';
import type { components } from '@/api/schema';
import { apiClient, unwrap } from '@/lib/api-client';
import { replaceSession } from '@/lib/auth';

export type PasswordChange = components['schemas']['PasswordChange'];

/**
 * Changes the own password. The server then revokes every token of the account, so this signs in
 * again with the new password straight away.
 */
export function changePassword(input: PasswordChange, username: string) {
  return replaceSession(
    async (authorization) => {
      await unwrap(
        apiClient.PUT('/api/v1/me/password', {
          body: input,
          headers: { Authorization: authorization },
        }),
      );
    },
    { username, password: input.newPassword },
  );
}

export function useChangePassword() {
  return useMutation({
    mutationFn: ({ input, username }: { input: PasswordChange; username: string }) =>
      changePassword(input, username),
  });
}
