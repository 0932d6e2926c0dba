import '@/features/dashboard/components/dashboard.css';
import { useIsFetching } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { LoadError } from '@/components/load-error';
import { useGetConsolidatedReport } from '@/lib/consolidated-report';
import { CommunesSection } from '@/features/dashboard/components/communes-section';
import {
  DashboardScopePicker,
  useDashboardScope,
} from '@/features/dashboard/components/dashboard-scope';
import { DtiSection } from '@/features/dashboard/components/dti-section';
import { IndicatorsSection } from '@/features/dashboard/components/indicators-section';
import { ReportDownloads } from '@/components/report-downloads';
import {
  SummarySection,
  indicatorsSectionId,
} from '@/features/dashboard/components/summary-section';
import { TasksSection } from '@/features/dashboard/components/tasks-section';
import { UnitsSection } from '@/features/dashboard/components/units-section';

/**
 * Are we on track, and who is late? For a commune and a period: each indicator's status and
 * progress, the units' timeliness, the tasks; for the province also which communes have sent their
 * report and each province indicator commune by commune; and the DTI ranking against its targets.
 */
export function Dashboard() {
  const { t } = useTranslation();
  const scope = useDashboardScope();
  const consolidatedQuery = useGetConsolidatedReport(scope.planId, scope.periodKey);
  const report = consolidatedQuery.data;
  const isProvince = scope.unit?.kind === 'PROVINCE';
  const fetching = useIsFetching() > 0;

  const sections = [
    { id: 'dash-summary', label: t('dashboard.sections.summary') },
    ...(isProvince
      ? [
          { id: 'dash-communes', label: t('dashboard.sections.communes') },
          { id: 'dash-matrix', label: t('dashboard.sections.matrix') },
        ]
      : []),
    { id: indicatorsSectionId, label: t('dashboard.sections.indicators') },
    { id: 'dash-units', label: t('dashboard.sections.units') },
    ...(report && report.tasks.length > 0
      ? [{ id: 'dash-tasks', label: t('dashboard.sections.tasks') }]
      : []),
    { id: 'dash-dti', label: t('dashboard.sections.dti') },
  ];

  return (
    <section className="page dashboard" aria-labelledby="dashboard-heading">
      <title>{t('app.documentTitle', { page: t('dashboard.title') })}</title>
      <h1 id="dashboard-heading">{t('dashboard.title')}</h1>
      <DashboardScopePicker scope={scope} />

      <div className="progress-slot">
        {fetching && <progress className="progress" aria-label={t('dashboard.loading')} />}
      </div>

      {scope.isPending && (
        <p role="status" className="notice">
          {t('dashboard.scope.loading')}
        </p>
      )}
      {scope.noPlans && (
        <p role="status" className="notice">
          {t('dashboard.scope.noPlans', { unit: scope.unit?.name ?? '' })}
        </p>
      )}
      {scope.noPeriods && (
        <p role="status" className="notice">
          {t('dashboard.scope.noPeriodsNotice')}
        </p>
      )}

      {report && !consolidatedQuery.isError && (
        <nav className="dash-sections" aria-label={t('dashboard.sections.label')}>
          <ul>
            {sections.map((section) => (
              <li key={section.id}>
                <a href={`#${section.id}`}>{section.label}</a>
              </li>
            ))}
          </ul>
        </nav>
      )}

      {scope.planId && scope.periodKey && !scope.error && (
        <>
          {consolidatedQuery.isPending && !scope.isPending && (
            <p role="status" className="notice">
              {t('dashboard.reportLoading')}
            </p>
          )}
          {consolidatedQuery.isError && (
            <LoadError
              title={t('dashboard.reportErrorTitle')}
              error={consolidatedQuery.error}
              onRetry={() => void consolidatedQuery.refetch()}
            />
          )}
          {report && !consolidatedQuery.isError && (
            <div aria-busy={consolidatedQuery.isFetching}>
              <ReportDownloads
                className="dash-downloads"
                planId={report.plan.id}
                periodKey={report.period.key}
              />
              <SummarySection report={report} />
              {isProvince && (
                <CommunesSection planId={report.plan.id} periodKey={report.period.key} />
              )}
              <IndicatorsSection report={report} />
              <UnitsSection report={report} />
              <TasksSection report={report} />
            </div>
          )}
        </>
      )}

      {scope.unit && !scope.error && <DtiSection unit={scope.unit} />}
    </section>
  );
}
