// The demo authority's targeted early help (seed 004 §7): a synthetic child referred by the MASH three
// working days ago and waiting in the early help queue (stable ids, for the tests and the README), and
// the front door's demo early help referrals at each later stage: one allocated with the wellbeing
// assessment due, one with a plan agreed and reviewed (the next review due), one closed with its needs
// met. Every person is synthetic.
import { LocalDate } from '@js-joda/core';
import type { Transaction } from 'kysely';
import { wellbeingAssessmentDueOn, planReviewDueOn } from '../../domain/early-help/timescales.ts';
import { EARLY_HELP_TEAM_CODE } from '../../domain/early-help/early-help.ts';
import { mashDecisionDueOn } from '../../domain/front-door/timescales.ts';
import { STATUTORY_WORKING_DAY_CALENDAR } from '../../domain/shared/calendar/index.ts';
import { timelinessOf } from '../../domain/shared/timescales/rule.ts';
import { allocateChild, insertAssessment, insertEpisode, insertPlan, insertReview, placeChildWithTeam } from '../early-help/episode-repository.ts';
import { insertContact } from '../front-door/contact-repository.ts';
import type { Database } from '../schema.ts';
import { appendAuditEvent } from '../shared/audit-repository.ts';
import { DEMO_USER_IDS } from './users.ts';

const eid = (n: number): string => `00000000-0000-4000-8e00-${n.toString().padStart(12, '0')}`;

/** Early help records the tests and docs can name. */
export const DEMO_EARLY_HELP_IDS = {
  /** A child referred for targeted early help, waiting in the early help queue for a worker. */
  queueChild: eid(1),
  queueContact: eid(2),
  /** That child's early help referral. */
  queueReferral: eid(3),
  /** A child allocated to an early help worker, the wellbeing assessment not yet done (the access matrix takes it through every step). */
  allocatedChild: eid(4),
  allocatedContact: eid(5),
  allocatedReferral: eid(6),
  allocatedEpisode: eid(7),
} as const;

