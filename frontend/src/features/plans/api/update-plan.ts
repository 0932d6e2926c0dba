import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { components } from '@/api/schema';
import { ApiError, apiClient, unwrap } from '@/lib/api-client';
import { planQueryKey, settlePlan, versionTag, type Plan } from '@/features/plans/api/get-plan';

export type PlanUpdate = components['schemas']['PlanUpdate'];

export type UpdatePlanInput = { planId: string; version: number; body: PlanUpdate };

/** Saves a plan's facts, or moves its status (DRAFT → ISSUED → CLOSED); `version` is the one it was read at. */
export function updatePlan({ planId, version, body }: UpdatePlanInput) {
  return unwrap(
    apiClient.PUT('/api/v1/plans/{planId}', {
      params: { path: { planId }, header: { 'If-Match': versionTag(version) } },
      body,
    }),
  );
}

export function useUpdatePlan() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updatePlan,
    onSuccess: (plan) => settlePlan(queryClient, plan),
    onError: (error, { planId }) => {
      // Someone else saved in between: what is stored now is read again, for the reload offered.
      if (error instanceof ApiError && (error.status === 412 || error.status === 409)) {
        return queryClient.invalidateQueries({ queryKey: planQueryKey(planId) });
      }
    },
  });
}

/** The plan as the body of a PUT: everything as stored, to be changed where the caller says. */
export function planToUpdate(plan: Plan): PlanUpdate {
  const regime = plan.reportingRegime;
  return {
    documentNumber: plan.documentNumber,
    issuingUnitId: plan.issuingUnit.id,
    issueDate: plan.issueDate,
    issuePlace: plan.issuePlace,
    title: plan.title,
    startYear: plan.startYear,
    endYear: plan.endYear,
    status: plan.status,
    parentPlanId: plan.parentPlan?.id ?? null,
    legalBases: plan.legalBases.map((basis) => ({
      citation: basis.citation,
      planId: basis.plan?.id ?? null,
    })),
    sections: plan.sections,
    signerName: plan.signerName ?? '',
    signerTitle: plan.signerTitle ?? '',
    recipients: plan.recipients,
    reportingRegime: {
      frequency: regime.frequency,
      unitReportDay: regime.unitReportDay,
      consolidationDay: regime.consolidationDay,
      coordinatorUnitId: regime.coordinatorUnit.id,
      recipientUnitId: regime.recipientUnit?.id ?? null,
      wording: regime.wording,
      deadlineShift: regime.deadlineShift,
    },
  };
}
