import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { components } from '@/api/schema';
import { formatDate } from '@/lib/format';
import { useLanguage } from '@/lib/i18n';
import { useGetOrgUnit, useGetOrgUnits, type GetOrgUnitsParams } from '@/lib/org-units';
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
import { ActiveFilter, columnHeaders, ListResults } from '@/features/admin/components/list-results';
import { SearchBox } from '@/components/search-box';
import { orgUnitKinds } from '@/features/admin/components/unit-kinds';
import { UnitPicker } from '@/features/admin/components/unit-picker';

type OrgUnit = components['schemas']['OrgUnit'];

const sortFields = ['code', 'name', 'kind', 'path', 'updatedAt'] as const;
type SortField = (typeof sortFields)[number];
const scopeModes = ['children', 'subtree'] as const;

/**
 * Organisation units: search (diacritics optional), kind and state filters, and a place in the tree
 * (a unit's direct children or its whole subtree). Everything is in the URL.
 */
function readState(params: URLSearchParams) {
  const parentId = params.get('parentId');
  const withinId = params.get('withinId');
  return {
    q: params.get('q') ?? '',
    kind: readChoice(params, 'kind', orgUnitKinds),
    active: readBoolean(params, 'active'),
    // One place in the tree at a time: direct children of a unit, or its whole subtree.
    unitId: parentId ?? withinId,
    scope: parentId ? ('children' as const) : ('subtree' as const),
    page: readPage(params),
    sort: readSort(params, sortFields),
  };
}
type State = ReturnType<typeof readState>;

function toApiParams(state: State): GetOrgUnitsParams {
  const params: GetOrgUnitsParams = { page: state.page - 1, size: pageSize };
  if (state.q.trim()) params.q = state.q.trim();
  if (state.kind) params.kind = state.kind;
  if (state.active !== undefined) params.active = state.active;
  if (state.unitId && state.scope === 'children') params.parentId = state.unitId;
  if (state.unitId && state.scope === 'subtree') params.withinId = state.unitId;
  const sort = sortParam(state.sort);
  if (sort) params.sort = sort;
  return params;
}

