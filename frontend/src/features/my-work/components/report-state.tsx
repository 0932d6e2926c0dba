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

/** Days to the deadline in words: `còn 3 ngày`, `hạn chót hôm nay`, `quá hạn 2 ngày`. */
export function Countdown({ daysLeft }: { daysLeft: number }) {
  const { t } = useTranslation();
  if (daysLeft > 0) {
    return (
      <span className={`countdown${daysLeft <= 3 ? ' countdown-soon' : ''}`}>
        {t('work.countdown.left', { count: daysLeft })}
      </span>
    );
  }
  if (daysLeft === 0) {
    return <span className="countdown countdown-soon">{t('work.countdown.today')}</span>;
  }
  return (
    <span className="countdown countdown-overdue">
      {t('work.countdown.overdue', { count: -daysLeft })}
    </span>
  );
}
