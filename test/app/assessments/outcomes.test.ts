// Every outcome of an authorised assessment and the record it opens (src/app/assessments/next-records.ts),
// timeliness against ASS-01, the due items My work shows, and recording a next step done.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authoriseAssessment } from '../../../src/app/assessments/authorise-assessment.ts';
import { assessmentDueItems } from '../../../src/app/assessments/due-items.ts';
import { recordNextStepDone } from '../../../src/app/assessments/record-next-step-done.ts';
import { viewAssessment, viewChildAssessments } from '../../../src/app/assessments/view-assessments.ts';
import { viewEarlyHelpReferrals } from '../../../src/app/front-door/referrals.ts';
import { AccessRefusedError, StaleVersionError, ValidationError } from '../../../src/app/shared/errors.ts';
import { DUE_ITEM_SOURCES } from '../../../src/app/work/due-item-sources.ts';
import { AUTHORISATION_MESSAGES, type AssessmentOutcome } from '../../../src/domain/assessments/outcome.ts';
import { DEMO_USER_IDS } from '../../../src/db/seed/users.ts';
import { auditRows, contextFor, createTestAuthority } from '../../support/authority.ts';
import type { TestDatabase } from '../../support/database.ts';
import { mashManager } from '../front-door/fixtures.ts';
import { actorOf, assessmentVersion, DUE_ON, manager, submittedAssessment, worker } from './fixtures.ts';

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestAuthority();
});
afterAll(async () => {
  await database.close();
});

const db = () => database.handle.db;

async function authorise(outcome: AssessmentOutcome, extra: { specialistService?: string; familyConsent?: boolean } = {}) {
  const { assessmentId, childId } = await submittedAssessment(database);
  const result = await authoriseAssessment(database.deps, await manager(database), childId, assessmentId, {
    outcome,
    rationale: `Authorised: ${outcome}.`,
    specialistService: extra.specialistService ?? null,
    familyConsent: extra.familyConsent ?? null,
    version: await assessmentVersion(database, assessmentId),
  });
  const row = await db().selectFrom('assessment').selectAll().where('id', '=', assessmentId).executeTakeFirstOrThrow();
  const step = await db().selectFrom('assessmentNextStep').selectAll().where('assessmentId', '=', assessmentId).executeTakeFirst();
  const earlyHelp = await db().selectFrom('earlyHelpReferral').selectAll().where('assessmentId', '=', assessmentId).executeTakeFirst();
  const audit = (await auditRows(database, 'assessments.assessment.authorised')).find((a) => a.subjectId === assessmentId);
  return { assessmentId, childId, result, row, step, earlyHelp, audit };
}

