import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { components } from '@/api/schema';
import { useRegisterEvidenceLink } from '@/features/my-work/api/register-evidence-link';
import { EvidenceFields } from '@/features/my-work/components/evidence-fields';
import type { ReportRef } from '@/features/my-work/components/evidence-panel';
import {
  EvidenceFailureNotice,
  useEvidenceForm,
  type EvidenceFailure,
} from '@/features/my-work/components/evidence-form-state';
import { emptyLink, linkFields, readLink } from '@/features/my-work/utils/evidence-details';

type Evidence = components['schemas']['Evidence'];

type Props = {
  /** The report, saving a new one as a draft first; null if that failed. */
  ensureReport: () => Promise<ReportRef | null>;
  onAdded: (evidence: Evidence) => void;
  onCancel: () => void;
};

/** Registers a document by its http(s) address and attaches it to the report in the same step. */
export function EvidenceLinkForm({ ensureReport, onAdded, onCancel }: Props) {
  const { t } = useTranslation();
  const headingId = useId();
  const register = useRegisterEvidenceLink();
  const { values, errors, change, refuse, failed, fieldRef, alertRef } = useEvidenceForm(
    linkFields,
    emptyLink,
    { focusFirst: 'url' },
  );
  const [failure, setFailure] = useState<EvidenceFailure | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const { body, problems } = readLink(values);
    setFailure(null);
    if (refuse(problems)) return;
    setBusy(true);
    try {
      // A new report is saved as a draft first; if that fails, the editor says why.
      const report = await ensureReport();
      if (!report) return;
      onAdded(await register.mutateAsync({ ...body, reportIds: [report.id] }));
    } catch (error) {
      setFailure(failed(error));
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
          <EvidenceFailureNotice lead={t('work.errors.linkNotAdded')} failure={failure} />
        )}
      </div>
      <EvidenceFields
        fields={linkFields}
        values={values}
        errors={errors}
        onChange={change}
        fieldRef={fieldRef}
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
