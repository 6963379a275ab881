import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { liftRestriction, restrictPerson } from '../../../src/app/people/restriction.ts';
import { searchPeople } from '../../../src/app/people/search-people.ts';
import { viewAccessLog } from '../../../src/app/people/view-access-log.ts';
import { viewChildRecord } from '../../../src/app/people/view-child-record.ts';
import { AccessRefusedError, StaleVersionError, ValidationError } from '../../../src/app/shared/errors.ts';
import { DEMO_CHILD_IDS } from '../../../src/db/seed/demo-authority.ts';
import { DEMO_USER_IDS } from '../../../src/db/seed/users.ts';
import { auditRows, contextFor, createTestAuthority } from '../../support/authority.ts';
import type { TestDatabase } from '../../support/database.ts';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestAuthority();
});
afterAll(async () => {
  await database.close();
});

const child = DEMO_CHILD_IDS.allocated;
const row = async () => database.handle.db.selectFrom('person').selectAll().where('id', '=', child).executeTakeFirstOrThrow();

describe('restricting a record', () => {
  it('refuses a social worker', async () => {
    const error = await restrictPerson(database.deps, await contextFor(database, DEMO_USER_IDS.socialWorker), child, { contactUserId: DEMO_USER_IDS.teamManager, reason: 'Staff relative', version: (await row()).version }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AccessRefusedError);
  });

  it('refuses a contact who is not a manager, with a message on the field', async () => {
    const error = await restrictPerson(database.deps, await contextFor(database, DEMO_USER_IDS.teamManager), child, { contactUserId: DEMO_USER_IDS.socialWorker, reason: 'Staff relative', version: (await row()).version }).catch((e: unknown) => e);
    expect((error as ValidationError).fieldErrors).toEqual({ contactUserId: 'Choose the manager people should ask for access' });
  });

  it('applies at once: a MASH practitioner who could open the record is refused on the next request, and search shows whom to ask', async () => {
    const mash = await contextFor(database, DEMO_USER_IDS.mashPractitioner);
    expect((await viewChildRecord(database.deps, mash, child)).accessBasis).toBe('cross-case-role');
    const before = await row();
    await restrictPerson(database.deps, await contextFor(database, DEMO_USER_IDS.teamManager), child, { contactUserId: DEMO_USER_IDS.mashManager, reason: 'Relative of a member of staff', version: before.version });
    expect(await row()).toMatchObject({ restriction: 'restricted', restrictionContactUserId: DEMO_USER_IDS.mashManager, version: before.version + 1 });
    const audit = (await auditRows(database, 'people.restriction.applied')).at(-1);
    expect(audit).toMatchObject({ actorUserId: DEMO_USER_IDS.teamManager, childId: child, changes: { reason: 'Relative of a member of staff' } });

    const refused = await viewChildRecord(database.deps, mash, child).catch((e: unknown) => e);
    expect((refused as AccessRefusedError).userMessage).toContain('Ask Declan Ashworth');
    const result = await searchPeople(database.deps, mash, { name: `${before.givenName} ${before.familyName}`, dateOfBirth: before.dateOfBirth ?? '' });
    expect(result.hits.find((h) => h.kind === 'restricted')).toMatchObject({ contactName: 'Declan Ashworth' });
    // The allocated worker still has their case.
    expect((await viewChildRecord(database.deps, await contextFor(database, DEMO_USER_IDS.socialWorker), child)).accessBasis).toBe('allocated-worker');
  });

  it('refuses a stale lift, then lifts it: the record is open again', async () => {
    const contact = await contextFor(database, DEMO_USER_IDS.mashManager);
    const stale = await liftRestriction(database.deps, contact, child, { reason: 'No longer needed', version: 1 }).catch((e: unknown) => e);
    expect(stale).toBeInstanceOf(StaleVersionError);
    await liftRestriction(database.deps, contact, child, { reason: 'Staff member has left', version: (await row()).version });
    expect(await row()).toMatchObject({ restriction: 'none', restrictionContactUserId: null });
    expect((await auditRows(database, 'people.restriction.lifted')).at(-1)).toMatchObject({ actorUserId: DEMO_USER_IDS.mashManager, childId: child });
    expect((await viewChildRecord(database.deps, await contextFor(database, DEMO_USER_IDS.mashPractitioner), child)).accessBasis).toBe('cross-case-role');
  });
});

describe('who viewed this record', () => {
  it('lists views, refusals and changes, newest first, for a manager, and records that look', async () => {
    await viewChildRecord(database.deps, await contextFor(database, DEMO_USER_IDS.socialWorker), child);
    await viewChildRecord(database.deps, await contextFor(database, DEMO_USER_IDS.otherTeamWorker), child).catch(() => undefined);
    const log = await viewAccessLog(database.deps, await contextFor(database, DEMO_USER_IDS.teamManager), child);
    expect(log.entries[0]).toMatchObject({ who: 'Gareth Munroe', what: 'Viewed who viewed the record' });
    expect(log.entries[1]).toMatchObject({ who: 'Nell Corrigan', what: 'Was refused access', outcome: 'refused' });
    expect(log.entries[2]).toMatchObject({ who: 'Amara Lindqvist', what: 'Viewed the summary', outcome: 'success' });
    expect(log.entries.some((e) => e.what === 'Restriction applied')).toBe(true);
    expect((await auditRows(database, 'people.record-access-log.viewed')).at(-1)).toMatchObject({ actorUserId: DEMO_USER_IDS.teamManager, childId: child });
  });

  it('shows only views and refusals when asked', async () => {
    const log = await viewAccessLog(database.deps, await contextFor(database, DEMO_USER_IDS.teamManager), child, { viewsOnly: true });
    expect(log.entries.every((e) => e.what.startsWith('Viewed') || e.outcome === 'refused')).toBe(true);
  });

  it('is refused to a social worker (no permission) and to a manager who may not open the record', async () => {
    expect(await viewAccessLog(database.deps, await contextFor(database, DEMO_USER_IDS.socialWorker), child).catch((e: unknown) => e)).toBeInstanceOf(AccessRefusedError);
    const sealed = await viewAccessLog(database.deps, await contextFor(database, DEMO_USER_IDS.teamManager), DEMO_CHILD_IDS.sealed).catch((e: unknown) => e);
    expect((sealed as AccessRefusedError).status).toBe(404);
  });
});
