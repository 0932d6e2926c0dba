import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { components } from '@/api/schema';
import { apiClient, unwrap } from '@/lib/api-client';
import { settlePlan, versionTag } from '@/features/plans/api/get-plan';

export type PlanGroupInput = components['schemas']['PlanGroupInput'];

export type SaveGroupInput = {
  planId: string;
  /** Absent for a new group. */
  group?: { id: string; version: number };
  body: PlanGroupInput;
};

/** Adds a group, or renames, renumbers or reorders one (If-Match its version). */
export function saveGroup({ planId, group, body }: SaveGroupInput) {
  if (!group) {
    return unwrap(
      apiClient.POST('/api/v1/plans/{planId}/groups', { params: { path: { planId } }, body }),
    );
  }
  return unwrap(
    apiClient.PUT('/api/v1/plans/{planId}/groups/{groupId}', {
      params: {
        path: { planId, groupId: group.id },
        header: { 'If-Match': versionTag(group.version) },
      },
      body,
    }),
  );
}

export function useSaveGroup() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: saveGroup,
    // Settled on failure too: after a 412 or 409 the list on screen is read again.
    onSettled: () => settlePlan(queryClient),
  });
}

/** Deletes an empty group. */
export function deleteGroup({
  planId,
  group,
}: {
  planId: string;
  group: { id: string; version: number };
}) {
  return unwrap(
    apiClient.DELETE('/api/v1/plans/{planId}/groups/{groupId}', {
      params: {
        path: { planId, groupId: group.id },
        header: { 'If-Match': versionTag(group.version) },
      },
    }),
  );
}

export function useDeleteGroup() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteGroup,
    onSettled: () => settlePlan(queryClient),
  });
}
