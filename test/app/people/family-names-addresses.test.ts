import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addAddress } from '../../../src/app/people/add-person-address.ts';
import { newAddressInput } from '../../../src/app/people/person-input.ts';
import { addPersonName, removePersonName } from '../../../src/app/people/person-names.ts';
import { addRelationship, removeRelationship } from '../../../src/app/people/relationships.ts';
import { viewGenogram, viewRelationships } from '../../../src/app/people/view-family.ts';
import { viewPersonRecord } from '../../../src/app/people/view-person-record.ts';
import { AccessRefusedError, ValidationError } from '../../../src/app/shared/errors.ts';
import { DEMO_CHILD_IDS } from '../../../src/db/seed/demo-authority.ts';
import { DEMO_PEOPLE_IDS } from '../../../src/db/seed/demo-people.ts';
import { DEMO_USER_IDS } from '../../../src/db/seed/users.ts';
import { auditRows, contextFor, createTestAuthority } from '../../support/authority.ts';
import type { TestDatabase } from '../../support/database.ts';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestAuthority();
  database.clock.set(new Date('2026-11-23T10:00:00Z'));
});
afterAll(async () => {
  await database.close();
});

const baby = DEMO_PEOPLE_IDS.unborn;
const mother = DEMO_PEOPLE_IDS.unbornMother;

describe('relationships', () => {
  it('records a relationship on both records, with parental responsibility and household, and audits it', async () => {
    const ctx = await contextFor(database, DEMO_USER_IDS.socialWorker);
    await addRelationship(database.deps, ctx, baby, { relatedPersonId: DEMO_PEOPLE_IDS.duplicateMother, relationship: 'grandparent', parentalResponsibility: false, livesWith: false });
    const rows = await database.handle.db.selectFrom('personRelationship').selectAll().where((eb) => eb.or([eb.and([eb('personId', '=', baby), eb('relatedPersonId', '=', DEMO_PEOPLE_IDS.duplicateMother)]), eb.and([eb('personId', '=', DEMO_PEOPLE_IDS.duplicateMother), eb('relatedPersonId', '=', baby)])])).execute();
    expect(rows.map((r) => r.relationship).sort()).toEqual(['grandchild', 'grandparent']);
    expect((await auditRows(database, 'people.relationship.added')).at(-1)).toMatchObject({ subjectId: baby, childId: baby, changes: { relationship: 'grandparent', inverse: 'grandchild' } });
    const family = await viewRelationships(database.deps, ctx, baby);
    expect(family.relationships.map((r) => r.relationshipLabel)).toEqual(expect.arrayContaining(['Parent', 'Grandparent']));
    expect(family.header?.flags.map((f) => f.key)).toContain('unborn');
  });

  it('refuses a relationship recorded twice, parental responsibility for a sibling, and a record the worker cannot see', async () => {
    const ctx = await contextFor(database, DEMO_USER_IDS.socialWorker);
    const twice = await addRelationship(database.deps, ctx, baby, { relatedPersonId: mother, relationship: 'parent', parentalResponsibility: true, livesWith: true }).catch((e: unknown) => e);
    expect((twice as ValidationError).fieldErrors).toHaveProperty('relationship');
    const pr = await addRelationship(database.deps, ctx, baby, { relatedPersonId: DEMO_CHILD_IDS.allocated, relationship: 'sibling', parentalResponsibility: true, livesWith: false }).catch((e: unknown) => e);
    expect((pr as ValidationError).fieldErrors).toHaveProperty('parentalResponsibility');
    const hidden = await addRelationship(database.deps, ctx, baby, { relatedPersonId: DEMO_CHILD_IDS.sealed, relationship: 'sibling', parentalResponsibility: false, livesWith: false }).catch((e: unknown) => e);
    expect((hidden as ValidationError).fieldErrors).toEqual({ relatedPersonId: 'Choose a person from the search results' });
  });

  it('removes a relationship from both records', async () => {
    const ctx = await contextFor(database, DEMO_USER_IDS.socialWorker);
    await removeRelationship(database.deps, ctx, baby, DEMO_PEOPLE_IDS.duplicateMother, 'grandparent');
    const left = await database.handle.db.selectFrom('personRelationship').selectAll().where('relatedPersonId', 'in', [baby, DEMO_PEOPLE_IDS.duplicateMother]).where('personId', 'in', [baby, DEMO_PEOPLE_IDS.duplicateMother]).execute();
    expect(left).toEqual([]);
    expect((await auditRows(database, 'people.relationship.removed')).at(-1)).toMatchObject({ subjectId: baby, changes: { rows: 2 } });
  });

  it('draws the genogram from the relationships, and audits the view', async () => {
    const ctx = await contextFor(database, DEMO_USER_IDS.socialWorker);
    const { genogram } = await viewGenogram(database.deps, ctx, DEMO_CHILD_IDS.allocated);
    expect(genogram.nodes.find((n) => n.focus)?.id).toBe(DEMO_CHILD_IDS.allocated);
    expect(genogram.table.filter((r) => r.relationship === 'Parent')).toHaveLength(2);
    expect((await auditRows(database, 'people.child-record.viewed')).at(-1)).toMatchObject({ childId: DEMO_CHILD_IDS.allocated, changes: { view: 'genogram' } });
  });
});

