import { queryOptions, useQuery } from '@tanstack/react-query';
import type { operations } from '@/api/schema';
import { apiClient, unwrap } from '@/lib/api-client';

export type GetUnitPlansParams = NonNullable<operations['listPlans']['parameters']['query']>;

/** The plans a unit issued, newest first, whatever their status (a commune's plan may still be a draft). */
export function getUnitPlans(issuingUnitId: string, signal?: AbortSignal) {
  const query: GetUnitPlansParams = { issuingUnitId, size: 100, sort: 'startYear,desc' };
  return unwrap(apiClient.GET('/api/v1/plans', { params: { query }, signal }));
}

export function getUnitPlansQueryOptions(issuingUnitId: string) {
  return queryOptions({
    queryKey: ['plans', { issuingUnitId, size: 100, sort: 'startYear,desc' }],
    queryFn: ({ signal }) => getUnitPlans(issuingUnitId, signal),
  });
}

export function useGetUnitPlans(issuingUnitId: string | undefined) {
  return useQuery({
    ...getUnitPlansQueryOptions(issuingUnitId ?? ''),
    enabled: Boolean(issuingUnitId),
  });
}
