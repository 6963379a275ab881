import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listMigrations, migrate } from '../../src/db/migrate.ts';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.close();
});

describe('migrations', () => {
  it('applies every migration once and records it', async () => {
    const rows = await database.handle.db.selectFrom('schemaMigration').select('name').orderBy('name').execute();
    expect(rows.map((r) => r.name)).toEqual(listMigrations().map((m) => m.name));
    expect((await migrate(database.handle)).applied).toEqual([]);
  });

  it('refuses a migration that was edited after it was applied', async () => {
    await database.handle.db.updateTable('schemaMigration').set({ checksum: 'edited' }).where('name', '=', '0001_extensions.sql').execute();
    await expect(migrate(database.handle)).rejects.toThrow(/changed after it was applied/);
    const original = listMigrations()[0]?.checksum ?? '';
    await database.handle.db.updateTable('schemaMigration').set({ checksum: original }).where('name', '=', '0001_extensions.sql').execute();
  });

  it('loads the fuzzy-matching extensions', async () => {
    const { rows } = await sql<{ s: number; code: string }>`select similarity('Jon', 'John') as s, soundex('Smith') as code`.execute(database.handle.db);
    expect(rows[0]?.code).toBe('S530');
    expect(rows[0]?.s).toBeGreaterThan(0);
  });

  it('keeps calendar dates as ISO text on both engines', async () => {
    const { rows } = await sql<{ d: unknown }>`select date '2026-03-29' as d`.execute(database.handle.db);
    expect(rows[0]?.d).toBe('2026-03-29');
  });
});

describe('the audit log is append-only in the database', () => {
  it('refuses UPDATE, DELETE and TRUNCATE', async () => {
    const { db } = database.handle;
    await db.transaction().execute(async (trx) => {
      const { appendAuditEvent } = await import('../../src/db/shared/audit-repository.ts');
      await appendAuditEvent(trx, { actorUserId: null, actorLabel: 'test', requestId: null, ip: null }, { action: 'test.row.written' }, new Date());
    });
    await expect(db.updateTable('auditEvent').set({ action: 'test.row.altered' }).execute()).rejects.toThrow(/append-only/);
    await expect(db.deleteFrom('auditEvent').execute()).rejects.toThrow(/append-only/);
    await expect(sql`truncate audit_event`.execute(db)).rejects.toThrow(/append-only/);
    const count = await db.selectFrom('auditEvent').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(1);
  });
});
