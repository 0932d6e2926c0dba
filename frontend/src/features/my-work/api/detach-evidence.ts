import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient, unwrap } from '@/lib/api-client';
import { reportQueryKey, versionOf, versionTag } from '@/features/my-work/api/get-report';
import { refreshIfStale } from '@/features/my-work/api/update-report';

/** `version` is the report's as the screen read it (If-Match): a report changed since refuses it. */
export type DetachEvidenceInput = { reportId: string; version: number; evidenceId: string };

/**
 * Takes evidence off a report; the document stays with the unit for a while, to attach again. Resolves with the
 * report's version after the change (the answer's ETag).
 */
export async function detachEvidence({ reportId, version, evidenceId }: DetachEvidenceInput) {
  const call = apiClient.DELETE('/api/v1/reports/{reportId}/evidence/{evidenceId}', {
    params: { path: { reportId, evidenceId }, header: { 'If-Match': versionTag(version) } },
  });
  await unwrap(call);
  return { reportVersion: versionOf((await call).response.headers.get('ETag')) };
}

export function useDetachEvidence() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: detachEvidence,
    onSuccess: (_result, { reportId }) =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: ['evidence'] }),
        queryClient.invalidateQueries({ queryKey: reportQueryKey(reportId) }),
      ]),
    onError: (error, { reportId }) => refreshIfStale(queryClient, reportId, error),
  });
}
