import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPerson } from '../../../src/app/people/create-person.ts';
import { createPersonInput, updatePersonInput, type CreatePersonInput } from '../../../src/app/people/person-input.ts';
import { updatePerson } from '../../../src/app/people/update-person.ts';
import { AccessRefusedError, StaleVersionError, ValidationError } from '../../../src/app/shared/errors.ts';
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

const input = (over: Record<string, unknown> = {}): CreatePersonInput =>
  createPersonInput.parse({
    personType: 'child',
    givenName: 'Tamsin',
    familyName: 'Okonjo-Reyes',
    dateOfBirth: '2019-05-06',
    gender: 'female',
    ethnicity: 'MWBA',
    disabilities: ['COMM', 'AUT'],
    nhsNumber: '943 476 5919',
    upn: 'H801200001001',
    firstLanguage: 'English',
    address: { addressLine1: '4 Larkspur Close', town: 'Bletchley', postcode: 'mk3 6eq', movedIn: '2024-02-01' },
    ...over,
  });

const count = async (table: 'person' | 'personAddress' | 'personRelationship') => Number((await database.handle.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

describe('adding a person', () => {
  it('saves the person, their current address and the audit event together', async () => {
    const ctx = await contextFor(database, DEMO_USER_IDS.socialWorker);
    const { id } = await createPerson(database.deps, ctx, input());
    const row = await database.handle.db.selectFrom('person').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ personType: 'child', nhsNumber: '9434765919', upn: 'H801200001001', ethnicity: 'MWBA', disabilities: ['COMM', 'AUT'], postcode: 'MK3 6EQ', version: 1 });
    const addresses = await database.handle.db.selectFrom('personAddress').selectAll().where('personId', '=', id).execute();
    expect(addresses).toEqual([expect.objectContaining({ postcode: 'MK3 6EQ', movedIn: '2024-02-01', isCurrent: true })]);
    const audit = (await auditRows(database, 'people.person.created')).at(-1);
    expect(audit).toMatchObject({ actorUserId: DEMO_USER_IDS.socialWorker, subjectId: id, childId: id, outcome: 'success' });
  });

  it('lets a worker who is not allocated open the child they added, by a named grant that runs out', async () => {
    const ctx = await contextFor(database, DEMO_USER_IDS.socialWorker);
    const { id } = await createPerson(database.deps, ctx, input({ givenName: 'Granted', nhsNumber: undefined, upn: undefined }));
    const grant = await database.handle.db.selectFrom('accessGrant').selectAll().where('personId', '=', id).executeTakeFirstOrThrow();
    expect(grant).toMatchObject({ userId: DEMO_USER_IDS.socialWorker, reason: 'Added this record (until it is allocated)' });
    expect(grant.expiresAt?.getTime()).toBe(database.clock.now().getTime() + 14 * 86_400_000);
  });

  it('links an unborn child to their mother, both ways', async () => {
    const ctx = await contextFor(database, DEMO_USER_IDS.socialWorker);
    const { id } = await createPerson(database.deps, ctx, input({ personType: 'unborn', givenName: 'Baby', dateOfBirth: undefined, expectedDateOfDelivery: '2027-03-01', motherId: DEMO_PEOPLE_IDS.unbornMother, nhsNumber: undefined, upn: undefined }));
    const links = await database.handle.db.selectFrom('personRelationship').selectAll().where((eb) => eb.or([eb('personId', '=', id), eb('relatedPersonId', '=', id)])).execute();
    expect(links.map((l) => [l.personId === id ? 'baby' : 'mother', l.relationship]).sort()).toEqual([['baby', 'parent'], ['mother', 'child']]);
    const row = await database.handle.db.selectFrom('person').select(['gender', 'personType', 'expectedDateOfDelivery']).where('id', '=', id).executeTakeFirstOrThrow();
    expect(row).toEqual({ gender: 'not_known', personType: 'unborn', expectedDateOfDelivery: '2027-03-01' });
  });

  it('refuses bad values with a message for each, before anything is saved', () => {
    const parsed = createPersonInput.safeParse({ personType: 'child', givenName: '', familyName: 'X', gender: 'female', nhsNumber: '943 476 5918', upn: 'Z801200001001', disabilities: ['NONE', 'MOB'], address: { addressLine1: '1 Road', postcode: 'MK9' } });
    expect(parsed.success).toBe(false);
    const paths = parsed.error?.issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['givenName', 'nhsNumber', 'upn', 'disabilities', 'address.postcode']));
    expect(parsed.error?.issues.find((i) => i.path[0] === 'nhsNumber')?.message).toContain('not a valid NHS number');
  });

  it('refuses a date of birth in the future and an unborn child without a mother', async () => {
    const ctx = await contextFor(database, DEMO_USER_IDS.socialWorker);
    const future = await createPerson(database.deps, ctx, input({ dateOfBirth: '2027-01-01' })).catch((e: unknown) => e);
    expect((future as ValidationError).fieldErrors).toEqual({ dateOfBirth: 'Date of birth must be today or in the past' });
    expect(createPersonInput.safeParse({ ...input(), personType: 'unborn', motherId: undefined }).success).toBe(false);
  });

  it('saves nothing at all when a later step fails (the mother’s record is a child’s)', async () => {
    const ctx = await contextFor(database, DEMO_USER_IDS.socialWorker);
    const before = [await count('person'), await count('personAddress'), await count('personRelationship'), (await auditRows(database, 'people.person.created')).length];
    const error = await createPerson(database.deps, ctx, input({ personType: 'unborn', dateOfBirth: undefined, expectedDateOfDelivery: '2027-03-01', motherId: DEMO_CHILD_IDS.allocated })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect([await count('person'), await count('personAddress'), await count('personRelationship'), (await auditRows(database, 'people.person.created')).length]).toEqual(before);
  });

  it('refuses a role that may not add people, and audits the refusal', async () => {
    const ctx = await contextFor(database, DEMO_USER_IDS.performanceOfficer);
    const error = await createPerson(database.deps, ctx, input()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AccessRefusedError);
    expect((await auditRows(database, 'access.record.refused')).at(-1)).toMatchObject({ actorUserId: DEMO_USER_IDS.performanceOfficer, outcome: 'refused' });
  });
});

