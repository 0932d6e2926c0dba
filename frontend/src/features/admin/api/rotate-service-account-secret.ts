import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient, unwrap } from '@/lib/api-client';
import { settleServiceAccount } from '@/features/admin/api/get-service-account';
import { versionTag } from '@/features/admin/api/versions';

/** Issues a new secret; the old one and every token made with it stop working at once. */
export function rotateServiceAccountSecret({
  accountId,
  version,
}: {
  accountId: string;
  version: number;
}) {
  return unwrap(
    apiClient.POST('/api/v1/service-accounts/{accountId}/secret', {
      params: { path: { accountId }, header: { 'If-Match': versionTag(version) } },
    }),
  );
}

export function useRotateServiceAccountSecret() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: rotateServiceAccountSecret,
    onSuccess: ({ account }) => settleServiceAccount(queryClient, account),
    // As on creation: the secret lives only in the dialog that shows it.
    gcTime: 0,
  });
}
