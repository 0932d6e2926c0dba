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

/** The roles the signed-in person may give, as the server lists them, in the order of the form. */
export function grantableRoles(granted: readonly Role[]): PersonRole[] {
  return personRoles.filter((role) => granted.includes(role));
}
