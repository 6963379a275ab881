// Demo child in need plans (synthetic text only), so the child in need pages and "My work" have
// something to show: on the demo social worker's caseload a plan whose review is due within days and
// one whose review is overdue (with its 10-month progress review coming up); in the same team a plan
// the quality check flags for the manager; and a draft plan on the restricted demo child. The demo
// child `allocated` is left without a plan, for the journey that starts one, and the named people of
// demo-people.ts (the duplicate pair to merge) have none.
import { LocalDate } from '@js-joda/core';
import type { Transaction } from 'kysely';
import { londonToday } from '../../app/people/london-today.ts';
import type { PlanContent } from '../../domain/child-in-need/plan.ts';
import { planQualityFlags } from '../../domain/child-in-need/plan-quality.ts';
import { toIsoDate } from '../../domain/shared/time/local-date.ts';
import { assessmentDueOn, assessmentTimeliness } from '../../domain/assessments/timescales.ts';
import { STATUTORY_WORKING_DAY_CALENDAR as CALENDAR } from '../../domain/shared/calendar/index.ts';
import { referenceNumberFrom } from '../../domain/shared/identifiers/reference-number.ts';
import type { Database } from '../schema.ts';
import { DEMO_PEOPLE_IDS } from './demo-people.ts';
import { DEMO_USER_IDS } from './users.ts';

const GOOD_PLAN: PlanContent = {
  outcomes: [
    { outcome: 'The children get to school on time every day', measure: 'School attendance above 95% each half term, checked with the school each month' },
    { outcome: 'Mum feels able to manage evenings and bedtimes', measure: 'Mum rates evenings 7 out of 10 or better at each visit for two months' },
  ],
  actions: [
    { action: 'Start the family support worker’s evening routine sessions', owner: 'Family support worker', dueOn: '' },
    { action: 'Book a GP appointment about sleep', owner: 'Mum', dueOn: '' },
    { action: 'Share attendance figures before each review', owner: 'School attendance officer', dueOn: '' },
  ],
  contingency:
    'If attendance falls below 85% for two weeks running, or the children are found alone at home again, the social worker will discuss stepping up with the team manager within one working day and a strategy discussion will be considered.',
  childViews: 'The children said they like the breakfast club and want mum to be less tired in the mornings.',
};

const WEAK_PLAN: PlanContent = {
  outcomes: [{ outcome: 'Things improve at home', measure: '' }],
  actions: [{ action: 'Parenting course', owner: '', dueOn: '' }],
  contingency: 'Escalate if needed.',
  childViews: '',
};

interface DemoPlan {
  readonly childId: string;
  readonly teamId: string;
  readonly workerUserId: string | null;
  readonly openedOn: LocalDate;
  readonly agreedOn: LocalDate | null;
  readonly lastReviewedOn: LocalDate | null;
  readonly content: PlanContent;
  /**
   * The plan follows a referral and an assessment authorised with the outcome "child in need plan" on
   * the day it opened, as in life, so its census episode starts with that referral (its source and
   * primary need; no H01Q query). Without it the plan is started from the child's record.
   */
  readonly afterAssessment?: { readonly n: number };
}

const iso = (d: LocalDate | null): string | null => (d === null ? null : toIsoDate(d));

const at = (d: LocalDate, hour: number): Date => new Date(`${toIsoDate(d)}T${String(hour).padStart(2, '0')}:00:00Z`);

