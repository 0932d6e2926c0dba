import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { useGetMe } from '@/lib/me';
import { useGetPlan, type Plan } from '@/features/plans/api/get-plan';
import { useCreatePlan } from '@/features/plans/api/create-plan';
import { useUpdatePlan } from '@/features/plans/api/update-plan';
import {
  EditFrame,
  PlanEditFrame,
  useFormGeneration,
} from '@/features/plans/components/edit-frame';
import { DateField } from '@/components/date-field';
import { BusyButton, SelectField, TextAreaField, TextField } from '@/components/form-fields';
import { FormAlert } from '@/features/plans/components/form-alert';
import { usePlanForm } from '@/features/plans/components/form-state';
import { PlanPicker, UnitPicker } from '@/features/plans/components/pickers';
import { errorFor, unplacedErrors, type FieldErrors } from '@/features/plans/utils/field-errors';
import { noticeState } from '@/features/plans/utils/notices';
import { mayCreatePlans, planAllows } from '@/features/plans/utils/actions';
import {
  deadlineShifts,
  frequencies,
  isPlacedPlanField,
  newPlanValues,
  planValues,
  sectionKeys,
  toPlanBody,
  type PlanFormValues,
} from '@/features/plans/utils/plan-form-values';
import { currentYear, moved, rowId } from '@/features/plans/utils/rows';
import '@/features/plans/components/plans.css';
import { FieldMessages } from '@/components/field-messages';

/** `/plans/new`: a new plan, saved as a draft. */
export function PlanCreatePage() {
  const { t } = useTranslation();
  const me = useGetMe();
  const permission = me.data
    ? mayCreatePlans(me.data)
      ? 'yes'
      : 'no'
    : me.isError
      ? 'no'
      : 'unknown';
  return (
    <EditFrame
      title={t('plan.form.createTitle')}
      back={{ to: '/plans', label: t('plan.back') }}
      loading={false}
      permission={permission}
      notAllowed={t('plan.form.notAllowedCreate')}
    >
      {() => (
        <PlanForm
          initial={newPlanValues(me.data?.coordinatedUnits[0], currentYear())}
          cancelTo="/plans"
        />
      )}
    </EditFrame>
  );
}

/** `/plans/:planId/edit`: the plan's facts, saved with If-Match the version the form was filled from. */
export function PlanEditPage() {
  const { t } = useTranslation();
  const { planId = '' } = useParams();
  const planQuery = useGetPlan(planId);
  const permission = planAllows(planQuery.data, 'EDIT', planQuery.isError);
  const { generation, reload } = useFormGeneration(() => planQuery.refetch());
  return (
    <PlanEditFrame
      planId={planId}
      plan={planQuery.data}
      title={t('plan.form.editTitle')}
      queries={[planQuery]}
      permission={permission}
    >
      {() =>
        planQuery.data && (
          <PlanForm
            key={generation}
            plan={planQuery.data}
            initial={planValues(planQuery.data)}
            cancelTo={`/plans/${planId}`}
            onReload={reload}
          />
        )
      }
    </PlanEditFrame>
  );
}

