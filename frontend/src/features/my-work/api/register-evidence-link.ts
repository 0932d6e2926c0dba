import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { components } from '@/api/schema';
import { apiClient, unwrap } from '@/lib/api-client';
import { reportQueryKey } from '@/features/my-work/api/get-report';

export type EvidenceLinkCreate = components['schemas']['EvidenceLinkCreate'];

/**
 * Registers a document by its http(s) address. Its `reportIds` are attached in the same request, so
 * a refused attachment leaves no stray link behind and trying again makes no duplicate.
 */
export function registerEvidenceLink(body: EvidenceLinkCreate) {
  return unwrap(apiClient.POST('/api/v1/evidence/links', { body }));
}

export function useRegisterEvidenceLink() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: registerEvidenceLink,
    onSuccess: (_evidence, { reportIds }) =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: ['evidence'] }),
        ...(reportIds ?? []).map((reportId) =>
          queryClient.invalidateQueries({ queryKey: reportQueryKey(reportId) }),
        ),
      ]),
  });
}
