// The child and family assessment on PGlite: started from an allocated referral, saved and submitted
// by the worker, returned or authorised by the team manager, with the rows, audit events and refusals.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { returnAssessment } from '../../../src/app/assessments/return-assessment.ts';
import { saveAssessment } from '../../../src/app/assessments/save-assessment.ts';
import { startAssessment } from '../../../src/app/assessments/start-assessment.ts';
import { viewAssessment, viewChildAssessments } from '../../../src/app/assessments/view-assessments.ts';
import { AccessRefusedError, NotFoundError, StaleVersionError, ValidationError } from '../../../src/app/shared/errors.ts';
import { SUBMISSION_MESSAGES } from '../../../src/domain/assessments/child-and-family-assessment.ts';
import { DEMO_USER_IDS } from '../../../src/db/seed/users.ts';
import { auditRows, contextFor, createTestAuthority } from '../../support/authority.ts';
import type { TestDatabase } from '../../support/database.ts';
import { allocatedReferral, assessmentVersion, completeContent, DUE_ON, REFERRED_ON, submittedAssessment, worker, manager, WRITTEN_AT } from './fixtures.ts';

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestAuthority();
});
afterAll(async () => {
  await database.close();
});

const db = () => database.handle.db;

describe('starting an assessment', () => {
  it('starts from an allocated referral: the allocated worker, the referral date as anchor, due 45 working days later, audited', async () => {
    const { referralId, childId } = await allocatedReferral(database);
    const ctx = await worker(database);
    const listed = await viewChildAssessments(database.deps, ctx, childId);
    expect(listed.startable.map((r) => r.id)).toEqual([referralId]);
    expect(listed.mayStart).toBe(true);
    const { assessmentId, started } = await startAssessment(database.deps, ctx, childId, { referralId });
    expect(started).toBe(true);
    const row = await db().selectFrom('assessment').selectAll().where('id', '=', assessmentId).executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      childId,
      referralId,
      workerUserId: DEMO_USER_IDS.socialWorker,
      referredOn: REFERRED_ON,
      dueOn: DUE_ON,
      status: 'in_progress',
      version: 1,
    });
    const audit = (await auditRows(database, 'assessments.assessment.started')).find((a) => a.subjectId === assessmentId);
    expect(audit?.childId).toBe(childId);
    expect(audit?.changes).toMatchObject({ referralId, dueOn: DUE_ON });
    // starting again opens the same one
    expect(await startAssessment(database.deps, ctx, childId, { referralId })).toEqual({ assessmentId, started: false });
    expect((await auditRows(database, 'assessments.assessment.started')).filter((a) => a.subjectId === assessmentId).at(-1)?.changes).toMatchObject({
      alreadyStarted: true,
    });
    const after = await viewChildAssessments(database.deps, ctx, childId);
    expect(after.startable).toEqual([]);
    expect(after.assessments[0]?.timescale.due.due.toString()).toBe(DUE_ON);
  });

  it('refuses a referral for a strategy discussion, another child’s referral, and roles without the permission', async () => {
    const strategy = await allocatedReferral(database, 'strategy_discussion');
    const ctx = await worker(database);
    await expect(startAssessment(database.deps, ctx, strategy.childId, { referralId: strategy.referralId })).rejects.toBeInstanceOf(ValidationError);
    const other = await allocatedReferral(database);
    await expect(startAssessment(database.deps, ctx, strategy.childId, { referralId: other.referralId })).rejects.toBeInstanceOf(NotFoundError);
    const mash = await contextFor(database, DEMO_USER_IDS.mashPractitioner);
    await expect(startAssessment(database.deps, mash, other.childId, { referralId: other.referralId })).rejects.toBeInstanceOf(AccessRefusedError);
    const otherTeam = await contextFor(database, DEMO_USER_IDS.otherTeamWorker);
    await expect(startAssessment(database.deps, otherTeam, other.childId, { referralId: other.referralId })).rejects.toMatchObject({ status: 403 });
    expect(await db().selectFrom('assessment').select('id').where('referralId', 'in', [strategy.referralId, other.referralId]).execute()).toEqual([]);
  });
});

