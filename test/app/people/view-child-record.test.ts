import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { relatedPeopleView } from '../../../src/app/people/person-record-view.ts';
import { viewChildRecord } from '../../../src/app/people/view-child-record.ts';
import { listRelatedPeople } from '../../../src/db/people/relationship-repository.ts';
import { AccessRefusedError } from '../../../src/app/shared/errors.ts';
import { viewMyWork } from '../../../src/app/work/my-work.ts';
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

async function refusal(userId: string, childId: string): Promise<AccessRefusedError> {
  const error: unknown = await viewChildRecord(database.deps, await contextFor(database, userId), childId).catch((e: unknown) => e);
  if (!(error instanceof AccessRefusedError)) throw new Error('expected a refusal');
  return error;
}

describe('opening a child’s record', () => {
  it('shows the allocated worker the record and audits the view in the same transaction', async () => {
    const child = await viewChildRecord(database.deps, await contextFor(database, DEMO_USER_IDS.socialWorker), DEMO_CHILD_IDS.allocated);
    expect(child.accessBasis).toBe('allocated-worker');
    expect(child.allocation?.workerName).toBe('Amara Lindqvist');
    expect(child.family.some((f) => f.relationship === 'parent')).toBe(true);
    const views = await auditRows(database, 'people.child-record.viewed');
    expect(views.at(-1)).toMatchObject({ actorUserId: DEMO_USER_IDS.socialWorker, childId: DEMO_CHILD_IDS.allocated, outcome: 'success' });
  });

  it('refuses a worker in another team with a 403, and audits the refusal', async () => {
    const error = await refusal(DEMO_USER_IDS.otherTeamWorker, DEMO_CHILD_IDS.allocated);
    expect(error.status).toBe(403);
    const refused = await auditRows(database, 'access.record.refused');
    expect(refused.at(-1)).toMatchObject({ actorUserId: DEMO_USER_IDS.otherTeamWorker, childId: DEMO_CHILD_IDS.allocated, outcome: 'refused' });
  });

  it('names who to ask on a restricted record', async () => {
    const error = await refusal(DEMO_USER_IDS.mashPractitioner, DEMO_CHILD_IDS.restricted);
    expect(error.status).toBe(403);
    expect(error.userMessage).toContain('Gareth Munroe');
    const contact = await viewChildRecord(database.deps, await contextFor(database, DEMO_USER_IDS.teamManager), DEMO_CHILD_IDS.restricted);
    expect(contact.accessBasis).toBe('restriction-contact');
  });

  it('hides a sealed record from everyone but its named users, including the administrator', async () => {
    for (const userId of [DEMO_USER_IDS.socialWorker, DEMO_USER_IDS.mashManager, DEMO_USER_IDS.admin, DEMO_USER_IDS.performanceOfficer]) {
      expect((await refusal(userId, DEMO_CHILD_IDS.sealed)).status).toBe(404);
    }
    const adopter = await viewChildRecord(database.deps, await contextFor(database, DEMO_USER_IDS.adoptionWorker), DEMO_CHILD_IDS.sealed);
    expect(adopter.restriction).toBe('sealed');
  });

  it('answers an unknown id exactly as a sealed one', async () => {
    const unknown = await refusal(DEMO_USER_IDS.socialWorker, '00000000-0000-4000-9000-999999999999');
    const sealed = await refusal(DEMO_USER_IDS.socialWorker, DEMO_CHILD_IDS.sealed);
    expect([unknown.status, unknown.userMessage]).toEqual([sealed.status, sealed.userMessage]);
  });

  it('lets an expired grant lapse on the next request', async () => {
    const now = database.clock.now();
    await database.handle.db
      .insertInto('accessGrant')
      .values({ personId: DEMO_CHILD_IDS.otherTeam, userId: DEMO_USER_IDS.socialWorker, reason: 'Covering a visit', expiresAt: new Date(now.getTime() + 60_000), createdAt: now })
      .execute();
    const ctx = await contextFor(database, DEMO_USER_IDS.socialWorker);
    expect((await viewChildRecord(database.deps, ctx, DEMO_CHILD_IDS.otherTeam)).accessBasis).toBe('named-grant');
    database.clock.advance(120_000);
    expect((await refusal(DEMO_USER_IDS.socialWorker, DEMO_CHILD_IDS.otherTeam)).status).toBe(403);
  });
});

