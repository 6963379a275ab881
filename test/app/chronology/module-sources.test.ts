// The young carers and children with disabilities modules in a child's chronology: their events appear
// from what was recorded, dated as recorded, in order, linked back to their record; a filter by
// category keeps or drops them; another child's records and the workers' and managers' own words
// never show; and a worker in another team still cannot open the chronology.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHRONOLOGY_SOURCES } from '../../../src/app/chronology/registry.ts';
import { exportChronology, viewChronology } from '../../../src/app/chronology/view-chronology.ts';
import { recordEligibilityDecision, reviewEligibilityDecision, type RawAnswer } from '../../../src/app/disabilities/eligibility.ts';
import { recordPanelDecision, recordShortBreak, requestPersonalBudget, reviewShortBreak } from '../../../src/app/disabilities/services.ts';
import { AccessRefusedError } from '../../../src/app/shared/errors.ts';
import { authoriseYoungCarerAssessment } from '../../../src/app/young-carers/authorise-young-carer-assessment.ts';
import { recordYoungCarerPlanReview } from '../../../src/app/young-carers/record-plan-review.ts';
import { returnYoungCarerAssessment } from '../../../src/app/young-carers/return-young-carer-assessment.ts';
import { saveYoungCarerAssessment } from '../../../src/app/young-carers/save-young-carer-assessment.ts';
import { startYoungCarerAssessment } from '../../../src/app/young-carers/start-young-carer-assessment.ts';
import type { YoungCarerContentInput } from '../../../src/app/young-carers/young-carer-input.ts';
import { DEMO_CHILD_IDS } from '../../../src/db/seed/demo-authority.ts';
import { DEMO_USER_IDS } from '../../../src/db/seed/users.ts';
import { ELIGIBILITY_CODES } from '../../../src/domain/disabilities/eligibility.ts';
import { NO_CHRONOLOGY_FILTER, type ChronologyItem } from '../../../src/domain/records/chronology-entry.ts';
import { YOUNG_CARER_SECTION_KEYS } from '../../../src/domain/young-carers/young-carer-assessment.ts';
import { contextFor, createTestAuthority } from '../../support/authority.ts';
import type { TestDatabase } from '../../support/database.ts';

let database: TestDatabase;
const child = DEMO_CHILD_IDS.allocated;
let otherChild: string;
let youngCarerId: string;
let otherYoungCarerId: string;
let shortBreakId: string;
let requestId: string;
let decisionId: string;

const worker = () => contextFor(database, DEMO_USER_IDS.socialWorker);
const manager = () => contextFor(database, DEMO_USER_IDS.teamManager);
/** Moves the test clock to a London time in March 2026 (GMT, so London = UTC). */
const at = (iso: string) => database.clock.set(new Date(`${iso}Z`));

// Words only the records themselves hold: none may reach the chronology.
const PRIVATE = {
  returnComments: 'Private return: say more about the school run.',
  managementComments: 'Private authorisation comment.',
  planReview: 'Private plan review: mother’s health worse.',
  decisionSummary: 'Private eligibility summary: substantial needs.',
  breakNotes: 'Private short break notes: enjoys the stays.',
  purpose: 'Private budget purpose: personal assistant.',
  panelReason: 'Private panel reason: asked for the OT report.',
};

const content = (): YoungCarerContentInput => ({
  sections: Object.fromEntries(YOUNG_CARER_SECTION_KEYS.map((k) => [k, `Synthetic ${k}.`])) as YoungCarerContentInput['sections'],
  youngCarerSeenOn: '2026-03-02',
  careAppropriate: 'appropriate',
  wishesToContinueCaring: 'yes',
  outcomes: ['support_plan', 'signpost_young_carers_service'],
});

async function startYoungCarer(childId: string): Promise<string> {
  const { id } = await startYoungCarerAssessment(database.deps, await worker(), childId, {
    caredForPersonId: null,
    caredForName: 'Morgan Tilbury',
    caredForRelationship: 'sibling',
    caredForIsAdult: false,
    caredForNeeds: ['physical_disability'],
    caringTasks: ['personal_care'],
    caringTasksDetail: '',
    hoursPerWeek: 10,
    requestedOn: '2026-02-27',
    requestedBy: 'parent',
    requestedByDetail: '',
  });
  return id;
}

const answers = (): Record<string, RawAnswer> =>
  Object.fromEntries(
    ELIGIBILITY_CODES.map((code) => [
      code,
      code === 'SEVERE_LEARNING_DISABILITY'
        ? { met: 'met', evidence: 'Synthetic paediatrician’s letter', evidenceSource: 'diagnosis_letter', evidenceDate: '2026-01-20' }
        : { met: 'not_met', evidence: '', evidenceSource: '', evidenceDate: '' },
    ]),
  );

