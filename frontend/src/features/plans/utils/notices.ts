/** What a plan page says happened, after a save elsewhere brought the user back to the plan. */
export type PlanNotice = {
  kind:
    | 'created'
    | 'saved'
    | 'issued'
    | 'closed'
    | 'indicatorSaved'
    | 'indicatorDeleted'
    | 'taskSaved'
    | 'taskDeleted'
    | 'indicatorsImported'
    | 'tasksImported';
  code?: string;
};

/** Navigation state carrying a notice to the plan document. */
export function noticeState(notice: PlanNotice): { planNotice: PlanNotice } {
  return { planNotice: notice };
}

export function readNotice(state: unknown): PlanNotice | null {
  if (typeof state !== 'object' || state === null || !('planNotice' in state)) return null;
  const notice = state.planNotice;
  if (typeof notice !== 'object' || notice === null || !('kind' in notice)) return null;
  return notice as PlanNotice;
}
