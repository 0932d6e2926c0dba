import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient, unwrap } from '@/lib/api-client';
import { reportQueryKey } from '@/features/my-work/api/get-report';

export type AttachEvidenceInput = { reportId: string; evidenceId: string };

/** Attaches evidence the unit already has to a report; attaching twice changes nothing. */
export function attachEvidence({ reportId, evidenceId }: AttachEvidenceInput) {
  return unwrap(
    apiClient.POST('/api/v1/reports/{reportId}/evidence', {
      params: { path: { reportId } },
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
  });
}
