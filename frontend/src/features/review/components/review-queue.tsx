import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useSearchParams } from 'react-router';
import type { components } from '@/api/schema';
import { readableError } from '@/lib/api-client';
import { useLanguage } from '@/lib/i18n';
import { useGetOrgUnits } from '@/lib/org-units';
import { useGetReviewQueue } from '@/features/review/api/get-review-queue';
import {
  queueRoles,
  queueStates,
  readQueueState,
  toQueueApiParams,
  type QueueSort,
  type QueueSortField,
  type QueueState,
} from '@/features/review/components/queue-state';
import { withChanges } from '@/lib/search-params';
import {
  formatDateTime,
  formatReportResult,
  formatTiming,
} from '@/features/review/components/review-format';
import { periodLabel } from '@/lib/periods';
import {
  ReviewScopePicker,
  ReviewTabs,
  useReviewScope,
} from '@/features/review/components/review-scope';
import { readReviewNavigation, StateBadge } from '@/features/review/components/review-shared';
import { Pagination } from '@/components/pagination';
import { SortableHeader } from '@/components/sortable-header';
import { LoadError } from '@/components/load-error';

type Report = components['schemas']['Report'];

/** The coordinator's queue: the reports of a plan's period, by default those waiting for review. */
export function ReviewQueue() {
  const { t } = useTranslation();
  const [searchParams, setSearchParams] = useSearchParams();
  const location = useLocation();
  const arrival = readReviewNavigation(location.state);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const scope = useReviewScope();
  const state = readQueueState(searchParams);
  const ready = Boolean(scope.planId && scope.periodKey);
  const queueQuery = useGetReviewQueue(
    toQueueApiParams(state, { planId: scope.planId ?? '', periodKey: scope.periodKey ?? '' }),
    { enabled: ready },
  );

  useEffect(() => {
    // Back from the last report of the page: keyboard and screen-reader users start here.
    if (arrival.focus) headingRef.current?.focus();
  }, [arrival.focus]);

  function update(changes: Record<string, string | null>) {
    setSearchParams((current) => withChanges(current, changes));
  }

  function sortBy(field: QueueSortField) {
    const direction = state.sort.field === field && state.sort.direction === 'asc' ? 'desc' : 'asc';
    update({ sort: `${field},${direction}`, page: null });
  }

  const data = queueQuery.data;
  const filtered = Boolean(state.unit || state.role);
  const stateWord = t(`review.state.${state.state}`);

  return (
    <section className="page review" aria-labelledby="review-heading">
      <title>{t('app.documentTitle', { page: t('review.title') })}</title>
      <h1 id="review-heading" ref={headingRef} tabIndex={-1}>
        {t('review.title')}
      </h1>
      <ReviewTabs current="queue" />

      {arrival.message && (
        <p role="status" className="notice notice-success">
          {arrival.message}
        </p>
      )}

      <ReviewScopePicker scope={scope} />

      {ready && (
        <>
          <QueueFilters state={state} issuingUnitId={scope.plan?.issuingUnit.id} update={update} />

          <h2>
            {t('review.queue.heading', {
              state: stateWord,
              period: periodLabel(scope.periodKey ?? '', t),
            })}
          </h2>

          <div className="progress-slot">
            {queueQuery.isFetching && (
              <progress className="progress" aria-label={t('review.queue.loading')} />
            )}
          </div>

          {queueQuery.isPending && (
            <p role="status" className="notice">
              {t('review.queue.loading')}
            </p>
          )}

          {queueQuery.isError && (
            <LoadError
              title={t('review.queue.errorTitle')}
              error={queueQuery.error}
              onRetry={() => void queueQuery.refetch()}
            />
          )}

          {data && !queueQuery.isError && (
            <div aria-busy={queueQuery.isFetching}>
              {data.items.length === 0 ? (
                <p role="status" className="notice">
                  {filtered
                    ? t('review.queue.emptyFiltered')
                    : t('review.queue.empty', { state: stateWord })}
                </p>
              ) : (
                <QueueTable
                  items={data.items}
                  caption={t('review.queue.caption', { state: stateWord })}
                  sort={state.sort}
                  onSort={sortBy}
                  search={searchParams.toString()}
                />
              )}
              {data.totalItems > 0 && (
                <Pagination
                  page={data.page + 1}
                  totalPages={data.totalPages}
                  total={t('review.queue.pagination.total', { count: data.totalItems })}
                  onPage={(page) => update({ page: page > 1 ? String(page) : null })}
                />
              )}
            </div>
          )}
        </>
      )}
    </section>
  );
}

