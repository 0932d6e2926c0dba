import type { TFunction } from 'i18next';
import type { components } from '@/api/schema';
import { formatNumber } from '@/lib/format';
import type { Language } from '@/lib/i18n';

type ReportValue = components['schemas']['ReportValue'];
type Report = components['schemas']['Report'];
type Target = components['schemas']['Target'];

const intlLocales: Record<Language, string> = { vi: 'vi-VN', en: 'en-GB' };
// Deadlines are days in Vietnam, whatever the device clock says.
const vietnam = 'Asia/Ho_Chi_Minh';

/** A timestamp as the day and time in Vietnam: `09:15 26/03/2026`. */
export function formatDateTime(value: string, lang: Language = 'vi'): string {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return new Intl.DateTimeFormat(intlLocales[lang], {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: vietnam,
  }).format(date);
}

/** The year a period belongs to, for picking the indicator's target. */
export function periodYear(key: string): number | undefined {
  const year = Number.parseInt(key.slice(0, 4), 10);
  return Number.isFinite(year) ? year : undefined;
}

export type ValueOptions = {
  lang: Language;
  unitOfMeasure?: string | null;
};

function rate(numerator: number, denominator: number): number {
  return (numerator / denominator) * 100;
}

/** A reported value in its own shape, on one line: `1.450/2.000 (72,5%)`, `Đạt`, `Hạng 3/34`. */
export function formatValue(
  value: ReportValue,
  t: TFunction,
  { lang, unitOfMeasure }: ValueOptions,
): string {
  if (value.empty) return t('review.value.empty');
  const number = (n: number) => formatNumber(n, lang, { maximumFractionDigits: 4 });
  const parts: string[] = [];
  if (value.numerator !== null && value.denominator !== null) {
    parts.push(
      t('review.value.fraction', {
        numerator: number(value.numerator),
        denominator: number(value.denominator),
        rate:
          value.denominator > 0
            ? formatNumber(rate(value.numerator, value.denominator), lang, {
                maximumFractionDigits: 2,
              })
            : '—',
      }),
    );
  } else if (value.number !== null) {
    parts.push(unitOfMeasure ? `${number(value.number)} ${unitOfMeasure}` : number(value.number));
  }
  if (value.rank !== null) {
    parts.push(
      value.rankOutOf !== null
        ? t('review.value.rankOutOf', { rank: value.rank, outOf: value.rankOutOf })
        : t('review.value.rank', { rank: value.rank }),
    );
  }
  if (value.met !== null) parts.push(value.met ? t('review.value.met') : t('review.value.notMet'));
  if (value.text) parts.push(value.text);
  return parts.length > 0 ? parts.join('; ') : t('review.value.empty');
}

/** What a report says it achieved: the value of an indicator, the progress of a task. */
export function formatReportResult(report: Report, t: TFunction, lang: Language): string {
  if (report.item.kind === 'TASK' && report.progress) {
    const progress = t(`review.progress.${report.progress}`);
    return report.value.empty ? progress : `${progress}; ${formatValue(report.value, t, { lang })}`;
  }
  return formatValue(report.value, t, { lang });
}

const comparatorSymbols: Record<string, string> = { EQ: '=', GE: '≥', GT: '>', LE: '≤', LT: '<' };

/** The target as the plan writes it, or composed from its parts when it has no wording. */
export function formatTarget(
  target: Target,
  lang: Language,
  unitOfMeasure?: string | null,
): string {
  if (target.wording) return target.wording;
  const parts: string[] = [];
  if (target.comparator) parts.push(comparatorSymbols[target.comparator] ?? target.comparator);
  if (target.value !== null && target.value !== undefined) {
    parts.push(formatNumber(target.value, lang, { maximumFractionDigits: 4 }));
  }
  if (unitOfMeasure && parts.length > 0) parts.push(unitOfMeasure);
  if (target.text) parts.push(target.text);
  return parts.join(' ');
}

/** Whether the report came by the deadline, in words. */
export function formatTiming(report: Report, t: TFunction): string {
  if (report.onTime === null) return t('review.timing.notSubmitted');
  return report.onTime
    ? t('review.timing.onTime')
    : t('review.timing.late', { count: report.daysLate });
}
