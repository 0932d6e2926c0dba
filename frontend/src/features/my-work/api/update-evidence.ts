import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { components } from '@/api/schema';
import { apiClient, unwrap } from '@/lib/api-client';
import {
  evidenceItemQueryKey,
  type TaggedEvidence,
} from '@/features/my-work/api/get-evidence-item';
import { versionTag } from '@/features/my-work/api/get-report';

export type EvidenceUpdate = components['schemas']['EvidenceUpdate'];

export type UpdateEvidenceInput = { evidenceId: string; etag: string; body: EvidenceUpdate };

/** Changes what describes a document (never its content); `etag` names the version it was read at. */
export async function updateEvidence({
  evidenceId,
  etag,
  body,
}: UpdateEvidenceInput): Promise<TaggedEvidence> {
  const call = apiClient.PUT('/api/v1/evidence/{evidenceId}', {
    params: { path: { evidenceId }, header: { 'If-Match': etag } },
    body,
  });
  const evidence = await unwrap(call);
  const { response } = await call;
  return { evidence, etag: response.headers.get('ETag') ?? versionTag(evidence.version) };
}

export function useUpdateEvidence() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateEvidence,
    onSuccess: (saved, { evidenceId }) => {
      queryClient.setQueryData(evidenceItemQueryKey(evidenceId), saved);
      // Every list that shows the document (this report's, the unit's, a reviewer's).
      return queryClient.invalidateQueries({
        queryKey: ['evidence'],
        predicate: (query) => query.queryKey[1] !== 'detail',
      });
    },
  });
}
