import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import {
  readVersioned,
  reloadAfterRefusal,
  settleReviewed,
} from '@/features/review/api/get-report';

export type ReturnReportInput = { reportId: string; etag: string; comment: string };

/** Returns a submitted report to its unit; the comment (what to fix) is required. */
export function returnReport({ reportId, etag, comment }: ReturnReportInput) {
  return readVersioned(
    apiClient.POST('/api/v1/reports/{reportId}/return', {
      params: { path: { reportId }, header: { 'If-Match': etag } },
      body: { comment: comment.trim() || null },
    }),
  );
}

export function useReturnReport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: returnReport,
    onSuccess: (result) => settleReviewed(queryClient, result),
    onError: (error, input) => reloadAfterRefusal(queryClient, input.reportId, error),
  });
}
