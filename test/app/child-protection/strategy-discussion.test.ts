import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addChildToStrategyDiscussion } from '../../../src/app/child-protection/add-child-to-strategy-discussion.ts';
import { viewChildProtectionRecord } from '../../../src/app/child-protection/child-protection-record.ts';
import { conveneStrategyDiscussionForChild, conveneStrategyDiscussionFromReferral } from '../../../src/app/child-protection/convene-strategy-discussion.ts';
import { openStrategyDiscussion } from '../../../src/app/child-protection/open-strategy-discussion.ts';
import { recordStrategyDiscussion, type MeetingInput, type DecisionInput } from '../../../src/app/child-protection/record-strategy-discussion.ts';
import { strategyDiscussionsToHold } from '../../../src/app/child-protection/strategy-discussion-due-items.ts';
import { saveStrategyDiscussionDraft, viewStrategyDiscussion } from '../../../src/app/child-protection/strategy-discussion-page.ts';
import { AccessRefusedError, ValidationError } from '../../../src/app/shared/errors.ts';
import { unitOfWork } from '../../../src/app/shared/unit-of-work.ts';
import { DEMO_CHILD_PROTECTION_IDS } from '../../../src/db/seed/demo-child-protection.ts';
import { DEMO_CHILD_IDS } from '../../../src/db/seed/demo-authority.ts';
import { DEMO_ASSESSMENT_IDS } from '../../../src/db/seed/demo-assessments.ts';
import { DEMO_USER_IDS } from '../../../src/db/seed/users.ts';
import { auditRows, contextFor, createTestAuthority } from '../../support/authority.ts';
import type { TestDatabase } from '../../support/database.ts';

let database: TestDatabase;
const child = DEMO_CHILD_IDS.allocated;
const restricted = DEMO_CHILD_IDS.restricted;
// Tuesday 10 March 2026, 14:30 in London (GMT).
const NOW = new Date('2026-03-10T14:30:00Z');

beforeAll(async () => {
  database = await createTestAuthority();
  database.clock.set(NOW);
});
afterAll(async () => {
  await database.close();
});

const meeting = (overrides: Partial<MeetingInput> = {}): MeetingInput => ({
  heldOn: '2026-03-10',
  format: 'meeting',
  chairName: 'Gareth Munroe',
  mashChecksConsidered: true,
  mashChecksSummary: 'Police: two call-outs. School: attendance 71%.',
  attendees: [
    { agency: 'childrens_social_care', name: 'Amara Lindqvist', role: 'Social worker', attended: true, reportSummary: null },
    { agency: 'police', name: 'DC Test', role: 'CAIT', attended: true, reportSummary: null },
    { agency: 'health', name: 'Nurse Test', role: 'Named nurse', attended: false, reportSummary: 'No concerns at GP.' },
  ],
  ...overrides,
});

const decision = (childId: string, overrides: Partial<DecisionInput> = {}): DecisionInput => ({
  childId,
  decision: 's47_joint',
  reason: 'Unexplained injury',
  safetyPlan: 'Stays with grandmother',
  interimLiving: 'relative',
  abeInterviewNeeded: true,
  paediatricExamNeeded: true,
  nextDiscussionBy: null,
  ...overrides,
});

async function refusal(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected the call to fail');
    },
    (error: unknown) => error,
  );
}

const version = async (id: string) =>
  (await database.handle.db.selectFrom('strategyDiscussion').select('version').where('id', '=', id).executeTakeFirstOrThrow()).version;

