import { useTranslation } from 'react-i18next';
import type { components } from '@/api/schema';

type AssignmentState = components['schemas']['AssignmentState'];

/** A report's state as a word (colour only adds to it). */
export function StateBadge({ state }: { state: Exclude<AssignmentState, 'LATE'> }) {
  const { t } = useTranslation();
  return (
    <span className={`state state-${state.toLowerCase().replace('_', '-')}`}>
      {t(`work.state.${state}`)}
    </span>
  );
}

/** Shown beside the state of a lead unit's report whose deadline passed without a submission. */
export function LateBadge() {
  const { t } = useTranslation();
  return <span className="state state-late">{t('work.state.LATE')}</span>;
}

/** The server's word on an assignment's or a report's deadline: overdue or not, days late, days left. */
export type Lateness = { overdue: boolean; daysLate: number; daysLeft: number };

/**
 * Days to the deadline in words, as the server counts them: `còn 3 ngày`, `hạn chót hôm nay`, `quá hạn 2 ngày` once
 * the server says it is overdue.
 */
export function Countdown({ lateness }: { lateness: Lateness }) {
  const { t } = useTranslation();
  if (lateness.overdue) {
    return (
      <span className="countdown countdown-overdue">
        {t('work.countdown.overdue', { count: lateness.daysLate })}
      </span>
    );
  }
  // A deadline passed without the server calling it overdue (a contribution, a period not yet due) counts nothing down.
  const { daysLeft } = lateness;
  if (daysLeft < 0) return null;
  if (daysLeft > 0) {
    return (
      <span className={`countdown${daysLeft <= 3 ? ' countdown-soon' : ''}`}>
        {t('work.countdown.left', { count: daysLeft })}
      </span>
    );
  }
  return <span className="countdown countdown-soon">{t('work.countdown.today')}</span>;
}
