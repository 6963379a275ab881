// The demo authority's strategy discussions and section 47 enquiries (synthetic): a group strategy
// meeting still to be held about two Family Support Team North children (one of them the restricted
// record, so each viewer sees only the children they may), a section 47 enquiry in progress for one of
// the demo social worker's children, one on the restricted record, and a completed enquiry on the
// allocated demo child. Ids are fixed so tests and the access matrix can name them. Names of
// professionals are synthetic.
import type { Transaction } from 'kysely';
import { LocalDate } from '@js-joda/core';
import { section47DueOn, strategyDiscussionDueOn } from '../../domain/child-protection/strategy-timescales.ts';
import { STATUTORY_WORKING_DAY_CALENDAR } from '../../domain/shared/calendar/index.ts';
import { toIsoDate } from '../../domain/shared/time/local-date.ts';
import { addDiscussionChild, insertAttendees, markDiscussionHeld, recordChildDecision } from '../child-protection/strategy-discussion-repository.ts';
import { completeSection47 } from '../child-protection/section-47-repository.ts';
import type { Database } from '../schema.ts';
import { DEMO_USER_IDS } from './users.ts';

const cid = (n: number): string => `00000000-0000-4000-b0c0-${n.toString().padStart(12, '0')}`;

export const DEMO_CHILD_PROTECTION_IDS = {
  /** A group strategy meeting, to be held, about the allocated demo child and the restricted one. */
  groupMeeting: cid(1),
  /** Held for the allocated demo child: single-agency s47, completed (not substantiated). */
  ordinaryDiscussion: cid(2),
  ordinaryEnquiry: cid(3),
  /** Held for the restricted demo child: joint s47 in progress. */
  restrictedDiscussion: cid(4),
  restrictedEnquiry: cid(5),
  /** Held for another of the demo social worker's children: single-agency s47 in progress. */
  inProgressDiscussion: cid(6),
  inProgressEnquiry: cid(7),
} as const;

const ATTENDEES = [
  { agency: 'childrens_social_care', name: 'Demo Team Manager', role: 'Team manager (chair)', attended: true, reportSummary: null },
  { agency: 'police', name: 'DC Rowan Ellery', role: 'Child Abuse Investigation Team', attended: true, reportSummary: null },
  {
    agency: 'health',
    name: 'Nurse Tamsin Ferro',
    role: 'Named nurse for safeguarding',
    attended: false,
    reportSummary: 'No health concerns recorded at the last two GP appointments; immunisations up to date.',
  },
  { agency: 'education', name: 'Mr Idris Penhale', role: 'Designated safeguarding lead', attended: true, reportSummary: null },
] as const;