describe('opening a strategy discussion', () => {
  it('openStrategyDiscussion inserts one to be held, due the next working day (S47-01), with its audit row, in the caller’s transaction', async () => {
    const ctx = await contextFor(database, DEMO_USER_IDS.socialWorker);
    const team = await database.handle.db
      .selectFrom('allocation')
      .select('teamId')
      .where('childId', '=', child)
      .where('endedOn', 'is', null)
      .executeTakeFirstOrThrow();
    // Friday 3 April 2026: Good Friday and Easter Monday are skipped, due Tuesday 7 April.
    const { strategyDiscussionId } = await unitOfWork(database.deps, ctx, (work) =>
      openStrategyDiscussion(work, {
        childId: child,
        teamId: team.teamId,
        openedOn: '2026-04-02',
        source: { kind: 'assessment', assessmentId: DEMO_ASSESSMENT_IDS.authorised },
      }),
    );
    const row = await database.handle.db.selectFrom('strategyDiscussion').selectAll().where('id', '=', strategyDiscussionId).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'to_be_held', openedOn: '2026-04-02', dueOn: '2026-04-07', kind: 'initial', isGroup: false });
    const link = await database.handle.db
      .selectFrom('strategyDiscussionChild')
      .selectAll()
      .where('strategyDiscussionId', '=', strategyDiscussionId)
      .executeTakeFirstOrThrow();
    expect(link).toMatchObject({ childId: child, sourceKind: 'assessment', assessmentId: DEMO_ASSESSMENT_IDS.authorised, decision: null });
    const audits = await auditRows(database, 'child-protection.strategy-discussion.opened');
    expect(audits.at(-1)).toMatchObject({ subjectId: strategyDiscussionId, childId: child });
  });

  it('convenes from the child’s record (urgent: due the same day) and refuses a worker without access', async () => {
    const ctx = await contextFor(database, DEMO_USER_IDS.socialWorker);
    const { strategyDiscussionId } = await conveneStrategyDiscussionForChild(database.deps, ctx, child, {
      urgent: true,
      kind: 'initial',
      isGroup: false,
      groupConcern: null,
      primaryNeed: 'N6',
    });
    const row = await database.handle.db.selectFrom('strategyDiscussion').selectAll().where('id', '=', strategyDiscussionId).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ openedOn: '2026-03-10', dueOn: '2026-03-10', urgent: true });
    const link = await database.handle.db
      .selectFrom('strategyDiscussionChild')
      .selectAll()
      .where('strategyDiscussionId', '=', strategyDiscussionId)
      .executeTakeFirstOrThrow();
    expect(link).toMatchObject({ childId: child, sourceKind: 'child-record', initialPrimaryNeed: 'N6' });
    expect((await auditRows(database, 'child-protection.strategy-discussion.opened')).at(-1)).toMatchObject({
      subjectId: strategyDiscussionId,
      changes: { source: 'child-record', initialPrimaryNeed: 'N6' },
    });
    const other = await contextFor(database, DEMO_USER_IDS.otherTeamWorker);
    expect(
      await refusal(
        conveneStrategyDiscussionForChild(database.deps, other, child, {
          urgent: false,
          kind: 'initial',
          isGroup: false,
          groupConcern: null,
          primaryNeed: 'N1',
        }),
      ),
    ).toBeInstanceOf(AccessRefusedError);
    const performance = await contextFor(database, DEMO_USER_IDS.performanceOfficer);
    expect(
      await refusal(
        conveneStrategyDiscussionForChild(database.deps, performance, child, {
          urgent: false,
          kind: 'initial',
          isGroup: false,
          groupConcern: null,
          primaryNeed: 'N1',
        }),
      ),
    ).toBeInstanceOf(AccessRefusedError);
  });

  it('convening from the child’s record needs the child’s primary need: a field error, nothing written', async () => {
    const ctx = await contextFor(database, DEMO_USER_IDS.socialWorker);
    const before = await database.handle.db.selectFrom('strategyDiscussionChild').select('strategyDiscussionId').where('childId', '=', child).execute();
    for (const primaryNeed of [null, '', 'N0']) {
      const error = await refusal(
        conveneStrategyDiscussionForChild(database.deps, ctx, child, { urgent: false, kind: 'initial', isGroup: false, groupConcern: null, primaryNeed }),
      );
      expect(error).toMatchObject({ fieldErrors: { primaryNeed: 'Select the child’s primary need from the list' } });
    }
    expect(await database.handle.db.selectFrom('strategyDiscussionChild').select('strategyDiscussionId').where('childId', '=', child).execute()).toHaveLength(
      before.length,
    );
  });

  it('a group meeting needs what links the children', async () => {
    const ctx = await contextFor(database, DEMO_USER_IDS.socialWorker);
    const error = await refusal(
      conveneStrategyDiscussionForChild(database.deps, ctx, child, { urgent: false, kind: 'initial', isGroup: true, groupConcern: ' ', primaryNeed: 'N1' }),
    );
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).fieldErrors).toHaveProperty('groupConcern');
  });

  it('convenes from a MASH referral for a strategy discussion once, counted from the referral date, by its allocated worker or team manager only', async () => {
    const db = database.handle.db;
    const contact = await db.selectFrom('referral').select(['contactId', 'teamId', 'referralSource']).executeTakeFirstOrThrow();
    const otherChild = await db
      .selectFrom('allocation')
      .select('childId')
      .where('workerUserId', '=', DEMO_USER_IDS.socialWorker)
      .where('childId', '!=', child)
      .where('endedOn', 'is', null)
      .orderBy('childId', 'desc')
      .executeTakeFirstOrThrow();
    const referral = await db
      .insertInto('referral')
      .values({
        contactId: contact.contactId,
        childId: otherChild.childId,
        purpose: 'strategy_discussion',
        referralSource: contact.referralSource,
        referredOn: '2026-03-09',
        teamId: contact.teamId,
        createdAt: NOW,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const manager = await contextFor(database, DEMO_USER_IDS.teamManager);
    const team = await db.selectFrom('team').select('code').where('id', '=', contact.teamId).executeTakeFirstOrThrow();
    expect(team.code).toBe('FST_NORTH');
    const first = await conveneStrategyDiscussionFromReferral(database.deps, manager, referral.id, { urgent: false });
    expect(first.existing).toBe(false);
    const again = await conveneStrategyDiscussionFromReferral(database.deps, manager, referral.id, { urgent: false });
    expect(again).toEqual({ strategyDiscussionId: first.strategyDiscussionId, existing: true });
    const row = await db.selectFrom('strategyDiscussion').selectAll().where('id', '=', first.strategyDiscussionId).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ openedOn: '2026-03-09', dueOn: '2026-03-10' });
    const chair = await contextFor(database, DEMO_USER_IDS.cpChair);
    expect(await refusal(conveneStrategyDiscussionFromReferral(database.deps, chair, referral.id, { urgent: false }))).toBeInstanceOf(AccessRefusedError);
  });
});

