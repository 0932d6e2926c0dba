import { useTranslation } from 'react-i18next';
import type { components } from '@/api/schema';
import { formatDate, formatNumber } from '@/lib/format';
import { useLanguage } from '@/lib/i18n';
import { SortableHeader } from '@/components/sortable-header';
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

type ConsolidatedReport = components['schemas']['ConsolidatedReport'];
type LateUnit = components['schemas']['LateUnit'];

const sortFields = ['unit', 'missing', 'daysLate'] as const;
type SortField = (typeof sortFields)[number];

const lateKinds = ['missing', 'submittedLate'] as const;

const spec: ListSpec<'q' | 'kind', SortField> = {
  prefix: 'late',
  filters: ['q', 'kind'],
  sortFields,
  // The longest overdue first: who to chase.
  defaultSort: { field: 'daysLate', direction: 'desc' },
  pageSize: 10,
};

/** Timeliness of the units: those that missed the deadline, with how much and by how many days. */
export function UnitsSection({ report }: { report: ConsolidatedReport }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const list = useListState(spec);
  const { filters, sort } = list.state;
  const units = report.timeliness.lateUnits;

  const compare: Record<SortField, (a: LateUnit, b: LateUnit) => number> = {
    unit: (a, b) => a.unit.name.localeCompare(b.unit.name, 'vi'),
    missing: (a, b) => a.missing - b.missing,
    daysLate: (a, b) => a.daysLate - b.daysLate,
  };
  const filtered = units.filter(
    (u) =>
      (!filters.kind || (filters.kind === 'missing' ? u.missing > 0 : u.submittedLate > 0)) &&
      matchesQuery(filters.q, u.unit.name, u.unit.code),
  );
  const page = pageOf(
    sortItems(filtered, compare[sort.field], sort.direction),
    list.state.page,
    spec.pageSize,
  );
  const count = (value: number) => formatNumber(value, lang);

  const columns = {
    unit: t('dashboard.units.columns.unit'),
    missing: t('dashboard.units.columns.missing'),
    submittedLate: t('dashboard.units.columns.submittedLate'),
    daysLate: t('dashboard.units.columns.daysLate'),
  };

  return (
    <section className="dash-section" aria-labelledby="dash-units-heading" id="dash-units">
      <h2 id="dash-units-heading">{t('dashboard.units.title')}</h2>
      {units.length === 0 ? (
        <p>
          {t('dashboard.units.none', { deadline: formatDate(report.period.unitDeadline, lang) })}
        </p>
      ) : (
        <>
          <div className="toolbar">
            <SearchBox
              namedLandmark
              label={t('dashboard.units.search')}
              value={filters.q}
              onSearch={(q) => list.setFilter('q', q, { replace: true })}
            />
            <FilterSelect
              label={t('dashboard.units.kindFilter')}
              allLabel={t('dashboard.units.allKinds')}
              value={filters.kind}
              options={lateKinds.map((k) => ({ value: k, label: t(`dashboard.units.kind.${k}`) }))}
              onChange={(value) => list.setFilter('kind', value)}
            />
          </div>
          {page.total === 0 ? (
            <p role="status" className="notice">
              {t('dashboard.units.emptyFiltered')}
            </p>
          ) : (
            <table className="data-table dash-table">
              <caption className="visually-hidden">{t('dashboard.units.caption')}</caption>
              <thead>
                <tr>
                  {sortFields.slice(0, 2).map((field) => (
                    <SortableHeader
                      key={field}
                      field={field}
                      label={columns[field]}
                      direction={list.directionOf(field)}
                      onSort={list.sortBy}
                    />
                  ))}
                  <th scope="col" className="not-sortable">
                    {columns.submittedLate}
                  </th>
                  <SortableHeader
                    field="daysLate"
                    label={columns.daysLate}
                    direction={list.directionOf('daysLate')}
                    onSort={list.sortBy}
                  />
                </tr>
              </thead>
              <tbody>
                {page.items.map((late) => (
                  <tr key={late.unit.id}>
                    <td data-label={columns.unit} className="cell-title">
                      {late.unit.name}
                    </td>
                    <td data-label={columns.missing}>
                      {late.missing > 0 ? (
                        <span className="dash-status dash-status-not-met">
                          {t('dashboard.units.missingItems', { count: late.missing })}
                        </span>
                      ) : (
                        count(0)
                      )}
                    </td>
                    <td data-label={columns.submittedLate}>{count(late.submittedLate)}</td>
                    <td data-label={columns.daysLate}>
                      {t('dashboard.units.days', { count: late.daysLate })}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <ListPager
            page={page}
            total={(count) => t('dashboard.units.total', { count })}
            onPage={list.setPage}
          />
        </>
      )}
    </section>
  );
}
