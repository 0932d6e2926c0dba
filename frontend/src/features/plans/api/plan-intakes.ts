import { useMutation, useQueryClient } from '@tanstack/react-query';
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

const docxType = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** Sends the issued plan's Word file as the request body: the file as read and the plan as understood; nothing stored. */
export async function readPlanDocument({ file }: { file: Blob }) {
  const bytes = new Uint8Array(await file.arrayBuffer());
  return unwrap(
    apiClient.POST('/api/v1/plan-intakes', {
      // The contract types a binary body as a string; the bytes go out as they are.
      body: bytes as unknown as string,
      bodySerializer: (body: unknown) => body as BodyInit,
      headers: { 'Content-Type': docxType },
    }),
  );
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
