// Allocation of a social care referral by the team's manager (writing the allocation table), the
// caseloads shown against the team's target, and the refusals.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allocateReferral, viewAllocation, viewReferralQueue } from '../../../src/app/front-door/referrals.ts';
import { viewChildRecord } from '../../../src/app/people/view-child-record.ts';
import { recordMashDecision } from '../../../src/app/front-door/record-mash-decision.ts';
import { AccessRefusedError, StaleVersionError, ValidationError } from '../../../src/app/shared/errors.ts';
import { DEMO_USER_IDS } from '../../../src/db/seed/users.ts';
import { auditRows, contextFor, createTestAuthority } from '../../support/authority.ts';
import type { TestDatabase } from '../../support/database.ts';
import { contactVersion, mashManager, screenedContact } from './fixtures.ts';

let database: TestDatabase;
let fstNorth: string;
let fstCentral: string;
const NOW = new Date('2026-04-07T10:00:00Z');

beforeAll(async () => {
  database = await createTestAuthority();
  database.clock.set(NOW);
  const teams = await database.handle.db.selectFrom('team').select(['id', 'code']).where('code', 'in', ['FST_NORTH', 'FST_CENTRAL']).execute();
  fstNorth = teams.find((t) => t.code === 'FST_NORTH')?.id ?? '';
  fstCentral = teams.find((t) => t.code === 'FST_CENTRAL')?.id ?? '';
});
afterAll(async () => {
  await database.close();
});

const db = () => database.handle.db;

async function referredTo(teamId: string): Promise<{ referralId: string; childId: string }> {
  const { id, childIds } = await screenedContact(database, 4);
  const result = await recordMashDecision(database.deps, await mashManager(database), id, {
    outcome: 'social_care_assessment',
    teamId,
    familyConsentsToEarlyHelp: null,
    primaryNeed: 'N1',
    rationale: 'Threshold for an assessment is met.',
    version: await contactVersion(database, id),
  });
  return { referralId: result.referralIds[0] ?? '', childId: childIds[0] ?? '' };
}

