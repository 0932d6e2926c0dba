import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { components } from '@/api/schema';
import { apiClient, unwrap } from '@/lib/api-client';

export type PlanBundle = components['schemas']['PlanBundle'];
export type BundleImportResult = components['schemas']['BundleImportResult'];

export type ImportPlanBundleInput = {
  bundle: PlanBundle;
  dryRun: boolean;
  /** The dry run's `etag`: an import over a stored plan names the plan as its dry run read it (If-Match). */
  etag?: string | null;
};

/** Imports a plan bundle, or with `dryRun` only checks it and tells what an import would change. */
export function importPlanBundle({ bundle, dryRun, etag }: ImportPlanBundleInput) {
  return unwrap(
    apiClient.POST('/api/v1/plan-bundles', {
      params: { query: { dryRun }, header: etag ? { 'If-Match': etag } : {} },
      body: bundle,
    }),
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
