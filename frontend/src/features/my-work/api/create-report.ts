import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { components } from '@/api/schema';
import { apiClient, unwrap } from '@/lib/api-client';
import { settleReport } from '@/features/my-work/api/get-report';

export type ReportCreate = components['schemas']['ReportCreate'];

/** Starts the unit's report on an item and period, saved as a draft. */
export function createReport(input: ReportCreate) {
  return unwrap(apiClient.POST('/api/v1/reports', { body: input }));
}

export function useCreateReport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createReport,
    onSuccess: (report) => settleReport(queryClient, report),
  });
}
