import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { components } from '@/api/schema';
import { formatDate } from '@/lib/format';
import { useLanguage } from '@/lib/i18n';
import {
  useGetServiceAccounts,
  type GetServiceAccountsParams,
} from '@/features/admin/api/get-service-accounts';
import { ActiveBadge, AdminPage } from '@/features/admin/components/admin-page';
import {
  nextSort,
  pageSize,
  readPage,
  readSort,
  sortParam,
  useUrlState,
  type Sort,
} from '@/features/admin/components/list-state';
import { SearchBox } from '@/features/admin/components/search-box';
import { LoadError } from '@/components/load-error';
import { Pagination } from '@/components/pagination';
import { SortableHeader } from '@/components/sortable-header';

type ServiceAccount = components['schemas']['ServiceAccount'];

const sortFields = ['clientId', 'name', 'updatedAt'] as const;
type SortField = (typeof sortFields)[number];

function readState(params: URLSearchParams) {
  return { q: params.get('q') ?? '', page: readPage(params), sort: readSort(params, sortFields) };
}

function toApiParams(state: ReturnType<typeof readState>): GetServiceAccountsParams {
  const params: GetServiceAccountsParams = { page: state.page - 1, size: pageSize };
  if (state.q.trim()) params.q = state.q.trim();
  const sort = sortParam(state.sort);
  if (sort) params.sort = sort;
  return params;
}

/** The province systems that read data over the API, each with the subtree it may read. */
export function ServiceAccountsList() {
  const { t } = useTranslation();
  const { params, update } = useUrlState();
  const state = readState(params);
  const accountsQuery = useGetServiceAccounts(toApiParams(state));
  const data = accountsQuery.data;

  return (
    <AdminPage
      title={t('admin.serviceAccounts.title')}
      actions={
        <Link to="/admin/service-accounts/new" className="button button-primary">
          {t('admin.serviceAccounts.add')}
        </Link>
      }
    >
      <p className="muted">{t('admin.serviceAccounts.intro')}</p>
      <div className="toolbar">
        <SearchBox
          label={t('admin.search')}
          placeholder={t('admin.serviceAccounts.searchPlaceholder')}
          value={state.q}
          onSearch={(q) => update({ q, page: null }, { replace: true })}
        />
      </div>
      <div className="progress-slot">
        {accountsQuery.isFetching && (
          <progress className="progress" aria-label={t('admin.serviceAccounts.loading')} />
        )}
      </div>
      {accountsQuery.isPending && (
        <p role="status" className="notice">
          {t('admin.serviceAccounts.loading')}
        </p>
      )}
      {accountsQuery.isError && (
        <LoadError
          title={t('admin.serviceAccounts.loadError')}
          error={accountsQuery.error}
          onRetry={() => void accountsQuery.refetch()}
        />
      )}
      {data && !accountsQuery.isError && (
        <div aria-busy={accountsQuery.isFetching}>
          {data.items.length === 0 ? (
            <p role="status" className="notice">
              {state.q.trim()
                ? t('admin.serviceAccounts.emptyFiltered')
                : t('admin.serviceAccounts.empty')}
            </p>
          ) : (
            <AccountsTable
              items={data.items}
              sort={state.sort}
              onSort={(field) => update({ sort: nextSort(state.sort, field), page: null })}
            />
          )}
          {data.totalItems > 0 && (
            <Pagination
              page={data.page + 1}
              totalPages={data.totalPages}
              total={t('admin.serviceAccounts.total', { count: data.totalItems })}
              onPage={(page) => update({ page: page > 1 ? String(page) : null })}
            />
          )}
        </div>
      )}
    </AdminPage>
  );
}

function AccountsTable({
  items,
  sort,
  onSort,
}: {
  items: ServiceAccount[];
  sort?: Sort<SortField>;
  onSort: (field: SortField) => void;
}) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const columns = {
    clientId: t('admin.serviceAccounts.fields.clientId'),
    name: t('admin.serviceAccounts.columns.name'),
    unit: t('admin.serviceAccounts.fields.unit'),
    state: t('admin.columns.state'),
    lastUsedAt: t('admin.serviceAccounts.columns.lastUsedAt'),
    updatedAt: t('admin.columns.updatedAt'),
  };
  const sortable = (field: SortField) => (
    <SortableHeader
      field={field}
      label={columns[field]}
      direction={sort?.field === field ? sort.direction : undefined}
      onSort={onSort}
    />
  );
  return (
    <table className="data-table">
      <caption className="visually-hidden">{t('admin.serviceAccounts.caption')}</caption>
      <thead>
        <tr>
          {sortable('clientId')}
          {sortable('name')}
          <th scope="col" className="not-sortable">
            {columns.unit}
          </th>
          <th scope="col" className="not-sortable">
            {columns.state}
          </th>
          <th scope="col" className="not-sortable">
            {columns.lastUsedAt}
          </th>
          {sortable('updatedAt')}
        </tr>
      </thead>
      <tbody>
        {items.map((account) => (
          <tr key={account.id}>
            <td data-label={columns.clientId}>
              <Link to={`/admin/service-accounts/${account.id}`}>{account.clientId}</Link>
            </td>
            <td data-label={columns.name} className="cell-title">
              <span>
                {account.name}
                {account.description && <span className="cell-note">{account.description}</span>}
              </span>
            </td>
            <td data-label={columns.unit}>{account.unit.name}</td>
            <td data-label={columns.state}>
              <ActiveBadge
                active={account.active}
                inactiveLabel={t('admin.serviceAccounts.revoked')}
              />
            </td>
            <td data-label={columns.lastUsedAt}>
              {account.lastUsedAt ? (
                formatDate(account.lastUsedAt, lang)
              ) : (
                <span className="muted">{t('admin.serviceAccounts.neverUsed')}</span>
              )}
            </td>
            <td data-label={columns.updatedAt}>{formatDate(account.updatedAt, lang)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
