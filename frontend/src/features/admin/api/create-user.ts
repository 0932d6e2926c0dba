import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { components } from '@/api/schema';
import { apiClient, unwrap } from '@/lib/api-client';
import { settleUser } from '@/features/admin/api/get-user';

export type UserCreate = components['schemas']['UserCreate'];

export function createUser(body: UserCreate) {
  return unwrap(apiClient.POST('/api/v1/users', { body }));
}

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createUser,
    onSuccess: (user) => settleUser(queryClient, user),
  });
}
