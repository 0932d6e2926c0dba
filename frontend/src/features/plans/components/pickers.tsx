import { useDeferredValue, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { components } from '@/api/schema';
import { readableError } from '@/lib/api-client';
import { useGetOrgUnits } from '@/lib/org-units';
import { useGetPlans } from '@/features/plans/api/get-plans';
import { describedBy, FieldMessages } from '@/components/field-messages';

type OrgUnitRef = components['schemas']['OrgUnitRef'];
type PlanRef = components['schemas']['PlanRef'];

type Item = { id: string; label: string; detail?: string };

const searchDelayMs = 250;
const resultCount = 8;

/** The text typed, once typing has paused: what is searched. */
function useSettledText(text: string): string {
  const [settled, setSettled] = useState(text);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(text), searchDelayMs);
    return () => clearTimeout(timer);
  }, [text]);
  return useDeferredValue(settled);
}

type PickerProps = {
  /** The field's path as the API names it (e.g. `leadUnitId`). */
  name: string;
  label: string;
  hint?: string;
  error?: string;
  disabled?: boolean;
};

/**
 * One or several things chosen by searching: what is chosen (each removable), a search box, and the matches as
 * buttons. Searching is the API's (diacritics optional); only the first matches are offered.
 */
function PickerView({
  name,
  label,
  hint,
  error,
  disabled,
  chosen,
  text,
  onText,
  results,
  searching,
  failure,
  onChoose,
  onRemove,
}: PickerProps & {
  chosen: Item[];
  text: string;
  onText: (text: string) => void;
  results: Item[] | undefined;
  searching: boolean;
  failure: unknown;
  onChoose: (id: string) => void;
  onRemove: (id: string) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const legendId = `${id}-legend`;
  const offered = results?.filter((item) => !chosen.some((c) => c.id === item.id));
  return (
    <fieldset
      className="field plan-picker"
      aria-labelledby={legendId}
      aria-describedby={describedBy(id, { hint, error })}
      aria-invalid={error ? true : undefined}
    >
      <legend id={legendId}>{label}</legend>
      {chosen.length === 0 ? (
        <p className="muted plan-picker-none">{t('plan.picker.none')}</p>
      ) : (
        <ul className="plan-chips">
          {chosen.map((item) => (
            <li key={item.id} className="plan-chip">
              <span>
                {item.label}
                {item.detail && <span className="muted"> {item.detail}</span>}
              </span>
              {!disabled && (
                <button
                  type="button"
                  className="plan-chip-remove"
                  aria-label={t('plan.picker.remove', { name: item.label })}
                  onClick={() => onRemove(item.id)}
                >
                  <span aria-hidden="true">×</span>
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {!disabled && (
        <div className="plan-picker-search">
          <label htmlFor={id} className="visually-hidden">
            {t('plan.picker.search', { field: label.toLowerCase() })}
          </label>
          <input
            id={id}
            name={name}
            type="search"
            autoComplete="off"
            placeholder={t('plan.picker.search', { field: label.toLowerCase() })}
            value={text}
            aria-invalid={error ? true : undefined}
            aria-describedby={describedBy(id, { hint, error })}
            onChange={(event) => onText(event.target.value)}
          />
        </div>
      )}
      {text.trim() !== '' && (
        <div className="plan-picker-results" aria-live="polite">
          {failure ? (
            <p className="field-error">{readableError(failure)}</p>
          ) : !offered ? (
            <p className="muted">{t('plan.picker.searching')}</p>
          ) : offered.length === 0 ? (
            <p className="muted">
              {searching ? t('plan.picker.searching') : t('plan.picker.noResults')}
            </p>
          ) : (
            <ul aria-label={t('plan.picker.results', { field: label.toLowerCase() })}>
              {offered.map((item) => (
                <li key={item.id}>
                  <button
                    type="button"
                    className="plan-picker-option"
                    aria-label={t('plan.picker.choose', { name: item.label })}
                    onClick={() => onChoose(item.id)}
                  >
                    {item.label}
                    {item.detail && <span className="muted"> {item.detail}</span>}
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      <FieldMessages id={id} hint={hint ?? t('plan.picker.hint')} error={error} />
    </fieldset>
  );
}

/** Organisation units: one (`multiple` false, choosing replaces) or several. */
export function UnitPicker({
  value,
  onChange,
  multiple = false,
  ...props
}: PickerProps & {
  value: OrgUnitRef[];
  onChange: (units: OrgUnitRef[]) => void;
  multiple?: boolean;
}) {
  const [text, setText] = useState('');
  const q = useSettledText(text.trim());
  const query = useGetOrgUnits(
    { q, size: resultCount, active: true, sort: 'name,asc' },
    { enabled: q !== '' },
  );
  const units = query.data?.items;
  const toItem = (unit: OrgUnitRef): Item => ({
    id: unit.id,
    label: unit.name,
    detail: `(${unit.code})`,
  });
  return (
    <PickerView
      {...props}
      chosen={value.map(toItem)}
      text={text}
      onText={setText}
      results={q === '' || query.isPlaceholderData ? undefined : units?.map(toItem)}
      searching={query.isFetching}
      failure={query.error}
      onChoose={(id) => {
        const unit = units?.find((u) => u.id === id);
        if (!unit) return;
        const ref = { id: unit.id, code: unit.code, name: unit.name };
        onChange(multiple ? [...value, ref] : [ref]);
        setText('');
      }}
      onRemove={(id) => onChange(value.filter((unit) => unit.id !== id))}
    />
  );
}

export function planLabel(plan: PlanRef): string {
  return plan.documentNumber ? `${plan.documentNumber} – ${plan.title}` : plan.title;
}

/** One plan (a parent plan, a cited plan), found by number, code or title. */
export function PlanPicker({
  value,
  onChange,
  excludeId,
  ...props
}: PickerProps & {
  value: PlanRef | null;
  onChange: (plan: PlanRef | null) => void;
  /** The plan being edited, which cannot cite itself. */
  excludeId?: string;
}) {
  const [text, setText] = useState('');
  const q = useSettledText(text.trim());
  const query = useGetPlans({ q, size: resultCount }, { enabled: q !== '' });
  const plans = q === '' ? undefined : query.data?.items.filter((plan) => plan.id !== excludeId);
  const toItem = (plan: PlanRef): Item => ({ id: plan.id, label: planLabel(plan) });
  return (
    <PickerView
      {...props}
      chosen={value ? [toItem(value)] : []}
      text={text}
      onText={setText}
      results={q === '' || query.isPlaceholderData ? undefined : plans?.map(toItem)}
      searching={query.isFetching}
      failure={query.error}
      onChoose={(id) => {
        const plan = plans?.find((p) => p.id === id);
        if (!plan) return;
        onChange({
          id: plan.id,
          code: plan.code,
          documentNumber: plan.documentNumber,
          title: plan.title,
        });
        setText('');
      }}
      onRemove={() => onChange(null)}
    />
  );
}
