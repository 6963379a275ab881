// Access to a strategy discussion is access to each child in it: a group meeting shows each person
// only the children whose records they may open, and a decision is recorded only by someone who may
// change that child's record (DESIGN.md "Records, history, access").
import type { Transaction } from 'kysely';
import { loadChildRecordFacts } from '../../db/people/child-facts-repository.ts';
import {
  discussionChildren,
  loadStrategyDiscussion,
  type StrategyDiscussionChildRow,
  type StrategyDiscussionRow,
} from '../../db/child-protection/strategy-discussion-repository.ts';
import type { Database } from '../../db/schema.ts';
import type { Actor } from '../../domain/shared/access/actor.ts';
import { decideChildRecordAccess, type AccessDecision } from '../../domain/shared/access/child-record-policy.ts';
import { AccessRefusedError, NotFoundError } from '../shared/errors.ts';

export interface ChildInDiscussion extends StrategyDiscussionChildRow {
  readonly mayRead: boolean;
  readonly mayChange: boolean;
}

export interface OpenedDiscussion {
  readonly discussion: StrategyDiscussionRow;
  /** Every child in it, each with what this actor may do on the child's record. */
  readonly children: readonly ChildInDiscussion[];
}

async function decide(trx: Transaction<Database>, actor: Actor, childId: string, action: 'read' | 'change', now: Date): Promise<AccessDecision> {
  const facts = await loadChildRecordFacts(trx, childId, now);
  if (facts === null) return { allowed: false, status: 404, reason: 'missing', message: 'Page not found' };
  return decideChildRecordAccess(actor, action, facts);
}

/**
 * Loads a discussion and each child's access. Refused (and audited by the unit of work) when the actor
 * may not `action` the record of any child in it: 404 if none of them may even be known to exist.
 */
export async function openDiscussion(
  trx: Transaction<Database>,
  actor: Actor | null,
  strategyDiscussionId: string,
  action: 'read' | 'change',
  now: Date,
): Promise<{ actor: Actor } & OpenedDiscussion> {
  if (actor === null) throw new AccessRefusedError(403, 'not-signed-in', 'Sign in to continue.', null);
  const discussion = await loadStrategyDiscussion(trx, strategyDiscussionId);
  if (discussion === undefined) throw new NotFoundError('Strategy discussion');
  const rows = await discussionChildren(trx, strategyDiscussionId);
  const children: ChildInDiscussion[] = [];
  let firstRefusal: (AccessDecision & { allowed: false; childId: string }) | null = null;
  for (const row of rows) {
    const read = await decide(trx, actor, row.childId, 'read', now);
    const change = read.allowed ? await decide(trx, actor, row.childId, 'change', now) : read;
    children.push({ ...row, mayRead: read.allowed, mayChange: change.allowed });
    const relevant = action === 'read' ? read : change;
    if (!relevant.allowed && firstRefusal === null) firstRefusal = { ...relevant, childId: row.childId };
  }
  const permitted = children.some((c) => (action === 'read' ? c.mayRead : c.mayChange));
  if (!permitted) {
    const status = firstRefusal?.status ?? 404;
    const childId = firstRefusal?.childId;
    throw new AccessRefusedError(status, firstRefusal?.reason ?? 'missing', firstRefusal?.message ?? 'Page not found', {
      type: 'strategy-discussion',
      id: strategyDiscussionId,
      ...(status === 404 || childId === undefined ? {} : { childId }),
    });
  }
  return { actor, discussion, children };
}
