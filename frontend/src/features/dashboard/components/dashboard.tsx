import '@/features/dashboard/components/dashboard.css';
import { useIsFetching } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { LoadError } from '@/components/load-error';
import { ReportDownloads } from '@/components/report-downloads';
import { useGetConsolidatedReport } from '@/lib/consolidated-report';
import { withChanges } from '@/lib/search-params';
import { useGetPeriodSummary } from '@/features/dashboard/api/get-period-summary';
import { CommunesSection } from '@/features/dashboard/components/communes-section';
import {
  DashboardScopePicker,
  useDashboardScope,
} from '@/features/dashboard/components/dashboard-scope';
import { DashboardTabs, type DashboardTab } from '@/features/dashboard/components/dashboard-tabs';
import { DtiSection } from '@/features/dashboard/components/dti-section';
import { IndicatorsSection } from '@/features/dashboard/components/indicators-section';
import { PeriodGlance } from '@/features/dashboard/components/period-glance';
import { TasksSection } from '@/features/dashboard/components/tasks-section';
import { UnitsSection } from '@/features/dashboard/components/units-section';

/**
 * Are we on track, and who is late? First, in one request, the period at a glance: indicators by status,
 * the late units, the change since the previous period and the year so far. Below, behind tabs: for the
 * province its communes and each province indicator commune by commune; the indicators, the late units,
 * the tasks and the DTI ranking.
 */
export function Dashboard() {
  const { t } = useTranslation();
  const scope = useDashboardScope();
  const [searchParams, setSearchParams] = useSearchParams();
  const summaryQuery = useGetPeriodSummary(scope.planId, scope.periodKey);
  const summary = summaryQuery.data;
  const isProvince = scope.unit?.kind === 'PROVINCE';
  const fetching = useIsFetching() > 0;
  const ready = Boolean(scope.planId && scope.periodKey && !scope.error);

  const tabParam = searchParams.get('tab');
  const tabLink = (tab: string, changes: Record<string, string> = {}) => ({
    search: `?${withChanges(searchParams, { ...changes, tab }).toString()}`,
  });
  const choose = (tab: string) =>
    setSearchParams((current) => withChanges(current, { tab }), { replace: true });

  const tabs: DashboardTab[] = [];
  if (ready && scope.planId && scope.periodKey) {
    const planId = scope.planId;
    const periodKey = scope.periodKey;
    if (isProvince) {
      tabs.push({
        id: 'communes',
        label: t('dashboard.sections.communes'),
        render: () => <CommunesSection planId={planId} periodKey={periodKey} />,
      });
    }
    tabs.push(
      {
        id: 'indicators',
        label: t('dashboard.sections.indicators'),
        render: () => <ConsolidatedPart planId={planId} periodKey={periodKey} part="indicators" />,
      },
      {
        id: 'units',
        label: t('dashboard.sections.units'),
        render: () => <ConsolidatedPart planId={planId} periodKey={periodKey} part="units" />,
      },
      {
        id: 'tasks',
        label: t('dashboard.sections.tasks'),
        render: () => <ConsolidatedPart planId={planId} periodKey={periodKey} part="tasks" />,
      },
    );
  }
  if (scope.unit && !scope.error) {
    const unit = scope.unit;
    tabs.push({
      id: 'dti',
      label: t('dashboard.sections.dti'),
      render: () => <DtiSection unit={unit} />,
    });
  }

  return (
    <section className="page dashboard" aria-labelledby="dashboard-heading">
      <title>{t('app.documentTitle', { page: t('dashboard.title') })}</title>
      <h1 id="dashboard-heading" className="visually-hidden">
        {t('dashboard.title')}
      </h1>
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

      {ready && (
        <>
          {summaryQuery.isPending && !scope.isPending && (
            <p role="status" className="notice">
              {t('dashboard.reportLoading')}
            </p>
          )}
          {summaryQuery.isError && (
            <LoadError
              title={t('dashboard.reportErrorTitle')}
              error={summaryQuery.error}
              onRetry={() => void summaryQuery.refetch()}
            />
          )}
          {summary && !summaryQuery.isError && (
            <div aria-busy={summaryQuery.isFetching}>
              <PeriodGlance summary={summary} tabLink={tabLink} />
            </div>
          )}
        </>
      )}

      {tabs.length > 0 && (
        <DashboardTabs tabs={tabs} active={tabParam ?? tabs[0]!.id} onChoose={choose} />
      )}

      {summary && scope.planId && scope.periodKey && (
        <ReportDownloads
          className="dash-downloads"
          planId={scope.planId}
          periodKey={scope.periodKey}
        />
      )}
    </section>
  );
}

/** A part of the consolidated report, read when its tab is first opened (and kept for the others). */
function ConsolidatedPart({
  planId,
  periodKey,
  part,
}: {
  planId: string;
  periodKey: string;
  part: 'indicators' | 'units' | 'tasks';
}) {
  const { t } = useTranslation();
  const query = useGetConsolidatedReport(planId, periodKey);
  if (query.isError) {
    return (
      <LoadError
        title={t('dashboard.reportErrorTitle')}
        error={query.error}
        onRetry={() => void query.refetch()}
      />
    );
  }
  if (!query.data) {
    return (
      <p role="status" className="notice">
        {t('dashboard.reportLoading')}
      </p>
    );
  }
  const report = query.data;
  if (part === 'indicators') return <IndicatorsSection report={report} />;
  if (part === 'units') return <UnitsSection report={report} />;
  return report.tasks.length > 0 ? (
    <TasksSection report={report} />
  ) : (
    <p className="notice">{t('dashboard.tasks.none')}</p>
  );
}
