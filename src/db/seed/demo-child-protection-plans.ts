// Demo child protection data (synthetic): the allocated demo child on a plan (neglect) with its
// review waiting, the restricted demo child on a plan, children on plans in every category of abuse, one plan over 2 years, a second plan,
// visits overdue, an initial conference waiting to be held, the unborn demo baby's pre-birth
// conference (due by week 23), and a child a team manager can convene a conference for. Fixed ids
// for what tests and the access matrix name. Each plan follows a referral (a police or school contact
// the MASH sent to a strategy discussion the day before it was held), so the children on plans are in
// the demo authority's CIN census with the referral that began their episode.
import type { LocalDate } from '@js-joda/core';
import type { Transaction } from 'kysely';
import { explainInitialConferenceDue, FIRST_REVIEW_CONFERENCE, NEXT_REVIEW_CONFERENCE } from '../../domain/child-protection/timescales.ts';
import { referenceNumberFrom } from '../../domain/shared/identifiers/reference-number.ts';
import { dueDate } from '../../domain/shared/timescales/rule.ts';
import { parseLocalDate, toIsoDate } from '../../domain/shared/time/local-date.ts';
import type { CpCategory, Database } from '../schema.ts';
import { DEMO_USER_IDS } from './users.ts';

const id = (n: number): string => `00000000-0000-4000-8c00-${n.toString().padStart(12, '0')}`;

export const DEMO_CP_IDS = {
  /** The allocated demo child's initial conference (held) and plan. */
  allocatedInitialConference: id(1),
  allocatedPlan: id(2),
  /** The allocated demo child's first review conference, waiting to be held. */
  allocatedReview: id(3),
  /** A child in Family Support Team North with no conference and no plan: a team manager can convene one. */
  convenableChild: id(4),
  /** The unborn demo baby's pre-birth initial conference, waiting to be held. */
  unbornInitialConference: id(5),
} as const;

const londonDate = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' });

interface DemoPlan {
  readonly childId: string;
  readonly teamId: string;
  readonly category: CpCategory;
  readonly startedDaysAgo: number;
  readonly reviewsHeld: number;
  readonly lastVisitDaysAgo: number | null;
  readonly earlierPlan?: boolean;
  readonly ids?: { readonly initial: string; readonly plan: string; readonly review: string };
  readonly content: boolean;
}