describe('authorising with each outcome', () => {
  it('no further action: authorised within 45 working days, nothing else opens', async () => {
    const { row, step, earlyHelp, result, audit } = await authorise('nfa');
    expect(row).toMatchObject({
      status: 'authorised',
      outcome: 'nfa',
      outcomeRationale: 'Authorised: nfa.',
      authorisedByUserId: DEMO_USER_IDS.teamManager,
      authorisedOn: '2026-04-20',
      workingDaysTaken: 9,
      authorisedWithinTimescale: true,
    });
    expect(result).toMatchObject({ withinTimescale: true, workingDaysTaken: 9, next: { kind: 'none' } });
    expect(step).toBeUndefined();
    expect(earlyHelp).toBeUndefined();
    expect(audit?.changes).toMatchObject({ outcome: 'nfa', withinTimescale: true, dueOn: DUE_ON, nextRecord: null });
  });

  it('step down to targeted early help: a level 3 early help referral with consent, in the early help queue', async () => {
    const { row, earlyHelp, result, assessmentId } = await authorise('step_down_early_help', { familyConsent: true });
    expect(row).toMatchObject({ outcome: 'step_down_early_help', familyConsent: true });
    expect(earlyHelp).toMatchObject({ contactId: null, needLevel: 3, familyConsent: true, referredOn: '2026-04-20', status: 'awaiting_allocation' });
    expect(result.next).toEqual({ kind: 'early_help_referral', id: earlyHelp?.id });
    const queue = await viewEarlyHelpReferrals(database.deps, await mashManager(database));
    expect(queue.find((e) => e.assessmentId === assessmentId)).toMatchObject({ contactId: null, reference: null, needLevel: 3 });
    expect((await auditRows(database, 'front-door.early-help-referral.created')).some((a) => a.subjectId === earlyHelp?.id)).toBe(true);
  });

  it('step down without the family’s consent is refused and nothing is written', async () => {
    const { assessmentId, childId } = await submittedAssessment(database);
    const version = await assessmentVersion(database, assessmentId);
    await expect(
      authoriseAssessment(database.deps, await manager(database), childId, assessmentId, {
        outcome: 'step_down_early_help',
        rationale: 'Step down.',
        specialistService: null,
        familyConsent: false,
        version,
      }),
    ).rejects.toMatchObject({ fieldErrors: { familyConsent: AUTHORISATION_MESSAGES.familyConsent } });
    expect(await assessmentVersion(database, assessmentId)).toBe(version);
    expect(await db().selectFrom('earlyHelpReferral').select('id').where('assessmentId', '=', assessmentId).execute()).toEqual([]);
  });

  it.each([
    ['accommodation_s20', {}, 'accommodation_s20', 'ASS-02-S20', '2026-04-21'],
    ['specialist_service', { specialistService: 'CWD' }, 'specialist_service', 'ASS-02-SPEC', '2026-04-27'],
  ] as const)('%s: records an open next step with its due date, on the child’s record and in My work', async (outcome, extra, kind, ruleId, dueOn) => {
    const { step, result, childId, assessmentId } = await authorise(outcome, extra);
    expect(step).toMatchObject({
      childId,
      kind,
      ruleId,
      openedOn: '2026-04-20',
      dueOn,
      status: 'open',
      specialistService: outcome === 'specialist_service' ? 'CWD' : null,
    });
    expect(result.next).toEqual({ kind: 'next_step', id: step?.id, step: kind, dueOn });
    const listed = await viewChildAssessments(database.deps, await worker(database), childId);
    expect(listed.nextSteps.map((s) => s.step.id)).toEqual([step?.id]);
    const ctx = await worker(database);
    const items = await db()
      .transaction()
      .execute((trx) => assessmentDueItems(trx, actorOf(ctx), database.clock.now(), { workerId: DEMO_USER_IDS.socialWorker }));
    expect(items.find((i) => i.childId === childId)).toMatchObject({ dueOn, ruleId, href: `/assessments/${assessmentId}` });
    expect((await auditRows(database, 'assessments.next-step.opened')).some((a) => a.subjectId === step?.id)).toBe(true);
  });

  it('child in need plan: a draft plan and its episode open for the worker, linked to the assessment', async () => {
    const { step, result, childId, assessmentId } = await authorise('cin_plan');
    expect(step).toBeUndefined();
    const plan = await db().selectFrom('cinPlan').selectAll().where('assessmentId', '=', assessmentId).executeTakeFirstOrThrow();
    expect(plan).toMatchObject({ childId, status: 'draft', openedOn: '2026-04-20', workerUserId: DEMO_USER_IDS.socialWorker });
    expect(await db().selectFrom('cinEpisode').select('assessmentId').where('id', '=', plan.episodeId).executeTakeFirstOrThrow()).toEqual({ assessmentId });
    expect(result.next).toEqual({ kind: 'child_in_need_plan', id: plan.id });
    expect((await auditRows(database, 'child-in-need.plan.opened')).some((a) => a.subjectId === plan.id)).toBe(true);
  });

  it('strategy discussion: one to be held opens, linked to the assessment (S47-01)', async () => {
    const { step, result, childId, assessmentId } = await authorise('strategy_s47');
    expect(step).toBeUndefined();
    const link = await db().selectFrom('strategyDiscussionChild').selectAll().where('assessmentId', '=', assessmentId).executeTakeFirstOrThrow();
    expect(link).toMatchObject({ childId, sourceKind: 'assessment' });
    expect(result.next).toEqual({ kind: 'strategy_discussion', id: link.strategyDiscussionId });
  });

  it('a specialist service must be named', async () => {
    const { assessmentId, childId } = await submittedAssessment(database);
    await expect(
      authoriseAssessment(database.deps, await manager(database), childId, assessmentId, {
        outcome: 'specialist_service',
        rationale: 'CWD.',
        specialistService: null,
        familyConsent: null,
        version: await assessmentVersion(database, assessmentId),
      }),
    ).rejects.toBeInstanceOf(ValidationError);
  });

  it('records an assessment authorised after 45 working days as late', async () => {
    const { assessmentId, childId } = await submittedAssessment(database);
    database.clock.set(new Date('2026-06-12T10:00:00Z'));
    const result = await authoriseAssessment(database.deps, await manager(database), childId, assessmentId, {
      outcome: 'nfa',
      rationale: 'No further action.',
      specialistService: null,
      familyConsent: null,
      version: await assessmentVersion(database, assessmentId),
    });
    expect(result).toMatchObject({ withinTimescale: false, workingDaysTaken: 46 });
  });
});