describe('an adult’s record, other names and addresses', () => {
  it('opens an adult’s record for any worker, audited without a child id; a child’s id says “child”', async () => {
    const ctx = await contextFor(database, DEMO_USER_IDS.otherTeamWorker);
    const page = await viewPersonRecord(database.deps, ctx, mother);
    expect(page.kind).toBe('adult');
    expect((await auditRows(database, 'people.person-record.viewed')).at(-1)).toMatchObject({ subjectId: mother, childId: null });
    expect(await viewPersonRecord(database.deps, await contextFor(database, DEMO_USER_IDS.socialWorker), DEMO_CHILD_IDS.allocated)).toEqual({ kind: 'child', id: DEMO_CHILD_IDS.allocated });
    expect(await viewPersonRecord(database.deps, await contextFor(database, DEMO_USER_IDS.admin), mother).catch((e: unknown) => e)).toBeInstanceOf(AccessRefusedError);
  });

  it('adds and removes another name', async () => {
    const ctx = await contextFor(database, DEMO_USER_IDS.socialWorker);
    const { id } = await addPersonName(database.deps, ctx, mother, { nameType: 'birth', givenName: 'Shazia', familyName: 'Rahman', usedFrom: undefined, usedTo: '2019-06-01' });
    expect((await auditRows(database, 'people.person-name.added')).at(-1)).toMatchObject({ subjectId: mother, changes: { nameId: id, nameType: 'birth' } });
    await removePersonName(database.deps, ctx, mother, id);
    expect(await database.handle.db.selectFrom('personName').select('id').where('id', '=', id).executeTakeFirst()).toBeUndefined();
  });

  it('records a move: the new address is current, the old one closed on the day of the move', async () => {
    const ctx = await contextFor(database, DEMO_USER_IDS.socialWorker);
    await addAddress(database.deps, ctx, mother, newAddressInput.parse({ current: true, address: { addressLine1: '9 Orchard Rise', town: 'Olney', postcode: 'MK46 5AA', movedIn: '2026-10-01' } }));
    const person = await database.handle.db.selectFrom('person').select(['addressLine1', 'postcode']).where('id', '=', mother).executeTakeFirstOrThrow();
    expect(person).toEqual({ addressLine1: '9 Orchard Rise', postcode: 'MK46 5AA' });
    const history = await database.handle.db.selectFrom('personAddress').select(['postcode', 'isCurrent', 'movedIn', 'movedOut']).where('personId', '=', mother).orderBy('createdAt').execute();
    expect(history).toEqual([
      { postcode: 'MK9 2BN', isCurrent: false, movedIn: null, movedOut: '2026-10-01' },
      { postcode: 'MK46 5AA', isCurrent: true, movedIn: '2026-10-01', movedOut: null },
    ]);
    const before = await addAddress(database.deps, ctx, mother, newAddressInput.parse({ current: true, address: { addressLine1: '1 Elm Way', postcode: 'MK46 5AB', movedIn: '2026-09-01' } })).catch((e: unknown) => e);
    expect((before as ValidationError).fieldErrors['movedIn']).toContain('1 October 2026');
  });
});
