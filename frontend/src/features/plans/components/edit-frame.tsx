import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { LoadError } from '@/components/load-error';
import { useGetGroups, type PlanGroup } from '@/features/plans/api/get-groups';
import { useGetPlan, type Plan } from '@/features/plans/api/get-plan';
import { planAllows } from '@/features/plans/utils/actions';

/**
 * The frame of every editing page: where it leads back to, its heading, and the form once what it needs has
 * loaded and the signed-in person may edit (the API still refuses others with 403, which the form shows).
 */
export function EditFrame({
  title,
  back,
  loading,
  error,
  onRetry,
  permission,
  notAllowed,
  children,
}: {
  title: string;
  back: { to: string; label: string };
  loading: boolean;
  error?: unknown;
  onRetry?: () => void;
  permission: 'yes' | 'no' | 'unknown';
  notAllowed: string;
  children: () => ReactNode;
}) {
  const { t } = useTranslation();
  let content: ReactNode;
  if (error) {
    content = <LoadError title={t('plan.errorTitle')} error={error} onRetry={() => onRetry?.()} />;
  } else if (loading || permission === 'unknown') {
    content = (
      <>
        <progress className="progress" aria-label={t('app.loading')} />
        <p role="status" className="notice">
          {t('app.loading')}
        </p>
      </>
    );
  } else if (permission === 'no') {
    content = (
      <p role="alert" className="notice notice-error">
        {notAllowed}
      </p>
    );
  } else {
    content = children();
  }
  return (
    <section className="page plan-page">
      <title>{t('app.documentTitle', { page: title })}</title>
      <p className="plan-back">
        <Link to={back.to}>{back.label}</Link>
      </p>
      <h1>{title}</h1>
      {content}
    </section>
  );
}

type Loaded = { isPending: boolean; error: unknown; refetch: () => Promise<unknown> };

/**
 * The frame of a page that edits a plan or a part of it: it leads back to the plan, waits for all it needs
 * (`queries`, tried again together after a failure) and lets in those who may edit the plan.
 */
export function PlanEditFrame({
  planId,
  plan,
  title,
  queries,
  permission,
  children,
}: {
  planId: string;
  plan: Plan | undefined;
  title: string;
  queries: Loaded[];
  permission: 'yes' | 'no' | 'unknown';
  children: () => ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <EditFrame
      title={title}
      back={{ to: `/plans/${planId}`, label: plan?.title ?? t('plan.title') }}
      loading={queries.some((query) => query.isPending)}
      error={queries.find((query) => query.error)?.error}
      onRetry={() => void Promise.all(queries.map((query) => query.refetch()))}
      permission={permission}
      notAllowed={t('plan.form.notAllowed')}
    >
      {children}
    </EditFrame>
  );
}

/** A new generation of a form starts from what is stored now (after a conflict, on request). */
export function useFormGeneration(refetch: () => Promise<unknown>) {
  const [generation, setGeneration] = useState(0);
  async function reload() {
    await refetch();
    setGeneration((n) => n + 1);
  }
  return { generation, reload };
}

/** What a page editing an indicator or a task needs: the plan, its groups, and whether the signed-in person may edit. */
export function usePlanItemPage(planId: string) {
  const planQuery = useGetPlan(planId);
  const groupsQuery = useGetGroups(planId);
  const permission = planAllows(planQuery.data, 'EDIT', planQuery.isError);
  return { planQuery, groupsQuery, permission, plan: planQuery.data, groups: groupsQuery.data };
}

/** The group `?group=` names in the URL when it is one of the plan's groups of that kind; '' otherwise. */
export function useGroupFromUrl(groups: PlanGroup[] | undefined, kind: PlanGroup['kind']): string {
  const [searchParams] = useSearchParams();
  return groups?.find((g) => g.id === searchParams.get('group') && g.kind === kind)?.id ?? '';
}
