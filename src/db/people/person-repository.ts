// A person's record: the person row, their other names and their addresses. Plain functions taking
// the transaction first (CONVENTIONS.md 14); access is checked by the use cases before these run.
import { sql, type Transaction } from 'kysely';
import type { ChildRecordFacts } from '../../domain/shared/access/child-record-policy.ts';
import type { Database } from '../schema.ts';
import { prepared } from '../prepared-statements.ts';

type Trx = Transaction<Database>;

export interface PersonAccessFacts {
  readonly personType: 'child' | 'unborn' | 'adult';
  readonly mergedIntoPersonId: string | null;
  readonly version: number;
  readonly facts: ChildRecordFacts;
}

/** The facts the access policy needs for any person's record (children, unborn and adults). */
export async function loadPersonAccessFacts(trx: Trx, personId: string, now: Date): Promise<PersonAccessFacts | null> {
  const person = await trx
    .selectFrom('person')
    .leftJoin('appUser as contact', 'contact.id', 'person.restrictionContactUserId')
    .select(['person.id', 'person.personType', 'person.restriction', 'person.restrictionContactUserId', 'person.mergedIntoPersonId', 'person.version', 'contact.displayName as contactName'])
    .where('person.id', '=', personId)
    .executeTakeFirst();
  if (person === undefined) return null;
  return personAccessFactsOf(trx, { ...person, restrictionContactName: person.contactName }, now);
}

/**
 * The access facts of a person row already read in this transaction (the allocation and the live
 * grants are read here), so a page that shows the person reads the person row once.
 */
export async function personAccessFactsOf(
  trx: Trx,
  person: AccessFactsPerson,
  now: Date,
): Promise<PersonAccessFacts> {
  const [allocation, grants] = await Promise.all([
    trx.selectFrom('allocation').select(['workerUserId', 'teamId']).where('childId', '=', person.id).where('endedOn', 'is', null).executeTakeFirst(),
    trx
      .selectFrom('accessGrant')
      .select('userId')
      .where('personId', '=', person.id)
      .where('revokedAt', 'is', null)
      .where((eb) => eb.or([eb('expiresAt', 'is', null), eb('expiresAt', '>', now)]))
      .execute(),
  ]);
  return accessFactsFrom(person, allocation ?? null, grants.map((g) => g.userId));
}

type AccessFactsPerson = Pick<PersonDetails, 'id' | 'personType' | 'restriction' | 'restrictionContactUserId' | 'restrictionContactName' | 'mergedIntoPersonId' | 'version'>;

function accessFactsFrom(
  person: AccessFactsPerson,
  allocation: { readonly workerUserId: string | null; readonly teamId: string } | null,
  grantedUserIds: readonly string[],
): PersonAccessFacts {
  return {
    personType: person.personType,
    mergedIntoPersonId: person.mergedIntoPersonId,
    version: person.version,
    facts: {
      childId: person.id,
      restriction: person.restriction,
      allocatedWorkerId: allocation?.workerUserId ?? null,
      allocatedTeamId: allocation?.teamId ?? null,
      restrictionContact:
        person.restrictionContactUserId === null ? null : { userId: person.restrictionContactUserId, displayName: person.restrictionContactName ?? 'the named manager' },
      grantedUserIds: [...grantedUserIds],
    },
  };
}

/**
 * The person row with the access facts read fresh in the same statement (the open allocation and
 * the live grants, as personAccessFactsOf reads them): one round trip where a page would take three.
 */
export async function findPersonWithAccessFacts(trx: Trx, personId: string, now: Date): Promise<{ person: PersonDetails; access: PersonAccessFacts } | undefined> {
  const query = personDetailsQuery(trx, personId)
    .select((eb) => [
      eb.selectFrom('allocation').select('allocation.workerUserId').whereRef('allocation.childId', '=', 'person.id').where('allocation.endedOn', 'is', null).limit(1).as('allocatedWorkerId'),
      eb.selectFrom('allocation').select('allocation.teamId').whereRef('allocation.childId', '=', 'person.id').where('allocation.endedOn', 'is', null).limit(1).as('allocatedTeamId'),
      sql<string[]>`coalesce((select json_agg(g.user_id) from access_grant g
        where g.person_id = person.id and g.revoked_at is null and (g.expires_at is null or g.expires_at > ${now})), '[]'::json)`.as('grantedUserIds'),
    ]);
  // Every page of a child's record opens with this read: a named prepared statement.
  const row = (await trx.executeQuery(prepared(query.compile()))).rows[0];
  if (row === undefined) return undefined;
  const { allocatedWorkerId, allocatedTeamId, grantedUserIds, ...person } = row;
  const allocation = allocatedTeamId === null ? null : { workerUserId: allocatedWorkerId, teamId: allocatedTeamId };
  return { person, access: accessFactsFrom(person, allocation, grantedUserIds) };
}

