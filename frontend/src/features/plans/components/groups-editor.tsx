import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useGetPlan } from '@/features/plans/api/get-plan';
import { useGetGroups, type PlanGroup } from '@/features/plans/api/get-groups';
import { useDeleteGroup, useSaveGroup } from '@/features/plans/api/save-group';
import { PlanEditFrame } from '@/features/plans/components/edit-frame';
import { BusyButton, TextField } from '@/components/form-fields';
import { FormAlert, useProblemFocus } from '@/features/plans/components/form-alert';
import { useFieldForm } from '@/features/plans/components/form-state';
import { unplacedErrors } from '@/features/plans/utils/field-errors';
import { parseWhole } from '@/features/plans/utils/numbers';
import { planAllows } from '@/features/plans/utils/actions';
import '@/features/plans/components/plans.css';

type Kind = PlanGroup['kind'];
const kinds: Kind[] = ['INDICATOR', 'TASK'];
const groupFields = ['code', 'name', 'order', 'kind'];

/** `/plans/:planId/groups`: the appendix's groups of indicators and of tasks, added, renamed, reordered, deleted. */
export function GroupsPage() {
  const { t } = useTranslation();
  const { planId = '' } = useParams();
  const planQuery = useGetPlan(planId);
  const groupsQuery = useGetGroups(planId);
  const permission = planAllows(planQuery.data, 'EDIT', planQuery.isError);
  const [notice, setNotice] = useState<string | null>(null);
  return (
    <PlanEditFrame
      planId={planId}
      plan={planQuery.data}
      title={t('plan.groups.title')}
      queries={[planQuery, groupsQuery]}
      permission={permission}
    >
      {() => (
        <>
          <div role="status" className="plan-notice">
            {notice && <p className="notice notice-success">{notice}</p>}
          </div>
          <div className="progress-slot">
            {groupsQuery.isFetching && (
              <progress className="progress" aria-label={t('app.loading')} />
            )}
          </div>
          {kinds.map((kind) => (
            <GroupsOfKind
              key={kind}
              planId={planId}
              kind={kind}
              groups={(groupsQuery.data ?? []).filter((g) => g.kind === kind)}
              onDone={setNotice}
            />
          ))}
        </>
      )}
    </PlanEditFrame>
  );
}

function GroupsOfKind({
  planId,
  kind,
  groups,
  onDone,
}: {
  planId: string;
  kind: Kind;
  groups: PlanGroup[];
  onDone: (notice: string) => void;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  const [editing, setEditing] = useState<string | null>(null);
  const nextOrder = groups.reduce((max, g) => Math.max(max, g.order), 0) + 1;
  return (
    <section className="plan-fieldset plan-groups" aria-labelledby={headingId}>
      <h2 id={headingId}>{t(`plan.groups.${kind}`)}</h2>
      {groups.length === 0 ? (
        <p className="muted">{t('plan.groups.none')}</p>
      ) : (
        <ul className="plan-group-list">
          {groups.map((group) =>
            editing === group.id ? (
              <li key={group.id}>
                <GroupForm
                  planId={planId}
                  kind={kind}
                  group={group}
                  legend={t('plan.groups.edit', { code: group.code })}
                  onCancel={() => setEditing(null)}
                  onSaved={(saved) => {
                    setEditing(null);
                    onDone(t('plan.groups.saved', { code: saved.code }));
                  }}
                />
              </li>
            ) : (
              <GroupItem
                key={group.id}
                planId={planId}
                group={group}
                onEdit={() => setEditing(group.id)}
                onDeleted={() => onDone(t('plan.groups.deleted', { code: group.code }))}
              />
            ),
          )}
        </ul>
      )}
      <GroupForm
        // A fresh form after each group added.
        key={`new-${groups.length}`}
        planId={planId}
        kind={kind}
        legend={t('plan.groups.addTo', { kind: t(`plan.groups.${kind}`).toLowerCase() })}
        nextOrder={nextOrder}
        onSaved={(saved) => onDone(t('plan.groups.added', { code: saved.code }))}
      />
    </section>
  );
}

function GroupItem({
  planId,
  group,
  onEdit,
  onDeleted,
}: {
  planId: string;
  group: PlanGroup;
  onEdit: () => void;
  onDeleted: () => void;
}) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  const remove = useDeleteGroup();
  const { alertRef, request: focusProblem } = useProblemFocus();
  return (
    <li className="plan-group-item">
      <span className="plan-code">{group.code}</span>
      <span className="plan-group-item-name">{group.name}</span>
      <span className="muted">
        {t('plan.groups.order')}: {group.order}
      </span>
      <div className="plan-row-buttons">
        <button
          type="button"
          className="button"
          aria-label={t('plan.groups.edit', { code: group.code })}
          onClick={onEdit}
        >
          {t('plan.groups.editShort')}
        </button>
        {!confirming && (
          <button
            type="button"
            className="button button-danger"
            aria-label={t('plan.groups.delete', { code: group.code })}
            onClick={() => setConfirming(true)}
          >
            {t('plan.groups.deleteShort')}
          </button>
        )}
      </div>
      {confirming && (
        <div className="plan-form-wide plan-panel plan-panel-danger">
          <FormAlert alertRef={alertRef} error={remove.error} />
          <p>{t('plan.groups.deleteConfirm', { code: group.code })}</p>
          <div className="plan-form-buttons">
            <BusyButton
              type="button"
              className="button button-danger"
              busy={remove.isPending}
              label={t('plan.groups.delete', { code: group.code })}
              busyLabel={t('plan.indicator.deleting')}
              onClick={() =>
                remove.mutate(
                  { planId, group: { id: group.id, version: group.version } },
                  { onSuccess: onDeleted, onError: focusProblem },
                )
              }
            />
            <button type="button" className="button" onClick={() => setConfirming(false)}>
              {t('plan.actions.cancel')}
            </button>
          </div>
        </div>
      )}
    </li>
  );
}

