import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient, unwrap } from '@/lib/api-client';

/** The evidence documents attached to one report (a report carries few; one page holds them). */
export function getReportEvidence(reportId: string, signal?: AbortSignal) {
  return unwrap(
    apiClient.GET('/api/v1/evidence', {
      params: { query: { reportId, size: 100, sort: 'createdAt,asc' } },
      signal,
    }),
  );
}

export function getReportEvidenceQueryOptions(reportId: string) {
  return queryOptions({
    queryKey: ['evidence', { reportId }],
    queryFn: ({ signal }) => getReportEvidence(reportId, signal),
  });
}

export function useGetReportEvidence(reportId: string) {
  return useQuery(getReportEvidenceQueryOptions(reportId));
}
