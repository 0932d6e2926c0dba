import { queryOptions, useQuery } from '@tanstack/react-query';
import type { components } from '@/api/schema';
import { apiClient, unwrap } from '@/lib/api-client';
import { versionTag } from '@/features/my-work/api/get-report';

type Evidence = components['schemas']['Evidence'];

/** One piece of evidence and the ETag to name in `If-Match` when its description is changed. */
export type TaggedEvidence = { evidence: Evidence; etag: string };

export async function getEvidenceItem(
  evidenceId: string,
  signal?: AbortSignal,
): Promise<TaggedEvidence> {
  const call = apiClient.GET('/api/v1/evidence/{evidenceId}', {
    params: { path: { evidenceId } },
    signal,
  });
  const evidence = await unwrap(call);
  const { response } = await call;
  // The ETag is the version; the version itself stands in if a proxy dropped the header.
  return { evidence, etag: response.headers.get('ETag') ?? versionTag(evidence.version) };
}

export function evidenceItemQueryKey(evidenceId: string) {
  return ['evidence', 'detail', evidenceId] as const;
}

export function getEvidenceItemQueryOptions(evidenceId: string) {
  return queryOptions({
    queryKey: evidenceItemQueryKey(evidenceId),
    queryFn: ({ signal }) => getEvidenceItem(evidenceId, signal),
  });
}

/** Read afresh whenever a form opens on it: the form edits the newest version. */
export function useGetEvidenceItem(evidenceId: string) {
  return useQuery({ ...getEvidenceItemQueryOptions(evidenceId), staleTime: 0 });
}
