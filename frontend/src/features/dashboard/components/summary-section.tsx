import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { components } from '@/api/schema';
import { formatDate, formatNumber } from '@/lib/format';
import { useLanguage } from '@/lib/i18n';
import { ProgressBar } from '@/features/dashboard/components/progress-bar';
import {
  indicatorStatuses,
  StatusBadge,
  type IndicatorStatus,
} from '@/features/dashboard/components/status-badge';
import { listParam, withoutPages } from '@/features/dashboard/utils/list-state';
import { withChanges } from '@/lib/search-params';
import { periodLabel } from '@/lib/periods';

type ConsolidatedReport = components['schemas']['ConsolidatedReport'];

export const indicatorsSectionId = 'dash-indicators';

/** How many indicators have each status, as a whole. */
export function countStatuses(report: ConsolidatedReport): Record<IndicatorStatus, number> {
  const counts = Object.fromEntries(indicatorStatuses.map((s) => [s, 0])) as Record<
    IndicatorStatus,
    number
  >;
  for (const result of report.indicators) counts[result.status] += 1;
  return counts;
}

/** The period at a glance: indicators by status (each a way into the list), deadlines, timeliness. */
export function SummarySection({ report }: { report: ConsolidatedReport }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const [searchParams] = useSearchParams();
  const { period, timeliness } = report;
  const counts = countStatuses(report);
  const withTarget = report.indicators.length - counts.NO_TARGET;
  const count = (value: number) => formatNumber(value, lang);

  const filterLink = (status: IndicatorStatus) => {
    const next = withChanges(withoutPages(searchParams), {
      [listParam('ind', 'status')]: status,
    });
    return { search: `?${next.toString()}`, hash: indicatorsSectionId };
  };

  return (
    <section className="dash-section" aria-labelledby="dash-summary-heading" id="dash-summary">
      <h2 id="dash-summary-heading">
        {t('dashboard.summary.title', { period: periodLabel(period.key, t) })}
      </h2>
      <p className="muted dash-plan-line">
        {t('dashboard.summary.planLine', {
          unit: report.issuingUnit.name,
          plan: report.plan.documentNumber
            ? `${report.plan.documentNumber} – ${report.plan.title}`
            : report.plan.title,
        })}
      </p>

      <div className="dash-summary-grid">
        <div>
          <h3>{t('dashboard.summary.indicatorsTitle', { count: report.indicators.length })}</h3>
          {withTarget > 0 && (
            <ProgressBar
              percent={(counts.MET / withTarget) * 100}
              label={t('dashboard.summary.metShareLabel')}
              tone="met"
              caption={t('dashboard.summary.metShare', {
                met: count(counts.MET),
                total: count(withTarget),
              })}
            />
          )}
          <ul className="dash-counts" aria-label={t('dashboard.summary.countsLabel')}>
            {indicatorStatuses
              .filter((status) => counts[status] > 0)
              .map((status) => (
                <li key={status}>
                  <Link to={filterLink(status)} className="dash-count">
                    <StatusBadge status={status} />{' '}
                    <span className="dash-count-number">{count(counts[status])}</span>
                  </Link>
                </li>
              ))}
          </ul>
        </div>

        <div>
          <h3>{t('dashboard.summary.timelinessTitle')}</h3>
          {timeliness.expected > 0 ? (
            <ProgressBar
              percent={(timeliness.onTime / timeliness.expected) * 100}
              label={t('dashboard.summary.onTimeShareLabel')}
              tone="on-track"
              caption={t('dashboard.summary.onTimeShare', {
                onTime: count(timeliness.onTime),
                expected: count(timeliness.expected),
              })}
            />
          ) : (
            <p className="muted">{t('dashboard.summary.nothingExpected')}</p>
          )}
          <dl className="dash-facts">
            <div>
              <dt>{t('dashboard.summary.submitted')}</dt>
              <dd>{count(timeliness.submitted)}</dd>
            </div>
            <div>
              <dt>{t('dashboard.summary.late')}</dt>
              <dd>{count(timeliness.late)}</dd>
            </div>
            <div>
              <dt>{t('dashboard.summary.missing')}</dt>
              <dd>{count(timeliness.missing)}</dd>
            </div>
            <div>
              <dt>{t('dashboard.summary.unitDeadline')}</dt>
              <dd>{formatDate(period.unitDeadline, lang)}</dd>
            </div>
            <div>
              <dt>{t('dashboard.summary.consolidationDeadline')}</dt>
              <dd>{formatDate(period.consolidationDeadline, lang)}</dd>
            </div>
            <div>
              <dt>{t('dashboard.summary.sentUp')}</dt>
              <dd>
                {period.sentUpAt
                  ? t('dashboard.summary.sentUpAt', { date: formatDate(period.sentUpAt, lang) })
                  : t('dashboard.summary.notSentUp')}
              </dd>
            </div>
          </dl>
        </div>
      </div>
    </section>
  );
}