function PlanForm({
  plan,
  initial,
  cancelTo,
  onReload,
}: {
  /** The plan being edited, as it was when the form was filled; absent for a new plan. */
  plan?: Plan;
  initial: PlanFormValues;
  cancelTo: string;
  onReload?: () => Promise<void>;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [base] = useState(plan);
  const { values, set, errors, err, refuse, clearFailure, fail, formRef, alert } = usePlanForm(
    initial,
    onReload,
  );
  const create = useCreatePlan();
  const update = useUpdatePlan();
  const creating = !base;
  const busy = create.isPending || update.isPending;

  function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const { body, code, problems } = toPlanBody(values, base?.status ?? 'DRAFT');
    if (Object.keys(problems).length > 0) {
      refuse(Object.fromEntries(Object.keys(problems).map((f) => [f, t('plan.errors.notWhole')])));
      return;
    }
    clearFailure();
    if (base) {
      update.mutate(
        { planId: base.id, version: base.version, body },
        {
          onSuccess: (saved) =>
            void navigate(`/plans/${saved.id}`, { state: noticeState({ kind: 'saved' }) }),
          onError: fail,
        },
      );
    } else {
      create.mutate(
        { ...body, code },
        {
          onSuccess: (saved) =>
            void navigate(`/plans/${saved.id}`, { state: noticeState({ kind: 'created' }) }),
          onError: fail,
        },
      );
    }
  }

  const others = unplacedErrors(errors, (field) => isPlacedPlanField(field, values, creating));

  return (
    <form ref={formRef} className="plan-form" noValidate aria-busy={busy} onSubmit={submit}>
      <FormAlert {...alert} others={others} />

      <fieldset className="plan-fieldset">
        <legend>{t('plan.form.document')}</legend>
        <div className="plan-form-grid">
          {creating && (
            <TextField
              name="code"
              label={t('plan.form.code')}
              hint={t('plan.form.codeHint')}
              value={values.code}
              error={err('code')}
              onChange={(v) => set('code', v, 'code')}
            />
          )}
          <TextAreaField
            className="plan-form-wide"
            name="title"
            label={t('plan.form.planTitle')}
            rows={2}
            value={values.title}
            error={err('title')}
            onChange={(v) => set('title', v, 'title')}
          />
          <TextField
            name="documentNumber"
            label={t('plan.form.documentNumber')}
            hint={t('plan.form.documentNumberHint')}
            value={values.documentNumber}
            error={err('documentNumber')}
            onChange={(v) => set('documentNumber', v, 'documentNumber')}
          />
          <DateField
            name="issueDate"
            label={t('plan.form.issueDate')}
            value={values.issueDate}
            error={err('issueDate')}
            onChange={(v) => set('issueDate', v, 'issueDate')}
          />
          <TextField
            name="issuePlace"
            label={t('plan.form.issuePlace')}
            hint={t('plan.form.issuePlaceHint')}
            value={values.issuePlace}
            error={err('issuePlace')}
            onChange={(v) => set('issuePlace', v, 'issuePlace')}
          />
          <UnitPicker
            name="issuingUnitId"
            label={t('plan.form.issuingUnit')}
            value={values.issuingUnit}
            error={err('issuingUnitId')}
            onChange={(units) => set('issuingUnit', units, 'issuingUnitId')}
          />
          <TextField
            name="startYear"
            inputMode="numeric"
            label={t('plan.form.startYear')}
            value={values.startYear}
            error={err('startYear')}
            onChange={(v) => set('startYear', v, 'startYear')}
          />
          <TextField
            name="endYear"
            inputMode="numeric"
            label={t('plan.form.endYear')}
            value={values.endYear}
            error={err('endYear')}
            onChange={(v) => set('endYear', v, 'endYear')}
          />
          <div className="plan-form-wide">
            <PlanPicker
              name="parentPlanId"
              label={t('plan.form.parentPlan')}
              hint={t('plan.form.parentPlanHint')}
              value={values.parentPlan}
              excludeId={base?.id}
              error={err('parentPlanId')}
              onChange={(p) => set('parentPlan', p, 'parentPlanId')}
            />
          </div>
        </div>
      </fieldset>

      <LegalBasesEditor
        values={values}
        errors={errors}
        excludeId={base?.id}
        onChange={(legalBases) => set('legalBases', legalBases, 'legalBases')}
      />

      <SectionsEditor
        values={values}
        errors={errors}
        onChange={(sections) => set('sections', sections, 'sections')}
      />

      <fieldset className="plan-fieldset">
        <legend>{t('plan.form.regime')}</legend>
        <div className="plan-form-grid">
          <SelectField
            name="reportingRegime.frequency"
            label={t('plan.regime.frequency')}
            value={values.frequency}
            error={err('reportingRegime.frequency')}
            options={frequencies.map((f) => ({
              value: f,
              label: t(`plan.regime.frequencies.${f}`),
            }))}
            onChange={(v) =>
              set(
                'frequency',
                frequencies.find((f) => f === v) ?? values.frequency,
                'reportingRegime.frequency',
              )
            }
          />
          <SelectField
            name="reportingRegime.deadlineShift"
            label={t('plan.regime.deadlineShift')}
            value={values.deadlineShift}
            error={err('reportingRegime.deadlineShift')}
            options={deadlineShifts.map((s) => ({ value: s, label: t(`plan.regime.shifts.${s}`) }))}
            onChange={(v) =>
              set(
                'deadlineShift',
                deadlineShifts.find((s) => s === v) ?? values.deadlineShift,
                'reportingRegime.deadlineShift',
              )
            }
          />
          <TextField
            name="reportingRegime.unitReportDay"
            inputMode="numeric"
            label={t('plan.form.unitReportDay')}
            hint={t('plan.form.dayHint')}
            value={values.unitReportDay}
            error={err('reportingRegime.unitReportDay')}
            onChange={(v) => set('unitReportDay', v, 'reportingRegime.unitReportDay')}
          />
          <TextField
            name="reportingRegime.consolidationDay"
            inputMode="numeric"
            label={t('plan.form.consolidationDay')}
            hint={t('plan.form.dayHint')}
            value={values.consolidationDay}
            error={err('reportingRegime.consolidationDay')}
            onChange={(v) => set('consolidationDay', v, 'reportingRegime.consolidationDay')}
          />
          <UnitPicker
            name="reportingRegime.coordinatorUnitId"
            label={t('plan.regime.coordinatorUnit')}
            value={values.coordinatorUnit}
            error={err('reportingRegime.coordinatorUnitId')}
            onChange={(units) => set('coordinatorUnit', units, 'reportingRegime.coordinatorUnitId')}
          />
          <UnitPicker
            name="reportingRegime.recipientUnitId"
            label={t('plan.regime.recipientUnit')}
            value={values.recipientUnit}
            error={err('reportingRegime.recipientUnitId')}
            onChange={(units) => set('recipientUnit', units, 'reportingRegime.recipientUnitId')}
          />
          <TextAreaField
            className="plan-form-wide"
            name="reportingRegime.wording"
            label={t('plan.form.regimeWording')}
            value={values.regimeWording}
            error={errorFor(errors, 'reportingRegime.wording') ?? err('reportingRegime')}
            onChange={(v) => set('regimeWording', v, 'reportingRegime.wording')}
          />
        </div>
      </fieldset>

      <fieldset className="plan-fieldset">
        <legend>{t('plan.form.signing')}</legend>
        <div className="plan-form-grid">
          <TextField
            name="signerTitle"
            label={t('plan.form.signerTitle')}
            value={values.signerTitle}
            error={err('signerTitle')}
            onChange={(v) => set('signerTitle', v, 'signerTitle')}
          />
          <TextField
            name="signerName"
            label={t('plan.form.signerName')}
            value={values.signerName}
            error={err('signerName')}
            onChange={(v) => set('signerName', v, 'signerName')}
          />
          <TextAreaField
            className="plan-form-wide"
            name="recipients"
            label={t('plan.form.recipients')}
            hint={t('plan.form.recipientsHint')}
            rows={4}
            value={values.recipients}
            error={errorFor(errors, 'recipients', { nested: true })}
            onChange={(v) => set('recipients', v, 'recipients')}
          />
        </div>
      </fieldset>

      <div className="plan-form-actions">
        <Link to={cancelTo} className="button">
          {t('plan.form.cancel')}
        </Link>
        <BusyButton
          busy={busy}
          label={creating ? t('plan.form.create') : t('plan.form.save')}
          busyLabel={creating ? t('plan.form.creating') : t('plan.form.saving')}
        />
      </div>
    </form>
  );
}

