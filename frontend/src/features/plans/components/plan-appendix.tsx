import { useId, type CSSProperties, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { components } from '@/api/schema';
import { LoadError } from '@/components/load-error';
import { Pagination } from '@/components/pagination';
import type { Plan } from '@/features/plans/api/get-plan';
import { useGetGroups, type PlanGroup } from '@/features/plans/api/get-groups';
import { useGetIndicators } from '@/features/plans/api/get-indicators';
import { useGetTasks } from '@/features/plans/api/get-tasks';
import { SearchBox } from '@/components/search-box';
import { targetText, timeframeText, unitNames } from '@/features/plans/utils/plan-text';
import { withChanges } from '@/lib/search-params';

type Indicator = components['schemas']['Indicator'];
type Task = components['schemas']['Task'];
type OrgUnitRef = components['schemas']['OrgUnitRef'];
type GroupRef = { id: string; code: string; name: string; order: number };

/** Rows per request: a whole appendix in one page for nearly every plan, paged beyond that. */
const pageSize = 100;

function readPage(value: string | null): number {
  const page = Number.parseInt(value ?? '', 10);
  return Number.isFinite(page) && page > 0 ? page : 1;
}

/**
 * The items of one page in their groups, in the appendix's order: the plan's groups of that kind first (each
 * listed even when empty if `withEmpty`), then any group an item names that the list did not hold.
 */
function grouped<T extends { group: GroupRef }>(
  groups: PlanGroup[] | undefined,
  kind: PlanGroup['kind'],
  items: T[],
  withEmpty: boolean,
): { group: GroupRef; items: T[] }[] {
  const known: GroupRef[] = (groups ?? []).filter((g) => g.kind === kind);
  const extra = items
    .map((item) => item.group)
    .filter(
      (g, i, all) => !known.some((k) => k.id === g.id) && all.findIndex((x) => x.id === g.id) === i,
    )
    .sort((a, b) => a.order - b.order);
  return [...known, ...extra]
    .map((group) => ({ group, items: items.filter((item) => item.group.id === group.id) }))
    .filter((entry) => withEmpty || entry.items.length > 0);
}

function groupTitle(group: GroupRef): string {
  return `${group.code}. ${group.name}`;
}

/**
 * The plan's appendix: its indicators and tasks grouped as the document groups them, with a search that the
 * API runs with or without diacritics. Search and pages live in the URL (`?q=`, `indicatorPage`, `taskPage`).
 */
export function PlanAppendix({ plan, canEdit }: { plan: Plan; canEdit: boolean }) {
  const { t } = useTranslation();
  const headingId = useId();
  const [searchParams, setSearchParams] = useSearchParams();
  const q = searchParams.get('q') ?? '';
  const trimmed = q.trim();
  const indicatorPage = readPage(searchParams.get('indicatorPage'));
  const taskPage = readPage(searchParams.get('taskPage'));

  const groups = useGetGroups(plan.id);
  const indicators = useGetIndicators(plan.id, {
    page: indicatorPage - 1,
    size: pageSize,
    ...(trimmed ? { q: trimmed } : {}),
  });
  const tasks = useGetTasks(plan.id, {
    page: taskPage - 1,
    size: pageSize,
    ...(trimmed ? { q: trimmed } : {}),
  });

  function update(changes: Record<string, string | null>, { replace = false } = {}) {
    setSearchParams((current) => withChanges(current, changes), {
      replace,
      preventScrollReset: true,
    });
  }

  const busy = groups.isFetching || indicators.isFetching || tasks.isFetching;
  return (
    <section className="plan-appendix" aria-labelledby={headingId}>
      <h2 id={headingId} className="plan-appendix-heading">
        {t('plan.appendix.heading')}
      </h2>
      <div className="toolbar">
        <SearchBox
          label={t('plan.appendix.searchLabel')}
          placeholder={t('plan.appendix.searchPlaceholder')}
          value={q}
          // Typing replaces the history entry, and a new search starts both lists from their first page.
          onSearch={(text) =>
            update({ q: text, indicatorPage: null, taskPage: null }, { replace: true })
          }
        />
      </div>
      <div className="progress-slot">
        {busy && <progress className="progress" aria-label={t('app.loading')} />}
      </div>
      {groups.isError && (
        <LoadError
          title={t('plan.appendix.groupsError')}
          error={groups.error}
          onRetry={() => void groups.refetch()}
        />
      )}

      <IndicatorsPart
        plan={plan}
        canEdit={canEdit}
        searching={trimmed !== ''}
        groups={groups.data}
        query={indicators}
        onPage={(page) => update({ indicatorPage: page > 1 ? String(page) : null })}
      />
      <TasksPart
        plan={plan}
        canEdit={canEdit}
        searching={trimmed !== ''}
        groups={groups.data}
        query={tasks}
        onPage={(page) => update({ taskPage: page > 1 ? String(page) : null })}
      />
    </section>
  );
}

type PageQuery<T> = {
  data?: { items: T[]; page: number; totalPages: number; totalItems: number };
  isPending: boolean;
  isError: boolean;
  isFetching: boolean;
  error: unknown;
  refetch: () => unknown;
};

/**
 * A cell of an appendix table. Its content is one block: on phones the cell is a two-column row (the column's
 * name, then the content), and an empty cell is left out of the card.
 */
function Cell({
  label,
  className,
  empty = false,
  children,
}: {
  label: string;
  className?: string;
  empty?: boolean;
  children: ReactNode;
}) {
  return (
    <td
      data-label={label}
      className={[className, empty ? 'plan-empty' : null].filter(Boolean).join(' ') || undefined}
    >
      <div>{children}</div>
    </td>
  );
}

const dash = <span className="muted">—</span>;

/** Widths (rem) of the fixed columns of an appendix table; the text column takes the rest. */
const widths = {
  code: 5.5,
  unit: 8,
  year: 7.5,
  units: 10.5,
  product: 10.5,
  time: 7.5,
  progress: 8.5,
  edit: 4,
};

/** The table's least width on wide screens: its fixed columns and room for the text; it scrolls in its box below that. */
function tableStyle(fixed: number): CSSProperties {
  return { ['--plan-table-min' as string]: `${fixed + 16}rem` };
}

/** Unit names as the API links them, and under them the cell as the document words it, when it differs. */
function UnitsCell({ units, wording }: { units: OrgUnitRef[]; wording: string | null }) {
  const { t } = useTranslation();
  const names = unitNames(units);
  return (
    <>
      {names || (wording ? null : <span className="muted">—</span>)}
      {wording && wording !== names && (
        <span className={names ? 'plan-as-written' : undefined}>
          {names ? t('plan.appendix.asWritten', { text: wording }) : wording}
        </span>
      )}
    </>
  );
}

/**
 * One part of the appendix (its indicators or its tasks): a heading with a way to add one, then each group
 * with its table (`header` names the columns but the editing one, `row` makes a row), and the pages below.
 */
function AppendixPart<T extends { id: string; group: GroupRef }>({
  plan,
  canEdit,
  searching,
  groups,
  kind,
  query,
  onPage,
  fixedWidth,
  texts,
  header,
  row,
}: {
  plan: Plan;
  canEdit: boolean;
  searching: boolean;
  groups: PlanGroup[] | undefined;
  kind: PlanGroup['kind'];
  query: PageQuery<T>;
  onPage: (page: number) => void;
  /** The width (rem) of the table's fixed columns. */
  fixedWidth: number;
  texts: {
    heading: string;
    add: string;
    loading: string;
    error: string;
    none: string;
    noneFound: string;
    addTo: (group: string) => string;
    caption: (group: string) => string;
    total: (count: number) => string;
  };
  header: ReactNode;
  row: (item: T) => ReactNode;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  const data = query.data;
  const path = `/plans/${plan.id}/${kind === 'INDICATOR' ? 'indicators' : 'tasks'}`;
  // Editors see empty groups too (to add to them), unless searching or paged: then the others' items may be
  // elsewhere.
  const whole = !searching && (data?.totalPages ?? 1) <= 1;
  const sections = grouped(groups, kind, data?.items ?? [], canEdit && whole);
  return (
    <section className="plan-appendix-part" aria-labelledby={headingId}>
      <div className="plan-heading-row">
        <h3 id={headingId}>{texts.heading}</h3>
        {canEdit && (
          <Link to={`${path}/new`} className="button">
            {texts.add}
          </Link>
        )}
      </div>
      {query.isPending && (
        <p role="status" className="notice">
          {texts.loading}
        </p>
      )}
      {query.isError && (
        <LoadError title={texts.error} error={query.error} onRetry={() => void query.refetch()} />
      )}
      {data && !query.isError && (
        <div aria-busy={query.isFetching}>
          {data.totalItems === 0 && (
            <p role="status" className="notice">
              {searching ? texts.noneFound : texts.none}
            </p>
          )}
          {sections.map(({ group, items: rows }) => (
            <section key={group.id} className="plan-group" aria-label={groupTitle(group)}>
              <div className="plan-heading-row">
                <h4>{groupTitle(group)}</h4>
                {canEdit && (
                  <Link
                    to={`${path}/new?group=${group.id}`}
                    className="plan-small-link"
                    aria-label={texts.addTo(group.code)}
                  >
                    {texts.add}
                  </Link>
                )}
              </div>
              {rows.length === 0 ? (
                <p className="muted">{t('plan.appendix.emptyGroup')}</p>
              ) : (
                <div
                  className="plan-table-scroll"
                  role="region"
                  aria-label={texts.caption(group.code)}
                  tabIndex={0}
                >
                  <table className="data-table plan-table" style={tableStyle(fixedWidth)}>
                    <caption className="visually-hidden">{texts.caption(group.code)}</caption>
                    <thead>
                      <tr>
                        {header}
                        {canEdit && (
                          <th
                            scope="col"
                            className="not-sortable"
                            style={{ width: `${widths.edit}rem` }}
                          >
                            <span className="visually-hidden">
                              {t('plan.appendix.columns.actions')}
                            </span>
                          </th>
                        )}
                      </tr>
                    </thead>
                    <tbody>{rows.map(row)}</tbody>
                  </table>
                </div>
              )}
            </section>
          ))}
          {data.totalPages > 1 && (
            <Pagination
              page={data.page + 1}
              totalPages={data.totalPages}
              total={texts.total(data.totalItems)}
              onPage={onPage}
            />
          )}
        </div>
      )}
    </section>
  );
}

function IndicatorsPart({
  plan,
  canEdit,
  searching,
  groups,
  query,
  onPage,
}: {
  plan: Plan;
  canEdit: boolean;
  searching: boolean;
  groups: PlanGroup[] | undefined;
  query: PageQuery<Indicator>;
  onPage: (page: number) => void;
}) {
  const { t } = useTranslation();
  const items = query.data?.items ?? [];
  // One column per year that any indicator on the page has a target for, as appendix tables have.
  const years = [...new Set(items.flatMap((i) => i.targets.map((target) => target.year ?? null)))]
    .filter((year): year is number => year !== null)
    .sort((a, b) => a - b);
  const withBaseline = items.some((i) => i.baseline);
  const fixedWidth =
    widths.code +
    widths.unit +
    (years.length + (withBaseline ? 1 : 0)) * widths.year +
    2 * widths.units +
    (canEdit ? widths.edit : 0);
  const columns = {
    code: t('plan.appendix.columns.code'),
    indicator: t('plan.appendix.columns.indicator'),
    unit: t('plan.appendix.columns.unit'),
    baseline: t('plan.appendix.columns.baseline'),
    lead: t('plan.appendix.columns.lead'),
    cooperating: t('plan.appendix.columns.cooperating'),
    actions: t('plan.appendix.columns.actions'),
  };

  return (
    <AppendixPart
      plan={plan}
      canEdit={canEdit}
      searching={searching}
      groups={groups}
      kind="INDICATOR"
      query={query}
      onPage={onPage}
      fixedWidth={fixedWidth}
      texts={{
        heading: t('plan.appendix.indicators'),
        add: t('plan.appendix.addIndicator'),
        loading: t('plan.appendix.loadingIndicators'),
        error: t('plan.appendix.indicatorsError'),
        none: t('plan.appendix.noIndicators'),
        noneFound: t('plan.appendix.noIndicatorsFound'),
        addTo: (group) => t('plan.appendix.addIndicatorTo', { group }),
        caption: (group) => t('plan.appendix.indicatorCaption', { group }),
        total: (count) => t('plan.appendix.indicatorTotal', { count }),
      }}
      header={
        <>
          <th scope="col" className="not-sortable" style={{ width: `${widths.code}rem` }}>
            {columns.code}
          </th>
          <th scope="col" className="not-sortable">
            {columns.indicator}
          </th>
          <th scope="col" className="not-sortable" style={{ width: `${widths.unit}rem` }}>
            {columns.unit}
          </th>
          {withBaseline && (
            <th scope="col" className="not-sortable" style={{ width: `${widths.year}rem` }}>
              {columns.baseline}
            </th>
          )}
          {years.map((year) => (
            <th
              key={year}
              scope="col"
              className="not-sortable"
              style={{ width: `${widths.year}rem` }}
            >
              {t('plan.appendix.columns.targetYear', { year })}
            </th>
          ))}
          <th scope="col" className="not-sortable" style={{ width: `${widths.units}rem` }}>
            {columns.lead}
          </th>
          <th scope="col" className="not-sortable" style={{ width: `${widths.units}rem` }}>
            {columns.cooperating}
          </th>
        </>
      }
      row={(indicator) => (
        <IndicatorRow
          key={indicator.id}
          plan={plan}
          indicator={indicator}
          years={years}
          withBaseline={withBaseline}
          canEdit={canEdit}
          columns={columns}
        />
      )}
    />
  );
}

function IndicatorRow({
  plan,
  indicator,
  years,
  withBaseline,
  canEdit,
  columns,
}: {
  plan: Plan;
  indicator: Indicator;
  years: number[];
  withBaseline: boolean;
  canEdit: boolean;
  columns: Record<
    'code' | 'indicator' | 'unit' | 'baseline' | 'lead' | 'cooperating' | 'actions',
    string
  >;
}) {
  const { t } = useTranslation();
  return (
    <tr id={`indicator-${indicator.id}`}>
      <Cell label={columns.code} className="plan-code">
        {indicator.code}
      </Cell>
      <Cell label={columns.indicator} className="plan-content">
        {indicator.content}
        {indicator.evidenceRequired && (
          <span className="plan-tag">{t('plan.appendix.evidenceRequired')}</span>
        )}
        {indicator.contributesTo && (
          <span className="plan-cell-note">
            <Link to={`/plans/${indicator.contributesTo.planId}`}>
              {t('plan.appendix.contributesTo', { code: indicator.contributesTo.code })}
            </Link>
          </span>
        )}
        {indicator.note && (
          <span className="plan-cell-note">
            {t('plan.appendix.note', { note: indicator.note })}
          </span>
        )}
      </Cell>
      <Cell label={columns.unit} empty={!indicator.unitOfMeasure}>
        {indicator.unitOfMeasure ?? dash}
      </Cell>
      {withBaseline && (
        <Cell label={columns.baseline} empty={!indicator.baseline}>
          {indicator.baseline ? targetText(indicator.baseline) : dash}
        </Cell>
      )}
      {years.map((year) => {
        const target = indicator.targets.find((x) => x.year === year);
        return (
          <Cell key={year} label={t('plan.appendix.columns.targetYear', { year })} empty={!target}>
            {target ? targetText(target) : dash}
          </Cell>
        );
      })}
      <Cell label={columns.lead}>
        <UnitsCell units={[indicator.leadUnit]} wording={indicator.leadWording} />
      </Cell>
      <Cell
        label={columns.cooperating}
        empty={!indicator.cooperatingUnits.length && !indicator.cooperatingWording}
      >
        <UnitsCell units={indicator.cooperatingUnits} wording={indicator.cooperatingWording} />
      </Cell>
      {canEdit && (
        <Cell label={columns.actions}>
          <Link
            to={`/plans/${plan.id}/indicators/${indicator.id}/edit`}
            aria-label={t('plan.appendix.editIndicator', { code: indicator.code })}
          >
            {columns.actions}
          </Link>
        </Cell>
      )}
    </tr>
  );
}

function TasksPart({
  plan,
  canEdit,
  searching,
  groups,
  query,
  onPage,
}: {
  plan: Plan;
  canEdit: boolean;
  searching: boolean;
  groups: PlanGroup[] | undefined;
  query: PageQuery<Task>;
  onPage: (page: number) => void;
}) {
  const { t } = useTranslation();
  const fixedWidth =
    widths.code +
    2 * widths.units +
    widths.product +
    widths.time +
    widths.progress +
    (canEdit ? widths.edit : 0);
  const columnWidths: Partial<Record<string, number>> = {
    code: widths.code,
    lead: widths.units,
    cooperating: widths.units,
    product: widths.product,
    timeframe: widths.time,
    progress: widths.progress,
  };
  const columns = {
    code: t('plan.appendix.columns.code'),
    task: t('plan.appendix.columns.task'),
    lead: t('plan.appendix.columns.lead'),
    cooperating: t('plan.appendix.columns.cooperating'),
    product: t('plan.appendix.columns.product'),
    timeframe: t('plan.appendix.columns.timeframe'),
    progress: t('plan.appendix.columns.progress'),
    actions: t('plan.appendix.columns.actions'),
  };

  return (
    <AppendixPart
      plan={plan}
      canEdit={canEdit}
      searching={searching}
      groups={groups}
      kind="TASK"
      query={query}
      onPage={onPage}
      fixedWidth={fixedWidth}
      texts={{
        heading: t('plan.appendix.tasks'),
        add: t('plan.appendix.addTask'),
        loading: t('plan.appendix.loadingTasks'),
        error: t('plan.appendix.tasksError'),
        none: t('plan.appendix.noTasks'),
        noneFound: t('plan.appendix.noTasksFound'),
        addTo: (group) => t('plan.appendix.addTaskTo', { group }),
        caption: (group) => t('plan.appendix.taskCaption', { group }),
        total: (count) => t('plan.appendix.taskTotal', { count }),
      }}
      header={
        <>
          {(
            ['code', 'task', 'lead', 'cooperating', 'product', 'timeframe', 'progress'] as const
          ).map((column) => (
            <th
              key={column}
              scope="col"
              className="not-sortable"
              style={columnWidths[column] ? { width: `${columnWidths[column]}rem` } : undefined}
            >
              {columns[column]}
            </th>
          ))}
        </>
      }
      row={(task) => (
        <tr key={task.id} id={`task-${task.id}`}>
          <Cell label={columns.code} className="plan-code">
            {task.code}
          </Cell>
          <Cell label={columns.task} className="plan-content">
            {task.description}
            {task.note && (
              <span className="plan-cell-note">{t('plan.appendix.note', { note: task.note })}</span>
            )}
          </Cell>
          <Cell label={columns.lead}>
            <UnitsCell units={task.leadUnits} wording={null} />
          </Cell>
          <Cell label={columns.cooperating} empty={!task.cooperatingUnits.length}>
            <UnitsCell units={task.cooperatingUnits} wording={null} />
          </Cell>
          <Cell label={columns.product} empty={!task.product}>
            {task.product ?? dash}
          </Cell>
          <Cell label={columns.timeframe}>{timeframeText(task.timeframe, t)}</Cell>
          <Cell label={columns.progress}>
            <span className={`plan-progress plan-progress-${task.progress.toLowerCase()}`}>
              {t(`plan.appendix.progress.${task.progress}`)}
            </span>
          </Cell>
          {canEdit && (
            <Cell label={columns.actions}>
              <Link
                to={`/plans/${plan.id}/tasks/${task.id}/edit`}
                aria-label={t('plan.appendix.editTask', { code: task.code })}
              >
                {columns.actions}
              </Link>
            </Cell>
          )}
        </tr>
      )}
    />
  );
}
