import type { TFunction } from 'i18next';
import type { components } from '@/api/schema';

type ReportingPeriod = components['schemas']['ReportingPeriod'];

// Deadlines and periods are days in Vietnam, whatever the device clock says.
const vietnamDate = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Ho_Chi_Minh',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** Today's date in Vietnam as `YYYY-MM-DD`, comparable with the API's dates. */
export function todayInVietnam(now: Date = new Date()): string {
  return vietnamDate.format(now);
}

/** The period people are looking at: the one containing today, else the last one begun, else the first. */
export function currentPeriod(
  periods: readonly ReportingPeriod[],
  today: string = todayInVietnam(),
): ReportingPeriod | undefined {
  const containing = periods.find((p) => p.startsOn <= today && today <= p.endsOn);
  if (containing) return containing;
  return periods.filter((p) => p.startsOn <= today).at(-1) ?? periods[0];
}

const romanQuarters = ['I', 'II', 'III', 'IV'];

/** A period key (`2026-03`, `2026-Q1`, `2026-H1`, `2026`) as people say it. */
export function periodLabel(key: string, t: TFunction): string {
  const month = /^(\d{4})-(\d{2})$/.exec(key);
  if (month) return t('period.month', { month: Number(month[2]), year: month[1] });
  const quarter = /^(\d{4})-Q([1-4])$/.exec(key);
  if (quarter) {
    const seq = Number(quarter[2]);
    return t('period.quarter', {
      quarter: seq,
      roman: romanQuarters[seq - 1],
      year: quarter[1],
    });
  }
  const half = /^(\d{4})-H([12])$/.exec(key);
  if (half) {
    return half[2] === '1'
      ? t('period.halfFirst', { year: half[1] })
      : t('period.halfSecond', { year: half[1] });
  }
  if (/^\d{4}$/.test(key)) return t('period.year', { year: key });
  return key;
}
