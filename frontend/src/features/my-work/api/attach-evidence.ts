import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient, unwrap } from '@/lib/api-client';
import { reportQueryKey, versionOf, versionTag } from '@/features/my-work/api/get-report';
import { refreshIfStale } from '@/features/my-work/api/update-report';

/** `version` is the report's as the screen read it (If-Match): a report changed since refuses it. */
export type AttachEvidenceInput = { reportId: string; version: number; evidenceId: string };

/**
 * Attaches evidence the unit already has to a report; attaching twice changes nothing. Resolves with the evidence
 * and the report's version after the change (the answer's ETag).
 */
export async function attachEvidence({ reportId, version, evidenceId }: AttachEvidenceInput) {
  const call = apiClient.POST('/api/v1/reports/{reportId}/evidence', {
    params: { path: { reportId }, header: { 'If-Match': versionTag(version) } },
    body: { evidenceId },
  });
  const evidence = await unwrap(call);
  return { evidence, reportVersion: versionOf((await call).response.headers.get('ETag')) };
}

export function useAttachEvidence() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: attachEvidence,
    onSuccess: (_evidence, { reportId }) =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: ['evidence'] }),
        queryClient.invalidateQueries({ queryKey: reportQueryKey(reportId) }),
      ]),
    onError: (error, { reportId }) => refreshIfStale(queryClient, reportId, error),
  });
}
