import { useTranslation } from 'react-i18next';
import { Link, type To } from 'react-router';
import type { components } from '@/api/schema';
import { formatNumber } from '@/lib/format';
import { useLanguage } from '@/lib/i18n';
import { StatusBadge, statusRank } from '@/components/status-badge';
import { formatTarget } from '@/features/dashboard/utils/format';

type Rollup = components['schemas']['Rollup'];
type CommuneProgress = components['schemas']['CommuneProgress'];

/**
 * Communes × province indicators: for each commune on the current page of the list above, the
 * status of its indicators feeding each province indicator, under the province's own roll-up. The
 * server sends each commune's statuses with the list: nothing is read commune by commune.
 */
export function CommunesMatrix({
  rollups,
  communes,
  pageInfo,
  drillLink,
}: {
  rollups: Rollup[];
  communes: CommuneProgress[];
  pageInfo: string | null;
  drillLink: (c: CommuneProgress) => To;
}) {
  const { t } = useTranslation();
  const lang = useLanguage();
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
                    key={commune.commune.id}
                    commune={commune}
                    rollups={rollups}
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

function CommuneRow({
  commune,
  rollups,
  drillLink,
}: {
  commune: CommuneProgress;
  rollups: Rollup[];
  drillLink: To;
}) {
  const { t } = useTranslation();
  return (
    <tr>
      <th scope="row">
        {commune.plan ? <Link to={drillLink}>{commune.commune.name}</Link> : commune.commune.name}
      </th>
      {rollups.map((r) => {
        const statuses = commune.feeding[r.indicator.id];
        let content;
        if (!commune.plan) {
          content = <span className="muted">{t('dashboard.communes.state.NO_PLAN')}</span>;
        } else if (!commune.periodKey) {
          content = <span className="muted">{t('dashboard.matrix.noPeriod')}</span>;
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
