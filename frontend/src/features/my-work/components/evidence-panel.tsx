import type { TFunction } from 'i18next';
import { useEffect, useId, useRef, useState, type DragEvent, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { components } from '@/api/schema';
import { readableError } from '@/lib/api-client';
import { formatDate } from '@/lib/format';
import { useLanguage } from '@/lib/i18n';
import { useAttachEvidence } from '@/features/my-work/api/attach-evidence';
import { useDetachEvidence } from '@/features/my-work/api/detach-evidence';
import { useDownloadEvidence } from '@/features/my-work/api/download-evidence';
import { useGetEvidence } from '@/features/my-work/api/get-evidence';
import {
  forgetJustUploaded,
  useJustUploaded,
  useUploadEvidence,
  useUploads,
  type Upload,
} from '@/features/my-work/api/upload-evidence';
import { EvidenceDetailsForm } from '@/features/my-work/components/evidence-details-form';
import { EvidenceLinkForm } from '@/features/my-work/components/evidence-link-form';
import { formatFileSize } from '@/features/my-work/utils/numbers';
import { Pagination } from '@/components/pagination';
import '@/features/my-work/components/evidence.css';

type Evidence = components['schemas']['Evidence'];

/** What the server accepts (it decides by content); the picker offers the same. */
const acceptedFiles = [
  'application/pdf',
  'image/*',
  '.doc',
  '.docx',
  '.xls',
  '.xlsx',
  '.odt',
  '.ods',
  '.odp',
].join(',');

const pickerPageSize = 10;

type Props = {
  reportId: string | undefined;
  /** The report's unit, whose documents can be reused. */
  unitId: string | undefined;
  /** The signed-in person's unit: the people of the unit that owns a document may describe it. */
  myUnitId: string | undefined;
  attached: Evidence[];
  loading: boolean;
  loadError: string | null;
  writable: boolean;
  required: boolean;
  /** The report as the screen is based on (saving a new one as a draft first); null if that failed. */
  ensureReport: () => Promise<ReportRef | null>;
  /** The report's version the screen is based on: what attaching and detaching name in If-Match. */
  reportVersion: number | undefined;
  /** Attaching or detaching changed the report from one version to the next. */
  onReportChanged?: (from: number, to: number) => void;
};

/** A saved report as the screen knows it: its id, and the version it read. */
export type ReportRef = { id: string; version: number };

export function EvidencePanel({
  reportId,
  reportVersion,
  unitId,
  myUnitId,
  attached,
  loading,
  loadError,
  writable,
  required,
  ensureReport,
  onReportChanged,
}: Props) {
  const { t } = useTranslation();
  const headingId = useId();
  const uploads = useUploads(reportId);
  const justUploaded = useJustUploaded(reportId);
  const upload = useUploadEvidence();
  const [pickerOpen, setPickerOpen] = useState(false);
  const [linkFormOpen, setLinkFormOpen] = useState(false);
  const [announcement, setAnnouncement] = useState<string | null>(null);
  const addLinkButton = useRef<HTMLButtonElement>(null);

  async function addFiles(files: File[]) {
    if (files.length === 0) return;
    const report = await ensureReport();
    if (report) upload.start(files, report.id);
  }

  return (
    <section className="evidence" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('work.evidence.title')}</h2>
      {required && <p className="field-hint">{t('work.evidence.required')}</p>}

      {loadError && (
        <p role="alert" className="field-error">
          {loadError}
        </p>
      )}
      <div role="status" className="form-alert">
        {announcement && <p className="notice notice-success">{announcement}</p>}
      </div>
      {loading ? (
        <p className="muted">{t('work.evidence.loading')}</p>
      ) : attached.length > 0 ? (
        <ul className="evidence-list" aria-label={t('work.evidence.attachedList')}>
          {attached.map((evidence) => (
            <AttachedEvidence
              key={evidence.id}
              evidence={evidence}
              reportId={reportId}
              reportVersion={reportVersion}
              writable={writable}
              describable={
                myUnitId !== undefined && evidence.ownerUnit.id === myUnitId && !evidence.onRecord
              }
              justUploaded={justUploaded.includes(evidence.id)}
              onAnnounce={setAnnouncement}
              onReportChanged={onReportChanged}
            />
          ))}
        </ul>
      ) : (
        uploads.length === 0 && <p className="muted">{t('work.evidence.none')}</p>
      )}

      {uploads.length > 0 && (
        <ul className="upload-list" aria-label={t('work.evidence.uploadList')}>
          {uploads.map((item) => (
            <UploadRow
              key={item.id}
              upload={item}
              onRetry={() => upload.retry(item.id)}
              onCancel={() => upload.cancel(item.id)}
              onDismiss={() => upload.dismiss(item.id)}
            />
          ))}
        </ul>
      )}

      {writable && (
        <>
          <DropZone onFiles={(files) => void addFiles(files)} />
          <div className="evidence-more">
            <button
              ref={addLinkButton}
              type="button"
              className="button"
              aria-expanded={linkFormOpen}
              onClick={() => {
                setAnnouncement(null);
                setLinkFormOpen((open) => !open);
              }}
            >
              {t('work.evidence.addLink')}
            </button>
            <button
              type="button"
              className="button"
              aria-expanded={pickerOpen}
              onClick={() => setPickerOpen((open) => !open)}
            >
              {t('work.evidence.reuse')}
            </button>
          </div>
          {linkFormOpen && (
            <EvidenceLinkForm
              ensureReport={ensureReport}
              onAdded={(evidence) => {
                setLinkFormOpen(false);
                setAnnouncement(t('work.evidence.linkForm.added', { title: evidence.title }));
                addLinkButton.current?.focus();
              }}
              onCancel={() => {
                setLinkFormOpen(false);
                addLinkButton.current?.focus();
              }}
            />
          )}
          {pickerOpen && unitId && (
            <UnitEvidencePicker
              unitId={unitId}
              attachedIds={attached.map((evidence) => evidence.id)}
              ensureReport={ensureReport}
              onReportChanged={onReportChanged}
            />
          )}
        </>
      )}
    </section>
  );
}

