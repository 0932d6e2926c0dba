import { useQueries } from '@tanstack/react-query';
import { getOrgUnitQueryOptions } from '@/lib/org-units';

/** Several units at once, e.g. the ancestors of one, to learn their kinds. */
export function useGetOrgUnitList(ids: readonly string[]) {
  return useQueries({ queries: ids.map((id) => getOrgUnitQueryOptions(id)) });
}
