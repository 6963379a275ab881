// Function-level permissions: what a role may do at all, before any record is considered.
// Named `<module>:<action>` (CONVENTIONS.md 18). Record-level rules are in child-record-policy.ts.
import type { Actor } from './actor.ts';
import { ROLES, type Role } from './roles.ts';

export const PERMISSIONS = {
  'work:view-own': 'See my work and caseload',
  'people:view-child': 'Open a child’s record (subject to the record rules)',
  'people:change-child': 'Change a child’s record (subject to the record rules)',
  'teams:view': 'See teams and their members',
  'admin:manage-users': 'Create users, give them roles and teams',
  'audit:verify': 'Verify the audit chain',
  'audit:view': 'See who viewed or changed a record',
} as const;

export type Permission = keyof typeof PERMISSIONS;

const CASE_ROLES: readonly Role[] = ROLES.filter((r) => r !== 'system_admin');

/** Which roles carry each permission. A system administrator holds no case data (RELIABILITY.md §3.1). */
const GRANTED_TO: Readonly<Record<Permission, readonly Role[]>> = {
  'work:view-own': CASE_ROLES,
  'people:view-child': CASE_ROLES,
  'people:change-child': CASE_ROLES.filter((r) => r !== 'performance_officer'),
  'teams:view': ROLES,
  'admin:manage-users': ['system_admin'],
  'audit:verify': ['system_admin'],
  'audit:view': ['system_admin', 'team_manager', 'mash_manager'],
};

export function isPermission(value: string): value is Permission {
  return Object.hasOwn(PERMISSIONS, value);
}

export function rolesWithPermission(permission: Permission): readonly Role[] {
  return GRANTED_TO[permission];
}

export function can(actor: Actor, permission: Permission): boolean {
  return actor.roles.some((role) => GRANTED_TO[permission].includes(role));
}