/** A MASH contact and referral, then the assessment it led to, authorised with a child in need plan on `authorisedOn`. */
async function insertReferralAndAssessment(trx: Transaction<Database>, plan: DemoPlan, n: number, authorisedOn: LocalDate): Promise<string> {
  const referredOn = CALENDAR.addWorkingDays(authorisedOn, -30);
  const receivedOn = CALENDAR.previousWorkingDay(referredOn);
  const worker = plan.workerUserId ?? DEMO_USER_IDS.socialWorker;
  const contact = await trx
    .insertInto('contact')
    .values({
      reference: referenceNumberFrom([20, 4, 13, n, 7, 9, 5]),
      channel: 'phone',
      status: 'decided',
      receivedAt: at(receivedOn, 10),
      receivedOn: toIsoDate(receivedOn),
      decisionDueOn: toIsoDate(referredOn),
      referralSource: '2A',
      referrerRole: 'Designated safeguarding lead',
      worries: 'Synthetic demo: the children are often late and tired; mum is struggling since losing her job.',
      familyConsent: 'yes',
      immediateRisk: false,
      recordedByUserId: DEMO_USER_IDS.mashPractitioner,
      outcome: 'social_care_assessment',
      decisionRationale: 'Level 4: a child and family assessment is needed.',
      decidedByUserId: DEMO_USER_IDS.mashManager,
      decidedAt: at(referredOn, 11),
      decidedOn: toIsoDate(referredOn),
      decisionWorkingDays: 1,
      decidedWithinTimescale: true,
      createdAt: at(receivedOn, 10),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const child = await trx.selectFrom('person').select(['givenName', 'familyName', 'dateOfBirth']).where('id', '=', plan.childId).executeTakeFirstOrThrow();
  await trx
    .insertInto('contactPerson')
    .values({
      contactId: contact.id,
      position: 1,
      role: 'child',
      givenName: child.givenName,
      familyName: child.familyName,
      dateOfBirth: child.dateOfBirth,
      personId: plan.childId,
      linkedByUserId: DEMO_USER_IDS.mashPractitioner,
      linkedAt: at(receivedOn, 11),
    })
    .execute();
  const allocation = await trx.selectFrom('allocation').select('id').where('childId', '=', plan.childId).where('endedOn', 'is', null).executeTakeFirstOrThrow();
  const referral = await trx
    .insertInto('referral')
    .values({
      contactId: contact.id,
      childId: plan.childId,
      purpose: 'assessment',
      referralSource: '2A',
      referredOn: toIsoDate(referredOn),
      // The need the MASH saw (migration 0026): the family in acute stress the assessment finds too.
      primaryNeed: 'N4',
      teamId: plan.teamId,
      status: 'allocated',
      allocatedWorkerUserId: worker,
      allocatedByUserId: DEMO_USER_IDS.teamManager,
      allocatedAt: at(referredOn, 14),
      allocationId: allocation.id,
      createdAt: at(referredOn, 11),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const seenOn = toIsoDate(CALENDAR.addWorkingDays(referredOn, 3));
  const timeliness = assessmentTimeliness(referredOn, authorisedOn);
  const assessment = await trx
    .insertInto('assessment')
    .values({
      childId: plan.childId,
      referralId: referral.id,
      teamId: plan.teamId,
      workerUserId: worker,
      referredOn: toIsoDate(referredOn),
      dueOn: toIsoDate(assessmentDueOn(referredOn)),
      status: 'authorised',
      planningChecklist: ['why_referred', 'access_child_views', 'contributing_agencies'],
      planningNotes: 'Synthetic demo: joint visit with the school; father’s views sought by phone.',
      childDevelopment: 'Synthetic demo: meeting milestones; attendance falling this term.',
      parentingCapacity: 'Synthetic demo: warm care; routines break down in the evenings.',
      familyEnvironment: 'Synthetic demo: rent arrears; grandmother nearby helps.',
      childVoice: 'Synthetic demo: the children want mum to be less tired in the mornings.',
      strengths: 'Synthetic demo: close family; mum engaged with every visit.',
      worries: 'Synthetic demo: evenings without an adult; food running short.',
      analysis: 'Synthetic demo: the family is under acute stress; support under section 17 is needed.',
      letterToChild: 'Synthetic demo: I came to see you at school and at home.',
      childSeenOn: seenOn,
      childSeenAloneOn: seenOn,
      factors: ['4B', '16A'],
      primaryNeed: 'N4',
      startedByUserId: worker,
      startedAt: at(CALENDAR.nextWorkingDay(referredOn), 9),
      updatedAt: at(CALENDAR.addWorkingDays(authorisedOn, -2), 15),
      submittedByUserId: worker,
      submittedAt: at(CALENDAR.addWorkingDays(authorisedOn, -2), 15),
      outcome: 'cin_plan',
      outcomeRationale: 'The family needs support under section 17: a child in need plan.',
      authorisedByUserId: DEMO_USER_IDS.teamManager,
      authorisedAt: at(authorisedOn, 16),
      authorisedOn: toIsoDate(authorisedOn),
      workingDaysTaken: timeliness.workingDaysTaken,
      authorisedWithinTimescale: timeliness.met,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return assessment.id;
}

async function insertDemoPlan(trx: Transaction<Database>, plan: DemoPlan, now: Date): Promise<void> {
  const assessmentId = plan.afterAssessment === undefined ? null : await insertReferralAndAssessment(trx, plan, plan.afterAssessment.n, plan.openedOn);
  const episode = await trx
    .insertInto('cinEpisode')
    .values({ childId: plan.childId, startedOn: toIsoDate(plan.openedOn), assessmentId, createdAt: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  const row = await trx
    .insertInto('cinPlan')
    .values({
      episodeId: episode.id,
      childId: plan.childId,
      assessmentId,
      teamId: plan.teamId,
      workerUserId: plan.workerUserId,
      status: plan.agreedOn === null ? 'draft' : 'active',
      openedOn: toIsoDate(plan.openedOn),
      // Started from the child's record: the need the worker records then (migration 0026).
      initialPrimaryNeed: assessmentId === null ? 'N4' : null,
      agreedOn: iso(plan.agreedOn),
      lastReviewedOn: iso(plan.lastReviewedOn),
      createdByUserId: plan.workerUserId,
      createdAt: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const actions = plan.content.actions.map((a, i) => ({
    ...a,
    dueOn: a.owner === '' || plan.agreedOn === null ? '' : toIsoDate(plan.agreedOn.plusWeeks(4 * (i + 1))),
  }));
  const content = { ...plan.content, actions };
  const finalised = plan.agreedOn !== null;
  await trx
    .insertInto('cinPlanVersion')
    .values({
      planId: row.id,
      number: 1,
      status: finalised ? 'finalised' : 'draft',
      outcomes: JSON.stringify(content.outcomes),
      actions: JSON.stringify(content.actions),
      contingency: content.contingency,
      childViews: content.childViews,
      qualityFlags: finalised ? planQualityFlags(content) : null,
      finalisedOn: iso(plan.agreedOn),
      finalisedAt: finalised ? now : null,
      finalisedByUserId: finalised ? plan.workerUserId : null,
      updatedAt: now,
    })
    .execute();
  if (plan.lastReviewedOn !== null && plan.workerUserId !== null) {
    await trx
      .insertInto('cinReview')
      .values({
        planId: row.id,
        heldOn: toIsoDate(plan.lastReviewedOn),
        attendance: 'Mum, both children, the school’s designated safeguarding lead, the family support worker',
        childViews: 'The children said home feels calmer and they want to keep going to breakfast club.',
        progress: 'Attendance has risen from 82% to 91%. Evenings are calmer on most days; mornings are still hard.',
        progressAssessment: false,
        decision: 'continue',
        planUpdated: false,
        recordedByUserId: plan.workerUserId,
        recordedAt: now,
      })
      .execute();
  }
}

export async function seedDemoChildInNeed(
  trx: Transaction<Database>,
  options: { readonly now: Date; readonly teamId: string; readonly allocatedChildId: string; readonly restrictedChildId: string },
): Promise<number> {
  const { now, teamId } = options;
  const today = LocalDate.parse(londonToday(now));
  const caseload = await trx
    .selectFrom('allocation')
    .innerJoin('person', 'person.id', 'allocation.childId')
    .select(['allocation.childId', 'allocation.workerUserId'])
    .where('allocation.teamId', '=', teamId)
    .where('allocation.endedOn', 'is', null)
    .where('person.restriction', '=', 'none')
    .where('person.personType', '=', 'child')
    .where('allocation.childId', '<>', options.allocatedChildId)
    // The duplicate pair and the other named people keep their own stories (the merge journey).
    .where('allocation.childId', 'not in', Object.values(DEMO_PEOPLE_IDS))
    .orderBy('allocation.childId')
    .execute();
  const mine = caseload.filter((c) => c.workerUserId === DEMO_USER_IDS.socialWorker);
  const others = caseload.filter((c) => c.workerUserId !== DEMO_USER_IDS.socialWorker);
  const plans: DemoPlan[] = [];
  const dueSoon = mine[0];
  if (dueSoon !== undefined) {
    const agreedOn = today.minusMonths(3).plusDays(5);
    plans.push({
      childId: dueSoon.childId,
      teamId,
      workerUserId: dueSoon.workerUserId,
      openedOn: agreedOn.minusDays(8),
      agreedOn,
      lastReviewedOn: null,
      content: GOOD_PLAN,
      afterAssessment: { n: 1 },
    });
  }
  const overdue = mine[1];
  if (overdue !== undefined) {
    const agreedOn = today.minusMonths(9).minusDays(10);
    plans.push({
      childId: overdue.childId,
      teamId,
      workerUserId: overdue.workerUserId,
      openedOn: agreedOn.minusDays(9),
      agreedOn,
      lastReviewedOn: today.minusMonths(3).minusDays(12),
      content: GOOD_PLAN,
      afterAssessment: { n: 2 },
    });
  }
  const weak = others[0];
  if (weak !== undefined) {
    const agreedOn = today.minusMonths(1);
    plans.push({
      childId: weak.childId,
      teamId,
      workerUserId: weak.workerUserId,
      openedOn: agreedOn.minusDays(6),
      agreedOn,
      lastReviewedOn: null,
      content: WEAK_PLAN,
      afterAssessment: { n: 3 },
    });
  }
  plans.push({
    childId: options.restrictedChildId,
    teamId,
    workerUserId: null,
    openedOn: today.minusDays(3),
    agreedOn: null,
    lastReviewedOn: null,
    content: { ...GOOD_PLAN, contingency: '', childViews: '' },
  });
  for (const plan of plans) await insertDemoPlan(trx, plan, now);
  return plans.length;
}
