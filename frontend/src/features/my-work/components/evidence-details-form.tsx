import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { components } from '@/api/schema';
import { ApiError, readableError } from '@/lib/api-client';
import { useGetEvidenceItem, type TaggedEvidence } from '@/features/my-work/api/get-evidence-item';
import { useUpdateEvidence } from '@/features/my-work/api/update-evidence';
import { EvidenceFields } from '@/features/my-work/components/evidence-fields';
import {
  detailFields,
  detailsFrom,
  emptyDetails,
  readDetails,
} from '@/features/my-work/utils/evidence-details';
import {
  EvidenceFailureNotice,
  useEvidenceForm,
  type EvidenceFailure,
} from '@/features/my-work/components/evidence-form-state';

type Evidence = components['schemas']['Evidence'];
type Failure = { kind: 'conflict'; error: ApiError } | ({ kind: 'failed' } & EvidenceFailure);

type Props = {
  evidenceId: string;
  /**
   * `edit`: the person asked to change the description. `describe`: the file was just uploaded and
   * its details may be added now or later; the form does not take the focus.
   */
  mode: 'edit' | 'describe';
  onSaved: (evidence: Evidence) => void;
  onClose: () => void;
};

/**
 * Changes what describes a document (title, number, date, issuer, summary) with `If-Match`: the
 * version read when the form opened is the one changed; if someone changed it since, the server
 * refuses (412) and the form offers to load their version.
 */
export function EvidenceDetailsForm({ evidenceId, mode, onSaved, onClose }: Props) {
  const { t } = useTranslation();
  const headingId = useId();
  const query = useGetEvidenceItem(evidenceId);
  const update = useUpdateEvidence();
  /** The version the form's content is based on: what If-Match names. */
  const [base, setBase] = useState<TaggedEvidence | null>(null);
  const {
    values,
    setValues,
    errors,
    setErrors,
    change,
    refuse,
    failed,
    focus,
    fieldElements,
    fieldRef,
    alertRef,
  } = useEvidenceForm(detailFields, emptyDetails);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [busy, setBusy] = useState<'saving' | 'reloading' | null>(null);

  // Filled from a read made now, not from an older copy in the cache.
  if (base === null && query.data && query.isFetchedAfterMount) {
    setBase(query.data);
    setValues(detailsFrom(query.data.evidence));
  }

  // Opened by the person (not by an upload), the form takes the focus once its content is there.
  const loaded = base !== null;
  useEffect(() => {
    if (loaded && mode === 'edit') fieldElements.current.title?.focus();
  }, [loaded, mode, fieldElements]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy || !base) return;
    const { body, problems } = readDetails(values);
    setFailure(null);
    if (refuse(problems)) return;
    setBusy('saving');
    try {
      const saved = await update.mutateAsync({ evidenceId, etag: base.etag, body });
      onSaved(saved.evidence);
    } catch (error) {
      if (error instanceof ApiError && error.status === 412) {
        setErrors({});
        setFailure({ kind: 'conflict', error });
        focus('alert');
        return;
      }
      setFailure({ kind: 'failed', ...failed(error) });
    } finally {
      setBusy(null);
    }
  }

  /** After a conflict: the newest version replaces what is on screen, and becomes the base. */
  async function reload() {
    if (busy) return;
    setBusy('reloading');
    const result = await query.refetch();
    setBusy(null);
    if (result.isError || !result.data) {
      setFailure({ kind: 'failed', error: result.error, others: [], onFields: false });
      focus('alert');
      return;
    }
    setBase(result.data);
    setValues(detailsFrom(result.data.evidence));
    setErrors({});
    setFailure(null);
    focus('title');
  }

  const heading =
    mode === 'describe'
      ? t('work.evidence.detailsForm.describeTitle')
      : t('work.evidence.detailsForm.editTitle');
  return (
    <form
      className="evidence-form"
      aria-labelledby={headingId}
      noValidate
      onSubmit={(event) => void submit(event)}
      onKeyDown={(event) => {
        if (event.key === 'Escape') onClose();
      }}
    >
      <h3 id={headingId}>{heading}</h3>
      <p className="field-hint">
        {mode === 'describe'
          ? t('work.evidence.detailsForm.describeHint')
          : t('work.evidence.detailsForm.hint')}
      </p>
      <div ref={alertRef} role="alert" tabIndex={-1} className="form-alert">
        {failure?.kind === 'conflict' && (
          <div className="notice notice-error">
            <p>{failure.error.detail}</p>
            <p>{t('work.evidence.detailsForm.conflict')}</p>
            <button
              type="button"
              className="button"
              aria-disabled={busy !== null}
              onClick={() => void reload()}
            >
              {busy === 'reloading' && <span className="spinner" aria-hidden="true" />}
              {busy === 'reloading'
                ? t('work.evidence.detailsForm.reloading')
                : t('work.evidence.detailsForm.reload')}
            </button>
          </div>
        )}
        {failure?.kind === 'failed' && (
          <EvidenceFailureNotice lead={t('work.errors.detailsNotSaved')} failure={failure} />
        )}
        {query.isError && !base && (
          <div className="notice notice-error">
            <p>{readableError(query.error)}</p>
            <button type="button" className="button" onClick={() => void query.refetch()}>
              {t('work.retry')}
            </button>
          </div>
        )}
      </div>
      {base ? (
        <EvidenceFields
          fields={detailFields}
          values={values}
          errors={errors}
          onChange={change}
          fieldRef={fieldRef}
        />
      ) : (
        !query.isError && (
          <p role="status" className="muted">
            {t('work.evidence.detailsForm.loading')}
          </p>
        )
      )}
      <div className="evidence-form-actions">
        {base && (
          <button type="submit" className="button button-primary" aria-disabled={busy !== null}>
            {busy === 'saving' && <span className="spinner" aria-hidden="true" />}
            {busy === 'saving'
              ? t('work.evidence.detailsForm.saving')
              : t('work.evidence.detailsForm.save')}
          </button>
        )}
        <button type="button" className="button" onClick={onClose}>
          {mode === 'describe'
            ? t('work.evidence.detailsForm.later')
            : t('work.evidence.closeForm')}
        </button>
      </div>
    </form>
  );
}
