// Loads the facts the access policy needs for a child's record and applies the policy. Facts are
// read inside the use case's transaction, fresh for each request: a restriction or a removed grant
// takes effect on the very next request.
import type { Transaction } from 'kysely';
import type { Actor } from '../../domain/shared/access/actor.ts';
import {
  decideChildRecordAccess,
  type AccessBasis,
  type ChildRecordFacts,
  type RecordAction,
} from '../../domain/shared/access/child-record-policy.ts';
import { loadChildRecordFacts } from '../../db/people/child-facts-repository.ts';
import type { Database } from '../../db/schema.ts';
import { AccessRefusedError } from './errors.ts';

export async function guardChildRecord(
  trx: Transaction<Database>,
  actor: Actor | null,
  action: RecordAction,
  childId: string,
  now: Date,
): Promise<{ facts: ChildRecordFacts; basis: AccessBasis; actor: Actor }> {
  const subject = { type: 'person', id: childId, childId };
  if (actor === null) throw new AccessRefusedError(403, 'not-signed-in', 'Sign in to continue.', subject);
  const facts = await loadChildRecordFacts(trx, childId, now);
  if (facts === null) throw new AccessRefusedError(404, 'missing', 'Page not found', { type: 'person', id: childId });
  const decision = decideChildRecordAccess(actor, action, facts);
  if (!decision.allowed) throw new AccessRefusedError(decision.status, decision.reason, decision.message, subject);
  return { facts, basis: decision.basis, actor };
}
