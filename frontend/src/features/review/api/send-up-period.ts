import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient, unwrap } from '@/lib/api-client';

export type SendUpInput = { planId: string; periodKey: string; etag: string; note: string };

/** Marks the period's consolidated report as sent up; the period closes and its accepted reports lock. */
export function sendUpPeriod({ planId, periodKey, etag, note }: SendUpInput) {
  return unwrap(
    apiClient.POST('/api/v1/plans/{planId}/periods/{periodKey}/send-up', {
      params: { path: { planId, periodKey }, header: { 'If-Match': etag } },
      body: { note: note.trim() || null },
    }),
  );
}

export function useSendUpPeriod() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: sendUpPeriod,
    // A refusal (412: someone else changed the period) also calls for a fresh read.
    onSettled: (_data, _error, input) =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: ['plans', input.planId, 'periods'] }),
        queryClient.invalidateQueries({ queryKey: ['reports'] }),
        queryClient.invalidateQueries({ queryKey: ['assignments'] }),
      ]),
  });
}
