import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient, unwrap } from '@/lib/api-client';
import { reportQueryKey, versionTag } from '@/features/my-work/api/get-report';
import { refreshIfStale } from '@/features/my-work/api/update-report';

/** `version` is the report's as the screen read it (If-Match): a report changed since refuses it. */
export type AttachEvidenceInput = { reportId: string; version: number; evidenceId: string };

/** Attaches evidence the unit already has to a report; attaching twice changes nothing. */
export function attachEvidence({ reportId, version, evidenceId }: AttachEvidenceInput) {
  return unwrap(
    apiClient.POST('/api/v1/reports/{reportId}/evidence', {
      params: { path: { reportId }, header: { 'If-Match': versionTag(version) } },
      body: { evidenceId },
    }),
  );
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
