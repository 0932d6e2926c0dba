import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { readableError } from '@/lib/api-client';
import { placeFieldErrors, type FieldProblem } from '@/features/my-work/utils/evidence-details';

/** A save that failed: why, the messages no field shows, and whether some are shown on the fields. */
export type EvidenceFailure = { error: unknown; others: string[]; onFields: boolean };

/**
 * The values and field errors of a form that describes a document, and where the focus goes next: the first
 * field in error, else the form's alert.
 */
export function useEvidenceForm<F extends string>(
  fields: readonly F[],
  initial: Record<F, string>,
  { focusFirst = null }: { focusFirst?: F | null } = {},
) {
  const { t } = useTranslation();
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<Partial<Record<F, string>>>({});
  const fieldElements = useRef<Partial<Record<F, HTMLElement | null>>>({});
  const alertRef = useRef<HTMLDivElement>(null);
  const focusNext = useRef<F | 'alert' | null>(focusFirst);

  useEffect(() => {
    const target = focusNext.current;
    if (!target) return;
    focusNext.current = null;
    if (target === 'alert') alertRef.current?.focus();
    else fieldElements.current[target]?.focus();
  });

  function change(field: F, value: string) {
    setValues((current) => ({ ...current, [field]: value }));
    if (errors[field]) {
      setErrors((current) => {
        const next = { ...current };
        delete next[field];
        return next;
      });
    }
  }

  function showErrors(found: Partial<Record<F, string>>) {
    setErrors(found);
    focusNext.current = fields.find((field) => found[field]) ?? 'alert';
  }

  /** The problems found before sending, in words, next to their fields; whether there were any. */
  function refuse(problems: Partial<Record<F, FieldProblem>>): boolean {
    const found: Partial<Record<F, string>> = {};
    for (const field of fields) {
      const problem = problems[field];
      if (problem) found[field] = t(`work.errors.${problem}`);
    }
    if (Object.keys(found).length === 0) return false;
    showErrors(found);
    return true;
  }

  /** A refused save: its field errors next to the fields, what the form cannot place as the failure. */
  function failed(error: unknown): EvidenceFailure {
    const { onFields, others } = placeFieldErrors(error, fields);
    showErrors(onFields);
    return { error, others, onFields: Object.keys(onFields).length > 0 };
  }

  return {
    values,
    setValues,
    errors,
    setErrors,
    change,
    refuse,
    failed,
    /** Where the focus goes after the next render. */
    focus: (target: F | 'alert') => {
      focusNext.current = target;
    },
    fieldElements,
    fieldRef: (field: F, element: HTMLElement | null) => {
      fieldElements.current[field] = element;
    },
    alertRef,
  };
}

/** Why a save failed, after what was not done (`lead`). */
export function EvidenceFailureNotice({
  lead,
  failure,
}: {
  lead: string;
  failure: EvidenceFailure;
}) {
  const { t } = useTranslation();
  return (
    <div className="notice notice-error">
      <p>
        {lead} {readableError(failure.error)}
      </p>
      {failure.others.length > 0 && (
        <ul>
          {failure.others.map((message) => (
            <li key={message}>{message}</li>
          ))}
        </ul>
      )}
      {failure.onFields && <p>{t('work.errors.seeFields')}</p>}
    </div>
  );
}
