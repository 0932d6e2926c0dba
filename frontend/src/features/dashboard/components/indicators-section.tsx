import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import type { components } from '@/api/schema';
import { useLanguage } from '@/lib/i18n';
import { SortableHeader } from '@/components/sortable-header';
import { FilterSelect } from '@/features/dashboard/components/filter-select';
import { ProgressBar } from '@/features/dashboard/components/progress-bar';
import { SearchBox } from '@/components/search-box';
import { ListPager } from '@/features/dashboard/components/list-pager';
import { indicatorStatuses, statusRank, StatusBadge } from '@/components/status-badge';
import { formatAchieved, formatPercent, formatTarget } from '@/features/dashboard/utils/format';
import {
  pageOf,
  sortItems,
  useListState,
  type ListSpec,
} from '@/features/dashboard/utils/list-state';
import { periodLabel } from '@/lib/periods';
import { indicatorProgress } from '@/features/dashboard/utils/progress';
import { compareCodes, matchesQuery } from '@/features/dashboard/utils/search-text';

/** The list's place on the page: a link to it with this hash moves the reader there. */
export const indicatorsSectionId = 'dash-indicators';

type ConsolidatedReport = components['schemas']['ConsolidatedReport'];
type IndicatorResult = components['schemas']['IndicatorResult'];

const sortFields = ['order', 'status', 'progress'] as const;
type SortField = (typeof sortFields)[number];

const spec: ListSpec<'q' | 'status' | 'group', SortField> = {
  prefix: 'ind',
  filters: ['q', 'status', 'group'],
  sortFields,
  // Appendix order, as the plan lists them.
  defaultSort: { field: 'order', direction: 'asc' },
  pageSize: 15,
};

function progressOf(result: IndicatorResult): number {
  return indicatorProgress(result)?.percent ?? -1;
}

/** Each indicator with the year's target, the latest accepted value, its progress and its status. */
export function IndicatorsSection({ report }: { report: ConsolidatedReport }) {
  const { t } = useTranslation();
  const list = useListState(spec);
  const { filters, sort } = list.state;
  const headingRef = useRef<HTMLHeadingElement>(null);
  const location = useLocation();
  const arrived = location.hash === `#${indicatorsSectionId}`;

  // Arriving from a status in the summary: bring the filtered list into view and reading order.
  useEffect(() => {
    if (!arrived) return;
    headingRef.current?.scrollIntoView?.({ block: 'start' });
    headingRef.current?.focus({ preventScroll: true });
  }, [arrived, location.key]);

  const order = new Map(report.indicators.map((r, index) => [r.indicator.id, index]));
  const compare: Record<SortField, (a: IndicatorResult, b: IndicatorResult) => number> = {
    order: (a, b) => (order.get(a.indicator.id) ?? 0) - (order.get(b.indicator.id) ?? 0),
    status: (a, b) => statusRank(a.status) - statusRank(b.status),
    progress: (a, b) => progressOf(a) - progressOf(b),
  };
  const filtered = report.indicators.filter(
    (r) =>
      (!filters.status || r.status === filters.status) &&
      (!filters.group || r.groupCode === filters.group) &&
      matchesQuery(filters.q, r.indicator.code, r.indicator.content, r.leadUnit.name),
  );
  const page = pageOf(
    sortItems(filtered, compare[sort.field], sort.direction),
    list.state.page,
    spec.pageSize,
  );
  const groups = [...new Set(report.indicators.map((r) => r.groupCode))].sort(compareCodes);

  const columns = {
    indicator: t('dashboard.indicators.columns.indicator'),
    lead: t('dashboard.indicators.columns.lead'),
    target: t('dashboard.indicators.columns.target', { year: report.period.year }),
    result: t('dashboard.indicators.columns.result'),
    progress: t('dashboard.indicators.columns.progress'),
    status: t('dashboard.indicators.columns.status'),
  };
  const sortable = (field: SortField, label: string) => (
    <SortableHeader
      field={field}
      label={label}
      direction={list.directionOf(field)}
      onSort={list.sortBy}
    />
  );

  return (
    <section
      className="dash-section"
      aria-labelledby={`${indicatorsSectionId}-heading`}
      id={indicatorsSectionId}
    >
      <h2 id={`${indicatorsSectionId}-heading`} ref={headingRef} tabIndex={-1}>
        {t('dashboard.indicators.title')}
      </h2>
      <div className="toolbar">
        <SearchBox
          namedLandmark
          label={t('dashboard.indicators.search')}
          placeholder={t('dashboard.indicators.searchPlaceholder')}
          value={filters.q}
          onSearch={(q) => list.setFilter('q', q, { replace: true })}
        />
        <FilterSelect
          label={t('dashboard.indicators.statusFilter')}
          allLabel={t('dashboard.allStatuses')}
          value={filters.status}
          options={indicatorStatuses.map((s) => ({ value: s, label: t(`dashboard.status.${s}`) }))}
          onChange={(value) => list.setFilter('status', value)}
        />
        {groups.length > 1 && (
          <FilterSelect
            label={t('dashboard.indicators.groupFilter')}
            allLabel={t('dashboard.indicators.allGroups')}
            value={filters.group}
            options={groups.map((g) => ({
              value: g,
              label: t('dashboard.indicators.group', { group: g }),
            }))}
            onChange={(value) => list.setFilter('group', value)}
          />
        )}
      </div>

      {page.total === 0 ? (
        <p role="status" className="notice">
          {report.indicators.length === 0
            ? t('dashboard.indicators.empty')
            : t('dashboard.indicators.emptyFiltered')}
        </p>
      ) : (
        <table className="data-table dash-table">
          <caption className="visually-hidden">{t('dashboard.indicators.caption')}</caption>
          <thead>
            <tr>
              {sortable('order', columns.indicator)}
              <th scope="col" className="not-sortable">
                {columns.lead}
              </th>
              <th scope="col" className="not-sortable">
                {columns.target}
              </th>
              <th scope="col" className="not-sortable">
                {columns.result}
              </th>
              {sortable('progress', columns.progress)}
              {sortable('status', columns.status)}
            </tr>
          </thead>
          <tbody>
            {page.items.map((result) => (
              <IndicatorRow
                key={result.indicator.id}
                result={result}
                periodKey={report.period.key}
                columns={columns}
              />
            ))}
          </tbody>
        </table>
      )}
      <ListPager
        page={page}
        total={(count) => t('dashboard.indicators.total', { count })}
        onPage={list.setPage}
      />
    </section>
  );
}

