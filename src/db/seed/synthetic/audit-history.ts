// Years of audit history: the allocated worker opens a child's record about once a fortnight while
// the case is open (CFG). Events are gathered compactly while families are written, then sorted by
// time and appended to the hash chain after the current head, so `hearth verify-audit` still
// passes and the audit table has the size a live authority's would.
import { sql, type Transaction } from 'kysely';
import type { ChainedAuditRow } from '../../../domain/shared/audit/audit-event.ts';
import type { Database } from '../../schema.ts';
import { hashAuditRow } from '../../shared/audit-repository.ts';
import { insertRows, type Row, type TableSpec } from './bulk-insert.ts';

const DAY_MS = 86_400_000;

export const AUDIT_TABLE: TableSpec = {
  table: 'audit_event',
  columns: [
    ['seq', 'bigint'],
    ['occurred_at', 'timestamptz'],
    ['actor_user_id', 'uuid'],
    ['actor_label', 'text'],
    ['action', 'text'],
    ['outcome', 'text'],
    ['subject_type', 'text'],
    ['subject_id', 'text'],
    ['child_id', 'uuid'],
    ['request_id', 'text'],
    ['ip', 'text'],
    ['changes', 'jsonb'],
    ['prev_hash', 'text'],
    ['hash', 'text'],
  ],
};

/** Record views gathered in growable typed arrays (millions of events stay small in memory). */
export class AuditHistory {
  private times = new Float64Array(1 << 16);
  private actors = new Int32Array(1 << 16);
  private children = new Int32Array(1 << 16);
  private size = 0;
  private readonly actorIds: string[] = [];
  private readonly actorLabels: string[] = [];
  private readonly actorIndex = new Map<string, number>();
  private readonly childIds: string[] = [];

  get count(): number {
    return this.size;
  }

  actor(id: string, label: string): number {
    let i = this.actorIndex.get(id);
    if (i === undefined) {
      i = this.actorIds.length;
      this.actorIds.push(id);
      this.actorLabels.push(label);
      this.actorIndex.set(id, i);
    }
    return i;
  }

  child(id: string): number {
    this.childIds.push(id);
    return this.childIds.length - 1;
  }

  add(atMs: number, actor: number, child: number): void {
    if (this.size === this.times.length) {
      const grow = <T extends Float64Array | Int32Array>(a: T, make: (n: number) => T): T => {
        const b = make(a.length * 2);
        b.set(a);
        return b;
      };
      this.times = grow(this.times, (n) => new Float64Array(n));
      this.actors = grow(this.actors, (n) => new Int32Array(n));
      this.children = grow(this.children, (n) => new Int32Array(n));
    }
    this.times[this.size] = atMs;
    this.actors[this.size] = actor;
    this.children[this.size] = child;
    this.size += 1;
  }

  /** Views of one allocation: every 10-20 days from start to end (at most 60). */
  addViews(actor: number, child: number, startDay: number, endDay: number, jitter: () => number): void {
    let day = startDay + 1;
    for (let n = 0; n < 60 && day <= endDay; n += 1) {
      this.add(day * DAY_MS + (8 * 60 + (jitter() % 600)) * 60_000, actor, child);
      day += 10 + (jitter() % 11);
    }
  }

  /** Appends every event to the chain, oldest first, after the current head. */
  async write(trx: Transaction<Database>, onProgress: (done: number) => void): Promise<number> {
    const order = new Uint32Array(this.size);
    for (let i = 0; i < this.size; i += 1) order[i] = i;
    const times = this.times;
    order.sort((a, b) => (times[a] ?? 0) - (times[b] ?? 0) || a - b);
    const head = await trx.selectFrom('auditChainHead').select(['seq', 'hash']).where('id', '=', 1).forUpdate().executeTakeFirstOrThrow();
    let seq = BigInt(head.seq);
    let prevHash = head.hash;
    const batch: Row[] = [];
    const changes = { basis: 'allocated-worker', view: 'summary' };
    const changesText = JSON.stringify(changes);
    for (let k = 0; k < order.length; k += 1) {
      const i = order[k] ?? 0;
      seq += 1n;
      const actorIndex = this.actors[i] ?? 0;
      const childId = this.childIds[this.children[i] ?? 0] ?? null;
      const row: ChainedAuditRow = {
        seq: String(seq),
        occurredAt: new Date(times[i] ?? 0).toISOString(),
        actorUserId: this.actorIds[actorIndex] ?? null,
        actorLabel: this.actorLabels[actorIndex] ?? 'unknown',
        action: 'people.child-record.viewed',
        outcome: 'success',
        subjectType: 'person',
        subjectId: childId,
        childId,
        requestId: null,
        ip: null,
        changes,
      };
      const hash = hashAuditRow(prevHash, row);
      batch.push([
        row.seq,
        row.occurredAt,
        row.actorUserId,
        row.actorLabel,
        row.action,
        row.outcome,
        row.subjectType,
        row.subjectId,
        row.childId,
        null,
        null,
        changesText,
        prevHash,
        hash,
      ]);
      prevHash = hash;
      if (batch.length === 10_000) {
        await insertRows(trx, AUDIT_TABLE, batch);
        batch.length = 0;
        onProgress(k + 1);
      }
    }
    await insertRows(trx, AUDIT_TABLE, batch);
    onProgress(order.length);
    await sql`update audit_chain_head set seq = ${String(seq)}, hash = ${prevHash} where id = 1`.execute(trx);
    return this.size;
  }
}