function QueueFilters({
  state,
  issuingUnitId,
  update,
}: {
  state: QueueState;
  issuingUnitId?: string;
  update: (changes: Record<string, string | null>) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const unitsQuery = useGetOrgUnits(
    { withinId: issuingUnitId, size: 200, sort: 'path,asc' },
    { enabled: Boolean(issuingUnitId), keepPrevious: false },
  );
  const units = unitsQuery.data?.items ?? [];
  return (
    <div className="toolbar review-filters">
      <div className="field">
        <label htmlFor={`${id}-state`}>{t('review.queue.stateFilter')}</label>
        <select
          id={`${id}-state`}
          value={state.state}
          onChange={(event) =>
            update({
              state: event.target.value === 'SUBMITTED' ? null : event.target.value,
              page: null,
            })
          }
        >
          {queueStates.map((s) => (
            <option key={s} value={s}>
              {t(`review.state.${s}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-unit`}>{t('review.queue.unitFilter')}</label>
        <select
          id={`${id}-unit`}
          value={state.unit ?? ''}
          aria-describedby={unitsQuery.isError ? `${id}-unit-error` : undefined}
          onChange={(event) => update({ unit: event.target.value || null, page: null })}
        >
          <option value="">{t('review.queue.allUnits')}</option>
          {state.unit && !units.some((u) => u.id === state.unit) && (
            <option value={state.unit}>{t('review.queue.chosenUnit')}</option>
          )}
          {units.map((unit) => (
            <option key={unit.id} value={unit.id}>
              {unit.name}
            </option>
          ))}
        </select>
        {unitsQuery.isError && (
          <p id={`${id}-unit-error`} className="field-error">
            {readableError(unitsQuery.error)}
          </p>
        )}
      </div>
      <div className="field">
        <label htmlFor={`${id}-role`}>{t('review.queue.roleFilter')}</label>
        <select
          id={`${id}-role`}
          value={state.role ?? ''}
          onChange={(event) => update({ role: event.target.value || null, page: null })}
        >
          <option value="">{t('review.queue.allRoles')}</option>
          {queueRoles.map((role) => (
            <option key={role} value={role}>
              {t(`review.role.${role}`)}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}

function QueueTable({
  items,
  caption,
  sort,
  onSort,
  search,
}: {
  items: Report[];
  caption: string;
  sort: QueueSort;
  onSort: (field: QueueSortField) => void;
  search: string;
}) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const columns = {
    unit: t('review.queue.columns.unit'),
    item: t('review.queue.columns.item'),
    role: t('review.queue.columns.role'),
    result: t('review.queue.columns.result'),
    submittedAt: t('review.queue.columns.submittedAt'),
    timing: t('review.queue.columns.timing'),
    evidence: t('review.queue.columns.evidence'),
    state: t('review.queue.columns.state'),
  };
  const sortable = (field: QueueSortField, label: string) => (
    <SortableHeader
      field={field}
      label={label}
      direction={sort?.field === field ? sort.direction : undefined}
      onSort={onSort}
    />
  );
  return (
    <table className="data-table review-table">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          {sortable('unit', columns.unit)}
          <th scope="col" className="not-sortable">
            {columns.item}
          </th>
          <th scope="col" className="not-sortable">
            {columns.role}
          </th>
          <th scope="col" className="not-sortable">
            {columns.result}
          </th>
          {sortable('submittedAt', columns.submittedAt)}
          <th scope="col" className="not-sortable">
            {columns.timing}
          </th>
          <th scope="col" className="not-sortable">
            {columns.evidence}
          </th>
          <th scope="col" className="not-sortable">
            {columns.state}
          </th>
        </tr>
      </thead>
      <tbody>
        {items.map((report) => (
          <tr key={report.id}>
            <td data-label={columns.unit}>{report.unit.name}</td>
            <td data-label={columns.item} className="cell-title">
              <Link to={{ pathname: report.id, search: search ? `?${search}` : '' }}>
                {`${report.item.code} ${report.item.content}`}
              </Link>
            </td>
            <td data-label={columns.role}>{t(`review.role.${report.role}`)}</td>
            <td data-label={columns.result}>{formatReportResult(report, t, lang)}</td>
            <td data-label={columns.submittedAt}>
              {report.submittedAt ? formatDateTime(report.submittedAt, lang) : '—'}
            </td>
            <td data-label={columns.timing}>{formatTiming(report, t)}</td>
            <td data-label={columns.evidence}>
              {t('review.queue.evidenceCount', { count: report.evidenceCount })}
            </td>
            <td data-label={columns.state}>
              <StateBadge state={report.state} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
