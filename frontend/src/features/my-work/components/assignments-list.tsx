import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useSearchParams } from 'react-router';
import type { components } from '@/api/schema';
import { formatDate, formatNumber } from '@/lib/format';
import { useLanguage } from '@/lib/i18n';
import {
  useGetAssignments,
  type GetAssignmentsParams,
} from '@/features/my-work/api/get-assignments';
import { useGetMe } from '@/lib/me';
import { SearchBox } from '@/components/search-box';
import { Countdown, LateBadge, StateBadge } from '@/features/my-work/components/report-state';
import { parsePeriodKey, recentPeriodKeys } from '@/features/my-work/utils/periods';
import { periodLabel, todayInVietnam } from '@/lib/periods';
import { Pagination } from '@/components/pagination';
import { LoadError } from '@/components/load-error';
import { withChanges } from '@/lib/search-params';

type Assignment = components['schemas']['Assignment'];
type Me = components['schemas']['Me'];
type AssignmentPage = components['schemas']['AssignmentPage'];
type AssignmentState = components['schemas']['AssignmentState'];

const pageSize = 20;

/** `todo` (what still needs the reporter) is the default; `all` shows every state. */
const stateFilters = [
  'todo',
  'RETURNED',
  'LATE',
  'DRAFT',
  'NOT_STARTED',
  'SUBMITTED',
  'ACCEPTED',
  'all',
] as const;
type StateFilter = (typeof stateFilters)[number];

const todoStates: AssignmentState[] = ['LATE', 'RETURNED', 'NOT_STARTED', 'DRAFT'];

/**
 * Which periods are listed: the one each plan is in today (the default), those that ended before it, or
 * every period begun. A chosen period (`period`) overrides it.
 */
const views = ['current', 'earlier', 'all'] as const;
type View = (typeof views)[number];

/** The filters live in the URL so that a filtered page can be bookmarked and shared. */
type ListState = {
  view: View;
  filter: StateFilter;
  period: string | null;
  q: string;
  page: number;
};

function readListState(params: URLSearchParams): ListState {
  const state = params.get('state');
  const period = params.get('period');
  const page = Number.parseInt(params.get('page') ?? '', 10);
  return {
    view: views.find((v) => v === params.get('view')) ?? 'current',
    filter: stateFilters.find((f) => f === state) ?? 'todo',
    period: period && parsePeriodKey(period) ? period : null,
    q: params.get('q') ?? '',
    page: Number.isFinite(page) && page > 0 ? page : 1,
  };
}

function toApiParams({ view, filter, period, q, page }: ListState): GetAssignmentsParams {
  const params: GetAssignmentsParams = { mine: true, page: page - 1, size: pageSize };
  if (period) params.periodKey = period;
  else if (view === 'current') params.periodScope = 'CURRENT';
  else if (view === 'earlier') {
    // What is overdue from earlier periods, by the server's rule: a returned report past its deadline is one of them.
    params.periodScope = 'EARLIER';
    params.overdue = true;
  }
  if (filter === 'todo') params.state = todoStates;
  else if (filter !== 'all') params.state = [filter];
  // The server orders: what was returned first, then what is late; earlier periods the oldest first.
  params.sort = view === 'earlier' && !period ? 'deadline,asc' : 'attention,asc';
  if (q.trim()) params.q = q.trim();
  return params;
}

/** Where an assignment is reported: its report, or a new one for the item and period. */
export function reportPath(assignment: Assignment): string {
  if (assignment.reportId) return `/my-work/reports/${assignment.reportId}`;
  const kind = assignment.item.kind === 'TASK' ? 'task' : 'indicator';
  const query = new URLSearchParams({
    plan: assignment.plan.id,
    [kind]: assignment.item.id,
    period: assignment.period.key,
  });
  return `/my-work/reports/new?${query.toString()}`;
}

export function AssignmentsList() {
  const { t } = useTranslation();
  const me = useGetMe();
  const unit = me.data ? (me.data.unit as Me['unit'] | null) : undefined;

  return (
    <section className="page" aria-labelledby="work-heading">
      <title>{t('app.documentTitle', { page: t('work.title') })}</title>
      <h1 id="work-heading">{t('work.title')}</h1>
      {unit && <p className="muted work-unit">{t('work.list.unit', { unit: unit.name })}</p>}
      {me.isError && <LoadError error={me.error} onRetry={() => void me.refetch()} />}
      {/* An account of no unit (an administrator) has nothing of its own to report. */}
      {unit === null && (
        <p role="status" className="notice">
          {t('work.list.noUnit')}
        </p>
      )}
      {unit && <WorkList />}
    </section>
  );
}

