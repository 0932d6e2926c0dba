import type { TFunction } from 'i18next';
import type { components } from '@/api/schema';
import { formatNumber } from '@/lib/format';
import type { Language } from '@/lib/i18n';

type IndicatorResult = components['schemas']['IndicatorResult'];
type Target = components['schemas']['Target'];

const comparatorSymbols: Record<string, string> = { EQ: '=', GE: '≥', GT: '>', LE: '≤', LT: '<' };

function number(value: number, lang: Language): string {
  return formatNumber(value, lang, { maximumFractionDigits: 2 });
}

function withUnit(value: string, unitOfMeasure: string | null | undefined): string {
  if (!unitOfMeasure) return value;
  return unitOfMeasure === '%' ? `${value}%` : `${value} ${unitOfMeasure}`;
}

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
    parts.push(withUnit(number(target.value, lang), unitOfMeasure));
  }
  if (target.text) parts.push(target.text);
  return parts.join(' ');
}

/**
 * The latest accepted value in the indicator's own shape: `72,5% (1.450/2.000)`, `Hạng 3/34`,
 * `Đạt`, or the milestone in words. Null when nothing has been accepted yet.
 */
export function formatAchieved(
  result: IndicatorResult,
  t: TFunction,
  lang: Language,
): string | null {
  const { value, achieved, target, unitOfMeasure } = result;
  if (!value || value.empty) return null;
  const parts: string[] = [];
  const kind = target?.kind;
  if (value.rank !== null) {
    parts.push(
      value.rankOutOf !== null
        ? t('dashboard.value.rankOutOf', { rank: value.rank, outOf: value.rankOutOf })
        : t('dashboard.value.rank', { rank: value.rank }),
    );
  } else if (kind !== 'PASS_FAIL' && kind !== 'MILESTONE') {
    const shown = achieved ?? value.number;
    if (shown !== null) parts.push(withUnit(number(shown, lang), unitOfMeasure));
    if (value.numerator !== null && value.denominator !== null) {
      parts.push(`(${number(value.numerator, lang)}/${number(value.denominator, lang)})`);
    }
  }
  if (value.met !== null)
    parts.push(value.met ? t('dashboard.value.met') : t('dashboard.value.notMet'));
  if (value.text) parts.push(value.text);
  return parts.length > 0 ? parts.join(' ') : null;
}

/** A share as a whole percentage in the active language: `73%`. */
export function formatPercent(percent: number, lang: Language): string {
  return formatNumber(percent / 100, lang, { style: 'percent', maximumFractionDigits: 0 });
}