/** The host of a link's address, to show where it leads. */
function hostOf(url: string): string | null {
  try {
    return new URL(url).host || null;
  } catch {
    return null;
  }
}

/** One line of facts: number, date, issuer, then the file (name and size) or where the link leads. */
function describe(evidence: Evidence, lang: 'vi' | 'en', t: TFunction) {
  return [
    evidence.docNumber ? t('work.evidence.docNumber', { number: evidence.docNumber }) : null,
    evidence.docDate ? formatDate(evidence.docDate, lang) : null,
    evidence.issuer,
    evidence.fileName && evidence.fileName !== evidence.title ? evidence.fileName : null,
    evidence.sizeBytes !== null ? formatFileSize(evidence.sizeBytes, lang) : null,
    evidence.kind === 'LINK' ? t('work.evidence.link') : null,
    evidence.kind === 'LINK' && evidence.url ? hostOf(evidence.url) : null,
  ]
    .filter(Boolean)
    .join(' · ');
}

function AttachedEvidence({
  evidence,
  reportId,
  reportVersion,
  writable,
  describable,
  justUploaded,
  onAnnounce,
  onReportChanged,
}: {
  evidence: Evidence;
  reportId: string | undefined;
  reportVersion: number | undefined;
  writable: boolean;
  /** The signed-in person's unit owns the document, so they may change what describes it. */
  describable: boolean;
  /** Uploaded a moment ago: its details form is open until saved or put off. */
  justUploaded: boolean;
  onAnnounce: (message: string | null) => void;
  onReportChanged?: (from: number, to: number) => void;
}) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const detach = useDetachEvidence();
  /** Taking a document off a report is asked again before it is done. */
  const [confirming, setConfirming] = useState(false);
  const detachButton = useRef<HTMLButtonElement>(null);
  const focusDetach = useRef(false);
  const confirmButton = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    // The question appears where the button was: focus moves to its answer.
    if (confirming) confirmButton.current?.focus();
  }, [confirming]);
  const download = useDownloadEvidence();
  const [editing, setEditing] = useState(false);
  const editButton = useRef<HTMLButtonElement>(null);
  const focusEdit = useRef(false);
  const formOpen = describable && (editing || justUploaded);

  useEffect(() => {
    if (focusDetach.current) {
      focusDetach.current = false;
      detachButton.current?.focus();
    }
    if (!focusEdit.current) return;
    focusEdit.current = false;
    editButton.current?.focus();
  });

  function closeForm() {
    setEditing(false);
    if (reportId) forgetJustUploaded(reportId, evidence.id);
    focusEdit.current = true;
  }

  function save() {
    download.mutate(evidence.id, {
      onSuccess: (blob) => {
        const url = URL.createObjectURL(blob);
        const link = document.createElement('a');
        link.href = url;
        link.download = evidence.fileName ?? evidence.title;
        link.click();
        setTimeout(() => URL.revokeObjectURL(url), 60_000);
      },
    });
  }

  const error = detach.error ?? download.error;
  return (
    <li className="evidence-item">
      <div className="evidence-text">
        <span className="evidence-title">{evidence.title}</span>
        <span className="muted evidence-meta">{describe(evidence, lang, t)}</span>
        {evidence.summary && (
          <span className="muted evidence-meta">
            {t('work.evidence.summaryLine', { summary: evidence.summary })}
          </span>
        )}
      </div>
      <div className="evidence-actions">
        {evidence.kind === 'LINK' && evidence.url ? (
          <a
            className="button"
            href={evidence.url}
            target="_blank"
            rel="noopener noreferrer"
            aria-label={t('work.evidence.openNamed', { title: evidence.title })}
          >
            {t('work.evidence.open')}
            <span className="external-mark" aria-hidden="true">
              ↗
            </span>
          </a>
        ) : (
          <button
            type="button"
            className="button"
            aria-label={t('work.evidence.downloadNamed', { title: evidence.title })}
            aria-disabled={download.isPending}
            onClick={() => !download.isPending && save()}
          >
            {download.isPending && <span className="spinner" aria-hidden="true" />}
            {t('work.evidence.download')}
          </button>
        )}
        {describable && !formOpen && (
          <button
            ref={editButton}
            type="button"
            className="button"
            aria-label={t('work.evidence.editNamed', { title: evidence.title })}
            onClick={() => {
              onAnnounce(null);
              setEditing(true);
            }}
          >
            {t('work.evidence.edit')}
          </button>
        )}
        {writable && reportId && reportVersion !== undefined && !confirming && (
          <button
            ref={detachButton}
            type="button"
            className="button"
            aria-label={t('work.evidence.detachNamed', { title: evidence.title })}
            onClick={() => {
              onAnnounce(null);
              setConfirming(true);
            }}
          >
            {t('work.evidence.detach')}
          </button>
        )}
      </div>
      {writable && reportId && reportVersion !== undefined && confirming && (
        <div
          className="evidence-confirm"
          role="group"
          aria-label={t('work.evidence.detachConfirm', { title: evidence.title })}
        >
          <p>{t('work.evidence.detachConfirm', { title: evidence.title })}</p>
          <button
            type="button"
            className="button button-primary"
            aria-disabled={detach.isPending}
            ref={confirmButton}
            onClick={() =>
              !detach.isPending &&
              detach.mutate(
                { reportId, version: reportVersion, evidenceId: evidence.id },
                {
                  onSuccess: ({ reportVersion: next }) => {
                    if (next !== undefined) onReportChanged?.(reportVersion, next);
                    onAnnounce(t('work.evidence.detached', { title: evidence.title }));
                  },
                  onSettled: () => setConfirming(false),
                },
              )
            }
          >
            {detach.isPending && <span className="spinner" aria-hidden="true" />}
            {t('work.evidence.detachYes')}
          </button>
          <button
            type="button"
            className="button"
            onClick={() => {
              setConfirming(false);
              focusDetach.current = true;
            }}
          >
            {t('work.evidence.detachNo')}
          </button>
        </div>
      )}
      {error && (
        <p role="alert" className="field-error">
          {readableError(error)}
        </p>
      )}
      {formOpen && (
        <EvidenceDetailsForm
          evidenceId={evidence.id}
          mode={editing ? 'edit' : 'describe'}
          onSaved={(saved) => {
            closeForm();
            onAnnounce(t('work.evidence.detailsForm.saved', { title: saved.title }));
          }}
          onClose={closeForm}
        />
      )}
    </li>
  );
}

