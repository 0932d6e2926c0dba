import { useTranslation } from 'react-i18next';
import { readableError } from '@/lib/api-client';
import { useFileDownload } from '@/lib/download';
import { downloadAppendix, type AppendixPart } from '@/features/plans/api/appendix-documents';
import { BusyButton } from '@/components/form-fields';

const parts: readonly AppendixPart[] = ['INDICATORS', 'TASKS'];

/** The plan's appendix as Excel, its indicators or its tasks, for anyone who reads the plan. */
export function AppendixDownloads({ planId }: { planId: string }) {
  const { t } = useTranslation();
  const download = useFileDownload();
  return (
    <div className="plan-downloads">
      <div className="plan-actions" role="group" aria-label={t('plan.downloads.label')}>
        {parts.map((part) => (
          <BusyButton
            key={part}
            type="button"
            className="button"
            busy={download.busyKey === part}
            disabled={download.busyKey !== null && download.busyKey !== part}
            label={t(`plan.downloads.${part}`)}
            busyLabel={t('plan.downloads.busy')}
            onClick={() => download.start(part, () => downloadAppendix(planId, part))}
          />
        ))}
      </div>
      {download.error && (
        <p role="alert" className="field-error">
          {readableError(download.error)}
        </p>
      )}
    </div>
  );
}
