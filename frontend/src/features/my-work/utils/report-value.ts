import type { TFunction } from 'i18next';
import type { components } from '@/api/schema';
import { formatNumber } from '@/lib/format';
import type { Language } from '@/lib/i18n';
import { formatForInput, parseDecimal } from '@/lib/number-input';
import { periodYear } from '@/features/my-work/utils/periods';

type Indicator = components['schemas']['Indicator'];
type Target = components['schemas']['Target'];
type TargetKind = components['schemas']['TargetKind'];
type Progress = components['schemas']['Progress'];
type Report = components['schemas']['Report'];
type ReportValue = components['schemas']['ReportValue'];
export type ReportUpdate = components['schemas']['ReportUpdate'];

/** How a value is entered, decided by the indicator's target for the period and its capture. */
export type ValueShape =
  | { kind: 'number'; target: Target | null; unit: string | null; whole: boolean }
  | {
      kind: 'fraction';
      target: Target | null;
      unit: string | null;
      numeratorLabel: string | null;
      denominatorLabel: string | null;
    }
  | { kind: 'met'; target: Target | null }
  | { kind: 'rank'; target: Target | null }
  | { kind: 'milestone'; target: Target | null }
  /** Tasks: no value, the progress instead. */
  | { kind: 'progress' };

export const progressValues = [
  'NOT_STARTED',
  'IN_PROGRESS',
  'COMPLETED',
  'SUSPENDED',
] as const satisfies readonly Progress[];

/** The target that decides the shape, as the server picks it: the period's year, else the first. */
export function targetFor(indicator: Indicator, periodKey: string): Target | null {
  const year = periodYear(periodKey);
  return indicator.targets.find((t) => t.year === year) ?? indicator.targets[0] ?? null;
}

export function valueShape(indicator: Indicator | null, periodKey: string): ValueShape {
  if (!indicator) return { kind: 'progress' };
  const target = targetFor(indicator, periodKey);
  const kind: TargetKind = target?.kind ?? 'NUMBER';
  switch (kind) {
    case 'PASS_FAIL':
      return { kind: 'met', target };
    case 'MILESTONE':
      return { kind: 'milestone', target };
    case 'RANK':
    case 'LEADING_GROUP':
      return { kind: 'rank', target };
    default:
      return indicator.capturedAsFraction
        ? {
            kind: 'fraction',
            target,
            unit: indicator.unitOfMeasure,
            numeratorLabel: indicator.numeratorLabel,
            denominatorLabel: indicator.denominatorLabel,
          }
        : { kind: 'number', target, unit: indicator.unitOfMeasure, whole: kind === 'COUNT' };
  }
}

/** Every field of the form, named as the API names it in a problem's `errors[].field`. */
export const reportFields = [
  'value.number',
  'value.numerator',
  'value.denominator',
  'value.met',
  'value.rank',
  'value.rankOutOf',
  'value.text',
  'progress',
  'achievements',
  'difficulties',
  'proposals',
  'evidenceExplanation',
] as const;
export type ReportField = (typeof reportFields)[number];
export type ReportFormValues = Record<ReportField, string>;

export function isReportField(field: string): field is ReportField {
  return (reportFields as readonly string[]).includes(field);
}

/** The fields a shape shows, in the order they appear. */
export function shapeFields(shape: ValueShape): ReportField[] {
  switch (shape.kind) {
    case 'number':
      return ['value.number'];
    case 'fraction':
      return ['value.numerator', 'value.denominator'];
    case 'met':
      return ['value.met'];
    case 'rank':
      return ['value.rank', 'value.rankOutOf'];
    case 'milestone':
      return ['value.met', 'value.text'];
    case 'progress':
      return ['progress'];
  }
}

function metText(met: boolean | null | undefined): string {
  return met === true ? 'true' : met === false ? 'false' : '';
}

export function emptyFormValues(shape: ValueShape): ReportFormValues {
  const outOf = shape.kind === 'rank' ? shape.target?.outOf : null;
  return {
    'value.number': '',
    'value.numerator': '',
    'value.denominator': '',
    'value.met': '',
    'value.rank': '',
    // The number ranked is usually known from the target ("out of 34"); start from it.
    'value.rankOutOf': outOf ? String(outOf) : '',
    'value.text': '',
    progress: '',
    achievements: '',
    difficulties: '',
    proposals: '',
    evidenceExplanation: '',
  };
}

export function formValuesFrom(
  report: Report | undefined,
  shape: ValueShape,
  lang: Language,
): ReportFormValues {
  const empty = emptyFormValues(shape);
  if (!report) return empty;
  const v = report.value;
  return {
    'value.number': formatForInput(v.number, lang),
    'value.numerator': formatForInput(v.numerator, lang),
    'value.denominator': formatForInput(v.denominator, lang),
    'value.met': metText(v.met),
    'value.rank': v.rank === null ? '' : String(v.rank),
    'value.rankOutOf':
      v.rankOutOf === null
        ? v.rank === null
          ? empty['value.rankOutOf']
          : ''
        : String(v.rankOutOf),
    'value.text': v.text ?? '',
    progress: report.progress ?? '',
    achievements: report.achievements ?? '',
    difficulties: report.difficulties ?? '',
    proposals: report.proposals ?? '',
    evidenceExplanation: report.evidenceExplanation ?? '',
  };
}

