import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadError } from '@/components/load-error';
import { Pagination } from '@/components/pagination';
import { SortableHeader } from '@/components/sortable-header';
import type { Sort } from '@/features/admin/components/list-state';

type ListPage<T> = { items: T[]; totalItems: number; page: number; totalPages: number };

/** The administration lists: each has its texts under this key (loading, loadError, empty, emptyFiltered, total). */
export type ListTexts = 'admin.units' | 'admin.users' | 'admin.serviceAccounts';

/**
 * The results of a list page: a progress bar while a page loads, the first load, a load error, "none", and
 * the items (the table `children` makes of them) with the pages below.
 */
export function ListResults<T>({
  query,
  texts,
  filtered,
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
  texts: ListTexts;
  /** Whether a filter or search narrows the list: "none match" rather than "none yet" when it is empty. */
  filtered: boolean;
  /** With the 1-based page chosen. */
  onPage: (page: number) => void;
  children: (items: T[]) => ReactNode;
}) {
  const { t } = useTranslation();
  const data = query.data;
  const loading = t(`${texts}.loading`);
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
        <LoadError
          title={t(`${texts}.loadError`)}
          error={query.error}
          onRetry={() => void query.refetch()}
        />
      )}
      {data && !query.isError && (
        <div aria-busy={query.isFetching}>
          {data.items.length === 0 ? (
            <p role="status" className="notice">
              {filtered ? t(`${texts}.emptyFiltered`) : t(`${texts}.empty`)}
            </p>
          ) : (
            children(data.items)
          )}
          {data.totalItems > 0 && (
            <Pagination
              page={data.page + 1}
              totalPages={data.totalPages}
              total={t(`${texts}.total`, { count: data.totalItems })}
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
