import { useMutation } from '@tanstack/react-query';
import { apiClient, unwrap } from '@/lib/api-client';

/**
 * The file of a piece of evidence, read with the access token (a plain link would carry none).
 * `inline` asks for a PDF or image to be shown in the browser rather than saved.
 */
export function downloadEvidence(evidenceId: string, inline = false): Promise<Blob> {
  return unwrap(
    apiClient.GET('/api/v1/evidence/{evidenceId}/content', {
      params: { path: { evidenceId }, query: inline ? { inline: true } : {} },
      parseAs: 'blob',
    }),
  );
}

export function useDownloadEvidence() {
  return useMutation({
    mutationFn: ({ evidenceId, inline }: { evidenceId: string; inline?: boolean }) =>
      downloadEvidence(evidenceId, inline),
  });
}
