// Appends to and verifies the hash-chained audit log. Appends lock the chain head row in the
// caller's transaction, so on PostgreSQL concurrent writers serialise and the chain never forks.
// The lock is held from the append to the commit: use cases audit last (after their reads and
// writes), and the append is one statement, so the lock is held for that statement and the commit
// (ADR 0007). Why the lock stays (rather than per-child chains or a background chainer) is in the
// README's Performance section.
import { createHash } from 'node:crypto';
import { sql, type Kysely, type Transaction } from 'kysely';
import {
  canonicalAuditTail,
  canonicalAuditText,
  GENESIS_HASH,
  type AuditContext,
  type AuditEventInput,
  type ChainedAuditRow,
} from '../../domain/shared/audit/audit-event.ts';
import type { Database } from '../schema.ts';
import { prepared } from '../prepared-statements.ts';

export function hashAuditRow(prevHash: string, row: ChainedAuditRow): string {
  return createHash('sha256').update(prevHash).update(canonicalAuditText(row)).digest('hex');
}

export async function appendAuditEvent(
  trx: Transaction<Database>,
  context: AuditContext,
  event: AuditEventInput,
  occurredAt: Date,
): Promise<string> {
  const changes = event.changes ?? null;
  const tail = canonicalAuditTail({
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
    changes,
  });
  // One statement: the UPDATE locks the head row and, from the row it locked (the latest version,
  // after waiting for any other append to commit), takes the next seq and computes
  // hash = SHA-256(prev_hash ‖ canonical text) — the canonical text being `["<seq>",` and the tail
  // computed above, so exactly hashAuditRow's input — then the insert writes the event with both
  // hashes. The lock is held from this statement to the commit: one round trip fewer than reading
  // the head first and hashing in JavaScript (ADR 0007).
  const appended = sql<{ seq: string }>`
    with head as (
      update audit_chain_head
         set seq = seq + 1,
             prev_hash = hash,
             hash = encode(sha256(convert_to(hash || '["' || (seq + 1)::text || '",' || ${tail}::text, 'UTF8')), 'hex')
       where id = 1
      returning seq, prev_hash, hash
    )
    insert into audit_event (seq, occurred_at, actor_user_id, actor_label, action, outcome, subject_type, subject_id, child_id, request_id, ip, changes, prev_hash, hash)
    select head.seq, ${occurredAt}::timestamptz, ${context.actorUserId}::uuid, ${context.actorLabel}::text, ${event.action}::text,
           ${event.outcome ?? 'success'}::text, ${event.subjectType ?? null}::text, ${event.subjectId ?? null}::text, ${event.childId ?? null}::uuid,
           ${context.requestId}::text, ${context.ip}::text, ${changes === null ? null : JSON.stringify(changes)}::jsonb, head.prev_hash, head.hash
      from head
    returning seq`;
  // Every write and every record view appends: a named prepared statement (src/db/prepared-statements.ts).
  const seq = (await trx.executeQuery(prepared(appended.compile(trx)))).rows[0]?.seq;
  if (seq === undefined) throw new Error('The audit chain head is missing');
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
