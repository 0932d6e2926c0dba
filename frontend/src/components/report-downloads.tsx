import { useTranslation } from 'react-i18next';
import { readableError } from '@/lib/api-client';
import { useFileDownload } from '@/lib/download';
import { consolidatedFormats, downloadConsolidatedDocument } from '@/lib/consolidated-report';

/** The consolidated report of the plan and period shown, as Word, PDF or Excel. */
export function ReportDownloads({
  planId,
  periodKey,
  className,
}: {
  planId: string;
  periodKey: string;
  /** Places the downloads on the screen that shows them. */
  className: string;
}) {
  const { t } = useTranslation();
  const download = useFileDownload();
  return (
    <div className={className}>
      <div
        className="report-downloads-buttons"
        role="group"
        aria-label={t('reportDownloads.label')}
      >
        <span aria-hidden="true" className="report-downloads-label">
          {t('reportDownloads.label')}:
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
              {busy ? t('reportDownloads.busy') : t(`reportDownloads.${format}`)}
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