beforeAll(async () => {
  database = await createTestAuthority();
  const caseload = await database.handle.db
    .selectFrom('allocation')
    .select('childId')
    .where('workerUserId', '=', DEMO_USER_IDS.socialWorker)
    .where('endedOn', 'is', null)
    .where('childId', '<>', child)
    .orderBy('childId')
    .executeTakeFirstOrThrow();
  otherChild = caseload.childId;

  // Young carer's assessment: started 2 March, submitted 3rd, returned 4th, resubmitted 5th, authorised 6th, plan reviewed 9th.
  at('2026-03-02T09:15:00');
  youngCarerId = await startYoungCarer(child);
  otherYoungCarerId = await startYoungCarer(otherChild);
  at('2026-03-03T10:00:00');
  await saveYoungCarerAssessment(database.deps, await worker(), child, youngCarerId, { content: content(), version: 1 }, { submit: true });
  at('2026-03-04T11:20:00');
  await returnYoungCarerAssessment(database.deps, await manager(), child, youngCarerId, { comments: PRIVATE.returnComments, version: 3 });
  at('2026-03-05T12:00:00');
  await saveYoungCarerAssessment(database.deps, await worker(), child, youngCarerId, { content: content(), version: 4 }, { submit: true });
  at('2026-03-06T15:45:00');
  await authoriseYoungCarerAssessment(database.deps, await manager(), child, youngCarerId, { managementComments: PRIVATE.managementComments, version: 6 });
  at('2026-03-09T16:00:00');
  await recordYoungCarerPlanReview(database.deps, await worker(), child, youngCarerId, {
    reviewedOn: '2026-03-09',
    summary: PRIVATE.planReview,
    continueSupport: true,
    version: 7,
  });

  // Disabilities: a decision returned, a second confirmed, short breaks started, reviewed and ended, a budget request and the panel's decision.
  at('2026-03-02T10:00:00');
  const first = await recordEligibilityDecision(database.deps, await worker(), child, {
    answers: answers(),
    summary: PRIVATE.decisionSummary,
    adviceGiven: '',
    decidedOn: '2026-03-02',
    latestNumber: 0,
  });
  at('2026-03-03T13:30:00');
  await reviewEligibilityDecision(database.deps, await manager(), child, first.decisionId, 1, {
    decision: 'return',
    comment: 'Private: check the hearing assessment.',
  });
  at('2026-03-04T10:00:00');
  ({ decisionId } = await recordEligibilityDecision(database.deps, await worker(), child, {
    answers: answers(),
    summary: PRIVATE.decisionSummary,
    adviceGiven: '',
    decidedOn: '2026-03-04',
    latestNumber: 1,
  }));
  at('2026-03-05T09:05:00');
  await reviewEligibilityDecision(database.deps, await manager(), child, decisionId, 1, { decision: 'confirm', comment: '' });
  at('2026-03-06T10:00:00');
  ({ shortBreakId } = await recordShortBreak(database.deps, await worker(), child, {
    eligibilityDecisionId: decisionId,
    type: 'overnight_care',
    provider: 'Willow House short breaks unit',
    amount: '40',
    startsOn: '2026-03-06',
    endsOn: '',
  }));
  at('2026-03-09T10:00:00');
  await reviewShortBreak(database.deps, await worker(), child, shortBreakId, 1, { reviewedOn: '2026-03-09', outcome: 'continue', notes: PRIVATE.breakNotes });
  at('2026-03-10T10:00:00');
  await reviewShortBreak(database.deps, await worker(), child, shortBreakId, 2, { reviewedOn: '2026-03-10', outcome: 'end', notes: PRIVATE.breakNotes });
  ({ requestId } = await requestPersonalBudget(database.deps, await worker(), child, {
    eligibilityDecisionId: decisionId,
    amount: '£3,600',
    purpose: PRIVATE.purpose,
    panelDate: '2026-03-10',
  }));
  await recordPanelDecision(database.deps, await manager(), child, requestId, 1, {
    decision: 'approved_with_changes',
    panelDate: '2026-03-10',
    approvedAmount: '£3,000',
    reason: PRIVATE.panelReason,
    nextPanelDate: '',
  });
  const decisions = await database.handle.db.selectFrom('cwdEligibilityDecision').select('id').where('childId', '=', child).execute();
  for (const id of [youngCarerId, otherYoungCarerId, shortBreakId, requestId, ...decisions.map((d) => d.id)]) ours.add(id);
});
afterAll(async () => {
  await database.close();
});

// Only what this file recorded (the demo data has a young carer's assessment of its own for the child).
const ours = new Set<string>();
const fromModules = (items: readonly ChronologyItem[]) => items.filter((i) => ours.has(i.origin.id));
const line = (i: ChronologyItem) => [i.date, i.time, i.category, i.summary, i.recordedBy, i.origin.kind, i.origin.id];

