import { apiClient } from '@/lib/api-client';
import { downloadFile } from '@/lib/download';

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