function GroupForm({
  planId,
  kind,
  group,
  legend,
  nextOrder,
  onCancel,
  onSaved,
}: {
  planId: string;
  kind: Kind;
  /** Absent for a new group. */
  group?: PlanGroup;
  legend: string;
  nextOrder?: number;
  onCancel?: () => void;
  onSaved: (group: PlanGroup) => void;
}) {
  const { t } = useTranslation();
  const { values, set, errors, err, showErrors, showProblem, formRef, alertRef } = useFieldForm({
    code: group?.code ?? '',
    name: group?.name ?? '',
    order: String(group?.order ?? nextOrder ?? 1),
  });
  const save = useSaveGroup();

  function submit(event: FormEvent) {
    event.preventDefault();
    if (save.isPending) return;
    const order = parseWhole(values.order);
    if (order !== null && Number.isNaN(order)) {
      save.reset();
      showErrors({ order: t('plan.errors.notWhole') });
      return;
    }
    save.mutate(
      {
        planId,
        group: group && { id: group.id, version: group.version },
        // Blank values go as they are, for the API to say next to the field what it needs.
        body: { kind, code: values.code.trim(), name: values.name.trim(), order: order as number },
      },
      {
        onSuccess: onSaved,
        onError: showProblem,
      },
    );
  }

  const others = unplacedErrors(errors, (field) => groupFields.includes(field));
  return (
    <form
      ref={formRef}
      className="plan-panel"
      noValidate
      aria-busy={save.isPending}
      aria-label={legend}
      onSubmit={submit}
    >
      <h3 className="plan-panel-title">{legend}</h3>
      <FormAlert alertRef={alertRef} error={save.error} others={others} />
      <div className="plan-form-grid">
        <TextField
          name="code"
          label={t('plan.groups.code')}
          value={values.code}
          error={err('code') ?? err('kind')}
          onChange={(v) => set('code', v)}
        />
        <TextField
          name="order"
          inputMode="numeric"
          label={t('plan.groups.order')}
          value={values.order}
          error={err('order')}
          onChange={(v) => set('order', v)}
        />
        <TextField
          className="plan-form-wide"
          name="name"
          label={t('plan.groups.name')}
          value={values.name}
          error={err('name')}
          onChange={(v) => set('name', v)}
        />
        <div className="plan-form-buttons">
          <BusyButton
            busy={save.isPending}
            label={group ? t('plan.form.save') : t('plan.groups.add')}
            busyLabel={group ? t('plan.form.saving') : t('plan.groups.adding')}
          />
          {onCancel && (
            <button type="button" className="button" onClick={onCancel}>
              {t('plan.actions.cancel')}
            </button>
          )}
        </div>
      </div>
    </form>
  );
}
