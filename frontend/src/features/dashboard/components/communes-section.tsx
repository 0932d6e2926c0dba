import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { components } from '@/api/schema';
import { formatDate, formatNumber } from '@/lib/format';
import { useLanguage } from '@/lib/i18n';
import { LoadError } from '@/components/load-error';
import { Pagination } from '@/components/pagination';
import { SearchBox } from '@/components/search-box';
import { SortableHeader } from '@/components/sortable-header';
import {
  useGetPeriodCommunes,
  type CommuneReportState,
} from '@/features/dashboard/api/get-period-communes';
import { CommunesMatrix } from '@/features/dashboard/components/communes-matrix';
import { FilterSelect } from '@/features/dashboard/components/filter-select';
import { useListState, type ListSpec } from '@/features/dashboard/utils/list-state';

type CommuneProgress = components['schemas']['CommuneProgress'];

/** Every state, worst first, as the server sorts them. */
export const communeStates = [
  'OVERDUE',
  'NO_PLAN',
  'PLAN_NOT_ISSUED',
  'NOT_SENT',
  'SENT_LATE',
  'SENT',
  'NO_PERIOD',
] as const satisfies readonly CommuneReportState[];

const stateClass: Record<CommuneReportState, string> = {
  SENT: 'dash-status-met',
  SENT_LATE: 'dash-status-at-risk',
  OVERDUE: 'dash-status-not-met',
  NOT_SENT: 'dash-status-not-reported',
  NO_PERIOD: 'dash-status-no-target',
  NO_PLAN: 'dash-status-off-track',
  PLAN_NOT_ISSUED: 'dash-status-no-target',
};

// A symbol that repeats the word, as the indicator statuses have.
const stateIcon: Record<CommuneReportState, string> = {
  SENT: '✓',
  SENT_LATE: '!',
  OVERDUE: '✕',
  NOT_SENT: '…',
  NO_PERIOD: '–',
  NO_PLAN: '∅',
  PLAN_NOT_ISSUED: '✎',
};

/** Filters beyond one state: several states at once. */
const stateGroups: Record<string, CommuneReportState[]> = {
  sentAny: ['SENT', 'SENT_LATE'],
  notSentAny: ['NOT_SENT', 'OVERDUE'],
};

const sortFields = ['name', 'state', 'sentUpAt', 'missing'] as const;
type SortField = (typeof sortFields)[number];

const spec: ListSpec<'q' | 'state', SortField> = {
  prefix: 'com',
  filters: ['q', 'state'],
  sortFields,
  defaultSort: { field: 'name', direction: 'asc' },
  pageSize: 20,
};

export function CommuneStateBadge({ state }: { state: CommuneReportState }) {
  const { t } = useTranslation();
  return (
    <span className={`dash-status ${stateClass[state]}`}>
      <span className="dash-status-icon" aria-hidden="true">
        {stateIcon[state]}
      </span>
      {t(`dashboard.communes.state.${state}`)}
    </span>
  );
}

function metCount(c: CommuneProgress): { met: number; total: number } {
  const entries = Object.entries(c.statusCounts);
  return {
    met: c.statusCounts.MET ?? 0,
    total: entries.filter(([status]) => status !== 'NO_TARGET').reduce((sum, [, n]) => sum + n, 0),
  };
}

/**
 * The province's view: every commune and ward of the province, with or without a plan, whether it has sent
 * its report for the period, and (below) each province indicator commune by commune. One request per page:
 * the server searches (without diacritics), filters, sorts and counts.
 */
