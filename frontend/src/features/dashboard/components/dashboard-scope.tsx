import type { TFunction } from 'i18next';
import { useEffect, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { components } from '@/api/schema';
import { readableError } from '@/lib/api-client';
import { formatDate } from '@/lib/format';
import { useLanguage } from '@/lib/i18n';
import { useGetMe } from '@/lib/me';
import { LoadError } from '@/components/load-error';
import { useGetCommunes } from '@/features/dashboard/api/get-communes';
import { useGetOrgUnit } from '@/lib/org-units';
import { useGetPeriods } from '@/features/dashboard/api/get-periods';
import { useGetPlan } from '@/features/dashboard/api/get-plan';
import { useGetUnitPlans } from '@/features/dashboard/api/get-unit-plans';
import { withoutPages } from '@/features/dashboard/utils/list-state';
import { withChanges } from '@/lib/search-params';
import { defaultPlan } from '@/features/dashboard/utils/periods';
import { currentPeriod, periodLabel } from '@/lib/periods';

type OrgUnit = components['schemas']['OrgUnit'];
type OrgUnitRef = components['schemas']['OrgUnitRef'];
type PlanSummary = components['schemas']['PlanSummary'];
type ReportingPeriod = components['schemas']['ReportingPeriod'];

function toRef(unit: OrgUnit): OrgUnitRef {
  return { id: unit.id, code: unit.code, name: unit.name };
}

/** What the dashboard shows: a unit, one of its plans and a period, from the URL or the defaults. */
export type DashboardScope = {
  /** Where this person's dashboard starts: their province or commune. */
  home?: OrgUnit;
  unitId?: string;
  unit?: OrgUnit;
  /** Units that can be picked: the home unit and, for a province, its communes and wards. */
  unitOptions: OrgUnitRef[];
  communesError: unknown;
  retryCommunes: () => void;
  plans: PlanSummary[];
  plan?: PlanSummary;
  planId?: string;
  periods: ReportingPeriod[];
  period?: ReportingPeriod;
  periodKey?: string;
  /** The unit has issued no plan. */
  noPlans: boolean;
  /** The plan has no reporting periods. */
  noPeriods: boolean;
  /** Still finding out what to show. */
  isPending: boolean;
  error: unknown;
  retry: () => void;
};

/**
 * Resolves the unit, plan and period: those in the URL, else the person's own province or commune,
 * the plan of theirs covering this year and its current period. The defaults are written into the
 * URL, replacing the entry, so that the page can be linked exactly as shown.
 */
export function useDashboardScope(): DashboardScope {
  const [searchParams, setSearchParams] = useSearchParams();
  const requestedUnit = searchParams.get('unit') || undefined;
  const requestedPlan = searchParams.get('plan') || undefined;
  const requestedPeriod = searchParams.get('period') || undefined;

  const meQuery = useGetMe();
  // Whose dashboard the person starts on is the server's answer: their province, commune or ward.
  const homeId = meQuery.data?.dashboardUnit.id;
  const homeQuery = useGetOrgUnit(homeId);
  const home = homeQuery.data;
  const communesQuery = useGetCommunes(home?.kind === 'PROVINCE' ? home.id : undefined);

  // A link naming a plan alone opens the dashboard of the unit that issued it.
  const linkedPlanQuery = useGetPlan(requestedPlan && !requestedUnit ? requestedPlan : undefined);
  const unitId = requestedUnit ?? (requestedPlan ? linkedPlanQuery.data?.issuingUnit.id : homeId);
  const unitQuery = useGetOrgUnit(unitId);

  const plansQuery = useGetUnitPlans(unitId);
  const plans = plansQuery.data?.items ?? [];
  const planId = requestedPlan ?? defaultPlan(plans)?.id;

  const periodsQuery = useGetPeriods(planId);
  const periods = periodsQuery.data ?? [];
  const requested = requestedPeriod ? periods.find((p) => p.key === requestedPeriod) : undefined;
  // A period the plan does not have (a link from another plan) gives way to the current one.
  const period = requested ?? (periodsQuery.isSuccess ? currentPeriod(periods) : undefined);
  const periodKey = period?.key ?? (periodsQuery.isSuccess ? undefined : requestedPeriod);

  const changes: Record<string, string> = {};
  if (!requestedUnit && unitId) changes.unit = unitId;
  if (!requestedPlan && planId) changes.plan = planId;
  if (periodKey && periodKey !== requestedPeriod) changes.period = periodKey;
  const missing = Object.keys(changes).length > 0 ? JSON.stringify(changes) : null;
  useEffect(() => {
    if (!missing) return;
    setSearchParams(
      (current) => withChanges(current, JSON.parse(missing) as Record<string, string>),
      {
        replace: true,
      },
    );
  }, [missing, setSearchParams]);

  const unitOptions: OrgUnitRef[] = [];
  if (home) unitOptions.push(toRef(home));
  for (const commune of communesQuery.data ?? []) {
    if (commune.id !== home?.id) unitOptions.push(toRef(commune));
  }
  if (unitQuery.data && !unitOptions.some((u) => u.id === unitQuery.data.id)) {
    unitOptions.push(toRef(unitQuery.data));
  }

  const queries = [meQuery, homeQuery, linkedPlanQuery, unitQuery, plansQuery, periodsQuery];
  const failed = queries.find((query) => query.isError);
  const noPlans = !requestedPlan && plansQuery.isSuccess && plans.length === 0;
  const noPeriods = periodsQuery.isSuccess && periods.length === 0;
  return {
    home,
    unitId,
    unit: unitQuery.data,
    unitOptions,
    communesError: communesQuery.error,
    retryCommunes: () => void communesQuery.refetch(),
    plans,
    plan: plans.find((p) => p.id === planId),
    planId,
    periods,
    period,
    periodKey,
    noPlans,
    noPeriods,
    isPending: !failed && !noPlans && !noPeriods && !(unitQuery.data && planId && periodKey),
    error: failed?.error ?? null,
    retry: () => {
      for (const query of queries) {
        if (query.isError) void query.refetch();
      }
    },
  };
}

function planLabel(plan: PlanSummary, t: TFunction): string {
  const title = plan.documentNumber ? `${plan.documentNumber} – ${plan.title}` : plan.title;
  return plan.status === 'ISSUED'
    ? title
    : t('dashboard.scope.planWithStatus', {
        title,
        status: t(`dashboard.planStatus.${plan.status}`),
      });
}

/** Choosing the unit, the plan and the period; each choice is a new entry in the history. */
export function DashboardScopePicker({ scope }: { scope: DashboardScope }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const id = useId();
  const [, setSearchParams] = useSearchParams();

  function choose(changes: Record<string, string | null>) {
    setSearchParams((current) => withChanges(withoutPages(current), changes));
  }

  if (scope.error) {
    return (
      <LoadError
        title={t('dashboard.scope.errorTitle')}
        error={scope.error}
        onRetry={scope.retry}
      />
    );
  }

  const periodText = (period: ReportingPeriod) =>
    period.closed
      ? t('dashboard.scope.periodSentUp', { period: periodLabel(period.key, t) })
      : t('dashboard.scope.periodOption', {
          period: periodLabel(period.key, t),
          deadline: formatDate(period.unitDeadline, lang),
        });
  const years = [...new Set(scope.periods.map((p) => p.year))];
  const drilled = scope.home && scope.unitId && scope.unitId !== scope.home.id;
  // One unit and one plan need no choosing: they are named in one line, and the period is the only choice.
  const chooseUnit = scope.unitOptions.length > 1;
  const choosePlan = scope.plans.length > 1 || !scope.plan;
  const named = [
    chooseUnit ? null : scope.unit?.name,
    !choosePlan && scope.plan ? planLabel(scope.plan, t) : null,
  ].filter(Boolean);

  return (
    <div className="dash-scope">
      {named.length > 0 && <p className="dash-scope-line">{named.join(' · ')}</p>}
      <div className="toolbar">
        {chooseUnit ? (
          <div className="field">
            <label htmlFor={`${id}-unit`}>{t('dashboard.scope.unit')}</label>
            <select
              id={`${id}-unit`}
              value={scope.unitId ?? ''}
              onChange={(event) => choose({ unit: event.target.value, plan: null, period: null })}
            >
              {scope.unitOptions.map((unit) => (
                <option key={unit.id} value={unit.id}>
                  {unit.name}
                </option>
              ))}
            </select>
            {Boolean(scope.communesError) && (
              <p className="field-error">
                {t('dashboard.scope.communesError', { detail: readableError(scope.communesError) })}{' '}
                <button type="button" className="link-button" onClick={scope.retryCommunes}>
                  {t('retry')}
                </button>
              </p>
            )}
          </div>
        ) : null}
        {scope.planId && choosePlan && (
          <div className="field field-plan">
            <label htmlFor={`${id}-plan`}>{t('dashboard.scope.plan')}</label>
            <select
              id={`${id}-plan`}
              value={scope.planId}
              onChange={(event) => choose({ plan: event.target.value, period: null })}
            >
              {!scope.plan && (
                <option value={scope.planId}>{t('dashboard.scope.otherPlan')}</option>
              )}
              {scope.plans.map((plan) => (
                <option key={plan.id} value={plan.id}>
                  {planLabel(plan, t)}
                </option>
              ))}
            </select>
          </div>
        )}
        {scope.planId && (
          <div className="field">
            <label htmlFor={`${id}-period`}>{t('dashboard.scope.period')}</label>
            <select
              id={`${id}-period`}
              value={scope.periodKey ?? ''}
              disabled={scope.periods.length === 0}
              onChange={(event) => choose({ period: event.target.value })}
            >
              {scope.periods.length === 0 && (
                <option value={scope.periodKey ?? ''}>
                  {scope.periodKey
                    ? periodLabel(scope.periodKey, t)
                    : t('dashboard.scope.noPeriods')}
                </option>
              )}
              {years.map((year) => (
                <optgroup key={year} label={t('period.year', { year })}>
                  {scope.periods
                    .filter((p) => p.year === year)
                    .map((period) => (
                      <option key={period.key} value={period.key}>
                        {periodText(period)}
                      </option>
                    ))}
                </optgroup>
              ))}
            </select>
          </div>
        )}
      </div>
      {drilled && scope.home && (
        <p className="dash-back">
          <Link
            to={{
              search: `?${new URLSearchParams({
                unit: scope.home.id,
                ...(scope.periodKey ? { period: scope.periodKey } : {}),
              }).toString()}`,
            }}
          >
            {t('dashboard.scope.backToHome', { unit: scope.home.name })}
          </Link>
        </p>
      )}
    </div>
  );
}