function WorkList() {
  const { t } = useTranslation();
  const [searchParams, setSearchParams] = useSearchParams();
  const state = readListState(searchParams);
  const query = useGetAssignments(toApiParams(state));

  function update(changes: Record<string, string | null>) {
    setSearchParams((current) => withChanges(current, changes));
  }

  const data = query.data;
  const filtered = state.filter !== 'todo' || state.period !== null || state.q !== '';

  return (
    <>
      <ViewTabs state={state} overdueEarlier={data?.overdueEarlier} update={update} />

      {data && !state.period && state.view === 'current' && data.overdueEarlier > 0 && (
        <p className="notice notice-warning work-overdue">
          <Link to="?view=earlier">
            {t('work.list.overdueEarlier', { count: data.overdueEarlier })}
          </Link>
        </p>
      )}

      <div className="toolbar">
        <SearchBox
          label={t('work.list.search')}
          placeholder={t('work.list.searchPlaceholder')}
          value={state.q}
          onSearch={(q) => update({ q: q.trim() || null, page: null })}
        />
        <PeriodSelect value={state.period} onChange={(period) => update({ period, page: null })} />
      </div>

      {data && (
        <StateCounts
          counts={data.counts}
          value={state.filter}
          onChange={(filter) => update({ state: filter === 'todo' ? null : filter, page: null })}
        />
      )}

      <div className="progress-slot">
        {query.isFetching && <progress className="progress" aria-label={t('work.list.loading')} />}
      </div>

      {query.isPending && (
        <p role="status" className="notice">
          {t('work.list.loading')}
        </p>
      )}

      {query.isError && (
        <LoadError
          title={t('work.list.errorTitle')}
          error={query.error}
          onRetry={() => void query.refetch()}
        />
      )}

      {data && !query.isError && (
        <div aria-busy={query.isFetching}>
          {data.items.length === 0 ? (
            <p role="status" className="notice">
              {filtered
                ? t('work.list.emptyFiltered')
                : state.view === 'earlier'
                  ? t('work.list.emptyEarlier')
                  : t('work.list.empty')}
            </p>
          ) : (
            <ul className="work-list" aria-label={t('work.list.caption')}>
              {data.items.map((assignment) => (
                <AssignmentCard
                  key={`${assignment.item.id}:${assignment.period.id}:${assignment.unit.id}`}
                  assignment={assignment}
                />
              ))}
            </ul>
          )}
          {data.totalItems > 0 && (
            <Pagination
              page={data.page + 1}
              totalPages={data.totalPages}
              total={t('work.pagination.total', { count: data.totalItems })}
              onPage={(page) => update({ page: page > 1 ? String(page) : null })}
            />
          )}
        </div>
      )}
    </>
  );
}

/** This period, earlier periods (with how many items of theirs are late), or every period. */
function ViewTabs({
  state,
  overdueEarlier,
  update,
}: {
  state: ListState;
  overdueEarlier?: number;
  update: (changes: Record<string, string | null>) => void;
}) {
  const { t } = useTranslation();
  const current = state.period ? null : state.view;
  const label = (view: View) =>
    view === 'earlier' && overdueEarlier !== undefined && overdueEarlier > 0
      ? t('work.list.views.earlierCount', { count: overdueEarlier })
      : t(`work.list.views.${view}`);
  return (
    <nav className="work-views" aria-label={t('work.list.views.label')}>
      {views.map((view) => (
        <button
          key={view}
          type="button"
          className="work-view"
          aria-pressed={current === view}
          onClick={() =>
            update({
              view: view === 'current' ? null : view,
              state: null,
              period: null,
              page: null,
            })
          }
        >
          {label(view)}
        </button>
      ))}
    </nav>
  );
}

/** The list's states with how many items hold each, as the server counts them; one chosen at a time. */
function StateCounts({
  counts,
  value,
  onChange,
}: {
  counts: AssignmentPage['counts'];
  value: StateFilter;
  onChange: (filter: StateFilter) => void;
}) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const count = (filter: StateFilter): number => {
    if (filter === 'todo') return todoStates.reduce((sum, s) => sum + (counts[s] ?? 0), 0);
    if (filter === 'all') return Object.values(counts).reduce((sum, n) => sum + (n ?? 0), 0);
    return counts[filter] ?? 0;
  };
  return (
    <div className="state-counts" role="group" aria-label={t('work.list.stateFilter')}>
      {stateFilters.map((filter) => {
        const n = count(filter);
        // A state nobody is in is left out, unless it is the one chosen.
        if (n === 0 && filter !== value && filter !== 'todo' && filter !== 'all') return null;
        return (
          <button
            key={filter}
            type="button"
            className={`state-count state-count-${filter.toLowerCase().replace('_', '-')}`}
            aria-pressed={filter === value}
            onClick={() => onChange(filter)}
          >
            {t(`work.list.filters.${filter}`)}{' '}
            <span className="state-count-number">{formatNumber(n, lang)}</span>
          </button>
        );
      })}
    </div>
  );
}

