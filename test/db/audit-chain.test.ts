import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appendAuditEvent, verifyAuditChain } from '../../src/db/shared/audit-repository.ts';
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