describe('recording the decision', () => {
  async function convened(): Promise<string> {
    const ctx = await contextFor(database, DEMO_USER_IDS.socialWorker);
    return (
      await conveneStrategyDiscussionForChild(database.deps, ctx, child, {
        urgent: false,
        kind: 'initial',
        isGroup: false,
        groupConcern: null,
        primaryNeed: 'N1',
      })
    ).strategyDiscussionId;
  }

  it('joint s47: records attendees, marks it held, starts the enquiry due 45 working days from when it was needed, with audit rows', async () => {
    const id = await convened();
    const ctx = await contextFor(database, DEMO_USER_IDS.socialWorker);
    const result = await recordStrategyDiscussion(database.deps, ctx, id, { version: await version(id), meeting: meeting(), decisions: [decision(child)] });
    expect(result.section47Ids).toHaveLength(1);
    const s47 = await database.handle.db.selectFrom('section47Enquiry').selectAll().where('id', '=', result.section47Ids[0]!).executeTakeFirstOrThrow();
    // 10 March 2026 + 45 working days, skipping Good Friday 3 April, Easter Monday 6 April and the early May bank holiday 4 May = 15 May.
    expect(s47).toMatchObject({
      kind: 'joint',
      startedOn: '2026-03-10',
      anchorOn: '2026-03-10',
      dueOn: '2026-05-15',
      status: 'in_progress',
      lastStrategyHeldOn: '2026-03-10',
    });
    const attendees = await database.handle.db
      .selectFrom('strategyDiscussionAttendee')
      .selectAll()
      .where('strategyDiscussionId', '=', id)
      .orderBy('position')
      .execute();
    expect(attendees.map((a) => [a.agency, a.attended, a.reportProvided])).toEqual([
      ['childrens_social_care', true, false],
      ['police', true, false],
      ['health', false, true],
    ]);
    expect((await auditRows(database, 'child-protection.strategy-discussion.recorded')).at(-1)).toMatchObject({ subjectId: id, childId: child });
    expect((await auditRows(database, 'child-protection.section-47.started')).at(-1)).toMatchObject({ subjectId: s47.id, childId: child });
    const again = await refusal(recordStrategyDiscussion(database.deps, ctx, id, { version: 1, meeting: meeting(), decisions: [decision(child)] }));
    expect(again).toBeInstanceOf(ValidationError);
  });

  it('a review discussion deciding s47 again continues the enquiry and moves the ICPC clock to it', async () => {
    const id = await convened();
    const ctx = await contextFor(database, DEMO_USER_IDS.socialWorker);
    const open = await database.handle.db
      .selectFrom('section47Enquiry')
      .select('id')
      .where('childId', '=', child)
      .where('status', '=', 'in_progress')
      .executeTakeFirstOrThrow();
    const result = await recordStrategyDiscussion(database.deps, ctx, id, {
      version: await version(id),
      meeting: meeting(),
      decisions: [decision(child, { decision: 's47_single_agency' })],
    });
    expect(result.section47Ids).toEqual([open.id]);
    const row = await database.handle.db
      .selectFrom('section47Enquiry')
      .select(['lastStrategyDiscussionId'])
      .where('id', '=', open.id)
      .executeTakeFirstOrThrow();
    expect(row.lastStrategyDiscussionId).toBe(id);
  });

  it('no s47: nothing else starts', async () => {
    const id = await convened();
    const ctx = await contextFor(database, DEMO_USER_IDS.socialWorker);
    const result = await recordStrategyDiscussion(database.deps, ctx, id, {
      version: await version(id),
      meeting: meeting(),
      decisions: [decision(child, { decision: 'no_s47', safetyPlan: null, interimLiving: null, abeInterviewNeeded: null, paediatricExamNeeded: null })],
    });
    expect(result).toEqual({ section47Ids: [], reviewDiscussionIds: [] });
  });

  it('further strategy: opens a review discussion due by the date set', async () => {
    const id = await convened();
    const ctx = await contextFor(database, DEMO_USER_IDS.socialWorker);
    const result = await recordStrategyDiscussion(database.deps, ctx, id, {
      version: await version(id),
      meeting: meeting(),
      decisions: [
        decision(child, {
          decision: 'further_strategy',
          safetyPlan: null,
          interimLiving: null,
          abeInterviewNeeded: null,
          paediatricExamNeeded: null,
          nextDiscussionBy: '2026-03-13',
        }),
      ],
    });
    expect(result.reviewDiscussionIds).toHaveLength(1);
    const review = await database.handle.db
      .selectFrom('strategyDiscussion')
      .selectAll()
      .where('id', '=', result.reviewDiscussionIds[0]!)
      .executeTakeFirstOrThrow();
    expect(review).toMatchObject({ kind: 'review', status: 'to_be_held', openedOn: '2026-03-10', dueOn: '2026-03-13' });
  });

  it('refuses a discussion without police or health, a joint enquiry without the police, and a missing safety plan, writing nothing', async () => {
    const id = await convened();
    const ctx = await contextFor(database, DEMO_USER_IDS.socialWorker);
    const noHealth = meeting({
      attendees: [meeting().attendees[0]!, { agency: 'police', name: 'DC Test', role: 'CAIT', attended: false, reportSummary: 'Report' }],
    });
    const error = await refusal(
      recordStrategyDiscussion(database.deps, ctx, id, { version: await version(id), meeting: noHealth, decisions: [decision(child, { safetyPlan: ' ' })] }),
    );
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).fieldErrors).toMatchObject({
      attendees: 'Health must take part in the strategy discussion or send a report (seed 004 §9)',
      [`decision-${child}`]: 'A joint enquiry needs the police to have taken part in the discussion',
      [`safetyPlan-${child}`]: 'Enter the plan to keep the child safe while enquiries run',
    });
    expect((await database.handle.db.selectFrom('strategyDiscussion').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status).toBe(
      'to_be_held',
    );
  });

  it('keeps a draft of the form for its author', async () => {
    const id = await convened();
    const ctx = await contextFor(database, DEMO_USER_IDS.socialWorker);
    await saveStrategyDiscussionDraft(database.deps, ctx, id, { chairName: 'Half written' });
    const page = await viewStrategyDiscussion(database.deps, ctx, id);
    expect(page.draft).toEqual({ chairName: 'Half written' });
  });
});

