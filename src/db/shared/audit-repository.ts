// Appends to and verifies the hash-chained audit log. Appends lock the chain head row in the
// caller's transaction, so on PostgreSQL concurrent writers serialise and the chain never forks.
// The lock is held from the append to the commit: use cases audit last (after their reads and
// writes), and the append takes two round trips under the lock. Why the lock stays (rather than
// per-child chains or a background chainer) is in the README's Performance section.
import { createHash } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import {
  canonicalAuditText,
  GENESIS_HASH,
  type AuditContext,
  type AuditEventInput,
  type ChainedAuditRow,
} from '../../domain/shared/audit/audit-event.ts';
import type { Database } from '../schema.ts';

export function hashAuditRow(prevHash: string, row: ChainedAuditRow): string {
  return createHash('sha256').update(prevHash).update(canonicalAuditText(row)).digest('hex');
}

export async function appendAuditEvent(
  trx: Transaction<Database>,
  context: AuditContext,
  event: AuditEventInput,
  occurredAt: Date,
): Promise<string> {
  const head = await trx.selectFrom('auditChainHead').select(['seq', 'hash']).where('id', '=', 1).forUpdate().executeTakeFirstOrThrow();
  const seq = String(BigInt(head.seq) + 1n);
  const row: ChainedAuditRow = {
    seq,
    occurredAt: occurredAt.toISOString(),
    actorUserId: context.actorUserId,
    actorLabel: context.actorLabel,
    action: event.action,
    outcome: event.outcome ?? 'success',
    subjectType: event.subjectType ?? null,
    subjectId: event.subjectId ?? null,
    childId: event.childId ?? null,
    requestId: context.requestId,
    ip: context.ip,
    changes: event.changes ?? null,
  };
  const hash = hashAuditRow(head.hash, row);
  // The row and the new head in one statement (a data-modifying WITH runs to completion whether or
  // not the outer statement reads it): the head row stays locked until commit, so every round trip
  // after the `for update` above is time other audited requests wait. Two round trips under the lock
  // instead of three, with the same rows and hashes.
  await trx
    .with('appended', (db) =>
      db
        .insertInto('auditEvent')
        .values({
          ...row,
          occurredAt,
          changes: row.changes === null ? null : JSON.stringify(row.changes),
          prevHash: head.hash,
          hash,
        })
        .returning('seq'),
    )
    .updateTable('auditChainHead')
    .set({ seq, hash })
    .where('id', '=', 1)
    .execute();
  return seq;
}

export interface ChainVerification {
  readonly ok: boolean;
  readonly checked: number;
  /** The first sequence number at which the chain breaks, with what is wrong there. */
  readonly firstBreak: { readonly seq: string; readonly problem: string } | null;
}

const BATCH = 5_000;

export async function verifyAuditChain(db: Kysely<Database>): Promise<ChainVerification> {
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1n;
  let checked = 0;
  for (;;) {
    const rows = await db
      .selectFrom('auditEvent')
      .selectAll()
      .where('seq', '>=', String(expectedSeq))
      .orderBy('seq')
      .limit(BATCH)
      .execute();
    for (const r of rows) {
      const seq = BigInt(r.seq);
      if (seq !== expectedSeq) return broken(checked, String(expectedSeq), `row ${String(expectedSeq)} is missing`);
      if (r.prevHash !== prevHash) return broken(checked, r.seq, 'it does not follow the row before it');
      const row: ChainedAuditRow = {
        seq: r.seq,
        occurredAt: r.occurredAt.toISOString(),
        actorUserId: r.actorUserId,
        actorLabel: r.actorLabel,
        action: r.action,
        outcome: r.outcome,
        subjectType: r.subjectType,
        subjectId: r.subjectId,
        childId: r.childId,
        requestId: r.requestId,
        ip: r.ip,
        changes: r.changes,
      };
      if (hashAuditRow(prevHash, row) !== r.hash) return broken(checked, r.seq, 'its content does not match its hash');
      prevHash = r.hash;
      expectedSeq += 1n;
      checked += 1;
    }
    if (rows.length < BATCH) break;
  }
  const head = await db.selectFrom('auditChainHead').select(['seq', 'hash']).where('id', '=', 1).executeTakeFirstOrThrow();
  if (BigInt(head.seq) !== expectedSeq - 1n || head.hash !== prevHash) {
    return broken(checked, String(expectedSeq), `the chain head says row ${head.seq} but the log ends at row ${String(expectedSeq - 1n)}`);
  }
  return { ok: true, checked, firstBreak: null };
}

function broken(checked: number, seq: string, problem: string): ChainVerification {
  return { ok: false, checked, firstBreak: { seq, problem } };
}