function UploadRow({
  upload,
  onRetry,
  onCancel,
  onDismiss,
}: {
  upload: Upload;
  onRetry: () => void;
  onCancel: () => void;
  onDismiss: () => void;
}) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const id = useId();
  const name = upload.file.name;
  const total = Math.max(upload.total, 1);
  const percent = Math.min(100, Math.round((upload.loaded / total) * 100));
  return (
    <li className={`upload upload-${upload.status}`}>
      <span className="upload-name" id={`${id}-name`}>
        {name}
      </span>
      {upload.status === 'uploading' ? (
        <>
          <progress
            className="upload-progress"
            max={total}
            value={upload.loaded}
            aria-label={t('work.evidence.uploading', { name })}
          />
          <span className="upload-figures">
            {t('work.evidence.progress', {
              percent,
              loaded: formatFileSize(upload.loaded, lang),
              total: formatFileSize(upload.total, lang),
            })}
          </span>
          <button
            type="button"
            className="button"
            aria-label={t('work.evidence.cancelNamed', { name })}
            onClick={onCancel}
          >
            {t('work.evidence.cancel')}
          </button>
        </>
      ) : (
        <>
          <p role="alert" className="field-error">
            {t('work.evidence.failed')} {upload.error ? readableError(upload.error) : ''}
          </p>
          <button
            type="button"
            className="button button-primary"
            aria-label={t('work.evidence.retryNamed', { name })}
            onClick={onRetry}
          >
            {t('work.evidence.retry')}
          </button>
          <button
            type="button"
            className="button"
            aria-label={t('work.evidence.dismissNamed', { name })}
            onClick={onDismiss}
          >
            {t('work.evidence.dismiss')}
          </button>
        </>
      )}
    </li>
  );
}

