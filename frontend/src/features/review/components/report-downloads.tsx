import { useTranslation } from 'react-i18next';
import { readableError } from '@/lib/api-client';
import { useFileDownload } from '@/lib/download';
import {
  consolidatedFormats,
  downloadConsolidatedDocument,
} from '@/features/review/api/download-consolidated-document';

/** The consolidated report of the plan and period shown, as Word, PDF or Excel. */
export function ReportDownloads({ planId, periodKey }: { planId: string; periodKey: string }) {
  const { t } = useTranslation();
  const download = useFileDownload();
  return (
    <div className="review-downloads">
      <div
        className="review-downloads-buttons"
        role="group"
        aria-label={t('review.downloads.label')}
      >
        <span aria-hidden="true" className="review-downloads-label">
          {t('review.downloads.label')}:
        </span>
        {consolidatedFormats.map((format) => {
          const busy = download.busyKey === format;
          return (
            <button
              key={format}
              type="button"
              className="button"
              aria-disabled={download.busyKey !== null ? true : undefined}
              onClick={() =>
                download.start(format, () =>
                  downloadConsolidatedDocument(planId, periodKey, format),
                )
              }
            >
              {busy && <span className="spinner" aria-hidden="true" />}
              {busy ? t('review.downloads.busy') : t(`review.downloads.${format}`)}
            </button>
          );
        })}
      </div>
      {download.error && (
        <p role="alert" className="field-error">
          {readableError(download.error)}
        </p>
      )}
    </div>
  );
}
