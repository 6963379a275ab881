import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findDuplicatesOf } from '../../../src/app/people/find-likely-duplicates.ts';
import { mergePeople, previewMerge } from '../../../src/app/people/merge-people.ts';
import { searchPeople } from '../../../src/app/people/search-people.ts';
import { MergedRecordError, viewChildRecord } from '../../../src/app/people/view-child-record.ts';
import { AccessRefusedError, StaleVersionError, ValidationError } from '../../../src/app/shared/errors.ts';
import { DEMO_CHILD_IDS } from '../../../src/db/seed/demo-authority.ts';
import { DEMO_PEOPLE_IDS } from '../../../src/db/seed/demo-people.ts';
import { DEMO_USER_IDS } from '../../../src/db/seed/users.ts';
import { verifyAuditChain } from '../../../src/db/shared/audit-repository.ts';
import { auditRows, contextFor, createTestAuthority } from '../../support/authority.ts';
import type { TestDatabase } from '../../support/database.ts';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestAuthority();
});
afterAll(async () => {
  await database.close();
});

const survivor = DEMO_PEOPLE_IDS.duplicateOriginal;
const merged = DEMO_PEOPLE_IDS.duplicateSecond;
const version = async (id: string) => (await database.handle.db.selectFrom('person').select('version').where('id', '=', id).executeTakeFirstOrThrow()).version;
const mergeInput = async (reason = 'Same boy: same mother, same address, date of birth typed day-first') => ({ survivorId: survivor, mergedId: merged, survivorVersion: await version(survivor), mergedVersion: await version(merged), reason });