export interface PersonDetails {
  readonly id: string;
  readonly personType: 'child' | 'unborn' | 'adult';
  readonly givenName: string;
  readonly familyName: string;
  readonly dateOfBirth: string | null;
  readonly dateOfBirthEstimated: boolean;
  readonly expectedDateOfDelivery: string | null;
  readonly gender: string;
  readonly ethnicity: string | null;
  readonly firstLanguage: string | null;
  readonly interpreterNeeded: boolean;
  readonly religion: string | null;
  readonly disabilities: readonly string[];
  readonly immigrationStatus: string | null;
  readonly nhsNumber: string | null;
  readonly upn: string | null;
  /** Why the UPN is not known (UN1-UN7), only while there is none (migration 0023). */
  readonly upnUnknownReason: string | null;
  readonly phone: string | null;
  readonly email: string | null;
  readonly gpPractice: string | null;
  readonly school: string | null;
  readonly addressLine1: string | null;
  readonly addressLine2: string | null;
  readonly town: string | null;
  readonly postcode: string | null;
  readonly restriction: 'none' | 'restricted' | 'sealed';
  readonly restrictionContactUserId: string | null;
  readonly restrictionContactName: string | null;
  readonly restrictionReason: string | null;
  readonly restrictedAt: Date | null;
  readonly mergedIntoPersonId: string | null;
  readonly version: number;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

function personDetailsQuery(trx: Trx, personId: string) {
  return trx
    .selectFrom('person')
    .leftJoin('appUser as contact', 'contact.id', 'person.restrictionContactUserId')
    .select([
      'person.id', 'person.personType', 'person.givenName', 'person.familyName', 'person.dateOfBirth', 'person.dateOfBirthEstimated',
      'person.expectedDateOfDelivery', 'person.gender', 'person.ethnicity', 'person.firstLanguage', 'person.interpreterNeeded', 'person.religion',
      'person.disabilities', 'person.immigrationStatus', 'person.nhsNumber', 'person.upn', 'person.upnUnknownReason', 'person.phone', 'person.email', 'person.gpPractice',
      'person.school', 'person.addressLine1', 'person.addressLine2', 'person.town', 'person.postcode', 'person.restriction',
      'person.restrictionContactUserId', 'contact.displayName as restrictionContactName', 'person.restrictionReason', 'person.restrictedAt',
      'person.mergedIntoPersonId', 'person.version', 'person.createdAt', 'person.updatedAt',
    ])
    .where('person.id', '=', personId);
}

export async function findPersonDetails(trx: Trx, personId: string): Promise<PersonDetails | undefined> {
  const row = await personDetailsQuery(trx, personId).executeTakeFirst();
  return row;
}

export interface PersonNameRow {
  readonly id: string;
  readonly nameType: 'alias' | 'former' | 'birth' | 'preferred' | 'merged';
  readonly givenName: string;
  readonly familyName: string;
  readonly usedFrom: string | null;
  readonly usedTo: string | null;
}

export async function listPersonNames(trx: Trx, personId: string): Promise<PersonNameRow[]> {
  return trx
    .selectFrom('personName')
    .select(['id', 'nameType', 'givenName', 'familyName', 'usedFrom', 'usedTo'])
    .where('personId', '=', personId)
    .orderBy('usedFrom', (ob) => ob.desc().nullsLast())
    .orderBy('createdAt', 'desc')
    .execute();
}

export interface PersonAddressRow {
  readonly id: string;
  readonly addressLine1: string;
  readonly addressLine2: string | null;
  readonly town: string | null;
  readonly postcode: string;
  readonly movedIn: string | null;
  readonly movedOut: string | null;
  readonly isCurrent: boolean;
}

export async function listPersonAddresses(trx: Trx, personId: string): Promise<PersonAddressRow[]> {
  return trx
    .selectFrom('personAddress')
    .select(['id', 'addressLine1', 'addressLine2', 'town', 'postcode', 'movedIn', 'movedOut', 'isCurrent'])
    .where('personId', '=', personId)
    .orderBy('isCurrent', 'desc')
    .orderBy('movedIn', (ob) => ob.desc().nullsLast())
    .orderBy('createdAt', 'desc')
    .execute();
}

export interface MergedRecordRow {
  readonly id: string;
  readonly givenName: string;
  readonly familyName: string;
  readonly mergedAt: Date | null;
  readonly mergedByName: string | null;
}

/** The records merged into this one, newest first. */
export async function listMergedInto(trx: Trx, personId: string): Promise<MergedRecordRow[]> {
  return trx
    .selectFrom('person')
    .leftJoin('appUser', 'appUser.id', 'person.mergedByUserId')
    .select(['person.id', 'person.givenName', 'person.familyName', 'person.mergedAt', 'appUser.displayName as mergedByName'])
    .where('person.mergedIntoPersonId', '=', personId)
    .orderBy('person.mergedAt', 'desc')
    .execute();
}

export interface NewPersonRow {
  readonly personType: 'child' | 'unborn' | 'adult';
  readonly givenName: string;
  readonly familyName: string;
  readonly dateOfBirth: string | null;
  readonly dateOfBirthEstimated: boolean;
  readonly expectedDateOfDelivery: string | null;
  readonly gender: string;
  readonly ethnicity: string | null;
  readonly firstLanguage: string | null;
  readonly interpreterNeeded: boolean;
  readonly religion: string | null;
  readonly disabilities: readonly string[];
  readonly immigrationStatus: string | null;
  readonly nhsNumber: string | null;
  readonly upn: string | null;
  /** Why the UPN is not known (UN1-UN7), only while there is none (migration 0023). */
  readonly upnUnknownReason?: string | null;
  readonly phone: string | null;
  readonly email: string | null;
  readonly gpPractice: string | null;
  readonly school: string | null;
}

export async function insertPerson(trx: Trx, row: NewPersonRow, now: Date): Promise<string> {
  const inserted = await trx
    .insertInto('person')
    .values({ ...row, disabilities: [...row.disabilities], createdAt: now, updatedAt: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  return inserted.id;
}

/** Updates the details when the version still matches; false when someone else saved first. */
export async function updatePersonDetails(trx: Trx, personId: string, expectedVersion: number, row: NewPersonRow, now: Date): Promise<boolean> {
  const result = await trx
    .updateTable('person')
    .set((eb) => ({ ...row, disabilities: [...row.disabilities], version: eb('version', '+', 1), updatedAt: now }))
    .where('id', '=', personId)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Bumps the version of a person whose record changed in another table (address, restriction). */
export async function touchPerson(trx: Trx, personId: string, now: Date, expectedVersion?: number): Promise<boolean> {
  let query = trx
    .updateTable('person')
    .set((eb) => ({ version: eb('version', '+', 1), updatedAt: now }))
    .where('id', '=', personId);
  if (expectedVersion !== undefined) query = query.where('version', '=', expectedVersion);
  const result = await query.executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export async function insertPersonName(
  trx: Trx,
  personId: string,
  name: { nameType: PersonNameRow['nameType']; givenName: string; familyName: string; usedFrom: string | null; usedTo: string | null },
  now: Date,
): Promise<string> {
  const row = await trx.insertInto('personName').values({ personId, ...name, createdAt: now }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function deletePersonName(trx: Trx, personId: string, nameId: string): Promise<PersonNameRow | undefined> {
  return trx
    .deleteFrom('personName')
    .where('id', '=', nameId)
    .where('personId', '=', personId)
    .returning(['id', 'nameType', 'givenName', 'familyName', 'usedFrom', 'usedTo'])
    .executeTakeFirst();
}

export interface AddressValues {
  readonly addressLine1: string;
  readonly addressLine2: string | null;
  readonly town: string | null;
  readonly postcode: string;
  readonly movedIn: string | null;
  readonly movedOut: string | null;
}

/**
 * Records an address. A current address replaces the one before it: the previous current address
 * (or the one on the person row, if it was never recorded here) is closed on the day of the move,
 * and the person row's address becomes the new one.
 */
export async function addPersonAddress(trx: Trx, personId: string, address: AddressValues, current: boolean, now: Date, today: string): Promise<{ id: string; closedId: string | null }> {
  let closedId: string | null = null;
  if (current) {
    const previous = await trx.selectFrom('personAddress').select('id').where('personId', '=', personId).where('isCurrent', '=', true).executeTakeFirst();
    const movedOutOfPrevious = address.movedIn ?? today;
    if (previous !== undefined) {
      await trx
        .updateTable('personAddress')
        .set((eb) => ({ isCurrent: false, movedOut: eb.fn.coalesce('movedOut', eb.val(movedOutOfPrevious)) }))
        .where('id', '=', previous.id)
        .execute();
      closedId = previous.id;
    } else {
      const person = await trx.selectFrom('person').select(['addressLine1', 'addressLine2', 'town', 'postcode']).where('id', '=', personId).executeTakeFirst();
      if (person?.addressLine1 != null && person.postcode != null && person.postcode.length >= 5 && person.postcode.length <= 8) {
        const kept = await trx
          .insertInto('personAddress')
          .values({ personId, addressLine1: person.addressLine1, addressLine2: person.addressLine2, town: person.town, postcode: person.postcode, movedOut: movedOutOfPrevious, isCurrent: false, createdAt: now })
          .returning('id')
          .executeTakeFirstOrThrow();
        closedId = kept.id;
      }
    }
    await trx
      .updateTable('person')
      .set({ addressLine1: address.addressLine1, addressLine2: address.addressLine2, town: address.town, postcode: address.postcode })
      .where('id', '=', personId)
      .execute();
  }
  const row = await trx
    .insertInto('personAddress')
    .values({ personId, ...address, movedOut: current ? null : address.movedOut, isCurrent: current, createdAt: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id, closedId };
}
