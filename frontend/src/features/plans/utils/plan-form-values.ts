import type { components } from '@/api/schema';
import type { Plan } from '@/features/plans/api/get-plan';
import type { PlanUpdate } from '@/features/plans/api/update-plan';
import { listEntry } from '@/features/plans/utils/field-errors';
import { blankToNull, parseWhole, wholeForInput } from '@/features/plans/utils/numbers';
import { rowId } from '@/features/plans/utils/rows';

type OrgUnitRef = components['schemas']['OrgUnitRef'];
type PlanRef = components['schemas']['PlanRef'];
type SectionKey = components['schemas']['SectionKey'];
type ReportFrequency = components['schemas']['ReportFrequency'];
type DeadlineShift = components['schemas']['DeadlineShift'];

export const sectionKeys = [
  'PURPOSE',
  'REQUIREMENTS',
  'OBJECTIVES',
  'TASKS',
  'SOLUTIONS',
  'FUNDING',
  'ORGANISATION',
  'REPORTING',
  'CLOSING',
  'OTHER',
] as const satisfies readonly SectionKey[];

export const frequencies = [
  'MONTHLY',
  'QUARTERLY',
  'HALF_YEARLY',
  'YEARLY',
] as const satisfies readonly ReportFrequency[];

export const deadlineShifts = [
  'NONE',
  'PREVIOUS_WORKING_DAY',
] as const satisfies readonly DeadlineShift[];

export type BasisValues = { rowId: string; citation: string; plan: PlanRef | null };
export type SectionValues = { rowId: string; key: SectionKey; heading: string; body: string };

/** The plan form as typed: text for every input, units and plans as chosen. */
export type PlanFormValues = {
  code: string;
  title: string;
  documentNumber: string;
  issueDate: string;
  issuePlace: string;
  issuingUnit: OrgUnitRef[];
  startYear: string;
  endYear: string;
  parentPlan: PlanRef | null;
  legalBases: BasisValues[];
  sections: SectionValues[];
  signerTitle: string;
  signerName: string;
  recipients: string;
  frequency: ReportFrequency;
  unitReportDay: string;
  consolidationDay: string;
  coordinatorUnit: OrgUnitRef[];
  recipientUnit: OrgUnitRef[];
  regimeWording: string;
  deadlineShift: DeadlineShift;
};

/** A new plan: issued by the coordinator's own unit, for this year, reporting monthly by the 20th. */
export function newPlanValues(unit: OrgUnitRef | undefined, year: number): PlanFormValues {
  return {
    code: '',
    title: '',
    documentNumber: '',
    issueDate: '',
    issuePlace: '',
    issuingUnit: unit ? [unit] : [],
    startYear: String(year),
    endYear: String(year),
    parentPlan: null,
    legalBases: [],
    sections: [],
    signerTitle: '',
    signerName: '',
    recipients: '',
    frequency: 'MONTHLY',
    unitReportDay: '20',
    consolidationDay: '25',
    coordinatorUnit: unit ? [unit] : [],
    recipientUnit: [],
    regimeWording: '',
    deadlineShift: 'NONE',
  };
}

export function planValues(plan: Plan): PlanFormValues {
  const regime = plan.reportingRegime;
  return {
    code: plan.code,
    title: plan.title,
    documentNumber: plan.documentNumber ?? '',
    issueDate: plan.issueDate ?? '',
    issuePlace: plan.issuePlace ?? '',
    issuingUnit: [plan.issuingUnit],
    startYear: String(plan.startYear),
    endYear: String(plan.endYear),
    parentPlan: plan.parentPlan,
    legalBases: plan.legalBases.map((basis) => ({
      rowId: rowId(),
      citation: basis.citation,
      plan: basis.plan,
    })),
    sections: plan.sections.map((section) => ({
      rowId: rowId(),
      key: section.key,
      heading: section.heading ?? '',
      body: section.body,
    })),
    signerTitle: plan.signerTitle ?? '',
    signerName: plan.signerName ?? '',
    recipients: plan.recipients.join('\n'),
    frequency: regime.frequency,
    unitReportDay: wholeForInput(regime.unitReportDay),
    consolidationDay: wholeForInput(regime.consolidationDay),
    coordinatorUnit: [regime.coordinatorUnit],
    recipientUnit: regime.recipientUnit ? [regime.recipientUnit] : [],
    regimeWording: regime.wording ?? '',
    deadlineShift: regime.deadlineShift,
  };
}

