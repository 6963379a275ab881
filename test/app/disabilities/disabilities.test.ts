import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { disabilitiesDueItems } from '../../../src/app/disabilities/due-items.ts';
import {
  CONFIRM_MESSAGES,
  discardEligibilityDraft,
  eligibilityDraftJourney,
  RECORD_MESSAGES,
  recordEligibilityDecision,
  reviewEligibilityDecision,
  saveEligibilityDraft,
  type RawAnswer,
  type RecordEligibilityInput,
} from '../../../src/app/disabilities/eligibility.ts';
import { recordPanelDecision, recordShortBreak, requestPersonalBudget, reviewShortBreak } from '../../../src/app/disabilities/services.ts';
import { openDisabilitiesForm, viewDisabilities } from '../../../src/app/disabilities/view-disabilities.ts';
import { AccessRefusedError, StaleVersionError, ValidationError } from '../../../src/app/shared/errors.ts';
import { viewMyWork } from '../../../src/app/work/my-work.ts';
import { loadActor } from '../../../src/db/admin/user-repository.ts';
import { DEMO_CHILD_IDS } from '../../../src/db/seed/demo-authority.ts';
import { DEMO_USER_IDS } from '../../../src/db/seed/users.ts';
import { ELIGIBILITY_CODES, ELIGIBILITY_MESSAGES, type EligibilityCode } from '../../../src/domain/disabilities/eligibility.ts';
import { PANEL_MESSAGES, SERVICES_MESSAGES } from '../../../src/domain/disabilities/services.ts';
import { auditRows, contextFor, createTestAuthority } from '../../support/authority.ts';
import type { TestDatabase } from '../../support/database.ts';

let database: TestDatabase;
// Tuesday 10 March 2026, 14:30 in London.
const NOW = new Date('2026-03-10T14:30:00Z');

async function refusalOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected the call to fail');
    },
    (error: unknown) => error,
  );
}

function rawAnswers(met: readonly EligibilityCode[]): Record<string, RawAnswer> {
  return Object.fromEntries(
    ELIGIBILITY_CODES.map((code) => [
      code,
      met.includes(code)
        ? {
            met: 'met',
            evidence: 'Consultant paediatrician’s letter: severe learning disability, needs constant supervision',
            evidenceSource: 'diagnosis_letter',
            evidenceDate: '2026-01-20',
          }
        : { met: 'not_met', evidence: '', evidenceSource: '', evidenceDate: '' },
    ]),
  );
}

const input = (overrides: Partial<RecordEligibilityInput> = {}): RecordEligibilityInput => ({
  answers: rawAnswers(['SEVERE_LEARNING_DISABILITY']),
  summary: 'The section 17 assessment found substantial needs in every area of daily living.',
  adviceGiven: '',
  decidedOn: '2026-03-10',
  latestNumber: 0,
  ...overrides,
});

/** Children of the demo social worker's caseload other than the one the web tests use, by index. */
async function child(index: number): Promise<string> {
  const rows = await database.handle.db
    .selectFrom('allocation')
    .select('childId')
    .where('workerUserId', '=', DEMO_USER_IDS.socialWorker)
    .where('endedOn', 'is', null)
    .where('childId', '<>', DEMO_CHILD_IDS.allocated)
    .orderBy('childId')
    .execute();
  const row = rows[index];
  if (row === undefined) throw new Error('not enough children in the demo caseload');
  return row.childId;
}

async function decisionOf(childId: string, status: 'recorded' | 'confirmed' | 'returned' | 'superseded') {
  return database.handle.db
    .selectFrom('cwdEligibilityDecision')
    .selectAll()
    .where('childId', '=', childId)
    .where('status', '=', status)
    .executeTakeFirstOrThrow();
}

