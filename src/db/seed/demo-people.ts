// Demo people records: other names and an address history for the allocated demo child, a likely
// duplicate pair (the same boy recorded twice, "Jonathan" and later "Jon", with day and month of
// birth transposed and no NHS number the second time) for the duplicate check and merge, and an
// unborn baby linked to the mother. All synthetic, with fixed ids the tests and the README can name.
import type { Transaction } from 'kysely';
import { nhsCheckDigit } from '../../domain/shared/identifiers/nhs-number.ts';
import type { Database } from '../schema.ts';
import { DEMO_USER_IDS } from './users.ts';

const pid = (n: number): string => `00000000-0000-4000-9000-${n.toString().padStart(12, '0')}`;

export const DEMO_PEOPLE_IDS = {
  /** Jonathan Quinlan, allocated to the demo social worker in Family Support Team North. */
  duplicateOriginal: pid(5),
  /** "Jon Quinlan", the same boy recorded again by the front door: the likely duplicate. */
  duplicateSecond: pid(6),
  /** An unborn baby, allocated to the demo social worker, linked to their mother. */
  unborn: pid(7),
  /** The unborn baby's mother. */
  unbornMother: pid(8),
  /** The Quinlan boys' mother. */
  duplicateMother: pid(9),
} as const;

const isoDate = (d: Date): string => d.toISOString().slice(0, 10);
const daysFrom = (now: Date, days: number): string => isoDate(new Date(now.getTime() + days * 86_400_000));

function nhsNumberFrom(nine: number): string {
  for (let n = nine; ; n += 1) {
    const first = `999${String(n % 1_000_000).padStart(6, '0')}`;
    const check = nhsCheckDigit(first);
    if (check !== null) return `${first}${String(check)}`;
  }
}

