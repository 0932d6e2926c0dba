import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadError } from '@/components/load-error';
import { Pagination } from '@/components/pagination';
import { SortableHeader } from '@/components/sortable-header';
import type { Sort } from '@/features/admin/components/list-state';

type ListPage<T> = { items: T[]; totalItems: number; page: number; totalPages: number };

/**
 * The results of a list page: a progress bar while a page loads, the first load, a load error, "none", and
 * the items (the table `children` makes of them) with the pages below.
 */
export function ListResults<T>({
  query,
  loading,
  loadError,
  empty,
  total,
  onPage,
  children,
}: {
  query: {
    data?: ListPage<T>;
    isFetching: boolean;
    isPending: boolean;
    isError: boolean;
    error: unknown;
    refetch: () => unknown;
  };
  loading: string;
  loadError: string;
  /** Said when the page has no items. */
  empty: string;
  /** How many items there are in all, in words. */
  total: (count: number) => string;
  /** With the 1-based page chosen. */
  onPage: (page: number) => void;
  children: (items: T[]) => ReactNode;
}) {
  const data = query.data;
  return (
    <>
      <div className="progress-slot">
        {query.isFetching && <progress className="progress" aria-label={loading} />}
      </div>
      {query.isPending && (
        <p role="status" className="notice">
          {loading}
        </p>
      )}
      {query.isError && (
        <LoadError title={loadError} error={query.error} onRetry={() => void query.refetch()} />
      )}
      {data && !query.isError && (
        <div aria-busy={query.isFetching}>
          {data.items.length === 0 ? (
            <p role="status" className="notice">
              {empty}
            </p>
          ) : (
            children(data.items)
          )}
          {data.totalItems > 0 && (
            <Pagination
              page={data.page + 1}
              totalPages={data.totalPages}
              total={total(data.totalItems)}
              onPage={onPage}
            />
          )}
        </div>
      )}
    </>
  );
}

/** The filter on whether the listed records are in use. */
export function ActiveFilter({
  id,
  value,
  onChange,
}: {
  id: string;
  value: boolean | undefined;
  /** With `'true'`, `'false'` or `''` for any. */
  onChange: (value: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="field">
      <label htmlFor={id}>{t('admin.stateFilter')}</label>
      <select
        id={id}
        value={value === undefined ? '' : String(value)}
        onChange={(event) => onChange(event.target.value)}
      >
        <option value="">{t('admin.allStates')}</option>
        <option value="true">{t('admin.active')}</option>
        <option value="false">{t('admin.inactive')}</option>
      </select>
    </div>
  );
}

/**
 * The header cells of a table's columns, named in `columns`: a sortable one says how the list is sorted and
 * sorts it when pressed.
 */
export function columnHeaders<F extends string>(
  columns: NoInfer<Record<F, string>>,
  sort: Sort<F> | undefined,
  onSort: (field: F) => void,
) {
  return {
    sortable: (field: F) => (
      <SortableHeader
        field={field}
        label={columns[field]}
        direction={sort?.field === field ? sort.direction : undefined}
        onSort={onSort}
      />
    ),
    plain: (label: string) => (
      <th scope="col" className="not-sortable">
        {label}
      </th>
    ),
  };
}
