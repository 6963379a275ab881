import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { searchPeople } from '../../src/app/people/search-people.ts';
import { viewChildRecord } from '../../src/app/people/view-child-record.ts';
import { DEMO_CHILD_IDS } from '../../src/db/seed/demo-authority.ts';
import { DEMO_USER_IDS } from '../../src/db/seed/users.ts';
import { contextFor, createTestAuthority } from '../support/authority.ts';
import { engineUnderTest, type TestDatabase } from '../support/database.ts';

// On PostgreSQL the hottest statements run as named prepared statements (src/db/prepared-statements.ts):
// with a pool of one connection, what that connection has prepared is what the pages ran.
describe.skipIf(engineUnderTest() !== 'postgres')('prepared statements on PostgreSQL', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestAuthority({ poolSize: 1 });
  });
  afterAll(async () => {
    await database.close();
  });

  const preparedOnConnection = async () =>
    (await sql<{ name: string; statement: string }>`select name, statement from pg_prepared_statements where name like 'hearth\_%'`.execute(database.handle.db)).rows;

  it('prepares the case page’s reads and the audit append once, then reuses them', async () => {
    const ctx = await contextFor(database, DEMO_USER_IDS.socialWorker);
    const first = await viewChildRecord(database.deps, ctx, DEMO_CHILD_IDS.allocated);
    const afterOne = await preparedOnConnection();
    const second = await viewChildRecord(database.deps, ctx, DEMO_CHILD_IDS.allocated);
    const afterTwo = await preparedOnConnection();
    expect(second.record.relationships).toEqual(first.record.relationships);
    expect(afterTwo).toEqual(afterOne);
    const statements = afterOne.map((p) => p.statement);
    expect(statements.some((s) => s.includes('from "person"') && s.includes('access_grant'))).toBe(true);
    expect(statements.some((s) => s.includes('as merged_from'))).toBe(true);
    expect(statements.some((s) => s.includes('update audit_chain_head'))).toBe(true);
  });

  it('prepares the search’s candidate load, not the lookups built from what was typed', async () => {
    const ctx = await contextFor(database, DEMO_USER_IDS.mashPractitioner);
    const before = (await preparedOnConnection()).length;
    const found = await searchPeople(database.deps, ctx, { name: 'Quinlan' });
    expect(found.hits.length).toBeGreaterThan(0);
    const after = await preparedOnConnection();
    expect(after.length).toBe(before + 1);
    expect(after.some((p) => p.statement.includes('"person"."id" = any') || p.statement.includes('person.id = any'))).toBe(true);
    expect(after.some((p) => p.statement.includes('dmetaphone'))).toBe(false);
  });
});
