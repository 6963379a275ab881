// Targeted early help on PGlite (and PostgreSQL): queue → allocation → wellbeing assessment (with a
// draft) → plan with consent → review → closure, each step's rows and audit row, step up creating a
// contact in the MASH queue with the history, consent refused, stale forms and refusals.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeEarlyHelp } from '../../../src/app/early-help/close-early-help.ts';
import { recordEarlyHelpPlan } from '../../../src/app/early-help/early-help-plan.ts';
import { EarlyHelpStepUnavailableError } from '../../../src/app/early-help/episode-access.ts';
import { earlyHelpDueItems } from '../../../src/app/early-help/due-items.ts';
import { EARLY_HELP_MESSAGES, type PlanInput } from '../../../src/app/early-help/input.ts';
import { recordPlanReview } from '../../../src/app/early-help/plan-review.ts';
import { allocateEarlyHelpReferral, viewEarlyHelpQueue } from '../../../src/app/early-help/queue.ts';
import { viewEarlyHelp } from '../../../src/app/early-help/view-early-help.ts';
import { completeWellbeingAssessment, openWellbeingAssessmentForm, saveWellbeingAssessmentDraft } from '../../../src/app/early-help/wellbeing-assessment.ts';
import { viewMashQueue } from '../../../src/app/front-door/view-mash-queue.ts';
import { AccessRefusedError, StaleVersionError, ValidationError } from '../../../src/app/shared/errors.ts';
import type { RequestContext } from '../../../src/app/shared/request-context.ts';
import { DEMO_USER_IDS } from '../../../src/db/seed/users.ts';
import { auditRows, contextFor, createTestAuthority } from '../../support/authority.ts';
import type { TestDatabase } from '../../support/database.ts';
import { mashManager } from '../front-door/fixtures.ts';
import { earlyHelpReferral, earlyHelpTeam, type EarlyHelpTeam } from './fixtures.ts';

let database: TestDatabase;
let team: EarlyHelpTeam;
let worker: RequestContext;
// Tuesday 7 April 2026, 11:00 in London: the MASH decides contacts received on 2 April today.
const DECISION_DAY = new Date('2026-04-07T10:00:00Z');

beforeAll(async () => {
  database = await createTestAuthority();
  database.clock.set(DECISION_DAY);
  team = await earlyHelpTeam(database);
  const first = team.workers[0];
  if (first === undefined) throw new Error('no early help worker');
  worker = first;
});
afterAll(async () => {
  await database.close();
});

const db = () => database.handle.db;
const episodeIdOf = async (childId: string): Promise<string> => (await episodeOf(childId)).id;
const episodeOf = (childId: string) =>
  db().selectFrom('earlyHelpEpisode').selectAll().where('childId', '=', childId).orderBy('allocatedAt', 'desc').executeTakeFirstOrThrow();
const assessment = (version: number, completedOn = '2026-04-20') => ({
  worries: 'Attendance has fallen to 80% and she is anxious at night.',
  workingWell: 'Her grandmother collects her twice a week.',
  needsToHappen: 'A morning routine, and a school nurse referral.',
  scaling: 4,
  childsVoice: 'She says she likes art club and wants to go back.',
  completedOn,
  version,
});
const plan = (version: number, overrides: Partial<PlanInput> = {}): PlanInput => ({
  familyConsents: true,
  consentGivenBy: 'Orla (mother)',
  consentGivenOn: '2026-04-21',
  outcomes: 'She is in school every day and sleeps through the night.',
  agreedOn: '2026-04-21',
  actions: [{ action: 'Morning routine chart', owner: 'Orla (mother)', dueOn: '2026-05-01' }],
  version,
  ...overrides,
});

async function allocated(): Promise<{ childId: string; contactId: string }> {
  database.clock.set(DECISION_DAY);
  const { referralId, childId, contactId } = await earlyHelpReferral(database);
  await allocateEarlyHelpReferral(database.deps, team.manager, referralId, { workerUserId: worker.actor?.userId ?? '' });
  return { childId, contactId };
}

async function planned(): Promise<string> {
  const { childId } = await allocated();
  database.clock.set(new Date('2026-04-22T10:00:00Z'));
  await completeWellbeingAssessment(database.deps, worker, await episodeIdOf(childId), assessment((await episodeOf(childId)).version));
  await recordEarlyHelpPlan(database.deps, worker, await episodeIdOf(childId), plan((await episodeOf(childId)).version));
  return childId;
}