export async function seedDemoPeople(
  trx: Transaction<Database>,
  options: { readonly now: Date; readonly allocatedChildId: string; readonly fstNorthTeamId: string },
): Promise<number> {
  const { now } = options;
  const year = Number(isoDate(now).slice(0, 4)) - 8;
  const common = { createdAt: now, updatedAt: now };
  const quinlanHome = { addressLine1: '14 Kestrel Court', town: 'Bletchley', postcode: 'MK3 6EQ' };
  const iqbalHome = { addressLine1: '3 Saxon Gate Mews', town: 'Milton Keynes', postcode: 'MK9 2BN' };
  await trx
    .insertInto('person')
    .values([
      {
        id: DEMO_PEOPLE_IDS.duplicateMother,
        personType: 'adult',
        givenName: 'Hayley',
        familyName: 'Quinlan',
        gender: 'female',
        dateOfBirth: `${String(year - 27)}-09-21`,
        ...quinlanHome,
        ...common,
      },
      {
        id: DEMO_PEOPLE_IDS.duplicateOriginal,
        personType: 'child',
        givenName: 'Jonathan',
        familyName: 'Quinlan',
        gender: 'male',
        dateOfBirth: `${String(year)}-03-04`,
        nhsNumber: nhsNumberFrom(424_242),
        ethnicity: 'WBRI',
        firstLanguage: 'English',
        religion: 'no_religion',
        school: 'Bletchley Park Primary School',
        ...quinlanHome,
        ...common,
      },
      {
        id: DEMO_PEOPLE_IDS.duplicateSecond,
        personType: 'child',
        givenName: 'Jon',
        familyName: 'Quinlan',
        gender: 'male',
        dateOfBirth: `${String(year)}-04-03`,
        ...quinlanHome,
        ...common,
      },
      {
        id: DEMO_PEOPLE_IDS.unbornMother,
        personType: 'adult',
        givenName: 'Shazia',
        familyName: 'Iqbal',
        gender: 'female',
        dateOfBirth: `${String(year - 21)}-06-12`,
        firstLanguage: 'Urdu',
        interpreterNeeded: true,
        ...iqbalHome,
        ...common,
      },
      {
        id: DEMO_PEOPLE_IDS.unborn,
        personType: 'unborn',
        givenName: 'Baby',
        familyName: 'Iqbal',
        gender: 'not_known',
        expectedDateOfDelivery: daysFrom(now, 120),
        ...iqbalHome,
        ...common,
      },
    ])
    .execute();
  const pair = (a: string, b: string, ab: string, ba: string, pr: boolean, lives: boolean) => [
    { personId: a, relatedPersonId: b, relationship: ab, parentalResponsibility: pr, livesWith: lives },
    { personId: b, relatedPersonId: a, relationship: ba, parentalResponsibility: pr, livesWith: lives },
  ];
  await trx
    .insertInto('personRelationship')
    .values([
      ...pair(DEMO_PEOPLE_IDS.duplicateOriginal, DEMO_PEOPLE_IDS.duplicateMother, 'parent', 'child', true, true),
      ...pair(DEMO_PEOPLE_IDS.duplicateSecond, DEMO_PEOPLE_IDS.duplicateMother, 'parent', 'child', true, true),
      ...pair(DEMO_PEOPLE_IDS.unborn, DEMO_PEOPLE_IDS.unbornMother, 'parent', 'child', true, true),
    ])
    .execute();
  await trx
    .insertInto('allocation')
    .values([
      { childId: DEMO_PEOPLE_IDS.duplicateOriginal, teamId: options.fstNorthTeamId, workerUserId: DEMO_USER_IDS.socialWorker, startedOn: daysFrom(now, -300) },
      { childId: DEMO_PEOPLE_IDS.duplicateSecond, teamId: options.fstNorthTeamId, workerUserId: null, startedOn: daysFrom(now, -20) },
      { childId: DEMO_PEOPLE_IDS.unborn, teamId: options.fstNorthTeamId, workerUserId: DEMO_USER_IDS.socialWorker, startedOn: daysFrom(now, -30) },
    ])
    .execute();

  // Other names and an address history for the allocated demo child.
  const child = await trx
    .selectFrom('person')
    .select(['givenName', 'familyName', 'addressLine1', 'town', 'postcode'])
    .where('id', '=', options.allocatedChildId)
    .executeTakeFirstOrThrow();
  await trx
    .insertInto('personName')
    .values([
      {
        personId: options.allocatedChildId,
        nameType: 'former',
        givenName: child.givenName,
        familyName: 'Ellwood',
        usedTo: daysFrom(now, -700),
        createdAt: now,
      },
      { personId: options.allocatedChildId, nameType: 'alias', givenName: child.givenName.slice(0, 3), familyName: child.familyName, createdAt: now },
    ])
    .execute();
  await trx
    .insertInto('personAddress')
    .values([
      {
        personId: options.allocatedChildId,
        addressLine1: '27 Heron Drive',
        town: 'Wolverton',
        postcode: 'MK12 5NL',
        movedIn: daysFrom(now, -2000),
        movedOut: daysFrom(now, -700),
        isCurrent: false,
        createdAt: now,
      },
      {
        personId: options.allocatedChildId,
        addressLine1: child.addressLine1 ?? '1 Larkspur Close',
        town: child.town,
        postcode: child.postcode ?? 'MK10 1AB',
        movedIn: daysFrom(now, -700),
        isCurrent: true,
        createdAt: now,
      },
      {
        personId: DEMO_PEOPLE_IDS.duplicateOriginal,
        addressLine1: '6 Bramble Lane',
        town: 'Newport Pagnell',
        postcode: 'MK16 8QT',
        movedIn: daysFrom(now, -2500),
        movedOut: daysFrom(now, -400),
        isCurrent: false,
        createdAt: now,
      },
      { personId: DEMO_PEOPLE_IDS.duplicateOriginal, ...quinlanHome, movedIn: daysFrom(now, -400), isCurrent: true, createdAt: now },
    ])
    .execute();
  return 5;
}
