import type { components } from '@/api/schema';
import type {
  PlanIntake,
  PlanIntakeBlock,
  PlanIntakeFinding,
} from '@/features/plans/api/plan-intakes';

type BundleChanges = components['schemas']['BundleChanges'];

/**
 * The name a finding is about, as the document writes it: the first text in quotes of its detail
 * (`Không tìm thấy đơn vị 'Phòng Kinh tế - Hạ tầng'; …`). The finding carries no field of its own for it.
 */
export function quotedName(detail: string): string | null {
  const match = /'([^']+)'|“([^”]+)”|"([^"]+)"/u.exec(detail);
  const name = match?.[1] ?? match?.[2] ?? match?.[3] ?? null;
  return name?.trim() ? name.trim() : null;
}

/**
 * The written name the person may place on a unit (`choices.units[name]`): a finding that offers units to choose
 * from and names what it could not place.
 */
export function unitChoiceName(finding: PlanIntakeFinding): string | null {
  if (finding.candidates.length === 0 || finding.block === null) return null;
  return quotedName(finding.detail);
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
