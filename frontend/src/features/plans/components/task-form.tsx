import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { getTaskQueryOptions } from '@/lib/plan-items';
import type { Plan } from '@/features/plans/api/get-plan';
import type { PlanGroup } from '@/features/plans/api/get-groups';
import { useDeleteTask, useSaveTask, type Task } from '@/features/plans/api/save-task';
import {
  PlanEditFrame,
  useFormGeneration,
  useGroupFromUrl,
  usePlanItemPage,
} from '@/features/plans/components/edit-frame';
import { SelectField, TextAreaField, TextField } from '@/components/form-fields';
import { FormAlert } from '@/features/plans/components/form-alert';
import { usePlanForm } from '@/features/plans/components/form-state';
import { ItemFormActions, ItemPlaceFieldset } from '@/features/plans/components/item-form-parts';
import { UnitPicker } from '@/features/plans/components/pickers';
import { errorFor, unplacedErrors } from '@/features/plans/utils/field-errors';
import { noticeState } from '@/features/plans/utils/notices';
import {
  isPlacedTaskField,
  newTaskValues,
  progressValues,
  taskValues,
  timeframeKinds,
  toTaskBody,
  type TaskFormValues,
} from '@/features/plans/utils/task-form-values';
import '@/features/plans/components/plans.css';

/** `/plans/:planId/tasks/new` (`?group=` picks the group): a new task of the plan. */
export function TaskCreatePage() {
  const { t } = useTranslation();
  const { planId = '' } = useParams();
  const { planQuery, groupsQuery, permission, plan } = usePlanItemPage(planId);
  const group = useGroupFromUrl(groupsQuery.data, 'TASK');
  return (
    <PlanEditFrame
      planId={planId}
      plan={plan}
      title={t('plan.task.createTitle')}
      queries={[planQuery, groupsQuery]}
      permission={permission}
    >
      {() =>
        plan &&
        groupsQuery.data && (
          <TaskForm
            plan={plan}
            groups={groupsQuery.data}
            initial={newTaskValues(group, plan.startYear, plan.endYear)}
          />
        )
      }
    </PlanEditFrame>
  );
}

/** `/plans/:planId/tasks/:taskId/edit`: saved with If-Match the version the form was filled from. */
export function TaskEditPage() {
  const { t } = useTranslation();
  const { planId = '', taskId = '' } = useParams();
  const { planQuery, groupsQuery, permission, plan } = usePlanItemPage(planId);
  const taskQuery = useQuery(getTaskQueryOptions(planId, taskId));
  const { generation, reload } = useFormGeneration(() => taskQuery.refetch());
  const task = taskQuery.data;
  return (
    <PlanEditFrame
      planId={planId}
      plan={plan}
      title={t('plan.task.editTitle', { code: task?.code ?? '' })}
      queries={[planQuery, groupsQuery, taskQuery]}
      permission={permission}
    >
      {() =>
        plan &&
        groupsQuery.data &&
        task && (
          <TaskForm
            key={generation}
            plan={plan}
            groups={groupsQuery.data}
            task={task}
            initial={taskValues(task)}
            onReload={reload}
          />
        )
      }
    </PlanEditFrame>
  );
}

