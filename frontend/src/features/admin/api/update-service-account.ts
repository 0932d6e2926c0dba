import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { components } from '@/api/schema';
import { apiClient, unwrap } from '@/lib/api-client';
import { settleServiceAccount } from '@/features/admin/api/get-service-account';
import { versionTag } from '@/features/admin/api/versions';

export type ServiceAccountUpdate = components['schemas']['ServiceAccountUpdate'];

/** Edits a service account; `active: false` revokes it at once. */
export function updateServiceAccount({
  accountId,
  version,
  body,
}: {
  accountId: string;
  version: number;
  body: ServiceAccountUpdate;
}) {
  return unwrap(
    apiClient.PUT('/api/v1/service-accounts/{accountId}', {
      params: { path: { accountId }, header: { 'If-Match': versionTag(version) } },
      body,
    }),
  );
}

export function useUpdateServiceAccount() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateServiceAccount,
    onSuccess: (account) => settleServiceAccount(queryClient, account),
  });
}
