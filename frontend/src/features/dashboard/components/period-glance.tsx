import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams, type To } from 'react-router';
import type { components } from '@/api/schema';
import { formatDate, formatNumber } from '@/lib/format';
import { useLanguage } from '@/lib/i18n';
import { periodLabel } from '@/lib/periods';
import { withChanges } from '@/lib/search-params';
import { indicatorsSectionId } from '@/features/dashboard/components/indicators-section';
import { indicatorStatuses, StatusBadge } from '@/components/status-badge';
import { listParam, withoutPages } from '@/features/dashboard/utils/list-state';

type PeriodSummary = components['schemas']['PeriodSummary'];
type PeriodFigures = components['schemas']['PeriodFigures'];
type LateUnit = components['schemas']['LateUnit'];

/** Late units shown by name before "and N more". */
const lateUnitsShown = 5;

/** A period of the year in the few letters a strip of twelve has room for: T11, Q3, H1. */
function shortPeriod(period: PeriodFigures, t: TFunction): string {
  return t(`dashboard.glance.short.${period.kind}`, { seq: period.seq, year: period.year });
}

/** +2, −1 or nothing: a count's change since the previous period, as the server computed it. */
function Delta({ value, label }: { value: number | undefined; label: string }) {
  const lang = useLanguage();
  if (!value) return null;
  const text = `${value > 0 ? '+' : '−'}${formatNumber(Math.abs(value), lang)}`;
  return (
    <span className="dash-delta" aria-label={label}>
      {text}
    </span>
  );
}

function lateUnitLine(unit: LateUnit, t: TFunction, count: (n: number) => string): string {
  const parts = [];
  if (unit.missing > 0)
    parts.push(t('dashboard.glance.unitMissing', { count: unit.missing, n: count(unit.missing) }));
  if (unit.submittedLate > 0)
    parts.push(
      t('dashboard.glance.unitLate', { count: unit.submittedLate, n: count(unit.submittedLate) }),
    );
  return parts.join(', ');
}

/**
 * The leader's first screen: the period's indicators by status (word, symbol and colour) with the change since
 * the previous period, the units late now by name, and the period beside the year so far. Every figure is the
 * server's; this only lays them out.
 */
