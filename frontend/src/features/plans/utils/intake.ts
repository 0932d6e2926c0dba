import type { components } from '@/api/schema';
import type {
  PlanIntake,
  PlanIntakeBlock,
  PlanIntakeFinding,
} from '@/features/plans/api/plan-intakes';

type BundleChanges = components['schemas']['BundleChanges'];

/**
 * The written name the person may place on a unit (`choices.units[name]`): a finding that names what the reader could
 * not place and offers units it may mean.
 */
export function unitChoiceName(finding: PlanIntakeFinding): string | null {
  return finding.candidates.length > 0 && finding.name?.trim() ? finding.name : null;
}

/** Whether the finding is about table columns whose content nothing reads, which the person may leave out. */
export function isUnusedColumn(finding: PlanIntakeFinding): boolean {
  return finding.code === 'import.unused-column';
}

export function errorCount(findings: PlanIntakeFinding[]): number {
  return findings.filter((finding) => finding.severity === 'ERROR').length;
}

/** Blockers before doubts, each in the order the server gave them. */
export function errorsFirst(findings: PlanIntakeFinding[]): PlanIntakeFinding[] {
  return [
    ...findings.filter((finding) => finding.severity === 'ERROR'),
    ...findings.filter((finding) => finding.severity !== 'ERROR'),
  ];
}

/** The findings of each block, in the order the server gave them; those of the whole plan under `null`. */
export function findingsByBlock(
  findings: PlanIntakeFinding[],
): Map<number | null, PlanIntakeFinding[]> {
  const byBlock = new Map<number | null, PlanIntakeFinding[]>();
  for (const finding of findings) {
    const list = byBlock.get(finding.block) ?? [];
    list.push(finding);
    byBlock.set(finding.block, list);
  }
  return byBlock;
}

const count = (changes: BundleChanges | undefined, part: 'created' | 'updated' | 'removed') =>
  changes?.[part]?.length ?? 0;

/** What a preview's (or a commit's) changes come to, counted part by part. */
export function changeCounts(changes: PlanIntake['changes'] | null | undefined) {
  return {
    newPlan: count(changes?.plan, 'created') > 0,
    planUpdated: count(changes?.plan, 'updated') > 0,
    indicators: {
      created: count(changes?.indicators, 'created'),
      updated: count(changes?.indicators, 'updated'),
      removed: count(changes?.indicators, 'removed'),
    },
    tasks: {
      created: count(changes?.tasks, 'created'),
      updated: count(changes?.tasks, 'updated'),
      removed: count(changes?.tasks, 'removed'),
    },
    groups:
      count(changes?.groups, 'created') +
      count(changes?.groups, 'updated') +
      count(changes?.groups, 'removed'),
    groupsCreated: count(changes?.groups, 'created'),
    unitsCreated: count(changes?.orgUnits, 'created'),
  };
}

/**
 * A table's column as a person names it: its header in quotes (`“Đơn vị chủ trì”`), else its number from 1.
 */
export function columnName(block: PlanIntakeBlock | undefined, column: number): string {
  const header = block?.rows?.[0]?.[column]?.trim();
  return header ? `“${header}”` : String(column + 1);
}

/** The id of the html element that shows a block of the source. */
export function blockElementId(index: number): string {
  return `intake-block-${index}`;
}
