import { sql, type Transaction } from 'kysely';
import { childFlags, legalStatusText, type ChildFlag, type ProtectionPlanFact } from '../../domain/people/child-status.ts';
import type { Actor } from '../../domain/shared/access/actor.ts';
import type { Database } from '../schema.ts';
import { childStatusFacts } from './child-header-repository.ts';
import type { MergedRecordRow, PersonAddressRow, PersonNameRow } from './person-repository.ts';
import { relatedPeopleSeenBy, relatedVisibility, type RelatedPersonRow } from './relationship-repository.ts';
import { prepared } from '../prepared-statements.ts';

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
  const result = await sql<ChildHeaderContent>`select ${headerColumns(childId)}`.execute(trx);
  const header = result.rows[0];
  if (header === undefined) throw new Error('loadChildRecordSummary: no row');
  return childRecordSummaryOf(person, header);
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

/** What the identity bar shows of a child beyond the person row, read in one statement. */
export interface ChildHeaderContent {
  readonly allocation: SummaryAllocation;
  readonly family: readonly FamilyRow[];
  /** The child's child protection plans (the identity bar's flag while one has not ended). */
  readonly protectionPlans: readonly ProtectionPlanFact[];
}

/** What the case page shows of a child beyond the person row, read in one statement. */
export interface ChildPageContent extends ChildHeaderContent {
  /** The people related to the child, with whether the actor may see each (listRelatedPeople). */
  readonly related: readonly RelatedPersonRow[];
  readonly names: readonly PersonNameRow[];
  readonly addresses: readonly PersonAddressRow[];
  readonly mergedFrom: readonly MergedRecordRow[];
}

/**
 * The identity bar's allocation, family and child protection plans, as columns of one select (each a
 * JSON value, in the order and with the filters the bar has always used).
 */
function headerColumns(childId: string) {
  return sql`(select json_build_object('teamName', t.name, 'workerName', u.display_name, 'startedOn', a.started_on)
       from allocation a join team t on t.id = a.team_id left join app_user u on u.id = a.worker_user_id
      where a.child_id = ${childId} and a.ended_on is null limit 1) as allocation,
    coalesce((select json_agg(json_build_object('id', p.id, 'givenName', p.given_name, 'familyName', p.family_name, 'relationship', r.relationship,
                'parentalResponsibility', r.parental_responsibility, 'livesWith', r.lives_with) order by r.relationship, p.family_name)
       from person_relationship r join person p on p.id = r.related_person_id
      where r.person_id = ${childId} and p.restriction = 'none' and p.merged_into_person_id is null), '[]'::json) as family,
    coalesce((select json_agg(json_build_object('startedOn', c.started_on, 'endedOn', c.ended_on, 'category', c.latest_category) order by c.started_on)
       from cp_plan c where c.child_id = ${childId}), '[]'::json) as protection_plans`;
}

/**
 * The identity bar's allocation, family and plans, and the record's related people (with what the
 * actor may see of each), other names, addresses and merged records, in one statement (each a JSON
 * value, in the order and with the filters of listRelatedPeople, listPersonNames,
 * listPersonAddresses and listMergedInto). Read only after the access decision, in the page's
 * transaction.
 */
export async function loadChildPageContent(trx: Transaction<Database>, childId: string, actor: Actor, now: Date): Promise<ChildPageContent> {
  const query = sql<
    ChildHeaderContent & {
      related: RelatedPersonRow[];
      names: PersonNameRow[];
      addresses: PersonAddressRow[];
      mergedFrom: (Omit<MergedRecordRow, 'mergedAt'> & { mergedAt: string | null })[];
    }
  >`select ${headerColumns(childId)},
    coalesce((select json_agg(json_build_object('personId', r.person_id, 'relatedPersonId', r.related_person_id, 'relationship', r.relationship,
                'parentalResponsibility', r.parental_responsibility, 'livesWith', r.lives_with, 'givenName', person.given_name,
                'familyName', person.family_name, 'personType', person.person_type, 'gender', person.gender, 'dateOfBirth', person.date_of_birth,
                'expectedDateOfDelivery', person.expected_date_of_delivery, 'restriction', person.restriction, 'visible', ${relatedVisibility(actor, now)})
                order by r.relationship, person.date_of_birth, person.family_name)
       from person_relationship r join person on person.id = r.related_person_id
      where r.person_id = ${childId} and person.merged_into_person_id is null), '[]'::json) as related,
    coalesce((select json_agg(json_build_object('id', n.id, 'nameType', n.name_type, 'givenName', n.given_name, 'familyName', n.family_name,
                'usedFrom', n.used_from, 'usedTo', n.used_to) order by n.used_from desc nulls last, n.created_at desc)
       from person_name n where n.person_id = ${childId}), '[]'::json) as names,
    coalesce((select json_agg(json_build_object('id', d.id, 'addressLine1', d.address_line1, 'addressLine2', d.address_line2, 'town', d.town,
                'postcode', d.postcode, 'movedIn', d.moved_in, 'movedOut', d.moved_out, 'isCurrent', d.is_current)
                order by d.is_current desc, d.moved_in desc nulls last, d.created_at desc)
       from person_address d where d.person_id = ${childId}), '[]'::json) as addresses,
    coalesce((select json_agg(json_build_object('id', m.id, 'givenName', m.given_name, 'familyName', m.family_name, 'mergedAt', m.merged_at,
                'mergedByName', mu.display_name) order by m.merged_at desc)
       from person m left join app_user mu on mu.id = m.merged_by_user_id where m.merged_into_person_id = ${childId}), '[]'::json) as merged_from`;
  // The case page's content, on every view: a named prepared statement (src/db/prepared-statements.ts).
  const row = (await trx.executeQuery(prepared(query.compile(trx)))).rows[0];
  if (row === undefined) throw new Error('loadChildPageContent: no row');
  return {
    allocation: row.allocation,
    family: row.family,
    protectionPlans: row.protectionPlans,
    related: relatedPeopleSeenBy(row.related),
    names: row.names,
    addresses: row.addresses,
    mergedFrom: row.mergedFrom.map((m) => ({ ...m, mergedAt: m.mergedAt === null ? null : new Date(m.mergedAt) })),
  };
}

/** The summary of a child whose person row and header content have been read (the identity bar). */
export function childRecordSummaryOf(row: SummaryPerson, header: ChildHeaderContent): ChildRecordSummary {
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
  const status = childStatusFacts(person, header.protectionPlans);
  return {
    ...person,
    legalStatus: legalStatusText(status),
    flags: childFlags(status),
    allocation: header.allocation,
    family: header.family.map((f) => ({
      id: f.id,
      name: `${f.givenName} ${f.familyName}`,
      relationship: f.relationship,
      parentalResponsibility: f.parentalResponsibility,
      livesWith: f.livesWith,
    })),
  };
}
