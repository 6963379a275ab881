import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { viewChronology } from '../../../src/app/chronology/view-chronology.ts';
import { closeChildInNeedEpisode } from '../../../src/app/child-in-need/close-episode.ts';
import { childInNeedDueItems, weakPlansInTeams } from '../../../src/app/child-in-need/due-items.ts';
import { finalisePlan, openPlanForm, savePlanDraft } from '../../../src/app/child-in-need/edit-plan.ts';
import { openChildInNeedPlan, startChildInNeedPlan } from '../../../src/app/child-in-need/open-plan.ts';
import { recordReview, REVIEW_MESSAGES, type RecordReviewInput } from '../../../src/app/child-in-need/record-review.ts';
import { viewChildInNeed } from '../../../src/app/child-in-need/view-plans.ts';
import { AccessRefusedError, StaleVersionError, ValidationError } from '../../../src/app/shared/errors.ts';
import { systemContext } from '../../../src/app/shared/request-context.ts';
import { unitOfWork } from '../../../src/app/shared/unit-of-work.ts';
import { viewMyWork } from '../../../src/app/work/my-work.ts';
import { loadActor } from '../../../src/db/admin/user-repository.ts';
import { DEMO_CHILD_IDS } from '../../../src/db/seed/demo-authority.ts';
import { DEMO_ASSESSMENT_IDS } from '../../../src/db/seed/demo-assessments.ts';
import { DEMO_USER_IDS } from '../../../src/db/seed/users.ts';
import type { PlanContent } from '../../../src/domain/child-in-need/plan.ts';
import { auditRows, contextFor, createTestAuthority } from '../../support/authority.ts';
import type { TestDatabase } from '../../support/database.ts';

let database: TestDatabase;
// Tuesday 10 March 2026, 14:30 in London.
const NOW = new Date('2026-03-10T14:30:00Z');

const GOOD: PlanContent = {
  outcomes: [{ outcome: 'Ava goes to school every day', measure: 'Attendance above 95% each half term, checked with the school' }],
  actions: [{ action: 'Walk Ava to school on Mondays', owner: 'Aunt (maternal)', dueOn: '2026-04-30' }],
  contingency:
    'If Ava is not attending school at least four days a week by the end of April, or mum stops working with the drug service, the social worker will ask the team manager for a strategy discussion within two working days.',
  childViews: 'Ava says she likes art and wants her mum to be less tired.',
};

const review = (overrides: Partial<RecordReviewInput> = {}): RecordReviewInput => ({
  heldOn: '2026-03-10',
  attendance: 'Mum, Ava, school, health visitor',
  childViews: 'Ava said home is calmer.',
  progress: 'Attendance up to 93%.',
  progressAssessment: false,
  decision: 'continue',
  updatePlan: false,
  stepDownFamilyConsent: false,
  ...overrides,
});

async function refusalOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected the call to fail');
    },
    (error: unknown) => error,
  );
}

/** A child of the demo social worker's caseload (not the one the web and matrix tests use), with no open plan. */
async function freshChild(index: number): Promise<string> {
  const rows = await database.handle.db
    .selectFrom('allocation')
    .select('childId')
    .where('workerUserId', '=', DEMO_USER_IDS.socialWorker)
    .where('endedOn', 'is', null)
    .where('childId', '<>', DEMO_CHILD_IDS.allocated)
    .where((eb) =>
      eb.not(
        eb.exists(eb.selectFrom('cinPlan').select('cinPlan.id').whereRef('cinPlan.childId', '=', 'allocation.childId').where('cinPlan.status', '<>', 'ended')),
      ),
    )
    // A step-up review leaves a strategy discussion to be held for its child: later tests use another.
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('strategyDiscussionChild as sdc')
            .innerJoin('strategyDiscussion as sd', 'sd.id', 'sdc.strategyDiscussionId')
            .select('sdc.childId')
            .whereRef('sdc.childId', '=', 'allocation.childId')
            .where('sd.status', '=', 'to_be_held'),
        ),
      ),
    )
    .orderBy('childId')
    .execute();
  const row = rows[index];
  if (row === undefined) throw new Error('not enough children in the demo caseload');
  return row.childId;
}

