import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { components } from '@/api/schema';
import { ApiError, apiClient, unwrap } from '@/lib/api-client';
import { getTaskQueryOptions } from '@/lib/plan-items';
import { settlePlan, versionTag } from '@/features/plans/api/get-plan';

export type Task = components['schemas']['Task'];
export type TaskInput = components['schemas']['TaskInput'];

export type SaveTaskInput = {
  planId: string;
  /** Absent for a new task. */
  task?: { id: string; version: number };
  body: TaskInput;
};

/** Adds a task to the plan, or saves one (If-Match the version it was read at). */
export function saveTask({ planId, task, body }: SaveTaskInput) {
  if (!task) {
    return unwrap(
      apiClient.POST('/api/v1/plans/{planId}/tasks', { params: { path: { planId } }, body }),
    );
  }
  return unwrap(
    apiClient.PUT('/api/v1/plans/{planId}/tasks/{taskId}', {
      params: {
        path: { planId, taskId: task.id },
        header: { 'If-Match': versionTag(task.version) },
      },
      body,
    }),
  );
}

export function useSaveTask() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: saveTask,
    onSuccess: (saved) => {
      queryClient.setQueryData(getTaskQueryOptions(saved.planId, saved.id).queryKey, saved);
      return settlePlan(queryClient);
    },
    onError: (error, { planId, task }) => {
      if (task && error instanceof ApiError && error.status === 412) {
        return queryClient.invalidateQueries({
          queryKey: getTaskQueryOptions(planId, task.id).queryKey,
        });
      }
    },
  });
}

export function deleteTask({
  planId,
  task,
}: {
  planId: string;
  task: { id: string; version: number };
}) {
  return unwrap(
    apiClient.DELETE('/api/v1/plans/{planId}/tasks/{taskId}', {
      params: {
        path: { planId, taskId: task.id },
        header: { 'If-Match': versionTag(task.version) },
      },
    }),
  );
}

export function useDeleteTask() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteTask,
    // Marked stale, not read again at once: the editor of the deleted item is about to be left, and reading the
    // item now would only answer 404. The plan's pages read next are fresh.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['plans'], refetchType: 'none' }),
    onError: (error, { planId, task }) => {
      if (error instanceof ApiError && error.status === 412) {
        return queryClient.invalidateQueries({
          queryKey: getTaskQueryOptions(planId, task.id).queryKey,
        });
      }
    },
  });
}