/** Records and confirms an eligible decision; returns its id. */
async function eligibleChild(index: number): Promise<{ childId: string; decisionId: string }> {
  const childId = await child(index);
  const sw = await contextFor(database, DEMO_USER_IDS.socialWorker);
  const tm = await contextFor(database, DEMO_USER_IDS.teamManager);
  const latest = await database.handle.db
    .selectFrom('cwdEligibilityDecision')
    .select('number')
    .where('childId', '=', childId)
    .orderBy('number', 'desc')
    .executeTakeFirst();
  const { decisionId } = await recordEligibilityDecision(database.deps, sw, childId, input({ latestNumber: latest?.number ?? 0 }));
  await reviewEligibilityDecision(database.deps, tm, childId, decisionId, 1, { decision: 'confirm', comment: '' });
  return { childId, decisionId };
}

beforeAll(async () => {
  database = await createTestAuthority();
  database.clock.set(NOW);
});
afterAll(async () => {
  await database.close();
});

describe('the eligibility decision', () => {
  it('keeps a draft in the database, audited, and discards it', async () => {
    const childId = await child(0);
    const sw = await contextFor(database, DEMO_USER_IDS.socialWorker);
    await saveEligibilityDraft(database.deps, sw, childId, { SEVERE_LEARNING_DISABILITY: 'met', summary: 'Half written', unknownField: 'dropped' });
    const draft = await database.handle.db.selectFrom('draft').select('data').where('journey', '=', eligibilityDraftJourney(childId)).executeTakeFirstOrThrow();
    expect(draft.data).toEqual({ SEVERE_LEARNING_DISABILITY: 'met', summary: 'Half written' });
    expect((await auditRows(database, 'disabilities.eligibility-draft.saved')).at(-1)).toMatchObject({ childId, actorUserId: DEMO_USER_IDS.socialWorker });
    const form = await openDisabilitiesForm(database.deps, sw, childId, 'disabilities:record', 'disabilities.eligibility-form.viewed', { withDraft: true });
    expect(form.draft).toEqual({ SEVERE_LEARNING_DISABILITY: 'met', summary: 'Half written' });
    expect(await discardEligibilityDraft(database.deps, sw, childId)).toEqual({ existed: true });
    expect(
      await database.handle.db.selectFrom('draft').select('data').where('journey', '=', eligibilityDraftJourney(childId)).executeTakeFirst(),
    ).toBeUndefined();
  });

  it('refuses to record with an answer missing or evidence missing, writing nothing', async () => {
    const childId = await child(0);
    const sw = await contextFor(database, DEMO_USER_IDS.socialWorker);
    const answers = rawAnswers(['LIFE_LIMITING_ILLNESS']);
    const error = await refusalOf(
      recordEligibilityDecision(
        database.deps,
        sw,
        childId,
        input({
          answers: {
            ...answers,
            SEMH_ONLY: { met: '', evidence: '', evidenceSource: '', evidenceDate: '' },
            LIFE_LIMITING_ILLNESS: { met: 'met', evidence: '', evidenceSource: '', evidenceDate: '' },
          },
        }),
      ),
    );
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).fieldErrors).toMatchObject({
      SEMH_ONLY: ELIGIBILITY_MESSAGES.answer,
      'LIFE_LIMITING_ILLNESS-evidence': ELIGIBILITY_MESSAGES.evidence,
      'LIFE_LIMITING_ILLNESS-evidenceSource': ELIGIBILITY_MESSAGES.evidenceSource,
    });
    expect(await database.handle.db.selectFrom('cwdEligibilityDecision').select('id').where('childId', '=', childId).execute()).toHaveLength(0);
  });

  it('needs the advice given to the parents when the child is not eligible', async () => {
    const childId = await child(0);
    const sw = await contextFor(database, DEMO_USER_IDS.socialWorker);
    const error = await refusalOf(recordEligibilityDecision(database.deps, sw, childId, input({ answers: rawAnswers(['SEMH_ONLY']) })));
    expect((error as ValidationError).fieldErrors).toEqual({ adviceGiven: RECORD_MESSAGES.adviceGiven });
  });

  it('records the outcome the domain works out, with every answer and the audit; the manager confirms it', async () => {
    const childId = await child(1);
    const sw = await contextFor(database, DEMO_USER_IDS.socialWorker);
    const tm = await contextFor(database, DEMO_USER_IDS.teamManager);
    await saveEligibilityDraft(database.deps, sw, childId, { summary: 'draft' });
    const recorded = await recordEligibilityDecision(database.deps, sw, childId, input());
    expect(recorded).toMatchObject({ outcome: 'eligible', number: 1 });
    const row = await decisionOf(childId, 'recorded');
    expect(row).toMatchObject({ outcome: 'eligible', decidingCodes: ['SEVERE_LEARNING_DISABILITY'], adviceGiven: null, decidedOn: '2026-03-10', version: 1 });
    expect(row.reason).toContain('seed 004');
    const answers = await database.handle.db.selectFrom('cwdEligibilityAnswer').selectAll().where('decisionId', '=', row.id).execute();
    expect(answers).toHaveLength(13);
    expect(answers.find((a) => a.code === 'SEVERE_LEARNING_DISABILITY')).toMatchObject({
      kind: 'criterion',
      met: true,
      evidenceSource: 'diagnosis_letter',
      evidenceDate: '2026-01-20',
    });
    expect(answers.find((a) => a.code === 'SEMH_ONLY')).toMatchObject({ kind: 'exclusion', met: false, evidence: null });
    expect((await auditRows(database, 'disabilities.eligibility.recorded')).at(-1)).toMatchObject({ subjectId: row.id, childId });
    // The draft is gone once recorded.
    expect(
      await database.handle.db.selectFrom('draft').select('data').where('journey', '=', eligibilityDraftJourney(childId)).executeTakeFirst(),
    ).toBeUndefined();

    // Awaiting the manager: CWD-01 in the manager's team work, 5 working days from Tuesday 10 March.
    const manager = await loadActor(database.handle.db, DEMO_USER_IDS.teamManager);
    if (manager === null) throw new Error('no actor');
    const team = await database.handle.db
      .selectFrom('allocation')
      .select('teamId')
      .where('childId', '=', childId)
      .where('endedOn', 'is', null)
      .executeTakeFirstOrThrow();
    const items = await database.handle.db.transaction().execute((trx) => disabilitiesDueItems(trx, manager, NOW, { teamIds: [team.teamId] }));
    expect(items.find((i) => i.childId === childId)).toMatchObject({ ruleId: 'CWD-01', dueOn: '2026-03-17', href: `/children/${childId}/disabilities` });

    // A second decision while one awaits the manager is refused.
    expect(((await refusalOf(recordEligibilityDecision(database.deps, sw, childId, input({ latestNumber: 1 })))) as ValidationError).fieldErrors).toEqual({
      decision: RECORD_MESSAGES.alreadyAwaiting,
    });

    // The worker cannot confirm; a manager's stale confirmation is refused; then it is confirmed.
    expect(await refusalOf(reviewEligibilityDecision(database.deps, sw, childId, row.id, 1, { decision: 'confirm', comment: '' }))).toBeInstanceOf(
      AccessRefusedError,
    );
    expect(await refusalOf(reviewEligibilityDecision(database.deps, tm, childId, row.id, 7, { decision: 'confirm', comment: '' }))).toBeInstanceOf(
      StaleVersionError,
    );
    expect(await reviewEligibilityDecision(database.deps, tm, childId, row.id, 1, { decision: 'confirm', comment: '' })).toEqual({ status: 'confirmed' });
    expect(await decisionOf(childId, 'confirmed')).toMatchObject({ id: row.id, reviewedByUserId: DEMO_USER_IDS.teamManager, version: 2 });
    expect((await auditRows(database, 'disabilities.eligibility.confirmed')).at(-1)).toMatchObject({
      subjectId: row.id,
      childId,
      actorUserId: DEMO_USER_IDS.teamManager,
    });
    const view = await viewDisabilities(database.deps, sw, childId);
    expect(view).toMatchObject({ eligible: true, recorded: null, mayRecord: true, mayConfirm: false });
    expect(view.confirmed?.id).toBe(row.id);
  });

  it('a return needs the manager’s reasons; a new version then supersedes the decision in force', async () => {
    const { childId, decisionId } = await eligibleChild(2);
    const sw = await contextFor(database, DEMO_USER_IDS.socialWorker);
    const tm = await contextFor(database, DEMO_USER_IDS.teamManager);
    // A form opened before the first decision is stale now.
    expect(await refusalOf(recordEligibilityDecision(database.deps, sw, childId, input({ latestNumber: 0 })))).toBeInstanceOf(StaleVersionError);
    expect((await auditRows(database, 'disabilities.eligibility-decision.stale-save-refused')).at(-1)).toMatchObject({ childId });
    const second = await recordEligibilityDecision(
      database.deps,
      sw,
      childId,
      input({ latestNumber: 1, answers: rawAnswers([]), adviceGiven: 'Local offer: SEND information and short breaks without assessment.' }),
    );
    expect(second).toMatchObject({ outcome: 'not_eligible', number: 2 });
    expect(
      ((await refusalOf(reviewEligibilityDecision(database.deps, tm, childId, second.decisionId, 1, { decision: 'return', comment: ' ' }))) as ValidationError)
        .fieldErrors,
    ).toEqual({
      comment: CONFIRM_MESSAGES.comment,
    });
    await reviewEligibilityDecision(database.deps, tm, childId, second.decisionId, 1, { decision: 'return', comment: 'Check the hearing assessment first.' });
    expect(await decisionOf(childId, 'returned')).toMatchObject({ id: second.decisionId, managerComment: 'Check the hearing assessment first.' });
    expect((await decisionOf(childId, 'confirmed')).id).toBe(decisionId);
    const third = await recordEligibilityDecision(database.deps, sw, childId, input({ latestNumber: 2, answers: rawAnswers([]), adviceGiven: 'Local offer.' }));
    await reviewEligibilityDecision(database.deps, tm, childId, third.decisionId, 1, { decision: 'confirm', comment: '' });
    expect((await decisionOf(childId, 'superseded')).id).toBe(decisionId);
    expect((await decisionOf(childId, 'confirmed')).id).toBe(third.decisionId);
    // Paid services are refused now the child is not eligible.
    const error = await refusalOf(
      recordShortBreak(database.deps, sw, childId, {
        eligibilityDecisionId: third.decisionId,
        type: 'daytime_care',
        provider: 'Scheme',
        amount: '100',
        startsOn: '2026-03-01',
        endsOn: '',
      }),
    );
    expect((error as ValidationError).fieldErrors).toEqual({ eligibility: SERVICES_MESSAGES.notEligible });
  });

  it('a manager may not confirm a decision they recorded', async () => {
    const childId = await child(3);
    const tm = await contextFor(database, DEMO_USER_IDS.teamManager);
    const { decisionId } = await recordEligibilityDecision(database.deps, tm, childId, input());
    expect(
      ((await refusalOf(reviewEligibilityDecision(database.deps, tm, childId, decisionId, 1, { decision: 'confirm', comment: '' }))) as ValidationError)
        .fieldErrors,
    ).toEqual({
      decision: CONFIRM_MESSAGES.ownDecision,
    });
  });

  it('refuses a worker in another team, audited', async () => {
    const other = await contextFor(database, DEMO_USER_IDS.otherTeamWorker);
    expect(await refusalOf(recordEligibilityDecision(database.deps, other, DEMO_CHILD_IDS.allocated, input()))).toBeInstanceOf(AccessRefusedError);
    expect((await auditRows(database, 'access.record.refused')).at(-1)).toMatchObject({ childId: DEMO_CHILD_IDS.allocated });
  });
});

