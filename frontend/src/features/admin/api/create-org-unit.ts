import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { components } from '@/api/schema';
import { apiClient, unwrap } from '@/lib/api-client';
import { orgUnitQueryKey } from '@/lib/org-units';

export type OrgUnitCreate = components['schemas']['OrgUnitCreate'];

export function createOrgUnit(body: OrgUnitCreate) {
  return unwrap(apiClient.POST('/api/v1/org-units', { body }));
}

export function useCreateOrgUnit() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createOrgUnit,
    onSuccess: (unit) => {
      queryClient.setQueryData(orgUnitQueryKey(unit.id), unit);
      return queryClient.invalidateQueries({ queryKey: ['org-units'] });
    },
  });
}