describe('the early help queue and allocation', () => {
  it('puts a MASH early help referral with the early help team, in its manager’s queue, until a worker is allocated', async () => {
    const { referralId, childId } = await earlyHelpReferral(database);
    const allocation = await db().selectFrom('allocation').selectAll().where('childId', '=', childId).where('endedOn', 'is', null).executeTakeFirstOrThrow();
    expect(allocation).toMatchObject({ teamId: team.teamId, workerUserId: null });
    const queue = await viewEarlyHelpQueue(database.deps, team.manager);
    expect(queue.mayAllocate).toBe(true);
    expect(queue.referrals.map((r) => r.id)).toContain(referralId);

    const workerId = worker.actor?.userId ?? '';
    const result = await allocateEarlyHelpReferral(database.deps, team.manager, referralId, { workerUserId: workerId });
    const episode = await episodeOf(childId);
    // 45 working days from Tuesday 7 April 2026 (bank holidays 4 and 25 May) is Thursday 11 June 2026.
    expect(episode).toMatchObject({
      id: result.episodeId,
      workerUserId: workerId,
      teamId: team.teamId,
      status: 'open',
      startedOn: '2026-04-07',
      assessmentDueOn: '2026-06-11',
    });
    const now = await db().selectFrom('allocation').selectAll().where('childId', '=', childId).where('endedOn', 'is', null).executeTakeFirstOrThrow();
    expect(now).toMatchObject({ teamId: team.teamId, workerUserId: workerId });
    expect((await auditRows(database, 'early-help.referral.allocated')).at(-1)).toMatchObject({ subjectId: result.episodeId, childId });
    expect((await viewEarlyHelpQueue(database.deps, team.manager)).referrals.map((r) => r.id)).not.toContain(referralId);

    await expect(allocateEarlyHelpReferral(database.deps, team.manager, referralId, { workerUserId: workerId })).rejects.toBeInstanceOf(ValidationError);
  });

  it('refuses a worker outside the early help team, and a manager of another team', async () => {
    const { referralId } = await earlyHelpReferral(database);
    await expect(allocateEarlyHelpReferral(database.deps, team.manager, referralId, { workerUserId: DEMO_USER_IDS.socialWorker })).rejects.toMatchObject({
      fieldErrors: { workerUserId: 'Select a worker in the early help team' },
    });
    const otherManager = await contextFor(database, DEMO_USER_IDS.teamManager);
    await expect(allocateEarlyHelpReferral(database.deps, otherManager, referralId, { workerUserId: worker.actor?.userId ?? '' })).rejects.toBeInstanceOf(
      AccessRefusedError,
    );
    expect((await auditRows(database, 'access.record.refused')).at(-1)).toMatchObject({ actorUserId: DEMO_USER_IDS.teamManager });
  });
});

describe('the wellbeing assessment', () => {
  it('keeps a draft, then completes it on time, clearing the draft', async () => {
    const { childId } = await allocated();
    await saveWellbeingAssessmentDraft(database.deps, worker, await episodeIdOf(childId), {
      worries: 'Half written',
      workingWell: '',
      needsToHappen: '',
      scaling: '3',
      childsVoice: '',
    });
    const form = await openWellbeingAssessmentForm(database.deps, worker, await episodeIdOf(childId));
    expect(form.draft).toMatchObject({ worries: 'Half written', scaling: '3' });
    expect((await auditRows(database, 'early-help.wellbeing-assessment-draft.saved')).at(-1)).toMatchObject({ childId });

    database.clock.set(new Date('2026-04-22T10:00:00Z'));
    const { id } = await completeWellbeingAssessment(database.deps, worker, await episodeIdOf(childId), assessment(form.episode.version));
    const row = await db().selectFrom('wellbeingAssessment').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ scaling: 4, completedOn: '2026-04-20', dueOn: '2026-06-11', withinTimescale: true });
    expect(
      await db().selectFrom('draft').select('journey').where('journey', '=', `early-help:wellbeing-assessment:${childId}`).executeTakeFirst(),
    ).toBeUndefined();
    expect((await auditRows(database, 'early-help.wellbeing-assessment.completed')).at(-1)).toMatchObject({ subjectId: id, childId });
    await expect(openWellbeingAssessmentForm(database.deps, worker, await episodeIdOf(childId))).rejects.toBeInstanceOf(EarlyHelpStepUnavailableError);
  });

  it('refuses a future date, a scaling outside 0-10, a stale form, and a worker with no access', async () => {
    const { childId } = await allocated();
    const version = (await episodeOf(childId)).version;
    await expect(completeWellbeingAssessment(database.deps, worker, await episodeIdOf(childId), assessment(version, '2026-04-08'))).rejects.toMatchObject({
      fieldErrors: { completedOn: EARLY_HELP_MESSAGES.future },
    });
    await expect(
      completeWellbeingAssessment(database.deps, worker, await episodeIdOf(childId), { ...assessment(version, '2026-04-07'), scaling: 11 }),
    ).rejects.toMatchObject({
      fieldErrors: { scaling: EARLY_HELP_MESSAGES.scaling },
    });
    await expect(completeWellbeingAssessment(database.deps, worker, await episodeIdOf(childId), assessment(version + 1, '2026-04-07'))).rejects.toBeInstanceOf(
      StaleVersionError,
    );
    const other = await contextFor(database, DEMO_USER_IDS.otherTeamWorker);
    await expect(completeWellbeingAssessment(database.deps, other, await episodeIdOf(childId), assessment(version, '2026-04-07'))).rejects.toBeInstanceOf(
      AccessRefusedError,
    );
    expect(await db().selectFrom('wellbeingAssessment').select('id').where('childId', '=', childId).execute()).toHaveLength(0);
  });
});

