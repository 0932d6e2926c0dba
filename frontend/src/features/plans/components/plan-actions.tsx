import { useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { planQueryKey, type Plan } from '@/features/plans/api/get-plan';
import { planToUpdate, useUpdatePlan } from '@/features/plans/api/update-plan';
import { useDeletePlan } from '@/features/plans/api/delete-plan';
import { DateField } from '@/components/date-field';
import { BusyButton, TextField } from '@/components/form-fields';
import { FormAlert, useProblemFocus } from '@/features/plans/components/form-alert';
import { useFieldForm, useReload } from '@/features/plans/components/form-state';
import { fieldErrorsOf, unplacedErrors } from '@/features/plans/utils/field-errors';
import { blankToNull } from '@/features/plans/utils/numbers';
import type { PlanNotice } from '@/features/plans/utils/notices';

type Panel = 'issue' | 'close' | 'delete' | null;

/** Reads the plan again after a conflict, for the reload the alert offers. */
function useReloadPlan(planId: string) {
  const queryClient = useQueryClient();
  return useReload(() => queryClient.refetchQueries({ queryKey: planQueryKey(planId) }));
}

/** What those who edit the plan can do with it: edit its facts and groups, issue, close, delete a draft. */
export function PlanActions({
  plan,
  onDone,
}: {
  plan: Plan;
  onDone: (notice: PlanNotice) => void;
}) {
  const { t } = useTranslation();
  const [panel, setPanel] = useState<Panel>(null);
  const toggle = (next: Panel) => setPanel((current) => (current === next ? null : next));
  return (
    <div className="plan-actions-wrap">
      <div className="plan-actions" role="group" aria-label={t('plan.actions.label')}>
        <Link to={`/plans/${plan.id}/edit`} className="button">
          {t('plan.actions.edit')}
        </Link>
        <Link to={`/plans/${plan.id}/groups`} className="button">
          {t('plan.actions.groups')}
        </Link>
        <Link to={`/plans/${plan.id}/import`} className="button">
          {t('plan.actions.import')}
        </Link>
        {plan.actions.includes('ISSUE') && (
          <button
            type="button"
            className="button button-primary"
            aria-expanded={panel === 'issue'}
            onClick={() => toggle('issue')}
          >
            {t('plan.actions.issue')}
          </button>
        )}
        {plan.actions.includes('CLOSE') && (
          <button
            type="button"
            className="button"
            aria-expanded={panel === 'close'}
            onClick={() => toggle('close')}
          >
            {t('plan.actions.close')}
          </button>
        )}
        {plan.actions.includes('DELETE') && (
          <button
            type="button"
            className="button button-danger"
            aria-expanded={panel === 'delete'}
            onClick={() => toggle('delete')}
          >
            {t('plan.actions.delete')}
          </button>
        )}
      </div>
      {panel === 'issue' && (
        <IssuePanel
          plan={plan}
          onCancel={() => setPanel(null)}
          onIssued={() => {
            setPanel(null);
            onDone({ kind: 'issued' });
          }}
        />
      )}
      {panel === 'close' && (
        <ClosePanel
          plan={plan}
          onCancel={() => setPanel(null)}
          onClosed={() => {
            setPanel(null);
            onDone({ kind: 'closed' });
          }}
        />
      )}
      {panel === 'delete' && <DeletePanel plan={plan} onCancel={() => setPanel(null)} />}
    </div>
  );
}

const issueFields = ['documentNumber', 'issueDate', 'issuePlace'] as const;

/**
 * DRAFT → ISSUED: the number and date the issued plan needs, filled in here and saved with the rest of the plan
 * as stored (If-Match its version). Whether they are enough is the API's to say, next to each field.
 */
function IssuePanel({
  plan,
  onCancel,
  onIssued,
}: {
  plan: Plan;
  onCancel: () => void;
  onIssued: () => void;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  const { values, set, errors, err, showProblem, formRef, alertRef } = useFieldForm({
    documentNumber: plan.documentNumber ?? '',
    issueDate: plan.issueDate ?? '',
    issuePlace: plan.issuePlace ?? '',
  });
  const update = useUpdatePlan();
  const { reload, reloading } = useReloadPlan(plan.id);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (update.isPending) return;
    update.mutate(
      {
        planId: plan.id,
        version: plan.version,
        body: {
          ...planToUpdate(plan),
          status: 'ISSUED',
          documentNumber: blankToNull(values.documentNumber),
          issueDate: values.issueDate || null,
          issuePlace: blankToNull(values.issuePlace),
        },
      },
      {
        onSuccess: onIssued,
        onError: showProblem,
      },
    );
  }

  const others = unplacedErrors(errors, (field) =>
    (issueFields as readonly string[]).includes(field),
  );
  return (
    <section className="plan-panel" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('plan.issue.heading')}</h2>
      <p className="muted">{t('plan.issue.intro')}</p>
      <form
        ref={formRef}
        className="plan-form-grid"
        noValidate
        aria-busy={update.isPending}
        onSubmit={submit}
      >
        <FormAlert
          alertRef={alertRef}
          error={update.error}
          others={others}
          onReload={reload}
          reloading={reloading}
        />
        <TextField
          name="documentNumber"
          label={t('plan.form.documentNumber')}
          hint={t('plan.form.documentNumberHint')}
          value={values.documentNumber}
          error={err('documentNumber')}
          onChange={(value) => set('documentNumber', value)}
        />
        <DateField
          name="issueDate"
          label={t('plan.form.issueDate')}
          value={values.issueDate}
          error={err('issueDate')}
          onChange={(value) => set('issueDate', value)}
        />
        <TextField
          name="issuePlace"
          label={t('plan.form.issuePlace')}
          hint={t('plan.form.issuePlaceHint')}
          value={values.issuePlace}
          error={err('issuePlace')}
          onChange={(value) => set('issuePlace', value)}
        />
        <div className="plan-form-buttons">
          <BusyButton
            busy={update.isPending}
            label={t('plan.issue.submit')}
            busyLabel={t('plan.issue.submitting')}
          />
          <button type="button" className="button" onClick={onCancel}>
            {t('plan.actions.cancel')}
          </button>
        </div>
      </form>
    </section>
  );
}

