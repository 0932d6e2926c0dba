import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient, unwrap } from '@/lib/api-client';
import { reportQueryKey } from '@/features/my-work/api/get-report';

export type DetachEvidenceInput = { reportId: string; evidenceId: string };

/** Takes evidence off a report; the document stays with the unit for a while, to attach again. */
export function detachEvidence({ reportId, evidenceId }: DetachEvidenceInput) {
  return unwrap(
    apiClient.DELETE('/api/v1/reports/{reportId}/evidence/{evidenceId}', {
      params: { path: { reportId, evidenceId } },
    }),
  );
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
  });
}
