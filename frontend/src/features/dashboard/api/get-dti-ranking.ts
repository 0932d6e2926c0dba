import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient, unwrap } from '@/lib/api-client';

/** A unit's target and actual DTI ranks per pillar and in total, per year, with the gap. */
export function getDtiRanking(unitId: string, signal?: AbortSignal) {
  return unwrap(
    apiClient.GET('/api/v1/org-units/{unitId}/dti-ranking', {
      params: { path: { unitId } },
      signal,
    }),
  );
}

export function getDtiRankingQueryOptions(unitId: string) {
  return queryOptions({
    queryKey: ['org-units', unitId, 'dti-ranking'],
    queryFn: ({ signal }) => getDtiRanking(unitId, signal),
  });
}

export function useGetDtiRanking(unitId: string | undefined) {
  return useQuery({ ...getDtiRankingQueryOptions(unitId ?? ''), enabled: Boolean(unitId) });
}
