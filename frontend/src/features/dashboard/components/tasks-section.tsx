import { useTranslation } from 'react-i18next';
import type { components } from '@/api/schema';
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
type Progress = components['schemas']['Progress'];
type TaskResult = components['schemas']['TaskResult'];

const progresses = [
  'NOT_STARTED',
  'IN_PROGRESS',
  'SUSPENDED',
  'COMPLETED',
] as const satisfies readonly Progress[];

const sortFields = ['order', 'progress'] as const;
type SortField = (typeof sortFields)[number];

const spec: ListSpec<'q' | 'progress', SortField> = {
  prefix: 'task',
  filters: ['q', 'progress'],
  sortFields,
  defaultSort: { field: 'order', direction: 'asc' },
  pageSize: 10,
};

/** This period's word on a task when its lead units reported, else the plan's. */
function progressOf(task: TaskResult): Progress {
  return progresses.find((p) => p === task.reportedProgress) ?? task.planProgress;
}

/** The plan's tasks with how far they have come, as the lead units reported it this period. */
export function TasksSection({ report }: { report: ConsolidatedReport }) {
  const { t } = useTranslation();
  const list = useListState(spec);
  const { filters, sort } = list.state;

  const order = new Map(report.tasks.map((task, index) => [task.task.id, index]));
  const compare: Record<SortField, (a: TaskResult, b: TaskResult) => number> = {
    order: (a, b) => (order.get(a.task.id) ?? 0) - (order.get(b.task.id) ?? 0),
    progress: (a, b) => progresses.indexOf(progressOf(a)) - progresses.indexOf(progressOf(b)),
  };
  const filtered = report.tasks.filter(
    (task) =>
      (!filters.progress || progressOf(task) === filters.progress) &&
      matchesQuery(
        filters.q,
        task.task.code,
        task.task.content,
        ...task.leadUnits.map((u) => u.name),
      ),
  );
  const page = pageOf(
    sortItems(filtered, compare[sort.field], sort.direction),
    list.state.page,
    spec.pageSize,
  );
  const columns = {
    task: t('dashboard.tasks.columns.task'),
    lead: t('dashboard.tasks.columns.lead'),
    progress: t('dashboard.tasks.columns.progress'),
    reports: t('dashboard.tasks.columns.reports'),
  };

  if (report.tasks.length === 0) return null;
  return (
    <section className="dash-section" aria-labelledby="dash-tasks-heading" id="dash-tasks">
      <h2 id="dash-tasks-heading">{t('dashboard.tasks.title')}</h2>
      <div className="toolbar">
        <SearchBox
          namedLandmark
          label={t('dashboard.tasks.search')}
          value={filters.q}
          onSearch={(q) => list.setFilter('q', q, { replace: true })}
        />
        <FilterSelect
          label={t('dashboard.tasks.progressFilter')}
          allLabel={t('dashboard.allStatuses')}
          value={filters.progress}
          options={progresses.map((p) => ({ value: p, label: t(`dashboard.progress.${p}`) }))}
          onChange={(value) => list.setFilter('progress', value)}
        />
      </div>
      {page.total === 0 ? (
        <p role="status" className="notice">
          {t('dashboard.tasks.emptyFiltered')}
        </p>
      ) : (
        <table className="data-table dash-table">
          <caption className="visually-hidden">{t('dashboard.tasks.caption')}</caption>
          <thead>
            <tr>
              <SortableHeader
                field="order"
                label={columns.task}
                direction={list.directionOf('order')}
                onSort={list.sortBy}
              />
              <th scope="col" className="not-sortable">
                {columns.lead}
              </th>
              <SortableHeader
                field="progress"
                label={columns.progress}
                direction={list.directionOf('progress')}
                onSort={list.sortBy}
              />
              <th scope="col" className="not-sortable">
                {columns.reports}
              </th>
            </tr>
          </thead>
          <tbody>
            {page.items.map((task) => {
              const progress = progressOf(task);
              return (
                <tr key={task.task.id}>
                  <td data-label={columns.task}>
                    <span className="cell-title">
                      <span className="dash-code">{task.task.code}</span> {task.task.content}
                    </span>
                  </td>
                  <td data-label={columns.lead}>{task.leadUnits.map((u) => u.name).join(', ')}</td>
                  <td data-label={columns.progress}>
                    <span
                      className={`dash-status dash-task-${progress.toLowerCase().replace('_', '-')}`}
                    >
                      {t(`dashboard.progress.${progress}`)}
                    </span>
                  </td>
                  <td data-label={columns.reports}>
                    {task.reportedProgress === null
                      ? t('dashboard.tasks.noReport')
                      : t('dashboard.tasks.reports', { count: task.reports })}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <ListPager
        page={page}
        total={(count) => t('dashboard.tasks.total', { count })}
        onPage={list.setPage}
      />
    </section>
  );
}
