import { queryOptions, useQuery, type QueryClient } from '@tanstack/react-query';
import type { components } from '@/api/schema';
import { ApiError, apiClient, unwrap } from '@/lib/api-client';

export type Report = components['schemas']['Report'];

/** A report and the ETag that a review step must send back in `If-Match`. */
export type VersionedReport = { report: Report; etag: string };

/** The server's ETag is the version in quotes; used when a response does not expose the header. */
export function versionTag(version: number): string {
  return `"${version}"`;
}

export async function readVersioned(
  call: Promise<{ data?: Report; error?: unknown; response: Response }>,
): Promise<VersionedReport> {
  const report = await unwrap(call);
  const { response } = await call;
  return { report, etag: response.headers.get('ETag') ?? versionTag(report.version) };
}

export function getReport(reportId: string, signal?: AbortSignal) {
  return readVersioned(
    apiClient.GET('/api/v1/reports/{reportId}', { params: { path: { reportId } }, signal }),
  );
}

export function reportQueryKey(reportId: string) {
  return ['reports', 'detail', reportId] as const;
}

export function getReportQueryOptions(reportId: string) {
  return queryOptions({
    queryKey: reportQueryKey(reportId),
    queryFn: ({ signal }) => getReport(reportId, signal),
  });
}

export function useGetReport(reportId: string) {
  return useQuery(getReportQueryOptions(reportId));
}

/**
 * After a review step: the answer is the report's new state, so it replaces the cached one; the
 * lists, the history and the period's figures it changes are read again.
 */
export function settleReviewed(queryClient: QueryClient, result: VersionedReport) {
  const { report } = result;
  queryClient.setQueryData(reportQueryKey(report.id), result);
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: ['reports', 'list'] }),
    // Everything kept under the report (its history, any other view of it) but the state just set.
    queryClient.invalidateQueries({
      queryKey: reportQueryKey(report.id),
      predicate: (query) => query.queryKey.length > reportQueryKey(report.id).length,
    }),
    queryClient.invalidateQueries({ queryKey: ['plans', report.plan.id, 'periods'] }),
    queryClient.invalidateQueries({ queryKey: ['assignments'] }),
  ]);
}

/** Someone else changed the report (412) or its state no longer allows the step (409): read it again. */
export function reloadAfterRefusal(queryClient: QueryClient, reportId: string, error: unknown) {
  if (error instanceof ApiError && (error.status === 412 || error.status === 409)) {
    void queryClient.invalidateQueries({ queryKey: reportQueryKey(reportId) });
    void queryClient.invalidateQueries({ queryKey: ['reports', 'list'] });
  }
}
