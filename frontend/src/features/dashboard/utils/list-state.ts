import { useSearchParams } from 'react-router';
import { withChanges } from '@/lib/search-params';

export type SortDirection = 'asc' | 'desc';
export type Sort<F extends string> = { field: F; direction: SortDirection };

/**
 * One list on the dashboard. Its filters, sort and page live in the URL under the list's own prefix
 * (`ind.status`, `ind.sort`, `ind.page`), so that several lists on one page can be linked as shown.
 */
export type ListSpec<Filter extends string, Field extends string> = {
  prefix: string;
  filters: readonly Filter[];
  sortFields: readonly Field[];
  defaultSort: Sort<Field>;
  pageSize: number;
};

export type ListState<Filter extends string, Field extends string> = {
  filters: Record<Filter, string>;
  sort: Sort<Field>;
  /** 1-based, as people read it. */
  page: number;
};

export function listParam(prefix: string, name: string): string {
  return `${prefix}.${name}`;
}

export function readListState<Filter extends string, Field extends string>(
  params: URLSearchParams,
  spec: ListSpec<Filter, Field>,
): ListState<Filter, Field> {
  const filters = Object.fromEntries(
    spec.filters.map((name) => [name, params.get(listParam(spec.prefix, name)) ?? '']),
  ) as Record<Filter, string>;
  const [field, direction] = (params.get(listParam(spec.prefix, 'sort')) ?? '').split(',');
  const sortField = spec.sortFields.find((f) => f === field);
  const page = Number.parseInt(params.get(listParam(spec.prefix, 'page')) ?? '', 10);
  return {
    filters,
    sort:
      sortField && (direction === 'asc' || direction === 'desc')
        ? { field: sortField, direction }
        : spec.defaultSort,
    page: Number.isFinite(page) && page > 0 ? page : 1,
  };
}

/** Back to the first page of every list: what is listed has changed. */
export function withoutPages(current: URLSearchParams): URLSearchParams {
  const next = new URLSearchParams(current);
  for (const key of [...next.keys()]) {
    if (key.endsWith('.page')) next.delete(key);
  }
  return next;
}

export function useListState<Filter extends string, Field extends string>(
  spec: ListSpec<Filter, Field>,
) {
  const [params, setParams] = useSearchParams();
  const state = readListState(params, spec);
  const param = (name: string) => listParam(spec.prefix, name);

  return {
    state,
    /** A new filter value starts the list again from its first page. */
    setFilter: (name: Filter, value: string, { replace = false } = {}) => {
      setParams(
        (current) => withChanges(current, { [param(name)]: value, [param('page')]: null }),
        {
          replace,
        },
      );
    },
    sortBy: (field: Field) => {
      const direction =
        state.sort.field === field && state.sort.direction === 'asc' ? 'desc' : 'asc';
      const isDefault =
        field === spec.defaultSort.field && direction === spec.defaultSort.direction;
      setParams((current) =>
        withChanges(current, {
          [param('sort')]: isDefault ? null : `${field},${direction}`,
          [param('page')]: null,
        }),
      );
    },
    setPage: (page: number) => {
      setParams((current) =>
        withChanges(current, { [param('page')]: page > 1 ? String(page) : null }),
      );
    },
    /** The sort direction of a column, for its header. */
    directionOf: (field: Field): SortDirection | undefined => {
      return state.sort.field === field ? state.sort.direction : undefined;
    },
  };
}

/** Sorted by `compare` in the chosen direction; ties keep the order the API gave. */
export function sortItems<T>(
  items: readonly T[],
  compare: (a: T, b: T) => number,
  direction: SortDirection,
): T[] {
  const sign = direction === 'asc' ? 1 : -1;
  return items
    .map((item, index) => ({ item, index }))
    .sort((a, b) => sign * compare(a.item, b.item) || a.index - b.index)
    .map(({ item }) => item);
}

export type PageOf<T> = { items: T[]; page: number; totalPages: number; total: number };

/** One page of a list held in full; a page past the end shows the last one. */
export function pageOf<T>(items: readonly T[], page: number, size: number): PageOf<T> {
  const totalPages = Math.max(1, Math.ceil(items.length / size));
  const current = Math.min(Math.max(page, 1), totalPages);
  return {
    items: items.slice((current - 1) * size, current * size),
    page: current,
    totalPages,
    total: items.length,
  };
}