describe('short breaks', () => {
  it('records overnight short breaks for an eligible child, with the review due and the review recorded', async () => {
    const { childId, decisionId } = await eligibleChild(4);
    const sw = await contextFor(database, DEMO_USER_IDS.socialWorker);
    const { shortBreakId, beyondRegulation48 } = await recordShortBreak(database.deps, sw, childId, {
      eligibilityDecisionId: decisionId,
      type: 'overnight_care',
      provider: 'Willow House short breaks unit',
      amount: '80',
      startsOn: '2026-01-10',
      endsOn: '',
    });
    expect(beyondRegulation48).toBe(true);
    const row = await database.handle.db.selectFrom('cwdShortBreak').selectAll().where('id', '=', shortBreakId).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ breakType: 'overnight_care', unit: 'nights', amount: 80, status: 'active', eligibilityDecisionId: decisionId, version: 1 });
    expect((await auditRows(database, 'disabilities.short-break.recorded')).at(-1)).toMatchObject({ subjectId: shortBreakId, childId });

    // CWD-02: first review 3 months from 10 January: 10 April, in My work from 10 March.
    const actor = await loadActor(database.handle.db, DEMO_USER_IDS.socialWorker);
    if (actor === null) throw new Error('no actor');
    const items = await database.handle.db.transaction().execute((trx) => disabilitiesDueItems(trx, actor, NOW, { workerId: actor.userId }));
    expect(items.find((i) => i.childId === childId)).toMatchObject({ ruleId: 'CWD-02', dueOn: '2026-04-10', what: 'First review of overnight short breaks' });

    expect(
      await refusalOf(reviewShortBreak(database.deps, sw, childId, shortBreakId, 9, { reviewedOn: '2026-03-09', outcome: 'continue', notes: 'Going well' })),
    ).toBeInstanceOf(StaleVersionError);
    const bad = await refusalOf(reviewShortBreak(database.deps, sw, childId, shortBreakId, 1, { reviewedOn: '2026-01-01', outcome: '', notes: '' }));
    expect(Object.keys((bad as ValidationError).fieldErrors).sort()).toEqual(['notes', 'outcome', 'reviewedOn']);
    await reviewShortBreak(database.deps, sw, childId, shortBreakId, 1, {
      reviewedOn: '2026-03-09',
      outcome: 'continue',
      notes: 'Going well; child enjoys the stays.',
    });
    expect(
      await database.handle.db.selectFrom('cwdShortBreakReview').selectAll().where('shortBreakId', '=', shortBreakId).executeTakeFirstOrThrow(),
    ).toMatchObject({
      dueOn: '2026-04-10',
      withinTimescale: true,
      outcome: 'continue',
    });
    const view = await viewDisabilities(database.deps, sw, childId);
    expect(view.shortBreaks[0]?.due).toMatchObject({ ruleId: 'CWD-03', dueOn: '2026-09-09' });
    expect((await auditRows(database, 'disabilities.short-break.reviewed')).at(-1)).toMatchObject({ subjectId: shortBreakId, childId });
    // Ending it at a review.
    await reviewShortBreak(database.deps, sw, childId, shortBreakId, 2, { reviewedOn: '2026-03-10', outcome: 'end', notes: 'Family moving away.' });
    expect(await database.handle.db.selectFrom('cwdShortBreak').select(['status', 'endedOn']).where('id', '=', shortBreakId).executeTakeFirstOrThrow()).toEqual(
      {
        status: 'ended',
        endedOn: '2026-03-10',
      },
    );
  });

  it('refuses a child with no confirmed eligible decision, and a form opened under an older decision', async () => {
    const childId = await child(5);
    const sw = await contextFor(database, DEMO_USER_IDS.socialWorker);
    const form = {
      eligibilityDecisionId: '00000000-0000-4000-8000-000000000000',
      type: 'activities',
      provider: 'Club',
      amount: '50',
      startsOn: '2026-03-01',
      endsOn: '',
    };
    expect(((await refusalOf(recordShortBreak(database.deps, sw, childId, form))) as ValidationError).fieldErrors).toEqual({
      eligibility: SERVICES_MESSAGES.notEligible,
    });
    await eligibleChild(5);
    expect(await refusalOf(recordShortBreak(database.deps, sw, childId, form))).toBeInstanceOf(StaleVersionError);
    expect(await database.handle.db.selectFrom('cwdShortBreak').select('id').where('childId', '=', childId).execute()).toHaveLength(0);
  });
});

