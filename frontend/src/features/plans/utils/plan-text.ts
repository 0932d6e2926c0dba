import type { TFunction } from 'i18next';
import type { components } from '@/api/schema';

type Target = components['schemas']['Target'];
type Timeframe = components['schemas']['Timeframe'];
type OrgUnitRef = components['schemas']['OrgUnitRef'];
type PlanRef = components['schemas']['PlanRef'];

export function formatYears(startYear: number, endYear: number): string {
  return startYear === endYear ? String(startYear) : `${startYear}–${endYear}`;
}

/** The years a plan runs, for choosing a target's year. */
export function planYears(startYear: number, endYear: number): number[] {
  const years: number[] = [];
  for (let year = startYear; year <= endYear && years.length <= 100; year++) years.push(year);
  return years;
}

/** `154/KH-UBND`, else the code: how a plan is named in a sentence. */
export function planName(plan: PlanRef): string {
  return plan.documentNumber ?? plan.code;
}

/**
 * A target as the plan words it, with its exception when the wording leaves it out
 * (`tối thiểu 60% (trừ văn bản mật)`).
 */
export function targetText(target: Target): string {
  const wording = target.wording?.trim() ?? '';
  const qualification = target.qualification?.trim();
  if (!qualification || wording.includes(qualification)) return wording;
  return wording ? `${wording} (${qualification})` : qualification;
}

/** `Năm 2026`, `2026–2030`, `Thường xuyên`; the document's own words when it has them. */
export function timeframeText(timeframe: Timeframe, t: TFunction): string {
  if (timeframe.wording?.trim()) return timeframe.wording.trim();
  const { startYear, endYear } = timeframe;
  switch (timeframe.kind) {
    case 'ONGOING':
      return t('plan.appendix.timeframe.ONGOING');
    case 'YEAR':
      return t('plan.appendix.timeframe.YEAR', { year: startYear ?? endYear ?? '' });
    case 'SPAN':
      return t('plan.appendix.timeframe.SPAN', { start: startYear ?? '', end: endYear ?? '' });
  }
}

export function unitNames(units: OrgUnitRef[]): string {
  return units.map((unit) => unit.name).join('; ');
}

/** A calendar date's parts, for `ngày 26 tháng 3 năm 2026`. */
export function dateParts(isoDate: string): { day: number; month: number; year: number } | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!match) return null;
  return { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
}
