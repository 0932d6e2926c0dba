import { queryOptions, useQuery } from '@tanstack/react-query';
import type { components } from '@/api/schema';
import { apiClient, unwrap } from '@/lib/api-client';

type OrgUnitView = components['schemas']['OrgUnit'];

const communeKinds = ['COMMUNE', 'WARD'] as const;

/** The communes and wards of a province (about 95 in Đồng Nai), by name, to pick one to look at. */
export async function getCommunes(
  provinceId: string,
  signal?: AbortSignal,
): Promise<OrgUnitView[]> {
  const pages = await Promise.all(
    communeKinds.map((kind) =>
      unwrap(
        apiClient.GET('/api/v1/org-units', {
          params: {
            query: { withinId: provinceId, kind, active: true, size: 200, sort: 'name,asc' },
          },
          signal,
        }),
      ),
    ),
  );
  return pages.flatMap((page) => page.items).sort((a, b) => a.name.localeCompare(b.name, 'vi'));
}

export function getCommunesQueryOptions(provinceId: string) {
  return queryOptions({
    queryKey: ['org-units', { withinId: provinceId, kinds: communeKinds }],
    queryFn: ({ signal }) => getCommunes(provinceId, signal),
  });
}

export function useGetCommunes(provinceId: string | undefined) {
  return useQuery({ ...getCommunesQueryOptions(provinceId ?? ''), enabled: Boolean(provinceId) });
}
