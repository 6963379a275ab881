import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appendAuditEvent, hashAuditRow, verifyAuditChain } from '../../src/db/shared/audit-repository.ts';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';

let database: TestDatabase;
const context = { actorUserId: null, actorLabel: 'tester', requestId: 'r1', ip: '127.0.0.1' };

beforeEach(async () => {
  database = await createTestDatabase();
  const { db } = database.handle;
  for (let i = 0; i < 6; i += 1) {
    await db.transaction().execute((trx) =>
      appendAuditEvent(trx, context, { action: 'test.thing.done', subjectType: 'thing', subjectId: String(i), changes: { n: i, note: 'ünïcødé ✓', nested: { b: 1, a: [1, 2] }, snake_key: { inner_key: 'kept as written' } } }, new Date(Date.UTC(2026, 0, 1, 9, 0, i))),
    );
  }
});
afterEach(async () => {
  await database.close();
});

/** Someone with full database access bypasses the append-only trigger to tamper. */
async function asAttacker(fn: () => Promise<unknown>): Promise<void> {
  const { db } = database.handle;
  await sql`alter table audit_event disable trigger audit_event_no_update`.execute(db);
  await fn();
  await sql`alter table audit_event enable trigger audit_event_no_update`.execute(db);
}

describe('the audit hash chain', () => {
  it('verifies an untouched chain', async () => {
    expect(await verifyAuditChain(database.handle.db)).toEqual({ ok: true, checked: 6, firstBreak: null });
  });

  it('keeps one unforked chain when many transactions append at once (the head lock serialises them)', async () => {
    const { db } = database.handle;
    await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        db.transaction().execute(async (trx) => {
          await sql`select 1`.execute(trx);
          return appendAuditEvent(trx, context, { action: 'test.thing.viewed', subjectType: 'thing', subjectId: `c${String(i)}`, changes: { i } }, new Date(Date.UTC(2026, 0, 2, 9, 0, i)));
        }),
      ),
    );
    const rows = await db.selectFrom('auditEvent').select(['seq', 'prevHash', 'hash']).orderBy('seq').execute();
    expect(rows.map((r) => r.seq)).toEqual(Array.from({ length: 18 }, (_, i) => String(i + 1)));
    expect(new Set(rows.map((r) => r.prevHash)).size).toBe(18);
    expect(await verifyAuditChain(db)).toEqual({ ok: true, checked: 18, firstBreak: null });
  });

  it('computes in the database the hash the verifier recomputes: SHA-256 of the previous hash and the canonical row', async () => {
    const { db } = database.handle;
    const row = await db.selectFrom('auditEvent').selectAll().where('seq', '=', '6').executeTakeFirstOrThrow();
    const previous = await db.selectFrom('auditEvent').select('hash').where('seq', '=', '5').executeTakeFirstOrThrow();
    expect(row.prevHash).toBe(previous.hash);
    expect(row.hash).toBe(
      hashAuditRow(previous.hash, { ...row, occurredAt: row.occurredAt.toISOString() }),
    );
  });

  it('follows a head moved on outside the append (as the synthetic history does) from the head itself', async () => {
    const { db } = database.handle;
    const last = await db.selectFrom('auditEvent').select(['seq', 'hash']).where('seq', '=', '6').executeTakeFirstOrThrow();
    await sql`update audit_chain_head set seq = ${last.seq}, hash = ${last.hash}, prev_hash = ${'9'.repeat(64)} where id = 1`.execute(db);
    await db.transaction().execute((trx) => appendAuditEvent(trx, context, { action: 'test.thing.done' }, new Date(Date.UTC(2026, 0, 3))));
    expect(await verifyAuditChain(db)).toEqual({ ok: true, checked: 7, firstBreak: null });
  });

  it('detects a changed field', async () => {
    await asAttacker(() => database.handle.db.updateTable('auditEvent').set({ actorLabel: 'someone else' }).where('seq', '=', '3').execute());
    const result = await verifyAuditChain(database.handle.db);
    expect(result.ok).toBe(false);
    expect(result.firstBreak?.seq).toBe('3');
  });

  it('detects a changed JSON value', async () => {
    await asAttacker(() => database.handle.db.updateTable('auditEvent').set({ changes: JSON.stringify({ n: 99 }) }).where('seq', '=', '2').execute());
    expect((await verifyAuditChain(database.handle.db)).firstBreak?.seq).toBe('2');
  });

  it('detects a deleted row', async () => {
    await asAttacker(() => database.handle.db.deleteFrom('auditEvent').where('seq', '=', '4').execute());
    const result = await verifyAuditChain(database.handle.db);
    expect(result.firstBreak).toEqual({ seq: '4', problem: 'row 4 is missing' });
  });

  it('detects a truncated tail', async () => {
    await asAttacker(() => database.handle.db.deleteFrom('auditEvent').where('seq', '>=', '5').execute());
    const result = await verifyAuditChain(database.handle.db);
    expect(result.ok).toBe(false);
    expect(result.firstBreak?.seq).toBe('5');
  });

  it('detects two rows swapped', async () => {
    const { db } = database.handle;
    await asAttacker(async () => {
      await db.updateTable('auditEvent').set({ seq: '100' }).where('seq', '=', '2').execute();
      await db.updateTable('auditEvent').set({ seq: '2' }).where('seq', '=', '3').execute();
      await db.updateTable('auditEvent').set({ seq: '3' }).where('seq', '=', '100').execute();
    });
    expect((await verifyAuditChain(db)).firstBreak?.seq).toBe('2');
  });

  it('detects a forged row appended without the chain', async () => {
    await database.handle.db
      .insertInto('auditEvent')
      .values({ seq: '7', occurredAt: new Date(), actorLabel: 'forger', action: 'test.thing.forged', outcome: 'success', prevHash: 'f'.repeat(64), hash: 'e'.repeat(64) })
      .execute();
    expect((await verifyAuditChain(database.handle.db)).firstBreak?.seq).toBe('7');
  });
});
