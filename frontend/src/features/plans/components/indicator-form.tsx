import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { getIndicatorQueryOptions } from '@/lib/plan-items';
import { useLanguage } from '@/lib/i18n';
import type { Plan } from '@/features/plans/api/get-plan';
import type { PlanGroup } from '@/features/plans/api/get-groups';
import { useGetIndicators } from '@/features/plans/api/get-indicators';
import {
  useDeleteIndicator,
  useSaveIndicator,
  type Indicator,
} from '@/features/plans/api/save-indicator';
import {
  PlanEditFrame,
  useFormGeneration,
  useGroupFromUrl,
  usePlanItemPage,
} from '@/features/plans/components/edit-frame';
import { CheckboxField, SelectField, TextAreaField, TextField } from '@/components/form-fields';
import { FormAlert } from '@/features/plans/components/form-alert';
import { usePlanForm } from '@/features/plans/components/form-state';
import { ItemFormActions, ItemPlaceFieldset } from '@/features/plans/components/item-form-parts';
import { UnitPicker } from '@/features/plans/components/pickers';
import { TargetFields, TargetsEditor } from '@/features/plans/components/targets-editor';
import { errorFor, unplacedErrors } from '@/features/plans/utils/field-errors';
import {
  indicatorValues,
  isPlacedIndicatorField,
  newIndicatorValues,
  toIndicatorBody,
  type IndicatorFormValues,
} from '@/features/plans/utils/indicator-form-values';
import { noticeState } from '@/features/plans/utils/notices';
import { planYears } from '@/features/plans/utils/plan-text';
import '@/features/plans/components/plans.css';

/** `/plans/:planId/indicators/new` (`?group=` picks the group): a new indicator of the plan. */
export function IndicatorCreatePage() {
  const { t } = useTranslation();
  const { planId = '' } = useParams();
  const { planQuery, groupsQuery, permission, plan } = usePlanItemPage(planId);
  const group = useGroupFromUrl(groupsQuery.data, 'INDICATOR');
  return (
    <PlanEditFrame
      planId={planId}
      plan={plan}
      title={t('plan.indicator.createTitle')}
      queries={[planQuery, groupsQuery]}
      permission={permission}
    >
      {() =>
        plan &&
        groupsQuery.data && (
          <IndicatorForm
            plan={plan}
            groups={groupsQuery.data}
            initial={newIndicatorValues(group, plan.startYear)}
          />
        )
      }
    </PlanEditFrame>
  );
}

/** `/plans/:planId/indicators/:indicatorId/edit`: saved with If-Match the version the form was filled from. */
export function IndicatorEditPage() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { planId = '', indicatorId = '' } = useParams();
  const { planQuery, groupsQuery, permission, plan } = usePlanItemPage(planId);
  const indicatorQuery = useQuery(getIndicatorQueryOptions(planId, indicatorId));
  const { generation, reload } = useFormGeneration(() => indicatorQuery.refetch());
  const indicator = indicatorQuery.data;
  return (
    <PlanEditFrame
      planId={planId}
      plan={plan}
      title={t('plan.indicator.editTitle', { code: indicator?.code ?? '' })}
      queries={[planQuery, groupsQuery, indicatorQuery]}
      permission={permission}
    >
      {() =>
        plan &&
        groupsQuery.data &&
        indicator && (
          <IndicatorForm
            key={generation}
            plan={plan}
            groups={groupsQuery.data}
            indicator={indicator}
            initial={indicatorValues(indicator, lang)}
            onReload={reload}
          />
        )
      }
    </PlanEditFrame>
  );
}

