// Relationships, kept both ways: each pair is two rows, "B is A's <relationship>" and "A is B's
// <inverse>", with the same parental responsibility and household flags.
import { expressionBuilder, sql, type Expression, type SqlBool, type Transaction } from 'kysely';
import type { Actor } from '../../domain/shared/access/actor.ts';
import type { Database } from '../schema.ts';
import { visiblePeople } from './person-visibility.ts';

type Trx = Transaction<Database>;

export interface RelationshipPair {
  readonly personId: string;
  readonly relatedPersonId: string;
  readonly relationship: string;
  readonly inverse: string;
  readonly parentalResponsibility: boolean;
  readonly livesWith: boolean;
}

export async function relationshipExists(trx: Trx, personId: string, relatedPersonId: string, relationship: string): Promise<boolean> {
  const row = await trx
    .selectFrom('personRelationship')
    .select('personId')
    .where('personId', '=', personId)
    .where('relatedPersonId', '=', relatedPersonId)
    .where('relationship', '=', relationship)
    .executeTakeFirst();
  return row !== undefined;
}

export async function insertRelationshipPair(trx: Trx, pair: RelationshipPair): Promise<void> {
  await trx
    .insertInto('personRelationship')
    .values([
      { personId: pair.personId, relatedPersonId: pair.relatedPersonId, relationship: pair.relationship, parentalResponsibility: pair.parentalResponsibility, livesWith: pair.livesWith },
      { personId: pair.relatedPersonId, relatedPersonId: pair.personId, relationship: pair.inverse, parentalResponsibility: pair.parentalResponsibility, livesWith: pair.livesWith },
    ])
    .onConflict((oc) => oc.columns(['personId', 'relatedPersonId', 'relationship']).doNothing())
    .execute();
}

/** Removes the pair; returns how many rows went (0 when there was nothing to remove). */
export async function deleteRelationshipPair(trx: Trx, personId: string, relatedPersonId: string, relationship: string, inverse: string): Promise<number> {
  const result = await trx
    .deleteFrom('personRelationship')
    .where((eb) =>
      eb.or([
        eb.and([eb('personId', '=', personId), eb('relatedPersonId', '=', relatedPersonId), eb('relationship', '=', relationship)]),
        eb.and([eb('personId', '=', relatedPersonId), eb('relatedPersonId', '=', personId), eb('relationship', '=', inverse)]),
      ]),
    )
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

export interface RelatedPersonRow {
  readonly personId: string;
  readonly relatedPersonId: string;
  readonly relationship: string;
  readonly parentalResponsibility: boolean;
  readonly livesWith: boolean;
  readonly givenName: string;
  readonly familyName: string;
  readonly personType: 'child' | 'unborn' | 'adult';
  readonly gender: string;
  readonly dateOfBirth: string | null;
  readonly expectedDateOfDelivery: string | null;
  readonly restriction: 'none' | 'restricted' | 'sealed';
  readonly visible: boolean;
}

/**
 * The people related to any of `personIds`, with whether the actor may see each one. As on a
 * child's summary, a relative whose record is ordinary is named; a restricted relative the actor
 * may not open is shown without details; a sealed one the actor may not open is left out.
 */
export async function listRelatedPeople(trx: Trx, actor: Actor, now: Date, personIds: readonly string[]): Promise<RelatedPersonRow[]> {
  if (personIds.length === 0) return [];
  const visible = visiblePeople(actor, now);
  const rows = await trx
    .selectFrom('personRelationship as r')
    .innerJoin('person', 'person.id', 'r.relatedPersonId')
    .select((eb) => [
      'r.personId',
      'r.relatedPersonId',
      'r.relationship',
      'r.parentalResponsibility',
      'r.livesWith',
      'person.givenName',
      'person.familyName',
      'person.personType',
      'person.gender',
      'person.dateOfBirth',
      'person.expectedDateOfDelivery',
      'person.restriction',
      sql<boolean>`(${visible(eb)})`.as('visible'),
    ])
    .where('r.personId', 'in', [...personIds])
    .where('person.mergedIntoPersonId', 'is', null)
    .orderBy('r.relationship')
    .orderBy('person.dateOfBirth')
    .orderBy('person.familyName')
    .execute();
  return relatedPeopleSeenBy(rows);
}

/** What the actor is told of related people: an ordinary record is named; a sealed one it may not see is left out. */
export function relatedPeopleSeenBy(rows: readonly RelatedPersonRow[]): RelatedPersonRow[] {
  return rows.map((r) => ({ ...r, visible: r.visible || r.restriction === 'none' })).filter((r) => r.restriction !== 'sealed' || r.visible);
}

/** listRelatedPeople's `visible`, as SQL over a related row joined as `person` (for a page's combined statement). */
export function relatedVisibility(actor: Actor, now: Date): Expression<SqlBool> {
  return visiblePeople(actor, now)(expressionBuilder<Database, 'person'>());
}
