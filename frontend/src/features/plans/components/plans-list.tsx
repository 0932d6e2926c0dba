import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useSearchParams } from 'react-router';
import type { components } from '@/api/schema';
import { formatDate } from '@/lib/format';
import { useLanguage } from '@/lib/i18n';
import { useGetMe } from '@/lib/me';
import { useGetPlans, type GetPlansParams } from '@/features/plans/api/get-plans';
import { Pagination } from '@/components/pagination';
import { SortableHeader } from '@/components/sortable-header';
import { LoadError } from '@/components/load-error';
import { SearchBox } from '@/components/search-box';
import { mayCreatePlans } from '@/features/plans/utils/actions';
import '@/features/plans/components/plans.css';
import { withChanges } from '@/lib/search-params';

type PlanStatus = components['schemas']['PlanStatus'];
type PlanSummary = components['schemas']['PlanSummary'];

const planStatuses = ['DRAFT', 'ISSUED', 'CLOSED'] as const satisfies readonly PlanStatus[];
const sortFields = ['title', 'startYear', 'status', 'issueDate'] as const;
type SortField = (typeof sortFields)[number];
type Sort = { field: SortField; direction: 'asc' | 'desc' };

const pageSize = 20;

/** The list state lives in the URL so that a filtered, sorted page can be bookmarked and shared. */
type ListState = { q: string; status?: PlanStatus; page: number; sort?: Sort };

function readListState(params: URLSearchParams): ListState {
  const status = params.get('status');
  // Pages are 1-based in the URL because people read and type them; the API counts from 0.
  const page = Number.parseInt(params.get('page') ?? '', 10);
  const [field, direction] = (params.get('sort') ?? '').split(',');
  return {
    q: params.get('q') ?? '',
    status: planStatuses.find((s) => s === status),
    page: Number.isFinite(page) && page > 0 ? page : 1,
    sort:
      sortFields.some((f) => f === field) && (direction === 'asc' || direction === 'desc')
        ? { field: field as SortField, direction }
        : undefined,
  };
}

function toApiParams(state: ListState): GetPlansParams {
  const params: GetPlansParams = { page: state.page - 1, size: pageSize };
  const q = state.q.trim();
  if (q) params.q = q;
  if (state.status) params.status = state.status;
  if (state.sort) params.sort = `${state.sort.field},${state.sort.direction}`;
  return params;
}

function readDeletedTitle(state: unknown): string | null {
  if (typeof state !== 'object' || state === null || !('deletedPlan' in state)) return null;
  return typeof state.deletedPlan === 'string' ? state.deletedPlan : null;
}

function formatYears(plan: PlanSummary): string {
  return plan.startYear === plan.endYear
    ? String(plan.startYear)
    : `${plan.startYear}–${plan.endYear}`;
}

