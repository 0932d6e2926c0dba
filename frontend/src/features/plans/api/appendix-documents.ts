import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { components } from '@/api/schema';
import { apiClient, unwrap } from '@/lib/api-client';
import { downloadFile } from '@/lib/download';
import { settlePlan } from '@/features/plans/api/get-plan';

export type AppendixPart = components['schemas']['AppendixPart'];
export type AppendixImportResult = components['schemas']['AppendixImportResult'];
export type AppendixImportRow = components['schemas']['AppendixImportRow'];
export type AppendixImportProblem = components['schemas']['AppendixImportProblem'];
export type AppendixImportUnusedColumn = components['schemas']['AppendixImportUnusedColumn'];

const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const partSlug: Record<AppendixPart, string> = { INDICATORS: 'chi-tieu', TASKS: 'nhiem-vu' };

/** The plan's appendix (its indicators or its tasks) as XLSX, in the import template's layout. */
export function downloadAppendix(planId: string, part: AppendixPart) {
  return downloadFile(
    apiClient.GET('/api/v1/plans/{planId}/appendix', {
      params: { path: { planId }, query: { part } },
      parseAs: 'blob',
    }),
    `phu-luc-${partSlug[part]}.xlsx`,
  );
}

/** The empty template of a part; an indicator template has one target column per year of the plan. */
export function downloadTemplate(
  part: AppendixPart,
  years: { startYear: number; endYear: number },
) {
  const call =
    part === 'INDICATORS'
      ? apiClient.GET('/api/v1/document-templates/indicators.xlsx', {
          params: { query: years },
          parseAs: 'blob',
        })
      : apiClient.GET('/api/v1/document-templates/tasks.xlsx', { parseAs: 'blob' });
  return downloadFile(call, `mau-phu-luc-${partSlug[part]}.xlsx`);
}

export type ImportAppendixInput = {
  planId: string;
  part: AppendixPart;
  dryRun: boolean;
  file: Blob;
  /** For a commit, the preview's `etag`: the plan as the preview read it (If-Match). */
  etag?: string;
  /** For a commit: go ahead although the preview lists columns whose content will not be imported. */
  acknowledgeUnused?: boolean;
};

/** Sends the workbook as the request body: a preview with `dryRun`, else the import, all or nothing. */
export async function importAppendix({
  planId,
  part,
  dryRun,
  file,
  etag,
  acknowledgeUnused,
}: ImportAppendixInput) {
  const bytes = new Uint8Array(await file.arrayBuffer());
  return unwrap(
    apiClient.POST('/api/v1/plans/{planId}/appendix/imports', {
      params: {
        path: { planId },
        query: acknowledgeUnused ? { part, dryRun, acknowledgeUnused } : { part, dryRun },
        header: etag ? { 'If-Match': etag } : {},
      },
      // The contract types a binary body as a string; the bytes go out as they are.
      body: bytes as unknown as string,
      bodySerializer: (body: unknown) => body as BodyInit,
      headers: { 'Content-Type': xlsxType },
    }),
  );
}

export function useImportAppendix() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: importAppendix,
    onSuccess: (result) => (result.dryRun ? undefined : settlePlan(queryClient)),
  });
}