async function planOf(childId: string) {
  return database.handle.db.selectFrom('cinPlan').selectAll().where('childId', '=', childId).where('status', '<>', 'ended').executeTakeFirstOrThrow();
}

/** Starts and agrees a plan on a fresh child; returns its ids and version. */
async function agreedPlan(content: PlanContent = GOOD): Promise<{ childId: string; planId: string; version: number }> {
  const sw = await contextFor(database, DEMO_USER_IDS.socialWorker);
  const childId = await freshChild(0);
  const { planId } = await startChildInNeedPlan(database.deps, sw, childId, { primaryNeed: 'N4' });
  await finalisePlan(database.deps, sw, childId, planId, 1, content);
  return { childId, planId, version: (await planOf(childId)).version };
}

beforeAll(async () => {
  database = await createTestAuthority();
  database.clock.set(NOW);
});
afterAll(async () => {
  await database.close();
});

describe('opening a child in need plan', () => {
  it('openChildInNeedPlan writes a draft plan, its episode and its audit event inside the caller’s transaction', async () => {
    const childId = await freshChild(0);
    const team = await database.handle.db
      .selectFrom('allocation')
      .select('teamId')
      .where('childId', '=', childId)
      .where('endedOn', 'is', null)
      .executeTakeFirstOrThrow();
    const assessmentId = DEMO_ASSESSMENT_IDS.authorised;
    const { planId } = await unitOfWork(database.deps, systemContext('assessment test'), (work) =>
      openChildInNeedPlan(work, { childId, assessmentId, teamId: team.teamId, workerUserId: DEMO_USER_IDS.socialWorker, openedOn: '2026-03-09' }),
    );
    const plan = await database.handle.db.selectFrom('cinPlan').selectAll().where('id', '=', planId).executeTakeFirstOrThrow();
    expect(plan).toMatchObject({ status: 'draft', openedOn: '2026-03-09', assessmentId, agreedOn: null, version: 1 });
    const episode = await database.handle.db.selectFrom('cinEpisode').selectAll().where('id', '=', plan.episodeId).executeTakeFirstOrThrow();
    expect(episode).toMatchObject({ childId, startedOn: '2026-03-09', assessmentId, closedOn: null });
    const versions = await database.handle.db.selectFrom('cinPlanVersion').selectAll().where('planId', '=', planId).execute();
    expect(versions).toHaveLength(1);
    expect(versions[0]).toMatchObject({ number: 1, status: 'draft' });
    expect((await auditRows(database, 'child-in-need.plan.opened')).at(-1)).toMatchObject({ subjectId: planId, childId, actorLabel: 'assessment test' });
    // CIN-01 is now running for the worker: 10 working days from 9 March 2026.
    const actor = await loadActor(database.handle.db, DEMO_USER_IDS.socialWorker);
    if (actor === null) throw new Error('no actor');
    const items = await database.handle.db.transaction().execute((trx) => childInNeedDueItems(trx, actor, NOW, { workerId: actor.userId }));
    expect(items.find((i) => i.childId === childId)).toMatchObject({
      ruleId: 'CIN-01',
      dueOn: '2026-03-23',
      what: 'Child in need plan to agree',
      href: `/children/${childId}/child-in-need`,
    });
    // Closing it again for the next tests.
    const tm = await contextFor(database, DEMO_USER_IDS.teamManager);
    await closeChildInNeedEpisode(database.deps, tm, childId, planId, 1, { reason: 'RC8', closedOn: '2026-03-10' });
  });

  it('rolls back with the caller: nothing is left when the caller’s transaction fails', async () => {
    const childId = await freshChild(0);
    const team = await database.handle.db
      .selectFrom('allocation')
      .select('teamId')
      .where('childId', '=', childId)
      .where('endedOn', 'is', null)
      .executeTakeFirstOrThrow();
    const failed = await refusalOf(
      unitOfWork(database.deps, systemContext('assessment test'), async (work) => {
        await openChildInNeedPlan(work, { childId, assessmentId: null, teamId: team.teamId, workerUserId: null, openedOn: '2026-03-09' });
        throw new Error('assessment failed after opening the plan');
      }),
    );
    expect(failed).toBeInstanceOf(Error);
    expect(await database.handle.db.selectFrom('cinPlan').select('id').where('childId', '=', childId).where('status', '<>', 'ended').execute()).toEqual([]);
  });

  it('a worker starts a plan from the record; starting again takes them to the same plan', async () => {
    const sw = await contextFor(database, DEMO_USER_IDS.socialWorker);
    const childId = await freshChild(0);
    const plansBefore = await database.handle.db.selectFrom('cinPlan').select('id').where('childId', '=', childId).execute();
    for (const primaryNeed of [null, '', 'N0', 'X9']) {
      await expect(startChildInNeedPlan(database.deps, sw, childId, { primaryNeed })).rejects.toMatchObject({
        fieldErrors: { primaryNeed: 'Select the child’s primary need from the list' },
      });
    }
    expect(await database.handle.db.selectFrom('cinPlan').select('id').where('childId', '=', childId).execute()).toEqual(plansBefore);
    const first = await startChildInNeedPlan(database.deps, sw, childId, { primaryNeed: 'N4' });
    expect(first.opened).toBe(true);
    expect((await auditRows(database, 'child-in-need.plan.opened')).at(-1)).toMatchObject({ subjectId: first.planId, changes: { initialPrimaryNeed: 'N4' } });
    const again = await startChildInNeedPlan(database.deps, sw, childId, { primaryNeed: 'N4' });
    expect(again).toEqual({ planId: first.planId, opened: false });
    expect(await database.handle.db.selectFrom('cinPlan').select('id').where('childId', '=', childId).where('status', '<>', 'ended').execute()).toHaveLength(1);
    const starts = await auditRows(database, 'child-in-need.plan.start');
    expect(starts.slice(-2).map((r) => (r.changes as { opened: boolean }).opened)).toEqual([true, false]);
    const plan = await planOf(childId);
    expect(plan).toMatchObject({ openedOn: '2026-03-10', workerUserId: DEMO_USER_IDS.socialWorker, status: 'draft', initialPrimaryNeed: 'N4' });
    const tm = await contextFor(database, DEMO_USER_IDS.teamManager);
    await closeChildInNeedEpisode(database.deps, tm, childId, plan.id, plan.version, { reason: 'RC7', closedOn: '2026-03-10' });
  });

  it('refuses a worker in another team and a performance officer, and audits the refusal', async () => {
    const childId = await freshChild(0);
    const other = await contextFor(database, DEMO_USER_IDS.otherTeamWorker);
    expect(await refusalOf(startChildInNeedPlan(database.deps, other, childId, { primaryNeed: 'N4' }))).toBeInstanceOf(AccessRefusedError);
    const perf = await contextFor(database, DEMO_USER_IDS.performanceOfficer);
    expect(await refusalOf(startChildInNeedPlan(database.deps, perf, childId, { primaryNeed: 'N4' }))).toMatchObject({ status: 403, reason: 'role' });
    expect((await auditRows(database, 'access.record.refused')).at(-2)).toMatchObject({ childId, actorUserId: DEMO_USER_IDS.otherTeamWorker });
    expect(await database.handle.db.selectFrom('cinPlan').select('id').where('childId', '=', childId).where('status', '<>', 'ended').execute()).toEqual([]);
  });
});

