import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { LoadError } from '@/components/load-error';
import { useGetPlan } from '@/features/plans/api/get-plan';
import { AppendixDownloads } from '@/features/plans/components/appendix-downloads';
import { PlanActions } from '@/features/plans/components/plan-actions';
import { PlanAppendix } from '@/features/plans/components/plan-appendix';
import { PlanFacts, PlanText, StatusBadge } from '@/features/plans/components/plan-text';
import { formatYears } from '@/features/plans/utils/plan-text';
import { readNotice, type PlanNotice } from '@/features/plans/utils/notices';
import { planAllows } from '@/features/plans/utils/actions';
import '@/features/plans/components/plans.css';

function NoticeText({ notice }: { notice: PlanNotice }) {
  const { t } = useTranslation();
  return <>{t(`plan.notices.${notice.kind}`, { code: notice.code ?? '' })}</>;
}

/**
 * `/plans/:planId`: the plan as its document, then its appendix. Those who edit the plan (administrators, the
 * issuer's coordinators) also get its actions and the links to edit each indicator and task.
 */
export function PlanDocument() {
  const { t } = useTranslation();
  const { planId = '' } = useParams();
  const planQuery = useGetPlan(planId);
  const plan = planQuery.data;
  const canEdit = planAllows(plan, 'EDIT') === 'yes';
  const arrived = readNotice(useLocation().state);
  const [notice, setNotice] = useState<PlanNotice | null>(null);
  const shown = notice ?? arrived;

  const back = (
    <p className="plan-back">
      <Link to="/plans">{t('plan.back')}</Link>
    </p>
  );

  if (!plan) {
    return (
      <section className="page plan-page">
        <title>{t('app.documentTitle', { page: t('plan.title') })}</title>
        {back}
        {planQuery.isError ? (
          <LoadError
            title={t('plan.errorTitle')}
            error={planQuery.error}
            onRetry={() => void planQuery.refetch()}
          />
        ) : (
          <>
            <progress className="progress" aria-label={t('plan.loading')} />
            <p role="status" className="notice">
              {t('plan.loading')}
            </p>
          </>
        )}
      </section>
    );
  }

  return (
    <div className="plan-page">
      <title>
        {t('app.documentTitle', {
          page: plan.documentNumber ? `${plan.documentNumber} – ${plan.title}` : plan.title,
        })}
      </title>
      <div className="plan-topline">
        {back}
        <StatusBadge status={plan.status} />
        <span className="muted">{formatYears(plan.startYear, plan.endYear)}</span>
      </div>
      <div role="status" className="plan-notice">
        {shown && (
          <p className="notice notice-success">
            <NoticeText notice={shown} />
          </p>
        )}
      </div>
      {canEdit && <PlanActions plan={plan} onDone={setNotice} />}
      <div className="plan-layout">
        <PlanText plan={plan} />
        <PlanFacts plan={plan} />
      </div>
      <AppendixDownloads planId={plan.id} />
      <PlanAppendix plan={plan} canEdit={canEdit} />
    </div>
  );
}
