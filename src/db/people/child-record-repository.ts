import { sql, type Transaction } from 'kysely';
import { childFlags, legalStatusText, type ChildFlag } from '../../domain/people/child-status.ts';
import type { Database } from '../schema.ts';
import { loadChildStatusFacts } from './child-header-repository.ts';
import type { MergedRecordRow, PersonAddressRow, PersonNameRow } from './person-repository.ts';

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

type SummaryAllocation = ChildRecordSummary['allocation'];
interface FamilyRow {
  readonly id: string;
  readonly givenName: string;
  readonly familyName: string;
  readonly relationship: string;
  readonly parentalResponsibility: boolean;
  readonly livesWith: boolean;
}

/** What the case page shows of a child beyond the person row, read in one statement. */
export interface ChildPageContent {
  readonly allocation: SummaryAllocation;
  readonly family: readonly FamilyRow[];
  readonly names: readonly PersonNameRow[];
  readonly addresses: readonly PersonAddressRow[];
  readonly mergedFrom: readonly MergedRecordRow[];
}

/**
 * The identity bar's allocation and family, and the record's other names, addresses and merged
 * records, in one statement (each a JSON value, in the order and with the filters of
 * childRecordSummaryOf, listPersonNames, listPersonAddresses and listMergedInto). Read only after
 * the access decision, in the page's transaction.
 */
export async function loadChildPageContent(trx: Transaction<Database>, childId: string): Promise<ChildPageContent> {
  const result = await sql<{
    allocation: SummaryAllocation;
    family: FamilyRow[];
    names: PersonNameRow[];
    addresses: PersonAddressRow[];
    mergedFrom: (Omit<MergedRecordRow, 'mergedAt'> & { mergedAt: string | null })[];
  }>`select
    (select json_build_object('teamName', t.name, 'workerName', u.display_name, 'startedOn', a.started_on)
       from allocation a join team t on t.id = a.team_id left join app_user u on u.id = a.worker_user_id
      where a.child_id = ${childId} and a.ended_on is null limit 1) as allocation,
    coalesce((select json_agg(json_build_object('id', p.id, 'givenName', p.given_name, 'familyName', p.family_name, 'relationship', r.relationship,
                'parentalResponsibility', r.parental_responsibility, 'livesWith', r.lives_with) order by r.relationship, p.family_name)
       from person_relationship r join person p on p.id = r.related_person_id
      where r.person_id = ${childId} and p.restriction = 'none' and p.merged_into_person_id is null), '[]'::json) as family,
    coalesce((select json_agg(json_build_object('id', n.id, 'nameType', n.name_type, 'givenName', n.given_name, 'familyName', n.family_name,
                'usedFrom', n.used_from, 'usedTo', n.used_to) order by n.used_from desc nulls last, n.created_at desc)
       from person_name n where n.person_id = ${childId}), '[]'::json) as names,
    coalesce((select json_agg(json_build_object('id', d.id, 'addressLine1', d.address_line1, 'addressLine2', d.address_line2, 'town', d.town,
                'postcode', d.postcode, 'movedIn', d.moved_in, 'movedOut', d.moved_out, 'isCurrent', d.is_current)
                order by d.is_current desc, d.moved_in desc nulls last, d.created_at desc)
       from person_address d where d.person_id = ${childId}), '[]'::json) as addresses,
    coalesce((select json_agg(json_build_object('id', m.id, 'givenName', m.given_name, 'familyName', m.family_name, 'mergedAt', m.merged_at,
                'mergedByName', mu.display_name) order by m.merged_at desc)
       from person m left join app_user mu on mu.id = m.merged_by_user_id where m.merged_into_person_id = ${childId}), '[]'::json) as merged_from`.execute(trx);
  const row = result.rows[0];
  if (row === undefined) throw new Error('loadChildPageContent: no row');
  return {
    allocation: row.allocation,
    family: row.family,
    names: row.names,
    addresses: row.addresses,
    mergedFrom: row.mergedFrom.map((m) => ({ ...m, mergedAt: m.mergedAt === null ? null : new Date(m.mergedAt) })),
  };
}

/**
 * The summary of a child whose person row this transaction has already read (the case page reads it
 * once); `content`, when the page has read it with loadChildPageContent, saves reading it again.
 */
export async function childRecordSummaryOf(trx: Transaction<Database>, row: SummaryPerson, content?: Pick<ChildPageContent, 'allocation' | 'family'>): Promise<ChildRecordSummary> {
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
  const [allocation, family] = content !== undefined ? [content.allocation, content.family] : await Promise.all([
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