describe('editing a person', () => {
  const details = async (id: string) => database.handle.db.selectFrom('person').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const form = (row: Awaited<ReturnType<typeof details>>, over: Record<string, unknown> = {}) =>
    updatePersonInput.parse({
      givenName: row.givenName,
      familyName: row.familyName,
      dateOfBirth: row.dateOfBirth ?? undefined,
      gender: row.gender,
      nhsNumber: row.nhsNumber ?? undefined,
      disabilities: row.disabilities,
      version: row.version,
      ...over,
    });

  it('saves the change with a new version, keeps a changed name as a former name and audits what changed', async () => {
    const ctx = await contextFor(database, DEMO_USER_IDS.socialWorker);
    const before = await details(DEMO_PEOPLE_IDS.duplicateOriginal);
    await updatePerson(database.deps, ctx, before.id, form(before, { familyName: 'Quinlan-Ashby', religion: 'christian', interpreterNeeded: true }));
    const after = await details(before.id);
    expect(after).toMatchObject({ familyName: 'Quinlan-Ashby', religion: 'christian', interpreterNeeded: true, version: before.version + 1 });
    const former = await database.handle.db.selectFrom('personName').selectAll().where('personId', '=', before.id).where('nameType', '=', 'former').execute();
    expect(former.map((n) => n.familyName)).toContain('Quinlan');
    const audit = (await auditRows(database, 'people.person.changed')).at(-1);
    expect(audit?.changes).toMatchObject({ familyName: { from: 'Quinlan', to: 'Quinlan-Ashby' }, religion: { from: 'no_religion', to: 'christian' }, formerNameKept: true });
  });

  it('refuses a save based on an old version, and keeps the other person’s change', async () => {
    const ctx = await contextFor(database, DEMO_USER_IDS.socialWorker);
    const opened = await details(DEMO_PEOPLE_IDS.duplicateOriginal);
    await updatePerson(database.deps, ctx, opened.id, form(opened, { school: 'Bletchley Park Primary School', phone: '01632 960 001' }));
    const error = await updatePerson(database.deps, ctx, opened.id, form(opened, { school: 'Another School' })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StaleVersionError);
    expect((error as StaleVersionError).current).toMatchObject({ phone: '01632 960 001', version: opened.version + 1 });
    expect((await details(opened.id)).school).toBe('Bletchley Park Primary School');
  });

  it('records the birth of an unborn child: same record, now a child', async () => {
    const ctx = await contextFor(database, DEMO_USER_IDS.socialWorker);
    const unborn = await details(DEMO_PEOPLE_IDS.unborn);
    const saved = await updatePerson(database.deps, ctx, unborn.id, form(unborn, { dateOfBirth: '2026-11-20', gender: 'female' }));
    expect(saved.personType).toBe('child');
    expect(await details(unborn.id)).toMatchObject({ personType: 'child', dateOfBirth: '2026-11-20', gender: 'female' });
  });

  it('records why a child has no UPN, audited, and refuses a reason beside a UPN with a field error', async () => {
    const ctx = await contextFor(database, DEMO_USER_IDS.socialWorker);
    const before = await details(DEMO_PEOPLE_IDS.duplicateOriginal);
    await updatePerson(database.deps, ctx, before.id, form(before, { upn: '', upnUnknownReason: 'UN3' }));
    expect(await details(before.id)).toMatchObject({ upn: null, upnUnknownReason: 'UN3' });
    const audit = (await auditRows(database, 'people.person.changed')).at(-1);
    expect(audit?.changes).toMatchObject({ upnUnknownReason: { to: 'UN3' } });
    // A reason with a UPN: refused on the reason's field, before anything is saved.
    const both = updatePersonInput.safeParse({ ...form(await details(before.id)), upn: 'H801200001001', upnUnknownReason: 'UN3' });
    expect(both.success).toBe(false);
    expect(both.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['upnUnknownReason', 'Remove the reason the unique pupil number is not known, or remove the unique pupil number'],
    ]);
    // A code that is not the DfE's: a field error too.
    expect(updatePersonInput.safeParse({ ...form(await details(before.id)), upnUnknownReason: 'UN9' }).error?.issues[0]?.path).toEqual(['upnUnknownReason']);
    // Giving the UPN later clears the reason.
    const withReason = await details(before.id);
    await updatePerson(database.deps, ctx, before.id, form(withReason, { upn: 'H801200001001' }));
    expect(await details(before.id)).toMatchObject({ upn: 'H801200001001', upnUnknownReason: null });
  });

  it('refuses a worker in another team', async () => {
    const ctx = await contextFor(database, DEMO_USER_IDS.otherTeamWorker);
    const row = await details(DEMO_CHILD_IDS.allocated);
    const error = await updatePerson(database.deps, ctx, row.id, form(row, { school: 'X' })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AccessRefusedError);
    expect((await details(row.id)).version).toBe(row.version);
  });
});
