import type { components } from '@/api/schema';

type OrgUnitKind = components['schemas']['OrgUnitKind'];

/** Every kind of unit, in the order people look for them: administrative levels first, partners last. */
export const orgUnitKinds = [
  'PROVINCE',
  'COMMUNE',
  'WARD',
  'DEPARTMENT',
  'OFFICE',
  'SERVICE_CENTER',
  'PUBLIC_SERVICE_UNIT',
  'POLICE',
  'MILITARY',
  'HEALTH_STATION',
  'SCHOOL',
  'HAMLET',
  'NEIGHBOURHOOD',
  'COMMUNITY_TECH_TEAM',
  'MASS_ORGANISATION',
  'MEDIA',
  'UNIVERSITY',
  'PARTNER_COMPANY',
  'BANK',
  'UNIT_GROUP',
] as const satisfies readonly OrgUnitKind[];

export function isOrgUnitKind(value: string): value is OrgUnitKind {
  return orgUnitKinds.some((kind) => kind === value);
}