describe('the people related to the child', () => {
  it('are read with the page exactly as the related-people list reads them: a restricted relative unnamed, a sealed one only for its named users', async () => {
    // Siblings for the allocated child: one restricted record and one sealed record.
    await database.handle.db
      .insertInto('personRelationship')
      .values([
        { personId: DEMO_CHILD_IDS.allocated, relatedPersonId: DEMO_CHILD_IDS.restricted, relationship: 'sibling' },
        { personId: DEMO_CHILD_IDS.allocated, relatedPersonId: DEMO_CHILD_IDS.sealed, relationship: 'sibling' },
      ])
      .execute();
    const siblingsSeenBy: Record<string, { id: string; named: boolean }[]> = {};
    for (const userId of [DEMO_USER_IDS.socialWorker, DEMO_USER_IDS.teamManager]) {
      const ctx = await contextFor(database, userId);
      if (ctx.actor === null) throw new Error('no actor');
      const actor = ctx.actor;
      const now = database.clock.now();
      const page = await viewChildRecord(database.deps, ctx, DEMO_CHILD_IDS.allocated);
      const listed = relatedPeopleView(await database.handle.db.transaction().execute((trx) => listRelatedPeople(trx, actor, now, [DEMO_CHILD_IDS.allocated])));
      expect(page.record.relationships).toEqual(listed);
      siblingsSeenBy[userId] = page.record.relationships
        .filter((r) => r.relatedPersonId === DEMO_CHILD_IDS.restricted || r.relatedPersonId === DEMO_CHILD_IDS.sealed)
        .map((r) => ({ id: r.relatedPersonId, named: r.named }));
    }
    // The worker may not open the restricted sibling (shown unnamed); its named contact, the manager, may. Neither sees the sealed one.
    expect(siblingsSeenBy[DEMO_USER_IDS.socialWorker]).toEqual([{ id: DEMO_CHILD_IDS.restricted, named: false }]);
    expect(siblingsSeenBy[DEMO_USER_IDS.teamManager]).toEqual([{ id: DEMO_CHILD_IDS.restricted, named: true }]);
    await database.handle.db.deleteFrom('personRelationship').where('personId', '=', DEMO_CHILD_IDS.allocated).where('relationship', '=', 'sibling').where('relatedPersonId', 'in', [DEMO_CHILD_IDS.restricted, DEMO_CHILD_IDS.sealed]).execute();
  });
});

describe('my work', () => {
  it('lists the children allocated to me, and for managers their team, never a sealed or restricted record they cannot open', async () => {
    const worker = await viewMyWork(database.deps, await contextFor(database, DEMO_USER_IDS.socialWorker));
    expect(worker.allocatedToMe.map((c) => c.id)).toContain(DEMO_CHILD_IDS.allocated);
    expect(worker.managedTeams).toEqual([]);
    const manager = await viewMyWork(database.deps, await contextFor(database, DEMO_USER_IDS.teamManager));
    const ids = manager.managedTeams.map((c) => c.id);
    expect(ids).toContain(DEMO_CHILD_IDS.allocated);
    expect(ids).toContain(DEMO_CHILD_IDS.restricted);
    const colleague = await viewMyWork(database.deps, await contextFor(database, DEMO_USER_IDS.socialWorker));
    expect(colleague.allocatedToMe.map((c) => c.id)).not.toContain(DEMO_CHILD_IDS.restricted);
  });
});
