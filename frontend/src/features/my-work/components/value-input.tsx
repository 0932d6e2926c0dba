import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '@/lib/i18n';
import { describedBy, FieldMessages } from '@/components/field-messages';
import { parseDecimal } from '@/lib/number-input';
import {
  formatRate,
  fractionRate,
  progressValues,
  type ReportField,
  type ReportFormValues,
  type ValueShape,
} from '@/features/my-work/utils/report-value';

type Props = {
  shape: ValueShape;
  values: ReportFormValues;
  errors: Partial<Record<ReportField, string>>;
  onChange: (field: ReportField, value: string) => void;
  /** Lets the form move focus to the first field with an error. */
  fieldRef?: (field: ReportField, element: HTMLElement | null) => void;
  disabled?: boolean;
};

/** The value, entered in the indicator's own shape (or a task's progress). */
export function ValueInput(props: Props) {
  const { t } = useTranslation();
  const { shape } = props;
  const target = shape.kind === 'progress' ? null : shape.target;
  const targetHint = target?.wording
    ? t('work.value.targetHint', { target: target.wording })
    : undefined;

  switch (shape.kind) {
    case 'number':
      return (
        <NumberField
          {...props}
          field="value.number"
          label={t('work.value.number')}
          hint={targetHint}
          unit={shape.unit}
          whole={shape.whole}
        />
      );
    case 'fraction':
      return <FractionFields {...props} shape={shape} hint={targetHint} />;
    case 'met':
      return (
        <MetField
          {...props}
          legend={t('work.value.metLegend')}
          yes={t('work.value.met')}
          no={t('work.value.notMet')}
          hint={targetHint}
        />
      );
    case 'milestone':
      return (
        <>
          <MetField
            {...props}
            legend={t('work.value.milestoneLegend')}
            yes={t('work.value.reached')}
            no={t('work.value.notReached')}
            hint={
              target?.text || target?.wording
                ? t('work.value.milestoneHint', { milestone: target.text ?? target.wording })
                : undefined
            }
          />
          <TextAreaField
            {...props}
            field="value.text"
            label={t('work.value.milestoneText')}
            hint={t('work.value.milestoneTextHint')}
            rows={3}
          />
        </>
      );
    case 'rank':
      return <RankFields {...props} hint={targetHint} />;
    case 'progress':
      return <ProgressField {...props} />;
  }
}

function NumberField({
  field,
  label,
  hint,
  unit,
  whole = false,
  values,
  errors,
  onChange,
  fieldRef,
  disabled,
}: Props & {
  field: ReportField;
  label: string;
  hint?: string;
  unit?: string | null;
  whole?: boolean;
}) {
  const id = useId();
  const error = errors[field];
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <div className="input-with-unit">
        {/* Text, not type=number: people type 72,5 and 1.450, which number inputs refuse. */}
        <input
          ref={(element) => fieldRef?.(field, element)}
          id={id}
          name={field}
          type="text"
          inputMode={whole ? 'numeric' : 'decimal'}
          autoComplete="off"
          value={values[field]}
          disabled={disabled}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(id, { hint, error })}
          onChange={(event) => onChange(field, event.target.value)}
        />
        {unit && (
          <span className="input-unit" aria-hidden="true">
            {unit}
          </span>
        )}
      </div>
      <FieldMessages id={id} hint={hint} error={error} />
    </div>
  );
}

function FractionFields(
  props: Props & { shape: Extract<ValueShape, { kind: 'fraction' }>; hint?: string },
) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { shape, values } = props;
  const numerator = parseDecimal(values['value.numerator'], lang);
  const denominator = parseDecimal(values['value.denominator'], lang);
  const rate = fractionRate(shape.target, numerator, denominator);
  return (
    <div className="fraction">
      <NumberField
        {...props}
        field="value.numerator"
        label={shape.numeratorLabel ?? t('work.value.numerator')}
        hint={undefined}
      />
      <NumberField
        {...props}
        field="value.denominator"
        label={shape.denominatorLabel ?? t('work.value.denominator')}
        hint={undefined}
      />
      <p className="fraction-rate">
        <span>{t('work.value.rate')}</span>{' '}
        <output aria-live="polite">
          {rate === null ? t('work.value.rateUnknown') : formatRate(rate, shape, lang, t)}
        </output>
      </p>
      {props.hint && <p className="field-hint">{props.hint}</p>}
    </div>
  );
}

function MetField({
  legend,
  yes,
  no,
  hint,
  values,
  errors,
  onChange,
  fieldRef,
  disabled,
}: Props & { legend: string; yes: string; no: string; hint?: string }) {
  const id = useId();
  const error = errors['value.met'];
  const options: { value: string; label: string }[] = [
    { value: 'true', label: yes },
    { value: 'false', label: no },
  ];
  return (
    <fieldset
      className="field choice-group"
      aria-invalid={error ? true : undefined}
      aria-describedby={describedBy(id, { hint, error })}
    >
      <legend>{legend}</legend>
      <div className="choices">
        {options.map((option, index) => (
          <label key={option.value} className="choice">
            <input
              ref={index === 0 ? (element) => fieldRef?.('value.met', element) : undefined}
              type="radio"
              name={`${id}-met`}
              value={option.value}
              checked={values['value.met'] === option.value}
              disabled={disabled}
              onChange={() => onChange('value.met', option.value)}
            />
            {option.label}
          </label>
        ))}
      </div>
      <FieldMessages id={id} hint={hint} error={error} />
    </fieldset>
  );
}

function RankFields(props: Props & { hint?: string }) {
  const { t } = useTranslation();
  return (
    <div className="rank">
      <div className="rank-inputs">
        <NumberField
          {...props}
          field="value.rank"
          label={t('work.value.rank')}
          hint={undefined}
          whole
        />
        <NumberField
          {...props}
          field="value.rankOutOf"
          label={t('work.value.rankOutOfLabel')}
          hint={undefined}
          whole
        />
      </div>
      {props.hint && <p className="field-hint">{props.hint}</p>}
    </div>
  );
}

function ProgressField({ values, errors, onChange, fieldRef, disabled }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const error = errors.progress;
  return (
    <div className="field">
      <label htmlFor={id}>{t('work.value.progress')}</label>
      <select
        ref={(element) => fieldRef?.('progress', element)}
        id={id}
        value={values.progress}
        disabled={disabled}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, { error })}
        onChange={(event) => onChange('progress', event.target.value)}
      >
        <option value="">{t('work.value.progressChoose')}</option>
        {progressValues.map((progress) => (
          <option key={progress} value={progress}>
            {t(`work.progress.${progress}`)}
          </option>
        ))}
      </select>
      <FieldMessages id={id} error={error} />
    </div>
  );
}

/** A multi-line text field of the report, with its hint and error. */
export function TextAreaField({
  field,
  label,
  hint,
  rows = 4,
  values,
  errors,
  onChange,
  fieldRef,
  disabled,
  children,
}: Pick<Props, 'values' | 'errors' | 'onChange' | 'fieldRef' | 'disabled'> & {
  field: ReportField;
  label: string;
  hint?: string;
  rows?: number;
  children?: ReactNode;
}) {
  const id = useId();
  const error = errors[field];
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children}
      <textarea
        ref={(element) => fieldRef?.(field, element)}
        id={id}
        name={field}
        rows={rows}
        value={values[field]}
        disabled={disabled}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, { hint, error })}
        onChange={(event) => onChange(field, event.target.value)}
      />
      <FieldMessages id={id} hint={hint} error={error} />
    </div>
  );
}
