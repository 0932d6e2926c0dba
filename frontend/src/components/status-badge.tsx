import { useTranslation } from 'react-i18next';
import type { components } from '@/api/schema';

export type IndicatorStatus = components['schemas']['IndicatorStatus'];

/** Every computed status, worst first: the order of filters, summaries and an ascending sort. */
export const indicatorStatuses = [
  'NOT_MET',
  'OFF_TRACK',
  'AT_RISK',
  'NOT_REPORTED',
  'ON_TRACK',
  'MET',
  'NO_TARGET',
] as const satisfies readonly IndicatorStatus[];

export function statusRank(status: IndicatorStatus): number {
  return indicatorStatuses.indexOf(status);
}

// A symbol that repeats the word, for people who tell the colours apart badly.
const icons: Record<IndicatorStatus, string> = {
  MET: '✓',
  ON_TRACK: '→',
  AT_RISK: '!',
  OFF_TRACK: '↓',
  NOT_MET: '✕',
  NOT_REPORTED: '?',
  NO_TARGET: '–',
};

export function statusClass(status: IndicatorStatus): string {
  return `dash-status dash-status-${status.toLowerCase().replace('_', '-')}`;
}

/** An indicator's computed status: a word with its colour and symbol, never the colour alone. */
export function StatusBadge({ status }: { status: IndicatorStatus }) {
  const { t } = useTranslation();
  return (
    <span className={statusClass(status)}>
      <span className="dash-status-icon" aria-hidden="true">
        {icons[status]}
      </span>
      {t(`dashboard.status.${status}`)}
    </span>
  );
}