/** Drop files here, or pick them (or take a photo on a phone). */
function DropZone({ onFiles }: { onFiles: (files: File[]) => void }) {
  const { t } = useTranslation();
  const hintId = useId();
  const [over, setOver] = useState(false);
  const depth = useRef(0);

  function take(list: FileList | null, input?: HTMLInputElement) {
    const files = list ? Array.from(list) : [];
    // Cleared, so that choosing the same file again (after a failure) is noticed.
    if (input) input.value = '';
    onFiles(files);
  }

  function onDrop(event: DragEvent) {
    event.preventDefault();
    depth.current = 0;
    setOver(false);
    take(event.dataTransfer.files);
  }

  return (
    <div
      className={`drop-zone${over ? ' drop-zone-over' : ''}`}
      onDragEnter={(event) => {
        event.preventDefault();
        depth.current++;
        setOver(true);
      }}
      onDragOver={(event) => event.preventDefault()}
      onDragLeave={() => {
        depth.current = Math.max(0, depth.current - 1);
        if (depth.current === 0) setOver(false);
      }}
      onDrop={onDrop}
    >
      <p className="drop-zone-text">{t('work.evidence.drop')}</p>
      <div className="drop-zone-buttons">
        <label className="button file-button">
          <input
            type="file"
            className="visually-hidden"
            multiple
            accept={acceptedFiles}
            aria-describedby={hintId}
            onChange={(event) => take(event.target.files, event.target)}
          />
          {t('work.evidence.choose')}
        </label>
        <label className="button file-button">
          <input
            type="file"
            className="visually-hidden"
            accept="image/*"
            capture="environment"
            aria-describedby={hintId}
            onChange={(event) => take(event.target.files, event.target)}
          />
          {t('work.evidence.camera')}
        </label>
      </div>
      <p id={hintId} className="field-hint">
        {t('work.evidence.accepted')}
      </p>
    </div>
  );
}