/** ISSUED → CLOSED, after saying that it cannot be undone. */
function ClosePanel({
  plan,
  onCancel,
  onClosed,
}: {
  plan: Plan;
  onCancel: () => void;
  onClosed: () => void;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  const update = useUpdatePlan();
  const { reload, reloading } = useReloadPlan(plan.id);
  const { alertRef, request: focusProblem } = useProblemFocus();
  return (
    <section className="plan-panel" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('plan.close.heading')}</h2>
      <p>{t('plan.close.intro')}</p>
      <FormAlert
        alertRef={alertRef}
        error={update.error}
        others={Object.values(fieldErrorsOf(update.error))}
        onReload={reload}
        reloading={reloading}
      />
      <div className="plan-form-buttons">
        <BusyButton
          type="button"
          busy={update.isPending}
          label={t('plan.close.submit')}
          busyLabel={t('plan.close.submitting')}
          onClick={() =>
            update.mutate(
              {
                planId: plan.id,
                version: plan.version,
                body: { ...planToUpdate(plan), status: 'CLOSED' },
              },
              { onSuccess: onClosed, onError: focusProblem },
            )
          }
        />
        <button type="button" className="button" onClick={onCancel}>
          {t('plan.actions.cancel')}
        </button>
      </div>
    </section>
  );
}

/** Deletes the draft (If-Match its version), then back to the list, which says so. */
function DeletePanel({ plan, onCancel }: { plan: Plan; onCancel: () => void }) {
  const { t } = useTranslation();
  const headingId = useId();
  const navigate = useNavigate();
  const remove = useDeletePlan();
  const { reload, reloading } = useReloadPlan(plan.id);
  const { alertRef, request: focusProblem } = useProblemFocus();
  return (
    <section className="plan-panel plan-panel-danger" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('plan.delete.heading')}</h2>
      <p>{t('plan.delete.intro')}</p>
      <FormAlert alertRef={alertRef} error={remove.error} onReload={reload} reloading={reloading} />
      <div className="plan-form-buttons">
        <BusyButton
          type="button"
          className="button button-danger"
          busy={remove.isPending}
          label={t('plan.delete.submit')}
          busyLabel={t('plan.delete.submitting')}
          onClick={() =>
            remove.mutate(
              { planId: plan.id, version: plan.version },
              {
                onSuccess: () =>
                  void navigate('/plans', { replace: true, state: { deletedPlan: plan.title } }),
                onError: focusProblem,
              },
            )
          }
        />
        <button type="button" className="button" onClick={onCancel}>
          {t('plan.actions.cancel')}
        </button>
      </div>
    </section>
  );
}
