import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { components } from '@/api/schema';
import { readableError } from '@/lib/api-client';
import { formatDate, formatNumber } from '@/lib/format';
import { useLanguage } from '@/lib/i18n';
import { useDownloadEvidence } from '@/features/review/api/download-evidence';
import { useGetReportEvidence } from '@/features/review/api/get-report-evidence';
import { Spinner } from '@/components/form-fields';
import { Fact } from '@/features/review/components/review-shared';
import { LoadError } from '@/components/load-error';

type Evidence = components['schemas']['Evidence'];
type Report = components['schemas']['Report'];

/** How long a downloaded file stays addressable in the page, for the browser to finish with it. */
const objectUrlLifetimeMs = 60_000;

function saveBlob(blob: Blob, fileName: string) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), objectUrlLifetimeMs);
}

function showBlob(blob: Blob, target: Window | null) {
  const url = URL.createObjectURL(blob);
  if (target) target.location.href = url;
  else window.open(url, '_blank', 'noopener');
  setTimeout(() => URL.revokeObjectURL(url), objectUrlLifetimeMs);
}

function formatSize(bytes: number, lang: 'vi' | 'en'): string {
  if (bytes < 1024 * 1024) {
    return `${formatNumber(Math.max(1, Math.round(bytes / 1024)), lang)} KB`;
  }
  return `${formatNumber(bytes / (1024 * 1024), lang, { maximumFractionDigits: 1 })} MB`;
}

/** The documents a unit attached as evidence, each downloadable (and shown in the browser when it can be). */
export function ReportEvidence({ report }: { report: Report }) {
  const { t } = useTranslation();
  const evidenceQuery = useGetReportEvidence(report.id);
  const download = useDownloadEvidence();
  const [busy, setBusy] = useState<{ id: string; inline: boolean } | null>(null);

  async function open(evidence: Evidence, inline: boolean) {
    // Opened within the click, so that popup blockers let it through; filled once the file is here.
    const target = inline ? window.open('', '_blank') : null;
    setBusy({ id: evidence.id, inline });
    try {
      const blob = await download.mutateAsync({ evidenceId: evidence.id, inline });
      if (inline) showBlob(blob, target);
      else saveBlob(blob, evidence.fileName ?? evidence.title);
    } catch {
      target?.close();
    } finally {
      setBusy(null);
    }
  }

  const items = evidenceQuery.data?.items ?? [];
  return (
    <section className="review-section" aria-labelledby="review-evidence-heading">
      <h2 id="review-evidence-heading">{t('review.evidence.title')}</h2>
      {evidenceQuery.isPending && (
        <p role="status" className="muted">
          <Spinner /> {t('review.evidence.loading')}
        </p>
      )}
      {evidenceQuery.isError && (
        <LoadError error={evidenceQuery.error} onRetry={() => void evidenceQuery.refetch()} />
      )}
      {evidenceQuery.isSuccess && items.length === 0 && (
        <p>
          {report.evidenceRequired ? t('review.evidence.noneRequired') : t('review.evidence.none')}
        </p>
      )}
      {report.evidenceExplanation && (
        <div className="review-text-block">
          <h3>{t('review.evidence.explanation')}</h3>
          <p className="review-text">{report.evidenceExplanation}</p>
        </div>
      )}
      {items.length > 0 && (
        <ul className="review-evidence">
          {items.map((evidence) => (
            <EvidenceItem
              key={evidence.id}
              evidence={evidence}
              busy={busy?.id === evidence.id ? busy : null}
              onOpen={(inline) => void open(evidence, inline)}
            />
          ))}
        </ul>
      )}
      <div role="alert" className="form-alert">
        {download.isError && <p className="notice notice-error">{readableError(download.error)}</p>}
      </div>
    </section>
  );
}

function EvidenceItem({
  evidence,
  busy,
  onOpen,
}: {
  evidence: Evidence;
  busy: { inline: boolean } | null;
  onOpen: (inline: boolean) => void;
}) {
  const { t } = useTranslation();
  const lang = useLanguage();
  // What the official document says of itself, for checking it against the report.
  const details = [
    [t('review.evidence.details.docNumber'), evidence.docNumber],
    [t('review.evidence.details.docDate'), evidence.docDate && formatDate(evidence.docDate, lang)],
    [t('review.evidence.details.issuer'), evidence.issuer],
    [t('review.evidence.details.summary'), evidence.summary],
    [t('review.evidence.details.url'), evidence.kind === 'LINK' ? evidence.url : null],
  ].filter((fact): fact is [string, string] => Boolean(fact[1]));
  return (
    <li className="review-evidence-item">
      <p className="review-evidence-title">
        <span className="review-evidence-kind">{t(`review.evidence.kind.${evidence.kind}`)}</span>{' '}
        <strong>{evidence.title}</strong>
      </p>
      {details.length > 0 && (
        <dl className="review-facts">
          {details.map(([label, value]) => (
            <Fact key={label} label={label}>
              {value}
            </Fact>
          ))}
        </dl>
      )}
      {evidence.kind === 'FILE' && evidence.fileName && (
        <p className="muted">
          {evidence.sizeBytes !== null
            ? t('review.evidence.file', {
                name: evidence.fileName,
                size: formatSize(evidence.sizeBytes, lang),
              })
            : evidence.fileName}
        </p>
      )}
      <div className="review-evidence-actions">
        {evidence.kind === 'LINK' && evidence.url ? (
          <a className="button" href={evidence.url} target="_blank" rel="noopener noreferrer">
            {t('review.evidence.openLink')}{' '}
            <span className="visually-hidden">
              {evidence.title} {t('review.evidence.newTab')}
            </span>
            <span aria-hidden="true">↗</span>
          </a>
        ) : (
          <>
            {evidence.previewable && (
              <button
                type="button"
                className="button"
                disabled={busy !== null}
                onClick={() => onOpen(true)}
              >
                {busy?.inline && <Spinner />}
                {busy?.inline ? t('review.evidence.opening') : t('review.evidence.preview')}{' '}
                <span className="visually-hidden">{evidence.title}</span>
              </button>
            )}
            <button
              type="button"
              className="button"
              disabled={busy !== null}
              onClick={() => onOpen(false)}
            >
              {busy && !busy.inline && <Spinner />}
              {busy && !busy.inline
                ? t('review.evidence.opening')
                : t('review.evidence.download')}{' '}
              <span className="visually-hidden">{evidence.title}</span>
            </button>
          </>
        )}
      </div>
    </li>
  );
}
