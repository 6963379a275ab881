import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { conveneStrategyDiscussionForChild } from '../../../src/app/child-protection/convene-strategy-discussion.ts';
import { recordStrategyDiscussion } from '../../../src/app/child-protection/record-strategy-discussion.ts';
import {
  recordSection47Outcome,
  recordSection47Progress,
  saveSection47Draft,
  viewSection47,
  type Section47OutcomeValues,
} from '../../../src/app/child-protection/section-47-enquiry.ts';
import { section47sToComplete } from '../../../src/app/child-protection/strategy-discussion-due-items.ts';
import { AccessRefusedError, StaleVersionError, ValidationError } from '../../../src/app/shared/errors.ts';
import { DEMO_CHILD_PROTECTION_IDS } from '../../../src/db/seed/demo-child-protection.ts';
import { DEMO_CHILD_IDS } from '../../../src/db/seed/demo-authority.ts';
import { DEMO_USER_IDS } from '../../../src/db/seed/users.ts';
import { auditRows, contextFor, createTestAuthority } from '../../support/authority.ts';
import type { TestDatabase } from '../../support/database.ts';

let database: TestDatabase;
const child = DEMO_CHILD_IDS.allocated;
// Thursday 2 April 2026, 10:00 in London (BST): Good Friday and Easter Monday follow.
const HELD = '2026-04-02';
const NOW = new Date('2026-04-02T09:00:00Z');

beforeAll(async () => {
  database = await createTestAuthority();
  database.clock.set(NOW);
});
afterAll(async () => {
  await database.close();
});

async function refusal(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected the call to fail');
    },
    (error: unknown) => error,
  );
}

/** Convenes and records a strategy discussion deciding a single-agency s47; returns the enquiry id. */
async function startEnquiry(): Promise<string> {
  const ctx = await contextFor(database, DEMO_USER_IDS.socialWorker);
  const { strategyDiscussionId } = await conveneStrategyDiscussionForChild(database.deps, ctx, child, {
    urgent: true,
    kind: 'initial',
    isGroup: false,
    groupConcern: null,
    primaryNeed: 'N1',
  });
  const result = await recordStrategyDiscussion(database.deps, ctx, strategyDiscussionId, {
    version: 1,
    meeting: {
      heldOn: HELD,
      format: 'discussion',
      chairName: 'Gareth Munroe',
      mashChecksConsidered: false,
      mashChecksSummary: null,
      attendees: [
        { agency: 'childrens_social_care', name: 'Amara Lindqvist', role: 'Social worker', attended: true, reportSummary: null },
        { agency: 'police', name: 'DC Test', role: 'CAIT', attended: true, reportSummary: null },
        { agency: 'health', name: 'Dr Test', role: 'Paediatrician', attended: true, reportSummary: null },
      ],
    },
    decisions: [
      {
        childId: child,
        decision: 's47_single_agency',
        reason: 'Bruise',
        safetyPlan: 'At home, plan agreed',
        interimLiving: 'at_home',
        abeInterviewNeeded: false,
        paediatricExamNeeded: true,
        nextDiscussionBy: null,
      },
    ],
  });
  return result.section47Ids[0]!;
}

const outcome = (overrides: Partial<Section47OutcomeValues> = {}): Section47OutcomeValues => ({
  childSeenAloneOn: HELD,
  childNotSeenAloneReason: null,
  checksSummary: 'GP, school, police',
  abeInterviewOn: null,
  paediatricExamOn: HELD,
  findings: 'What we found',
  outcome: 'not_substantiated',
  outcomeOn: HELD,
  ...overrides,
});

const versionOf = async (id: string) =>
  (await database.handle.db.selectFrom('section47Enquiry').select('version').where('id', '=', id).executeTakeFirstOrThrow()).version;

