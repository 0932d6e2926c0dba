import type { Report } from '@/features/my-work/api/get-report';

/**
 * What the signed-in person may do with a report on this screen: change it (its values and texts) and change its
 * evidence (attach, take off). The one place the screen decides it; the server has the last word and refuses
 * anything else with a readable problem.
 *
 * Until report answers carry the list of actions the server allows, this reads the report's state: only its own unit
 * writes it, and only while it is a draft of an open period or has been returned. When the answers carry that list,
 * read it here and nowhere else.
 */
export function mayChangeReport(
  report: Report | undefined,
  period: { closed: boolean } | undefined,
  unitId: string | undefined,
): boolean {
  if (!report) return !period?.closed;
  if (report.unit.id !== unitId) return false;
  if (report.state === 'RETURNED') return true;
  return report.state === 'DRAFT' && !report.period.closed;
}