describe('writing and agreeing the plan', () => {
  it('keeps the draft in the database, refuses a stale save, and refuses to finalise without a contingency', async () => {
    const sw = await contextFor(database, DEMO_USER_IDS.socialWorker);
    const childId = await freshChild(0);
    const { planId } = await startChildInNeedPlan(database.deps, sw, childId, { primaryNeed: 'N4' });
    const draft = { ...GOOD, contingency: '' };
    expect(await savePlanDraft(database.deps, sw, childId, planId, 1, draft)).toEqual({ version: 2 });
    const form = await openPlanForm(database.deps, sw, childId);
    expect(form.draft).toMatchObject({ number: 1, status: 'draft', outcomes: GOOD.outcomes, actions: GOOD.actions, contingency: '' });
    expect(form.qualityFlags).toContain('contingency-missing');
    expect((await auditRows(database, 'child-in-need.plan-draft.saved')).at(-1)?.changes).toMatchObject({ outcomes: 1, actions: 1, contingency: false });

    expect(await refusalOf(savePlanDraft(database.deps, sw, childId, planId, 1, GOOD))).toBeInstanceOf(StaleVersionError);

    const refused = await refusalOf(finalisePlan(database.deps, sw, childId, planId, 2, draft));
    expect(refused).toBeInstanceOf(ValidationError);
    expect((refused as ValidationError).fieldErrors).toHaveProperty('contingency');
    expect(await planOf(childId)).toMatchObject({ status: 'draft', agreedOn: null, version: 2 });

    const result = await finalisePlan(database.deps, sw, childId, planId, 2, GOOD);
    expect(result).toEqual({ versionNumber: 1, qualityFlags: [] });
    expect(await planOf(childId)).toMatchObject({ status: 'active', agreedOn: '2026-03-10', version: 3 });
    const version = await database.handle.db.selectFrom('cinPlanVersion').selectAll().where('planId', '=', planId).executeTakeFirstOrThrow();
    expect(version).toMatchObject({ status: 'finalised', finalisedOn: '2026-03-10', finalisedByUserId: DEMO_USER_IDS.socialWorker, qualityFlags: [] });
    expect((await auditRows(database, 'child-in-need.plan.finalised')).at(-1)).toMatchObject({ subjectId: planId, childId });
    // A finalised plan has no draft to edit.
    expect(await refusalOf(savePlanDraft(database.deps, sw, childId, planId, 3, GOOD))).toBeInstanceOf(ValidationError);
  });

  it('records the quality flags of a weak plan and lists it for the team manager', async () => {
    const weak: PlanContent = { ...GOOD, contingency: 'Escalate if needed.', actions: [{ action: 'Parenting course', owner: '', dueOn: '' }], childViews: '' };
    const { childId, planId } = await agreedPlan(weak);
    const row = await database.handle.db.selectFrom('cinPlanVersion').select('qualityFlags').where('planId', '=', planId).executeTakeFirstOrThrow();
    expect(row.qualityFlags).toEqual(['contingency-too-short', 'contingency-generic', 'action-without-owner', 'action-without-date', 'no-child-views']);
    const manager = await loadActor(database.handle.db, DEMO_USER_IDS.teamManager);
    if (manager === null) throw new Error('no manager');
    const teamIds = manager.teams.filter((t) => t.isManager).map((t) => t.teamId);
    const weakPlans = await database.handle.db.transaction().execute((trx) => weakPlansInTeams(trx, manager, NOW, teamIds));
    expect(weakPlans.find((w) => w.childId === childId)?.flags).toContain('The child’s views are not recorded');
    const section = await viewChildInNeed(database.deps, await contextFor(database, DEMO_USER_IDS.teamManager), childId);
    expect(section.plans[0]?.qualityFlags.map((f) => f.flag)).toContain('no-child-views');
    expect(section.mayClose).toBe(true);
  });
});

