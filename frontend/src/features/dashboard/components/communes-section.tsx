import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { components } from '@/api/schema';
import { formatDate, formatNumber } from '@/lib/format';
import { useLanguage } from '@/lib/i18n';
import { LoadError } from '@/components/load-error';
import { SortableHeader } from '@/components/sortable-header';
import { useGetPlanOverview } from '@/lib/consolidated-report';
import { CommunesMatrix } from '@/features/dashboard/components/communes-matrix';
import { FilterSelect } from '@/features/dashboard/components/filter-select';
import { SearchBox } from '@/components/search-box';
import { ListPager } from '@/features/dashboard/components/list-pager';
import {
  pageOf,
  sortItems,
  useListState,
  type ListSpec,
} from '@/features/dashboard/utils/list-state';
import { matchesQuery } from '@/features/dashboard/utils/search-text';

type SubordinatePlan = components['schemas']['SubordinatePlan'];

/** Where a commune's consolidated report for the period stands. */
export type SendState = 'sent' | 'sentLate' | 'overdue' | 'notSent' | 'noPeriod';
const sendStates = [
  'overdue',
  'notSent',
  'sentLate',
  'sent',
  'noPeriod',
] as const satisfies readonly SendState[];

export function sendState(subordinate: SubordinatePlan): SendState {
  if (!subordinate.periodKey) return 'noPeriod';
  if (subordinate.sentUpAt) return subordinate.late ? 'sentLate' : 'sent';
  return subordinate.late ? 'overdue' : 'notSent';
}

const sendStateClass: Record<SendState, string> = {
  sent: 'dash-status-met',
  sentLate: 'dash-status-at-risk',
  overdue: 'dash-status-not-met',
  notSent: 'dash-status-not-reported',
  noPeriod: 'dash-status-no-target',
};

const sortFields = ['commune', 'state', 'sentUpAt', 'missing'] as const;
type SortField = (typeof sortFields)[number];

const spec: ListSpec<'q' | 'state', SortField> = {
  prefix: 'com',
  filters: ['q', 'state'],
  sortFields,
  defaultSort: { field: 'commune', direction: 'asc' },
  pageSize: 10,
};

function metCount(subordinate: SubordinatePlan): { met: number; total: number } {
  const counts = Object.entries(subordinate.statusCounts);
  return {
    met: subordinate.statusCounts.MET ?? 0,
    total: counts.filter(([status]) => status !== 'NO_TARGET').reduce((sum, [, n]) => sum + n, 0),
  };
}

/**
 * The province's view: the communes carrying out its plan, which of them have sent their report
 * for the period, and (below) each province indicator commune by commune.
 */