describe('allocating a referral', () => {
  it('shows the team manager their team’s queue and each worker’s families against the target of 9', async () => {
    const { referralId } = await referredTo(fstNorth);
    const manager = await contextFor(database, DEMO_USER_IDS.teamManager);
    const queue = await viewReferralQueue(database.deps, manager);
    expect(queue.allTeams).toBe(false);
    expect(queue.awaiting.some((r) => r.id === referralId)).toBe(true);
    expect(queue.awaiting.every((r) => r.teamId === fstNorth)).toBe(true);
    const page = await viewAllocation(database.deps, manager, referralId);
    expect(page.target).toMatchObject({ familiesPerWorker: 9 });
    const worker = page.workers.find((w) => w.userId === DEMO_USER_IDS.socialWorker);
    expect(worker?.children).toBeGreaterThan(worker?.families ?? 0);
    expect(worker?.state).toMatch(/under|at|over/);
    expect(page.workers.some((w) => w.userId === DEMO_USER_IDS.teamManager)).toBe(false);
  });

  it('allocates to a worker in the team: ends the team allocation, starts the worker’s, marks the referral and audits it', async () => {
    const { referralId, childId } = await referredTo(fstNorth);
    const manager = await contextFor(database, DEMO_USER_IDS.teamManager);
    const referral = await db().selectFrom('referral').select('version').where('id', '=', referralId).executeTakeFirstOrThrow();
    const { allocationId } = await allocateReferral(database.deps, manager, referralId, { workerUserId: DEMO_USER_IDS.socialWorker, version: referral.version });
    const allocations = await db().selectFrom('allocation').selectAll().where('childId', '=', childId).orderBy('startedOn').orderBy('endedOn').execute();
    const open = allocations.filter((a) => a.endedOn === null);
    expect(open).toEqual([expect.objectContaining({ id: allocationId, teamId: fstNorth, workerUserId: DEMO_USER_IDS.socialWorker, startedOn: '2026-04-07' })]);
    expect(allocations.some((a) => a.workerUserId === null && a.endedOn === '2026-04-07')).toBe(true);
    expect(await db().selectFrom('referral').selectAll().where('id', '=', referralId).executeTakeFirstOrThrow()).toMatchObject({
      status: 'allocated',
      allocatedWorkerUserId: DEMO_USER_IDS.socialWorker,
      allocatedByUserId: DEMO_USER_IDS.teamManager,
      allocationId,
    });
    expect((await auditRows(database, 'casework.referral.allocated')).at(-1)).toMatchObject({ actorUserId: DEMO_USER_IDS.teamManager, subjectId: referralId, childId, changes: { workerUserId: DEMO_USER_IDS.socialWorker } });
    // The allocated worker now sees the child on their caseload.
    const worker = await contextFor(database, DEMO_USER_IDS.socialWorker);
    expect((await viewChildRecord(database.deps, worker, childId)).accessBasis).toBe('allocated-worker');
  });

  it('refuses a worker outside the team, a second allocation and a stale form', async () => {
    const { referralId } = await referredTo(fstNorth);
    const manager = await contextFor(database, DEMO_USER_IDS.teamManager);
    await expect(allocateReferral(database.deps, manager, referralId, { workerUserId: DEMO_USER_IDS.otherTeamWorker, version: 1 })).rejects.toMatchObject({ fieldErrors: { workerUserId: 'Select a worker in the team' } });
    await expect(allocateReferral(database.deps, manager, referralId, { workerUserId: DEMO_USER_IDS.teamManager, version: 1 })).rejects.toBeInstanceOf(ValidationError);
    await expect(allocateReferral(database.deps, manager, referralId, { workerUserId: DEMO_USER_IDS.socialWorker, version: 7 })).rejects.toBeInstanceOf(StaleVersionError);
    await allocateReferral(database.deps, manager, referralId, { workerUserId: DEMO_USER_IDS.socialWorker, version: 1 });
    await expect(allocateReferral(database.deps, manager, referralId, { workerUserId: DEMO_USER_IDS.socialWorker, version: 2 })).rejects.toMatchObject({ fieldErrors: { workerUserId: 'This referral has already been allocated' } });
  });

  it('refuses the manager of another team, and a social worker, and audits the refusals', async () => {
    const { referralId, childId } = await referredTo(fstCentral);
    const manager = await contextFor(database, DEMO_USER_IDS.teamManager);
    await expect(viewAllocation(database.deps, manager, referralId)).rejects.toBeInstanceOf(AccessRefusedError);
    expect((await auditRows(database, 'access.record.refused')).at(-1)).toMatchObject({ actorUserId: DEMO_USER_IDS.teamManager, childId });
    const worker = await contextFor(database, DEMO_USER_IDS.socialWorker);
    await expect(allocateReferral(database.deps, worker, referralId, { workerUserId: DEMO_USER_IDS.socialWorker, version: 1 })).rejects.toBeInstanceOf(AccessRefusedError);
    expect((await db().selectFrom('referral').select('status').where('id', '=', referralId).executeTakeFirstOrThrow()).status).toBe('awaiting_allocation');
  });

  it('lets two managers race for one referral: one allocation wins, the other is refused', async () => {
    const { referralId, childId } = await referredTo(fstNorth);
    const manager = await contextFor(database, DEMO_USER_IDS.teamManager);
    const mash = await mashManager(database);
    const worker2 = (await db().selectFrom('teamMembership').select('userId').where('teamId', '=', fstNorth).where('isManager', '=', false).where('userId', '<>', DEMO_USER_IDS.socialWorker).executeTakeFirstOrThrow()).userId;
    const results = await Promise.allSettled([
      allocateReferral(database.deps, manager, referralId, { workerUserId: DEMO_USER_IDS.socialWorker, version: 1 }),
      allocateReferral(database.deps, mash, referralId, { workerUserId: worker2, version: 1 }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(await db().selectFrom('allocation').select('id').where('childId', '=', childId).where('endedOn', 'is', null).execute()).toHaveLength(1);
  });
});