describe('reviews', () => {
  it('continue: sets the next review 3 months on, and may start a new draft version of the plan', async () => {
    const { childId, planId, version } = await agreedPlan();
    const sw = await contextFor(database, DEMO_USER_IDS.socialWorker);
    const result = await recordReview(database.deps, sw, childId, planId, version, review({ updatePlan: true, progressAssessment: true }));
    expect(result).toMatchObject({ decision: 'continue', newDraftVersion: 2 });
    expect(await planOf(childId)).toMatchObject({ lastReviewedOn: '2026-03-10', lastProgressReviewOn: '2026-03-10', version: version + 1 });
    const v2 = await database.handle.db.selectFrom('cinPlanVersion').selectAll().where('planId', '=', planId).where('number', '=', 2).executeTakeFirstOrThrow();
    expect(v2).toMatchObject({ status: 'draft', reviewId: result.reviewId, contingency: GOOD.contingency });
    expect((await auditRows(database, 'child-in-need.review.recorded')).at(-1)).toMatchObject({ subjectId: result.reviewId, childId });
    const section = await viewChildInNeed(database.deps, sw, childId);
    expect(section.plans[0]?.due.find((d) => d.ruleId === 'CIN-02')?.dueOn).toBe('2026-06-10');
    expect(section.plans[0]?.due.find((d) => d.ruleId === 'CIN-04')?.dueOn).toBe('2027-01-10');
    // Agreeing version 2 supersedes version 1.
    await finalisePlan(database.deps, sw, childId, planId, version + 1, { ...GOOD, childViews: 'Ava wants to go swimming.' });
    const statuses = await database.handle.db
      .selectFrom('cinPlanVersion')
      .select(['number', 'status'])
      .where('planId', '=', planId)
      .orderBy('number')
      .execute();
    expect(statuses).toEqual([
      { number: 1, status: 'superseded' },
      { number: 2, status: 'finalised' },
    ]);
    expect(await planOf(childId)).toMatchObject({ agreedOn: '2026-03-10', status: 'active' });
  });

  it.each(['step_up', 'step_down', 'close'] as const)('%s: recorded; the plan stays open until the episode is closed', async (decision) => {
    const { childId, planId, version } = await agreedPlan();
    const sw = await contextFor(database, DEMO_USER_IDS.socialWorker);
    const result = await recordReview(database.deps, sw, childId, planId, version, review({ decision, stepDownFamilyConsent: decision === 'step_down' }));
    expect(result).toMatchObject({ decision, newDraftVersion: null });
    expect(await planOf(childId)).toMatchObject({ status: 'active' });
    const stepUps = (await auditRows(database, 'child-in-need.step-up.requested')).filter((r) => r.subjectId === planId);
    expect(stepUps).toHaveLength(decision === 'step_up' ? 1 : 0);
    const tm = await contextFor(database, DEMO_USER_IDS.teamManager);
    await closeChildInNeedEpisode(database.deps, tm, childId, planId, version + 1, { reason: 'RC7', closedOn: '2026-03-10' });
  });

  it('step up: opens a strategy discussion to be held (due within S47-01) in the same transaction, linked from the review', async () => {
    const { childId, planId, version } = await agreedPlan();
    const sw = await contextFor(database, DEMO_USER_IDS.socialWorker);
    const result = await recordReview(database.deps, sw, childId, planId, version, review({ decision: 'step_up' }));
    expect(result.opened.kind).toBe('strategy_discussion');
    const id = result.opened.kind === 'strategy_discussion' ? result.opened.id : '';
    const discussion = await database.handle.db.selectFrom('strategyDiscussion').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(discussion).toMatchObject({ status: 'to_be_held', openedOn: '2026-03-10' });
    expect(discussion.dueOn > '2026-03-10').toBe(true);
    const place = await database.handle.db.selectFrom('strategyDiscussionChild').selectAll().where('strategyDiscussionId', '=', id).executeTakeFirstOrThrow();
    expect(place).toMatchObject({ childId, sourceKind: 'child-record' });
    const saved = await database.handle.db.selectFrom('cinReview').select('strategyDiscussionId').where('id', '=', result.reviewId).executeTakeFirstOrThrow();
    expect(saved.strategyDiscussionId).toBe(id);
    expect((await auditRows(database, 'child-protection.strategy-discussion.opened')).at(-1)).toMatchObject({ subjectId: id, childId });
    const section = await viewChildInNeed(database.deps, sw, childId);
    expect(section.plans[0]?.reviews[0]).toMatchObject({ strategyDiscussionId: id, earlyHelpReferralId: null });
    // The discussion it asked for shows in the child's chronology, on the day of the review, linked to the discussion.
    const chronology = await viewChronology(database.deps, sw, childId, { categories: ['meeting'], from: '2026-03-10', to: '2026-03-10' });
    expect(chronology.items.filter((i) => i.origin.id === id)).toMatchObject([
      { key: `strategy-discussion-opened:${id}`, date: '2026-03-10', summary: 'Strategy discussion asked for', origin: { kind: 'strategy-discussion', id } },
    ]);
    const tm = await contextFor(database, DEMO_USER_IDS.teamManager);
    await closeChildInNeedEpisode(database.deps, tm, childId, planId, version + 1, { reason: 'RC7', closedOn: '2026-03-10' });
  });

  it('step down: refers the child to early help at level 3 with the family’s agreement, in the same transaction; refused without it, writing nothing', async () => {
    const { childId, planId, version } = await agreedPlan();
    const sw = await contextFor(database, DEMO_USER_IDS.socialWorker);
    const refused = await refusalOf(recordReview(database.deps, sw, childId, planId, version, review({ decision: 'step_down' })));
    expect((refused as ValidationError).fieldErrors).toEqual({ stepDownFamilyConsent: REVIEW_MESSAGES.stepDownConsent });
    expect(await database.handle.db.selectFrom('cinReview').select('id').where('planId', '=', planId).execute()).toEqual([]);
    const result = await recordReview(database.deps, sw, childId, planId, version, review({ decision: 'step_down', stepDownFamilyConsent: true }));
    expect(result.opened.kind).toBe('early_help_referral');
    const referral = await database.handle.db.selectFrom('earlyHelpReferral').selectAll().where('cinReviewId', '=', result.reviewId).executeTakeFirstOrThrow();
    expect(referral).toMatchObject({ childId, needLevel: 3, familyConsent: true, referredOn: '2026-03-10', contactId: null, assessmentId: null, status: 'awaiting_allocation' });
    expect(result.opened.kind === 'early_help_referral' && result.opened.id).toBe(referral.id);
    expect((await auditRows(database, 'front-door.early-help-referral.created')).at(-1)).toMatchObject({ subjectId: referral.id, childId });
    const section = await viewChildInNeed(database.deps, sw, childId);
    expect(section.plans[0]?.reviews[0]).toMatchObject({ strategyDiscussionId: null, earlyHelpReferralId: referral.id });
    // The referral shows in the child's chronology once, through the front door's source (the early help referral it is).
    const chronology = await viewChronology(database.deps, sw, childId, { categories: ['contact_referral'], from: '2026-03-10', to: '2026-03-10' });
    expect(chronology.items.filter((i) => i.origin.id === referral.id)).toMatchObject([
      { key: `early-help-referral:${referral.id}`, date: '2026-03-10', summary: 'Referred to targeted early help (level of need 3), with the family’s consent' },
    ]);
    const tm = await contextFor(database, DEMO_USER_IDS.teamManager);
    await closeChildInNeedEpisode(database.deps, tm, childId, planId, version + 1, { reason: 'RC7', closedOn: '2026-03-10' });
  });

  it('refuses a review with missing answers, a future date, or a stale version, writing nothing', async () => {
    const { childId, planId, version } = await agreedPlan();
    const sw = await contextFor(database, DEMO_USER_IDS.socialWorker);
    const missing = await refusalOf(
      recordReview(database.deps, sw, childId, planId, version, review({ attendance: ' ', childViews: '', progress: '', decision: 'maybe', heldOn: '' })),
    );
    expect(Object.keys((missing as ValidationError).fieldErrors).sort()).toEqual(['attendance', 'childViews', 'decision', 'heldOn', 'progress']);
    const future = await refusalOf(recordReview(database.deps, sw, childId, planId, version, review({ heldOn: '2026-03-11' })));
    expect((future as ValidationError).fieldErrors).toEqual({ heldOn: 'The date the review was held must be today or in the past' });
    const before = await refusalOf(recordReview(database.deps, sw, childId, planId, version, review({ heldOn: '2026-03-01' })));
    expect((before as ValidationError).fieldErrors).toHaveProperty('heldOn');
    expect(await refusalOf(recordReview(database.deps, sw, childId, planId, version - 1, review()))).toBeInstanceOf(StaleVersionError);
    expect(await database.handle.db.selectFrom('cinReview').select('id').where('planId', '=', planId).execute()).toEqual([]);
    const tm = await contextFor(database, DEMO_USER_IDS.teamManager);
    await closeChildInNeedEpisode(database.deps, tm, childId, planId, version, { reason: 'RC7', closedOn: '2026-03-10' });
  });

  it('refuses a review of a plan not yet agreed', async () => {
    const sw = await contextFor(database, DEMO_USER_IDS.socialWorker);
    const childId = await freshChild(0);
    const { planId } = await startChildInNeedPlan(database.deps, sw, childId, { primaryNeed: 'N4' });
    const refused = await refusalOf(recordReview(database.deps, sw, childId, planId, 1, review()));
    expect((refused as ValidationError).fieldErrors).toHaveProperty('plan');
    const tm = await contextFor(database, DEMO_USER_IDS.teamManager);
    await closeChildInNeedEpisode(database.deps, tm, childId, planId, 1, { reason: 'RC7', closedOn: '2026-03-10' });
  });
});

