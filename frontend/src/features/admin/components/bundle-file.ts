import type { PlanBundle } from '@/features/admin/api/import-plan-bundle';

/** What the chosen file says about itself, read without trusting its shape (the server checks it fully). */
export type BundleSummary = {
  planCode: string | null;
  title: string | null;
  documentNumber: string | null;
  years: string | null;
  orgUnits: number;
  indicators: number;
  tasks: number;
};

export type ReadBundle =
  | { ok: true; bundle: PlanBundle; summary: BundleSummary }
  | { ok: false; problem: 'not-json'; detail: string }
  | { ok: false; problem: 'not-bundle' };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value : null;
}

function count(value: unknown): number {
  return Array.isArray(value) ? value.length : 0;
}

/** Parses the file's text and recognises a plan bundle by its `format` marker. */
export function readBundle(source: string): ReadBundle {
  let parsed: unknown;
  try {
    parsed = JSON.parse(source);
  } catch (error) {
    return { ok: false, problem: 'not-json', detail: error instanceof Error ? error.message : '' };
  }
  if (!isRecord(parsed) || parsed.format !== 'dti-plan-bundle' || !isRecord(parsed.plan)) {
    return { ok: false, problem: 'not-bundle' };
  }
  const plan = parsed.plan;
  const start = typeof plan.startYear === 'number' ? plan.startYear : null;
  const end = typeof plan.endYear === 'number' ? plan.endYear : null;
  return {
    ok: true,
    // The server validates every field and answers each problem with its JSON path.
    bundle: parsed as PlanBundle,
    summary: {
      planCode: text(plan.code),
      title: text(plan.title),
      documentNumber: text(plan.documentNumber),
      years: start === null ? null : end === null || end === start ? `${start}` : `${start}–${end}`,
      orgUnits: count(parsed.orgUnits),
      indicators: count(parsed.indicators),
      tasks: count(parsed.tasks),
    },
  };
}
