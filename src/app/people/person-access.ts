// The access guard for any person's record (children, unborn children and adults): loads the facts
// inside the use case's transaction and applies src/domain/people/person-access.ts. A child's record
// is decided exactly as guardChildRecord decides it.
import type { Transaction } from 'kysely';
import { loadPersonAccessFacts, type PersonAccessFacts } from '../../db/people/person-repository.ts';
import type { Database } from '../../db/schema.ts';
import type { Actor } from '../../domain/shared/access/actor.ts';
import type { RecordAction } from '../../domain/shared/access/child-record-policy.ts';
import { decidePersonAccess } from '../../domain/people/person-access.ts';
import { AccessRefusedError } from '../shared/errors.ts';

export interface GuardedPerson extends PersonAccessFacts {
  readonly actor: Actor;
  readonly basis: string;
  readonly isChild: boolean;
}

export async function guardPerson(trx: Transaction<Database>, actor: Actor | null, action: RecordAction, personId: string, now: Date): Promise<GuardedPerson> {
  const loaded = await loadPersonAccessFacts(trx, personId, now);
  const isChild = loaded !== null && loaded.personType !== 'adult';
  const subject = { type: 'person', id: personId, ...(isChild ? { childId: personId } : {}) };
  if (actor === null) throw new AccessRefusedError(403, 'not-signed-in', 'Sign in to continue.', subject);
  if (loaded === null) throw new AccessRefusedError(404, 'missing', 'Page not found', { type: 'person', id: personId });
  const decision = decidePersonAccess(actor, action, loaded.personType, loaded.facts);
  if (!decision.allowed) throw new AccessRefusedError(decision.status, decision.reason, decision.message, subject);
  return { ...loaded, actor, basis: decision.basis, isChild };
}
