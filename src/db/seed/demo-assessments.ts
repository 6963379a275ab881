// The demo authority's child and family assessments (seed 004 §8), so the Assessments pages, My work
// and the manager's authorisation have something to show on first start: one in progress for the demo
// social worker's allocated child (DEMO_CHILD_IDS.allocated), one awaiting the team manager's
// authorisation and one authorised with a child in need plan still to agree, for two more children on
// the same worker's caseload. Each comes from a MASH contact and an allocated referral, as in life.
// All text and people are synthetic.
import { LocalDate } from '@js-joda/core';
import type { Transaction } from 'kysely';
import { CHILD_IN_NEED_PLAN_AGREED, assessmentDueOn, assessmentTimeliness } from '../../domain/assessments/timescales.ts';
import { STATUTORY_WORKING_DAY_CALENDAR as CALENDAR } from '../../domain/shared/calendar/index.ts';
import { mashDecisionDueOn } from '../../domain/front-door/timescales.ts';
import { dueDate } from '../../domain/shared/timescales/rule.ts';
import { referenceNumberFrom } from '../../domain/shared/identifiers/reference-number.ts';
import { insertContact } from '../front-door/contact-repository.ts';
import type { Database } from '../schema.ts';
import { appendAuditEvent } from '../shared/audit-repository.ts';
import { DEMO_USER_IDS } from './users.ts';

const aid = (n: number): string => `00000000-0000-4000-8a55-${n.toString().padStart(12, '0')}`;

/** Assessment records the tests and docs can name. */
export const DEMO_ASSESSMENT_IDS = {
  /** In progress for DEMO_CHILD_IDS.allocated, written in part: the worker's to finish. */
  inProgress: aid(1),
  inProgressReferral: aid(2),
  /** Submitted, awaiting the FST North team manager's authorisation. */
  awaitingAuthorisation: aid(3),
  /** Authorised with a child in need plan; the plan is still to be agreed (an open next step). */
  authorised: aid(4),
} as const;

const london = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' });
const at = (date: LocalDate, hour: number): Date => new Date(`${date.toString()}T${String(hour).padStart(2, '0')}:00:00Z`);

const SECTIONS = {
  planningNotes: 'Agreed with the team manager: joint visit with the health visitor, school to contribute, father’s views to be sought by phone.',
  childDevelopment: 'Meeting milestones at school; attendance 88% this term. Teacher reports the child is often tired and hungry on Mondays.',
  parentingCapacity: 'Mother is warm and responsive; routines break down when she works late shifts. Father lives apart and sees the children fortnightly.',
  familyEnvironment: 'Two-bedroom flat, rent arrears, supported by maternal grandmother who lives nearby.',
  childVoice: 'Seen at school and at home. Said: “I like it when Nan picks me up.” Worried about mum being sad. Drew her family with the dog in the middle.',
  strengths: 'Close bond with mother and grandmother; good school relationships; mother engaged with every visit.',
  worries: 'Evenings without an adult at home; mother’s low mood; food running short at the end of the month.',
  analysis: 'Needs are met most of the time but the family is under acute stress. Support under section 17 should reduce the risk of neglect escalating.',
  letterToChild:
    'I came to see you at school and at home.\nYou told me you like it when Nan picks you up.\nWe are going to help your mum with shopping, money and getting more sleep.',
};

interface DemoAssessment {
  readonly id: string;
  readonly referralId?: string;
  readonly childId: string;
  readonly referredWorkingDaysAgo: number;
  readonly status: 'in_progress' | 'awaiting_authorisation' | 'authorised';
  readonly complete: boolean;
  readonly authorisedWorkingDaysAgo?: number;
}

