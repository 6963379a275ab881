import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { searchPeople, type PersonHit } from '../../../src/app/people/search-people.ts';
import { ValidationError, AccessRefusedError } from '../../../src/app/shared/errors.ts';
import { DEMO_CHILD_IDS } from '../../../src/db/seed/demo-authority.ts';
import { DEMO_PEOPLE_IDS } from '../../../src/db/seed/demo-people.ts';
import { DEMO_USER_IDS } from '../../../src/db/seed/users.ts';
import { auditRows, contextFor, createTestAuthority } from '../../support/authority.ts';
import type { TestDatabase } from '../../support/database.ts';

let database: TestDatabase;
let child: { givenName: string; familyName: string; dateOfBirth: string; nhsNumber: string; postcode: string };

beforeAll(async () => {
  database = await createTestAuthority();
  const row = await database.handle.db
    .selectFrom('person')
    .select(['givenName', 'familyName', 'dateOfBirth', 'nhsNumber', 'postcode'])
    .where('id', '=', DEMO_CHILD_IDS.allocated)
    .executeTakeFirstOrThrow();
  child = { givenName: row.givenName, familyName: row.familyName, dateOfBirth: row.dateOfBirth ?? '', nhsNumber: row.nhsNumber ?? '', postcode: row.postcode ?? '' };
});
afterAll(async () => {
  await database.close();
});

const ids = (hits: readonly PersonHit[]) => hits.flatMap((h) => (h.kind === 'person' ? [h.id] : []));

async function search(userId: string, query: Parameters<typeof searchPeople>[2]) {
  return searchPeople(database.deps, await contextFor(database, userId), query);
}

/** One slip: the two letters after the first swapped ("Smith" -> "Stmih" is not it; "Smith" -> "Mmith" neither). */
function transposeInside(name: string): string {
  if (name.length < 4) return name;
  return `${name.slice(0, 1)}${name.charAt(2)}${name.charAt(1)}${name.slice(3)}`;
}

describe('searching people by name', () => {
  it('finds the exact name, with why it matched, and audits the search with the ids shown', async () => {
    const result = await search(DEMO_USER_IDS.socialWorker, { name: `${child.givenName} ${child.familyName}` });
    expect(ids(result.hits)).toContain(DEMO_CHILD_IDS.allocated);
    const hit = result.hits.find((h) => h.kind === 'person' && h.id === DEMO_CHILD_IDS.allocated);
    expect(hit?.kind === 'person' ? hit.reasons : []).toContain('Same first and last name');
    const audit = (await auditRows(database, 'people.search.performed')).at(-1);
    expect(audit).toMatchObject({ actorUserId: DEMO_USER_IDS.socialWorker, outcome: 'success' });
    expect(JSON.stringify(audit?.changes)).toContain(DEMO_CHILD_IDS.allocated);
  });

  it('finds a typo in the family name', async () => {
    const result = await search(DEMO_USER_IDS.socialWorker, { name: `${child.givenName} ${transposeInside(child.familyName)}` });
    expect(ids(result.hits)).toContain(DEMO_CHILD_IDS.allocated);
  });

  it('finds first and last names the wrong way round', async () => {
    const result = await search(DEMO_USER_IDS.socialWorker, { name: `${child.familyName} ${child.givenName}` });
    expect(ids(result.hits)).toContain(DEMO_CHILD_IDS.allocated);
  });

  it('finds Jonathan when searching for Jon, and the other way round', async () => {
    const jon = await search(DEMO_USER_IDS.socialWorker, { name: 'Jon Quinlan' });
    expect(ids(jon.hits)).toContain(DEMO_PEOPLE_IDS.duplicateOriginal);
    expect(ids(jon.hits)).toContain(DEMO_PEOPLE_IDS.duplicateSecond);
    const jonathan = await search(DEMO_USER_IDS.socialWorker, { name: 'Jonathan Quinlan' });
    expect(ids(jonathan.hits)).toContain(DEMO_PEOPLE_IDS.duplicateSecond);
  });

  it('finds a name that sounds the same', async () => {
    const result = await search(DEMO_USER_IDS.socialWorker, { name: 'Jonathon Quinlann' });
    expect(ids(result.hits)).toContain(DEMO_PEOPLE_IDS.duplicateOriginal);
  });

  it('finds a person by a former name', async () => {
    const result = await search(DEMO_USER_IDS.socialWorker, { name: `${child.givenName} Ellwood` });
    expect(ids(result.hits)).toContain(DEMO_CHILD_IDS.allocated);
  });

  it('finds by last name alone', async () => {
    const result = await search(DEMO_USER_IDS.socialWorker, { name: 'Quinlan' });
    expect(ids(result.hits)).toEqual(expect.arrayContaining([DEMO_PEOPLE_IDS.duplicateOriginal, DEMO_PEOPLE_IDS.duplicateSecond, DEMO_PEOPLE_IDS.duplicateMother]));
  });
});