describe('closing the child in need episode', () => {
  it('the team manager closes with a DfE reason and date; the plan ends', async () => {
    const { childId, planId, version } = await agreedPlan();
    const tm = await contextFor(database, DEMO_USER_IDS.teamManager);
    const result = await closeChildInNeedEpisode(database.deps, tm, childId, planId, version, { reason: 'RC5', closedOn: '2026-03-10' });
    expect(result).toEqual({ reason: 'RC5', closedOn: '2026-03-10' });
    const plan = await database.handle.db.selectFrom('cinPlan').selectAll().where('id', '=', planId).executeTakeFirstOrThrow();
    expect(plan).toMatchObject({ status: 'ended', endedOn: '2026-03-10' });
    const episode = await database.handle.db.selectFrom('cinEpisode').selectAll().where('id', '=', plan.episodeId).executeTakeFirstOrThrow();
    expect(episode).toMatchObject({ closedOn: '2026-03-10', closureReason: 'RC5', closedByUserId: DEMO_USER_IDS.teamManager });
    expect((await auditRows(database, 'child-in-need.episode.closed')).at(-1)).toMatchObject({
      subjectId: planId,
      childId,
      changes: expect.objectContaining({ reason: 'RC5' }) as unknown,
    });
    const section = await viewChildInNeed(database.deps, tm, childId);
    expect(section.plans[0]?.closureReasonText).toBe('RC5: Transferred to services of another local authority');
    expect(section.plans[0]?.due).toEqual([]);
    // The ended plan is no longer in anyone's work.
    const work = await viewMyWork(database.deps, tm);
    expect(work.teamDue.some((i) => i.childId === childId && i.ruleId.startsWith('CIN'))).toBe(false);
    expect(await refusalOf(closeChildInNeedEpisode(database.deps, tm, childId, planId, version + 1, { reason: 'RC5', closedOn: '2026-03-10' }))).toBeInstanceOf(
      ValidationError,
    );
  });

  it('refuses a social worker (role), an unknown reason, RC9 and a date before the episode or in the future', async () => {
    const { childId, planId, version } = await agreedPlan();
    const sw = await contextFor(database, DEMO_USER_IDS.socialWorker);
    expect(await refusalOf(closeChildInNeedEpisode(database.deps, sw, childId, planId, version, { reason: 'RC7', closedOn: '2026-03-10' }))).toMatchObject({
      status: 403,
      reason: 'role',
    });
    const tm = await contextFor(database, DEMO_USER_IDS.teamManager);
    for (const [input, field] of [
      [{ reason: 'RC9', closedOn: '2026-03-10' }, 'reason'],
      [{ reason: '', closedOn: '2026-03-10' }, 'reason'],
      [{ reason: 'RC7', closedOn: '2026-03-11' }, 'closedOn'],
      [{ reason: 'RC7', closedOn: '2026-02-01' }, 'closedOn'],
      [{ reason: 'RC7', closedOn: '2026-02-30' }, 'closedOn'],
    ] as const) {
      const refused = await refusalOf(closeChildInNeedEpisode(database.deps, tm, childId, planId, version, input));
      expect((refused as ValidationError).fieldErrors).toHaveProperty(field);
    }
    expect(await planOf(childId)).toMatchObject({ status: 'active' });
    await closeChildInNeedEpisode(database.deps, tm, childId, planId, version, { reason: 'RC7', closedOn: '2026-03-10' });
  });
});

