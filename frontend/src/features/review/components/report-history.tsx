import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { components } from '@/api/schema';
import { formatDate } from '@/lib/format';
import { useLanguage } from '@/lib/i18n';
import { useGetReportHistory } from '@/features/review/api/get-report-history';
import { formatDateTime } from '@/features/review/components/review-format';
import { Spinner } from '@/components/form-fields';
import { LoadError } from '@/components/load-error';

type ReportChange = components['schemas']['ReportChange'];

const reportStates = ['DRAFT', 'SUBMITTED', 'RETURNED', 'ACCEPTED'] as const;
/** Content fields worth naming in the history; the bookkeeping ones (times, ids) are left out. */
const contentFields = [
  'value',
  'progress',
  'achievements',
  'difficulties',
  'proposals',
  'evidenceExplanation',
] as const;
type ContentField = (typeof contentFields)[number];

function asState(value: unknown) {
  return reportStates.find((state) => state === value);
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value : null;
}

/** The details of a document that its history names, in the order they are shown. */
const evidenceFields = ['title', 'docNumber', 'docDate', 'issuer', 'summary'] as const;

/** What happened, in words: the state change tells a review step from an edit. */
function describe(change: ReportChange, t: TFunction): string {
  const evidence = change.changes.evidence;
  if (change.action === 'EVIDENCE_ATTACHED') {
    return t('review.history.evidenceAttached', { title: text(evidence?.to) ?? '' });
  }
  if (change.action === 'EVIDENCE_DETACHED') {
    return t('review.history.evidenceDetached', { title: text(evidence?.from) ?? '' });
  }
  if (change.action === 'EVIDENCE_UPDATED') {
    return t('review.history.evidenceUpdated', { title: text(evidence?.from) ?? '' });
  }
  if (change.action === 'CREATE') return t('review.history.created');
  if (change.action === 'DELETE') return t('review.history.deleted');
  const from = asState(change.changes.state?.from);
  const to = asState(change.changes.state?.to);
  if (to === 'SUBMITTED') return t('review.history.submitted');
  if (to === 'ACCEPTED') return t('review.history.accepted');
  if (to === 'RETURNED') {
    return from === 'ACCEPTED' ? t('review.history.reopened') : t('review.history.returned');
  }
  return t('review.history.updated');
}

/** A document's changed details, each as "field: old → new" (a date as people write it). */
function evidenceEdits(change: ReportChange, t: TFunction, lang: 'vi' | 'en'): string[] {
  if (change.action !== 'EVIDENCE_UPDATED') return [];
  const shown = (field: string, value: unknown) => {
    const words = text(value);
    if (words === null) return t('review.history.emptyValue');
    return field === 'docDate' ? formatDate(words, lang) : words;
  };
  return evidenceFields.flatMap((field) => {
    const edit = change.changes[`evidence.${field}`];
    if (!edit) return [];
    return [
      t('review.history.evidenceChange', {
        field: t(`review.history.evidenceFields.${field}`),
        from: shown(field, edit.from),
        to: shown(field, edit.to),
      }),
    ];
  });
}

function editedFields(change: ReportChange): ContentField[] {
  const names = Object.keys(change.changes).map((name) =>
    name.startsWith('value.') ? 'value' : name,
  );
  return contentFields.filter((field) => names.includes(field));
}

/** Every change of the report, oldest first: who, when, and what. */
export function ReportHistory({ reportId }: { reportId: string }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const historyQuery = useGetReportHistory(reportId);
  return (
    <section className="review-section" aria-labelledby="review-history-heading">
      <h2 id="review-history-heading">{t('review.history.title')}</h2>
      {historyQuery.isPending && (
        <p role="status" className="muted">
          <Spinner /> {t('review.history.loading')}
        </p>
      )}
      {historyQuery.isError && (
        <LoadError error={historyQuery.error} onRetry={() => void historyQuery.refetch()} />
      )}
      {historyQuery.data?.length === 0 && <p>{t('review.history.empty')}</p>}
      {historyQuery.data && historyQuery.data.length > 0 && (
        <ol className="review-history">
          {historyQuery.data.map((change, index) => {
            const comment = text(change.changes.reviewComment?.to);
            const reason = text(change.changes.reopenReason?.to);
            const fields = editedFields(change);
            const edits = evidenceEdits(change, t, lang);
            return (
              <li key={`${change.at}-${index}`}>
                <p>
                  <strong>{describe(change, t)}</strong>
                  {' · '}
                  <time dateTime={change.at}>{formatDateTime(change.at, lang)}</time>
                  {' · '}
                  {change.by ?? t('review.history.system')}
                </p>
                {reason ? (
                  <p>{t('review.history.reason', { reason })}</p>
                ) : (
                  comment && <p>{t('review.history.comment', { comment })}</p>
                )}
                {edits.map((edit) => (
                  <p key={edit} className="muted">
                    {edit}
                  </p>
                ))}
                {fields.length > 0 && change.action === 'UPDATE' && (
                  <p className="muted">
                    {t('review.history.edited', {
                      fields: fields.map((field) => t(`review.history.fields.${field}`)).join(', '),
                    })}
                  </p>
                )}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