const londonDate = (at: Date): LocalDate =>
  LocalDate.parse(new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' }).format(at));

export async function seedDemoEarlyHelp(trx: Transaction<Database>, options: { now: Date; teamId: (code: string) => string }): Promise<void> {
  const { now } = options;
  const calendar = STATUTORY_WORKING_DAY_CALENDAR;
  const today = londonDate(now);
  const teamId = options.teamId(EARLY_HELP_TEAM_CODE);
  const members = await trx.selectFrom('teamMembership').select(['userId', 'isManager']).where('teamId', '=', teamId).orderBy('userId').execute();
  const manager = members.find((m) => m.isManager)?.userId;
  const workers = members.filter((m) => !m.isManager).map((m) => m.userId);
  if (manager === undefined || workers.length === 0) return;

  // 1. Waiting in the queue: referred three working days ago.
  await referredChild(trx, now, today, teamId, {
    childId: DEMO_EARLY_HELP_IDS.queueChild,
    contactId: DEMO_EARLY_HELP_IDS.queueContact,
    referralId: DEMO_EARLY_HELP_IDS.queueReferral,
    reference: 'EHQ1-0001',
    givenName: 'Isla',
    familyName: 'Penhallow',
    workingDaysAgo: 4,
  });
  // 2. Allocated to an early help worker, the wellbeing assessment not yet done.
  const allocated = await referredChild(trx, now, today, teamId, {
    childId: DEMO_EARLY_HELP_IDS.allocatedChild,
    contactId: DEMO_EARLY_HELP_IDS.allocatedContact,
    referralId: DEMO_EARLY_HELP_IDS.allocatedReferral,
    reference: 'EHQ1-0002',
    givenName: 'Rowan',
    familyName: 'Ashdown',
    workingDaysAgo: 8,
  });
  const allocatedWorker = workers[0] ?? manager;
  await insertEpisode(trx, {
    id: DEMO_EARLY_HELP_IDS.allocatedEpisode,
    earlyHelpReferralId: DEMO_EARLY_HELP_IDS.allocatedReferral,
    childId: DEMO_EARLY_HELP_IDS.allocatedChild,
    teamId,
    workerUserId: allocatedWorker,
    allocatedByUserId: manager,
    allocatedAt: now,
    startedOn: today.toString(),
    assessmentDueOn: wellbeingAssessmentDueOn(allocated.referredOn, calendar).toString(),
  });
  await allocateChild(trx, DEMO_EARLY_HELP_IDS.allocatedChild, teamId, allocatedWorker, today.toString());

  // 2. The front door's demo early help referrals, newest first: each goes to the early help team, and
  // the older ones are taken further.
  const referrals = await trx
    .selectFrom('earlyHelpReferral')
    .select(['id', 'childId', 'referredOn'])
    .where('id', 'not in', [DEMO_EARLY_HELP_IDS.queueReferral, DEMO_EARLY_HELP_IDS.allocatedReferral])
    .orderBy('referredOn', 'desc')
    .orderBy('id')
    .execute();
  const taken = new Set<string>();
  let stage = 0;
  for (const r of referrals) {
    // Allocation rows start today: the demo families' earlier allocations may have started after these referrals.
    await placeChildWithTeam(trx, r.childId, teamId, today.toString());
    if (stage >= 3 || taken.has(r.childId)) continue;
    const referredOn = LocalDate.parse(r.referredOn);
    // Keep the newest in the queue; allocate the next three.
    if (referredOn.isAfter(today.minusDays(7))) continue;
    taken.add(r.childId);
    const workerUserId = workers[stage % workers.length] ?? manager;
    const startedOn = calendar.addWorkingDays(referredOn, 2);
    const allocatedAt = new Date(`${startedOn.toString()}T10:00:00Z`);
    const episode = await insertEpisode(trx, {
      earlyHelpReferralId: r.id,
      childId: r.childId,
      teamId,
      workerUserId,
      allocatedByUserId: manager,
      allocatedAt,
      startedOn: startedOn.toString(),
      assessmentDueOn: wellbeingAssessmentDueOn(referredOn, calendar).toString(),
    });
    if (episode === undefined) continue;
    await allocateChild(trx, r.childId, teamId, workerUserId, today.toString());
    stage += 1;
    if (stage === 1) continue; // allocated, the wellbeing assessment due
    const completedOn = calendar.addWorkingDays(referredOn, 20);
    if (completedOn.isAfter(today)) continue;
    await insertAssessment(trx, {
      episodeId: episode.id,
      childId: r.childId,
      worries: 'School attendance has dropped to 82%; mum’s health means mornings are chaotic.',
      workingWell: 'A close relationship with an aunt who lives nearby; good friendships at school.',
      needsToHappen: 'A settled morning routine, a young carers assessment, and mum linked to adult health services.',
      scaling: 4,
      childsVoice: 'Says school is “fine when I get there” and would like to go to football again.',
      completedOn: completedOn.toString(),
      dueOn: wellbeingAssessmentDueOn(referredOn, calendar).toString(),
      withinTimescale: true,
      completedByUserId: workerUserId,
      completedAt: new Date(`${completedOn.toString()}T16:00:00Z`),
    });
    const agreedOn = calendar.addWorkingDays(completedOn, 3);
    if (agreedOn.isAfter(today)) continue;
    const plan = await insertPlan(
      trx,
      {
        episodeId: episode.id,
        childId: r.childId,
        consentGivenBy: 'Mother (parental responsibility)',
        consentGivenOn: agreedOn.toString(),
        outcomes: 'In school on time every day; mornings manageable for the family.',
        agreedOn: agreedOn.toString(),
        firstReviewDueOn: planReviewDueOn(agreedOn, calendar).toString(),
        recordedByUserId: workerUserId,
        recordedAt: new Date(`${agreedOn.toString()}T15:00:00Z`),
      },
      [
        { action: 'Morning routine plan agreed with the family', owner: 'Early help worker', dueOn: calendar.addWorkingDays(agreedOn, 10).toString() },
        { action: 'Referral to the young carers service', owner: 'Early help worker', dueOn: calendar.addWorkingDays(agreedOn, 5).toString() },
        { action: 'Attendance checked weekly with the school', owner: 'School attendance lead', dueOn: calendar.addWorkingDays(agreedOn, 30).toString() },
      ],
    );
    if (plan === undefined) continue;
    const reviewedOn = planReviewDueOn(agreedOn, calendar);
    if (!reviewedOn.isAfter(today)) {
      await insertReview(trx, {
        planId: plan.id,
        childId: r.childId,
        reviewedOn: reviewedOn.toString(),
        dueOn: reviewedOn.toString(),
        withinTimescale: true,
        scaling: 6,
        progress: 'Attendance is up to 93%. The morning routine is working most days.',
        nextReviewDueOn: planReviewDueOn(reviewedOn, calendar).toString(),
        recordedByUserId: workerUserId,
        recordedAt: new Date(`${reviewedOn.toString()}T15:00:00Z`),
      });
    }
    if (stage === 3) {
      const closedOn = reviewedOn.isAfter(today) ? today : reviewedOn;
      await trx
        .updateTable('earlyHelpEpisode')
        .set({
          status: 'closed',
          closedOn: closedOn.toString(),
          closureOutcome: 'needs_met',
          closureSummary: 'The plan’s outcomes were met; the family is linked to universal services.',
          closedByUserId: workerUserId,
          closedAt: now,
        })
        .where('id', '=', episode.id)
        .execute();
    }
  }
  await appendAuditEvent(
    trx,
    { actorUserId: null, actorLabel: 'hearth seed', requestId: null, ip: null },
    { action: 'seed.demo-early-help.loaded', changes: { referrals: referrals.length + 2, episodes: stage + 1 } },
    now,
  );
}

interface ReferredChild {
  readonly childId: string;
  readonly contactId: string;
  readonly referralId: string;
  readonly reference: string;
  readonly givenName: string;
  readonly familyName: string;
  readonly workingDaysAgo: number;
}

/** A synthetic child, the MARF about them, the MASH decision for targeted early help, and the child with the early help team. */
async function referredChild(trx: Transaction<Database>, now: Date, today: LocalDate, teamId: string, c: ReferredChild): Promise<{ referredOn: LocalDate }> {
  const calendar = STATUTORY_WORKING_DAY_CALENDAR;
  const receivedOn = calendar.addWorkingDays(today, -c.workingDaysAgo);
  const decidedOn = calendar.addWorkingDays(receivedOn, 1);
  const dateOfBirth = today
    .minusYears(9)
    .minusDays(40 + c.workingDaysAgo)
    .toString();
  await trx
    .insertInto('person')
    .values({
      id: c.childId,
      personType: 'child',
      givenName: c.givenName,
      familyName: c.familyName,
      gender: 'female',
      dateOfBirth,
      town: 'Milton Keynes',
      createdAt: now,
      updatedAt: now,
    })
    .execute();
  await insertContact(trx, {
    id: c.contactId,
    reference: c.reference,
    channel: 'online_form',
    receivedAt: new Date(`${receivedOn.toString()}T09:00:00Z`),
    receivedOn: receivedOn.toString(),
    decisionDueOn: mashDecisionDueOn(receivedOn, calendar).toString(),
    referralSource: '2A',
    referrerName: 'Designated safeguarding lead',
    referrerRole: 'Designated safeguarding lead',
    referrerOrganisation: 'Heron Drive Academy',
    referrerEmail: 'safeguarding@example.org',
    referrerPhone: null,
    addressLine1: null,
    town: 'Milton Keynes',
    postcode: null,
    worries: `${c.givenName} is often late and tired, says she looks after her little brother in the mornings, and has missed three dental appointments.`,
    childViews: `${c.givenName} says she worries about her mum.`,
    whatTried: 'Breakfast club place offered.',
    earlyHelpAssessmentDone: false,
    familyConsent: 'yes',
    familyConsentReason: null,
    immediateRisk: false,
    immediateRiskDetails: null,
    recordedByUserId: null,
    submissionToken: null,
    submissionHash: null,
    people: [{ role: 'child', givenName: c.givenName, familyName: c.familyName, dateOfBirth, relationship: null }],
  });
  const decidedAt = new Date(`${decidedOn.toString()}T14:00:00Z`);
  const timeliness = timelinessOf(receivedOn, mashDecisionDueOn(receivedOn, calendar), decidedOn, calendar);
  await trx
    .updateTable('contactPerson')
    .set({ personId: c.childId, linkedByUserId: DEMO_USER_IDS.mashPractitioner, linkedAt: decidedAt })
    .where('contactId', '=', c.contactId)
    .execute();
  await trx
    .updateTable('contact')
    .set({
      status: 'decided',
      consentToChecks: 'given',
      checksWithoutConsent: false,
      consentRecordedByUserId: DEMO_USER_IDS.mashPractitioner,
      consentRecordedAt: decidedAt,
      needLevel: 3,
      needIndicators: ['3.emotional_development.3'],
      needRationale: 'Caring responsibilities affecting her development; the family agrees to early help.',
      needRecordedByUserId: DEMO_USER_IDS.mashPractitioner,
      needRecordedAt: decidedAt,
      outcome: 'targeted_early_help',
      decisionRationale: 'Level 3 needs; targeted early help with the family’s consent.',
      decidedByUserId: DEMO_USER_IDS.mashManager,
      decidedAt,
      decidedOn: decidedOn.toString(),
      decisionWorkingDays: timeliness.workingDaysTaken,
      decidedWithinTimescale: timeliness.met,
    })
    .where('id', '=', c.contactId)
    .execute();
  await trx
    .insertInto('earlyHelpReferral')
    .values({
      id: c.referralId,
      contactId: c.contactId,
      childId: c.childId,
      referredOn: decidedOn.toString(),
      needLevel: 3,
      familyConsent: true,
      createdAt: decidedAt,
    })
    .execute();
  await trx.insertInto('allocation').values({ childId: c.childId, teamId, workerUserId: null, startedOn: decidedOn.toString() }).execute();
  return { referredOn: decidedOn };
}
