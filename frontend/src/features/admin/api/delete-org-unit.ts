import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient, unwrap } from '@/lib/api-client';
import { versionTag } from '@/features/admin/api/versions';

/** Deletes a unit nothing refers to; one still referred to is refused with 409 `org-unit.referenced`. */
export function deleteOrgUnit({ id, version }: { id: string; version: number }) {
  return unwrap(
    apiClient.DELETE('/api/v1/org-units/{id}', {
      params: { path: { id }, header: { 'If-Match': versionTag(version) } },
    }),
  );
}

export function useDeleteOrgUnit() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteOrgUnit,
    // The page of the deleted unit is left right away; lists (and pickers) must no longer offer it.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['org-units', 'list'] }),
  });
}