describe('My work', () => {
  it('lists each worker’s reviews due and overdue, sorted, and the team’s for the manager, filtered by worker', async () => {
    const { childId, planId, version } = await agreedPlan();
    // A review held on 1 December 2025 (back-dated in the database): the next was due 1 March 2026.
    await database.handle.db
      .updateTable('cinPlan')
      .set({ agreedOn: '2025-09-01', openedOn: '2025-09-01', lastReviewedOn: '2025-12-01' })
      .where('id', '=', planId)
      .execute();
    await database.handle.db.updateTable('cinEpisode').set({ startedOn: '2025-09-01' }).where('childId', '=', childId).where('closedOn', 'is', null).execute();
    const sw = await contextFor(database, DEMO_USER_IDS.socialWorker);
    const mine = await viewMyWork(database.deps, sw);
    const item = mine.myDue.find((i) => i.childId === childId && i.ruleId === 'CIN-02');
    expect(item).toMatchObject({ dueOn: '2026-03-01', rag: { rag: 'red' } });
    expect(item?.explanation.arithmetic).toBe('3 months after Monday 1 December 2025 is Sunday 1 March 2026.');
    expect(mine.myDue.map((i) => i.dueOn)).toEqual([...mine.myDue.map((i) => i.dueOn)].sort());
    const tm = await contextFor(database, DEMO_USER_IDS.teamManager);
    const team = await viewMyWork(database.deps, tm);
    expect(team.teamDue.some((i) => i.childId === childId)).toBe(true);
    expect(team.teamWorkers.map((w) => w.id)).toContain(DEMO_USER_IDS.socialWorker);
    const filtered = await viewMyWork(database.deps, tm, { worker: DEMO_USER_IDS.teamManager });
    expect(filtered.workerFilter).toBe(DEMO_USER_IDS.teamManager);
    expect(filtered.teamDue.some((i) => i.childId === childId)).toBe(false);
    const other = await viewMyWork(database.deps, await contextFor(database, DEMO_USER_IDS.otherTeamWorker));
    expect(other.myDue.some((i) => i.childId === childId)).toBe(false);
    await closeChildInNeedEpisode(database.deps, tm, childId, planId, version, { reason: 'RC7', closedOn: '2026-03-10' });
  });

  it('lists the weak plans of the whole teams for the manager, even when the team view is filtered to one worker', async () => {
    const weak: PlanContent = { ...GOOD, contingency: 'Escalate if needed.', actions: [{ action: 'Parenting course', owner: '', dueOn: '' }], childViews: '' };
    const { childId, planId, version } = await agreedPlan(weak);
    const tm = await contextFor(database, DEMO_USER_IDS.teamManager);
    const team = await viewMyWork(database.deps, tm);
    expect(team.weakPlans.find((w) => w.childId === childId)?.flags).toContain('The child’s views are not recorded');
    expect(team.managedTeams.some((c) => c.id === childId)).toBe(true);
    const filtered = await viewMyWork(database.deps, tm, { worker: DEMO_USER_IDS.teamManager });
    expect(filtered.managedTeams.some((c) => c.id === childId)).toBe(false);
    expect(filtered.teamDue.some((i) => i.childId === childId)).toBe(false);
    expect(filtered.weakPlans).toEqual(team.weakPlans);
    await closeChildInNeedEpisode(database.deps, tm, childId, planId, version, { reason: 'RC7', closedOn: '2026-03-10' });
  });
});
