import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { components } from '@/api/schema';
import { readableError } from '@/lib/api-client';
import { useLanguage } from '@/lib/i18n';
import { useGetContributions } from '@/features/my-work/api/get-contributions';
import type { Subject } from '@/features/my-work/components/report-editor';
import { StateBadge } from '@/features/my-work/components/report-state';
import { formatReportValue, type ValueShape } from '@/features/my-work/utils/report-value';

type OrgUnitRef = components['schemas']['OrgUnitRef'];
type Report = components['schemas']['Report'];

/**
 * What the cooperating units reported on the same item and period, for the lead unit to build its
 * own figure on. Units that have not reported yet are listed too.
 */
export function Contributions({
  subject,
  shape,
  cooperatingUnits,
}: {
  subject: Subject;
  shape: ValueShape;
  cooperatingUnits: OrgUnitRef[];
}) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const headingId = useId();
  const query = useGetContributions({
    planId: subject.planId,
    periodKey: subject.periodKey,
    ...(subject.itemKind === 'INDICATOR'
      ? { indicatorId: subject.itemId }
      : { taskId: subject.itemId }),
  });
  const reports = query.data?.items ?? [];
  const byUnit = new Map<string, Report>(reports.map((report) => [report.unit.id, report]));
  const units = [
    ...cooperatingUnits,
    ...reports.map((r) => r.unit).filter((u) => !cooperatingUnits.some((c) => c.id === u.id)),
  ];
  if (units.length === 0 && !query.isError) return null;

  return (
    <section className="contributions" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('work.contributions.title')}</h2>
      {query.isPending && <p className="muted">{t('work.contributions.loading')}</p>}
      {query.isError && (
        <p className="field-error">
          {t('work.contributions.error')} {readableError(query.error)}
        </p>
      )}
      {!query.isPending && !query.isError && (
        <ul className="contribution-list">
          {units.map((unit) => {
            const report = byUnit.get(unit.id);
            const value = report ? formatReportValue(report.value, shape, lang, t) : null;
            const progress =
              report?.progress && shape.kind === 'progress'
                ? t(`work.progress.${report.progress}`)
                : null;
            return (
              <li key={unit.id} className="contribution">
                <p className="contribution-unit">
                  <strong>{unit.name}</strong>{' '}
                  <StateBadge state={report ? report.state : 'NOT_STARTED'} />
                </p>
                {(value ?? progress) && (
                  <p>
                    {t('work.contributions.value')} {value ?? progress}
                  </p>
                )}
                {report?.achievements && <p className="pre-line">{report.achievements}</p>}
                {report && report.evidenceCount > 0 && (
                  <p className="muted">
                    {t('work.contributions.evidence', { count: report.evidenceCount })}
                  </p>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
