// A plan's consolidated report for a period and its overview of the plans carrying it out, read by the
// dashboard and by the review of a period.
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient, unwrap } from '@/lib/api-client';
import { downloadFile } from '@/lib/download';

/**
 * A plan's consolidated report for a period: each indicator with the year's target, the latest
 * accepted value and its computed status; the tasks with their progress; the units' timeliness.
 */
export function getConsolidatedReport(planId: string, periodKey: string, signal?: AbortSignal) {
  return unwrap(
    apiClient.GET('/api/v1/plans/{planId}/periods/{periodKey}/consolidated', {
      params: { path: { planId, periodKey } },
      signal,
    }),
  );
}

export function getConsolidatedReportQueryOptions(planId: string, periodKey: string) {
  return queryOptions({
    queryKey: ['plans', planId, 'periods', periodKey, 'consolidated'],
    queryFn: ({ signal }) => getConsolidatedReport(planId, periodKey, signal),
  });
}

export function useGetConsolidatedReport(
  planId: string | undefined,
  periodKey: string | undefined,
) {
  return useQuery({
    ...getConsolidatedReportQueryOptions(planId ?? '', periodKey ?? ''),
    enabled: Boolean(planId && periodKey),
  });
}

export const consolidatedFormats = ['docx', 'pdf', 'xlsx'] as const;
export type ConsolidatedFormat = (typeof consolidatedFormats)[number];

/**
 * The period's consolidated report as an administrative document (Word, PDF) or its indicator table (Excel),
 * read with the access token and saved under the name the server gives.
 */
export function downloadConsolidatedDocument(
  planId: string,
  periodKey: string,
  format: ConsolidatedFormat,
) {
  const init = { params: { path: { planId, periodKey } }, parseAs: 'blob' } as const;
  const call =
    format === 'docx'
      ? apiClient.GET(
          '/api/v1/plans/{planId}/periods/{periodKey}/documents/consolidated.docx',
          init,
        )
      : format === 'pdf'
        ? apiClient.GET(
            '/api/v1/plans/{planId}/periods/{periodKey}/documents/consolidated.pdf',
            init,
          )
        : apiClient.GET(
            '/api/v1/plans/{planId}/periods/{periodKey}/documents/consolidated.xlsx',
            init,
          );
  return downloadFile(call, `bao-cao-tong-hop-${periodKey}.${format}`);
}

/**
 * The province's view of a period: each commune plan carrying out this one, with when its report
 * was sent up, and each province indicator rolled up from the communes' indicators.
 */
export function getPlanOverview(planId: string, periodKey: string, signal?: AbortSignal) {
  return unwrap(
    apiClient.GET('/api/v1/plans/{planId}/periods/{periodKey}/overview', {
      params: { path: { planId, periodKey } },
      signal,
    }),
  );
}

export function getPlanOverviewQueryOptions(planId: string, periodKey: string) {
  return queryOptions({
    queryKey: ['plans', planId, 'periods', periodKey, 'overview'],
    queryFn: ({ signal }) => getPlanOverview(planId, periodKey, signal),
  });
}

export function useGetPlanOverview(
  planId: string | undefined,
  periodKey: string | undefined,
  { enabled = true } = {},
) {
  return useQuery({
    ...getPlanOverviewQueryOptions(planId ?? '', periodKey ?? ''),
    enabled: enabled && Boolean(planId && periodKey),
  });
}