function LegalBasesEditor({
  values,
  errors,
  excludeId,
  onChange,
}: {
  values: PlanFormValues;
  errors: FieldErrors;
  excludeId?: string;
  onChange: (bases: PlanFormValues['legalBases']) => void;
}) {
  const { t } = useTranslation();
  const bases = values.legalBases;
  const listError = errorFor(errors, 'legalBases');
  return (
    <fieldset className="plan-fieldset">
      <legend>{t('plan.form.bases')}</legend>
      <ol className="plan-rows">
        {bases.map((basis, index) => {
          const n = index + 1;
          const at = `legalBases[${index}]`;
          return (
            <li key={basis.rowId} className="plan-row">
              <div className="plan-row-head">
                <h3>{t('plan.form.citation', { n })}</h3>
                <div className="plan-row-buttons">
                  <button
                    type="button"
                    className="button"
                    onClick={() => onChange(bases.filter((b) => b.rowId !== basis.rowId))}
                  >
                    {t('plan.form.removeBasis', { n })}
                  </button>
                </div>
              </div>
              <TextAreaField
                className="plan-form-wide"
                name={`${at}.citation`}
                label={t('plan.form.citation', { n })}
                rows={3}
                value={basis.citation}
                error={errorFor(errors, `${at}.citation`)}
                onChange={(citation) =>
                  onChange(bases.map((b) => (b.rowId === basis.rowId ? { ...b, citation } : b)))
                }
              />
              <div className="plan-form-wide">
                <PlanPicker
                  name={`${at}.planId`}
                  label={t('plan.form.basisPlan', { n })}
                  hint={t('plan.form.basisPlanHint')}
                  value={basis.plan}
                  excludeId={excludeId}
                  error={errorFor(errors, `${at}.planId`)}
                  onChange={(plan) =>
                    onChange(bases.map((b) => (b.rowId === basis.rowId ? { ...b, plan } : b)))
                  }
                />
              </div>
            </li>
          );
        })}
      </ol>
      {listError && <FieldMessages id="legal-bases" error={listError} />}
      <button
        type="button"
        className="button plan-add"
        onClick={() => onChange([...bases, { rowId: rowId(), citation: '', plan: null }])}
      >
        {t('plan.form.addBasis')}
      </button>
    </fieldset>
  );
}