function IndicatorForm({
  plan,
  groups,
  indicator,
  initial,
  onReload,
}: {
  plan: Plan;
  groups: PlanGroup[];
  /** As it was when the form was filled; absent for a new indicator. */
  indicator?: Indicator;
  initial: IndicatorFormValues;
  onReload?: () => Promise<void>;
}) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const navigate = useNavigate();
  const [base] = useState(indicator);
  const { values, set, errors, err, refuse, clearFailure, fail, formRef, alert } = usePlanForm(
    initial,
    onReload,
  );
  const [confirmDelete, setConfirmDelete] = useState(false);
  const save = useSaveIndicator();
  const remove = useDeleteIndicator();
  const busy = save.isPending || remove.isPending;
  const years = planYears(plan.startYear, plan.endYear);
  const indicatorGroups = groups.filter((g) => g.kind === 'INDICATOR');
  const parentId = plan.parentPlan?.id;
  const parentIndicators = useGetIndicators(parentId ?? '', { size: 200 }, { enabled: !!parentId });

  function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const { body, problems } = toIndicatorBody(values, lang);
    if (Object.keys(problems).length > 0) {
      refuse(
        Object.fromEntries(
          Object.entries(problems).map(([field, problem]) => [field, t(`plan.errors.${problem}`)]),
        ),
      );
      return;
    }
    clearFailure();
    save.mutate(
      {
        planId: plan.id,
        indicator: base && { id: base.id, version: base.version },
        body,
      },
      {
        onSuccess: (saved) =>
          void navigate(`/plans/${plan.id}`, {
            state: noticeState({ kind: 'indicatorSaved', code: saved.code }),
          }),
        onError: fail,
      },
    );
  }

  function deleteIndicator() {
    if (!base || busy) return;
    clearFailure();
    remove.mutate(
      { planId: plan.id, indicator: { id: base.id, version: base.version } },
      {
        onSuccess: () =>
          void navigate(`/plans/${plan.id}`, {
            state: noticeState({ kind: 'indicatorDeleted', code: base.code }),
          }),
        onError: (error) => {
          setConfirmDelete(false);
          fail(error);
        },
      },
    );
  }

  const others = unplacedErrors(errors, (field) => isPlacedIndicatorField(field, values));

  return (
    <form ref={formRef} className="plan-form" noValidate aria-busy={busy} onSubmit={submit}>
      <FormAlert {...alert} others={others} />

      <ItemPlaceFieldset
        planId={plan.id}
        kind="indicator"
        groups={indicatorGroups}
        values={values}
        err={err}
        onChange={(field, v) => set(field, v)}
      >
        <TextField
          name="unitOfMeasure"
          label={t('plan.indicator.unitOfMeasure')}
          value={values.unitOfMeasure}
          error={err('unitOfMeasure')}
          onChange={(v) => set('unitOfMeasure', v)}
        />
        <TextAreaField
          className="plan-form-wide"
          name="content"
          label={t('plan.indicator.content')}
          rows={3}
          value={values.content}
          error={err('content')}
          onChange={(v) => set('content', v)}
        />
      </ItemPlaceFieldset>

      <TargetsEditor
        targets={values.targets}
        errors={errors}
        years={years}
        onChange={(targets, changed) => set('targets', targets, changed)}
      />

      <fieldset className="plan-fieldset">
        <legend>{t('plan.indicator.baseline')}</legend>
        <CheckboxField
          name="hasBaseline"
          label={t('plan.indicator.hasBaseline')}
          checked={values.hasBaseline}
          error={err('baseline')}
          onChange={(checked) => set('hasBaseline', checked, 'baseline')}
        />
        {values.hasBaseline && (
          <TargetFields
            at="baseline"
            legend={t('plan.indicator.baseline')}
            value={values.baseline}
            errors={errors}
            years={years}
            yearOptional
            onChange={(baseline, changed) => set('baseline', baseline, changed)}
          />
        )}
      </fieldset>

      <fieldset className="plan-fieldset">
        <legend>{t('plan.appendix.columns.lead')}</legend>
        <div className="plan-form-grid">
          <UnitPicker
            name="leadUnitId"
            label={t('plan.indicator.leadUnit')}
            value={values.leadUnit}
            error={err('leadUnitId')}
            onChange={(units) => set('leadUnit', units, 'leadUnitId')}
          />
          <UnitPicker
            multiple
            name="cooperatingUnitIds"
            label={t('plan.indicator.cooperatingUnits')}
            value={values.cooperatingUnits}
            error={errorFor(errors, 'cooperatingUnitIds', { nested: true })}
            onChange={(units) => set('cooperatingUnits', units, 'cooperatingUnitIds')}
          />
          <TextAreaField
            name="leadWording"
            label={t('plan.indicator.leadWording')}
            hint={t('plan.indicator.wordingHint')}
            rows={2}
            value={values.leadWording}
            error={err('leadWording')}
            onChange={(v) => set('leadWording', v)}
          />
          <TextAreaField
            name="cooperatingWording"
            label={t('plan.indicator.cooperatingWording')}
            hint={t('plan.indicator.wordingHint')}
            rows={2}
            value={values.cooperatingWording}
            error={err('cooperatingWording')}
            onChange={(v) => set('cooperatingWording', v)}
          />
        </div>
      </fieldset>

      <fieldset className="plan-fieldset">
        <legend>{t('plan.form.document')}</legend>
        <div className="plan-form-grid">
          <CheckboxField
            name="capturedAsFraction"
            label={t('plan.indicator.capturedAsFraction')}
            checked={values.capturedAsFraction}
            error={err('capturedAsFraction')}
            onChange={(checked) => set('capturedAsFraction', checked)}
          />
          <CheckboxField
            name="evidenceRequired"
            label={t('plan.indicator.evidenceRequired')}
            checked={values.evidenceRequired}
            error={err('evidenceRequired')}
            onChange={(checked) => set('evidenceRequired', checked)}
          />
          {values.capturedAsFraction && (
            <>
              <TextField
                name="numeratorLabel"
                label={t('plan.indicator.numeratorLabel')}
                value={values.numeratorLabel}
                error={err('numeratorLabel')}
                onChange={(v) => set('numeratorLabel', v)}
              />
              <TextField
                name="denominatorLabel"
                label={t('plan.indicator.denominatorLabel')}
                value={values.denominatorLabel}
                error={err('denominatorLabel')}
                onChange={(v) => set('denominatorLabel', v)}
              />
            </>
          )}
          {parentId && (
            <SelectField
              className="plan-form-wide"
              name="contributesToId"
              label={t('plan.indicator.contributesTo')}
              value={values.contributesToId}
              error={err('contributesToId')}
              options={[
                { value: '', label: t('plan.indicator.noContribution') },
                ...(parentIndicators.data?.items ?? []).map((i) => ({
                  value: i.id,
                  label: `${i.code} – ${i.content.length > 90 ? `${i.content.slice(0, 90)}…` : i.content}`,
                })),
                // The current choice stays listed while the parent's indicators load.
                ...(values.contributesToId &&
                !parentIndicators.data?.items.some((i) => i.id === values.contributesToId) &&
                base?.contributesTo
                  ? [{ value: base.contributesTo.id, label: base.contributesTo.code }]
                  : []),
              ]}
              onChange={(v) => set('contributesToId', v)}
            />
          )}
          <TextAreaField
            className="plan-form-wide"
            name="note"
            label={t('plan.indicator.note')}
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
        onDelete={deleteIndicator}
        texts={{
          delete: t('plan.indicator.delete'),
          deleting: t('plan.indicator.deleting'),
          question: t('plan.indicator.deleteConfirm', { code: base?.code ?? '' }),
        }}
      />
    </form>
  );
}
