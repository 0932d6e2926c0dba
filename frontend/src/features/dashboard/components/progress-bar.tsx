import { useTranslation } from 'react-i18next';
import { useLanguage } from '@/lib/i18n';
import { formatPercent } from '@/features/dashboard/utils/format';

/**
 * A bar with its percentage written beside it. Screen readers hear it as a progress bar with the
 * label and the same words; the optional mark shows where the value should stand by now.
 */
export function ProgressBar({
  percent,
  label,
  tone = 'neutral',
  expectedPercent = null,
  caption,
}: {
  percent: number;
  label: string;
  tone?: string;
  expectedPercent?: number | null;
  /** Text under the bar, e.g. where the value should stand by now. */
  caption?: string;
}) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const rounded = Math.round(percent);
  const text = formatPercent(percent, lang);
  const valueText = caption ? `${text}. ${caption}` : text;
  return (
    <div className="dash-progress">
      <div className="dash-progress-line">
        <div
          className={`dash-bar dash-bar-${tone}`}
          role="progressbar"
          aria-label={label}
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={rounded}
          aria-valuetext={valueText}
        >
          <span
            className="dash-bar-fill"
            style={{ width: `${Math.min(100, Math.max(0, percent))}%` }}
          />
          {expectedPercent !== null && (
            <span
              className="dash-bar-mark"
              style={{ left: `${Math.min(100, Math.max(0, expectedPercent))}%` }}
              title={t('dashboard.progress.expectedMark')}
            />
          )}
        </div>
        <span className="dash-progress-value" aria-hidden="true">
          {text}
        </span>
      </div>
      {caption && (
        <span className="dash-progress-caption" aria-hidden="true">
          {caption}
        </span>
      )}
    </div>
  );
}