describe('the young carers and disabilities sources', () => {
  it('are registered once each', () => {
    const names = CHRONOLOGY_SOURCES.map((s) => s.name);
    expect(names.filter((n) => n === 'young-carers' || n === 'disabilities')).toEqual(['young-carers', 'disabilities']);
    expect(new Set(names).size).toBe(names.length);
  });

  it('put each recorded event in the chronology, dated as recorded, earliest first, linked to its record', async () => {
    const exported = await exportChronology(database.deps, await worker(), child, NO_CHRONOLOGY_FILTER, 'html');
    const yc = ['young-carer-assessment', youngCarerId] as const;
    const elig = (id: string) => ['disabilities-eligibility', id] as const;
    const decisions = await database.handle.db
      .selectFrom('cwdEligibilityDecision')
      .select(['id', 'number'])
      .where('childId', '=', child)
      .orderBy('number')
      .execute();
    const [firstId, secondId] = decisions.map((d) => d.id);
    expect(secondId).toBe(decisionId);
    const sb = ['disabilities-short-break', shortBreakId] as const;
    const budget = ['disabilities-budget-request', requestId] as const;
    expect(fromModules(exported.items).map(line)).toEqual([
      [
        '2026-03-02',
        null,
        'assessment',
        'Eligibility decision recorded: Eligible for the Children with Disabilities service (for the team manager to confirm)',
        'Amara Lindqvist',
        ...elig(firstId!),
      ],
      ['2026-03-02', '09:15', 'assessment', 'Young carer’s needs assessment started (Family Support Team North)', 'Amara Lindqvist', ...yc],
      ['2026-03-03', '13:30', 'assessment', 'Eligibility decision returned by the team manager to be looked at again', expect.any(String), ...elig(firstId!)],
      [
        '2026-03-04',
        null,
        'assessment',
        'Eligibility decision recorded: Eligible for the Children with Disabilities service (for the team manager to confirm)',
        'Amara Lindqvist',
        ...elig(decisionId),
      ],
      ['2026-03-04', '11:20', 'assessment', 'Young carer’s needs assessment returned to the worker for changes', expect.any(String), ...yc],
      [
        '2026-03-05',
        '09:05',
        'assessment',
        'Eligibility decision confirmed by the team manager: Eligible for the Children with Disabilities service',
        expect.any(String),
        ...elig(decisionId),
      ],
      ['2026-03-05', '12:00', 'assessment', 'Young carer’s needs assessment submitted to the team manager', 'Amara Lindqvist', ...yc],
      [
        '2026-03-06',
        null,
        'plan',
        'Short breaks started: Overnight care, at home or elsewhere, 40 nights a year with Willow House short breaks unit',
        'Amara Lindqvist',
        ...sb,
      ],
      [
        '2026-03-06',
        '15:45',
        'assessment',
        'Young carer’s needs assessment authorised: Support plan for the young carer; Signpost to the young carers’ service (Young Carers MK)',
        expect.any(String),
        ...yc,
      ],
      ['2026-03-09', null, 'plan', 'Short breaks reviewed and continued: Overnight care, at home or elsewhere', 'Amara Lindqvist', ...sb],
      ['2026-03-09', null, 'plan', 'Young carer’s support plan reviewed: support continues', 'Amara Lindqvist', ...yc],
      ['2026-03-10', null, 'plan', 'Personal budget of £3,600.00 requested from the resource allocation panel', 'Amara Lindqvist', ...budget],
      [
        '2026-03-10',
        null,
        'plan',
        'Resource allocation panel decision on the personal budget request for £3,600.00: Approved with changes (£3,000.00)',
        expect.any(String),
        ...budget,
      ],
      ['2026-03-10', null, 'plan', 'Short breaks reviewed and ended: Overnight care, at home or elsewhere', 'Amara Lindqvist', ...sb],
    ]);
    // The manager's name is the one who acted, not the worker's.
    const returned = exported.items.find((i) => i.summary.includes('returned to the worker'));
    expect(returned?.recordedBy).not.toBe('Amara Lindqvist');
    expect(returned?.recordedBy).not.toBeNull();
  });

  it('keep to their categories and to the dates asked for', async () => {
    const ctx = await worker();
    const plans = await viewChronology(database.deps, ctx, child, { categories: ['plan'], from: '2026-03-09', to: '2026-03-09' });
    expect(fromModules(plans.items).map((i) => i.summary)).toEqual([
      'Young carer’s support plan reviewed: support continues',
      'Short breaks reviewed and continued: Overnight care, at home or elsewhere',
    ]);
    const meetings = await viewChronology(database.deps, ctx, child, { categories: ['meeting'], from: null, to: null });
    expect(fromModules(meetings.items)).toEqual([]);
  });

  it('show neither another child’s records nor anyone’s own words, and the chronology stays closed to another team', async () => {
    const view = await viewChronology(database.deps, await worker(), child, NO_CHRONOLOGY_FILTER);
    expect(view.items.some((i) => i.origin.id === otherYoungCarerId)).toBe(false);
    const other = await viewChronology(database.deps, await worker(), otherChild, NO_CHRONOLOGY_FILTER);
    expect(fromModules(other.items).map((i) => [i.origin.kind, i.origin.id])).toEqual([['young-carer-assessment', otherYoungCarerId]]);
    expect(fromModules(view.items).length).toBeGreaterThan(0);
    const text = JSON.stringify(view.items);
    for (const words of Object.values(PRIVATE)) expect(text).not.toContain(words);
    expect(text).not.toContain('Private');
    const refused = await viewChronology(database.deps, await contextFor(database, DEMO_USER_IDS.otherTeamWorker), child, NO_CHRONOLOGY_FILTER).catch(
      (e: unknown) => e,
    );
    expect((refused as AccessRefusedError).status).toBe(403);
  });
});
