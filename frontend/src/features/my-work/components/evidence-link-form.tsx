import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { components } from '@/api/schema';
import { readableError } from '@/lib/api-client';
import { useRegisterEvidenceLink } from '@/features/my-work/api/register-evidence-link';
import { EvidenceFields } from '@/features/my-work/components/evidence-fields';
import {
  emptyLink,
  linkFields,
  placeFieldErrors,
  readLink,
  type LinkField,
  type LinkValues,
} from '@/features/my-work/utils/evidence-details';

type Evidence = components['schemas']['Evidence'];
type Errors = Partial<Record<LinkField, string>>;
type Failure = { error: unknown; others: string[]; onFields: boolean };

type Props = {
  /** The report's id, saving a new report as a draft first; null if that failed. */
  ensureReport: () => Promise<string | null>;
  onAdded: (evidence: Evidence) => void;
  onCancel: () => void;
};

/** Registers a document by its http(s) address and attaches it to the report in the same step. */
export function EvidenceLinkForm({ ensureReport, onAdded, onCancel }: Props) {
  const { t } = useTranslation();
  const headingId = useId();
  const register = useRegisterEvidenceLink();
  const [values, setValues] = useState<LinkValues>(emptyLink);
  const [errors, setErrors] = useState<Errors>({});
  const [failure, setFailure] = useState<Failure | null>(null);
  const [busy, setBusy] = useState(false);
  const fieldElements = useRef<Partial<Record<LinkField, HTMLElement | null>>>({});
  const alertRef = useRef<HTMLDivElement>(null);
  const focusNext = useRef<LinkField | 'alert' | null>('url');

  useEffect(() => {
    const target = focusNext.current;
    if (!target) return;
    focusNext.current = null;
    if (target === 'alert') alertRef.current?.focus();
    else fieldElements.current[target]?.focus();
  });

  function change(field: LinkField, value: string) {
    setValues((current) => ({ ...current, [field]: value }));
    if (errors[field]) {
      setErrors((current) => {
        const next = { ...current };
        delete next[field];
        return next;
      });
    }
  }

  function showErrors(found: Errors) {
    setErrors(found);
    focusNext.current = linkFields.find((field) => found[field]) ?? 'alert';
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const { body, problems } = readLink(values);
    const found: Errors = {};
    for (const field of linkFields) {
      const problem = problems[field];
      if (problem) found[field] = t(`work.errors.${problem}`);
    }
    if (Object.keys(found).length > 0) {
      setFailure(null);
      showErrors(found);
      return;
    }
    setBusy(true);
    setFailure(null);
    try {
      // A new report is saved as a draft first; if that fails, the editor says why.
      const reportId = await ensureReport();
      if (!reportId) return;
      onAdded(await register.mutateAsync({ ...body, reportIds: [reportId] }));
    } catch (error) {
      const { onFields, others } = placeFieldErrors(error, linkFields);
      const shown = Object.keys(onFields).length > 0;
      setFailure({ error, others, onFields: shown });
      showErrors(onFields);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form
      className="evidence-form"
      aria-labelledby={headingId}
      noValidate
      onSubmit={(event) => void submit(event)}
      onKeyDown={(event) => {
        if (event.key === 'Escape') onCancel();
      }}
    >
      <h3 id={headingId}>{t('work.evidence.linkForm.title')}</h3>
      <p className="field-hint">{t('work.evidence.linkForm.hint')}</p>
      <div ref={alertRef} role="alert" tabIndex={-1} className="form-alert">
        {failure && (
          <div className="notice notice-error">
            <p>
              {t('work.errors.linkNotAdded')} {readableError(failure.error)}
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
        )}
      </div>
      <EvidenceFields
        fields={linkFields}
        values={values}
        errors={errors}
        onChange={change}
        fieldRef={(field, element) => {
          fieldElements.current[field] = element;
        }}
      />
      <div className="evidence-form-actions">
        <button type="submit" className="button button-primary" aria-disabled={busy}>
          {busy && <span className="spinner" aria-hidden="true" />}
          {busy ? t('work.evidence.linkForm.submitting') : t('work.evidence.linkForm.submit')}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {t('work.evidence.closeForm')}
        </button>
      </div>
    </form>
  );
}
