// Record-level access to a child's record: one table of rules, deny by default (RELIABILITY.md §3.2,
// DESIGN.md "Records, history, access"). Evaluated over facts the access guard loads fresh for each
// request. Where DESIGN.md and RELIABILITY.md differ, DESIGN.md wins:
//  - ordinary record: the allocated worker, members and managers of the allocated team, and roles
//    that work across cases (MASH, CP chairs, IROs, performance) may read; writers as below;
//  - restricted record (e.g. a staff member's relative): only the allocated worker, the named
//    contact manager and named, unexpired grants; everyone else is refused with a plain message
//    naming who to ask (so nobody creates a duplicate of a child whose history exists);
//  - sealed record (adoption): only named, unexpired grants; to anyone else it does not exist (404).
import type { Actor } from './actor.ts';
import { hasAnyRole } from './actor.ts';
import { can } from './permissions.ts';
import { CROSS_CASE_ROLES, CROSS_CASE_WRITER_ROLES } from './roles.ts';

export type Restriction = 'none' | 'restricted' | 'sealed';
export type RecordAction = 'read' | 'change';

export interface ChildRecordFacts {
  readonly childId: string;
  readonly restriction: Restriction;
  readonly allocatedWorkerId: string | null;
  readonly allocatedTeamId: string | null;
  /** The manager named on a restricted record, to ask for access. */
  readonly restrictionContact: { readonly userId: string; readonly displayName: string } | null;
  /** Users holding an unexpired, unrevoked grant on this record at the moment of the request. */
  readonly grantedUserIds: readonly string[];
}

export type AccessBasis =
  | 'allocated-worker'
  | 'team-manager'
  | 'team-member'
  | 'cross-case-role'
  | 'named-grant'
  | 'restriction-contact';

export type AccessDecision =
  | { readonly allowed: true; readonly basis: AccessBasis }
  | { readonly allowed: false; readonly status: 403 | 404; readonly reason: string; readonly message: string };

const NOT_FOUND: AccessDecision = {
  allowed: false,
  status: 404,
  reason: 'sealed-or-missing',
  message: 'Page not found',
};

function refuse(reason: string, message: string): AccessDecision {
  return { allowed: false, status: 403, reason, message };
}

function relationshipBasis(actor: Actor, facts: ChildRecordFacts): AccessBasis | null {
  if (facts.allocatedWorkerId !== null && facts.allocatedWorkerId === actor.userId) return 'allocated-worker';
  const membership = actor.teams.find((t) => t.teamId === facts.allocatedTeamId);
  if (membership?.isManager === true) return 'team-manager';
  if (membership !== undefined) return 'team-member';
  return null;
}

export function decideChildRecordAccess(actor: Actor, action: RecordAction, facts: ChildRecordFacts): AccessDecision {
  const permission = action === 'read' ? 'people:view-child' : 'people:change-child';
  const granted = facts.grantedUserIds.includes(actor.userId);

  if (facts.restriction === 'sealed') {
    // Sealed adoption records: named grants only, for every role including administrators.
    if (!granted) return NOT_FOUND;
    return can(actor, permission) ? { allowed: true, basis: 'named-grant' } : refuse('role', 'Your role does not allow this.');
  }

  if (!can(actor, permission)) {
    return refuse('role', action === 'read' ? 'Your role does not give access to children’s records.' : 'Your role does not allow changes to children’s records.');
  }

  if (facts.restriction === 'restricted') {
    if (facts.allocatedWorkerId === actor.userId) return { allowed: true, basis: 'allocated-worker' };
    if (facts.restrictionContact?.userId === actor.userId) return { allowed: true, basis: 'restriction-contact' };
    if (granted) return { allowed: true, basis: 'named-grant' };
    const ask = facts.restrictionContact === null ? 'the head of service' : facts.restrictionContact.displayName;
    return refuse('restricted', `This is a restricted record. Ask ${ask} if you need access.`);
  }

  const basis = relationshipBasis(actor, facts);
  if (basis !== null) return { allowed: true, basis };
  if (granted) return { allowed: true, basis: 'named-grant' };
  const crossCase = action === 'read' ? CROSS_CASE_ROLES : CROSS_CASE_WRITER_ROLES;
  if (hasAnyRole(actor, crossCase)) return { allowed: true, basis: 'cross-case-role' };
  return refuse(
    'no-relationship',
    action === 'read'
      ? 'You are not allocated to this child and not in their team. Ask the allocated team’s manager if you need access.'
      : 'Only the allocated worker and their team can change this child’s record.',
  );
}