describe('the early help plan and its reviews', () => {
  it('needs the assessment first, and the family’s consent: refused consent writes no plan', async () => {
    const { childId } = await allocated();
    await expect(recordEarlyHelpPlan(database.deps, worker, await episodeIdOf(childId), plan(1))).rejects.toMatchObject({ reason: 'assessment-needed' });
    database.clock.set(new Date('2026-04-22T10:00:00Z'));
    await completeWellbeingAssessment(database.deps, worker, await episodeIdOf(childId), assessment((await episodeOf(childId)).version));
    const version = (await episodeOf(childId)).version;
    await expect(
      recordEarlyHelpPlan(
        database.deps,
        worker,
        await episodeIdOf(childId),
        plan(version, { familyConsents: false, consentGivenBy: null, consentGivenOn: null }),
      ),
    ).rejects.toMatchObject({
      fieldErrors: { familyConsents: EARLY_HELP_MESSAGES.noConsent },
    });
    await expect(recordEarlyHelpPlan(database.deps, worker, await episodeIdOf(childId), plan(version, { consentGivenBy: '' }))).rejects.toMatchObject({
      fieldErrors: { consentGivenBy: EARLY_HELP_MESSAGES.consentGivenBy },
    });
    await expect(recordEarlyHelpPlan(database.deps, worker, await episodeIdOf(childId), plan(version, { actions: [] }))).rejects.toMatchObject({
      fieldErrors: { actions: EARLY_HELP_MESSAGES.actions },
    });
    expect(await db().selectFrom('earlyHelpPlan').select('id').where('childId', '=', childId).execute()).toHaveLength(0);
  });

  it('records who consented and when, the actions, and the first review due 3 months after agreement', async () => {
    const childId = await planned();
    const row = await db().selectFrom('earlyHelpPlan').selectAll().where('childId', '=', childId).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ consentGivenBy: 'Orla (mother)', consentGivenOn: '2026-04-21', agreedOn: '2026-04-21', firstReviewDueOn: '2026-07-21' });
    expect(await db().selectFrom('earlyHelpPlanAction').select(['position', 'owner']).where('planId', '=', row.id).execute()).toEqual([
      { position: 1, owner: 'Orla (mother)' },
    ]);
    expect((await auditRows(database, 'early-help.plan.agreed')).at(-1)).toMatchObject({ subjectId: row.id, childId });

    const due = await database.handle.db
      .transaction()
      .execute(async (trx) =>
        earlyHelpDueItems(trx, worker.actor ?? (await mashManager(database)).actor!, database.clock.now(), { workerId: worker.actor?.userId ?? '' }),
      );
    expect(due.find((d) => d.childId === childId)).toMatchObject({ what: 'Early help plan review', dueOn: '2026-07-21', ruleId: 'EH-02-REVIEW' });

    database.clock.set(new Date('2026-07-28T10:00:00Z'));
    const review = await recordPlanReview(database.deps, worker, await episodeIdOf(childId), {
      reviewedOn: '2026-07-27',
      scaling: 6,
      progress: 'In school every day since June.',
      version: (await episodeOf(childId)).version,
    });
    expect(review.nextReviewDueOn).toBe('2026-10-27');
    const reviewRow = await db().selectFrom('earlyHelpReview').selectAll().where('id', '=', review.id).executeTakeFirstOrThrow();
    expect(reviewRow).toMatchObject({ dueOn: '2026-07-21', withinTimescale: false, scaling: 6 });
    expect((await auditRows(database, 'early-help.plan-review.recorded')).at(-1)).toMatchObject({ subjectId: review.id, childId });
    const view = await viewEarlyHelp(database.deps, worker, childId);
    expect(view.episodes[0]?.nextDue?.explanation.due.toString()).toBe('2026-10-27');
  });
});

