import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { operations } from '@/api/schema';
import { apiClient, unwrap } from '@/lib/api-client';

export type GetEvidenceParams = NonNullable<operations['listEvidence']['parameters']['query']>;

/** Evidence: attached to one report (`reportId`), or the documents of a unit (`unitId`). */
export function getEvidence(params: GetEvidenceParams, signal?: AbortSignal) {
  return unwrap(apiClient.GET('/api/v1/evidence', { params: { query: params }, signal }));
}

export function getEvidenceQueryOptions(params: GetEvidenceParams) {
  return queryOptions({
    queryKey: ['evidence', 'list', params],
    queryFn: ({ signal }) => getEvidence(params, signal),
  });
}

export function useGetEvidence(
  params: GetEvidenceParams,
  { enabled = true, keepPrevious = false } = {},
) {
  return useQuery({
    ...getEvidenceQueryOptions(params),
    enabled,
    // A search keeps its previous results on screen while the next ones load.
    placeholderData: keepPrevious ? keepPreviousData : undefined,
  });
}
