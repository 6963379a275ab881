// Demo pre-birth plans (seed 004 §14), all synthetic: an unborn baby at about 18 weeks with the
// referral and post-referral visit done, allocated to the demo social worker in Family Support Team
// North (the access matrix tries the pre-birth pages on this one); and a pregnancy confirmed late (at
// about 26 weeks) whose mother's earlier care proceedings ended eight months ago, so the assessment is
// expedited (10-15 working days) and the referral goes straight to Family Support.
import type { Transaction } from 'kysely';
import type { Database } from '../schema.ts';
import { DEMO_USER_IDS } from './users.ts';

const pid = (n: number): string => `00000000-0000-4000-9012-${n.toString().padStart(12, '0')}`;

export const DEMO_PRE_BIRTH_IDS = {
  /** Unborn, about 18 weeks, Family Support Team North, allocated to the demo social worker. */
  unborn18Weeks: pid(1),
  mother18Weeks: pid(2),
  /** Unborn, pregnancy confirmed late (about 26 weeks), Family Support Team North. */
  lateConfirmed: pid(3),
  motherLate: pid(4),
} as const;

const DAY_MS = 86_400_000;
const isoDate = (d: Date): string => d.toISOString().slice(0, 10);
const daysFrom = (now: Date, days: number): string => isoDate(new Date(now.getTime() + days * DAY_MS));

export async function seedDemoPreBirth(trx: Transaction<Database>, options: { readonly now: Date; readonly fstNorthTeamId: string }): Promise<number> {
  const { now } = options;
  const common = { createdAt: now, updatedAt: now };
  const year = Number(isoDate(now).slice(0, 4));
  // EDD = today + (40 − weeks) × 7 days (domain-spec §2.6).
  const edd18 = (40 - 18) * 7;
  const eddLate = (40 - 26) * 7 - 14; // 28 weeks today; confirmed two weeks ago at 26 weeks
  const home18 = { addressLine1: '11 Otterburn Crescent', town: 'Milton Keynes', postcode: 'MK5 6LT' };
  const homeLate = { addressLine1: '2 Wharfside Walk', town: 'Fenny Stratford', postcode: 'MK2 2AZ' };
  await trx
    .insertInto('person')
    .values([
      {
        id: DEMO_PRE_BIRTH_IDS.mother18Weeks,
        personType: 'adult',
        givenName: 'Morwenna',
        familyName: 'Tregarthen',
        gender: 'female',
        dateOfBirth: `${String(year - 24)}-02-14`,
        ...home18,
        ...common,
      },
      {
        id: DEMO_PRE_BIRTH_IDS.unborn18Weeks,
        personType: 'unborn',
        givenName: 'Baby',
        familyName: 'Tregarthen',
        gender: 'not_known',
        expectedDateOfDelivery: daysFrom(now, edd18),
        ...home18,
        ...common,
      },
      {
        id: DEMO_PRE_BIRTH_IDS.motherLate,
        personType: 'adult',
        givenName: 'Kerensa',
        familyName: 'Ashdown-Pryce',
        gender: 'female',
        dateOfBirth: `${String(year - 29)}-10-03`,
        ...homeLate,
        ...common,
      },
      {
        id: DEMO_PRE_BIRTH_IDS.lateConfirmed,
        personType: 'unborn',
        givenName: 'Baby',
        familyName: 'Ashdown-Pryce',
        gender: 'not_known',
        expectedDateOfDelivery: daysFrom(now, eddLate),
        ...homeLate,
        ...common,
      },
    ])
    .execute();
  const pair = (child: string, mother: string) => [
    { personId: child, relatedPersonId: mother, relationship: 'parent', parentalResponsibility: true, livesWith: true },
    { personId: mother, relatedPersonId: child, relationship: 'child', parentalResponsibility: true, livesWith: true },
  ];
  await trx
    .insertInto('personRelationship')
    .values([
      ...pair(DEMO_PRE_BIRTH_IDS.unborn18Weeks, DEMO_PRE_BIRTH_IDS.mother18Weeks),
      ...pair(DEMO_PRE_BIRTH_IDS.lateConfirmed, DEMO_PRE_BIRTH_IDS.motherLate),
    ])
    .execute();
  await trx
    .insertInto('allocation')
    .values([
      { childId: DEMO_PRE_BIRTH_IDS.unborn18Weeks, teamId: options.fstNorthTeamId, workerUserId: DEMO_USER_IDS.socialWorker, startedOn: daysFrom(now, -40) },
      { childId: DEMO_PRE_BIRTH_IDS.lateConfirmed, teamId: options.fstNorthTeamId, workerUserId: DEMO_USER_IDS.socialWorker, startedOn: daysFrom(now, -12) },
    ])
    .execute();
  const by = { updatedByUserId: DEMO_USER_IDS.socialWorker, updatedAt: now };
  await trx
    .insertInto('preBirthPlan')
    .values([
      // confirmed at 11 weeks: the ordinary timeline
      { childId: DEMO_PRE_BIRTH_IDS.unborn18Weeks, pregnancyConfirmedOn: daysFrom(now, -7 * 7), ...by },
      // confirmed at 26 weeks; the mother's earlier care proceedings ended about eight months ago
      { childId: DEMO_PRE_BIRTH_IDS.lateConfirmed, pregnancyConfirmedOn: daysFrom(now, -14), previousProceedingsEndedOn: daysFrom(now, -240), ...by },
    ])
    .execute();
  const recorded = { outcome: 'done' as const, reason: null, recordedByUserId: DEMO_USER_IDS.socialWorker, recordedAt: now };
  await trx
    .insertInto('preBirthMilestone')
    .values([
      { childId: DEMO_PRE_BIRTH_IDS.unborn18Weeks, milestone: 'referral', happenedOn: daysFrom(now, -6 * 7), ...recorded },
      { childId: DEMO_PRE_BIRTH_IDS.unborn18Weeks, milestone: 'visit', happenedOn: daysFrom(now, -5 * 7 + 1), ...recorded },
      { childId: DEMO_PRE_BIRTH_IDS.lateConfirmed, milestone: 'referral', happenedOn: daysFrom(now, -13), ...recorded },
      { childId: DEMO_PRE_BIRTH_IDS.lateConfirmed, milestone: 'visit', happenedOn: daysFrom(now, -11), ...recorded },
    ])
    .execute();
  return 4;
}
