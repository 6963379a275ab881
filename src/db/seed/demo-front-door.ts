// The demo authority's front door: synthetic contacts in every state, so the MASH queue, a referral
// to allocate and the dashboard have something to show on first start. A MARF awaiting screening, a
// phone contact whose decision is overdue, one screened and due today, decisions of each kind (one
// referral to Family Support Team North waiting for its manager to allocate it, one early help
// referral), and twelve weeks of earlier decisions for the dashboard. Every person is synthetic;
// contacts about existing demo children are about the MASH team's families.
import type { PrimaryNeed } from '../../domain/shared/codes/dfe/primary-need.ts';
import type { Transaction } from 'kysely';
import { LocalDate } from '@js-joda/core';
import { STATUTORY_WORKING_DAY_CALENDAR } from '../../domain/shared/calendar/index.ts';
import { mashDecisionDueOn } from '../../domain/front-door/timescales.ts';
import type { MashOutcome } from '../../domain/front-door/mash-decision.ts';
import { referenceNumberFrom } from '../../domain/shared/identifiers/reference-number.ts';
import { timelinessOf } from '../../domain/shared/timescales/rule.ts';
import { insertContact, type NewContact } from '../front-door/contact-repository.ts';
import type { Database } from '../schema.ts';
import { appendAuditEvent } from '../shared/audit-repository.ts';
import { GIVEN_NAMES_FEMALE, GIVEN_NAMES_MALE, FAMILY_NAMES } from './synthetic/names.ts';
import { createRandom, type Random } from './synthetic/random.ts';
import { DEMO_USER_IDS } from './users.ts';

const fid = (n: number): string => `00000000-0000-4000-b000-${n.toString().padStart(12, '0')}`;

/** Front-door records the tests and docs can name. */
export const DEMO_FRONT_DOOR_IDS = {
  /** A MARF sent online today, its child not yet linked to a record: MASH roles only. */
  awaitingScreening: fid(1),
  awaitingScreeningChild: fid(2),
  /** A phone contact in screening, linked to a MASH family's child; its decision is overdue. */
  overdue: fid(3),
  /** A contact screened and due today. */
  dueToday: fid(4),
  /** A contact decided: referral to Family Support Team North for an assessment. */
  referredContact: fid(5),
  /** That referral, awaiting allocation by the team manager. */
  referral: fid(6),
} as const;

const london = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

function londonParts(at: Date): { date: string; time: string } {
  const p = Object.fromEntries(london.formatToParts(at).map((x) => [x.type, x.value]));
  return { date: `${p['year'] ?? ''}-${p['month'] ?? ''}-${p['day'] ?? ''}`, time: `${p['hour'] ?? '00'}:${p['minute'] ?? '00'}` };
}

/** The instant of a Europe/London wall-clock time. */
function instant(date: string, time: string): Date {
  const guess = new Date(`${date}T${time}:00Z`);
  const shown = londonParts(guess);
  return new Date(guess.getTime() - (Date.parse(`${shown.date}T${shown.time}:00Z`) - guess.getTime()));
}

function reference(random: Random): string {
  return referenceNumberFrom(Array.from({ length: 7 }, () => random.int(0, 31)));
}

interface DemoContact {
  readonly id?: string;
  readonly daysAgo: number;
  readonly time: string;
  readonly channel: NewContact['channel'];
  readonly source: string;
  readonly organisation: string | null;
  readonly worries: string;
  readonly childIds?: readonly string[];
  readonly newChild?: boolean;
  readonly consent?: 'given' | 'not_sought';
  readonly level?: number;
  readonly indicators?: readonly string[];
  readonly outcome?: MashOutcome;
  /** For a referral to children's social care: the primary need the MASH records on it (migration 0026). */
  readonly primaryNeed?: PrimaryNeed;
  readonly decidedAfterWorkingDays?: number;
  readonly checks?: readonly (readonly [string, 'requested' | 'nothing_known' | 'information_shared'])[];
  readonly immediateRisk?: boolean;
}