describe('merging two records of one person', () => {
  it('lists the second record as a likely duplicate of the first, with why', async () => {
    const hits = await findDuplicatesOf(database.deps, await contextFor(database, DEMO_USER_IDS.teamManager), survivor);
    const hit = hits.find((h) => h.kind === 'person' && h.id === merged);
    expect(hit?.kind === 'person' && hit.level).toBe('very-likely');
    expect(hit?.kind === 'person' ? hit.reasons : []).toEqual(expect.arrayContaining(['Same date of birth with day and month swapped', 'First names are forms of the same name']));
  });

  it('refuses a social worker, and audits the refusal', async () => {
    const ctx = await contextFor(database, DEMO_USER_IDS.socialWorker);
    const error = await mergePeople(database.deps, ctx, await mergeInput()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AccessRefusedError);
    expect((await auditRows(database, 'access.record.refused')).at(-1)).toMatchObject({ actorUserId: DEMO_USER_IDS.socialWorker });
  });

  it('refuses a stale merge and a sealed record', async () => {
    const ctx = await contextFor(database, DEMO_USER_IDS.teamManager);
    const stale = await mergePeople(database.deps, ctx, { ...(await mergeInput()), mergedVersion: (await version(merged)) + 5 }).catch((e: unknown) => e);
    expect(stale).toBeInstanceOf(StaleVersionError);
    const self = await mergePeople(database.deps, ctx, { ...(await mergeInput()), mergedId: survivor }).catch((e: unknown) => e);
    expect((self as ValidationError).fieldErrors['mergedId']).toBe('Choose two different records');
  });

  it('shows what will move before the merge', async () => {
    const preview = await previewMerge(database.deps, await contextFor(database, DEMO_USER_IDS.teamManager), survivor, merged);
    expect(preview.toMove).toMatchObject({ 'allocation.childId': 1, 'personRelationship.personId': 1, 'personRelationship.relatedPersonId': 1 });
  });

  it('moves every linked row to the survivor, keeps the other record marked as merged, and audits what moved', async () => {
    const db = database.handle.db;
    // Rows in tables this module does not know: a case note (part B) and a grant on the merged record.
    await db.insertInto('accessGrant').values({ personId: merged, userId: DEMO_USER_IDS.iro, reason: 'Review', createdAt: new Date() }).execute();
    const ctx = await contextFor(database, DEMO_USER_IDS.teamManager);
    const result = await mergePeople(database.deps, ctx, await mergeInput());
    expect(result.moved).toMatchObject({ 'accessGrant.personId': 1, 'allocation.childId': 1 });

    const old = await db.selectFrom('person').selectAll().where('id', '=', merged).executeTakeFirstOrThrow();
    expect(old).toMatchObject({ mergedIntoPersonId: survivor, mergedByUserId: DEMO_USER_IDS.teamManager });
    const left: Record<string, number> = {};
    for (const [table, column] of [['allocation', 'child_id'], ['access_grant', 'person_id'], ['person_relationship', 'person_id'], ['person_relationship', 'related_person_id'], ['person_name', 'person_id'], ['person_address', 'person_id']] as const) {
      const row = await db.selectFrom(table as 'allocation').select((eb) => eb.fn.countAll().as('n')).where(column as 'childId', '=', merged).executeTakeFirstOrThrow();
      left[`${table}.${column}`] = Number(row.n);
    }
    expect(Object.values(left).every((n) => n === 0)).toBe(true);
    // One open allocation only: the merged record's was ended, then moved.
    const open = await db.selectFrom('allocation').select('id').where('childId', '=', survivor).where('endedOn', 'is', null).execute();
    expect(open).toHaveLength(1);
    // The mother is linked once, not twice; the merged name is kept as another name.
    const toMother = await db.selectFrom('personRelationship').selectAll().where('personId', '=', survivor).where('relatedPersonId', '=', DEMO_PEOPLE_IDS.duplicateMother).execute();
    expect(toMother).toHaveLength(1);
    const names = await db.selectFrom('personName').select(['givenName', 'nameType']).where('personId', '=', survivor).execute();
    expect(names).toContainEqual({ givenName: 'Jon', nameType: 'merged' });

    const audit = (await auditRows(database, 'people.person.merged')).at(-1);
    expect(audit).toMatchObject({ actorUserId: DEMO_USER_IDS.teamManager, subjectId: survivor, childId: survivor });
    expect(audit?.changes).toMatchObject({ mergedId: merged, moved: { 'accessGrant.personId': 1 }, removedAsDuplicates: { 'personRelationship.personId': 1 }, allocationsEnded: 1, mergedName: 'Jon Quinlan' });
    // The audit chain still verifies with the merge in it.
    expect((await verifyAuditChain(db)).ok).toBe(true);
  });

  it('after the merge: the old id leads to the survivor, search finds the survivor by the old name, and the survivor says what was merged', async () => {
    const ctx = await contextFor(database, DEMO_USER_IDS.socialWorker);
    const error = await viewChildRecord(database.deps, ctx, merged).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MergedRecordError);
    expect((error as MergedRecordError).survivorId).toBe(survivor);
    const result = await searchPeople(database.deps, ctx, { name: 'Jon Quinlan' });
    const ids = result.hits.flatMap((h) => (h.kind === 'person' ? [h.id] : []));
    expect(ids).toContain(survivor);
    expect(ids).not.toContain(merged);
    const record = await viewChildRecord(database.deps, ctx, survivor);
    expect(record.record.mergedFrom).toEqual([expect.objectContaining({ id: merged, givenName: 'Jon', mergedByName: 'Gareth Munroe' })]);
  });

  it('moves rows in tables added by later journeys too (any person_id or child_id column)', async () => {
    const db = database.handle.db;
    await database.handle.exec(`create table merge_probe (id serial primary key, child_id uuid references person (id), subject_person_id uuid, unique (child_id, subject_person_id))`);
    await database.handle.exec(`insert into merge_probe (child_id, subject_person_id) values ('${DEMO_CHILD_IDS.otherTeam}', '${DEMO_CHILD_IDS.otherTeam}'), ('${DEMO_CHILD_IDS.allocated}', null)`);
    const mgr = await contextFor(database, DEMO_USER_IDS.mashManager);
    // Two unrelated demo children are used only to exercise the mechanism.
    await mergePeople(database.deps, mgr, { survivorId: DEMO_CHILD_IDS.allocated, mergedId: DEMO_CHILD_IDS.otherTeam, survivorVersion: await version(DEMO_CHILD_IDS.allocated), mergedVersion: await version(DEMO_CHILD_IDS.otherTeam), reason: 'Test of the mechanism' });
    const rows = await db.selectFrom('mergeProbe' as 'person').selectAll().execute();
    expect(rows.map((r) => [(r as unknown as { childId: string }).childId, (r as unknown as { subjectPersonId: string | null }).subjectPersonId])).toEqual(
      expect.arrayContaining([[DEMO_CHILD_IDS.allocated, DEMO_CHILD_IDS.allocated], [DEMO_CHILD_IDS.allocated, null]]),
    );
  });
});
