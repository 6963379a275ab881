import type { Transaction } from 'kysely';
import { childFlags, legalStatusText, type ChildFlag } from '../../domain/people/child-status.ts';
import type { Database } from '../schema.ts';
import { loadChildStatusFacts } from './child-header-repository.ts';

export interface ChildRecordSummary {
  readonly id: string;
  readonly personType: 'child' | 'unborn' | 'adult';
  readonly givenName: string;
  readonly familyName: string;
  readonly dateOfBirth: string | null;
  readonly expectedDateOfDelivery: string | null;
  readonly gender: string;
  readonly nhsNumber: string | null;
  readonly addressLine1: string | null;
  readonly town: string | null;
  readonly postcode: string | null;
  readonly restriction: 'none' | 'restricted' | 'sealed';
  readonly version: number;
  /** For the identity bar: computed from facts (src/domain/people/child-status.ts), never typed in. */
  readonly legalStatus: string;
  readonly flags: readonly ChildFlag[];
  readonly mergedIntoPersonId: string | null;
  readonly allocation: { readonly teamName: string; readonly workerName: string | null; readonly startedOn: string } | null;
  readonly family: readonly { readonly id: string; readonly name: string; readonly relationship: string; readonly parentalResponsibility: boolean; readonly livesWith: boolean }[];
}

export async function loadChildRecordSummary(trx: Transaction<Database>, childId: string): Promise<ChildRecordSummary | undefined> {
  const person = await trx
    .selectFrom('person')
    .select([
      'id', 'personType', 'givenName', 'familyName', 'dateOfBirth', 'expectedDateOfDelivery', 'gender', 'nhsNumber',
      'addressLine1', 'town', 'postcode', 'restriction', 'version', 'mergedIntoPersonId',
    ])
    .where('id', '=', childId)
    .executeTakeFirst();
  if (person === undefined) return undefined;
  return childRecordSummaryOf(trx, person);
}

type SummaryPerson = Pick<
  ChildRecordSummary,
  | 'id'
  | 'personType'
  | 'givenName'
  | 'familyName'
  | 'dateOfBirth'
  | 'expectedDateOfDelivery'
  | 'gender'
  | 'nhsNumber'
  | 'addressLine1'
  | 'town'
  | 'postcode'
  | 'restriction'
  | 'version'
  | 'mergedIntoPersonId'
>;

/** The summary of a child whose person row this transaction has already read (the case page reads it once). */
export async function childRecordSummaryOf(trx: Transaction<Database>, row: SummaryPerson): Promise<ChildRecordSummary> {
  const person: SummaryPerson = {
    id: row.id,
    personType: row.personType,
    givenName: row.givenName,
    familyName: row.familyName,
    dateOfBirth: row.dateOfBirth,
    expectedDateOfDelivery: row.expectedDateOfDelivery,
    gender: row.gender,
    nhsNumber: row.nhsNumber,
    addressLine1: row.addressLine1,
    town: row.town,
    postcode: row.postcode,
    restriction: row.restriction,
    version: row.version,
    mergedIntoPersonId: row.mergedIntoPersonId,
  };
  const childId = person.id;
  const [allocation, family] = await Promise.all([
    trx
      .selectFrom('allocation')
      .innerJoin('team', 'team.id', 'allocation.teamId')
      .leftJoin('appUser', 'appUser.id', 'allocation.workerUserId')
      .select(['team.name as teamName', 'appUser.displayName as workerName', 'allocation.startedOn'])
      .where('allocation.childId', '=', childId)
      .where('allocation.endedOn', 'is', null)
      .executeTakeFirst(),
    trx
      .selectFrom('personRelationship as r')
      .innerJoin('person as p', 'p.id', 'r.relatedPersonId')
      .select(['p.id', 'p.givenName', 'p.familyName', 'r.relationship', 'r.parentalResponsibility', 'r.livesWith'])
      .where('r.personId', '=', childId)
      .where('p.restriction', '=', 'none')
      .where('p.mergedIntoPersonId', 'is', null)
      .orderBy('r.relationship')
      .orderBy('p.familyName')
      .execute(),
  ]);
  const status = await loadChildStatusFacts(trx, person);
  return {
    ...person,
    legalStatus: legalStatusText(status),
    flags: childFlags(status),
    allocation: allocation ?? null,
    family: family.map((f) => ({
      id: f.id,
      name: `${f.givenName} ${f.familyName}`,
      relationship: f.relationship,
      parentalResponsibility: f.parentalResponsibility,
      livesWith: f.livesWith,
    })),
  };
}