const WORRIES = {
  school:
    'Attendance has fallen to 71% this term and the child has arrived hungry several times. The child told a teaching assistant that there is often no food at home at weekends.',
  police:
    'Police attended the family home overnight after a neighbour reported shouting. Both parents were present; the children were awake. No arrests. Third call-out in two months.',
  health:
    'The health team is worried about the child’s weight, which has dropped across two centiles, and about missed appointments. Mother seems low and says she is managing alone.',
  selfReferral: 'A grandparent rang worried that the child is being left alone in the evenings and has stopped going to clubs.',
  nursery: 'Nursery staff noticed a bruise on the child’s upper arm. The explanation given at collection did not match what the child said.',
};

export async function seedDemoFrontDoor(trx: Transaction<Database>, options: { now: Date; teamId: (code: string) => string }): Promise<void> {
  const { now } = options;
  const random = createRandom(505);
  const calendar = STATUTORY_WORKING_DAY_CALENDAR;
  const today = LocalDate.parse(londonParts(now).date);
  const mashChildren = (
    await trx
      .selectFrom('allocation as a')
      .innerJoin('team as t', 't.id', 'a.teamId')
      .innerJoin('person as p', 'p.id', 'a.childId')
      .select(['p.id', 'p.givenName', 'p.familyName', 'p.dateOfBirth'])
      .where('t.code', '=', 'MASH')
      .where('a.endedOn', 'is', null)
      .where('p.restriction', '=', 'none')
      .orderBy('p.id')
      .execute()
  ).slice(0, 12);
  const child = (i: number) => mashChildren[i % Math.max(1, mashChildren.length)];

  const contacts: DemoContact[] = [
    {
      id: DEMO_FRONT_DOOR_IDS.awaitingScreening,
      daysAgo: 0,
      time: '',
      channel: 'online_form',
      source: '2A',
      organisation: 'Larkspur Primary School',
      worries: WORRIES.school,
      newChild: true,
    },
    {
      id: DEMO_FRONT_DOOR_IDS.overdue,
      daysAgo: 2,
      time: '16:20',
      channel: 'phone',
      source: '6',
      organisation: 'Police',
      worries: WORRIES.police,
      childIds: [child(0)?.id ?? ''],
      consent: 'given',
      checks: [
        ['police', 'nothing_known'],
        ['health', 'requested'],
        ['education', 'requested'],
      ],
    },
    {
      id: DEMO_FRONT_DOOR_IDS.dueToday,
      daysAgo: 1,
      time: '11:05',
      channel: 'email',
      source: '3B',
      organisation: 'Health visiting team',
      worries: WORRIES.health,
      childIds: [child(1)?.id ?? ''],
      consent: 'not_sought',
      level: 3,
      indicators: ['3.health.3', '3.basic_care_safety_protection.1', '2.family_functioning_wellbeing.3'],
    },
    {
      id: DEMO_FRONT_DOOR_IDS.referredContact,
      daysAgo: 3,
      time: '09:40',
      channel: 'phone',
      source: '8',
      organisation: 'Little Acorns Nursery',
      worries: WORRIES.nursery,
      childIds: [child(2)?.id ?? ''],
      consent: 'not_sought',
      level: 4,
      indicators: ['4.basic_care_safety_protection.10', '4.health.15'],
      outcome: 'social_care_assessment',
      primaryNeed: 'N1',
      decidedAfterWorkingDays: 1,
      immediateRisk: false,
    },
    {
      daysAgo: 6,
      time: '14:30',
      channel: 'online_form',
      source: '2A',
      organisation: 'Heron Drive Academy',
      worries: WORRIES.school,
      childIds: [child(3)?.id ?? ''],
      consent: 'given',
      level: 3,
      indicators: ['3.learning.1', '3.emotional_development.2'],
      outcome: 'targeted_early_help',
      decidedAfterWorkingDays: 1,
    },
    {
      daysAgo: 8,
      time: '10:10',
      channel: 'phone',
      source: '1A',
      organisation: null,
      worries: WORRIES.selfReferral,
      childIds: [child(4)?.id ?? ''],
      consent: 'given',
      level: 1,
      indicators: ['1.family_social_relationships.1'],
      outcome: 'nfa',
      decidedAfterWorkingDays: 1,
    },
  ];
  // Twelve weeks of earlier decisions for the dashboard: NFA, signposting and early help only, so
  // no demo child's allocation changes; a few are the same children again (repeats), a few late.
  const history: readonly MashOutcome[] = ['nfa', 'universal_signpost', 'targeted_early_help', 'universal_signpost', 'nfa'];
  for (let i = 0; i < 26; i += 1) {
    const outcome = history[i % history.length] ?? 'nfa';
    contacts.push({
      daysAgo: 10 + i * 3,
      time: `${String(9 + (i % 8)).padStart(2, '0')}:${String((i * 7) % 60).padStart(2, '0')}`,
      channel: random.pick(['online_form', 'phone', 'email'] as const),
      source: random.pick(['2A', '3A', '3B', '6', '5D', '8']),
      organisation: null,
      worries: random.pick(Object.values(WORRIES)),
      childIds: [child(5 + (i % 7))?.id ?? ''],
      consent: 'given',
      level: outcome === 'nfa' ? 1 : outcome === 'universal_signpost' ? 2 : 3,
      indicators: outcome === 'nfa' ? ['1.health.1'] : outcome === 'universal_signpost' ? ['2.learning.3'] : ['3.learning.1'],
      outcome,
      decidedAfterWorkingDays: i % 6 === 5 ? 2 : i % 3 === 0 ? 0 : 1,
    });
  }

  let count = 0;
  for (const c of contacts) {
    const justNow = new Date(now.getTime() - 40 * 60_000);
    const receivedOn = c.daysAgo === 0 ? LocalDate.parse(londonParts(justNow).date) : calendar.addWorkingDays(today, -c.daysAgo);
    const receivedAt = c.daysAgo === 0 ? justNow : instant(receivedOn.toString(), c.time);
    const dueOn = mashDecisionDueOn(receivedOn, calendar);
    const children =
      c.newChild === true
        ? [
            {
              givenName: random.pick(GIVEN_NAMES_FEMALE),
              familyName: random.pick(FAMILY_NAMES),
              dateOfBirth: today.minusYears(8).minusDays(random.int(0, 300)).toString(),
            },
          ]
        : (c.childIds ?? []).map((id) => mashChildren.find((m) => m.id === id)).filter((m) => m !== undefined);
    if (children.length === 0) continue;
    const row = await insertContact(trx, {
      ...(c.id === undefined ? {} : { id: c.id }),
      reference: reference(random),
      channel: c.channel,
      receivedAt,
      receivedOn: receivedOn.toString(),
      decisionDueOn: dueOn.toString(),
      referralSource: c.source,
      referrerName: c.source === '1A' ? 'A grandparent (name withheld)' : `${random.pick(GIVEN_NAMES_MALE)} ${random.pick(FAMILY_NAMES)}`,
      referrerRole: c.organisation === null ? null : 'Designated safeguarding lead',
      referrerOrganisation: c.organisation,
      referrerEmail: c.organisation === null ? null : 'safeguarding@example.org',
      referrerPhone: '01632 960 001',
      addressLine1: null,
      town: null,
      postcode: null,
      worries: c.worries,
      childViews: null,
      whatTried: c.source === '2A' ? 'Breakfast club place offered; two meetings with mother; school nurse referral.' : null,
      earlyHelpAssessmentDone: false,
      familyConsent: c.consent === 'not_sought' ? 'not_asked' : 'yes',
      familyConsentReason: c.consent === 'not_sought' ? 'Asking the family first could put the child at greater risk.' : null,
      immediateRisk: c.immediateRisk ?? false,
      immediateRiskDetails: null,
      recordedByUserId: c.channel === 'online_form' ? null : DEMO_USER_IDS.mashPractitioner,
      submissionToken: null,
      submissionHash: null,
      people: children.map((ch, i) => ({
        ...(c.id === DEMO_FRONT_DOOR_IDS.awaitingScreening && i === 0 ? { id: DEMO_FRONT_DOOR_IDS.awaitingScreeningChild } : {}),
        role: 'child' as const,
        givenName: ch.givenName,
        familyName: ch.familyName,
        dateOfBirth: ch.dateOfBirth,
        relationship: null,
      })),
    });
    if (row === undefined) continue;
    count += 1;
    const stepAt = new Date(receivedAt.getTime() + 30 * 60_000);
    if (c.newChild !== true) {
      for (const [i, ch] of children.entries()) {
        if (!('id' in ch)) continue;
        await trx
          .updateTable('contactPerson')
          .set({ personId: ch.id, linkedByUserId: DEMO_USER_IDS.mashPractitioner, linkedAt: stepAt })
          .where('contactId', '=', row.id)
          .where('position', '=', i + 1)
          .execute();
      }
      await trx.updateTable('contact').set({ status: 'screening' }).where('id', '=', row.id).execute();
    }
    if (c.consent !== undefined) {
      const without = c.consent === 'not_sought';
      await trx
        .updateTable('contact')
        .set({
          consentToChecks: c.consent,
          checksWithoutConsent: without,
          consentOverrideReason: without ? 'clear_risk_to_child' : null,
          consentRationale: without
            ? 'Telling the family before the checks could put the child at risk; the checks are limited to what the decision needs.'
            : null,
          consentRecordedByUserId: DEMO_USER_IDS.mashPractitioner,
          consentRecordedAt: stepAt,
        })
        .where('id', '=', row.id)
        .execute();
    }
    for (const [agency, status] of c.checks ?? []) {
      await trx
        .insertInto('agencyCheck')
        .values({
          contactId: row.id,
          agency,
          status,
          withoutConsent: false,
          requestedByUserId: DEMO_USER_IDS.mashPractitioner,
          requestedAt: stepAt,
          answeredByUserId: status === 'requested' ? null : DEMO_USER_IDS.mashPractitioner,
          answeredAt: status === 'requested' ? null : new Date(stepAt.getTime() + 60 * 60_000),
          details: status === 'information_shared' ? 'Known to the service; details shared by phone.' : null,
        })
        .execute();
    }
    if (c.level !== undefined) {
      await trx
        .updateTable('contact')
        .set({
          needLevel: c.level,
          needIndicators: [...(c.indicators ?? [])],
          needRationale: 'Judged on the referral and what partners shared.',
          needRecordedByUserId: DEMO_USER_IDS.mashPractitioner,
          needRecordedAt: stepAt,
        })
        .where('id', '=', row.id)
        .execute();
    }
    if (c.outcome !== undefined) {
      const decidedOn = calendar.addWorkingDays(receivedOn, c.decidedAfterWorkingDays ?? 1);
      const timeliness = timelinessOf(receivedOn, dueOn, decidedOn, calendar);
      const decidedAt = instant(decidedOn.toString(), '15:00');
      await trx
        .updateTable('contact')
        .set({
          status: 'decided',
          outcome: c.outcome,
          decisionRationale: 'Decision recorded after screening with partners.',
          decidedByUserId: DEMO_USER_IDS.mashManager,
          decidedAt,
          decidedOn: decidedOn.toString(),
          decisionWorkingDays: timeliness.workingDaysTaken,
          decidedWithinTimescale: timeliness.met,
        })
        .where('id', '=', row.id)
        .execute();
      for (const ch of children) {
        if (!('id' in ch)) continue;
        if (c.outcome === 'social_care_assessment') {
          const teamId = options.teamId('FST_NORTH');
          await trx
            .insertInto('referral')
            .values({
              ...(c.id === DEMO_FRONT_DOOR_IDS.referredContact ? { id: DEMO_FRONT_DOOR_IDS.referral } : {}),
              contactId: row.id,
              childId: ch.id,
              purpose: 'assessment',
              referralSource: c.source,
              referredOn: decidedOn.toString(),
              primaryNeed: c.primaryNeed ?? null,
              teamId,
              createdAt: decidedAt,
            })
            .execute();
          await trx.updateTable('allocation').set({ endedOn: decidedOn.toString() }).where('childId', '=', ch.id).where('endedOn', 'is', null).execute();
          await trx.insertInto('allocation').values({ childId: ch.id, teamId, workerUserId: null, startedOn: decidedOn.toString() }).execute();
        }
        if (c.outcome === 'targeted_early_help') {
          await trx
            .insertInto('earlyHelpReferral')
            .values({ contactId: row.id, childId: ch.id, referredOn: decidedOn.toString(), needLevel: c.level ?? 3, familyConsent: true, createdAt: decidedAt })
            .execute();
        }
      }
    }
  }
  await appendAuditEvent(
    trx,
    { actorUserId: null, actorLabel: 'hearth seed', requestId: null, ip: null },
    { action: 'seed.demo-front-door.loaded', changes: { contacts: count } },
    now,
  );
}