describe('searching by identifiers', () => {
  it('finds by date of birth alone, exactly', async () => {
    const result = await search(DEMO_USER_IDS.socialWorker, { dateOfBirth: child.dateOfBirth });
    expect(ids(result.hits)).toContain(DEMO_CHILD_IDS.allocated);
    for (const h of result.hits) if (h.kind === 'person') expect(h.dateOfBirth).toBe(child.dateOfBirth);
  });

  it('narrows a name by date of birth, allowing day and month swapped', async () => {
    const original = await database.handle.db.selectFrom('person').select('dateOfBirth').where('id', '=', DEMO_PEOPLE_IDS.duplicateOriginal).executeTakeFirstOrThrow();
    const result = await search(DEMO_USER_IDS.socialWorker, { name: 'Jonathan Quinlan', dateOfBirth: original.dateOfBirth ?? '' });
    expect(ids(result.hits).slice(0, 2).sort()).toEqual([DEMO_PEOPLE_IDS.duplicateOriginal, DEMO_PEOPLE_IDS.duplicateSecond].sort());
    expect(ids(result.hits)).not.toContain(DEMO_PEOPLE_IDS.duplicateMother);
  });

  it('finds by NHS number, with or without spaces', async () => {
    const spaced = `${child.nhsNumber.slice(0, 3)} ${child.nhsNumber.slice(3, 6)} ${child.nhsNumber.slice(6)}`;
    const result = await search(DEMO_USER_IDS.socialWorker, { nhsNumber: spaced });
    expect(ids(result.hits)).toEqual([DEMO_CHILD_IDS.allocated]);
  });

  it('finds by postcode, now or in the past', async () => {
    const now = await search(DEMO_USER_IDS.socialWorker, { postcode: child.postcode.toLowerCase().replace(' ', '') });
    expect(ids(now.hits)).toContain(DEMO_CHILD_IDS.allocated);
    const before = await search(DEMO_USER_IDS.socialWorker, { postcode: 'MK12 5NL' });
    expect(ids(before.hits)).toContain(DEMO_CHILD_IDS.allocated);
  });

  it('refuses an empty search and a malformed postcode with field messages', async () => {
    const empty = await search(DEMO_USER_IDS.socialWorker, {}).catch((e: unknown) => e);
    expect(empty).toBeInstanceOf(ValidationError);
    expect((empty as ValidationError).fieldErrors['name']).toBe('Enter a name, date of birth, NHS number or postcode');
    const postcode = await search(DEMO_USER_IDS.socialWorker, { postcode: 'not a postcode' }).catch((e: unknown) => e);
    expect((postcode as ValidationError).fieldErrors['postcode']).toBe('Enter a full postcode, like MK9 3HS');
  });
});

