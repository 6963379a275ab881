import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addConferenceInvitation } from '../../../src/app/child-protection/conference-invitations.ts';
import { saveConferenceOutcomeDraft } from '../../../src/app/child-protection/conference-outcome-draft.ts';
import { conveneInitialConference } from '../../../src/app/child-protection/convene-initial-conference.ts';
import { openInitialConference } from '../../../src/app/child-protection/open-initial-conference.ts';
import { recordCoreGroup } from '../../../src/app/child-protection/record-core-group.ts';
import { recordCpVisit } from '../../../src/app/child-protection/record-cp-visit.ts';
import { recordInitialConference, type RecordInitialConferenceInput } from '../../../src/app/child-protection/record-initial-conference.ts';
import { recordReviewConference } from '../../../src/app/child-protection/record-review-conference.ts';
import { recordBirth } from '../../../src/app/pre-birth/record-birth.ts';
import { childProtectionDueItems } from '../../../src/app/child-protection/due-items.ts';
import { saveCpPlan, saveCpPlanDraft } from '../../../src/app/child-protection/save-cp-plan.ts';
import { viewChildProtection, viewConference } from '../../../src/app/child-protection/view-child-protection.ts';
import { AccessRefusedError, NotFoundError, StaleVersionError, ValidationError } from '../../../src/app/shared/errors.ts';
import { systemContext } from '../../../src/app/shared/request-context.ts';
import { unitOfWork } from '../../../src/app/shared/unit-of-work.ts';
import { DEMO_USER_IDS } from '../../../src/db/seed/users.ts';
import { auditRows, contextFor, createTestAuthority } from '../../support/authority.ts';
import type { TestDatabase } from '../../support/database.ts';
import { addChild } from './fixtures.ts';

let database: TestDatabase;
// Tuesday 10 March 2026, 14:30 in London.
const NOW = new Date('2026-03-10T14:30:00Z');

beforeAll(async () => {
  database = await createTestAuthority();
  database.clock.set(NOW);
});
afterAll(async () => {
  await database.close();
});

async function failureOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected the call to fail');
    },
    (error: unknown) => error,
  );
}

const plan = (over: Partial<RecordInitialConferenceInput> = {}): RecordInitialConferenceInput => ({
  version: 1,
  heldOn: '2026-03-09',
  decision: 'plan',
  category: 'NEG',
  leadWorkerUserId: DEMO_USER_IDS.socialWorker,
  coreGroup: [{ name: 'Jo Teacher', agency: 'School' }],
  rationale: 'Continuing risk of significant harm from neglect.',
  summaryForChild: 'We met to talk about how to keep you safe.',
  attendance: [],
  ...over,
});

async function convened(options: { unbornDue?: string; strategy?: string } = {}) {
  const child = await addChild(database, options.unbornDue === undefined ? {} : { unbornDue: options.unbornDue });
  const tm = await contextFor(database, DEMO_USER_IDS.teamManager);
  const { conferenceId } = await conveneInitialConference(database.deps, tm, child.childId, {
    strategyHeldOn: options.strategy ?? '2026-02-23',
    primaryNeed: 'N1',
  });
  return { ...child, conferenceId };
}