export function PlansList() {
  const { t } = useTranslation();
  const [searchParams, setSearchParams] = useSearchParams();
  const state = readListState(searchParams);
  const plansQuery = useGetPlans(toApiParams(state));
  const me = useGetMe();
  // Set by the plan document after deleting a draft.
  const deleted = readDeletedTitle(useLocation().state);

  function update(changes: Record<string, string | null>, { replace = false } = {}) {
    setSearchParams((current) => withChanges(current, changes), { replace });
  }

  function sortBy(field: SortField) {
    const direction =
      state.sort?.field === field && state.sort.direction === 'asc' ? 'desc' : 'asc';
    update({ sort: `${field},${direction}`, page: null });
  }

  const data = plansQuery.data;
  const filtered = state.q.trim() !== '' || state.status !== undefined;

  return (
    <section className="page" aria-labelledby="plans-heading">
      <title>{t('app.documentTitle', { page: t('plans.title') })}</title>
      <div className="plan-heading-row">
        <h1 id="plans-heading">{t('plans.title')}</h1>
        {mayCreatePlans(me.data) && (
          <div className="plan-actions plan-list-actions">
            <Link to="/plans/new" className="button button-primary">
              {t('plan.actions.create')}
            </Link>
            <Link to="/plans/intake" className="button">
              {t('plan.intake.entry')}
            </Link>
          </div>
        )}
      </div>

      {deleted && (
        <p role="status" className="notice notice-success">
          {t('plan.delete.done', { title: deleted })}
        </p>
      )}

      <div className="toolbar">
        <SearchBox
          label={t('plans.searchLabel')}
          placeholder={t('plans.searchPlaceholder')}
          value={state.q}
          // Typing replaces the history entry so Back leaves the page instead of replaying keystrokes.
          onSearch={(q) => update({ q, page: null }, { replace: true })}
        />
        <StatusFilter
          value={state.status}
          onChange={(status) => update({ status: status ?? null, page: null })}
        />
      </div>

      <div className="progress-slot">
        {plansQuery.isFetching && <progress className="progress" aria-label={t('plans.loading')} />}
      </div>

      {plansQuery.isPending && (
        <p role="status" className="notice">
          {t('plans.loading')}
        </p>
      )}

      {plansQuery.isError && (
        <LoadError
          title={t('plans.errorTitle')}
          error={plansQuery.error}
          onRetry={() => void plansQuery.refetch()}
        />
      )}

      {data && !plansQuery.isError && (
        <div aria-busy={plansQuery.isFetching}>
          {data.items.length === 0 ? (
            <p role="status" className="notice">
              {filtered ? t('plans.emptyFiltered') : t('plans.empty')}
            </p>
          ) : (
            <PlansTable items={data.items} sort={state.sort} onSort={sortBy} />
          )}
          {data.totalItems > 0 && (
            <Pagination
              page={data.page + 1}
              totalPages={data.totalPages}
              total={t('plans.pagination.total', { count: data.totalItems })}
              onPage={(page) => update({ page: page > 1 ? String(page) : null })}
            />
          )}
        </div>
      )}
    </section>
  );
}

function StatusFilter({
  value,
  onChange,
}: {
  value?: PlanStatus;
  onChange: (status: PlanStatus | undefined) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{t('plans.statusFilter')}</label>
      <select
        id={id}
        value={value ?? ''}
        onChange={(event) => onChange(planStatuses.find((s) => s === event.target.value))}
      >
        <option value="">{t('plans.allStatuses')}</option>
        {planStatuses.map((status) => (
          <option key={status} value={status}>
            {t(`plans.status.${status}`)}
          </option>
        ))}
      </select>
    </div>
  );
}

function PlansTable({
  items,
  sort,
  onSort,
}: {
  items: PlanSummary[];
  sort?: Sort;
  onSort: (field: SortField) => void;
}) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const columns = {
    documentNumber: t('plans.columns.documentNumber'),
    title: t('plans.columns.title'),
    issuingUnit: t('plans.columns.issuingUnit'),
    years: t('plans.columns.years'),
    status: t('plans.columns.status'),
    issueDate: t('plans.columns.issueDate'),
  };
  const sortable = (field: SortField, label: string) => (
    <SortableHeader
      field={field}
      label={label}
      direction={sort?.field === field ? sort.direction : undefined}
      onSort={onSort}
    />
  );

  return (
    <table className="data-table">
      <caption className="visually-hidden">{t('plans.caption')}</caption>
      <thead>
        <tr>
          <th scope="col" className="not-sortable">
            {columns.documentNumber}
          </th>
          {sortable('title', columns.title)}
          <th scope="col" className="not-sortable">
            {columns.issuingUnit}
          </th>
          {sortable('startYear', columns.years)}
          {sortable('status', columns.status)}
          {sortable('issueDate', columns.issueDate)}
        </tr>
      </thead>
      <tbody>
        {items.map((plan) => (
          <tr key={plan.id}>
            <td data-label={columns.documentNumber}>
              {plan.documentNumber ?? <span className="muted">{t('plans.noDocumentNumber')}</span>}
            </td>
            <td data-label={columns.title} className="cell-title">
              <Link to={`/plans/${plan.id}`}>{plan.title}</Link>
            </td>
            <td data-label={columns.issuingUnit}>{plan.issuingUnit.name}</td>
            <td data-label={columns.years}>{formatYears(plan)}</td>
            <td data-label={columns.status}>
              <span className={`status status-${plan.status.toLowerCase()}`}>
                {t(`plans.status.${plan.status}`)}
              </span>
            </td>
            <td data-label={columns.issueDate}>
              {plan.issueDate ? formatDate(plan.issueDate, lang) : <span className="muted">—</span>}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
