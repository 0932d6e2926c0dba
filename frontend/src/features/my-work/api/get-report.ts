import { queryOptions, useQuery, type QueryClient } from '@tanstack/react-query';
import type { components } from '@/api/schema';
import { apiClient, unwrap } from '@/lib/api-client';

export type Report = components['schemas']['Report'];

/** The ETag of a report version, as `If-Match` must name it. */
export function versionTag(version: number): string {
  return `"${version}"`;
}

/** The version an ETag names (`"7"` → 7); undefined for anything else. */
export function versionOf(etag: string | null | undefined): number | undefined {
  const match = /^(?:W\/)?"(\d+)"$/.exec(etag?.trim() ?? '');
  return match ? Number(match[1]) : undefined;
}

export function getReport(reportId: string, signal?: AbortSignal) {
  return unwrap(
    apiClient.GET('/api/v1/reports/{reportId}', { params: { path: { reportId } }, signal }),
  );
}

/** Under the report's detail key, so that whatever refreshes the report refreshes this too. */
export function reportQueryKey(reportId: string) {
  return ['reports', 'detail', reportId, 'editor'] as const;
}

export function getReportQueryOptions(reportId: string) {
  return queryOptions({
    queryKey: reportQueryKey(reportId),
    queryFn: ({ signal }) => getReport(reportId, signal),
  });
}

export function useGetReport(reportId: string | undefined) {
  return useQuery({ ...getReportQueryOptions(reportId ?? ''), enabled: Boolean(reportId) });
}

/**
 * After a write: the answer is the report's new state, so it replaces the cached one, and the
 * lists and other views of the report that it changes are read again.
 */
export function settleReport(queryClient: QueryClient, report: Report) {
  queryClient.setQueryData(reportQueryKey(report.id), report);
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: ['assignments'] }),
    queryClient.invalidateQueries({ queryKey: ['reports', 'list'] }),
    queryClient.invalidateQueries({
      queryKey: ['reports', 'detail', report.id],
      predicate: (query) => query.queryKey[3] !== 'editor',
    }),
  ]);
}