export async function seedDemoAssessments(
  trx: Transaction<Database>,
  options: { now: Date; allocatedChildId: string; teamId: (code: string) => string },
): Promise<void> {
  const { now } = options;
  const today = LocalDate.parse(london.format(now));
  const teamId = options.teamId('FST_NORTH');
  // Two more children on the demo social worker's caseload (the seed's random families), in a fixed order.
  const others = await trx
    .selectFrom('allocation')
    .select('childId')
    .where('workerUserId', '=', DEMO_USER_IDS.socialWorker)
    .where('teamId', '=', teamId)
    .where('endedOn', 'is', null)
    .where('childId', '<>', options.allocatedChildId)
    .orderBy('childId')
    .limit(2)
    .execute();
  const demo: DemoAssessment[] = [
    {
      id: DEMO_ASSESSMENT_IDS.inProgress,
      referralId: DEMO_ASSESSMENT_IDS.inProgressReferral,
      childId: options.allocatedChildId,
      referredWorkingDaysAgo: 12,
      status: 'in_progress',
      complete: false,
    },
    ...(others[0] === undefined
      ? []
      : [
          {
            id: DEMO_ASSESSMENT_IDS.awaitingAuthorisation,
            childId: others[0].childId,
            referredWorkingDaysAgo: 38,
            status: 'awaiting_authorisation' as const,
            complete: true,
          },
        ]),
    ...(others[1] === undefined
      ? []
      : [
          {
            id: DEMO_ASSESSMENT_IDS.authorised,
            childId: others[1].childId,
            referredWorkingDaysAgo: 40,
            status: 'authorised' as const,
            complete: true,
            authorisedWorkingDaysAgo: 3,
          },
        ]),
  ];
  let n = 0;
  for (const d of demo) {
    n += 1;
    const referredOn = CALENDAR.addWorkingDays(today, -d.referredWorkingDaysAgo);
    const receivedOn = CALENDAR.previousWorkingDay(referredOn);
    const contact = await insertContact(trx, {
      reference: referenceNumberFrom([20, 4, 12, n, 7, 9, 3]),
      channel: 'phone',
      receivedAt: at(receivedOn, 10),
      receivedOn: receivedOn.toString(),
      decisionDueOn: mashDecisionDueOn(receivedOn).toString(),
      referralSource: '2A',
      referrerName: 'Demo Referrer',
      referrerRole: 'Designated safeguarding lead',
      referrerOrganisation: 'Larkspur Primary School',
      referrerEmail: null,
      referrerPhone: '01632 960 100',
      addressLine1: null,
      town: null,
      postcode: null,
      worries: 'The child is often hungry and tired; mother seems low and is struggling since losing her job.',
      childViews: null,
      whatTried: 'Breakfast club place and a meeting with mother.',
      earlyHelpAssessmentDone: true,
      familyConsent: 'yes',
      familyConsentReason: null,
      immediateRisk: false,
      immediateRiskDetails: null,
      recordedByUserId: DEMO_USER_IDS.mashPractitioner,
      submissionToken: null,
      submissionHash: null,
      people: [],
    });
    if (contact === undefined) throw new Error('demo assessment contact reference taken');
    await trx
      .updateTable('contact')
      .set({
        status: 'decided',
        outcome: 'social_care_assessment',
        consentToChecks: 'given',
        checksWithoutConsent: false,
        consentRecordedByUserId: DEMO_USER_IDS.mashPractitioner,
        consentRecordedAt: at(receivedOn, 11),
        needLevel: 4,
        needRationale: 'Needs are complex and the family’s own support is not enough.',
        needRecordedByUserId: DEMO_USER_IDS.mashPractitioner,
        needRecordedAt: at(receivedOn, 12),
        decisionRationale: 'Level 4: a child and family assessment is needed.',
        decidedByUserId: DEMO_USER_IDS.mashManager,
        decidedAt: at(referredOn, 11),
        decidedOn: referredOn.toString(),
        decisionWorkingDays: 1,
        decidedWithinTimescale: true,
      })
      .where('id', '=', contact.id)
      .execute();
    const allocation = await trx.selectFrom('allocation').select('id').where('childId', '=', d.childId).where('endedOn', 'is', null).executeTakeFirstOrThrow();
    const referral = await trx
      .insertInto('referral')
      .values({
        ...(d.referralId === undefined ? {} : { id: d.referralId }),
        contactId: contact.id,
        childId: d.childId,
        purpose: 'assessment',
        referralSource: '2A',
        referredOn: referredOn.toString(),
        // The need the MASH saw (migration 0026): the family in acute stress the assessment finds too.
        primaryNeed: 'N4',
        teamId,
        status: 'allocated',
        allocatedWorkerUserId: DEMO_USER_IDS.socialWorker,
        allocatedByUserId: DEMO_USER_IDS.teamManager,
        allocatedAt: at(referredOn, 14),
        allocationId: allocation.id,
        createdAt: at(referredOn, 11),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const startedAt = at(CALENDAR.nextWorkingDay(referredOn), 9);
    const seenOn = CALENDAR.addWorkingDays(referredOn, 3).toString();
    const content = d.complete
      ? {
          ...SECTIONS,
          planningChecklist: ['why_referred', 'access_child_views', 'non_resident_parents', 'contributing_agencies'],
          childSeenOn: seenOn,
          childSeenAloneOn: seenOn,
          factors: ['4B', '16A'],
          primaryNeed: 'N4',
        }
      : {
          planningNotes: SECTIONS.planningNotes,
          childDevelopment: SECTIONS.childDevelopment,
          letterToChild: SECTIONS.letterToChild,
          planningChecklist: ['why_referred', 'access_child_views'],
          childSeenOn: seenOn,
        };
    const submittedAt = d.status === 'in_progress' ? null : at(CALENDAR.addWorkingDays(today, -(d.authorisedWorkingDaysAgo ?? 0) - 2), 15);
    const authorisedOn = d.authorisedWorkingDaysAgo === undefined ? null : CALENDAR.addWorkingDays(today, -d.authorisedWorkingDaysAgo);
    const timeliness = authorisedOn === null ? null : assessmentTimeliness(referredOn, authorisedOn);
    await trx
      .insertInto('assessment')
      .values({
        id: d.id,
        childId: d.childId,
        referralId: referral.id,
        teamId,
        workerUserId: DEMO_USER_IDS.socialWorker,
        referredOn: referredOn.toString(),
        dueOn: assessmentDueOn(referredOn).toString(),
        status: d.status,
        ...content,
        startedByUserId: DEMO_USER_IDS.socialWorker,
        startedAt,
        updatedAt: submittedAt ?? startedAt,
        ...(submittedAt === null ? {} : { submittedByUserId: DEMO_USER_IDS.socialWorker, submittedAt }),
        ...(authorisedOn === null || timeliness === null
          ? {}
          : {
              outcome: 'cin_plan' as const,
              outcomeRationale: 'Agree the analysis: the family needs support under section 17. Family Support Meeting within 10 working days.',
              authorisedByUserId: DEMO_USER_IDS.teamManager,
              authorisedAt: at(authorisedOn, 16),
              authorisedOn: authorisedOn.toString(),
              workingDaysTaken: timeliness.workingDaysTaken,
              authorisedWithinTimescale: timeliness.met,
            }),
      })
      .execute();
    if (authorisedOn !== null) {
      await trx
        .insertInto('assessmentNextStep')
        .values({
          assessmentId: d.id,
          childId: d.childId,
          kind: 'cin_plan',
          specialistService: null,
          ruleId: CHILD_IN_NEED_PLAN_AGREED.id,
          openedOn: authorisedOn.toString(),
          dueOn: dueDate(CHILD_IN_NEED_PLAN_AGREED, authorisedOn).toString(),
          createdAt: at(authorisedOn, 16),
        })
        .execute();
    }
  }
  await appendAuditEvent(
    trx,
    { actorUserId: null, actorLabel: 'hearth seed', requestId: null, ip: null },
    { action: 'seed.demo-assessments.loaded', changes: { assessments: demo.length } },
    now,
  );
}