/** The unit's documents already in the system, to attach instead of uploading again. */
function UnitEvidencePicker({
  unitId,
  attachedIds,
  ensureReport,
  onReportChanged,
}: {
  unitId: string;
  attachedIds: string[];
  ensureReport: () => Promise<ReportRef | null>;
  onReportChanged?: (from: number, to: number) => void;
}) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const headingId = useId();
  const searchId = useId();
  const [text, setText] = useState('');
  const [q, setQ] = useState('');
  const [page, setPage] = useState(0);
  const attach = useAttachEvidence();
  const [attaching, setAttaching] = useState<string | null>(null);
  const query = useGetEvidence(
    { unitId, q: q || undefined, page, size: pickerPageSize, sort: 'createdAt,desc' },
    { keepPrevious: true },
  );

  function search(event: FormEvent) {
    event.preventDefault();
    setQ(text.trim());
    setPage(0);
  }

  async function choose(evidence: Evidence) {
    setAttaching(evidence.id);
    try {
      const report = await ensureReport();
      if (report) {
        const { reportVersion: next } = await attach.mutateAsync({
          reportId: report.id,
          version: report.version,
          evidenceId: evidence.id,
        });
        if (next !== undefined) onReportChanged?.(report.version, next);
      }
    } catch {
      // Shown from the mutation's error below.
    } finally {
      setAttaching(null);
    }
  }

  const data = query.data;
  return (
    <section className="evidence-picker" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('work.evidence.pickerTitle')}</h3>
      <form role="search" className="picker-search" onSubmit={search}>
        <div className="field">
          <label htmlFor={searchId}>{t('work.evidence.search')}</label>
          <input
            id={searchId}
            type="search"
            value={text}
            autoComplete="off"
            placeholder={t('work.evidence.searchPlaceholder')}
            onChange={(event) => setText(event.target.value)}
          />
        </div>
        <button type="submit" className="button">
          {t('work.evidence.searchButton')}
        </button>
      </form>
      {query.isFetching && (
        <progress className="progress" aria-label={t('work.evidence.pickerLoading')} />
      )}
      {query.isError && (
        <p role="alert" className="field-error">
          {readableError(query.error)}
        </p>
      )}
      {attach.isError && (
        <p role="alert" className="field-error">
          {readableError(attach.error)}
        </p>
      )}
      {data && data.items.length === 0 && (
        <p className="muted">
          {q ? t('work.evidence.pickerNoMatch') : t('work.evidence.pickerEmpty')}
        </p>
      )}
      {data && data.items.length > 0 && (
        <ul className="evidence-list">
          {data.items.map((evidence) => {
            const already = attachedIds.includes(evidence.id);
            const busy = attaching === evidence.id;
            return (
              <li key={evidence.id} className="evidence-item">
                <div className="evidence-text">
                  <span className="evidence-title">{evidence.title}</span>
                  <span className="muted evidence-meta">{describe(evidence, lang, t)}</span>
                </div>
                <div className="evidence-actions">
                  {already ? (
                    <span className="state state-accepted">
                      {t('work.evidence.alreadyAttached')}
                    </span>
                  ) : (
                    <button
                      type="button"
                      className="button"
                      aria-label={t('work.evidence.attachNamed', { title: evidence.title })}
                      aria-disabled={attaching !== null}
                      onClick={() => attaching === null && void choose(evidence)}
                    >
                      {busy && <span className="spinner" aria-hidden="true" />}
                      {t('work.evidence.attach')}
                    </button>
                  )}
                </div>
              </li>
            );
          })}
        </ul>
      )}
      {data && data.totalPages > 1 && (
        <Pagination
          page={page + 1}
          totalPages={data.totalPages}
          total={t('work.evidence.pickerTotal', { count: data.totalItems })}
          onPage={(next) => setPage(next - 1)}
        />
      )}
    </section>
  );
}
