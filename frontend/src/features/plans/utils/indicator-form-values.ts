import type { components } from '@/api/schema';
import type { Indicator, IndicatorInput } from '@/features/plans/api/save-indicator';
import type { Language } from '@/lib/i18n';
import { listEntry } from '@/features/plans/utils/field-errors';
import { blankToNull, parseWhole, wholeForInput } from '@/features/plans/utils/numbers';
import { formatForInput, parseDecimal } from '@/lib/number-input';
import { rowId } from '@/features/plans/utils/rows';

type Target = components['schemas']['Target'];
type TargetKind = components['schemas']['TargetKind'];
type Comparator = components['schemas']['Comparator'];
type OrgUnitRef = components['schemas']['OrgUnitRef'];

export const targetKinds = [
  'PERCENT',
  'RATIO',
  'COUNT',
  'NUMBER',
  'PASS_FAIL',
  'RANK',
  'LEADING_GROUP',
  'MILESTONE',
] as const satisfies readonly TargetKind[];

export const comparators = ['GE', 'GT', 'EQ', 'LE', 'LT'] as const satisfies readonly Comparator[];

/** The parts of a target that its shape uses besides year, kind, exception and wording. */
export type ShapeField = 'comparator' | 'value' | 'per' | 'basis' | 'outOf' | 'text';

export function shapeFields(kind: TargetKind): ShapeField[] {
  switch (kind) {
    case 'PERCENT':
      return ['comparator', 'value', 'basis'];
    case 'RATIO':
      return ['comparator', 'value', 'per', 'basis'];
    case 'COUNT':
    case 'NUMBER':
      return ['comparator', 'value'];
    case 'RANK':
    case 'LEADING_GROUP':
      return ['comparator', 'value', 'outOf'];
    case 'PASS_FAIL':
      return [];
    case 'MILESTONE':
      return ['text'];
  }
}

const alwaysTargetFields = ['year', 'kind', 'qualification', 'wording'];

export type TargetValues = {
  rowId: string;
  year: string;
  kind: TargetKind;
  comparator: Comparator | '';
  value: string;
  per: string;
  basis: string;
  outOf: string;
  text: string;
  qualification: string;
  wording: string;
};

export type IndicatorFormValues = {
  code: string;
  groupId: string;
  order: string;
  content: string;
  unitOfMeasure: string;
  targets: TargetValues[];
  hasBaseline: boolean;
  baseline: TargetValues;
  leadUnit: OrgUnitRef[];
  cooperatingUnits: OrgUnitRef[];
  leadWording: string;
  cooperatingWording: string;
  note: string;
  capturedAsFraction: boolean;
  numeratorLabel: string;
  denominatorLabel: string;
  contributesToId: string;
  evidenceRequired: boolean;
};

/** A new target row: the shape of the row before it (an indicator keeps one shape over the years). */
export function newTarget(like?: TargetValues, year = ''): TargetValues {
  return {
    rowId: rowId(),
    year,
    kind: like?.kind ?? 'PERCENT',
    comparator: like ? like.comparator : 'GE',
    value: '',
    per: like?.per ?? '',
    basis: like?.basis ?? '',
    outOf: like?.outOf ?? '',
    text: '',
    qualification: '',
    wording: '',
  };
}

export function targetValues(target: Target, lang: Language): TargetValues {
  return {
    rowId: rowId(),
    year: wholeForInput(target.year),
    kind: target.kind ?? 'NUMBER',
    comparator: comparators.find((c) => c === target.comparator) ?? '',
    value: formatForInput(target.value, lang),
    per: formatForInput(target.per, lang),
    basis: target.basis ?? '',
    outOf: wholeForInput(target.outOf),
    text: target.text ?? '',
    qualification: target.qualification ?? '',
    wording: target.wording ?? '',
  };
}

export function newIndicatorValues(groupId: string, firstYear: number): IndicatorFormValues {
  return {
    code: '',
    groupId,
    order: '',
    content: '',
    unitOfMeasure: '',
    targets: [newTarget(undefined, String(firstYear))],
    hasBaseline: false,
    baseline: newTarget(),
    leadUnit: [],
    cooperatingUnits: [],
    leadWording: '',
    cooperatingWording: '',
    note: '',
    capturedAsFraction: false,
    numeratorLabel: '',
    denominatorLabel: '',
    contributesToId: '',
    evidenceRequired: false,
  };
}

export function indicatorValues(indicator: Indicator, lang: Language): IndicatorFormValues {
  return {
    code: indicator.code,
    groupId: indicator.group.id,
    order: String(indicator.order),
    content: indicator.content,
    unitOfMeasure: indicator.unitOfMeasure ?? '',
    targets: indicator.targets.map((target) => targetValues(target, lang)),
    hasBaseline: indicator.baseline !== null,
    baseline: indicator.baseline ? targetValues(indicator.baseline, lang) : newTarget(),
    leadUnit: [indicator.leadUnit],
    cooperatingUnits: indicator.cooperatingUnits,
    leadWording: indicator.leadWording ?? '',
    cooperatingWording: indicator.cooperatingWording ?? '',
    note: indicator.note ?? '',
    capturedAsFraction: indicator.capturedAsFraction,
    numeratorLabel: indicator.numeratorLabel ?? '',
    denominatorLabel: indicator.denominatorLabel ?? '',
    contributesToId: indicator.contributesTo?.id ?? '',
    evidenceRequired: indicator.evidenceRequired,
  };
}

