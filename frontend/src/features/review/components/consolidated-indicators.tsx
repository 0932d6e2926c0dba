import { useTranslation } from 'react-i18next';
import { indicatorStatuses, StatusBadge } from '@/components/status-badge';
import type { components } from '@/api/schema';
import { formatNumber } from '@/lib/format';
import { useLanguage } from '@/lib/i18n';
import { periodLabel } from '@/lib/periods';
import { formatTarget, formatValue } from '@/features/review/components/review-format';

type ConsolidatedReport = components['schemas']['ConsolidatedReport'];

/**
 * The consolidated report as it will be sent up: every indicator with its target for the year, the latest
 * accepted value and the status the server computed, and how many indicators stand in each status.
 */
export function ConsolidatedIndicators({ consolidated }: { consolidated: ConsolidatedReport }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { period, indicators, statusCounts } = consolidated;
  const counted = indicatorStatuses.filter((s) => (statusCounts[s] ?? 0) > 0);
  const columns = {
    indicator: t('review.consolidated.columns.indicator'),
    target: t('review.consolidated.columns.target'),
    value: t('review.consolidated.columns.value'),
    status: t('review.consolidated.columns.status'),
    leadUnit: t('review.consolidated.columns.leadUnit'),
  };
  return (
    <section className="review-section" aria-labelledby="review-consolidated-heading">
      <h2 id="review-consolidated-heading">
        {t('review.consolidated.title', { period: periodLabel(period.key, t) })}
      </h2>
      {counted.length > 0 && (
        <ul className="consolidated-counts" aria-label={t('review.consolidated.countsLabel')}>
          {counted.map((status) => (
            <li key={status}>
              <StatusBadge status={status} />{' '}
              <strong>{formatNumber(statusCounts[status] ?? 0, lang)}</strong>
            </li>
          ))}
        </ul>
      )}
      {indicators.length === 0 ? (
        <p className="muted">{t('review.consolidated.none')}</p>
      ) : (
        <table className="data-table review-table consolidated-table">
          <caption className="visually-hidden">
            {t('review.consolidated.caption', { period: periodLabel(period.key, t) })}
          </caption>
          <thead>
            <tr>
              {Object.values(columns).map((label) => (
                <th key={label} scope="col" className="not-sortable">
                  {label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {indicators.map((row) => (
              <tr key={row.indicator.id}>
                <td data-label={columns.indicator} className="cell-title">
                  {`${row.indicator.code} ${row.indicator.content}`}
                </td>
                <td data-label={columns.target}>
                  {row.target ? formatTarget(row.target, lang, row.unitOfMeasure) : '—'}
                </td>
                <td data-label={columns.value}>
                  {row.value
                    ? formatValue(row.value, t, { lang, unitOfMeasure: row.unitOfMeasure })
                    : t('review.consolidated.noValue')}
                  {row.value && row.reportPeriodKey && row.reportPeriodKey !== period.key && (
                    <span className="muted">
                      {' '}
                      {t('review.consolidated.valueOf', {
                        period: periodLabel(row.reportPeriodKey, t),
                      })}
                    </span>
                  )}
                </td>
                <td data-label={columns.status}>
                  <StatusBadge status={row.status} />
                </td>
                <td data-label={columns.leadUnit}>{row.leadUnit.name}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
