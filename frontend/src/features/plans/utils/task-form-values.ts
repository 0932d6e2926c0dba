import type { components } from '@/api/schema';
import type { Task, TaskInput } from '@/features/plans/api/save-task';
import { listEntry } from '@/features/plans/utils/field-errors';
import { blankToNull, parseWhole, wholeForInput } from '@/features/plans/utils/numbers';

type OrgUnitRef = components['schemas']['OrgUnitRef'];
type TimeframeKind = components['schemas']['TimeframeKind'];
type Progress = components['schemas']['Progress'];

export const timeframeKinds = [
  'YEAR',
  'SPAN',
  'ONGOING',
] as const satisfies readonly TimeframeKind[];
export const progressValues = [
  'NOT_STARTED',
  'IN_PROGRESS',
  'COMPLETED',
  'SUSPENDED',
] as const satisfies readonly Progress[];

export type TaskFormValues = {
  code: string;
  groupId: string;
  order: string;
  description: string;
  leadUnits: OrgUnitRef[];
  cooperatingUnits: OrgUnitRef[];
  product: string;
  timeframeKind: TimeframeKind;
  startYear: string;
  endYear: string;
  timeframeWording: string;
  progress: Progress;
  note: string;
};

export function newTaskValues(groupId: string, startYear: number, endYear: number): TaskFormValues {
  return {
    code: '',
    groupId,
    order: '',
    description: '',
    leadUnits: [],
    cooperatingUnits: [],
    product: '',
    timeframeKind: startYear === endYear ? 'YEAR' : 'SPAN',
    startYear: String(startYear),
    endYear: String(endYear),
    timeframeWording: '',
    progress: 'NOT_STARTED',
    note: '',
  };
}

export function taskValues(task: Task): TaskFormValues {
  return {
    code: task.code,
    groupId: task.group.id,
    order: String(task.order),
    description: task.description,
    leadUnits: task.leadUnits,
    cooperatingUnits: task.cooperatingUnits,
    product: task.product ?? '',
    timeframeKind: task.timeframe.kind,
    startYear: wholeForInput(task.timeframe.startYear),
    endYear: wholeForInput(task.timeframe.endYear ?? task.timeframe.startYear),
    timeframeWording: task.timeframe.wording ?? '',
    progress: task.progress,
    note: task.note ?? '',
  };
}

/** The body of a create or update; numbers that cannot be read are reported instead of sent. */
export function toTaskBody(values: TaskFormValues): {
  body: TaskInput;
  problems: Record<string, 'notWhole'>;
} {
  const problems: Record<string, 'notWhole'> = {};
  function whole(field: string, text: string): number | null {
    const parsed = parseWhole(text);
    if (parsed !== null && Number.isNaN(parsed)) problems[field] = 'notWhole';
    return parsed === null || Number.isNaN(parsed) ? null : parsed;
  }
  const kind = values.timeframeKind;
  const start = kind === 'ONGOING' ? null : whole('timeframe.startYear', values.startYear);
  const end =
    kind === 'SPAN' ? whole('timeframe.endYear', values.endYear) : kind === 'YEAR' ? start : null;
  const body = {
    code: values.code.trim(),
    groupId: values.groupId || null,
    order: whole('order', values.order),
    description: values.description.trim(),
    leadUnitIds: values.leadUnits.map((unit) => unit.id),
    cooperatingUnitIds: values.cooperatingUnits.map((unit) => unit.id),
    product: blankToNull(values.product),
    timeframe: {
      kind,
      startYear: start,
      endYear: end,
      wording: blankToNull(values.timeframeWording),
    },
    progress: values.progress,
    note: blankToNull(values.note),
  };
  // Blank required values go as null on purpose: the API's answer names the field and says what it needs.
  return { body: body as unknown as TaskInput, problems };
}

const placedTaskFields = new Set([
  'code',
  'groupId',
  'order',
  'description',
  'leadUnitIds',
  'cooperatingUnitIds',
  'product',
  'timeframe',
  'timeframe.kind',
  'timeframe.wording',
  'progress',
  'note',
]);

/** Whether the task form shows `field`'s error next to a control (the rest go with the form's alert). */
export function isPlacedTaskField(field: string, values: TaskFormValues): boolean {
  if (placedTaskFields.has(field)) return true;
  if (field === 'timeframe.startYear') return values.timeframeKind !== 'ONGOING';
  if (field === 'timeframe.endYear') return values.timeframeKind !== 'ONGOING';
  const entry = listEntry(field);
  return (
    entry !== null &&
    entry.member === undefined &&
    (entry.list === 'leadUnitIds' || entry.list === 'cooperatingUnitIds')
  );
}