export function CommunesSection({ planId, periodKey }: { planId: string; periodKey: string }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const list = useListState(spec);
  const { filters, sort } = list.state;
  const overviewQuery = useGetPlanOverview(planId, periodKey);
  const overview = overviewQuery.data;

  if (overviewQuery.isError) {
    return (
      <section className="dash-section" aria-labelledby="dash-communes-heading" id="dash-communes">
        <h2 id="dash-communes-heading">{t('dashboard.communes.title')}</h2>
        <LoadError
          title={t('dashboard.communes.errorTitle')}
          error={overviewQuery.error}
          onRetry={() => void overviewQuery.refetch()}
        />
      </section>
    );
  }
  if (!overview) {
    return (
      <section className="dash-section" aria-labelledby="dash-communes-heading" id="dash-communes">
        <h2 id="dash-communes-heading">{t('dashboard.communes.title')}</h2>
        <p role="status" className="notice">
          {t('dashboard.communes.loading')}
        </p>
      </section>
    );
  }

  const compare: Record<SortField, (a: SubordinatePlan, b: SubordinatePlan) => number> = {
    commune: (a, b) => a.issuingUnit.name.localeCompare(b.issuingUnit.name, 'vi'),
    state: (a, b) => sendStates.indexOf(sendState(a)) - sendStates.indexOf(sendState(b)),
    // Not sent yet sorts after every date.
    sentUpAt: (a, b) => (a.sentUpAt ?? '9999').localeCompare(b.sentUpAt ?? '9999'),
    missing: (a, b) => a.timeliness.missing - b.timeliness.missing,
  };
  const filtered = overview.plans.filter(
    (s) =>
      (!filters.state ||
        (filters.state === 'sentAny'
          ? Boolean(s.sentUpAt)
          : filters.state === 'notSentAny'
            ? !s.sentUpAt
            : sendState(s) === filters.state)) &&
      matchesQuery(filters.q, s.issuingUnit.name, s.issuingUnit.code, s.plan.code, s.plan.title),
  );
  const page = pageOf(
    sortItems(filtered, compare[sort.field], sort.direction),
    list.state.page,
    spec.pageSize,
  );
  const sentCount = overview.plans.filter((s) => s.sentUpAt).length;
  const count = (value: number) => formatNumber(value, lang);

  const columns = {
    commune: t('dashboard.communes.columns.commune'),
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
  const drillLink = (s: SubordinatePlan) => ({
    search: `?${new URLSearchParams({
      unit: s.issuingUnit.id,
      plan: s.plan.id,
      period: s.periodKey ?? periodKey,
    }).toString()}`,
  });

  return (
    <>
      <section className="dash-section" aria-labelledby="dash-communes-heading" id="dash-communes">
        <h2 id="dash-communes-heading">{t('dashboard.communes.title')}</h2>
        {overview.plans.length === 0 ? (
          <p className="notice">{t('dashboard.communes.none')}</p>
        ) : (
          <>
            <p>
              {t('dashboard.communes.sentCount', {
                sent: count(sentCount),
                total: count(overview.plans.length),
              })}
            </p>
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
                  ...sendStates.map((s) => ({
                    value: s,
                    label: t(`dashboard.communes.state.${s}`),
                  })),
                ]}
                onChange={(value) => list.setFilter('state', value)}
              />
            </div>
            {page.total === 0 ? (
              <p role="status" className="notice">
                {t('dashboard.communes.emptyFiltered')}
              </p>
            ) : (
              <table className="data-table dash-table">
                <caption className="visually-hidden">{t('dashboard.communes.caption')}</caption>
                <thead>
                  <tr>
                    {sortable('commune')}
                    {sortable('state')}
                    {sortable('sentUpAt')}
                    {sortable('missing')}
                    <th scope="col" className="not-sortable">
                      {columns.indicators}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {page.items.map((s) => {
                    const state = sendState(s);
                    const { met, total } = metCount(s);
                    return (
                      <tr key={s.plan.id}>
                        <td data-label={columns.commune}>
                          {/* One child: a stacked cell is a two-column grid, label and content. */}
                          <div>
                            <Link
                              to={drillLink(s)}
                              className="cell-title"
                              aria-label={t('dashboard.communes.open', {
                                unit: s.issuingUnit.name,
                              })}
                            >
                              {s.issuingUnit.name}
                            </Link>
                            <span className="dash-note">
                              {s.plan.documentNumber ?? s.plan.code}
                            </span>
                          </div>
                        </td>
                        <td data-label={columns.state}>
                          <span className={`dash-status ${sendStateClass[state]}`}>
                            {t(`dashboard.communes.state.${state}`)}
                          </span>
                        </td>
                        <td data-label={columns.sentUpAt}>
                          {s.sentUpAt
                            ? formatDate(s.sentUpAt, lang)
                            : s.consolidationDeadline
                              ? t('dashboard.communes.deadline', {
                                  date: formatDate(s.consolidationDeadline, lang),
                                })
                              : '—'}
                        </td>
                        <td data-label={columns.missing}>
                          {t('dashboard.communes.missingOf', {
                            missing: count(s.timeliness.missing),
                            expected: count(s.timeliness.expected),
                          })}
                        </td>
                        <td data-label={columns.indicators}>
                          {t('dashboard.communes.metOf', { met: count(met), total: count(total) })}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            )}
            <ListPager
              page={page}
              total={(count) => t('dashboard.communes.total', { count })}
              onPage={list.setPage}
            />
          </>
        )}
      </section>
      <CommunesMatrix
        rollups={overview.rollups}
        communes={page.items}
        pageInfo={
          page.totalPages > 1
            ? t('dashboard.matrix.pageInfo', { page: page.page, pages: page.totalPages })
            : null
        }
        drillLink={drillLink}
      />
    </>
  );
}