/** What the form could not read, before anything is sent. */
export type InputProblem = 'notANumber' | 'notAWholeNumber';

type SentValue = Omit<ReportValue, 'empty'>;

function blankToNull(text: string): string | null {
  const trimmed = text.trim();
  return trimmed === '' ? null : trimmed;
}

/**
 * The body of a save, with only the fields the shape uses; or the fields that are not numbers.
 * The rest of the checks (shape, range, completeness) are the server's, shown next to the fields.
 */
export function toReportBody(
  values: ReportFormValues,
  shape: ValueShape,
  lang: Language,
): { body: ReportUpdate; problems: Partial<Record<ReportField, InputProblem>> } {
  const problems: Partial<Record<ReportField, InputProblem>> = {};
  const used = new Set(shapeFields(shape));

  function decimal(field: ReportField): number | null {
    if (!used.has(field)) return null;
    const parsed = parseDecimal(values[field], lang);
    if (parsed !== null && Number.isNaN(parsed)) problems[field] = 'notANumber';
    return parsed === null || Number.isNaN(parsed) ? null : parsed;
  }

  function whole(field: ReportField): number | null {
    const parsed = decimal(field);
    if (parsed !== null && !Number.isInteger(parsed)) problems[field] = 'notAWholeNumber';
    return parsed !== null && Number.isInteger(parsed) ? parsed : null;
  }

  const common = {
    achievements: blankToNull(values.achievements),
    difficulties: blankToNull(values.difficulties),
    proposals: blankToNull(values.proposals),
    evidenceExplanation: blankToNull(values.evidenceExplanation),
  };
  if (shape.kind === 'progress') {
    const progress = progressValues.find((p) => p === values.progress) ?? null;
    return { body: { ...common, value: null, progress }, problems };
  }
  const value: SentValue = {
    number: decimal('value.number'),
    numerator: decimal('value.numerator'),
    denominator: decimal('value.denominator'),
    met:
      used.has('value.met') && values['value.met'] !== '' ? values['value.met'] === 'true' : null,
    rank: whole('value.rank'),
    rankOutOf: whole('value.rankOutOf'),
    // Kept whatever the shape: words written earlier are not lost by saving.
    text: blankToNull(values['value.text']),
  };
  if (shape.kind === 'number' && shape.whole && value.number !== null) {
    if (!Number.isInteger(value.number)) problems['value.number'] = 'notAWholeNumber';
  }
  // `empty` is worked out by the server and is not part of what it accepts.
  return { body: { ...common, value: value as ReportValue }, problems };
}

/** The value in the target's units: a percentage, a ratio per the target's base, or the quotient. */
export function fractionRate(
  target: Target | null,
  numerator: number | null,
  denominator: number | null,
): number | null {
  if (numerator === null || denominator === null || denominator <= 0) return null;
  if (Number.isNaN(numerator) || Number.isNaN(denominator)) return null;
  const scale = target?.kind === 'PERCENT' ? 100 : target?.kind === 'RATIO' ? (target.per ?? 1) : 1;
  return (numerator * scale) / denominator;
}

/** A rate as people read it: `72,5 %`, `3,6 / 1.000`, or the number with its unit. */
export function formatRate(rate: number, shape: ValueShape, lang: Language, t: TFunction): string {
  const target = shape.kind === 'progress' ? null : shape.target;
  const number = formatNumber(rate, lang, { maximumFractionDigits: 2 });
  if (target?.kind === 'PERCENT') return t('work.value.percent', { value: number });
  if (target?.kind === 'RATIO' && target.per) {
    return t('work.value.perBase', { value: number, per: formatNumber(target.per, lang) });
  }
  const unit = shape.kind === 'fraction' || shape.kind === 'number' ? shape.unit : null;
  return unit ? t('work.value.withUnit', { value: number, unit }) : number;
}

/** A reported value in words, for reading (contributions, a report under review); null if empty. */
export function formatReportValue(
  value: ReportValue,
  shape: ValueShape,
  lang: Language,
  t: TFunction,
): string | null {
  switch (shape.kind) {
    case 'progress':
      return null;
    case 'met':
      return value.met === null ? null : value.met ? t('work.value.met') : t('work.value.notMet');
    case 'milestone': {
      const reached =
        value.met === null
          ? null
          : value.met
            ? t('work.value.reached')
            : t('work.value.notReached');
      const parts = [reached, value.text].filter(Boolean);
      return parts.length ? parts.join(' – ') : null;
    }
    case 'rank':
      if (value.rank === null) return null;
      return value.rankOutOf
        ? t('work.value.rankOutOf', { rank: value.rank, outOf: value.rankOutOf })
        : t('work.value.rankOnly', { rank: value.rank });
    case 'fraction': {
      if (value.numerator === null && value.denominator === null) {
        return value.number === null ? null : formatRate(value.number, shape, lang, t);
      }
      const rate = fractionRate(shape.target, value.numerator, value.denominator);
      const fraction = t('work.value.fraction', {
        numerator: formatNumber(value.numerator ?? 0, lang),
        denominator: formatNumber(value.denominator ?? 0, lang),
      });
      return rate === null ? fraction : `${formatRate(rate, shape, lang, t)} (${fraction})`;
    }
    case 'number':
      if (value.number === null) return null;
      return shape.unit
        ? t('work.value.withUnit', { value: formatNumber(value.number, lang), unit: shape.unit })
        : formatNumber(value.number, lang);
  }
}