describe('writing and submitting', () => {
  it('saves a draft ("Save and come back later") with a version, refuses a stale save, and keeps the content', async () => {
    const { referralId, childId } = await allocatedReferral(database);
    const ctx = await worker(database);
    const { assessmentId } = await startAssessment(database.deps, ctx, childId, { referralId });
    database.clock.set(WRITTEN_AT);
    const draft = completeContent({ childSeenOn: null, childSeenAloneOn: null, factors: [], primaryNeed: null });
    const saved = await saveAssessment(database.deps, ctx, childId, assessmentId, { content: draft, version: 1 }, { submit: false });
    expect(saved).toEqual({ version: 2, submitted: false });
    const row = await db().selectFrom('assessment').selectAll().where('id', '=', assessmentId).executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      status: 'in_progress',
      childVoice: 'Synthetic childVoice text.',
      planningChecklist: ['why_referred', 'access_child_views'],
      version: 2,
    });
    await expect(saveAssessment(database.deps, ctx, childId, assessmentId, { content: draft, version: 1 }, { submit: false })).rejects.toBeInstanceOf(
      StaleVersionError,
    );
    const audit = (await auditRows(database, 'assessments.assessment.saved')).find((a) => a.subjectId === assessmentId);
    expect(audit?.changes).toMatchObject({ factors: [] });
    expect(JSON.stringify(audit?.changes)).not.toContain('Synthetic childVoice text.');
  });

  it('refuses to submit until the child has been seen, with every problem at once, and writes nothing', async () => {
    const { referralId, childId } = await allocatedReferral(database);
    const ctx = await worker(database);
    const { assessmentId } = await startAssessment(database.deps, ctx, childId, { referralId });
    database.clock.set(WRITTEN_AT);
    const error: unknown = await saveAssessment(
      database.deps,
      ctx,
      childId,
      assessmentId,
      { content: completeContent({ childSeenOn: null, factors: ['21', '3B'], primaryNeed: null }), version: 1 },
      { submit: true },
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).fieldErrors).toEqual({
      childSeenOn: SUBMISSION_MESSAGES.childSeenOn,
      factors: SUBMISSION_MESSAGES.factors['no-factors-combined'],
      primaryNeed: SUBMISSION_MESSAGES.primaryNeed,
    });
    expect(await assessmentVersion(database, assessmentId)).toBe(1);
  });

  it('refuses a draft with a legacy factor or a date before the referral', async () => {
    const { referralId, childId } = await allocatedReferral(database);
    const ctx = await worker(database);
    const { assessmentId } = await startAssessment(database.deps, ctx, childId, { referralId });
    database.clock.set(WRITTEN_AT);
    await expect(
      saveAssessment(
        database.deps,
        ctx,
        childId,
        assessmentId,
        { content: completeContent({ factors: ['18A'], childSeenOn: '2026-04-01' }), version: 1 },
        { submit: false },
      ),
    ).rejects.toMatchObject({
      fieldErrors: { factors: SUBMISSION_MESSAGES.factors.legacy, childSeenOn: SUBMISSION_MESSAGES.seenBeforeReferral },
    });
  });

  it('submits: awaiting authorisation, no longer editable by the worker', async () => {
    const { assessmentId, childId } = await submittedAssessment(database);
    const row = await db().selectFrom('assessment').selectAll().where('id', '=', assessmentId).executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      status: 'awaiting_authorisation',
      submittedByUserId: DEMO_USER_IDS.socialWorker,
      childSeenOn: '2026-04-08',
      factors: ['3B', '4B'],
      primaryNeed: 'N1',
    });
    expect((await auditRows(database, 'assessments.assessment.submitted')).some((a) => a.subjectId === assessmentId)).toBe(true);
    const page = await viewAssessment(database.deps, await worker(database), childId, assessmentId);
    expect(page.mayEdit).toBe(false);
    expect(page.mayAuthorise).toBe(false);
    await expect(
      saveAssessment(database.deps, await worker(database), childId, assessmentId, { content: completeContent(), version: row.version }, { submit: false }),
    ).rejects.toBeInstanceOf(StaleVersionError);
    const managerPage = await viewAssessment(database.deps, await manager(database), childId, assessmentId);
    expect(managerPage.mayAuthorise).toBe(true);
  });
});

describe('the manager returns it', () => {
  it('goes back to in progress with the comments kept, audited; only the team’s manager may return it', async () => {
    const { assessmentId, childId } = await submittedAssessment(database);
    const version = await assessmentVersion(database, assessmentId);
    await expect(
      returnAssessment(database.deps, await worker(database), childId, assessmentId, { comments: 'More on father.', version }),
    ).rejects.toBeInstanceOf(AccessRefusedError);
    await returnAssessment(database.deps, await manager(database), childId, assessmentId, { comments: 'Add the non-resident father’s views.', version });
    const row = await db().selectFrom('assessment').selectAll().where('id', '=', assessmentId).executeTakeFirstOrThrow();
    expect(row.status).toBe('in_progress');
    const page = await viewAssessment(database.deps, await worker(database), childId, assessmentId);
    expect(page.returns.map((r) => r.comments)).toEqual(['Add the non-resident father’s views.']);
    expect(page.mayEdit).toBe(true);
    expect((await auditRows(database, 'assessments.assessment.returned')).some((a) => a.subjectId === assessmentId)).toBe(true);
    await expect(
      returnAssessment(database.deps, await manager(database), childId, assessmentId, { comments: 'Again', version: row.version }),
    ).rejects.toBeInstanceOf(StaleVersionError);
  });
});
