// Every page of a child's record opens the same way: the access guard for what the page does, then
// the facts the identity bar shows. Both happen inside the page's own unit of work and audit event.
import type { Transaction } from 'kysely';
import { loadChildRecordFacts } from '../../db/people/child-facts-repository.ts';
import { loadChildRecordSummary, type ChildRecordSummary } from '../../db/people/child-record-repository.ts';
import type { Database } from '../../db/schema.ts';
import type { Actor } from '../../domain/shared/access/actor.ts';
import { decideChildRecordAccess, type AccessBasis, type RecordAction } from '../../domain/shared/access/child-record-policy.ts';
import { guardChildRecord } from '../shared/access-guard.ts';
import { NotFoundError } from '../shared/errors.ts';

export type ChildHeader = ChildRecordSummary;

export interface OpenedChildRecord {
  readonly actor: Actor;
  readonly basis: AccessBasis;
  readonly child: ChildHeader;
}

export async function openChildRecord(
  trx: Transaction<Database>,
  actor: Actor | null,
  action: RecordAction,
  childId: string,
  now: Date,
): Promise<OpenedChildRecord> {
  const guarded = await guardChildRecord(trx, actor, action, childId, now);
  const child = await loadChildRecordSummary(trx, childId);
  if (child === undefined) throw new NotFoundError('Child');
  return { actor: guarded.actor, basis: guarded.basis, child };
}

/** Whether the actor may also change this record (to offer "Add…" buttons on a page they can read). */
export async function mayChangeChildRecord(trx: Transaction<Database>, actor: Actor, childId: string, now: Date): Promise<boolean> {
  const facts = await loadChildRecordFacts(trx, childId, now);
  return facts !== null && decideChildRecordAccess(actor, 'change', facts).allowed;
}