export function UnitsList() {
  const { t } = useTranslation();
  const id = useId();
  const { params, update } = useUrlState();
  const state = readState(params);
  const unitsQuery = useGetOrgUnits(toApiParams(state));
  const place = useGetOrgUnit(state.unitId);
  const filtered =
    state.q.trim() !== '' || !!state.kind || state.active !== undefined || !!state.unitId;

  function setPlace(unitId: string | null, scope: (typeof scopeModes)[number]) {
    update({
      parentId: scope === 'children' ? unitId : null,
      withinId: scope === 'subtree' ? unitId : null,
      page: null,
    });
  }

  const addLink =
    state.unitId && state.scope === 'children'
      ? `/admin/units/new?parentId=${encodeURIComponent(state.unitId)}`
      : '/admin/units/new';

  return (
    <AdminPage
      title={t('admin.units.title')}
      actions={
        <Link to={addLink} className="button button-primary">
          {t('admin.units.add')}
        </Link>
      }
    >
      {place.data && (
        <nav aria-label={t('admin.units.treePath')} className="tree-path">
          <ol>
            {[...place.data.ancestors, place.data].map((unit) => (
              <li key={unit.id}>
                <Link to={`/admin/units?parentId=${encodeURIComponent(unit.id)}`}>{unit.name}</Link>
              </li>
            ))}
          </ol>
        </nav>
      )}

      <div className="toolbar">
        <SearchBox
          label={t('admin.search')}
          placeholder={t('admin.units.searchPlaceholder')}
          value={state.q}
          onSearch={(q) => update({ q, page: null }, { replace: true })}
        />
        <div className="field">
          <label htmlFor={`${id}-kind`}>{t('admin.units.fields.kind')}</label>
          <select
            id={`${id}-kind`}
            value={state.kind ?? ''}
            onChange={(event) => update({ kind: event.target.value, page: null })}
          >
            <option value="">{t('admin.allKinds')}</option>
            {orgUnitKinds.map((kind) => (
              <option key={kind} value={kind}>
                {t(`admin.kinds.${kind}`)}
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

      <details className="filter-more" open={Boolean(state.unitId)}>
        <summary>{t('admin.units.placeFilter')}</summary>
        <div className="toolbar">
          <UnitPicker
            id={`${id}-place`}
            label={t('admin.units.place')}
            value={place.data ?? null}
            emptyLabel={t('admin.units.anywhere')}
            onChange={(unit) => setPlace(unit?.id ?? null, state.scope)}
          />
          <fieldset className="choice-group">
            <legend>{t('admin.units.scope')}</legend>
            <div className="choices">
              {scopeModes.map((mode) => (
                <label className="choice" key={mode}>
                  <input
                    type="radio"
                    name={`${id}-scope`}
                    value={mode}
                    checked={state.scope === mode}
                    onChange={() => setPlace(state.unitId, mode)}
                  />
                  {t(`admin.units.scopes.${mode}`)}
                </label>
              ))}
            </div>
          </fieldset>
        </div>
      </details>

      <ListResults
        query={unitsQuery}
        texts="admin.units"
        filtered={filtered}
        onPage={(page) => update({ page: page > 1 ? String(page) : null })}
      >
        {(items) => (
          <UnitsTable
            items={items}
            sort={state.sort}
            onSort={(field) => update({ sort: nextSort(state.sort, field), page: null })}
          />
        )}
      </ListResults>
    </AdminPage>
  );
}

function UnitsTable({
  items,
  sort,
  onSort,
}: {
  items: OrgUnit[];
  sort?: Sort<SortField>;
  onSort: (field: SortField) => void;
}) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const columns = {
    code: t('admin.units.columns.code'),
    name: t('admin.units.columns.name'),
    kind: t('admin.units.columns.kind'),
    path: t('admin.units.columns.parent'),
    state: t('admin.columns.state'),
    updatedAt: t('admin.columns.updatedAt'),
    actions: t('admin.columns.actions'),
  };
  const { sortable, plain } = columnHeaders<SortField>(columns, sort, onSort);
  return (
    <table className="data-table">
      <caption className="visually-hidden">{t('admin.units.caption')}</caption>
      <thead>
        <tr>
          {sortable('code')}
          {sortable('name')}
          {sortable('kind')}
          {sortable('path')}
          {plain(columns.state)}
          {sortable('updatedAt')}
          {plain(columns.actions)}
        </tr>
      </thead>
      <tbody>
        {items.map((unit) => (
          <tr key={unit.id}>
            <td data-label={columns.code}>
              <code>{unit.code}</code>
            </td>
            <td data-label={columns.name} className="cell-title">
              {/* One box, so that the phone layout keeps the short name beside its label. */}
              <span>
                <Link to={`/admin/units/${unit.id}`}>{unit.name}</Link>
                {unit.shortName && <span className="cell-note">{unit.shortName}</span>}
              </span>
            </td>
            <td data-label={columns.kind}>{t(`admin.kinds.${unit.kind}`)}</td>
            <td data-label={columns.path}>
              {unit.parent ? (
                unit.ancestors.map((ancestor) => ancestor.name).join(' › ')
              ) : (
                <span className="muted">{t('admin.units.topLevel')}</span>
              )}
            </td>
            <td data-label={columns.state}>
              <ActiveBadge active={unit.active} />
            </td>
            <td data-label={columns.updatedAt}>{formatDate(unit.updatedAt, lang)}</td>
            <td data-label={columns.actions}>
              <Link
                to={`/admin/units?parentId=${encodeURIComponent(unit.id)}`}
                aria-label={t('admin.units.childrenOf', { name: unit.name })}
              >
                {t('admin.units.children')}
              </Link>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
