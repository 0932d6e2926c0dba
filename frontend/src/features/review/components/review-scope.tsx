import { useEffect, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { components } from '@/api/schema';
import { formatDate } from '@/lib/format';
import { useLanguage } from '@/lib/i18n';
import { useGetMe } from '@/lib/me';
import { useGetPeriods } from '@/features/review/api/get-periods';
import {
  useGetReviewPlans,
  type GetReviewPlansParams,
} from '@/features/review/api/get-review-plans';
import { scopeSearch } from '@/features/review/components/queue-state';
import { withChanges } from '@/lib/search-params';
import { currentPeriod, periodLabel } from '@/lib/periods';
import { LoadError } from '@/components/load-error';

type Me = components['schemas']['Me'];
type PlanSummary = components['schemas']['PlanSummary'];
type ReportingPeriod = components['schemas']['ReportingPeriod'];

const coordinatorRoles = ['PROVINCE_COORDINATOR', 'COMMUNE_COORDINATOR'] as const;
const reviewerRoles = ['ADMIN', ...coordinatorRoles] as const;

/** The plan and period the review pages work on, from the URL or, failing that, the defaults. */
export type ReviewScope = {
  me?: Me;
  /** The account may accept, return and send up (the server decides each case). */
  canReview: boolean;
  plans: PlanSummary[];
  plan?: PlanSummary;
  planId?: string;
  periods: ReportingPeriod[];
  period?: ReportingPeriod;
  periodKey?: string;
  /** Still finding out which plan and period to show. */
  isPending: boolean;
  error: unknown;
  retry: () => void;
};

/**
 * Resolves the plan and period: those in the URL, else the current period of the first plan the
 * coordinator runs (issued by a unit they coordinate), else of the first plan they can see. The
 * defaults are written into the URL, replacing the entry, so that the page can be linked as shown.
 */
export function useReviewScope(): ReviewScope {
  const [searchParams, setSearchParams] = useSearchParams();
  const requestedPlan = searchParams.get('plan') || undefined;
  const requestedPeriod = searchParams.get('period') || undefined;

  const meQuery = useGetMe();
  const me = meQuery.data;
  const coordinated = (me?.scopes ?? [])
    .filter((s) => coordinatorRoles.some((role) => role === s.role))
    // An administrator's role names no unit: it acts on every one.
    .flatMap((s) => (s.scope ? [s.scope.id] : []));
  const plansParams: GetReviewPlansParams = { status: 'ISSUED', size: 100, sort: 'startYear,desc' };
  if (coordinated[0]) plansParams.withinUnitId = coordinated[0];
  const plansQuery = useGetReviewPlans(plansParams, { enabled: meQuery.isSuccess });
  const plans = plansQuery.data?.items ?? [];
  const defaultPlan = plans.find((p) => coordinated.includes(p.issuingUnit.id)) ?? plans[0];
  const planId = requestedPlan ?? defaultPlan?.id;

  const periodsQuery = useGetPeriods(planId);
  const periods = periodsQuery.data ?? [];
  const period = requestedPeriod
    ? periods.find((p) => p.key === requestedPeriod)
    : currentPeriod(periods);
  const periodKey = requestedPeriod ?? period?.key;

  const missingInUrl = (!requestedPlan && planId) || (!requestedPeriod && periodKey);
  useEffect(() => {
    if (!missingInUrl) return;
    setSearchParams((current) => withChanges(current, { plan: planId, period: periodKey }), {
      replace: true,
    });
  }, [missingInUrl, planId, periodKey, setSearchParams]);

  const failed = [meQuery, plansQuery, periodsQuery].find((query) => query.isError);
  return {
    me,
    canReview: (me?.roles ?? []).some((role) => reviewerRoles.some((r) => r === role)),
    plans,
    plan: plans.find((p) => p.id === planId),
    planId,
    periods,
    period,
    periodKey,
    isPending:
      meQuery.isPending ||
      (meQuery.isSuccess && plansQuery.isPending && !requestedPlan) ||
      (Boolean(planId) && periodsQuery.isPending && !requestedPeriod),
    error: failed?.error ?? null,
    retry: () => {
      for (const query of [meQuery, plansQuery, periodsQuery]) {
        if (query.isError) void query.refetch();
      }
    },
  };
}

function planLabel(plan: PlanSummary): string {
  return plan.documentNumber ? `${plan.documentNumber} – ${plan.title}` : plan.title;
}

/** Choosing the plan and the period; a change starts the list again from its first page. */
export function ReviewScopePicker({ scope }: { scope: ReviewScope }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const id = useId();
  const [, setSearchParams] = useSearchParams();

  if (scope.error) {
    return (
      <LoadError title={t('review.scope.errorTitle')} error={scope.error} onRetry={scope.retry} />
    );
  }
  if (scope.isPending) {
    return (
      <p role="status" className="notice">
        {t('review.scope.loading')}
      </p>
    );
  }
  if (!scope.planId) {
    return (
      <p role="status" className="notice">
        {t('review.scope.noPlans')}
      </p>
    );
  }

  const readOnly = scope.me && !scope.canReview && (
    <p className="notice">{t('review.scope.readOnly')}</p>
  );
  const periodText = (period: ReportingPeriod) =>
    period.closed
      ? t('review.scope.periodSentUp', { period: periodLabel(period.key, t) })
      : t('review.scope.periodOption', {
          period: periodLabel(period.key, t),
          deadline: formatDate(period.unitDeadline, lang),
        });

  return (
    <>
      {readOnly}
      <div className="toolbar review-scope">
        <div className="field">
          <label htmlFor={`${id}-plan`}>{t('review.scope.plan')}</label>
          <select
            id={`${id}-plan`}
            value={scope.planId}
            onChange={(event) =>
              setSearchParams((current) =>
                withChanges(current, {
                  plan: event.target.value,
                  period: null,
                  page: null,
                  unit: null,
                }),
              )
            }
          >
            {!scope.plan && <option value={scope.planId}>{t('review.scope.otherPlan')}</option>}
            {scope.plans.map((plan) => (
              <option key={plan.id} value={plan.id}>
                {planLabel(plan)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-period`}>{t('review.scope.period')}</label>
          <select
            id={`${id}-period`}
            value={scope.periodKey ?? ''}
            disabled={scope.periods.length === 0}
            onChange={(event) =>
              setSearchParams((current) =>
                withChanges(current, { period: event.target.value, page: null }),
              )
            }
          >
            {scope.periods.length === 0 && <option value="">{t('review.scope.noPeriods')}</option>}
            {scope.periodKey && !scope.period && (
              <option value={scope.periodKey}>{periodLabel(scope.periodKey, t)}</option>
            )}
            {scope.periods.map((period) => (
              <option key={period.key} value={period.key}>
                {periodText(period)}
              </option>
            ))}
          </select>
        </div>
      </div>
    </>
  );
}

/** The two review pages, keeping the plan and period when moving between them. */
export function ReviewTabs({ current }: { current: 'queue' | 'period' }) {
  const { t } = useTranslation();
  const [searchParams] = useSearchParams();
  const search = scopeSearch(searchParams);
  const queuePath = current === 'queue' ? '.' : '..';
  const periodPath = current === 'queue' ? 'period' : '.';
  return (
    <nav className="review-tabs" aria-label={t('review.tabs.label')}>
      <Link
        to={{ pathname: queuePath, search }}
        relative="path"
        aria-current={current === 'queue' ? 'page' : undefined}
      >
        {t('review.tabs.queue')}
      </Link>
      <Link
        to={{ pathname: periodPath, search }}
        relative="path"
        aria-current={current === 'period' ? 'page' : undefined}
      >
        {t('review.tabs.period')}
      </Link>
    </nav>
  );
}