describe('a group strategy meeting', () => {
  it('shows each viewer only the children they may see, and each records decisions only for those', async () => {
    const group = DEMO_CHILD_PROTECTION_IDS.groupMeeting;
    // The demo meeting was asked for on the day the authority was seeded: hold it that day.
    const { openedOn } = await database.handle.db.selectFrom('strategyDiscussion').select('openedOn').where('id', '=', group).executeTakeFirstOrThrow();
    database.clock.set(new Date(`${openedOn}T12:00:00Z`));
    const held = meeting({ heldOn: openedOn });
    const worker = await contextFor(database, DEMO_USER_IDS.socialWorker);
    const manager = await contextFor(database, DEMO_USER_IDS.teamManager);
    const workerPage = await viewStrategyDiscussion(database.deps, worker, group);
    expect(workerPage.children.map((c) => c.childId)).toEqual([child]);
    expect(workerPage.hiddenChildren).toBe(1);
    const managerPage = await viewStrategyDiscussion(database.deps, manager, group);
    expect(managerPage.children.map((c) => c.childId).sort()).toEqual([child, restricted].sort());
    // The worker cannot record the restricted child's decision.
    expect(
      await refusal(
        recordStrategyDiscussion(database.deps, worker, group, {
          version: await version(group),
          meeting: held,
          decisions: [decision(child), decision(restricted)],
        }),
      ),
    ).toBeInstanceOf(AccessRefusedError);
    // The worker records the meeting and their child's decision; the restricted child's waits.
    await recordStrategyDiscussion(database.deps, worker, group, {
      version: await version(group),
      meeting: held,
      decisions: [decision(child, { decision: 'no_s47' })],
    });
    const pending = await database.handle.db
      .selectFrom('strategyDiscussionChild')
      .select(['childId', 'decision'])
      .where('strategyDiscussionId', '=', group)
      .execute();
    expect(pending.find((p) => p.childId === restricted)?.decision).toBeNull();
    // The named contact manager records the restricted child's decision on the held meeting.
    const result = await recordStrategyDiscussion(database.deps, manager, group, {
      version: await version(group),
      meeting: null,
      decisions: [decision(restricted, { decision: 's47_single_agency' })],
    });
    expect(result.section47Ids).toHaveLength(1);
    // Each child's record shows the meeting; the worker's list never shows the restricted child.
    const record = await viewChildProtectionRecord(database.deps, worker, child);
    expect(record.discussions.find((d) => d.id === group)).toMatchObject({ isGroup: true, childCount: 2, decision: 'no_s47' });
    database.clock.set(NOW);
  });

  it('adds a child by NHS number, refusing one the adder may not change', async () => {
    const manager = await contextFor(database, DEMO_USER_IDS.teamManager);
    const { strategyDiscussionId } = await conveneStrategyDiscussionForChild(database.deps, manager, child, {
      urgent: false,
      kind: 'initial',
      isGroup: true,
      groupConcern: 'Exploitation',
      primaryNeed: 'N1',
    });
    const nhs = await database.handle.db.selectFrom('person').select('nhsNumber').where('id', '=', restricted).executeTakeFirstOrThrow();
    const needless = await refusal(
      addChildToStrategyDiscussion(database.deps, manager, strategyDiscussionId, nhs.nhsNumber ?? restricted, { primaryNeed: null }),
    );
    expect((needless as ValidationError).fieldErrors).toEqual({ primaryNeed: 'Select the child’s primary need from the list' });
    await addChildToStrategyDiscussion(database.deps, manager, strategyDiscussionId, nhs.nhsNumber ?? restricted, { primaryNeed: 'N6' });
    const added = await database.handle.db
      .selectFrom('strategyDiscussionChild')
      .select(['sourceKind', 'initialPrimaryNeed'])
      .where('strategyDiscussionId', '=', strategyDiscussionId)
      .where('childId', '=', restricted)
      .executeTakeFirstOrThrow();
    expect(added).toEqual({ sourceKind: 'group', initialPrimaryNeed: 'N6' });
    const dup = await refusal(addChildToStrategyDiscussion(database.deps, manager, strategyDiscussionId, restricted, { primaryNeed: 'N6' }));
    expect((dup as ValidationError).fieldErrors).toEqual({ child: 'This child is already in the meeting' });
    const worker = await contextFor(database, DEMO_USER_IDS.socialWorker);
    const other = await refusal(addChildToStrategyDiscussion(database.deps, worker, strategyDiscussionId, DEMO_CHILD_IDS.otherTeam, { primaryNeed: 'N6' }));
    expect(other).toBeInstanceOf(AccessRefusedError);
    const missing = await refusal(addChildToStrategyDiscussion(database.deps, worker, strategyDiscussionId, '9999999999', { primaryNeed: 'N6' }));
    expect((missing as ValidationError).fieldErrors).toEqual({ child: 'No child found with that Hearth ID or NHS number' });
  });

  it('refuses a viewer with access to none of the children, and audits the refusal', async () => {
    const other = await contextFor(database, DEMO_USER_IDS.otherTeamWorker);
    expect(await refusal(viewStrategyDiscussion(database.deps, other, DEMO_CHILD_PROTECTION_IDS.restrictedDiscussion))).toBeInstanceOf(AccessRefusedError);
    expect((await auditRows(database, 'access.record.refused')).at(-1)).toMatchObject({
      subjectType: 'strategy-discussion',
      subjectId: DEMO_CHILD_PROTECTION_IDS.restrictedDiscussion,
    });
  });
});