export async function seedDemoChildProtectionPlans(
  trx: Transaction<Database>,
  options: {
    readonly now: Date;
    readonly allocatedChildId: string;
    readonly restrictedChildId: string;
    readonly unbornId: string;
    readonly fstNorthTeamId: string;
  },
): Promise<void> {
  const { now } = options;
  const today = parseLocalDate(londonDate.format(now));
  const iso = (d: LocalDate): string => toIsoDate(d);
  const chair = DEMO_USER_IDS.cpChair;
  let n = 100;

  await trx
    .insertInto('person')
    .values({
      id: DEMO_CP_IDS.convenableChild,
      personType: 'child',
      givenName: 'Rowan',
      familyName: 'Ashdale',
      gender: 'male',
      dateOfBirth: iso(today.minusYears(5).minusDays(40)),
      createdAt: now,
      updatedAt: now,
    })
    .execute();
  await trx
    .insertInto('allocation')
    .values({
      childId: DEMO_CP_IDS.convenableChild,
      teamId: options.fstNorthTeamId,
      workerUserId: DEMO_USER_IDS.socialWorker,
      startedOn: iso(today.minusDays(20)),
    })
    .execute();

  async function conference(row: {
    id?: string;
    childId: string;
    teamId: string;
    kind: 'initial' | 'review';
    strategyHeldOn: string | null;
    dueOn: string;
    dueRuleId: string;
    heldOn: string | null;
    decision: 'plan' | 'continue' | 'end' | null;
    category: CpCategory | null;
    planId: string | null;
    preBirth?: boolean;
  }): Promise<string> {
    const held = row.heldOn !== null;
    const inserted = await trx
      .insertInto('cpConference')
      .values({
        id: row.id ?? id((n += 1)),
        childId: row.childId,
        kind: row.kind,
        section47Id: null,
        strategyDiscussionId: null,
        strategyHeldOn: row.strategyHeldOn,
        convenedFrom: row.kind === 'initial' ? 'child_record' : 'plan',
        // An initial conference convened from the record records the child's need (migration 0026).
        initialPrimaryNeed: row.kind === 'initial' ? 'N1' : null,
        teamId: row.teamId,
        preBirth: row.preBirth ?? false,
        dueOn: row.dueOn,
        dueRuleId: row.dueRuleId,
        status: held ? 'held' : 'to_be_held',
        heldOn: row.heldOn,
        chairUserId: held ? chair : null,
        decision: row.decision,
        category: row.category,
        endReason: row.decision === 'end' ? 'no_longer_at_risk' : null,
        rationale: held ? 'Synthetic demo: the conference’s reasons.' : null,
        summaryForChild: held ? 'We met to talk about how to keep you safe at home.' : null,
        withinTimescale: row.heldOn === null ? null : row.heldOn <= row.dueOn,
        planId: row.planId,
        convenedByUserId: DEMO_USER_IDS.teamManager,
        convenedAt: now,
        recordedByUserId: held ? chair : null,
        recordedAt: held ? now : null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return inserted.id;
  }

  // A contact received the day before the strategy discussion, decided that day as a referral to a
  // strategy discussion and allocated to the child's current team and worker.
  async function referral(childId: string, category: CpCategory, strategy: LocalDate): Promise<void> {
    const receivedOn = strategy.minusDays(2);
    const referredOn = strategy.minusDays(1);
    const at = (d: LocalDate, time: string): Date => new Date(`${iso(d)}T${time}:00Z`);
    const child = await trx.selectFrom('person').select(['givenName', 'familyName', 'dateOfBirth']).where('id', '=', childId).executeTakeFirstOrThrow();
    const allocation = await trx
      .selectFrom('allocation')
      .select(['id', 'teamId', 'workerUserId'])
      .where('childId', '=', childId)
      .where('endedOn', 'is', null)
      .executeTakeFirstOrThrow();
    n += 1;
    // Police for physical and sexual abuse, the school otherwise (DfE referral sources 6 and 2A).
    const source = category === 'PHY' || category === 'SAB' ? '6' : '2A';
    const contact = await trx
      .insertInto('contact')
      .values({
        reference: referenceNumberFrom([20, 12, (n >> 10) % 32, (n >> 5) % 32, n % 32, 7, 3]),
        channel: 'phone',
        status: 'decided',
        receivedAt: at(receivedOn, '10:00'),
        receivedOn: iso(receivedOn),
        decisionDueOn: iso(referredOn),
        referralSource: source,
        referrerRole: source === '6' ? 'Police officer' : 'Designated safeguarding lead',
        worries: 'Synthetic demo: worries about the child’s safety at home, shared by phone.',
        familyConsent: 'not_asked',
        familyConsentReason: 'Asking the family first could put the child at risk of significant harm.',
        immediateRisk: false,
        recordedByUserId: DEMO_USER_IDS.mashPractitioner,
        outcome: 'strategy_discussion',
        decisionRationale: 'Reasonable cause to suspect significant harm: a strategy discussion is needed.',
        decidedByUserId: DEMO_USER_IDS.mashManager,
        decidedAt: at(referredOn, '15:00'),
        decidedOn: iso(referredOn),
        decisionWorkingDays: 1,
        decidedWithinTimescale: true,
        createdAt: at(receivedOn, '10:00'),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('contactPerson')
      .values({
        contactId: contact.id,
        position: 1,
        role: 'child',
        givenName: child.givenName,
        familyName: child.familyName,
        dateOfBirth: child.dateOfBirth,
        personId: childId,
        linkedByUserId: DEMO_USER_IDS.mashPractitioner,
        linkedAt: at(receivedOn, '11:00'),
      })
      .execute();
    await trx
      .insertInto('referral')
      .values({
        contactId: contact.id,
        childId,
        purpose: 'strategy_discussion',
        referralSource: source,
        referredOn: iso(referredOn),
        // Suspected significant harm: abuse or neglect (migration 0026).
        primaryNeed: 'N1',
        teamId: allocation.teamId,
        status: 'allocated',
        allocatedWorkerUserId: allocation.workerUserId ?? DEMO_USER_IDS.socialWorker,
        allocatedByUserId: DEMO_USER_IDS.teamManager,
        allocatedAt: at(referredOn, '16:00'),
        allocationId: allocation.id,
        createdAt: at(referredOn, '15:00'),
      })
      .execute();
  }

  async function plan(p: DemoPlan, planNumber: number): Promise<void> {
    const startedOn = today.minusDays(p.startedDaysAgo);
    const strategy = startedOn.minusDays(14);
    await referral(p.childId, p.category, strategy);
    const icpcDue = explainInitialConferenceDue(strategy, null).due;
    const planId = p.ids?.plan ?? id((n += 1));
    const initialId = await conference({
      ...(p.ids === undefined ? {} : { id: p.ids.initial }),
      childId: p.childId,
      teamId: p.teamId,
      kind: 'initial',
      strategyHeldOn: iso(strategy),
      dueOn: iso(icpcDue),
      dueRuleId: 'S47-03',
      heldOn: iso(startedOn),
      decision: 'plan',
      category: p.category,
      planId: null,
    });
    await trx
      .insertInto('cpPlan')
      .values({
        id: planId,
        childId: p.childId,
        initialConferenceId: initialId,
        teamId: p.teamId,
        startedOn: iso(startedOn),
        initialCategory: p.category,
        latestCategory: p.category,
        leadWorkerUserId: p.childId === options.allocatedChildId ? DEMO_USER_IDS.socialWorker : null,
        planNumber,
        contingencyPlan: p.content
          ? 'If the home conditions fall below the agreed standard again, a legal planning meeting is held within 5 working days.'
          : null,
        finalisedAt: p.content ? now : null,
        finalisedByUserId: p.content ? DEMO_USER_IDS.socialWorker : null,
      })
      .execute();
    await trx.updateTable('cpConference').set({ planId }).where('id', '=', initialId).execute();
    await trx
      .insertInto('cpCoreGroupMember')
      .values([
        { planId, position: 1, name: 'Synthetic health visitor', agency: 'Health' },
        { planId, position: 2, name: 'Synthetic class teacher', agency: 'School' },
      ])
      .execute();
    if (p.content) {
      await trx
        .insertInto('cpPlanOutcome')
        .values([{ planId, position: 1, description: 'The children have regular meals and a warm, clean home.' }])
        .execute();
      await trx
        .insertInto('cpPlanAction')
        .values([
          { planId, position: 1, action: 'Parenting programme, weekly', owner: 'Family support worker', dueOn: iso(today.plusDays(30)) },
          { planId, position: 2, action: 'Health visitor home visits every 2 weeks', owner: 'Health visitor', dueOn: iso(today.plusDays(14)) },
        ])
        .execute();
    }
    await trx
      .insertInto('cpCoreGroupMeeting')
      .values({
        planId,
        childId: p.childId,
        heldOn: iso(startedOn.plusDays(7)),
        dueOn: iso(startedOn.plusDays(14)),
        dueRuleId: 'CP-01',
        withinTimescale: true,
        progress: 'Synthetic demo: the detailed plan was agreed.',
        recordedByUserId: DEMO_USER_IDS.socialWorker,
        recordedAt: now,
      })
      .execute();
    let lastReview: LocalDate | null = null;
    for (let r = 0; r < p.reviewsHeld; r += 1) {
      const due: LocalDate = lastReview === null ? dueDate(FIRST_REVIEW_CONFERENCE, startedOn) : dueDate(NEXT_REVIEW_CONFERENCE, lastReview);
      const heldOn: LocalDate = due.minusDays(3);
      await conference({
        childId: p.childId,
        teamId: p.teamId,
        kind: 'review',
        strategyHeldOn: null,
        dueOn: iso(due),
        dueRuleId: lastReview === null ? 'CP-03' : 'CP-04',
        heldOn: iso(heldOn),
        decision: 'continue',
        category: p.category,
        planId,
      });
      lastReview = heldOn;
    }
    const nextDue = lastReview === null ? dueDate(FIRST_REVIEW_CONFERENCE, startedOn) : dueDate(NEXT_REVIEW_CONFERENCE, lastReview);
    await conference({
      ...(p.ids === undefined ? {} : { id: p.ids.review }),
      childId: p.childId,
      teamId: p.teamId,
      kind: 'review',
      strategyHeldOn: null,
      dueOn: iso(nextDue),
      dueRuleId: lastReview === null ? 'CP-03' : 'CP-04',
      heldOn: null,
      decision: null,
      category: null,
      planId,
    });
    if (p.lastVisitDaysAgo !== null) {
      const visited = today.minusDays(p.lastVisitDaysAgo);
      await trx
        .insertInto('cpVisit')
        .values({
          planId,
          childId: p.childId,
          visitedOn: iso(visited),
          dueOn: iso(visited.plusDays(1)),
          childSeen: true,
          seenAlone: true,
          notSeenReason: null,
          summary: 'Synthetic demo: seen alone in their bedroom; talked about school.',
          withinTimescale: true,
          recordedByUserId: DEMO_USER_IDS.socialWorker,
          recordedAt: now,
        })
        .execute();
    }
  }

  async function earlierPlan(childId: string, teamId: string): Promise<void> {
    const startedOn = today.minusDays(900);
    await referral(childId, 'EMO', startedOn.minusDays(14));
    const initialId = await conference({
      childId,
      teamId,
      kind: 'initial',
      strategyHeldOn: iso(startedOn.minusDays(14)),
      dueOn: iso(startedOn.plusDays(5)),
      dueRuleId: 'S47-03',
      heldOn: iso(startedOn),
      decision: 'plan',
      category: 'EMO',
      planId: null,
    });
    const planId = id((n += 1));
    const endedOn = startedOn.plusDays(270);
    await trx
      .insertInto('cpPlan')
      .values({
        id: planId,
        childId,
        initialConferenceId: initialId,
        teamId,
        startedOn: iso(startedOn),
        initialCategory: 'EMO',
        latestCategory: 'EMO',
        planNumber: 1,
        status: 'ended',
        endedOn: iso(endedOn),
        endReason: 'no_longer_at_risk',
      })
      .execute();
    await trx.updateTable('cpConference').set({ planId }).where('id', '=', initialId).execute();
    const endId = await conference({
      childId,
      teamId,
      kind: 'review',
      strategyHeldOn: null,
      dueOn: iso(endedOn.plusDays(10)),
      dueRuleId: 'CP-04',
      heldOn: iso(endedOn),
      decision: 'end',
      category: null,
      planId,
    });
    await trx.updateTable('cpPlan').set({ endConferenceId: endId }).where('id', '=', planId).execute();
  }

  // The allocated demo child: neglect, plan finalised, first review waiting.
  await plan(
    {
      childId: options.allocatedChildId,
      teamId: options.fstNorthTeamId,
      category: 'NEG',
      startedDaysAgo: 40,
      reviewsHeld: 0,
      lastVisitDaysAgo: 6,
      content: true,
      ids: { initial: DEMO_CP_IDS.allocatedInitialConference, plan: DEMO_CP_IDS.allocatedPlan, review: DEMO_CP_IDS.allocatedReview },
    },
    1,
  );

  // The restricted demo child: physical abuse (so the plan's pages can be tried on a restricted record).
  await plan(
    {
      childId: options.restrictedChildId,
      teamId: options.fstNorthTeamId,
      category: 'PHY',
      startedDaysAgo: 70,
      reviewsHeld: 0,
      lastVisitDaysAgo: 8,
      content: false,
    },
    1,
  );

  // Other synthetic children already allocated in the demo authority (stable ids, first by id).
  const others = await trx
    .selectFrom('allocation')
    .innerJoin('person', 'person.id', 'allocation.childId')
    .select(['person.id', 'allocation.teamId'])
    .where('allocation.endedOn', 'is', null)
    .where('person.personType', '=', 'child')
    .where('person.restriction', '=', 'none')
    .where('person.id', 'not in', [options.allocatedChildId, options.restrictedChildId, DEMO_CP_IDS.convenableChild])
    .where('person.id', '>', '00000000-0000-4000-9000-000000000099')
    // Not a child on a child in need plan: a protection plan would end it (recordInitialConference),
    // and the demo keeps those plans for the child in need pages.
    .where((eb) =>
      eb.not(eb.exists(eb.selectFrom('cinPlan').select('cinPlan.id').whereRef('cinPlan.childId', '=', 'person.id').where('cinPlan.status', '<>', 'ended'))),
    )
    .orderBy('person.id')
    .limit(7)
    .execute();
  const shapes: readonly Omit<DemoPlan, 'childId' | 'teamId'>[] = [
    { category: 'PHY', startedDaysAgo: 120, reviewsHeld: 1, lastVisitDaysAgo: 4, content: true },
    { category: 'EMO', startedDaysAgo: 60, reviewsHeld: 0, lastVisitDaysAgo: 40, content: false }, // visits overdue
    { category: 'SAB', startedDaysAgo: 200, reviewsHeld: 1, lastVisitDaysAgo: 9, content: true },
    { category: 'MUL', startedDaysAgo: 800, reviewsHeld: 4, lastVisitDaysAgo: 3, content: true }, // over 2 years
    { category: 'NEG', startedDaysAgo: 30, reviewsHeld: 0, lastVisitDaysAgo: 25, content: false, earlierPlan: true }, // second plan, visit overdue
  ];
  for (const [i, shape] of shapes.entries()) {
    const child = others[i];
    if (child === undefined) break;
    if (shape.earlierPlan === true) await earlierPlan(child.id, child.teamId);
    await plan({ ...shape, childId: child.id, teamId: child.teamId }, shape.earlierPlan === true ? 2 : 1);
  }
  // An initial conference waiting to be held (strategy discussion 6 days ago).
  const waiting = others[5];
  if (waiting !== undefined) {
    const strategy = today.minusDays(6);
    await conference({
      childId: waiting.id,
      teamId: waiting.teamId,
      kind: 'initial',
      strategyHeldOn: iso(strategy),
      dueOn: iso(explainInitialConferenceDue(strategy, null).due),
      dueRuleId: 'S47-03',
      heldOn: null,
      decision: null,
      category: null,
      planId: null,
    });
  }
  // The unborn demo baby: a pre-birth initial conference, due by week 23 of the pregnancy or 15 working days.
  const unborn = await trx.selectFrom('person').select('expectedDateOfDelivery').where('id', '=', options.unbornId).executeTakeFirst();
  if (unborn?.expectedDateOfDelivery != null) {
    const strategy = today.minusDays(3);
    const due = explainInitialConferenceDue(strategy, { expectedDateOfDelivery: parseLocalDate(unborn.expectedDateOfDelivery) });
    await conference({
      id: DEMO_CP_IDS.unbornInitialConference,
      childId: options.unbornId,
      teamId: options.fstNorthTeamId,
      kind: 'initial',
      strategyHeldOn: iso(strategy),
      dueOn: iso(due.due),
      dueRuleId: due.rule.id,
      heldOn: null,
      decision: null,
      category: null,
      planId: null,
      preBirth: true,
    });
  }
}
