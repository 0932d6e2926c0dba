import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient, unwrap } from '@/lib/api-client';
import { planQueryKey, versionTag } from '@/features/plans/api/get-plan';

/** Deletes a draft plan that nothing refers to, with its groups, indicators and tasks. */
export function deletePlan({ planId, version }: { planId: string; version: number }) {
  return unwrap(
    apiClient.DELETE('/api/v1/plans/{planId}', {
      params: { path: { planId }, header: { 'If-Match': versionTag(version) } },
    }),
  );
}

export function useDeletePlan() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deletePlan,
    // Marked stale, not read again at once: the page on screen (the deleted plan) is about to be left, and
    // reading it now would only answer 404. The list read next is fresh.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['plans'], refetchType: 'none' }),
    onError: (_, { planId }) => queryClient.invalidateQueries({ queryKey: planQueryKey(planId) }),
  });
}