describe('due items', () => {
  it('lists discussions to hold for the worker’s children with the rule and arithmetic, and none for children they cannot see', async () => {
    const worker = await contextFor(database, DEMO_USER_IDS.socialWorker);
    const items = await database.handle.db
      .transaction()
      .execute((trx) => strategyDiscussionsToHold(trx, worker.actor!, NOW, { workerId: DEMO_USER_IDS.socialWorker }));
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((i) => i.childId !== restricted)).toBe(true);
    const urgent = items.find((i) => i.dueOn === '2026-03-10' && i.ruleId === 'S47-01');
    expect(urgent?.explanation.source).toContain('Seed 004 §9');
  });

  it('in a manager’s team view filtered to one worker, lists only that worker’s children (team and worker both apply)', async () => {
    const manager = await contextFor(database, DEMO_USER_IDS.teamManager);
    const teams = await database.handle.db.selectFrom('allocation').select('teamId').where('childId', '=', child).where('endedOn', 'is', null).execute();
    const teamIds = teams.map((t) => t.teamId);
    const list = (workerId?: string) =>
      database.handle.db
        .transaction()
        .execute((trx) => strategyDiscussionsToHold(trx, manager.actor!, NOW, workerId === undefined ? { teamIds } : { teamIds, workerId }));
    expect((await list()).some((i) => i.childId === child)).toBe(true);
    expect((await list(DEMO_USER_IDS.socialWorker)).some((i) => i.childId === child)).toBe(true);
    // Another worker (here the manager, who holds no allocation of this child): none of this child's items.
    expect((await list(DEMO_USER_IDS.teamManager)).some((i) => i.childId === child)).toBe(false);
  });
});