function TaskForm({
  plan,
  groups,
  task,
  initial,
  onReload,
}: {
  plan: Plan;
  groups: PlanGroup[];
  /** As it was when the form was filled; absent for a new task. */
  task?: Task;
  initial: TaskFormValues;
  onReload?: () => Promise<void>;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [base] = useState(task);
  const { values, set, errors, err, refuse, clearFailure, fail, formRef, alert } = usePlanForm(
    initial,
    onReload,
  );
  const [confirmDelete, setConfirmDelete] = useState(false);
  const save = useSaveTask();
  const remove = useDeleteTask();
  const busy = save.isPending || remove.isPending;
  const taskGroups = groups.filter((g) => g.kind === 'TASK');

  function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const { body, problems } = toTaskBody(values);
    if (Object.keys(problems).length > 0) {
      refuse(Object.fromEntries(Object.keys(problems).map((f) => [f, t('plan.errors.notWhole')])));
      return;
    }
    clearFailure();
    save.mutate(
      { planId: plan.id, task: base && { id: base.id, version: base.version }, body },
      {
        onSuccess: (saved) =>
          void navigate(`/plans/${plan.id}`, {
            state: noticeState({ kind: 'taskSaved', code: saved.code }),
          }),
        onError: fail,
      },
    );
  }

  function deleteTask() {
    if (!base || busy) return;
    clearFailure();
    remove.mutate(
      { planId: plan.id, task: { id: base.id, version: base.version } },
      {
        onSuccess: () =>
          void navigate(`/plans/${plan.id}`, {
            state: noticeState({ kind: 'taskDeleted', code: base.code }),
          }),
        onError: (error) => {
          setConfirmDelete(false);
          fail(error);
        },
      },
    );
  }

  const others = unplacedErrors(errors, (field) => isPlacedTaskField(field, values));
  const kind = values.timeframeKind;

  return (
    <form ref={formRef} className="plan-form" noValidate aria-busy={busy} onSubmit={submit}>
      <FormAlert {...alert} others={others} />

      <ItemPlaceFieldset
        planId={plan.id}
        kind="task"
        groups={taskGroups}
        values={values}
        err={err}
        onChange={(field, v) => set(field, v)}
      >
        <SelectField
          name="progress"
          label={t('plan.task.progress')}
          value={values.progress}
          error={err('progress')}
          options={progressValues.map((p) => ({
            value: p,
            label: t(`plan.appendix.progress.${p}`),
          }))}
          onChange={(v) => set('progress', progressValues.find((p) => p === v) ?? values.progress)}
        />
        <TextAreaField
          className="plan-form-wide"
          name="description"
          label={t('plan.task.description')}
          rows={4}
          value={values.description}
          error={err('description')}
          onChange={(v) => set('description', v)}
        />
        <UnitPicker
          multiple
          name="leadUnitIds"
          label={t('plan.task.leadUnits')}
          value={values.leadUnits}
          error={errorFor(errors, 'leadUnitIds', { nested: true })}
          onChange={(units) => set('leadUnits', units, 'leadUnitIds')}
        />
        <UnitPicker
          multiple
          name="cooperatingUnitIds"
          label={t('plan.task.cooperatingUnits')}
          value={values.cooperatingUnits}
          error={errorFor(errors, 'cooperatingUnitIds', { nested: true })}
          onChange={(units) => set('cooperatingUnits', units, 'cooperatingUnitIds')}
        />
        <TextAreaField
          className="plan-form-wide"
          name="product"
          label={t('plan.task.product')}
          rows={2}
          value={values.product}
          error={err('product')}
          onChange={(v) => set('product', v)}
        />
      </ItemPlaceFieldset>

      <fieldset className="plan-fieldset">
        <legend>{t('plan.task.timeframe')}</legend>
        <div className="plan-form-grid">
          <SelectField
            name="timeframe.kind"
            label={t('plan.task.timeframeKind')}
            value={kind}
            error={errorFor(errors, 'timeframe.kind') ?? err('timeframe')}
            options={timeframeKinds.map((k) => ({ value: k, label: t(`plan.task.kinds.${k}`) }))}
            onChange={(v) =>
              set('timeframeKind', timeframeKinds.find((k) => k === v) ?? kind, 'timeframe')
            }
          />
          {kind !== 'ONGOING' && (
            <TextField
              name="timeframe.startYear"
              inputMode="numeric"
              label={kind === 'YEAR' ? t('plan.task.year') : t('plan.task.startYear')}
              value={values.startYear}
              error={
                kind === 'YEAR'
                  ? errorFor(errors, 'timeframe', { nested: true })
                  : err('timeframe.startYear')
              }
              onChange={(v) => set('startYear', v, 'timeframe')}
            />
          )}
          {kind === 'SPAN' && (
            <TextField
              name="timeframe.endYear"
              inputMode="numeric"
              label={t('plan.task.endYear')}
              value={values.endYear}
              error={err('timeframe.endYear')}
              onChange={(v) => set('endYear', v, 'timeframe')}
            />
          )}
          <TextField
            className="plan-form-wide"
            name="timeframe.wording"
            label={t('plan.task.timeframeWording')}
            value={values.timeframeWording}
            error={err('timeframe.wording')}
            onChange={(v) => set('timeframeWording', v, 'timeframe')}
          />
          <TextAreaField
            className="plan-form-wide"
            name="note"
            label={t('plan.task.note')}
            rows={2}
            value={values.note}
            error={err('note')}
            onChange={(v) => set('note', v)}
          />
        </div>
      </fieldset>

      <ItemFormActions
        planId={plan.id}
        stored={!!base}
        confirming={confirmDelete}
        onConfirming={setConfirmDelete}
        saving={save.isPending}
        deleting={remove.isPending}
        onDelete={deleteTask}
        texts={{
          delete: t('plan.task.delete'),
          deleting: t('plan.task.deleting'),
          question: t('plan.task.deleteConfirm', { code: base?.code ?? '' }),
        }}
      />
    </form>
  );
}
