// The LA child identifier (migration 0020): backfilled in registration order for people who existed
// before it, given by the database to every person written afterwards, unique and in the form the CIN
// census accepts (letters and digits, at most 20: rules 1570, 1580).
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { connect, type DatabaseHandle } from '../../../src/db/connect.ts';
import { listMigrations } from '../../../src/db/migrate.ts';
import { createTestDatabase } from '../../support/database.ts';

const handles: DatabaseHandle[] = [];
afterAll(async () => {
  for (const h of handles) await h.close();
});

async function person(handle: DatabaseHandle, givenName: string, createdAt: string): Promise<string> {
  const at = new Date(createdAt);
  const row = await handle.db
    .insertInto('person')
    .values({ personType: 'child', givenName, familyName: 'Testperson', createdAt: at, updatedAt: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

describe('person.la_child_id', () => {
  it('numbers the people who existed before the migration in the order they were registered, then carries on', async () => {
    const handle = await connect({});
    handles.push(handle);
    const migrations = listMigrations();
    const before = migrations.filter((m) => m.name < '0020_la_child_id.sql');
    const mine = migrations.find((m) => m.name === '0020_la_child_id.sql');
    expect(mine).toBeDefined();
    for (const m of before) await handle.exec(m.script);
    // Written before the column exists: raw SQL, registered in a different order from their names.
    await sql`insert into person (person_type, given_name, family_name, created_at, updated_at) values
      ('child', 'Second', 'Testperson', '2024-02-01T10:00:00Z', now()),
      ('child', 'First', 'Testperson', '2024-01-01T10:00:00Z', now()),
      ('adult', 'Third', 'Testperson', '2024-03-01T10:00:00Z', now())`.execute(handle.db);
    await handle.exec(mine?.script ?? '');
    const rows = await handle.db.selectFrom('person').select(['givenName', 'laChildId']).orderBy('laChildId').execute();
    expect(rows.map((r) => [r.givenName, r.laChildId])).toEqual([
      ['First', 'C000000001'],
      ['Second', 'C000000002'],
      ['Third', 'C000000003'],
    ]);
    await person(handle, 'Fourth', '2025-01-01T10:00:00Z');
    const fourth = await handle.db.selectFrom('person').select('laChildId').where('givenName', '=', 'Fourth').executeTakeFirstOrThrow();
    expect(fourth.laChildId).toBe('C000000004');
  });

  it('is given at registration, unique, and never a value the census would refuse', async () => {
    const db = await createTestDatabase();
    handles.push(db.handle);
    const a = await person(db.handle, 'Ada', '2025-05-01T10:00:00Z');
    const b = await person(db.handle, 'Bea', '2025-05-01T10:00:00Z');
    const rows = await db.handle.db.selectFrom('person').select(['id', 'laChildId']).where('id', 'in', [a, b]).execute();
    expect(rows).toHaveLength(2);
    for (const r of rows) expect(r.laChildId).toMatch(/^[A-Za-z0-9]{1,20}$/);
    expect(rows[0]?.laChildId).not.toBe(rows[1]?.laChildId);
    await expect(
      db.handle.db
        .updateTable('person')
        .set({ laChildId: rows[0]?.laChildId ?? '' })
        .where('id', '=', b)
        .execute(),
    ).rejects.toThrow(/unique|duplicate/i);
    await expect(db.handle.db.updateTable('person').set({ laChildId: 'C-1' }).where('id', '=', b).execute()).rejects.toThrow(/check|la_child_id_form/i);
  });
});