describe('opening an initial conference', () => {
  it('openInitialConference inserts it "to be held" with its due date and audit event in the caller’s transaction', async () => {
    const { childId, teamId } = await addChild(database);
    const { conferenceId } = await unitOfWork(database.deps, systemContext('s47 module'), (work) =>
      openInitialConference(work, { childId, section47Id: null, strategyDiscussionId: null, strategyHeldOn: '2026-03-02', teamId }),
    );
    const row = await database.handle.db.selectFrom('cpConference').selectAll().where('id', '=', conferenceId).executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      kind: 'initial',
      status: 'to_be_held',
      strategyHeldOn: '2026-03-02',
      dueOn: '2026-03-23',
      dueRuleId: 'S47-03',
      preBirth: false,
    });
    expect((await auditRows(database, 'child-protection.initial-conference.opened')).at(-1)).toMatchObject({ subjectId: conferenceId, childId });
  });

  it('an unborn baby’s conference is due by week 23 when that comes first', async () => {
    // EDD 1 July 2026: week 23 is Wednesday 4 March, before 15 working days from 23 February (16 March).
    const { conferenceId } = await convened({ unbornDue: '2026-07-01', strategy: '2026-02-23' });
    const row = await database.handle.db.selectFrom('cpConference').selectAll().where('id', '=', conferenceId).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ dueOn: '2026-03-04', dueRuleId: 'CP-08', preBirth: true });
  });

  it('refuses a second one while one is waiting, a future strategy date, and a role without the permission', async () => {
    const { childId } = await convened();
    const tm = await contextFor(database, DEMO_USER_IDS.teamManager);
    expect(await failureOf(conveneInitialConference(database.deps, tm, childId, { strategyHeldOn: '2026-03-01', primaryNeed: 'N1' }))).toBeInstanceOf(
      ValidationError,
    );
    const other = await addChild(database);
    const future = await failureOf(conveneInitialConference(database.deps, tm, other.childId, { strategyHeldOn: '2026-03-11', primaryNeed: 'N1' }));
    expect(future).toMatchObject({ fieldErrors: { strategyHeldOn: 'The date of the strategy discussion must be today or in the past' } });
    const sw = await contextFor(database, DEMO_USER_IDS.socialWorker);
    expect(await failureOf(conveneInitialConference(database.deps, sw, other.childId, { strategyHeldOn: '2026-03-01', primaryNeed: 'N1' }))).toBeInstanceOf(
      AccessRefusedError,
    );
    expect(await database.handle.db.selectFrom('cpConference').select('id').where('childId', '=', other.childId).execute()).toEqual([]);
  });

  it('from the child’s record, needs the child’s primary need and keeps it on the conference', async () => {
    const { childId } = await addChild(database);
    const tm = await contextFor(database, DEMO_USER_IDS.teamManager);
    for (const primaryNeed of [null, '', 'N10']) {
      expect(await failureOf(conveneInitialConference(database.deps, tm, childId, { strategyHeldOn: '2026-03-01', primaryNeed }))).toMatchObject({
        fieldErrors: { primaryNeed: 'Select the child’s primary need from the list' },
      });
    }
    expect(await database.handle.db.selectFrom('cpConference').select('id').where('childId', '=', childId).execute()).toEqual([]);
    const { conferenceId } = await conveneInitialConference(database.deps, tm, childId, { strategyHeldOn: '2026-03-01', primaryNeed: 'N3' });
    const row = await database.handle.db.selectFrom('cpConference').selectAll().where('id', '=', conferenceId).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ convenedFrom: 'child_record', initialPrimaryNeed: 'N3' });
    expect((await auditRows(database, 'child-protection.initial-conference.opened')).at(-1)).toMatchObject({
      subjectId: conferenceId,
      changes: { initialPrimaryNeed: 'N3' },
    });
  });
});

describe('CP-06: the meeting after a baby on a pre-birth plan is born', () => {
  // The mother's fitness is recorded once, with the birth; the plan page and My work read it there.
  async function bornOnPlan(motherMedicallyFit: boolean) {
    const { childId, conferenceId } = await convened({ unbornDue: '2026-07-01', strategy: '2026-02-23' });
    const chair = await contextFor(database, DEMO_USER_IDS.cpChair);
    await recordInitialConference(database.deps, chair, childId, conferenceId, plan());
    const sw = await contextFor(database, DEMO_USER_IDS.socialWorker);
    await recordBirth(database.deps, sw, childId, {
      bornOn: '2026-03-10',
      timeOfBirth: '06:10',
      sex: 'male',
      givenName: 'Jago',
      familyName: 'Penhallow',
      nhsNumber: '',
      motherMedicallyFit,
    });
    const view = await viewChildProtection(database.deps, sw, childId);
    const meeting = view.active?.schedule.find((s) => s.kind === 'post-birth-meeting');
    const items = await database.handle.db
      .transaction()
      .execute(async (trx) => childProtectionDueItems(trx, sw.actor!, NOW, { workerId: DEMO_USER_IDS.socialWorker }));
    return { meeting, item: items.find((i) => i.childId === childId && i.ruleId === 'CP-06') };
  }

  it('is due 10 days after the birth when the mother is fit, on the plan page and in My work', async () => {
    const { meeting, item } = await bornOnPlan(true);
    expect(meeting?.explanation.due.toString()).toBe('2026-03-20');
    expect(item?.dueOn).toBe('2026-03-20');
  });

  it('is due 20 days after the birth when the birth record says the mother is not medically fit', async () => {
    const { meeting, item } = await bornOnPlan(false);
    expect(meeting?.explanation.due.toString()).toBe('2026-03-30');
    expect(meeting?.explanation.rule.amount).toBe(20);
    expect(item?.dueOn).toBe('2026-03-30');
  });
});

