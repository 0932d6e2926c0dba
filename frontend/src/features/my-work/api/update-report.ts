import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { components } from '@/api/schema';
import { ApiError, apiClient, unwrap } from '@/lib/api-client';
import { reportQueryKey, settleReport, versionTag } from '@/features/my-work/api/get-report';

export type ReportUpdate = components['schemas']['ReportUpdate'];

export type UpdateReportInput = { reportId: string; version: number; body: ReportUpdate };

/** Saves a draft or returned report; `version` is the one it was read at (If-Match). */
export function updateReport({ reportId, version, body }: UpdateReportInput) {
  return unwrap(
    apiClient.PUT('/api/v1/reports/{reportId}', {
      params: { path: { reportId }, header: { 'If-Match': versionTag(version) } },
      body,
    }),
  );
}

export function useUpdateReport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateReport,
    onSuccess: (report) => settleReport(queryClient, report),
    onError: (error, { reportId }) => refreshIfStale(queryClient, reportId, error),
  });
}

/** Someone else changed the report (412), or its state no longer allows the change (409). */
export function refreshIfStale(
  queryClient: ReturnType<typeof useQueryClient>,
  reportId: string,
  error: unknown,
) {
  if (error instanceof ApiError && (error.status === 412 || error.status === 409)) {
    return queryClient.invalidateQueries({ queryKey: reportQueryKey(reportId) });
  }
}
