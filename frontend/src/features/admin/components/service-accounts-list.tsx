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
import { columnHeaders, ListResults } from '@/features/admin/components/list-results';
import { SearchBox } from '@/components/search-box';

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
      <ListResults
        query={accountsQuery}
        texts="admin.serviceAccounts"
        filtered={state.q.trim() !== ''}
        onPage={(page) => update({ page: page > 1 ? String(page) : null })}
      >
        {(items) => (
          <AccountsTable
            items={items}
            sort={state.sort}
            onSort={(field) => update({ sort: nextSort(state.sort, field), page: null })}
          />
        )}
      </ListResults>
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
  const { sortable, plain } = columnHeaders<SortField>(columns, sort, onSort);
  return (
    <table className="data-table">
      <caption className="visually-hidden">{t('admin.serviceAccounts.caption')}</caption>
      <thead>
        <tr>
          {sortable('clientId')}
          {sortable('name')}
          {plain(columns.unit)}
          {plain(columns.state)}
          {plain(columns.lastUsedAt)}
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
