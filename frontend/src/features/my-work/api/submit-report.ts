import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient, unwrap } from '@/lib/api-client';
import { settleReport, versionTag } from '@/features/my-work/api/get-report';
import { refreshIfStale } from '@/features/my-work/api/update-report';

export type SubmitReportInput = { reportId: string; version: number };

/** Sends a draft or returned report for review; it becomes SUBMITTED. */
export function submitReport({ reportId, version }: SubmitReportInput) {
  return unwrap(
    apiClient.POST('/api/v1/reports/{reportId}/submit', {
      params: { path: { reportId }, header: { 'If-Match': versionTag(version) } },
    }),
  );
}

export function useSubmitReport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: submitReport,
    onSuccess: (report) => settleReport(queryClient, report),
    onError: (error, { reportId }) => refreshIfStale(queryClient, reportId, error),
  });
}