describe('personal budgets and the resource allocation panel', () => {
  it('submits a request, lists it for the panel decision, and records a deferral then an approval with changes', async () => {
    const { childId, decisionId } = await eligibleChild(6);
    const sw = await contextFor(database, DEMO_USER_IDS.socialWorker);
    const tm = await contextFor(database, DEMO_USER_IDS.teamManager);
    const bad = await refusalOf(
      requestPersonalBudget(database.deps, sw, childId, { eligibilityDecisionId: decisionId, amount: 'lots', purpose: '', panelDate: '2026-03-01' }),
    );
    expect(Object.keys((bad as ValidationError).fieldErrors).sort()).toEqual(['amount', 'panelDate', 'purpose']);
    const { requestId } = await requestPersonalBudget(database.deps, sw, childId, {
      eligibilityDecisionId: decisionId,
      amount: '£3,600',
      purpose: 'Personal assistant two evenings a week so the child can join a youth club.',
      panelDate: '2026-03-10',
    });
    expect(await database.handle.db.selectFrom('cwdBudgetRequest').selectAll().where('id', '=', requestId).executeTakeFirstOrThrow()).toMatchObject({
      amountPence: 360_000,
      status: 'submitted',
      requestedOn: '2026-03-10',
    });
    expect((await auditRows(database, 'disabilities.budget-request.submitted')).at(-1)).toMatchObject({ subjectId: requestId, childId });
    const actor = await loadActor(database.handle.db, DEMO_USER_IDS.socialWorker);
    if (actor === null) throw new Error('no actor');
    const items = await database.handle.db.transaction().execute((trx) => disabilitiesDueItems(trx, actor, NOW, { workerId: actor.userId }));
    expect(items.find((i) => i.childId === childId && i.ruleId === 'CWD-05')).toMatchObject({ dueOn: '2026-03-12' });

    // Only a team manager records the panel's decision.
    expect(
      await refusalOf(
        recordPanelDecision(database.deps, sw, childId, requestId, 1, {
          decision: 'approved',
          panelDate: '2026-03-10',
          approvedAmount: '',
          reason: '',
          nextPanelDate: '',
        }),
      ),
    ).toBeInstanceOf(AccessRefusedError);
    const missing = await refusalOf(
      recordPanelDecision(database.deps, tm, childId, requestId, 1, {
        decision: 'declined',
        panelDate: '2026-03-10',
        approvedAmount: '',
        reason: '',
        nextPanelDate: '',
      }),
    );
    expect((missing as ValidationError).fieldErrors).toEqual({ reason: PANEL_MESSAGES.reason });
    await recordPanelDecision(database.deps, tm, childId, requestId, 1, {
      decision: 'deferred',
      panelDate: '2026-03-10',
      approvedAmount: '',
      reason: 'Panel asked for the occupational therapy report.',
      nextPanelDate: '2026-04-07',
    });
    expect(
      await database.handle.db.selectFrom('cwdBudgetRequest').select(['status', 'panelDate', 'version']).where('id', '=', requestId).executeTakeFirstOrThrow(),
    ).toEqual({
      status: 'deferred',
      panelDate: '2026-04-07',
      version: 2,
    });
    // A decision on the form opened before the deferral is stale.
    expect(
      await refusalOf(
        recordPanelDecision(database.deps, tm, childId, requestId, 1, {
          decision: 'approved',
          panelDate: '2026-03-10',
          approvedAmount: '',
          reason: '',
          nextPanelDate: '',
        }),
      ),
    ).toBeInstanceOf(StaleVersionError);
    await recordPanelDecision(database.deps, tm, childId, requestId, 2, {
      decision: 'approved_with_changes',
      panelDate: '2026-03-10',
      approvedAmount: '3000',
      reason: 'One evening a week funded; review in six months.',
      nextPanelDate: '',
    });
    const decisions = await database.handle.db.selectFrom('cwdPanelDecision').selectAll().where('requestId', '=', requestId).orderBy('recordedAt').execute();
    expect(decisions.map((d) => [d.decision, d.approvedAmountPence])).toEqual([
      ['deferred', null],
      ['approved_with_changes', 300_000],
    ]);
    expect((await auditRows(database, 'disabilities.panel-decision.recorded')).at(-1)).toMatchObject({
      subjectId: requestId,
      childId,
      actorUserId: DEMO_USER_IDS.teamManager,
    });
    // Decided: no longer waiting, and no further decision.
    expect(
      (
        (await refusalOf(
          recordPanelDecision(database.deps, tm, childId, requestId, 3, {
            decision: 'approved',
            panelDate: '2026-03-10',
            approvedAmount: '',
            reason: '',
            nextPanelDate: '',
          }),
        )) as ValidationError
      ).fieldErrors,
    ).toEqual({ request: PANEL_MESSAGES.notAwaiting });
  });
});

