import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { components } from '@/api/schema';
import { apiClient, unwrap } from '@/lib/api-client';

export type PlanBundle = components['schemas']['PlanBundle'];
export type BundleImportResult = components['schemas']['BundleImportResult'];

/** Imports a plan bundle, or with `dryRun` only checks it and tells what an import would change. */
export function importPlanBundle({ bundle, dryRun }: { bundle: PlanBundle; dryRun: boolean }) {
  return unwrap(
    apiClient.POST('/api/v1/plan-bundles', { params: { query: { dryRun } }, body: bundle }),
  );
}

export function useImportPlanBundle() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: importPlanBundle,
    onSuccess: (result) => {
      if (result.dryRun) return;
      // A bundle touches units, plans, their items and the rankings: everything read so far may be stale.
      return queryClient.invalidateQueries({ predicate: (query) => query.queryKey[0] !== 'me' });
    },
  });
}
