import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useSearchParams } from 'react-router';
import type { components } from '@/api/schema';
import { formatDate } from '@/lib/format';
import { useLanguage } from '@/lib/i18n';
import {
  useGetAssignments,
  type GetAssignmentsParams,
} from '@/features/my-work/api/get-assignments';
import { useGetMe } from '@/lib/me';
import { Countdown, LateBadge, StateBadge } from '@/features/my-work/components/report-state';
import { parsePeriodKey, periodLabel, recentPeriodKeys } from '@/features/my-work/utils/periods';
import { todayInVietnam } from '@/lib/periods';
import { Pagination } from '@/components/pagination';
import { LoadError } from '@/components/load-error';
import { withChanges } from '@/lib/search-params';

type Assignment = components['schemas']['Assignment'];
type AssignmentState = components['schemas']['AssignmentState'];

const pageSize = 20;

/** `todo` (what still needs the reporter) is the default; `all` shows every state. */
const stateFilters = [
  'todo',
  'LATE',
  'RETURNED',
  'NOT_STARTED',
  'DRAFT',
  'SUBMITTED',
  'ACCEPTED',
  'all',
] as const;
type StateFilter = (typeof stateFilters)[number];

const todoStates: AssignmentState[] = ['LATE', 'RETURNED', 'NOT_STARTED', 'DRAFT'];

/** The filters live in the URL so that a filtered page can be bookmarked and shared. */
type ListState = { filter: StateFilter; period: string | null; page: number };

function readListState(params: URLSearchParams): ListState {
  const state = params.get('state');
  const period = params.get('period');
  const page = Number.parseInt(params.get('page') ?? '', 10);
  return {
    filter: stateFilters.find((f) => f === state) ?? 'todo',
    period: period && parsePeriodKey(period) ? period : null,
    page: Number.isFinite(page) && page > 0 ? page : 1,
  };
}

function toApiParams({ filter, period, page }: ListState): GetAssignmentsParams {
  const params: GetAssignmentsParams = { mine: true, page: page - 1, size: pageSize };
  if (filter === 'todo') {
    params.state = todoStates;
    // The most overdue first: what is late must not sink under what is merely due.
    params.sort = 'deadline,asc';
  } else if (filter !== 'all') {
    params.state = [filter];
  }
  if (period) params.periodKey = period;
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
  const [searchParams, setSearchParams] = useSearchParams();
  const state = readListState(searchParams);
  const query = useGetAssignments(toApiParams(state));
  const me = useGetMe().data;

  function update(changes: Record<string, string | null>) {
    setSearchParams((current) => withChanges(current, changes));
  }

  const data = query.data;
  const filtered = state.filter !== 'todo' || state.period !== null;

  return (
    <section className="page" aria-labelledby="work-heading">
      <title>{t('app.documentTitle', { page: t('work.title') })}</title>
      <h1 id="work-heading">{t('work.title')}</h1>
      {me && <p className="muted work-unit">{t('work.list.unit', { unit: me.unit.name })}</p>}

      <div className="toolbar">
        <StateSelect
          value={state.filter}
          onChange={(filter) => update({ state: filter === 'todo' ? null : filter, page: null })}
        />
        <PeriodSelect value={state.period} onChange={(period) => update({ period, page: null })} />
      </div>

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
              {filtered ? t('work.list.emptyFiltered') : t('work.list.empty')}
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
    </section>
  );
}

function StateSelect({
  value,
  onChange,
}: {
  value: StateFilter;
  onChange: (filter: StateFilter) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{t('work.list.stateFilter')}</label>
      <select
        id={id}
        value={value}
        onChange={(event) => onChange(stateFilters.find((f) => f === event.target.value) ?? 'todo')}
      >
        {stateFilters.map((filter) => (
          <option key={filter} value={filter}>
            {t(`work.list.filters.${filter}`)}
          </option>
        ))}
      </select>
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
  const { state, reportId, daysLeft } = assignment;
  // Lateness is the server's (a returned report past its deadline is overdue too); LATE stands for a draft or nothing yet.
  const late = assignment.overdue;
  const notYetSent = state === 'LATE';
  const shown = notYetSent ? (reportId ? 'DRAFT' : 'NOT_STARTED') : state;
  const pending = notYetSent || state === 'NOT_STARTED' || state === 'DRAFT';
  const action = notYetSent
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
                <Countdown daysLeft={late ? -assignment.daysLate : Math.max(daysLeft, 0)} />
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
      <Link
        className={`button work-card-action${action === 'view' ? '' : ' button-primary'}`}
        to={reportPath(assignment)}
        state={{ from: `${location.pathname}${location.search}` }}
        aria-describedby={titleId}
      >
        {t(`work.list.actions.${action}`)}
      </Link>
    </li>
  );
}
