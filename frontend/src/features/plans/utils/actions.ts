import type { components } from '@/api/schema';

type Me = components['schemas']['Me'];
type PlanAction = components['schemas']['PlanAction'];

/**
 * Whether the server lists `action` among what the signed-in person may do with the plan: the web app keeps no rule
 * of its own. `unknown` while the plan is being read; `no` when it could not be read.
 */
export function planAllows(
  plan: { actions: PlanAction[] } | undefined,
  action: PlanAction,
  failed = false,
): 'yes' | 'no' | 'unknown' {
  if (!plan) return failed ? 'no' : 'unknown';
  return plan.actions.includes(action) ? 'yes' : 'no';
}

/** Whether the server lets the signed-in person draw up plans, as `/me` says. */
export function mayCreatePlans(me: Me | undefined): boolean {
  return me?.actions.includes('CREATE_PLAN') ?? false;
}
