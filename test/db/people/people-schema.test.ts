// The code lists in src/domain agree with the CHECK constraints of migration 0005, and the
// soundex the scoring function uses agrees with PostgreSQL's.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DISABILITY_CODES } from '../../../src/domain/shared/codes/dfe/disability.ts';
import { ETHNICITY_CODES } from '../../../src/domain/shared/codes/dfe/ethnicity.ts';
import { IMMIGRATION_STATUS_CODES, RELIGION_CODES } from '../../../src/domain/people/person-codes.ts';
import { RELATIONSHIP_CODES } from '../../../src/domain/people/relationships.ts';
import { soundex } from '../../../src/domain/people/name-matching.ts';
import { createTestDatabase, type TestDatabase } from '../../support/database.ts';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.close();
});

async function insertable(values: Record<string, unknown>): Promise<boolean> {
  try {
    await database.handle.db.transaction().execute(async (trx) => {
      await trx.insertInto('person').values({ personType: 'child', givenName: 'Test', familyName: 'Person', ...values }).execute();
      throw new Error('rollback');
    });
  } catch (error) {
    return error instanceof Error && error.message === 'rollback';
  }
  return true;
}

describe('migration 0005 and the domain code lists', () => {
  it('accepts every code the domain offers, and refuses one it does not', async () => {
    for (const ethnicity of ETHNICITY_CODES) expect(await insertable({ ethnicity })).toBe(true);
    for (const religion of RELIGION_CODES) expect(await insertable({ religion })).toBe(true);
    for (const immigrationStatus of IMMIGRATION_STATUS_CODES) expect(await insertable({ immigrationStatus })).toBe(true);
    for (const code of DISABILITY_CODES) expect(await insertable({ disabilities: [code] })).toBe(true);
    expect(await insertable({ ethnicity: 'XXXX' })).toBe(false);
    expect(await insertable({ disabilities: ['NONE', 'MOB'] })).toBe(false);
    expect(await insertable({ upn: 'H80120000100' })).toBe(false);
  });

  it('accepts every relationship code', async () => {
    const [a, b] = await database.handle.db
      .insertInto('person')
      .values([{ personType: 'adult', givenName: 'A', familyName: 'A' }, { personType: 'adult', givenName: 'B', familyName: 'B' }])
      .returning('id')
      .execute();
    for (const relationship of RELATIONSHIP_CODES) {
      await database.handle.db.insertInto('personRelationship').values({ personId: a?.id ?? '', relatedPersonId: b?.id ?? '', relationship }).execute();
    }
    const n = await database.handle.db.selectFrom('personRelationship').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    expect(Number(n.n)).toBe(RELATIONSHIP_CODES.length);
  });

  it('computes the search keys as the matching code expects', async () => {
    const names = ['Smith', 'Smyth', 'Ashcraft', 'Tymczak', 'Pfister', 'Lee', 'Quinlan', 'Okonjo-Reyes', 'Jon', 'Robert'];
    const rows = await sql<{ name: string; code: string }>`select n as name, soundex(n) as code from unnest(${names}::text[]) as n`.execute(database.handle.db);
    for (const r of rows.rows) expect(soundex(r.name)).toBe(r.code);
    const inserted = await database.handle.db.insertInto('person').values({ personType: 'adult', givenName: 'Jon', familyName: 'Smith', postcode: 'mk9 3hs' }).returning(['searchName', 'familySx', 'givenDm', 'postcodeKey']).executeTakeFirstOrThrow();
    expect(inserted).toEqual({ searchName: 'jon smith', familySx: 'S530', givenDm: 'JN', postcodeKey: 'MK93HS' });
  });
});