describe('closing early help', () => {
  it('steps up to social care: a contact in the MASH queue with the early help history, the child linked', async () => {
    const childId = await planned();
    database.clock.set(new Date('2026-05-05T10:00:00Z'));
    const result = await closeEarlyHelp(database.deps, worker, await episodeIdOf(childId), {
      outcome: 'step_up',
      summary: 'No change despite the plan; new worries about neglect.',
      closedOn: '2026-05-05',
      stepUpFamilyConsent: 'yes',
      stepUpConsentReason: null,
      version: (await episodeOf(childId)).version,
    });
    const contactId = result.stepUpContact?.id ?? '';
    const contact = await db().selectFrom('contact').selectAll().where('id', '=', contactId).executeTakeFirstOrThrow();
    expect(contact).toMatchObject({
      channel: 'early_help_step_up',
      status: 'received',
      referralSource: '5D',
      receivedOn: '2026-05-05',
      decisionDueOn: '2026-05-06',
      earlyHelpAssessmentDone: true,
      familyConsent: 'yes',
    });
    expect(contact.worries).toContain('No change despite the plan');
    expect(contact.worries).toContain('Wellbeing assessment completed 20 April 2026, scaling 4 out of 10.');
    expect(contact.whatTried).toContain('Morning routine chart (Orla (mother), by 1 May 2026)');
    expect(contact.childViews).toBe('She says she likes art club and wants to go back.');
    const people = await db().selectFrom('contactPerson').select(['role', 'personId']).where('contactId', '=', contactId).execute();
    expect(people).toEqual([{ role: 'child', personId: childId }]);
    const mashQueue = await viewMashQueue(database.deps, await mashManager(database));
    expect(JSON.stringify(mashQueue)).toContain(contactId);
    expect(await episodeOf(childId)).toMatchObject({ status: 'closed', closureOutcome: 'step_up', stepUpContactId: contactId, closedOn: '2026-05-05' });
    expect((await auditRows(database, 'front-door.contact.recorded')).at(-1)).toMatchObject({ subjectId: contactId, childId });
    expect((await auditRows(database, 'early-help.episode.closed')).at(-1)).toMatchObject({
      childId,
      changes: expect.objectContaining({ outcome: 'step_up' }) as unknown,
    });
  });

  it('step up needs the family’s answer; other outcomes start nothing in the MASH', async () => {
    const { childId } = await allocated();
    const version = (await episodeOf(childId)).version;
    const base = { summary: 'Family moved away.', closedOn: '2026-04-07', stepUpFamilyConsent: null, stepUpConsentReason: null, version };
    await expect(closeEarlyHelp(database.deps, worker, await episodeIdOf(childId), { ...base, outcome: 'step_up' })).rejects.toMatchObject({
      fieldErrors: { stepUpFamilyConsent: EARLY_HELP_MESSAGES.stepUpFamilyConsent },
    });
    await expect(
      closeEarlyHelp(database.deps, worker, await episodeIdOf(childId), { ...base, outcome: 'step_up', stepUpFamilyConsent: 'no' }),
    ).rejects.toMatchObject({
      fieldErrors: { stepUpConsentReason: EARLY_HELP_MESSAGES.stepUpConsentReason },
    });
    const contactsBefore = await db().selectFrom('contact').select('id').where('channel', '=', 'early_help_step_up').execute();
    const result = await closeEarlyHelp(database.deps, worker, await episodeIdOf(childId), { ...base, outcome: 'consent_withdrawn' });
    expect(result.stepUpContact).toBeNull();
    expect(await db().selectFrom('contact').select('id').where('channel', '=', 'early_help_step_up').execute()).toHaveLength(contactsBefore.length);
    expect(await episodeOf(childId)).toMatchObject({ status: 'closed', closureOutcome: 'consent_withdrawn', stepUpContactId: null });
    await expect(closeEarlyHelp(database.deps, worker, await episodeIdOf(childId), { ...base, outcome: 'needs_met' })).rejects.toMatchObject({
      reason: 'no-open-episode',
    });
  });
});
