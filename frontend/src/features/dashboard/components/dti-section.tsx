import { lazy, Suspense, useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { components } from '@/api/schema';
import { ApiError } from '@/lib/api-client';
import { formatNumber } from '@/lib/format';
import { useLanguage } from '@/lib/i18n';
import { LoadError } from '@/components/load-error';
import { useGetDtiRanking } from '@/features/dashboard/api/get-dti-ranking';
import type { ChartPoint } from '@/features/dashboard/components/dti-chart';
import { withChanges } from '@/lib/search-params';

type DtiRanking = components['schemas']['DtiRanking'];
type DtiRankingRow = components['schemas']['DtiRankingRow'];
type DtiRankTarget = components['schemas']['DtiRankTarget'];
type OrgUnit = components['schemas']['OrgUnit'];

// The chart library is fetched only when a chart is drawn, after the tables are on screen.
const DtiChart = lazy(() =>
  import('@/features/dashboard/components/dti-chart').then((m) => ({ default: m.DtiChart })),
);

const totalKey = 'total';
const pillarParam = 'dti.pillar';

/** No DTI framework has been loaded yet: nothing to rank against, which is not a failure. */
function isMissing(error: unknown): boolean {
  return error instanceof ApiError && error.status === 404;
}

function hasData(ranking: DtiRanking | undefined): boolean {
  return Boolean(ranking?.rows.some((row) => row.targets.length > 0 || row.results.length > 0));
}

function rowKey(row: DtiRankingRow): string {
  return row.pillar?.code ?? totalKey;
}

function yearsOf(ranking: DtiRanking): number[] {
  const years = new Set<number>();
  for (const row of ranking.rows) {
    for (const target of row.targets) years.add(target.year);
    for (const result of row.results) years.add(result.year);
  }
  return [...years].sort((a, b) => a - b);
}

export function formatTargetRank(target: DtiRankTarget): string {
  return `${target.comparator === 'LE' ? '≤' : ''}${target.rank}/${target.outOf}`;
}

/** Pillars in their order, the whole index last (as the plans print the table). */
function orderedRows(ranking: DtiRanking): DtiRankingRow[] {
  return [...ranking.rows].sort(
    (a, b) =>
      (a.pillar?.order ?? Number.MAX_SAFE_INTEGER) - (b.pillar?.order ?? Number.MAX_SAFE_INTEGER),
  );
}

/**
 * The DTI ranking: for each pillar and in total, the target rank and the actual rank of each year,
 * with the gap; as a table (what screen readers read) and as a chart of one pillar.
 * A commune that sets no ranking of its own sees its province's.
 */
export function DtiSection({ unit }: { unit: OrgUnit }) {
  const { t } = useTranslation();
  const ownQuery = useGetDtiRanking(unit.id);
  const province = unit.ancestors[0];
  const fallbackId =
    ownQuery.isSuccess && !hasData(ownQuery.data) && province ? province.id : undefined;
  const provinceQuery = useGetDtiRanking(fallbackId);
  const query = fallbackId ? provinceQuery : ownQuery;
  const ranking = query.data;

  return (
    <section className="dash-section" aria-labelledby="dash-dti-heading" id="dash-dti">
      <h2 id="dash-dti-heading">
        {ranking
          ? t('dashboard.dti.titleOf', { unit: ranking.unit.name })
          : t('dashboard.dti.title')}
      </h2>
      {query.isError && !isMissing(query.error) ? (
        <LoadError
          title={t('dashboard.dti.errorTitle')}
          error={query.error}
          onRetry={() => void query.refetch()}
        />
      ) : query.isError ? (
        <p className="notice">{t('dashboard.dti.empty')}</p>
      ) : !ranking || query.isPending ? (
        <p role="status" className="notice">
          {t('dashboard.dti.loading')}
        </p>
      ) : !hasData(ranking) ? (
        <p className="notice">{t('dashboard.dti.empty')}</p>
      ) : (
        <DtiContent ranking={ranking} />
      )}
    </section>
  );
}

function DtiContent({ ranking }: { ranking: DtiRanking }) {
  const { t } = useTranslation();
  const id = useId();
  const [searchParams, setSearchParams] = useSearchParams();
  const rows = useMemo(() => orderedRows(ranking), [ranking]);
  const years = useMemo(() => yearsOf(ranking), [ranking]);
  const name = (row: DtiRankingRow) => row.pillar?.name ?? t('dashboard.dti.total');
  const selected =
    rows.find((row) => rowKey(row) === searchParams.get(pillarParam)) ??
    rows.find((row) => row.pillar === null) ??
    rows[0]!;

  const selectedName = name(selected);
  // Drawing is the slow part on an old office PC: redrawn only when its figures change, not on
  // every change of the page's other lists.
  const chart = useMemo(() => {
    const points: ChartPoint[] = years.map((year) => ({
      year: String(year),
      target: selected.targets.find((x) => x.year === year)?.rank ?? null,
      actual: selected.results.find((x) => x.year === year)?.rank ?? null,
    }));
    const outOf = Math.max(
      ...selected.targets.map((x) => x.outOf),
      ...selected.results.map((x) => x.outOf),
      1,
    );
    return (
      <DtiChart
        points={points}
        outOf={outOf}
        label={t('dashboard.dti.chartLabel', { pillar: selectedName })}
        targetName={t('dashboard.dti.target')}
        actualName={t('dashboard.dti.actual')}
        rankText={(rank) => t('dashboard.dti.rank', { rank, outOf })}
      />
    );
  }, [selected, years, selectedName, t]);

  return (
    <>
      <p className="muted">
        {t('dashboard.dti.intro', {
          framework: ranking.framework.name,
          edition: ranking.framework.edition,
        })}
      </p>
      <div className="dash-dti-layout">
        <figure className="dash-chart">
          <div className="field dash-chart-pillar">
            <label htmlFor={`${id}-pillar`}>{t('dashboard.dti.chartPillar')}</label>
            <select
              id={`${id}-pillar`}
              value={rowKey(selected)}
              onChange={(event) =>
                setSearchParams(
                  (current) => withChanges(current, { [pillarParam]: event.target.value }),
                  { replace: true, preventScrollReset: true },
                )
              }
            >
              {rows.map((row) => (
                <option key={rowKey(row)} value={rowKey(row)}>
                  {name(row)}
                </option>
              ))}
            </select>
          </div>
          <Suspense
            fallback={
              <p role="status" className="dash-chart-loading muted">
                {t('dashboard.dti.chartLoading')}
              </p>
            }
          >
            {chart}
          </Suspense>
          <figcaption className="muted">
            {t('dashboard.dti.chartCaption', { pillar: name(selected) })}
          </figcaption>
        </figure>
        <DtiTable ranking={ranking} rows={rows} years={years} name={name} />
      </div>
    </>
  );
}

function DtiTable({
  ranking,
  rows,
  years,
  name,
}: {
  ranking: DtiRanking;
  rows: DtiRankingRow[];
  years: number[];
  name: (row: DtiRankingRow) => string;
}) {
  const { t } = useTranslation();
  const lang = useLanguage();
  return (
    <div className="dash-dti-table-box">
      {/* Named outside the box so that the name stays in view while the table scrolls. */}
      <h3 id="dash-dti-caption">{t('dashboard.dti.caption', { unit: ranking.unit.name })}</h3>
      <div className="dash-scroll" role="region" aria-labelledby="dash-dti-caption" tabIndex={0}>
        <table className="dash-matrix dash-dti-table">
          <caption className="visually-hidden">
            {t('dashboard.dti.caption', { unit: ranking.unit.name })}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('dashboard.dti.pillarColumn')}</th>
              {years.map((year) => (
                <th scope="col" key={year}>
                  {year}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={rowKey(row)} className={row.pillar ? undefined : 'dash-matrix-total'}>
                <th scope="row">
                  {name(row)}
                  {row.pillar && (
                    <span className="dash-note">
                      {t('dashboard.dti.pillarFacts', {
                        subIndices: formatNumber(row.pillar.subIndexCount, lang),
                        points: formatNumber(row.pillar.maxPoints, lang),
                      })}
                    </span>
                  )}
                </th>
                {years.map((year) => {
                  const target = row.targets.find((x) => x.year === year);
                  const result = row.results.find((x) => x.year === year);
                  const gap = row.gaps.find((x) => x.year === year);
                  return (
                    <td key={year}>
                      {!target && !result && <span className="muted">—</span>}
                      {target && (
                        <span className="dash-rank">
                          {t('dashboard.dti.targetCell', { rank: formatTargetRank(target) })}
                        </span>
                      )}
                      {result && (
                        <span className="dash-rank">
                          {t('dashboard.dti.actualCell', {
                            rank: `${result.rank}/${result.outOf}`,
                          })}
                        </span>
                      )}
                      {gap && (
                        <span
                          className={`dash-status ${gap.met ? 'dash-status-met' : 'dash-status-not-met'}`}
                        >
                          {gap.met
                            ? t('dashboard.dti.met')
                            : gap.gap > 0
                              ? t('dashboard.dti.gap', { count: gap.gap })
                              : t('dashboard.dti.notMet')}
                        </span>
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