export function PeriodGlance({
  summary,
  tabLink,
}: {
  summary: PeriodSummary;
  /** Where a tab of the page opens, for "see all" links. */
  tabLink: (tab: string, changes?: Record<string, string>) => To;
}) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const [searchParams] = useSearchParams();
  const count = (n: number) => formatNumber(n, lang);
  const { period, statusCounts, timeliness, change, yearToDate } = summary;
  const total = Object.values(statusCounts).reduce((sum, n) => sum + (n ?? 0), 0);
  const shown = indicatorStatuses.filter(
    (s) => (statusCounts[s] ?? 0) > 0 || (change?.statusDelta[s] ?? 0) !== 0,
  );
  const previous = change ? periodLabel(change.previousKey, t) : '';
  const thisPeriod = periodLabel(period.key, t);
  const lateUnits = timeliness.lateUnits;

  const statusLink = (status: string) => {
    const next = withChanges(withoutPages(searchParams), {
      [listParam('ind', 'status')]: status,
      tab: 'indicators',
    });
    return { search: `?${next.toString()}`, hash: indicatorsSectionId };
  };

  const rows = [
    {
      key: 'onTime',
      label: t('dashboard.glance.onTime'),
      now: timeliness.onTime,
      year: yearToDate.onTime,
    },
    { key: 'late', label: t('dashboard.glance.late'), now: timeliness.late, year: yearToDate.late },
    {
      key: 'missing',
      label: t('dashboard.glance.missing'),
      now: timeliness.missing,
      year: yearToDate.missing,
    },
    {
      // What is neither sent nor overdue, so that the column adds up to what is due.
      key: 'pending',
      label: t('dashboard.glance.pending'),
      now: Math.max(
        0,
        timeliness.expected - timeliness.onTime - timeliness.late - timeliness.missing,
      ),
      year: Math.max(
        0,
        yearToDate.expected - yearToDate.onTime - yearToDate.late - yearToDate.missing,
      ),
    },
    {
      key: 'expected',
      label: t('dashboard.glance.expected'),
      now: timeliness.expected,
      year: yearToDate.expected,
    },
  ];

  return (
    <section className="dash-glance" aria-labelledby="dash-glance-heading" id="dash-summary">
      <h2 id="dash-glance-heading" className="dash-glance-title">
        {t('dashboard.glance.title', { period: thisPeriod })}
      </h2>
      <div className="dash-glance-grid">
        <div className="dash-card" data-testid="glance-statuses">
          <h3>{t('dashboard.glance.statusesTitle', { count: total, n: count(total) })}</h3>
          <ul className="dash-status-counts" aria-label={t('dashboard.summary.countsLabel')}>
            {shown.map((status) => (
              <li key={status}>
                <Link to={statusLink(status)} className="dash-count">
                  <StatusBadge status={status} />{' '}
                  <span className="dash-count-number">{count(statusCounts[status] ?? 0)}</span>
                  <Delta
                    value={change?.statusDelta[status]}
                    label={t('dashboard.glance.deltaLabel', {
                      delta: change?.statusDelta[status] ?? 0,
                      period: previous,
                    })}
                  />
                </Link>
              </li>
            ))}
          </ul>
          {change ? (
            <p className="dash-change" data-testid="glance-change">
              {t('dashboard.glance.changeLine', {
                period: previous,
                better: count(change.better),
                worse: count(change.worse),
              })}
            </p>
          ) : (
            <p className="muted dash-change">{t('dashboard.glance.firstPeriod')}</p>
          )}
        </div>

        <div className="dash-card" data-testid="glance-late-units">
          <h3>{t('dashboard.glance.lateUnitsTitle', { n: count(lateUnits.length) })}</h3>
          {lateUnits.length === 0 ? (
            <p className="muted">
              {timeliness.expected === 0
                ? t('dashboard.summary.nothingExpected')
                : t('dashboard.glance.noLateUnits')}
            </p>
          ) : (
            <ul className="dash-late-units">
              {lateUnits.slice(0, lateUnitsShown).map((u) => (
                <li key={u.unit.id}>
                  <span className="dash-late-name">{u.unit.name}</span>{' '}
                  <span className="dash-note">{lateUnitLine(u, t, count)}</span>
                </li>
              ))}
            </ul>
          )}
          {lateUnits.length > lateUnitsShown && (
            <Link to={tabLink('units')}>
              {t('dashboard.glance.moreLateUnits', { n: count(lateUnits.length - lateUnitsShown) })}
            </Link>
          )}
          {change && (
            <p className="dash-note">
              {t('dashboard.glance.lateBefore', {
                period: previous,
                n: count(change.previousLateUnits),
              })}
            </p>
          )}
        </div>

        <div className="dash-card" data-testid="glance-year">
          <table className="dash-glance-table">
            <caption>{t('dashboard.glance.timelinessCaption')}</caption>
            <thead>
              <tr>
                <td />
                <th scope="col">{thisPeriod}</th>
                <th scope="col">{t('dashboard.glance.yearToDate', { year: yearToDate.year })}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.key} data-row={row.key}>
                  <th scope="row">{row.label}</th>
                  <td>{count(row.now)}</td>
                  <td>{count(row.year)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {yearToDate.periods.length > 1 && (
            <ol
              className="dash-year-strip"
              aria-label={t('dashboard.glance.stripLabel', { year: yearToDate.year })}
            >
              {yearToDate.periods.map((p) => {
                const behind = p.late + p.missing;
                return (
                  <li
                    key={p.key}
                    className={behind > 0 ? 'dash-strip-behind' : 'dash-strip-ok'}
                    aria-current={p.key === period.key ? 'true' : undefined}
                  >
                    <span className="dash-strip-label" aria-hidden="true">
                      {shortPeriod(p, t)}
                    </span>
                    <span className="dash-strip-value" aria-hidden="true">
                      {count(behind)}
                    </span>
                    <span className="visually-hidden">
                      {t('dashboard.glance.stripItem', {
                        period: periodLabel(p.key, t),
                        late: count(p.late),
                        missing: count(p.missing),
                      })}
                    </span>
                  </li>
                );
              })}
            </ol>
          )}
          {yearToDate.lateUnits.length > 0 && (
            <p className="dash-note">
              {t('dashboard.glance.yearLateUnits', {
                units: yearToDate.lateUnits
                  .slice(0, 3)
                  .map((u) => `${u.unit.name} (${count(u.missing + u.submittedLate)})`)
                  .join(', '),
              })}
            </p>
          )}
          <p className="dash-note">
            {t('dashboard.glance.deadlines', {
              unit: formatDate(period.unitDeadline, lang),
              consolidation: formatDate(period.consolidationDeadline, lang),
            })}{' '}
            {period.sentUpAt
              ? t('dashboard.summary.sentUpAt', { date: formatDate(period.sentUpAt, lang) })
              : t('dashboard.glance.notSentUp')}
          </p>
        </div>
      </div>
    </section>
  );
}