/** What the form could not read before sending: field path → problem. */
export type InputProblems = Record<string, 'notWhole'>;

/**
 * The body of an update, and with the code that of a create. Numbers that cannot be read are reported, not sent; what is missing or
 * wrong otherwise (an empty title, a missing unit) is sent as it is, for the API to say next to the field.
 */
export function toPlanBody(
  values: PlanFormValues,
  status: Plan['status'],
): { body: PlanUpdate; code: string; problems: InputProblems } {
  const problems: InputProblems = {};
  function whole(field: string, text: string): number | null {
    const parsed = parseWhole(text);
    if (parsed !== null && Number.isNaN(parsed)) problems[field] = 'notWhole';
    return parsed === null || Number.isNaN(parsed) ? null : parsed;
  }
  const body = {
    documentNumber: blankToNull(values.documentNumber),
    issuingUnitId: values.issuingUnit[0]?.id ?? null,
    issueDate: values.issueDate || null,
    issuePlace: blankToNull(values.issuePlace),
    title: values.title.trim(),
    startYear: whole('startYear', values.startYear),
    endYear: whole('endYear', values.endYear),
    status,
    parentPlanId: values.parentPlan?.id ?? null,
    legalBases: values.legalBases.map((basis) => ({
      citation: basis.citation.trim(),
      planId: basis.plan?.id ?? null,
    })),
    sections: values.sections.map((section) => ({
      key: section.key,
      heading: blankToNull(section.heading),
      body: section.body.trim(),
    })),
    signerTitle: values.signerTitle.trim(),
    signerName: values.signerName.trim(),
    recipients: values.recipients
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean),
    reportingRegime: {
      frequency: values.frequency,
      unitReportDay: whole('reportingRegime.unitReportDay', values.unitReportDay),
      consolidationDay: whole('reportingRegime.consolidationDay', values.consolidationDay),
      coordinatorUnitId: values.coordinatorUnit[0]?.id ?? null,
      recipientUnitId: values.recipientUnit[0]?.id ?? null,
      wording: blankToNull(values.regimeWording),
      deadlineShift: values.deadlineShift,
    },
  };
  // Blank required values go as null on purpose: the API's answer names the field and says what it needs.
  return { body: body as unknown as PlanUpdate, code: values.code.trim(), problems };
}

const placedPlanFields = new Set([
  'title',
  'documentNumber',
  'issueDate',
  'issuePlace',
  'issuingUnitId',
  'startYear',
  'endYear',
  'parentPlanId',
  'legalBases',
  'sections',
  'signerName',
  'signerTitle',
  'recipients',
  'reportingRegime',
  'reportingRegime.frequency',
  'reportingRegime.unitReportDay',
  'reportingRegime.consolidationDay',
  'reportingRegime.coordinatorUnitId',
  'reportingRegime.recipientUnitId',
  'reportingRegime.wording',
  'reportingRegime.deadlineShift',
]);

/** Whether the plan form shows `field`'s error next to a control (the rest go with the form's alert). */
export function isPlacedPlanField(
  field: string,
  values: PlanFormValues,
  creating: boolean,
): boolean {
  if (field === 'code') return creating;
  if (placedPlanFields.has(field)) return true;
  const entry = listEntry(field);
  if (!entry) return false;
  if (entry.list === 'recipients') return entry.member === undefined;
  if (entry.list === 'legalBases') {
    return (
      entry.index < values.legalBases.length &&
      (entry.member === 'citation' || entry.member === 'planId')
    );
  }
  if (entry.list === 'sections') {
    return (
      entry.index < values.sections.length &&
      (entry.member === 'key' || entry.member === 'heading' || entry.member === 'body')
    );
  }
  return false;
}
