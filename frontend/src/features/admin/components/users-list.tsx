import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { components } from '@/api/schema';
import { formatDate } from '@/lib/format';
import { useLanguage } from '@/lib/i18n';
import { useGetOrgUnit } from '@/lib/org-units';
import { useGetUsers, type GetUsersParams } from '@/features/admin/api/get-users';
import { ActiveBadge, AdminPage } from '@/features/admin/components/admin-page';
import {
  nextSort,
  pageSize,
  readBoolean,
  readChoice,
  readPage,
  readSort,
  sortParam,
  useUrlState,
  type Sort,
} from '@/features/admin/components/list-state';
import { personRoles } from '@/features/admin/components/roles';
import { ActiveFilter, columnHeaders, ListResults } from '@/features/admin/components/list-results';
import { SearchBox } from '@/components/search-box';
import { UnitPicker } from '@/features/admin/components/unit-picker';

type User = components['schemas']['User'];

const sortFields = ['username', 'fullName', 'lastSignInAt', 'updatedAt'] as const;
type SortField = (typeof sortFields)[number];

function readState(params: URLSearchParams) {
  return {
    q: params.get('q') ?? '',
    role: readChoice(params, 'role', personRoles),
    active: readBoolean(params, 'active'),
    withinUnitId: params.get('withinUnitId'),
    page: readPage(params),
    sort: readSort(params, sortFields),
  };
}
type State = ReturnType<typeof readState>;

function toApiParams(state: State): GetUsersParams {
  const params: GetUsersParams = { page: state.page - 1, size: pageSize };
  if (state.q.trim()) params.q = state.q.trim();
  if (state.role) params.role = state.role;
  if (state.active !== undefined) params.active = state.active;
  if (state.withinUnitId) params.withinUnitId = state.withinUnitId;
  const sort = sortParam(state.sort);
  if (sort) params.sort = sort;
  return params;
}

/** The accounts of people the signed-in coordinator manages (administrators: all). */
export function UsersList() {
  const { t } = useTranslation();
  const id = useId();
  const { params, update } = useUrlState();
  const state = readState(params);
  const usersQuery = useGetUsers(toApiParams(state));
  const unit = useGetOrgUnit(state.withinUnitId);
  const filtered =
    state.q.trim() !== '' || !!state.role || state.active !== undefined || !!state.withinUnitId;

  return (
    <AdminPage
      title={t('admin.users.title')}
      actions={
        <Link to="/admin/users/new" className="button button-primary">
          {t('admin.users.add')}
        </Link>
      }
    >
      <div className="toolbar">
        <SearchBox
          label={t('admin.search')}
          placeholder={t('admin.users.searchPlaceholder')}
          value={state.q}
          onSearch={(q) => update({ q, page: null }, { replace: true })}
        />
        <div className="field">
          <label htmlFor={`${id}-role`}>{t('admin.roles.label')}</label>
          <select
            id={`${id}-role`}
            value={state.role ?? ''}
            onChange={(event) => update({ role: event.target.value, page: null })}
          >
            <option value="">{t('admin.users.allRoles')}</option>
            {personRoles.map((role) => (
              <option key={role} value={role}>
                {t(`auth.roles.${role}`)}
              </option>
            ))}
          </select>
        </div>
        <ActiveFilter
          id={`${id}-active`}
          value={state.active}
          onChange={(active) => update({ active, page: null })}
        />
      </div>
      <details className="filter-more" open={Boolean(state.withinUnitId)}>
        <summary>{t('admin.users.unitFilter')}</summary>
        <div className="toolbar">
          <UnitPicker
            id={`${id}-unit`}
            label={t('admin.users.unit')}
            value={unit.data ?? null}
            emptyLabel={t('admin.users.anyUnit')}
            onChange={(picked) => update({ withinUnitId: picked?.id ?? null, page: null })}
          />
        </div>
      </details>

      <ListResults
        query={usersQuery}
        texts="admin.users"
        filtered={filtered}
        onPage={(page) => update({ page: page > 1 ? String(page) : null })}
      >
        {(items) => (
          <UsersTable
            items={items}
            sort={state.sort}
            onSort={(field) => update({ sort: nextSort(state.sort, field), page: null })}
          />
        )}
      </ListResults>
    </AdminPage>
  );
}

function UsersTable({
  items,
  sort,
  onSort,
}: {
  items: User[];
  sort?: Sort<SortField>;
  onSort: (field: SortField) => void;
}) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const columns = {
    username: t('admin.users.fields.username'),
    fullName: t('admin.users.fields.fullName'),
    unit: t('admin.users.columns.unit'),
    roles: t('admin.users.columns.roles'),
    state: t('admin.columns.state'),
    lastSignInAt: t('admin.users.columns.lastSignInAt'),
    updatedAt: t('admin.columns.updatedAt'),
  };
  const { sortable, plain } = columnHeaders<SortField>(columns, sort, onSort);
  return (
    <table className="data-table">
      <caption className="visually-hidden">{t('admin.users.caption')}</caption>
      <thead>
        <tr>
          {sortable('username')}
          {sortable('fullName')}
          {plain(columns.unit)}
          {plain(columns.roles)}
          {plain(columns.state)}
          {sortable('lastSignInAt')}
          {sortable('updatedAt')}
        </tr>
      </thead>
      <tbody>
        {items.map((user) => (
          <tr key={user.id}>
            <td data-label={columns.username}>
              <Link to={`/admin/users/${user.id}`}>{user.username}</Link>
            </td>
            <td data-label={columns.fullName} className="cell-title">
              {user.fullName}
            </td>
            <td data-label={columns.unit}>{user.unit.name}</td>
            <td data-label={columns.roles}>
              {user.roles.map((role) => t(`auth.roles.${role}`)).join(', ')}
            </td>
            <td data-label={columns.state}>
              <ActiveBadge active={user.active} />
              {user.lockedUntil && (
                <span className="status status-locked">{t('admin.users.locked')}</span>
              )}
            </td>
            <td data-label={columns.lastSignInAt}>
              {user.lastSignInAt ? (
                formatDate(user.lastSignInAt, lang)
              ) : (
                <span className="muted">{t('admin.users.neverSignedIn')}</span>
              )}
            </td>
            <td data-label={columns.updatedAt}>{formatDate(user.updatedAt, lang)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