export type NumberProblem = 'notWhole' | 'notNumber';

/** A target in its shape: what the shape does not use is sent as null, so no stale value slips through. */
function toTarget(
  values: TargetValues,
  at: string,
  lang: Language,
  problems: Record<string, NumberProblem>,
): Target {
  const used = new Set(shapeFields(values.kind));
  function whole(field: string, text: string): number | null {
    const parsed = parseWhole(text);
    if (parsed !== null && Number.isNaN(parsed)) problems[`${at}.${field}`] = 'notWhole';
    return parsed === null || Number.isNaN(parsed) ? null : parsed;
  }
  function decimal(field: string, text: string): number | null {
    const parsed = parseDecimal(text, lang);
    if (parsed !== null && Number.isNaN(parsed)) problems[`${at}.${field}`] = 'notNumber';
    return parsed === null || Number.isNaN(parsed) ? null : parsed;
  }
  return {
    year: whole('year', values.year),
    kind: values.kind,
    comparator: used.has('comparator') && values.comparator ? values.comparator : null,
    value: used.has('value') ? decimal('value', values.value) : null,
    per: used.has('per') ? decimal('per', values.per) : null,
    basis: used.has('basis') ? blankToNull(values.basis) : null,
    outOf: used.has('outOf') ? whole('outOf', values.outOf) : null,
    text: used.has('text') ? blankToNull(values.text) : null,
    qualification: blankToNull(values.qualification),
    wording: values.wording.trim(),
  };
}

/** The body of a create or update; numbers that cannot be read are reported instead of sent. */
export function toIndicatorBody(
  values: IndicatorFormValues,
  lang: Language,
): { body: IndicatorInput; problems: Record<string, NumberProblem> } {
  const problems: Record<string, NumberProblem> = {};
  const order = parseWhole(values.order);
  if (order !== null && Number.isNaN(order)) problems.order = 'notWhole';
  const body = {
    code: values.code.trim(),
    groupId: values.groupId || null,
    order: order === null || Number.isNaN(order) ? null : order,
    content: values.content.trim(),
    unitOfMeasure: blankToNull(values.unitOfMeasure),
    targets: values.targets.map((target, i) => toTarget(target, `targets[${i}]`, lang, problems)),
    baseline: values.hasBaseline ? toTarget(values.baseline, 'baseline', lang, problems) : null,
    leadUnitId: values.leadUnit[0]?.id ?? null,
    cooperatingUnitIds: values.cooperatingUnits.map((unit) => unit.id),
    leadWording: blankToNull(values.leadWording),
    cooperatingWording: blankToNull(values.cooperatingWording),
    note: blankToNull(values.note),
    capturedAsFraction: values.capturedAsFraction,
    numeratorLabel: values.capturedAsFraction ? blankToNull(values.numeratorLabel) : null,
    denominatorLabel: values.capturedAsFraction ? blankToNull(values.denominatorLabel) : null,
    contributesToId: values.contributesToId || null,
    evidenceRequired: values.evidenceRequired,
  };
  // Blank required values go as null on purpose: the API's answer names the field and says what it needs.
  return { body: body as unknown as IndicatorInput, problems };
}

const placedIndicatorFields = new Set([
  'code',
  'groupId',
  'order',
  'content',
  'unitOfMeasure',
  'targets',
  'baseline',
  'leadUnitId',
  'cooperatingUnitIds',
  'leadWording',
  'cooperatingWording',
  'note',
  'capturedAsFraction',
  'contributesToId',
  'evidenceRequired',
]);

function placedInTarget(target: TargetValues, member: string | undefined): boolean {
  if (member === undefined) return true;
  return alwaysTargetFields.includes(member) || shapeFields(target.kind).some((f) => f === member);
}

/** Whether the indicator form shows `field`'s error next to a control (the rest go with the form's alert). */
export function isPlacedIndicatorField(field: string, values: IndicatorFormValues): boolean {
  if (placedIndicatorFields.has(field)) return true;
  if (field === 'numeratorLabel' || field === 'denominatorLabel') return values.capturedAsFraction;
  if (field.startsWith('baseline.')) {
    return values.hasBaseline && placedInTarget(values.baseline, field.slice('baseline.'.length));
  }
  const entry = listEntry(field);
  if (!entry) return false;
  if (entry.list === 'cooperatingUnitIds') return entry.member === undefined;
  if (entry.list === 'targets') {
    const target = values.targets[entry.index];
    return target !== undefined && placedInTarget(target, entry.member);
  }
  return false;
}
