// The roles staff hold in Hearth (DOMAIN.md "Who uses it"; domain-spec.md §3.13). A user may hold
// several. Names are stored as written here.
export const ROLES = [
  'mash_practitioner',
  'mash_manager',
  'social_worker',
  'team_manager',
  'cp_chair',
  'iro',
  'personal_adviser',
  'fostering_worker',
  'adoption_worker',
  'performance_officer',
  'system_admin',
] as const;

export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Readonly<Record<Role, string>> = {
  mash_practitioner: 'MASH practitioner',
  mash_manager: 'MASH manager',
  social_worker: 'Social worker',
  team_manager: 'Team manager',
  cp_chair: 'Child protection chair',
  iro: 'Independent reviewing officer',
  personal_adviser: 'Personal adviser',
  fostering_worker: 'Fostering worker',
  adoption_worker: 'Adoption worker',
  performance_officer: 'Performance officer',
  system_admin: 'System administrator',
};

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/**
 * Roles that work across cases rather than through allocation (DESIGN.md "Records, history,
 * access"): the front door screens every contact, chairs and IROs meet every child on a plan or in
 * care, performance officers report on all of them.
 */
export const CROSS_CASE_ROLES: readonly Role[] = ['mash_practitioner', 'mash_manager', 'cp_chair', 'iro', 'performance_officer'];

/** Cross-case roles that may also change a child's record (performance is read-only). */
export const CROSS_CASE_WRITER_ROLES: readonly Role[] = ['mash_practitioner', 'mash_manager', 'cp_chair', 'iro'];
