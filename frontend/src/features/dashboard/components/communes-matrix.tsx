import { useQueries } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, type To } from 'react-router';
import type { components } from '@/api/schema';
import { formatNumber } from '@/lib/format';
import { useLanguage } from '@/lib/i18n';
import { LoadError } from '@/components/load-error';
import { getConsolidatedReportQueryOptions } from '@/lib/consolidated-report';
import { getPlanIndicatorsQueryOptions } from '@/features/dashboard/api/get-plan-indicators';
import {
  StatusBadge,
  statusRank,
  type IndicatorStatus,
} from '@/features/dashboard/components/status-badge';
import { formatTarget } from '@/features/dashboard/utils/format';

type Rollup = components['schemas']['Rollup'];
type SubordinatePlan = components['schemas']['SubordinatePlan'];

/** For one commune: the statuses of its indicators that feed each province indicator. */
type CommuneCells = Map<string, IndicatorStatus[]>;

/**
 * Communes × province indicators: for each commune on the current page of the list above, the
 * status of its indicators feeding each province indicator, under the province's own roll-up.
 * Each commune's figures are its consolidated report, read commune by commune with the progress shown.
 */
export function CommunesMatrix({
  rollups,
  communes,
  pageInfo,
  drillLink,
}: {
  rollups: Rollup[];
  communes: SubordinatePlan[];
  pageInfo: string | null;
  drillLink: (s: SubordinatePlan) => To;
}) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const withPeriod = communes.filter((c) => c.periodKey);

  const reports = useQueries({
    queries: withPeriod.map((c) => getConsolidatedReportQueryOptions(c.plan.id, c.periodKey ?? '')),
  });
  const indicators = useQueries({
    queries: withPeriod.map((c) => getPlanIndicatorsQueryOptions(c.plan.id)),
  });
  const failed = [...reports, ...indicators].filter((q) => q.isError);
  // A commune is done when both its reads have answered, one way or the other.
  const settled = withPeriod.filter(
    (_, index) => !reports[index]?.isPending && !indicators[index]?.isPending,
  ).length;
  const total = withPeriod.length;

  const cells = new Map<string, CommuneCells>();
  withPeriod.forEach((commune, index) => {
    const report = reports[index]?.data;
    const list = indicators[index]?.data;
    if (!report || !list) return;
    const feeds = new Map(list.items.map((i) => [i.id, i.contributesTo?.id]));
    const byProvinceIndicator: CommuneCells = new Map();
    for (const result of report.indicators) {
      const target = feeds.get(result.indicator.id);
      if (!target) continue;
      byProvinceIndicator.set(target, [...(byProvinceIndicator.get(target) ?? []), result.status]);
    }
    cells.set(commune.plan.id, byProvinceIndicator);
  });
  const count = (value: number) => formatNumber(value, lang);

  return (
    <section className="dash-section" aria-labelledby="dash-matrix-heading" id="dash-matrix">
      <h2 id="dash-matrix-heading">{t('dashboard.matrix.title')}</h2>
      {rollups.length === 0 ? (
        <p className="notice">{t('dashboard.matrix.noRollups')}</p>
      ) : (
        <>
          <p className="muted">
            {t('dashboard.matrix.intro')} {pageInfo}
          </p>
          <div className="progress-slot">
            {settled < total && (
              <progress
                className="progress"
                value={settled}
                max={total}
                aria-label={t('dashboard.matrix.loading', {
                  done: count(settled),
                  total: count(total),
                })}
              />
            )}
          </div>
          {settled < total && (
            <p role="status" className="muted">
              {t('dashboard.matrix.loading', { done: count(settled), total: count(total) })}
            </p>
          )}
          {failed.length > 0 && (
            <LoadError
              title={t('dashboard.matrix.errorTitle')}
              error={failed[0]?.error}
              onRetry={() => failed.forEach((q) => void q.refetch())}
            />
          )}
          {/* Named outside the box so that the name stays in view while the table scrolls. */}
          <h3 id="dash-matrix-caption">{t('dashboard.matrix.caption')}</h3>
          <div
            className="dash-scroll"
            role="region"
            aria-labelledby="dash-matrix-caption"
            // Scrolls sideways on a phone: reachable from the keyboard.
            tabIndex={0}
          >
            <table className="dash-matrix">
              <caption className="visually-hidden">{t('dashboard.matrix.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('dashboard.matrix.communeColumn')}</th>
                  {rollups.map((r) => (
                    <th scope="col" key={r.indicator.id}>
                      <span className="dash-code">{r.indicator.code}</span>
                      <span className="dash-matrix-content">{r.indicator.content}</span>
                      {r.target && (
                        <span className="dash-note">
                          {t('dashboard.matrix.target', { target: formatTarget(r.target, lang) })}
                        </span>
                      )}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                <tr className="dash-matrix-total">
                  <th scope="row">{t('dashboard.matrix.provinceRow')}</th>
                  {rollups.map((r) => (
                    <td key={r.indicator.id}>
                      <StatusBadge status={r.status} />
                      <span className="dash-note">
                        {t('dashboard.matrix.reported', {
                          reported: count(r.reported),
                          feeding: count(r.feeding),
                        })}
                      </span>
                    </td>
                  ))}
                </tr>
                {communes.map((commune) => (
                  <CommuneRow
                    key={commune.plan.id}
                    commune={commune}
                    rollups={rollups}
                    cells={cells.get(commune.plan.id)}
                    failed={isFailed(commune, withPeriod, reports, indicators)}
                    drillLink={drillLink(commune)}
                  />
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}

function isFailed(
  commune: SubordinatePlan,
  withPeriod: SubordinatePlan[],
  reports: { isError: boolean }[],
  indicators: { isError: boolean }[],
): boolean {
  const index = withPeriod.indexOf(commune);
  return index >= 0 && Boolean(reports[index]?.isError || indicators[index]?.isError);
}

function CommuneRow({
  commune,
  rollups,
  cells,
  failed,
  drillLink,
}: {
  commune: SubordinatePlan;
  rollups: Rollup[];
  cells: CommuneCells | undefined;
  failed: boolean;
  drillLink: To;
}) {
  const { t } = useTranslation();
  return (
    <tr>
      <th scope="row">
        <Link to={drillLink}>{commune.issuingUnit.name}</Link>
      </th>
      {rollups.map((r) => {
        const statuses = cells?.get(r.indicator.id);
        let content;
        if (!commune.periodKey) {
          content = <span className="muted">{t('dashboard.matrix.noPeriod')}</span>;
        } else if (failed) {
          content = <span className="field-error">{t('dashboard.matrix.failed')}</span>;
        } else if (!cells) {
          content = <span className="muted">{t('dashboard.matrix.cellLoading')}</span>;
        } else if (!statuses || statuses.length === 0) {
          content = <span className="muted">{t('dashboard.matrix.noIndicator')}</span>;
        } else {
          // Several commune indicators may feed one province indicator: the worst one speaks for them.
          const worst = [...statuses].sort((a, b) => statusRank(a) - statusRank(b))[0]!;
          content = (
            <>
              <StatusBadge status={worst} />
              {statuses.length > 1 && (
                <span className="dash-note">
                  {t('dashboard.matrix.several', { count: statuses.length })}
                </span>
              )}
            </>
          );
        }
        return <td key={r.indicator.id}>{content}</td>;
      })}
    </tr>
  );
}
