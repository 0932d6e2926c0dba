import type { components } from '@/api/schema';

type Role = components['schemas']['Role'];

/** The roles a person's account may hold (SERVICE_ACCOUNT belongs to service accounts only). */
export const personRoles = [
  'ADMIN',
  'PROVINCE_COORDINATOR',
  'COMMUNE_COORDINATOR',
  'UNIT_REPORTER',
  'VIEWER',
] as const satisfies readonly Role[];
export type PersonRole = (typeof personRoles)[number];

/** Roles at or below one's own, as the API allows each managing role to give them (docs/access.md). */
const grantableBy: Partial<Record<Role, readonly PersonRole[]>> = {
  ADMIN: personRoles,
  PROVINCE_COORDINATOR: ['PROVINCE_COORDINATOR', 'COMMUNE_COORDINATOR', 'UNIT_REPORTER', 'VIEWER'],
  COMMUNE_COORDINATOR: ['COMMUNE_COORDINATOR', 'UNIT_REPORTER', 'VIEWER'],
};

export function grantableRoles(myRoles: readonly Role[]): PersonRole[] {
  const granted = new Set(myRoles.flatMap((role) => grantableBy[role] ?? []));
  return personRoles.filter((role) => granted.has(role));
}

/** Whether the person manages anything here: units, accounts, service accounts, bundles. */
export function managesAdministration(myRoles: readonly Role[]): boolean {
  return grantableRoles(myRoles).length > 0;
}