describe('recording the initial conference', () => {
  it('a plan: starts the plan, its core group, its first review (3 months) and the audit event', async () => {
    const { childId, conferenceId } = await convened();
    const sw = await contextFor(database, DEMO_USER_IDS.socialWorker);
    await addConferenceInvitation(database.deps, sw, childId, conferenceId, {
      name: 'Dr A Paediatrician',
      agency: 'Health',
      role: null,
      invitedOn: '2026-02-25',
    });
    const view = await viewConference(database.deps, sw, childId, conferenceId);
    const invitationId = view.invitations[0]?.id ?? '';
    const chair = await contextFor(database, DEMO_USER_IDS.cpChair);
    await saveConferenceOutcomeDraft(database.deps, chair, childId, conferenceId, { rationale: 'half' });
    const result = await recordInitialConference(
      database.deps,
      chair,
      childId,
      conferenceId,
      plan({ attendance: [{ invitationId, attendance: 'attended', reportReceived: true }] }),
    );
    expect(result.planNumber).toBe(1);
    const row = await database.handle.db.selectFrom('cpPlan').selectAll().where('childId', '=', childId).executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      status: 'active',
      startedOn: '2026-03-09',
      initialCategory: 'NEG',
      latestCategory: 'NEG',
      planNumber: 1,
      leadWorkerUserId: DEMO_USER_IDS.socialWorker,
    });
    const review = await database.handle.db
      .selectFrom('cpConference')
      .selectAll()
      .where('planId', '=', row.id)
      .where('kind', '=', 'review')
      .executeTakeFirstOrThrow();
    expect(review).toMatchObject({ status: 'to_be_held', dueOn: '2026-06-09', dueRuleId: 'CP-03' });
    const icpc = await database.handle.db.selectFrom('cpConference').selectAll().where('id', '=', conferenceId).executeTakeFirstOrThrow();
    expect(icpc).toMatchObject({ status: 'held', decision: 'plan', withinTimescale: true, chairUserId: DEMO_USER_IDS.cpChair });
    const invitation = await database.handle.db.selectFrom('cpConferenceInvitation').selectAll().where('id', '=', invitationId).executeTakeFirstOrThrow();
    expect(invitation).toMatchObject({ attendance: 'attended', reportReceived: true });
    expect((await auditRows(database, 'child-protection.conference.recorded')).at(-1)).toMatchObject({
      childId,
      changes: expect.objectContaining({ decision: 'plan', planNumber: 1, draftRemoved: true, attended: 1 }) as unknown,
    });
    const page = await viewChildProtection(database.deps, sw, childId);
    expect(page.active?.schedule.map((s) => s.explanation.rule.id)).toEqual(['CP-01', 'CP-05', 'CP-03']);
    expect(page.active?.quality.find((q) => q.key === 'contingency')?.met).toBe(false);
  });

  it('a plan ends the child’s child in need plan the same day, with its own audit event; the child in need episode stays open', async () => {
    const { childId, teamId, conferenceId } = await convened();
    const db = database.handle.db;
    const episode = await db
      .insertInto('cinEpisode')
      .values({ childId, startedOn: '2025-12-01', assessmentId: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    const cin = await db
      .insertInto('cinPlan')
      .values({
        episodeId: episode.id,
        childId,
        assessmentId: null,
        teamId,
        workerUserId: DEMO_USER_IDS.socialWorker,
        status: 'active',
        openedOn: '2025-12-01',
        agreedOn: '2025-12-10',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const chair = await contextFor(database, DEMO_USER_IDS.cpChair);
    const result = await recordInitialConference(database.deps, chair, childId, conferenceId, plan());
    expect(await db.selectFrom('cinPlan').select(['status', 'endedOn', 'version']).where('id', '=', cin.id).executeTakeFirstOrThrow()).toEqual({
      status: 'ended',
      endedOn: '2026-03-09',
      version: 2,
    });
    expect(await db.selectFrom('cinEpisode').select(['closedOn', 'closureReason']).where('id', '=', episode.id).executeTakeFirstOrThrow()).toEqual({
      closedOn: null,
      closureReason: null,
    });
    expect((await auditRows(database, 'child-in-need.plan.ended')).at(-1)).toMatchObject({
      subjectId: cin.id,
      childId,
      changes: expect.objectContaining({ endedOn: '2026-03-09', reason: 'child-protection-plan-started', cpPlanId: result.planId }) as unknown,
    });
  });

  it('no plan decided: the child in need plan continues', async () => {
    const { childId, teamId, conferenceId } = await convened();
    const db = database.handle.db;
    const episode = await db
      .insertInto('cinEpisode')
      .values({ childId, startedOn: '2025-12-01', assessmentId: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    const cin = await db
      .insertInto('cinPlan')
      .values({
        episodeId: episode.id,
        childId,
        assessmentId: null,
        teamId,
        workerUserId: DEMO_USER_IDS.socialWorker,
        status: 'active',
        openedOn: '2025-12-01',
        agreedOn: '2025-12-10',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const chair = await contextFor(database, DEMO_USER_IDS.cpChair);
    await recordInitialConference(
      database.deps,
      chair,
      childId,
      conferenceId,
      plan({ decision: 'no_plan', category: null, leadWorkerUserId: null, coreGroup: [] }),
    );
    expect(await db.selectFrom('cinPlan').select(['status', 'endedOn']).where('id', '=', cin.id).executeTakeFirstOrThrow()).toEqual({
      status: 'active',
      endedOn: null,
    });
  });

  it('no plan: the conference is held and no plan starts', async () => {
    const { childId, conferenceId } = await convened();
    const chair = await contextFor(database, DEMO_USER_IDS.cpChair);
    await recordInitialConference(
      database.deps,
      chair,
      childId,
      conferenceId,
      plan({ decision: 'no_plan', category: null, leadWorkerUserId: null, coreGroup: [] }),
    );
    expect(await database.handle.db.selectFrom('cpPlan').select('id').where('childId', '=', childId).execute()).toEqual([]);
  });

  it('refuses a plan without category, lead worker or core group; a stale form; and a social worker', async () => {
    const { childId, conferenceId } = await convened();
    const chair = await contextFor(database, DEMO_USER_IDS.cpChair);
    const invalid = await failureOf(
      recordInitialConference(
        database.deps,
        chair,
        childId,
        conferenceId,
        plan({ category: null, leadWorkerUserId: DEMO_USER_IDS.iro, coreGroup: [], heldOn: '2026-02-20' }),
      ),
    );
    expect(Object.keys((invalid as ValidationError).fieldErrors).sort()).toEqual(['category', 'coreGroup', 'heldOn', 'leadWorkerUserId']);
    expect(await failureOf(recordInitialConference(database.deps, chair, childId, conferenceId, plan({ version: 7 })))).toBeInstanceOf(StaleVersionError);
    const sw = await contextFor(database, DEMO_USER_IDS.socialWorker);
    expect(await failureOf(recordInitialConference(database.deps, sw, childId, conferenceId, plan()))).toBeInstanceOf(AccessRefusedError);
    expect(await database.handle.db.selectFrom('cpPlan').select('id').where('childId', '=', childId).execute()).toEqual([]);
  });

  it('a second plan for the same child is flagged by its number', async () => {
    const { childId, conferenceId } = await convened();
    const chair = await contextFor(database, DEMO_USER_IDS.cpChair);
    await recordInitialConference(database.deps, chair, childId, conferenceId, plan({ heldOn: '2026-02-24' }));
    const review = await database.handle.db
      .selectFrom('cpConference')
      .select(['id', 'version'])
      .where('childId', '=', childId)
      .where('kind', '=', 'review')
      .executeTakeFirstOrThrow();
    await recordReviewConference(database.deps, chair, childId, review.id, {
      version: review.version,
      heldOn: '2026-03-02',
      decision: 'end',
      category: null,
      endReason: 'no_longer_at_risk',
      rationale: 'Safe now.',
      summaryForChild: null,
      attendance: [],
    });
    const tm = await contextFor(database, DEMO_USER_IDS.teamManager);
    const again = await conveneInitialConference(database.deps, tm, childId, { strategyHeldOn: '2026-03-05', primaryNeed: 'N1' });
    const second = await recordInitialConference(database.deps, chair, childId, again.conferenceId, plan({ heldOn: '2026-03-10' }));
    expect(second.planNumber).toBe(2);
  });
});

describe('the plan, core groups, visits and reviews', () => {
  async function onPlan() {
    const { childId, conferenceId } = await convened();
    const chair = await contextFor(database, DEMO_USER_IDS.cpChair);
    await recordInitialConference(database.deps, chair, childId, conferenceId, plan({ heldOn: '2026-02-25' }));
    return childId;
  }

  it('cannot be finalised without a contingency plan; a draft is kept; a complete plan is finalised', async () => {
    const childId = await onPlan();
    const sw = await contextFor(database, DEMO_USER_IDS.socialWorker);
    await saveCpPlanDraft(database.deps, sw, childId, { outcome1: 'half written' });
    const content = {
      version: 1,
      outcomes: ['Home is warm and fed'],
      actions: [{ action: 'Weekly visits', owner: 'Social worker', dueOn: '2026-04-01' }],
      contingencyPlan: null,
    };
    const missing = await failureOf(saveCpPlan(database.deps, sw, childId, content));
    expect((missing as ValidationError).fieldErrors).toHaveProperty('contingencyPlan');
    await saveCpPlan(database.deps, sw, childId, { ...content, contingencyPlan: 'Legal planning meeting if the home is cold again' });
    const row = await database.handle.db.selectFrom('cpPlan').selectAll().where('childId', '=', childId).executeTakeFirstOrThrow();
    expect(row.finalisedAt).not.toBeNull();
    expect(row.version).toBe(2);
    expect(await failureOf(saveCpPlan(database.deps, sw, childId, { ...content, contingencyPlan: 'x' }))).toBeInstanceOf(StaleVersionError);
    expect((await auditRows(database, 'child-protection.plan.finalised')).at(-1)).toMatchObject({
      childId,
      changes: expect.objectContaining({ draftRemoved: true }) as unknown,
    });
  });

  it('core groups and visits are judged against their due dates', async () => {
    const childId = await onPlan();
    const sw = await contextFor(database, DEMO_USER_IDS.socialWorker);
    // ICPC Wednesday 25 February: first core group due Wednesday 11 March (10 working days).
    expect(await recordCoreGroup(database.deps, sw, childId, { heldOn: '2026-03-10', progress: 'Plan agreed.' })).toMatchObject({ withinTimescale: true });
    const visit = await recordCpVisit(database.deps, sw, childId, {
      visitedOn: '2026-03-10',
      childSeen: true,
      seenAlone: true,
      notSeenReason: null,
      summary: 'Seen alone in bedroom.',
    });
    expect(visit.withinTimescale).toBe(true);
    const notSeen = await recordCpVisit(database.deps, sw, childId, {
      visitedOn: '2026-03-10',
      childSeen: false,
      seenAlone: false,
      notSeenReason: 'At grandparents',
      summary: 'No answer.',
    });
    expect(notSeen.withinTimescale).toBe(false);
    const bad = await failureOf(
      recordCpVisit(database.deps, sw, childId, { visitedOn: '2026-03-11', childSeen: false, seenAlone: true, notSeenReason: null, summary: '' }),
    );
    expect(Object.keys((bad as ValidationError).fieldErrors).sort()).toEqual(['notSeenReason', 'seenAlone', 'summary', 'visitedOn']);
    expect((await auditRows(database, 'child-protection.visit.recorded')).length).toBeGreaterThanOrEqual(2);
  });

  it('a review that continues the plan opens the next review 6 months on; one that ends it needs a reason', async () => {
    const childId = await onPlan();
    const chair = await contextFor(database, DEMO_USER_IDS.cpChair);
    const review = await database.handle.db
      .selectFrom('cpConference')
      .select(['id', 'version'])
      .where('childId', '=', childId)
      .where('kind', '=', 'review')
      .executeTakeFirstOrThrow();
    const noReason = await failureOf(
      recordReviewConference(database.deps, chair, childId, review.id, {
        version: review.version,
        heldOn: '2026-03-09',
        decision: 'end',
        category: null,
        endReason: null,
        rationale: 'x',
        summaryForChild: null,
        attendance: [],
      }),
    );
    expect((noReason as ValidationError).fieldErrors).toEqual({ endReason: 'Select why the plan ends' });
    const result = await recordReviewConference(database.deps, chair, childId, review.id, {
      version: review.version,
      heldOn: '2026-03-09',
      decision: 'continue',
      category: 'MUL',
      endReason: null,
      rationale: 'Still at risk.',
      summaryForChild: null,
      attendance: [],
    });
    const next = await database.handle.db
      .selectFrom('cpConference')
      .selectAll()
      .where('id', '=', result.nextReviewId ?? '')
      .executeTakeFirstOrThrow();
    expect(next).toMatchObject({ dueOn: '2026-09-09', dueRuleId: 'CP-04', status: 'to_be_held' });
    const planRow = await database.handle.db.selectFrom('cpPlan').selectAll().where('childId', '=', childId).executeTakeFirstOrThrow();
    expect(planRow.latestCategory).toBe('MUL');
    await recordReviewConference(database.deps, chair, childId, next.id, {
      version: next.version,
      heldOn: '2026-03-10',
      decision: 'end',
      category: null,
      endReason: 'no_longer_at_risk',
      rationale: 'Safe.',
      summaryForChild: null,
      attendance: [],
    });
    const ended = await database.handle.db.selectFrom('cpPlan').selectAll().where('id', '=', planRow.id).executeTakeFirstOrThrow();
    expect(ended).toMatchObject({ status: 'ended', endedOn: '2026-03-10', endReason: 'no_longer_at_risk' });
    const sw = await contextFor(database, DEMO_USER_IDS.socialWorker);
    expect(await failureOf(recordCoreGroup(database.deps, sw, childId, { heldOn: '2026-03-10', progress: 'x' }))).toBeInstanceOf(NotFoundError);
    expect((await auditRows(database, 'child-protection.conference.recorded')).length).toBeGreaterThanOrEqual(2);
  });

  it('a worker outside the team cannot record a visit; the refusal is audited', async () => {
    const childId = await onPlan();
    const other = await contextFor(database, DEMO_USER_IDS.otherTeamWorker);
    const refused = await failureOf(
      recordCpVisit(database.deps, other, childId, { visitedOn: '2026-03-10', childSeen: true, seenAlone: false, notSeenReason: null, summary: 'x' }),
    );
    expect(refused).toBeInstanceOf(AccessRefusedError);
    expect((await auditRows(database, 'access.record.refused')).at(-1)).toMatchObject({ childId, outcome: 'refused' });
  });
});