describe('refusals and next steps', () => {
  it('only a manager of the team authorises, never the worker, and not twice', async () => {
    const { assessmentId, childId } = await submittedAssessment(database);
    const version = await assessmentVersion(database, assessmentId);
    const input = { outcome: 'nfa', rationale: 'NFA.', specialistService: null, familyConsent: null, version };
    await expect(authoriseAssessment(database.deps, await worker(database), childId, assessmentId, input)).rejects.toBeInstanceOf(AccessRefusedError);
    await expect(
      authoriseAssessment(database.deps, await contextFor(database, DEMO_USER_IDS.mashManager), childId, assessmentId, input),
    ).rejects.toBeInstanceOf(AccessRefusedError);
    expect((await auditRows(database, 'access.record.refused')).length).toBeGreaterThan(0);
    await authoriseAssessment(database.deps, await manager(database), childId, assessmentId, input);
    await expect(authoriseAssessment(database.deps, await manager(database), childId, assessmentId, input)).rejects.toBeInstanceOf(StaleVersionError);
  });

  it('a next step recorded done leaves My work', async () => {
    const { step, childId, assessmentId } = await authorise('accommodation_s20');
    const ctx = await worker(database);
    await recordNextStepDone(database.deps, ctx, childId, assessmentId, { note: 'Family Support Meeting held.' });
    const done = await db().selectFrom('assessmentNextStep').selectAll().where('assessmentId', '=', assessmentId).executeTakeFirstOrThrow();
    expect(done).toMatchObject({ status: 'done', doneByUserId: DEMO_USER_IDS.socialWorker, doneNote: 'Family Support Meeting held.' });
    const items = await db()
      .transaction()
      .execute(async (trx) =>
        Promise.all(DUE_ITEM_SOURCES.map((source) => source(trx, actorOf(ctx), database.clock.now(), { workerId: DEMO_USER_IDS.socialWorker }))),
      );
    expect(items.flat().some((i) => i.childId === childId)).toBe(false);
    const page = await viewAssessment(database.deps, ctx, childId, assessmentId);
    expect(page.nextStep?.step.status).toBe('done');
    expect(page.mayRecordNextStep).toBe(false);
    // Recording it again changes nothing (idempotent), and the repeat is audited as such.
    await recordNextStepDone(database.deps, await manager(database), childId, assessmentId, { note: 'Again.' });
    expect(await db().selectFrom('assessmentNextStep').selectAll().where('assessmentId', '=', assessmentId).executeTakeFirstOrThrow()).toEqual(done);
    expect((await auditRows(database, 'assessments.next-step.done')).filter((a) => a.subjectId === step?.id).map((a) => a.changes)).toEqual([
      expect.objectContaining({ kind: 'accommodation_s20' }),
      expect.objectContaining({ alreadyDone: true }),
    ]);
    expect(done.version).toBe((step?.version ?? 0) + 1);
  });

  it('open assessments are due items for the worker and the team, with the explanation', async () => {
    const { childId, assessmentId } = await submittedAssessment(database);
    const ctx = await manager(database);
    const team = ctx.actor?.teams.map((t) => t.teamId) ?? [];
    const items = await db()
      .transaction()
      .execute((trx) => assessmentDueItems(trx, actorOf(ctx), database.clock.now(), { teamIds: team }));
    const item = items.find((i) => i.href.endsWith(assessmentId));
    expect(item).toMatchObject({ childId, dueOn: DUE_ON, ruleId: 'ASS-01', what: 'Child and family assessment: awaiting authorisation' });
    expect(item?.explanation.source).toContain('Seed 004 §8');
    const other = await contextFor(database, DEMO_USER_IDS.otherTeamWorker);
    const hidden = await db()
      .transaction()
      .execute((trx) => assessmentDueItems(trx, actorOf(other), database.clock.now(), { teamIds: team }));
    expect(hidden.some((i) => i.childId === childId)).toBe(false);
  });
});