describe('the demo authority', () => {
  it('has a child at each stage in the Children with Disabilities team, listed in the team manager’s work', async () => {
    const team = await database.handle.db.selectFrom('team').select('id').where('code', '=', 'CWD').executeTakeFirstOrThrow();
    const statuses = await database.handle.db
      .selectFrom('cwdEligibilityDecision')
      .innerJoin('allocation', (join) => join.onRef('allocation.childId', '=', 'cwdEligibilityDecision.childId').on('allocation.endedOn', 'is', null))
      .select(['cwdEligibilityDecision.status', 'cwdEligibilityDecision.outcome'])
      .where('allocation.teamId', '=', team.id)
      .execute();
    expect(statuses).toEqual(
      expect.arrayContaining([
        { status: 'confirmed', outcome: 'eligible' },
        { status: 'recorded', outcome: 'eligible' },
        { status: 'confirmed', outcome: 'not_eligible' },
      ]),
    );
    const manager = await database.handle.db
      .selectFrom('teamMembership')
      .select('userId')
      .where('teamId', '=', team.id)
      .where('isManager', '=', true)
      .executeTakeFirstOrThrow();
    const actor = await loadActor(database.handle.db, manager.userId);
    if (actor === null) throw new Error('no actor');
    // The day the demo was seeded: its overnight short breaks started 75 days before.
    const overnight = await database.handle.db
      .selectFrom('cwdShortBreak')
      .select('startsOn')
      .where('provider', '=', 'Willowbrook short breaks unit')
      .executeTakeFirstOrThrow();
    const seededAt = new Date(Date.parse(`${overnight.startsOn}T12:00:00Z`) + 75 * 86_400_000);
    const items = await database.handle.db.transaction().execute((trx) => disabilitiesDueItems(trx, actor, seededAt, { teamIds: [team.id] }));
    expect(new Set(items.map((i) => i.ruleId))).toEqual(new Set(['CWD-01', 'CWD-02', 'CWD-05']));
    // "My work" asks the disabilities source (src/app/work/due-item-sources.ts) for the manager's team.
    const work = await viewMyWork(database.deps, await contextFor(database, manager.userId));
    expect(work.teamDue.filter((i) => i.ruleId === 'CWD-01' || i.ruleId === 'CWD-05').length).toBeGreaterThanOrEqual(2);
  });
});
