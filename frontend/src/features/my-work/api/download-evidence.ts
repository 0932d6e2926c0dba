import { useMutation } from '@tanstack/react-query';
import { apiClient, unwrap } from '@/lib/api-client';

/** The file of a piece of evidence; fetched with the session, as a plain link would have none. */
export function downloadEvidence(evidenceId: string) {
  return unwrap(
    apiClient.GET('/api/v1/evidence/{evidenceId}/content', {
      params: { path: { evidenceId } },
      parseAs: 'blob',
    }),
  );
}

export function useDownloadEvidence() {
  return useMutation({ mutationFn: downloadEvidence });
}
