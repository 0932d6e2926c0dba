import { useEffect, useRef } from 'react';
import { useSearchParams } from 'react-router';
import { withChanges } from '@/lib/search-params';

/**
 * List state (search, filters, page, sort) lives in the URL, so that a filtered, sorted page can be
 * bookmarked, shared and reached again with Back.
 */
export type Sort<F extends string> = { field: F; direction: 'asc' | 'desc' };

export const pageSize = 20;

/** Pages are 1-based in the URL because people read and type them; the API counts from 0. */
export function readPage(params: URLSearchParams): number {
  const page = Number.parseInt(params.get('page') ?? '', 10);
  return Number.isFinite(page) && page > 0 ? page : 1;
}

export function readSort<F extends string>(
  params: URLSearchParams,
  fields: readonly F[],
): Sort<F> | undefined {
  const [field, direction] = (params.get('sort') ?? '').split(',');
  const known = fields.find((f) => f === field);
  return known && (direction === 'asc' || direction === 'desc')
    ? { field: known, direction }
    : undefined;
}

/** One of a fixed set of values, or undefined for anything else the URL holds. */
export function readChoice<T extends string>(
  params: URLSearchParams,
  key: string,
  values: readonly T[],
): T | undefined {
  const value = params.get(key);
  return values.find((v) => v === value);
}

export function readBoolean(params: URLSearchParams, key: string): boolean | undefined {
  const value = params.get(key);
  return value === 'true' ? true : value === 'false' ? false : undefined;
}

export function sortParam<F extends string>(sort: Sort<F> | undefined): string | undefined {
  return sort ? `${sort.field},${sort.direction}` : undefined;
}

/** Ascending first; the same column again turns the direction. */
export function nextSort<F extends string>(current: Sort<F> | undefined, field: F): string {
  const direction = current?.field === field && current.direction === 'asc' ? 'desc' : 'asc';
  return `${field},${direction}`;
}

/** The URL's query and a way to change some of its keys (a null or empty value removes the key). */
export function useUrlState() {
  const [params, setParams] = useSearchParams();
  // The router hands a functional update the query of the last render, so two changes made before the
  // next render (a search finishing as a column is sorted) would lose one; each builds on the last instead.
  const latest = useRef(params);
  useEffect(() => {
    latest.current = params;
  }, [params]);

  function update(changes: Record<string, string | null | undefined>, { replace = false } = {}) {
    const next = withChanges(latest.current, changes);
    latest.current = next;
    setParams(next, { replace });
  }
  return { params, update };
}
