import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectField, TextAreaField, TextField } from '@/components/form-fields';
import { errorFor, type FieldErrors } from '@/features/plans/utils/field-errors';
import {
  comparators,
  newTarget,
  shapeFields,
  targetKinds,
  type TargetValues,
} from '@/features/plans/utils/indicator-form-values';
import { FieldMessages } from '@/components/field-messages';

/**
 * One target in its shape: the year, the shape (kind), then only the parts that shape has (a comparison and a
 * value; a base for a ratio; "out of" for a rank; the milestone in words), its exception and the wording
 * exactly as the plan has it. Errors are the API's, at `<at>.<part>`.
 */
export function TargetFields({
  at,
  legend,
  value,
  onChange,
  errors,
  years,
  yearOptional = false,
  actions,
}: {
  /** The target's path as the API names it: `targets[0]`, `baseline`. */
  at: string;
  legend: string;
  value: TargetValues;
  /** With the path of the part that changed, whose error is then out of date. */
  onChange: (value: TargetValues, changed: string) => void;
  errors: FieldErrors;
  /** The plan's years. */
  years: number[];
  /** A baseline may have no year. */
  yearOptional?: boolean;
  actions?: ReactNode;
}) {
  const { t } = useTranslation();
  const id = useId();
  const used = new Set(shapeFields(value.kind));
  const set = (change: Partial<TargetValues>) =>
    onChange({ ...value, ...change }, `${at}.${Object.keys(change)[0] ?? ''}`);
  const err = (part: string) => errorFor(errors, `${at}.${part}`);
  const ranked = value.kind === 'RANK' || value.kind === 'LEADING_GROUP';
  const yearOptions = years.map((year) => ({ value: String(year), label: String(year) }));
  // A year outside the plan's (stored before the plan's years changed) stays choosable, to be seen and fixed.
  if (value.year && !years.includes(Number(value.year))) {
    yearOptions.unshift({ value: value.year, label: value.year });
  }
  const rowError = errorFor(errors, at);
  return (
    <fieldset
      className="plan-row plan-target"
      aria-describedby={rowError ? `${id}-error` : undefined}
    >
      <legend className="visually-hidden">{legend}</legend>
      <div className="plan-row-head">
        <h4 aria-hidden="true">{legend}</h4>
        {actions && <div className="plan-row-buttons">{actions}</div>}
      </div>
      <SelectField
        name={`${at}.year`}
        label={t('plan.indicator.year')}
        value={value.year}
        error={err('year')}
        options={[
          ...(yearOptional || value.year === ''
            ? [{ value: '', label: yearOptional ? t('plan.indicator.noYear') : '—' }]
            : []),
          ...yearOptions,
        ]}
        onChange={(year) => set({ year })}
      />
      <SelectField
        name={`${at}.kind`}
        label={t('plan.indicator.kind')}
        value={value.kind}
        error={err('kind')}
        options={targetKinds.map((kind) => ({
          value: kind,
          label: t(`plan.indicator.kinds.${kind}`),
        }))}
        onChange={(kind) => set({ kind: targetKinds.find((k) => k === kind) ?? value.kind })}
      />
      {used.has('comparator') && (
        <SelectField
          name={`${at}.comparator`}
          label={t('plan.indicator.comparator')}
          value={value.comparator}
          error={err('comparator')}
          options={[
            ...(value.comparator === '' ? [{ value: '', label: '—' }] : []),
            ...comparators.map((c) => ({ value: c, label: t(`plan.indicator.comparators.${c}`) })),
          ]}
          onChange={(comparator) =>
            set({ comparator: comparators.find((c) => c === comparator) ?? '' })
          }
        />
      )}
      {used.has('value') && (
        <TextField
          name={`${at}.value`}
          inputMode={ranked || value.kind === 'COUNT' ? 'numeric' : 'decimal'}
          label={ranked ? t('plan.indicator.rank') : t('plan.indicator.value')}
          value={value.value}
          error={err('value')}
          onChange={(v) => set({ value: v })}
        />
      )}
      {used.has('per') && (
        <TextField
          name={`${at}.per`}
          inputMode="decimal"
          label={t('plan.indicator.per')}
          hint={t('plan.indicator.perHint')}
          value={value.per}
          error={err('per')}
          onChange={(per) => set({ per })}
        />
      )}
      {used.has('basis') && (
        <TextField
          name={`${at}.basis`}
          label={t('plan.indicator.basis')}
          hint={t('plan.indicator.basisHint')}
          value={value.basis}
          error={err('basis')}
          onChange={(basis) => set({ basis })}
        />
      )}
      {used.has('outOf') && (
        <TextField
          name={`${at}.outOf`}
          inputMode="numeric"
          label={t('plan.indicator.outOf')}
          value={value.outOf}
          error={err('outOf')}
          onChange={(outOf) => set({ outOf })}
        />
      )}
      {used.has('text') && (
        <TextField
          name={`${at}.text`}
          label={t('plan.indicator.text')}
          value={value.text}
          error={err('text')}
          onChange={(text) => set({ text })}
        />
      )}
      <TextField
        name={`${at}.qualification`}
        label={t('plan.indicator.qualification')}
        value={value.qualification}
        error={err('qualification')}
        onChange={(qualification) => set({ qualification })}
      />
      <TextAreaField
        className="plan-form-wide"
        name={`${at}.wording`}
        label={t('plan.indicator.wording')}
        rows={2}
        value={value.wording}
        error={err('wording')}
        onChange={(wording) => set({ wording })}
      />
      {rowError && (
        <div className="plan-form-wide">
          <FieldMessages id={id} error={rowError} />
        </div>
      )}
    </fieldset>
  );
}

/** The targets by year, one row each, added and removed freely; a new row takes the shape of the last one. */
export function TargetsEditor({
  targets,
  onChange,
  errors,
  years,
}: {
  targets: TargetValues[];
  /** With the path whose errors are out of date: the part changed, or all targets when rows move. */
  onChange: (targets: TargetValues[], changed: string) => void;
  errors: FieldErrors;
  years: number[];
}) {
  const { t } = useTranslation();
  const id = useId();
  const listError = errorFor(errors, 'targets');
  function add() {
    const last = targets.at(-1);
    const taken = new Set(targets.map((target) => target.year));
    const free = years.find((year) => !taken.has(String(year)));
    onChange([...targets, newTarget(last, free === undefined ? '' : String(free))], 'targets');
  }
  return (
    <fieldset className="plan-fieldset">
      <legend>{t('plan.indicator.targets')}</legend>
      <p className="field-hint">{t('plan.indicator.targetsHint')}</p>
      <ol className="plan-rows">
        {targets.map((target, index) => {
          const n = index + 1;
          return (
            <li key={target.rowId}>
              <TargetFields
                at={`targets[${index}]`}
                legend={t('plan.indicator.target', { n })}
                value={target}
                errors={errors}
                years={years}
                onChange={(next, changed) =>
                  onChange(
                    targets.map((x) => (x.rowId === target.rowId ? next : x)),
                    changed,
                  )
                }
                actions={
                  <button
                    type="button"
                    className="button"
                    onClick={() =>
                      onChange(
                        targets.filter((x) => x.rowId !== target.rowId),
                        'targets',
                      )
                    }
                  >
                    {t('plan.indicator.removeTarget', { n })}
                  </button>
                }
              />
            </li>
          );
        })}
      </ol>
      {listError && <FieldMessages id={id} error={listError} />}
      <button type="button" className="button plan-add" onClick={add}>
        {t('plan.indicator.addTarget')}
      </button>
    </fieldset>
  );
}
