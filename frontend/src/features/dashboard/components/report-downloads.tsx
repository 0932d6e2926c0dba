import { useTranslation } from 'react-i18next';
import { readableError } from '@/lib/api-client';
import { useFileDownload } from '@/lib/download';
import {
  consolidatedFormats,
  downloadConsolidatedDocument,
} from '@/features/dashboard/api/download-consolidated-document';

/** The consolidated report of the plan and period shown, as Word, PDF or Excel. */
export function ReportDownloads({ planId, periodKey }: { planId: string; periodKey: string }) {
  const { t } = useTranslation();
  const download = useFileDownload();
  return (
    <div className="dash-downloads">
      <div
        className="dash-downloads-buttons"
        role="group"
        aria-label={t('dashboard.downloads.label')}
      >
        <span aria-hidden="true" className="dash-downloads-label">
          {t('dashboard.downloads.label')}:
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
              {busy ? t('dashboard.downloads.busy') : t(`dashboard.downloads.${format}`)}
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