function PeriodSelect({
  value,
  onChange,
}: {
  value: string | null;
  onChange: (period: string | null) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const { months, quarters, halves, years } = recentPeriodKeys(todayInVietnam());
  const known = [...months, ...quarters, ...halves, ...years];
  const groups = [
    { label: t('work.list.periodGroups.months'), keys: months },
    { label: t('work.list.periodGroups.quarters'), keys: quarters },
    { label: t('work.list.periodGroups.halves'), keys: halves },
    { label: t('work.list.periodGroups.years'), keys: years },
  ];
  return (
    <div className="field">
      <label htmlFor={id}>{t('work.list.periodFilter')}</label>
      <select
        id={id}
        value={value ?? ''}
        onChange={(event) => onChange(event.target.value || null)}
      >
        <option value="">{t('work.list.allPeriods')}</option>
        {/* A period from a shared link may be older than the recent ones offered. */}
        {value && !known.includes(value) && <option value={value}>{periodLabel(value, t)}</option>}
        {groups.map((group) => (
          <optgroup key={group.label} label={group.label}>
            {group.keys.map((key) => (
              <option key={key} value={key}>
                {periodLabel(key, t)}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
    </div>
  );
}

function AssignmentCard({ assignment }: { assignment: Assignment }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const location = useLocation();
  const titleId = useId();
  const { state, reportId } = assignment;
  // Lateness is the server's (a returned report past its deadline is overdue too); LATE stands for a draft or nothing yet.
  const late = assignment.overdue;
  const notYetSent = state === 'LATE';
  const shown = notYetSent ? (reportId ? 'DRAFT' : 'NOT_STARTED') : state;
  const pending = notYetSent || state === 'NOT_STARTED' || state === 'DRAFT';
  // Whether the caller may write it is the server's word (`actions`); otherwise a report there is only read.
  const writes = assignment.actions.includes('CREATE') || assignment.actions.includes('EDIT');
  const action = !writes
    ? reportId
      ? 'view'
      : null
    : notYetSent
      ? reportId
        ? 'continue'
        : 'start'
      : state === 'NOT_STARTED'
        ? 'start'
        : state === 'DRAFT'
          ? 'continue'
          : state === 'RETURNED'
            ? 'fix'
            : 'view';

  return (
    <li className={`work-card${late ? ' work-card-late' : ''}`}>
      <h2 className="work-card-title" id={titleId}>
        <span className="item-code">{assignment.item.code}</span> {assignment.item.content}
      </h2>
      <p className="work-card-plan muted">
        {assignment.plan.documentNumber
          ? t('work.list.planWithNumber', {
              number: assignment.plan.documentNumber,
              title: assignment.plan.title,
            })
          : assignment.plan.title}
      </p>
      <dl className="work-card-facts">
        <div>
          <dt>{t('work.fields.period')}</dt>
          <dd>{periodLabel(assignment.period.key, t)}</dd>
        </div>
        <div>
          <dt>{t('work.fields.role')}</dt>
          <dd>{t(`work.role.${assignment.role}`)}</dd>
        </div>
        <div>
          <dt>{t('work.fields.state')}</dt>
          <dd className="work-card-states">
            <StateBadge state={shown} />
            {late && <LateBadge />}
          </dd>
        </div>
        <div>
          <dt>{t('work.fields.deadline')}</dt>
          <dd>
            {formatDate(assignment.deadline, lang)}
            {pending && (
              <>
                {' · '}
                <Countdown lateness={assignment} />
              </>
            )}
            {state === 'RETURNED' && (
              <>
                {' · '}
                <span className="countdown countdown-soon">{t('work.list.returnedHint')}</span>
              </>
            )}
          </dd>
        </div>
      </dl>
      {state === 'RETURNED' && (
        <div className="work-card-comment">
          <p className="work-card-comment-label">{t('work.list.reviewComment')}</p>
          <p>{assignment.reviewComment ?? t('work.review.noComment')}</p>
        </div>
      )}
      {action && (
        <Link
          className={`button work-card-action${action === 'view' ? '' : ' button-primary'}`}
          to={reportPath(assignment)}
          state={{ from: `${location.pathname}${location.search}` }}
          aria-describedby={titleId}
        >
          {t(`work.list.actions.${action}`)}
        </Link>
      )}
    </li>
  );
}
