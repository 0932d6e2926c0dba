import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import {
  readVersioned,
  reloadAfterRefusal,
  settleReviewed,
} from '@/features/review/api/get-report';

export type AcceptReportInput = { reportId: string; etag: string; comment: string };

/** Accepts a submitted report; the comment is optional. */
export function acceptReport({ reportId, etag, comment }: AcceptReportInput) {
  return readVersioned(
    apiClient.POST('/api/v1/reports/{reportId}/accept', {
      params: { path: { reportId }, header: { 'If-Match': etag } },
      body: { comment: comment.trim() || null },
    }),
  );
}

export function useAcceptReport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: acceptReport,
    onSuccess: (result) => settleReviewed(queryClient, result),
    onError: (error, input) => reloadAfterRefusal(queryClient, input.reportId, error),
  });
}
