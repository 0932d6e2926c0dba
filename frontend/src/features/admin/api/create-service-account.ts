import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { components } from '@/api/schema';
import { apiClient, unwrap } from '@/lib/api-client';
import { settleServiceAccount } from '@/features/admin/api/get-service-account';

export type ServiceAccountCreate = components['schemas']['ServiceAccountCreate'];

/** Creates a service account; the answer carries its secret, which the server never shows again. */
export function createServiceAccount(body: ServiceAccountCreate) {
  return unwrap(apiClient.POST('/api/v1/service-accounts', { body }));
}

export function useCreateServiceAccount() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createServiceAccount,
    onSuccess: ({ account }) => settleServiceAccount(queryClient, account),
    // The answer holds the secret: the screen takes it into its own state, and the cache forgets it at once.
    gcTime: 0,
  });
}
