import type { Role } from './roles.ts';

export interface TeamMembershipFact {
  readonly teamId: string;
  readonly isManager: boolean;
  readonly teamName: string;
}

/** Who is asking: loaded fresh on every request, so a removed role takes effect at once. */
export interface Actor {
  readonly userId: string;
  readonly displayName: string;
  readonly roles: readonly Role[];
  readonly teams: readonly TeamMembershipFact[];
}

export const hasRole = (actor: Actor, role: Role): boolean => actor.roles.includes(role);
export const hasAnyRole = (actor: Actor, roles: readonly Role[]): boolean => roles.some((r) => actor.roles.includes(r));