describe('what search shows of records the searcher may not open', () => {
  async function nameOf(id: string) {
    return database.handle.db.selectFrom('person').select(['givenName', 'familyName', 'dateOfBirth']).where('id', '=', id).executeTakeFirstOrThrow();
  }

  it('shows a restricted record as “ask <manager>”, with no identifying details', async () => {
    const restricted = await nameOf(DEMO_CHILD_IDS.restricted);
    const result = await search(DEMO_USER_IDS.mashPractitioner, { name: `${restricted.givenName} ${restricted.familyName}`, dateOfBirth: restricted.dateOfBirth ?? '' });
    expect(ids(result.hits)).not.toContain(DEMO_CHILD_IDS.restricted);
    const placeholder = result.hits.find((h) => h.kind === 'restricted');
    expect(placeholder).toEqual({ kind: 'restricted', contactName: 'Gareth Munroe', score: expect.any(Number) as unknown, level: expect.any(String) as unknown });
    const manager = await search(DEMO_USER_IDS.teamManager, { name: `${restricted.givenName} ${restricted.familyName}`, dateOfBirth: restricted.dateOfBirth ?? '' });
    expect(ids(manager.hits)).toContain(DEMO_CHILD_IDS.restricted);
  });

  it('never shows a sealed record, except to its named users', async () => {
    const sealed = await nameOf(DEMO_CHILD_IDS.sealed);
    const query = { name: `${sealed.givenName} ${sealed.familyName}`, dateOfBirth: sealed.dateOfBirth ?? '' };
    for (const userId of [DEMO_USER_IDS.mashManager, DEMO_USER_IDS.teamManager, DEMO_USER_IDS.socialWorker]) {
      const result = await search(userId, query);
      expect(ids(result.hits)).not.toContain(DEMO_CHILD_IDS.sealed);
      expect(result.hits.filter((h) => h.kind !== 'person' && h.score >= 9)).toEqual([]);
    }
    const adopter = await search(DEMO_USER_IDS.adoptionWorker, query);
    expect(ids(adopter.hits)).toContain(DEMO_CHILD_IDS.sealed);
  });

  it('shows a child held by another team as “known to that team”, without details', async () => {
    const other = await nameOf(DEMO_CHILD_IDS.otherTeam);
    const result = await search(DEMO_USER_IDS.socialWorker, { name: `${other.givenName} ${other.familyName}`, dateOfBirth: other.dateOfBirth ?? '' });
    expect(ids(result.hits)).not.toContain(DEMO_CHILD_IDS.otherTeam);
    expect(result.hits.find((h) => h.kind === 'held-elsewhere')).toMatchObject({ kind: 'held-elsewhere', teamName: 'Family Support Team Central' });
  });

  it('refuses the administrator, who holds no case data', async () => {
    const error = await search(DEMO_USER_IDS.admin, { name: 'Quinlan' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AccessRefusedError);
  });
});

describe('a date of birth narrows the name lookups before they are limited', () => {
  it('finds the one person born that day among more namesakes (in other names) than a lookup keeps', async () => {
    // 60 people once called Tamsin Rosewarne, born decades earlier, and one formerly "Tamsin Rosewarn"
    // (a slip) born on the day typed. Each lookup keeps its 50 closest names: without the date of
    // birth narrowing it first, the 60 exact namesakes crowd out the one who matters.
    const db = database.handle.db;
    const namesakes = await db
      .insertInto('person')
      .values(Array.from({ length: 60 }, (_, i) => ({ personType: 'adult' as const, givenName: 'Gwen', familyName: `Namesake${String(i)}`, dateOfBirth: `1970-01-${String((i % 28) + 1).padStart(2, '0')}` })))
      .returning('id')
      .execute();
    await db
      .insertInto('personName')
      .values(namesakes.map((p) => ({ personId: p.id, nameType: 'former' as const, givenName: 'Tamsin', familyName: 'Rosewarne' })))
      .execute();
    const target = await db.insertInto('person').values({ personType: 'child', givenName: 'Morwenna', familyName: 'Jago', dateOfBirth: '2012-05-17' }).returning('id').executeTakeFirstOrThrow();
    await db.insertInto('personName').values({ personId: target.id, nameType: 'former', givenName: 'Tamsin', familyName: 'Rosewarn' }).execute();

    const result = await search(DEMO_USER_IDS.mashPractitioner, { name: 'Tamsin Rosewarne', dateOfBirth: '2012-05-17' });
    expect(ids(result.hits)).toEqual([target.id]);
    // Without a date of birth every namesake is a candidate, as before.
    const byName = await search(DEMO_USER_IDS.mashPractitioner, { name: 'Tamsin Rosewarne' });
    expect(ids(byName.hits).length).toBeGreaterThanOrEqual(50);
  });
});
