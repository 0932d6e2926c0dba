import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { components } from '@/api/schema';
import { ApiError, apiClient, unwrap } from '@/lib/api-client';
import { getIndicatorQueryOptions } from '@/lib/plan-items';
import { settlePlan, versionTag } from '@/features/plans/api/get-plan';

export type Indicator = components['schemas']['Indicator'];
export type IndicatorInput = components['schemas']['IndicatorInput'];

export type SaveIndicatorInput = {
  planId: string;
  /** Absent for a new indicator. */
  indicator?: { id: string; version: number };
  body: IndicatorInput;
};

/** Adds an indicator to the plan, or saves one (If-Match the version it was read at). */
export function saveIndicator({ planId, indicator, body }: SaveIndicatorInput) {
  if (!indicator) {
    return unwrap(
      apiClient.POST('/api/v1/plans/{planId}/indicators', { params: { path: { planId } }, body }),
    );
  }
  return unwrap(
    apiClient.PUT('/api/v1/plans/{planId}/indicators/{indicatorId}', {
      params: {
        path: { planId, indicatorId: indicator.id },
        header: { 'If-Match': versionTag(indicator.version) },
      },
      body,
    }),
  );
}

export function useSaveIndicator() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: saveIndicator,
    onSuccess: (saved) => {
      queryClient.setQueryData(getIndicatorQueryOptions(saved.planId, saved.id).queryKey, saved);
      return settlePlan(queryClient);
    },
    onError: (error, { planId, indicator }) => {
      if (indicator && error instanceof ApiError && error.status === 412) {
        return queryClient.invalidateQueries({
          queryKey: getIndicatorQueryOptions(planId, indicator.id).queryKey,
        });
      }
    },
  });
}

export function deleteIndicator({
  planId,
  indicator,
}: {
  planId: string;
  indicator: { id: string; version: number };
}) {
  return unwrap(
    apiClient.DELETE('/api/v1/plans/{planId}/indicators/{indicatorId}', {
      params: {
        path: { planId, indicatorId: indicator.id },
        header: { 'If-Match': versionTag(indicator.version) },
      },
    }),
  );
}

export function useDeleteIndicator() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteIndicator,
    // Marked stale, not read again at once: the editor of the deleted item is about to be left, and reading the
    // item now would only answer 404. The plan's pages read next are fresh.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['plans'], refetchType: 'none' }),
    onError: (error, { planId, indicator }) => {
      if (error instanceof ApiError && error.status === 412) {
        return queryClient.invalidateQueries({
          queryKey: getIndicatorQueryOptions(planId, indicator.id).queryKey,
        });
      }
    },
  });
}