describe('a section 47 enquiry', () => {
  it('keeps progress (child seen alone) and refuses dates before it started or in the future', async () => {
    const id = await startEnquiry();
    const ctx = await contextFor(database, DEMO_USER_IDS.socialWorker);
    const bad = await refusal(
      recordSection47Progress(database.deps, ctx, id, await versionOf(id), {
        childSeenAloneOn: '2026-04-01',
        childNotSeenAloneReason: null,
        checksSummary: null,
        abeInterviewOn: '2026-04-03',
        paediatricExamOn: null,
      }),
    );
    expect((bad as ValidationError).fieldErrors).toEqual({
      childSeenAloneOn: 'Date the child was seen alone must be on or after the enquiry started',
      abeInterviewOn: 'Date of the video-recorded interview must be today or in the past',
    });
    await recordSection47Progress(database.deps, ctx, id, await versionOf(id), {
      childSeenAloneOn: HELD,
      childNotSeenAloneReason: null,
      checksSummary: 'School',
      abeInterviewOn: null,
      paediatricExamOn: null,
    });
    expect(
      await database.handle.db.selectFrom('section47Enquiry').select(['childSeenAloneOn', 'checksSummary']).where('id', '=', id).executeTakeFirstOrThrow(),
    ).toEqual({ childSeenAloneOn: HELD, checksSummary: 'School' });
    expect(
      await refusal(
        recordSection47Progress(database.deps, ctx, id, 1, {
          childSeenAloneOn: HELD,
          childNotSeenAloneReason: null,
          checksSummary: null,
          abeInterviewOn: null,
          paediatricExamOn: null,
        }),
      ),
    ).toBeInstanceOf(StaleVersionError);
    const page = await viewSection47(database.deps, ctx, id);
    expect(page.dueExplanation.rule.id).toBe('S47-02');
    // Asked for on 2 April: + 45 working days, skipping Good Friday, Easter Monday, 4 May and 25 May = Wednesday 10 June.
    expect(page.enquiry.dueOn).toBe('2026-06-10');
    expect(page.dueExplanation.due.toString()).toBe('2026-06-10');
    expect(page.icpcExplanation.due.toString()).toBe('2026-04-27');
  });

  it('outcome "not substantiated" completes it with no conference', async () => {
    const id = (
      await database.handle.db
        .selectFrom('section47Enquiry')
        .select('id')
        .where('childId', '=', child)
        .where('status', '=', 'in_progress')
        .executeTakeFirstOrThrow()
    ).id;
    const ctx = await contextFor(database, DEMO_USER_IDS.socialWorker);
    await saveSection47Draft(database.deps, ctx, id, { findings: 'draft' });
    expect((await viewSection47(database.deps, ctx, id)).draft).toEqual({ findings: 'draft' });
    const result = await recordSection47Outcome(database.deps, ctx, id, await versionOf(id), outcome());
    expect(result).toEqual({ outcome: 'not_substantiated', icpcDueOn: null });
    expect((await viewSection47(database.deps, ctx, id)).draft).toBeNull();
    expect((await auditRows(database, 'child-protection.section-47.completed')).at(-1)).toMatchObject({ subjectId: id, childId: child });
    expect(await refusal(recordSection47Outcome(database.deps, ctx, id, await versionOf(id), outcome()))).toBeInstanceOf(ValidationError);
  });

  it('outcome "substantiated, not at continuing risk" completes it with no conference', async () => {
    const id = await startEnquiry();
    const ctx = await contextFor(database, DEMO_USER_IDS.socialWorker);
    expect(await recordSection47Outcome(database.deps, ctx, id, await versionOf(id), outcome({ outcome: 'substantiated_not_continuing' }))).toEqual({
      outcome: 'substantiated_not_continuing',
      icpcDueOn: null,
    });
  });

  it('outcome "continuing risk" records the ICPC due 15 working days from the strategy discussion (Easter skipped) and asks for the conference', async () => {
    // The demo child is on a child protection plan (demo-child-protection-plans.ts): end it, so the
    // enquiry's outcome can open an initial conference (a child on a plan goes to a review instead).
    const onPlan = await database.handle.db.selectFrom('cpPlan').select('startedOn').where('childId', '=', child).where('status', '=', 'active').executeTakeFirst();
    if (onPlan !== undefined) {
      await database.handle.db.updateTable('cpPlan').set({ status: 'ended', endedOn: onPlan.startedOn, endReason: 'no_longer_at_risk' }).where('childId', '=', child).where('status', '=', 'active').execute();
    }
    const id = await startEnquiry();
    const ctx = await contextFor(database, DEMO_USER_IDS.socialWorker);
    // 2 April 2026 + 15 working days, skipping Good Friday 3 April and Easter Monday 6 April = Monday 27 April.
    expect(await recordSection47Outcome(database.deps, ctx, id, await versionOf(id), outcome({ outcome: 'substantiated_continuing' }))).toEqual({
      outcome: 'substantiated_continuing',
      icpcDueOn: '2026-04-27',
    });
    const row = await database.handle.db
      .selectFrom('section47Enquiry')
      .select(['status', 'icpcDueOn', 'outcome'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'completed', icpcDueOn: '2026-04-27', outcome: 'substantiated_continuing' });
    // The initial conference opened in the same transaction, from the enquiry and its strategy discussion.
    const conference = await database.handle.db.selectFrom('cpConference').selectAll().where('section47Id', '=', id).executeTakeFirstOrThrow();
    expect(conference).toMatchObject({ childId: child, section47Id: id });
    expect((await auditRows(database, 'child-protection.initial-conference.opened')).at(-1)).toMatchObject({ childId: child });
  });

  it('an outcome needs the child seen alone (or why not), the checks and the findings', async () => {
    const id = await startEnquiry();
    const ctx = await contextFor(database, DEMO_USER_IDS.socialWorker);
    const error = await refusal(
      recordSection47Outcome(database.deps, ctx, id, await versionOf(id), outcome({ childSeenAloneOn: null, checksSummary: ' ', findings: '' })),
    );
    expect((error as ValidationError).fieldErrors).toEqual({
      childSeenAloneOn: 'Enter the date the child was seen alone, or why they were not seen alone',
      checksSummary: 'Enter the checks made during the enquiry',
      findings: 'Enter what the enquiry found',
    });
    const reason = await recordSection47Outcome(
      database.deps,
      ctx,
      id,
      await versionOf(id),
      outcome({ childSeenAloneOn: null, childNotSeenAloneReason: 'Baby, 4 weeks old' }),
    );
    expect(reason.outcome).toBe('not_substantiated');
  });

  it('refuses people without access to the child, and audits it', async () => {
    const other = await contextFor(database, DEMO_USER_IDS.otherTeamWorker);
    expect(await refusal(viewSection47(database.deps, other, DEMO_CHILD_PROTECTION_IDS.ordinaryEnquiry))).toBeInstanceOf(AccessRefusedError);
    const worker = await contextFor(database, DEMO_USER_IDS.socialWorker);
    expect(await refusal(viewSection47(database.deps, worker, DEMO_CHILD_PROTECTION_IDS.restrictedEnquiry))).toBeInstanceOf(AccessRefusedError);
    expect((await auditRows(database, 'access.record.refused')).at(-1)).toMatchObject({ childId: DEMO_CHILD_IDS.restricted });
    const performance = await contextFor(database, DEMO_USER_IDS.performanceOfficer);
    expect((await viewSection47(database.deps, performance, DEMO_CHILD_PROTECTION_IDS.ordinaryEnquiry)).mayChange).toBe(false);
    expect(await refusal(saveSection47Draft(database.deps, performance, DEMO_CHILD_PROTECTION_IDS.ordinaryEnquiry, {}))).toBeInstanceOf(AccessRefusedError);
  });

  it('lists enquiries to complete for the worker, never the restricted child’s', async () => {
    const worker = await contextFor(database, DEMO_USER_IDS.socialWorker);
    const items = await database.handle.db
      .transaction()
      .execute((trx) => section47sToComplete(trx, worker.actor!, NOW, { workerId: DEMO_USER_IDS.socialWorker }));
    expect(items.some((i) => i.href === `/section-47-enquiries/${DEMO_CHILD_PROTECTION_IDS.inProgressEnquiry}`)).toBe(true);
    expect(items.every((i) => i.childId !== DEMO_CHILD_IDS.restricted)).toBe(true);
    const manager = await contextFor(database, DEMO_USER_IDS.teamManager);
    const team = await database.handle.db.selectFrom('team').select('id').where('code', '=', 'FST_NORTH').executeTakeFirstOrThrow();
    const teamItems = await database.handle.db.transaction().execute((trx) => section47sToComplete(trx, manager.actor!, NOW, { teamIds: [team.id] }));
    expect(teamItems.some((i) => i.childId === DEMO_CHILD_IDS.restricted && i.ruleId === 'S47-02')).toBe(true);
  });
});
