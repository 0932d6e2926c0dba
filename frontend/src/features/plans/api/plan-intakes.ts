import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { components } from '@/api/schema';
import { apiClient, unwrap } from '@/lib/api-client';
import { settlePlan } from '@/features/plans/api/get-plan';

export type PlanIntake = components['schemas']['PlanIntake'];
export type PlanIntakeSource = components['schemas']['PlanIntakeSource'];
export type PlanIntakeBlock = components['schemas']['PlanIntakeBlock'];
export type PlanIntakeFinding = components['schemas']['PlanIntakeFinding'];
export type PlanIntakeChoices = components['schemas']['PlanIntakeChoicesInput'];
export type PlanIntakeInput = components['schemas']['PlanIntakeInput'];
export type BlockRole = components['schemas']['BlockRole'];
export type PlanIntakeJob = components['schemas']['PlanIntakeJob'];

/** The file kinds the reader takes, as the file input offers them. */
export const planFileAccept = '.docx,.pdf,.png,.jpg,.jpeg,.tif,.tiff';

const docxType = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const readableTypes = [docxType, 'application/pdf', 'image/png', 'image/jpeg', 'image/tiff'];

/** The type the file is sent as; the server tells the file by its content, so an unknown type is no refusal. */
function contentType(file: Blob): string {
  if (readableTypes.includes(file.type)) return file.type;
  const name = file instanceof File ? file.name.toLowerCase() : '';
  if (name.endsWith('.docx')) return docxType;
  if (name.endsWith('.pdf')) return 'application/pdf';
  if (name.endsWith('.png')) return 'image/png';
  if (name.endsWith('.jpg') || name.endsWith('.jpeg')) return 'image/jpeg';
  if (name.endsWith('.tif') || name.endsWith('.tiff')) return 'image/tiff';
  return 'application/octet-stream';
}

/** Whether the answer to a reading is a scan's job, still to be polled, rather than the plan read at once. */
export function isIntakeJob(answer: PlanIntake | PlanIntakeJob): answer is PlanIntakeJob {
  return 'state' in answer;
}

/**
 * Sends the issued plan's file (Word, PDF, or a scan) as the request body. A Word file or a PDF with text is read at
 * once: the file as read and the plan as understood. A scan is read off the request: the answer is its job. Nothing
 * is stored.
 */
export async function readPlanDocument({
  file,
}: {
  file: Blob;
}): Promise<PlanIntake | PlanIntakeJob> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  return unwrap(
    apiClient.POST('/api/v1/plan-intakes', {
      // The contract types a binary body as a string; the bytes go out as they are.
      body: bytes as unknown as string,
      bodySerializer: (body: unknown) => body as BodyInit,
      headers: { 'Content-Type': contentType(file) },
    }),
  );
}

/** A scan's reading: its state and the pages read. */
export function getPlanIntakeJob(id: string, signal?: AbortSignal) {
  return unwrap(
    apiClient.GET('/api/v1/plan-intakes/jobs/{id}', { params: { path: { id } }, signal }),
  );
}

/** How long to wait before asking again: a second at first, then a little longer each time, at most three. */
export function jobPollDelay(asked: number): number {
  return Math.min(1000 + asked * 250, 3000);
}

/** Polls a scan's job until it is done or failed; polling stops when the screen leaves. */
export function usePlanIntakeJob(id: string | null) {
  return useQuery({
    queryKey: ['plan-intakes', 'jobs', id],
    queryFn: ({ signal }) => getPlanIntakeJob(id ?? '', signal),
    enabled: id !== null,
    refetchInterval: (query) =>
      query.state.data && query.state.data.state !== 'RUNNING'
        ? false
        : jobPollDelay(query.state.dataUpdateCount),
    refetchIntervalInBackground: true,
    gcTime: 0,
  });
}

export function useReadPlanDocument() {
  return useMutation({ mutationFn: readPlanDocument });
}

/** The plan understood again from the file as read (corrected where the person edited it) and their choices. */
export function previewPlanIntake(input: PlanIntakeInput) {
  return unwrap(apiClient.POST('/api/v1/plan-intakes/previews', { body: input }));
}

export function usePreviewPlanIntake() {
  return useMutation({ mutationFn: previewPlanIntake });
}

/** Stores the plan as the last preview showed it: `etag` is that preview's, so a plan changed since is refused. */
export function commitPlanIntake({ input, etag }: { input: PlanIntakeInput; etag: string | null }) {
  return unwrap(
    apiClient.POST('/api/v1/plan-intakes/commits', {
      body: input,
      params: { header: etag ? { 'If-Match': etag } : {} },
    }),
  );
}

export function useCommitPlanIntake() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: commitPlanIntake,
    onSuccess: () => settlePlan(queryClient),
  });
}
