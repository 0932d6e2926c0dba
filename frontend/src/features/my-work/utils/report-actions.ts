import type { Report } from '@/features/my-work/api/get-report';

/**
 * What the signed-in person may do with a report on this screen: change it (its values and texts) and change its
 * evidence (attach, take off). The screen reads it from the actions the server lists with the report (EDIT), or,
 * before the report exists, from its assignment (CREATE); it keeps no rule of its own.
 */
export function mayChangeReport(report: Report | undefined, startable: boolean): boolean {
  return report ? report.actions.includes('EDIT') : startable;
}