export function CommunesSection({ planId, periodKey }: { planId: string; periodKey: string }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const list = useListState(spec);
  const { filters, sort, page } = list.state;
  const states =
    stateGroups[filters.state] ??
    (communeStates.find((s) => s === filters.state) ? [filters.state as CommuneReportState] : []);
  const query = useGetPeriodCommunes(planId, periodKey, {
    q: filters.q,
    state: states,
    sort: `${sort.field},${sort.direction}`,
    page: page - 1,
    size: spec.pageSize,
  });
  const data = query.data;
  const count = (value: number) => formatNumber(value, lang);

  const heading = <h2 id="dash-communes-heading">{t('dashboard.communes.title')}</h2>;
  if (query.isError && !data) {
    return (
      <section className="dash-section" aria-labelledby="dash-communes-heading" id="dash-communes">
        {heading}
        <LoadError
          title={t('dashboard.communes.errorTitle')}
          error={query.error}
          onRetry={() => void query.refetch()}
        />
      </section>
    );
  }
  if (!data) {
    return (
      <section className="dash-section" aria-labelledby="dash-communes-heading" id="dash-communes">
        {heading}
        <p role="status" className="notice">
          {t('dashboard.communes.loading')}
        </p>
      </section>
    );
  }

  const sent = (data.stateCounts.SENT ?? 0) + (data.stateCounts.SENT_LATE ?? 0);
  const columns = {
    name: t('dashboard.communes.columns.commune'),
    state: t('dashboard.communes.columns.state'),
    sentUpAt: t('dashboard.communes.columns.sentUpAt'),
    missing: t('dashboard.communes.columns.missing'),
    indicators: t('dashboard.communes.columns.indicators'),
  };
  const sortable = (field: SortField) => (
    <SortableHeader
      field={field}
      label={columns[field]}
      direction={list.directionOf(field)}
      onSort={list.sortBy}
    />
  );
  // A commune's dashboard starts afresh: the province's list filters mean nothing there.
  const drillLink = (c: CommuneProgress) => ({
    search: `?${new URLSearchParams({
      unit: c.commune.id,
      ...(c.plan ? { plan: c.plan.id } : {}),
      period: c.periodKey ?? periodKey,
    }).toString()}`,
  });
  const planText = (c: CommuneProgress) =>
    c.plan
      ? [
          c.plan.documentNumber ?? c.plan.code,
          c.plan.implementsParent ? null : t('dashboard.communes.notImplementing'),
        ]
          .filter(Boolean)
          .join(' · ')
      : t('dashboard.communes.noPlan');

  return (
    <>
      <section
        className="dash-section"
        aria-labelledby="dash-communes-heading"
        id="dash-communes"
        aria-busy={query.isFetching}
      >
        {heading}
        {data.totalCommunes === 0 ? (
          <p className="notice">{t('dashboard.communes.none')}</p>
        ) : (
          <>
            <p data-testid="communes-sent-count">
              {t('dashboard.communes.sentCount', {
                sent: count(sent),
                total: count(data.totalCommunes),
              })}
            </p>
            <ul className="dash-state-counts" aria-label={t('dashboard.communes.stateCountsLabel')}>
              {communeStates
                .filter((s) => (data.stateCounts[s] ?? 0) > 0)
                .map((s) => (
                  <li key={s}>
                    <CommuneStateBadge state={s} />{' '}
                    <span className="dash-count-number">{count(data.stateCounts[s] ?? 0)}</span>
                  </li>
                ))}
            </ul>
            <div className="toolbar">
              <SearchBox
                namedLandmark
                label={t('dashboard.communes.search')}
                placeholder={t('dashboard.communes.searchPlaceholder')}
                value={filters.q}
                onSearch={(q) => list.setFilter('q', q, { replace: true })}
              />
              <FilterSelect
                label={t('dashboard.communes.stateFilter')}
                allLabel={t('dashboard.allStatuses')}
                value={filters.state}
                options={[
                  { value: 'sentAny', label: t('dashboard.communes.filter.sentAny') },
                  { value: 'notSentAny', label: t('dashboard.communes.filter.notSentAny') },
                  ...communeStates.map((s) => ({
                    value: s,
                    label: t(`dashboard.communes.state.${s}`),
                  })),
                ]}
                onChange={(value) => list.setFilter('state', value)}
              />
            </div>
            {data.totalItems === 0 ? (
              <p role="status" className="notice">
                {t('dashboard.communes.emptyFiltered')}
              </p>
            ) : (
              <table className="data-table dash-table">
                <caption className="visually-hidden">{t('dashboard.communes.caption')}</caption>
                <thead>
                  <tr>
                    {sortable('name')}
                    {sortable('state')}
                    {sortable('sentUpAt')}
                    {sortable('missing')}
                    <th scope="col" className="not-sortable">
                      {columns.indicators}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {data.items.map((c) => {
                    const { met, total } = metCount(c);
                    return (
                      <tr key={c.commune.id} data-testid="commune-row">
                        <td data-label={columns.name}>
                          {/* One child: a stacked cell is a two-column grid, label and content. */}
                          <div>
                            <Link
                              to={drillLink(c)}
                              className="cell-title"
                              aria-label={t('dashboard.communes.open', { unit: c.commune.name })}
                            >
                              {c.commune.name}
                            </Link>
                            <span className="dash-note">{planText(c)}</span>
                          </div>
                        </td>
                        <td data-label={columns.state}>
                          <CommuneStateBadge state={c.state} />
                        </td>
                        <td data-label={columns.sentUpAt}>
                          {c.sentUpAt
                            ? formatDate(c.sentUpAt, lang)
                            : c.consolidationDeadline
                              ? t('dashboard.communes.deadline', {
                                  date: formatDate(c.consolidationDeadline, lang),
                                })
                              : '—'}
                        </td>
                        <td data-label={columns.missing}>
                          {c.plan
                            ? t('dashboard.communes.missingOf', {
                                missing: count(c.timeliness.missing),
                                expected: count(c.timeliness.expected),
                              })
                            : '—'}
                        </td>
                        <td data-label={columns.indicators}>
                          {c.plan
                            ? t('dashboard.communes.metOf', {
                                met: count(met),
                                total: count(total),
                              })
                            : '—'}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            )}
            {data.totalItems > 0 && (
              <Pagination
                page={data.page + 1}
                totalPages={Math.max(1, data.totalPages)}
                total={t('dashboard.communes.total', { count: data.totalItems })}
                onPage={list.setPage}
              />
            )}
          </>
        )}
      </section>
      <CommunesMatrix
        rollups={data.rollups}
        communes={data.items}
        pageInfo={
          data.totalPages > 1
            ? t('dashboard.matrix.pageInfo', { page: data.page + 1, pages: data.totalPages })
            : null
        }
        drillLink={drillLink}
      />
    </>
  );
}
