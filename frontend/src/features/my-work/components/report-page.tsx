import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams, useSearchParams } from 'react-router';
import { readableError } from '@/lib/api-client';
import { useGetIndicator, useGetTask } from '@/lib/plan-items';
import { useGetMe } from '@/lib/me';
import { getAssignmentsQueryOptions } from '@/features/my-work/api/get-assignments';
import { useGetPeriod } from '@/features/my-work/api/get-period';
import { useGetReport, type Report } from '@/features/my-work/api/get-report';
import { ReportEditor, type Subject } from '@/features/my-work/components/report-editor';
import { parsePeriodKey } from '@/features/my-work/utils/periods';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A new report's item and period, from `/my-work/reports/new?plan=…&indicator=…&period=…`. */
function subjectFromLink(search: URLSearchParams): Subject | null {
  const planId = search.get('plan') ?? '';
  const indicatorId = search.get('indicator');
  const taskId = search.get('task');
  const periodKey = search.get('period') ?? '';
  const itemId = indicatorId ?? taskId ?? '';
  if (!uuid.test(planId) || !uuid.test(itemId) || !parsePeriodKey(periodKey)) return null;
  return { planId, itemKind: indicatorId ? 'INDICATOR' : 'TASK', itemId, periodKey };
}

function subjectOf(report: Report): Subject {
  return {
    planId: report.plan.id,
    itemKind: report.item.kind === 'TASK' ? 'TASK' : 'INDICATOR',
    itemId: report.item.id,
    periodKey: report.period.key,
  };
}

/** The list the reporter came from (with its filters), or the list itself. */
function useBackPath(): string {
  const state: unknown = useLocation().state;
  const from =
    typeof state === 'object' && state !== null && 'from' in state ? state.from : undefined;
  return typeof from === 'string' && from.startsWith('/my-work') ? from : '/my-work';
}

/**
 * `/my-work/reports/:reportId`, and `/my-work/reports/new?…` before the report exists. Both render the
 * same tree, so when the first save creates the report and the address changes to its id, the
 * form, its messages and its uploads carry on instead of starting over.
 */
export function ReportPage() {
  const { t } = useTranslation();
  const { reportId = '' } = useParams();
  const [search] = useSearchParams();
  const backTo = useBackPath();
  const isNew = reportId === 'new';
  const reportQuery = useGetReport(isNew ? undefined : reportId);
  const report = reportQuery.data;
  const subject = report ? subjectOf(report) : isNew ? subjectFromLink(search) : null;
  const planId = subject?.planId ?? '';
  const itemId = subject?.itemId ?? '';
  const indicatorQuery = useGetIndicator(planId, itemId, {
    enabled: subject?.itemKind === 'INDICATOR',
  });
  const taskQuery = useGetTask(planId, itemId, { enabled: subject?.itemKind === 'TASK' });
  const periodQuery = useGetPeriod(planId, subject?.periodKey ?? '', {
    enabled: Boolean(subject) && !report,
  });
  const me = useGetMe().data;
  // Before the report exists, its assignment says whether the person may start it, the unit's part and whether it is overdue.
  const assignmentsQuery = useQuery({
    ...getAssignmentsQueryOptions({
      mine: true,
      planId: planId || undefined,
      periodKey: subject?.periodKey,
      size: 200,
    }),
    enabled: isNew && Boolean(subject) && Boolean(me?.unit),
  });
  const assignment = assignmentsQuery.data?.items.find((a) => a.item.id === itemId);
  const itemQuery = subject?.itemKind === 'TASK' ? taskQuery : indicatorQuery;

  let content;
  if (!isNew && reportQuery.isError) {
    content = (
      <LoadError
        message={readableError(reportQuery.error)}
        onRetry={() => void reportQuery.refetch()}
      />
    );
  } else if (!isNew && !report) {
    content = <Loading />;
  } else if (!subject) {
    content = (
      <div role="alert" className="notice notice-error">
        <p>{t('work.editor.badLink')}</p>
      </div>
    );
  } else if (itemQuery.isError) {
    content = (
      <LoadError
        message={readableError(itemQuery.error)}
        onRetry={() => void itemQuery.refetch()}
      />
    );
  } else if (!itemQuery.data) {
    content = <Loading />;
  } else {
    const period = report
      ? { unitDeadline: report.period.unitDeadline, closed: report.period.closed }
      : periodQuery.data
        ? { unitDeadline: periodQuery.data.unitDeadline, closed: periodQuery.data.closed }
        : undefined;
    content = (
      <ReportEditor
        // One editor per item and period: stays the same when the report is created.
        key={`${subject.itemId}:${subject.periodKey}`}
        subject={subject}
        report={report}
        indicator={subject.itemKind === 'INDICATOR' ? (indicatorQuery.data ?? null) : null}
        task={subject.itemKind === 'TASK' ? (taskQuery.data ?? null) : null}
        period={period}
        startable={assignment?.actions.includes('CREATE') ?? false}
        assignment={assignment}
        unitId={me?.unit?.id}
      />
    );
  }

  return (
    <section className="page report-page">
      <p className="back-link">
        <Link to={backTo}>{t('work.editor.back')}</Link>
      </p>
      {content}
    </section>
  );
}

function Loading() {
  const { t } = useTranslation();
  return (
    <>
      <title>{t('app.documentTitle', { page: t('work.title') })}</title>
      <progress className="progress" aria-label={t('work.editor.loading')} />
      <p role="status" className="notice">
        {t('work.editor.loading')}
      </p>
    </>
  );
}

function LoadError({ message, onRetry }: { message: string; onRetry: () => void }) {
  const { t } = useTranslation();
  return (
    <div role="alert" className="notice notice-error">
      <h2>{t('work.editor.loadError')}</h2>
      <p>{message}</p>
      <button type="button" className="button" onClick={onRetry}>
        {t('work.retry')}
      </button>
    </div>
  );
}
