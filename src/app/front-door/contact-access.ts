// Who may see or work on a contact (issue 5): before its children are linked to records, only the
// MASH (the front-door roles); once linked, the children's record rules decide, for every linked child
// (a contact about a restricted child is refused to anyone that child's record would refuse).
import type { Transaction } from 'kysely';
import { contactPeople, type ContactPersonRow } from '../../db/front-door/contact-repository.ts';
import type { Database } from '../../db/schema.ts';
import type { Actor } from '../../domain/shared/access/actor.ts';
import type { RecordAction } from '../../domain/shared/access/child-record-policy.ts';
import { can, type Permission } from '../../domain/shared/access/permissions.ts';
import { guardChildRecord } from '../shared/access-guard.ts';
import { AccessRefusedError, NotFoundError } from '../shared/errors.ts';

export interface GuardedContact {
  readonly actor: Actor;
  readonly people: readonly ContactPersonRow[];
  readonly linkedChildIds: readonly string[];
}

export async function guardContact(
  trx: Transaction<Database>,
  actor: Actor | null,
  action: RecordAction,
  contactId: string,
  now: Date,
  permission: Permission = 'front-door:view-queue',
): Promise<GuardedContact> {
  const subject = { type: 'contact', id: contactId };
  if (actor === null) throw new AccessRefusedError(403, 'not-signed-in', 'Sign in to continue.', subject);
  const people = await contactPeople(trx, contactId);
  if (people.length === 0) throw new NotFoundError('Contact');
  const linkedChildIds = [...new Set(people.filter((p) => p.role === 'child' && p.personId !== null).map((p) => p.personId ?? ''))];
  const mash = can(actor, permission);
  if (linkedChildIds.length === 0 || action === 'change') {
    // Screening and decisions are front-door work, whoever holds the child's record.
    if (!mash) throw new AccessRefusedError(403, 'role', 'Only the MASH can see or work on a contact before its children are linked to their records.', subject);
  }
  for (const childId of linkedChildIds) await guardChildRecord(trx, actor, action, childId, now);
  return { actor, people, linkedChildIds };
}