export async function seedDemoChildProtection(
  trx: Transaction<Database>,
  options: { now: Date; teamId: (code: string) => string; childIds: { allocated: string; restricted: string } },
): Promise<void> {
  const { now } = options;
  const today = LocalDate.parse(new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now));
  const cal = STATUTORY_WORKING_DAY_CALENDAR;
  const team = options.teamId('FST_NORTH');
  const iso = (d: LocalDate) => toIsoDate(d);
  const workerChild = await trx
    .selectFrom('allocation')
    .select('childId')
    .where('workerUserId', '=', DEMO_USER_IDS.socialWorker)
    .where('endedOn', 'is', null)
    .where('childId', 'not in', [options.childIds.allocated, options.childIds.restricted])
    .orderBy('childId')
    .executeTakeFirstOrThrow();

  // The group meeting, asked for today, due by the next working day (S47-01).
  const groupOpened = today;
  await trx
    .insertInto('strategyDiscussion')
    .values({
      id: DEMO_CHILD_PROTECTION_IDS.groupMeeting,
      kind: 'initial',
      isGroup: true,
      groupConcern: 'Concerns that both young people are being criminally exploited by the same older group',
      teamId: team,
      openedOn: iso(groupOpened),
      urgent: false,
      dueOn: iso(strategyDiscussionDueOn(groupOpened, false, cal)),
      createdByUserId: DEMO_USER_IDS.teamManager,
      createdAt: now,
    })
    .execute();
  for (const childId of [options.childIds.allocated, options.childIds.restricted]) {
    await addDiscussionChild(trx, DEMO_CHILD_PROTECTION_IDS.groupMeeting, {
      childId,
      sourceKind: 'group',
      referralId: null,
      assessmentId: null,
      addedByUserId: DEMO_USER_IDS.teamManager,
      addedAt: now,
    });
  }

  const held = async (id: string, childId: string, openedOn: LocalDate, heldOn: LocalDate, decision: 's47_single_agency' | 's47_joint') => {
    await trx
      .insertInto('strategyDiscussion')
      .values({
        id,
        kind: 'initial',
        isGroup: false,
        groupConcern: null,
        teamId: team,
        openedOn: iso(openedOn),
        urgent: false,
        dueOn: iso(strategyDiscussionDueOn(openedOn, false, cal)),
        createdByUserId: DEMO_USER_IDS.teamManager,
        createdAt: now,
      })
      .execute();
    await addDiscussionChild(trx, id, {
      childId,
      sourceKind: 'child-record',
      referralId: null,
      assessmentId: null,
      // Convened from the child's record: the child's need as first recorded (migration 0026).
      initialPrimaryNeed: 'N1',
      addedByUserId: DEMO_USER_IDS.teamManager,
      addedAt: now,
    });
    await markDiscussionHeld(trx, id, 1, {
      heldOn: iso(heldOn),
      format: 'meeting',
      chairName: 'Demo Team Manager',
      mashChecksConsidered: true,
      mashChecksSummary: 'MASH checks: two police call-outs this year; school reports falling attendance.',
      recordedByUserId: DEMO_USER_IDS.teamManager,
      recordedAt: now,
    });
    await insertAttendees(trx, id, ATTENDEES);
    await recordChildDecision(trx, id, childId, {
      decision,
      decisionReason: 'Reasonable cause to suspect the child is suffering significant harm.',
      safetyPlan: 'The child stays with their grandmother while enquiries run; no unsupervised contact with the person alleged to have caused harm.',
      interimLiving: 'relative',
      abeInterviewNeeded: decision === 's47_joint',
      paediatricExamNeeded: false,
    });
  };
  const enquiry = async (id: string, discussionId: string, childId: string, openedOn: LocalDate, heldOn: LocalDate, kind: 'single_agency' | 'joint') => {
    await trx
      .insertInto('section47Enquiry')
      .values({
        id,
        childId,
        strategyDiscussionId: discussionId,
        lastStrategyDiscussionId: discussionId,
        lastStrategyHeldOn: iso(heldOn),
        teamId: team,
        kind,
        startedOn: iso(heldOn),
        anchorOn: iso(openedOn),
        dueOn: iso(section47DueOn(openedOn, cal)),
        createdAt: now,
      })
      .execute();
  };

  // A completed enquiry on the allocated demo child, from 30 working days ago.
  const oldOpened = cal.addWorkingDays(today, -30);
  const oldHeld = cal.addWorkingDays(oldOpened, 1);
  await held(DEMO_CHILD_PROTECTION_IDS.ordinaryDiscussion, options.childIds.allocated, oldOpened, oldHeld, 's47_single_agency');
  await enquiry(
    DEMO_CHILD_PROTECTION_IDS.ordinaryEnquiry,
    DEMO_CHILD_PROTECTION_IDS.ordinaryDiscussion,
    options.childIds.allocated,
    oldOpened,
    oldHeld,
    'single_agency',
  );
  await completeSection47(trx, DEMO_CHILD_PROTECTION_IDS.ordinaryEnquiry, 1, {
    childSeenAloneOn: iso(cal.addWorkingDays(oldHeld, 2)),
    childNotSeenAloneReason: null,
    checksSummary: 'School, GP and health visitor checks completed; police records checked.',
    abeInterviewOn: null,
    paediatricExamOn: null,
    findings: 'The injury has a consistent accidental explanation, confirmed by the school.',
    outcome: 'not_substantiated',
    outcomeOn: iso(cal.addWorkingDays(oldHeld, 8)),
    icpcDueOn: null,
    completedByUserId: DEMO_USER_IDS.socialWorker,
    completedAt: now,
  });

  // Enquiries in progress: the restricted child's (joint) and another of the social worker's children.
  const recentOpened = cal.addWorkingDays(today, -4);
  const recentHeld = cal.addWorkingDays(recentOpened, 1);
  await held(DEMO_CHILD_PROTECTION_IDS.restrictedDiscussion, options.childIds.restricted, recentOpened, recentHeld, 's47_joint');
  await enquiry(
    DEMO_CHILD_PROTECTION_IDS.restrictedEnquiry,
    DEMO_CHILD_PROTECTION_IDS.restrictedDiscussion,
    options.childIds.restricted,
    recentOpened,
    recentHeld,
    'joint',
  );
  await held(DEMO_CHILD_PROTECTION_IDS.inProgressDiscussion, workerChild.childId, recentOpened, recentHeld, 's47_single_agency');
  await enquiry(
    DEMO_CHILD_PROTECTION_IDS.inProgressEnquiry,
    DEMO_CHILD_PROTECTION_IDS.inProgressDiscussion,
    workerChild.childId,
    recentOpened,
    recentHeld,
    'single_agency',
  );
}
