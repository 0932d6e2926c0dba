import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { components } from '@/api/schema';
import { apiClient, unwrap } from '@/lib/api-client';

export type CommuneReportState = components['schemas']['CommuneReportState'];

export type PeriodCommunesQuery = {
  q?: string;
  state?: CommuneReportState[];
  sort?: string;
  /** 0-based, as the API counts. */
  page?: number;
  size?: number;
};

/**
 * Every commune and ward of the plan's issuer in the caller's scope, with or without a plan, and its
 * report for the period: one page, searched, filtered and sorted by the server, with the counts over all.
 */
export function getPeriodCommunes(
  planId: string,
  periodKey: string,
  query: PeriodCommunesQuery,
  signal?: AbortSignal,
) {
  return unwrap(
    apiClient.GET('/api/v1/plans/{planId}/periods/{periodKey}/communes', {
      params: {
        path: { planId, periodKey },
        query: {
          q: query.q || undefined,
          state: query.state && query.state.length > 0 ? query.state : undefined,
          sort: query.sort,
          page: query.page,
          size: query.size,
        },
      },
      signal,
    }),
  );
}

export function getPeriodCommunesQueryOptions(
  planId: string,
  periodKey: string,
  query: PeriodCommunesQuery,
) {
  return queryOptions({
    queryKey: ['plans', planId, 'periods', periodKey, 'communes', query],
    queryFn: ({ signal }) => getPeriodCommunes(planId, periodKey, query, signal),
  });
}

export function useGetPeriodCommunes(
  planId: string,
  periodKey: string,
  query: PeriodCommunesQuery,
) {
  return useQuery({
    ...getPeriodCommunesQueryOptions(planId, periodKey, query),
    // The list stays on screen while the next page or search loads.
    placeholderData: keepPreviousData,
  });
}