function IndicatorRow({
  result,
  periodKey,
  columns,
}: {
  result: IndicatorResult;
  periodKey: string;
  columns: Record<'indicator' | 'lead' | 'target' | 'result' | 'progress' | 'status', string>;
}) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const achieved = formatAchieved(result, t, lang);
  const progress = indicatorProgress(result);
  const { code, content } = result.indicator;
  return (
    <tr>
      <td data-label={columns.indicator}>
        <span className="cell-title">
          <span className="dash-code">{code}</span> {content}
        </span>
      </td>
      <td data-label={columns.lead}>{result.leadUnit.name}</td>
      <td data-label={columns.target}>
        {result.target ? (
          formatTarget(result.target, lang, result.unitOfMeasure)
        ) : (
          <span className="muted">{t('dashboard.indicators.noTarget')}</span>
        )}
      </td>
      <td data-label={columns.result}>
        {/* One child: a stacked cell is a two-column grid, label and content. */}
        <div>
          {achieved ?? <span className="muted">{t('dashboard.indicators.noValue')}</span>}
          {achieved && result.reportPeriodKey && result.reportPeriodKey !== periodKey && (
            <span className="dash-note">
              {t('dashboard.indicators.valueOf', {
                period: periodLabel(result.reportPeriodKey, t),
              })}
            </span>
          )}
        </div>
      </td>
      <td data-label={columns.progress}>
        {progress ? (
          <ProgressBar
            percent={progress.percent}
            label={t('dashboard.indicators.progressLabel', { code })}
            tone={result.status.toLowerCase().replace('_', '-')}
            expectedPercent={progress.expectedPercent}
            caption={
              progress.expectedPercent === null
                ? undefined
                : t('dashboard.indicators.expected', {
                    percent: formatPercent(progress.expectedPercent, lang),
                  })
            }
          />
        ) : (
          <span className="muted">{t('dashboard.indicators.noProgress')}</span>
        )}
      </td>
      <td data-label={columns.status}>
        <StatusBadge status={result.status} />
      </td>
    </tr>
  );
}
