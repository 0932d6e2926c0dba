import type { components } from '@/api/schema';
import { useGetMe } from '@/lib/me';
import { useGetOrgUnit } from '@/lib/org-units';

type Me = components['schemas']['Me'];
type OrgUnitRef = components['schemas']['OrgUnitRef'];
type Role = components['schemas']['Role'];

const managingRoles: readonly Role[] = ['ADMIN', 'PROVINCE_COORDINATOR', 'COMMUNE_COORDINATOR'];

/** The units whose subtrees the person coordinates: plans issued there are theirs to edit. */
export function managedUnits(me: Me | undefined): OrgUnitRef[] {
  if (!me) return [];
  const scoped = me.scopes.filter((s) => managingRoles.includes(s.role)).map((s) => s.scope);
  if (scoped.length) return scoped;
  return me.roles.some((role) => managingRoles.includes(role)) ? [me.unit] : [];
}

/** Administrators and coordinators draw up plans (for units they coordinate; the API checks which). */
export function canDraftPlans(me: Me | undefined): boolean {
  return managedUnits(me).length > 0;
}

/**
 * Whether to offer editing a plan issued by `issuer`: to administrators, and to coordinators whose subtree
 * holds the issuer (its ancestors are read when it is not their own unit). `unknown` while that is being read.
 * Only a hint for the screen: the API has the last word and refuses anyone else with 403, which forms show.
 */
export function useEditPermission(issuer: OrgUnitRef | undefined): 'yes' | 'no' | 'unknown' {
  const meQuery = useGetMe();
  const me = meQuery.data;
  const roots = managedUnits(me);
  const admin = me?.roles.includes('ADMIN') ?? false;
  const own = issuer !== undefined && roots.some((root) => root.id === issuer.id);
  const lookUp = issuer !== undefined && !admin && !own && roots.length > 0;
  const unit = useGetOrgUnit(lookUp ? issuer.id : null);
  if (!me) return meQuery.isError ? 'no' : 'unknown';
  if (!issuer) return 'unknown';
  if (admin || own) return 'yes';
  if (!lookUp) return 'no';
  if (unit.isPending) return 'unknown';
  return unit.data?.ancestors.some((a) => roots.some((r) => r.id === a.id)) ? 'yes' : 'no';
}

export function useCanEditPlan(issuer: OrgUnitRef | undefined): boolean {
  return useEditPermission(issuer) === 'yes';
}
