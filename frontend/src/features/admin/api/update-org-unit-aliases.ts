import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient, unwrap } from '@/lib/api-client';
import { orgUnitQueryKey } from '@/lib/org-units';
import { versionTag } from '@/features/admin/api/versions';

/** Replaces the other names a unit answers to when documents are read; `version` is the one edited. */
export function updateOrgUnitAliases({
  id,
  version,
  aliases,
}: {
  id: string;
  version: number;
  aliases: string[];
}) {
  return unwrap(
    apiClient.PUT('/api/v1/org-units/{id}/aliases', {
      params: { path: { id }, header: { 'If-Match': versionTag(version) } },
      body: { aliases },
    }),
  );
}

export function useUpdateOrgUnitAliases() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateOrgUnitAliases,
    onSuccess: (unit) => queryClient.setQueryData(orgUnitQueryKey(unit.id), unit),
  });
}
