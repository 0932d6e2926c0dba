import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient, unwrap } from '@/lib/api-client';

/** Every change of a report: who, when, which fields. */
export function getReportHistory(reportId: string, signal?: AbortSignal) {
  return unwrap(
    apiClient.GET('/api/v1/reports/{reportId}/history', {
      params: { path: { reportId } },
      signal,
    }),
  );
}

export function getReportHistoryQueryOptions(reportId: string) {
  return queryOptions({
    queryKey: ['reports', 'detail', reportId, 'history'],
    queryFn: ({ signal }) => getReportHistory(reportId, signal),
  });
}

export function useGetReportHistory(reportId: string) {
  return useQuery(getReportHistoryQueryOptions(reportId));
}
