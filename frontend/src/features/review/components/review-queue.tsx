import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useSearchParams } from 'react-router';
import type { components } from '@/api/schema';
import { readableError } from '@/lib/api-client';
import { formatNumber } from '@/lib/format';
import { useLanguage } from '@/lib/i18n';
import { useGetMe } from '@/lib/me';
import { useGetOrgUnits } from '@/lib/org-units';
import { useGetReviewQueue } from '@/features/review/api/get-review-queue';
import {
  queueRoles,
  queueStates,
  readQueueState,
  toQueueApiParams,
  type QueueState,
} from '@/features/review/components/queue-state';
import { withChanges } from '@/lib/search-params';
import {
  formatDateTime,
  formatReportResult,
  formatTiming,
} from '@/features/review/components/review-format';
import { periodLabel } from '@/lib/periods';
import { ReviewTabs } from '@/features/review/components/review-scope';
import { readReviewNavigation, StateBadge } from '@/features/review/components/review-shared';
import { Pagination } from '@/components/pagination';
import { LoadError } from '@/components/load-error';

type Report = components['schemas']['Report'];
type WaitingPeriod = components['schemas']['WaitingPeriod'];

/**
 * The coordinator's queue: the reports waiting for review in every period, the oldest period first, with
 * how many wait in each period; one period can be chosen, and decided reports looked through.
 */
export function ReviewQueue() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const [searchParams, setSearchParams] = useSearchParams();
  const location = useLocation();
  const arrival = readReviewNavigation(location.state);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const state = readQueueState(searchParams);
  const queueQuery = useGetReviewQueue(toQueueApiParams(state));

  useEffect(() => {
    // Back from the last report of the page: keyboard and screen-reader users start here.
    if (arrival.focus) headingRef.current?.focus();
  }, [arrival.focus]);

  function update(changes: Record<string, string | null>) {
    setSearchParams((current) => withChanges(current, changes));
  }

  const data = queueQuery.data;
  const filtered = Boolean(state.unit || state.role || state.period);
  const stateWord = t(`review.state.${state.state}`);
  const chosen = data?.periods.find(
    (p) => p.period.key === state.period && (!state.plan || p.plan.id === state.plan),
  );

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

      {data && (
        <PeriodCounts periods={data.periods} state={state} stateWord={stateWord} update={update} />
      )}

      <QueueFilters state={state} update={update} />

      <h2>
        {state.period
          ? t('review.queue.heading', {
              state: stateWord,
              period: periodLabel(state.period, t),
            })
          : t('review.queue.headingAll', { state: stateWord })}
      </h2>
      {data && !state.period && data.totalItems > 0 && (
        <p className="muted">
          {t('review.queue.allIntro', {
            count: data.totalItems,
            shown: formatNumber(data.totalItems, lang),
            // Periods as people count them: the same month of two plans is one.
            periods: formatNumber(new Set(data.periods.map((p) => p.period.key)).size, lang),
          })}
        </p>
      )}
      {chosen && (
        <p>
          <Link
            to={{
              pathname: 'period',
              search: `?plan=${chosen.plan.id}&period=${chosen.period.key}`,
            }}
            relative="path"
          >
            {t('review.queue.consolidatedLink', { period: periodLabel(chosen.period.key, t) })}
          </Link>
        </p>
      )}

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
                : t('review.queue.emptyAll', { state: stateWord })}
            </p>
          ) : (
            <QueueTable
              items={data.items}
              caption={t('review.queue.caption', { state: stateWord })}
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
    </section>
  );
}

/** Every period holding reports in the state, oldest first, with their number: one tap lists only it. */
function PeriodCounts({
  periods,
  state,
  stateWord,
  update,
}: {
  periods: WaitingPeriod[];
  state: QueueState;
  stateWord: string;
  update: (changes: Record<string, string | null>) => void;
}) {
  const { t } = useTranslation();
  const lang = useLanguage();
  if (periods.length === 0) return null;
  // The plan is named only when periods of several plans are listed.
  const severalPlans = new Set(periods.map((p) => p.plan.id)).size > 1;
  const total = periods.reduce((sum, p) => sum + p.count, 0);
  return (
    <div
      className="state-counts review-periods"
      role="group"
      aria-label={t('review.queue.periodsLabel', { state: stateWord })}
    >
      <button
        type="button"
        className="state-count"
        aria-pressed={!state.period}
        onClick={() => update({ plan: null, period: null, page: null })}
      >
        {t('review.queue.allPeriods')}{' '}
        <span className="state-count-number">{formatNumber(total, lang)}</span>
      </button>
      {periods.map((p) => (
        <button
          key={`${p.plan.id}:${p.period.key}`}
          type="button"
          className="state-count"
          aria-pressed={state.period === p.period.key && (!state.plan || state.plan === p.plan.id)}
          onClick={() => update({ plan: p.plan.id, period: p.period.key, page: null })}
        >
          {periodLabel(p.period.key, t)}
          {severalPlans && ` · ${p.plan.documentNumber ?? p.plan.title}`}{' '}
          <span className="state-count-number">{formatNumber(p.count, lang)}</span>
        </button>
      ))}
    </div>
  );
}

function QueueFilters({
  state,
  update,
}: {
  state: QueueState;
  update: (changes: Record<string, string | null>) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  // The units of the subtree the person coordinates (all units they see, for an administrator or a reader).
  const within = useGetMe().data?.coordinatedUnits[0]?.id;
  const unitsQuery = useGetOrgUnits(
    { withinId: within, size: 200, sort: 'path,asc' },
    { keepPrevious: false },
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
              period: null,
              plan: null,
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
  search,
}: {
  items: Report[];
  caption: string;
  search: string;
}) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const columns = {
    period: t('review.queue.columns.period'),
    unit: t('review.queue.columns.unit'),
    item: t('review.queue.columns.item'),
    role: t('review.queue.columns.role'),
    result: t('review.queue.columns.result'),
    submittedAt: t('review.queue.columns.submittedAt'),
    timing: t('review.queue.columns.timing'),
    evidence: t('review.queue.columns.evidence'),
    state: t('review.queue.columns.state'),
  };
  return (
    <table className="data-table review-table">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          {Object.values(columns).map((label) => (
            <th key={label} scope="col" className="not-sortable">
              {label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {items.map((report) => (
          <tr key={report.id}>
            <td data-label={columns.period}>{periodLabel(report.period.key, t)}</td>
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
