// Record-level access to any person's record. A child's or unborn child's record follows the one
// child-record policy (src/domain/shared/access/child-record-policy.ts). An adult's record (a parent,
// a relative, a carer) has no allocation of its own: anyone whose role opens children's records may
// open an ordinary adult record, and only people allowed to change children's records may change
// it; a restricted or sealed adult record follows the same named-contact and named-grant rules as a
// child's.
import type { Actor } from '../shared/access/actor.ts';
import { decideChildRecordAccess, type AccessDecision, type ChildRecordFacts, type RecordAction } from '../shared/access/child-record-policy.ts';
import { can } from '../shared/access/permissions.ts';
import type { PersonType } from './person-codes.ts';

export type PersonAccessDecision = AccessDecision | { readonly allowed: true; readonly basis: 'adult-record' };

export function decidePersonAccess(actor: Actor, action: RecordAction, personType: PersonType, facts: ChildRecordFacts): PersonAccessDecision {
  if (personType !== 'adult' || facts.restriction !== 'none') return decideChildRecordAccess(actor, action, facts);
  const permission = action === 'read' ? 'people:view-child' : 'people:change-child';
  if (can(actor, permission)) return { allowed: true, basis: 'adult-record' };
  return {
    allowed: false,
    status: 403,
    reason: 'role',
    message: action === 'read' ? 'Your role does not give access to people’s records.' : 'Your role does not allow changes to people’s records.',
  };
}