function SectionsEditor({
  values,
  errors,
  onChange,
}: {
  values: PlanFormValues;
  errors: FieldErrors;
  onChange: (sections: PlanFormValues['sections']) => void;
}) {
  const { t } = useTranslation();
  const sections = values.sections;
  const listError = errorFor(errors, 'sections');
  const edit = (id: string, change: Partial<PlanFormValues['sections'][number]>) =>
    onChange(sections.map((s) => (s.rowId === id ? { ...s, ...change } : s)));
  return (
    <fieldset className="plan-fieldset">
      <legend>{t('plan.form.sections')}</legend>
      <ol className="plan-rows">
        {sections.map((section, index) => {
          const n = index + 1;
          const at = `sections[${index}]`;
          return (
            <li key={section.rowId} className="plan-row">
              <div className="plan-row-head">
                <h3>{t('plan.form.section', { n })}</h3>
                <div className="plan-row-buttons">
                  <button
                    type="button"
                    className="button"
                    disabled={index === 0}
                    aria-label={t('plan.form.moveUp', { n })}
                    onClick={() => onChange(moved(sections, index, -1))}
                  >
                    <span aria-hidden="true">↑</span>
                  </button>
                  <button
                    type="button"
                    className="button"
                    disabled={index === sections.length - 1}
                    aria-label={t('plan.form.moveDown', { n })}
                    onClick={() => onChange(moved(sections, index, 1))}
                  >
                    <span aria-hidden="true">↓</span>
                  </button>
                  <button
                    type="button"
                    className="button"
                    onClick={() => onChange(sections.filter((s) => s.rowId !== section.rowId))}
                  >
                    {t('plan.form.removeSection', { n })}
                  </button>
                </div>
              </div>
              <SelectField
                name={`${at}.key`}
                label={t('plan.form.sectionKey')}
                value={section.key}
                error={errorFor(errors, `${at}.key`)}
                options={sectionKeys.map((key) => ({
                  value: key,
                  label: t(`plan.form.sectionKeys.${key}`),
                }))}
                onChange={(v) =>
                  edit(section.rowId, { key: sectionKeys.find((k) => k === v) ?? section.key })
                }
              />
              <TextField
                name={`${at}.heading`}
                label={t('plan.form.heading')}
                hint={t('plan.form.headingHint')}
                value={section.heading}
                error={errorFor(errors, `${at}.heading`)}
                onChange={(heading) => edit(section.rowId, { heading })}
              />
              <TextAreaField
                className="plan-form-wide"
                name={`${at}.body`}
                label={t('plan.form.body')}
                rows={8}
                value={section.body}
                error={errorFor(errors, `${at}.body`)}
                onChange={(body) => edit(section.rowId, { body })}
              />
            </li>
          );
        })}
      </ol>
      {listError && <FieldMessages id="sections" error={listError} />}
      <button
        type="button"
        className="button plan-add"
        onClick={() =>
          onChange([...sections, { rowId: rowId(), key: 'OTHER', heading: '', body: '' }])
        }
      >
        {t('plan.form.addSection')}
      </button>
    </fieldset>
  );
}
