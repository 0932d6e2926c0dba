import type { TFunction } from 'i18next';
import type { components } from '@/api/schema';
import { formatNumber } from '@/lib/format';
import type { Language } from '@/lib/i18n';

type Target = components['schemas']['Target'];

const comparatorSymbols: Record<string, string> = { EQ: '=', GE: '≥', GT: '>', LE: '≤', LT: '<' };

/**
 * How the import understood a target, in words a person can check against the sheet: its kind, then the level
 * (`Tỷ lệ phần trăm · ≥ 50`, `Tỷ lệ trên mẫu số · ≥ 1 trên 1.000`, `Thứ hạng · ≤ 12 trong 34`,
 * `Mốc cần đạt · Triển khai`), and what it leaves out.
 */
export function targetShape(target: Target, t: TFunction, lang: Language): string {
  const parts: string[] = [];
  if (target.kind) parts.push(t(`plan.indicator.kinds.${target.kind}`));
  const number = (value: number) => formatNumber(value, lang);
  const level: string[] = [];
  const comparator = typeof target.comparator === 'string' ? target.comparator : null;
  if (comparator && comparatorSymbols[comparator]) level.push(comparatorSymbols[comparator]);
  if (typeof target.value === 'number') level.push(number(target.value));
  if (typeof target.per === 'number')
    level.push(t('plan.import.shape.per', { per: number(target.per) }));
  if (typeof target.outOf === 'number') {
    level.push(t('plan.import.shape.outOf', { outOf: number(target.outOf) }));
  }
  if (target.basis) level.push(t('plan.import.shape.basis', { basis: target.basis }));
  if (level.length) parts.push(level.join(' '));
  if (target.text) parts.push(target.text);
  if (target.qualification) {
    parts.push(t('plan.import.shape.qualification', { text: target.qualification }));
  }
  return parts.join(' · ');
}
