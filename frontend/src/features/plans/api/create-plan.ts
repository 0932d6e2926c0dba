import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { components } from '@/api/schema';
import { apiClient, unwrap } from '@/lib/api-client';
import { settlePlan } from '@/features/plans/api/get-plan';

export type PlanCreate = components['schemas']['PlanCreate'];

/** A new plan, a draft unless the body says otherwise. */
export function createPlan(body: PlanCreate) {
  return unwrap(apiClient.POST('/api/v1/plans', { body }));
}

export function useCreatePlan() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createPlan,
    onSuccess: (plan) => settlePlan(queryClient, plan),
  });
}
