import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import {
  readVersioned,
  reloadAfterRefusal,
  settleReviewed,
} from '@/features/review/api/get-report';

export type ReopenReportInput = { reportId: string; etag: string; comment: string };

/** Reopens an accepted report, sending it back to its unit; the reason is required. */
export function reopenReport({ reportId, etag, comment }: ReopenReportInput) {
  return readVersioned(
    apiClient.POST('/api/v1/reports/{reportId}/reopen', {
      params: { path: { reportId }, header: { 'If-Match': etag } },
      body: { comment: comment.trim() || null },
    }),
  );
}

export function useReopenReport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: reopenReport,
    onSuccess: (result) => settleReviewed(queryClient, result),
    onError: (error, input) => reloadAfterRefusal(queryClient, input.reportId, error),
  });
}
