import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { components } from '@/api/schema';
import { apiClient, unwrap } from '@/lib/api-client';
import { orgUnitQueryKey } from '@/lib/org-units';
import { versionTag } from '@/features/admin/api/versions';

export type OrgUnitUpdate = components['schemas']['OrgUnitUpdate'];

/** Renames, re-kinds, moves (with its subtree) or (de)activates a unit; `version` is the one edited. */
export function updateOrgUnit({
  id,
  version,
  body,
}: {
  id: string;
  version: number;
  body: OrgUnitUpdate;
}) {
  return unwrap(
    apiClient.PUT('/api/v1/org-units/{id}', {
      params: { path: { id }, header: { 'If-Match': versionTag(version) } },
      body,
    }),
  );
}

export function useUpdateOrgUnit() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateOrgUnit,
    onSuccess: (unit) => {
      queryClient.setQueryData(orgUnitQueryKey(unit.id), unit);
      // A move changes the ancestors of the whole subtree, so every unit read may be out of date.
      return queryClient.invalidateQueries({
        queryKey: ['org-units'],
        predicate: (query) => query.queryKey[2] !== unit.id,
      });
    },
  });
}
