// What a person's record page shows beyond the identity bar: every detail, other names, addresses
// over time, the records merged into it, the people related to them, and what the actor may do
// next (for the page's links; every action checks again when it is used).
import type { Transaction } from 'kysely';
import {
  findPersonDetails,
  listMergedInto,
  listPersonAddresses,
  listPersonNames,
  type MergedRecordRow,
  type PersonAddressRow,
  type PersonDetails,
  type PersonNameRow,
} from '../../db/people/person-repository.ts';
import { listRelatedPeople, type RelatedPersonRow } from '../../db/people/relationship-repository.ts';
import type { Database } from '../../db/schema.ts';
import { can } from '../../domain/shared/access/permissions.ts';
import { decidePersonAccess } from '../../domain/people/person-access.ts';
import { relationshipLabel } from '../../domain/people/relationships.ts';
import { NotFoundError } from '../shared/errors.ts';
import type { GuardedPerson } from './person-access.ts';

export interface RelatedPersonView {
  readonly relatedPersonId: string;
  /** False for a restricted record the actor may not open: no name or dates are given. */
  readonly named: boolean;
  readonly name: string;
  readonly personType: 'child' | 'unborn' | 'adult';
  readonly gender: string;
  readonly dateOfBirth: string | null;
  readonly expectedDateOfDelivery: string | null;
  readonly relationship: string;
  readonly relationshipLabel: string;
  readonly parentalResponsibility: boolean;
  readonly livesWith: boolean;
}

export interface PersonAbilities {
  readonly change: boolean;
  readonly restrict: boolean;
  readonly merge: boolean;
  readonly viewAudit: boolean;
  readonly createPerson: boolean;
}

export interface PersonRecordView {
  readonly person: PersonDetails;
  readonly names: readonly PersonNameRow[];
  readonly addresses: readonly PersonAddressRow[];
  readonly mergedFrom: readonly MergedRecordRow[];
  readonly relationships: readonly RelatedPersonView[];
  readonly can: PersonAbilities;
  readonly accessBasis: string;
}

export class MergedRecordError extends Error {
  constructor(readonly survivorId: string) {
    super('This record was merged into another');
    this.name = 'MergedRecordError';
  }
}

export function abilitiesOf(guarded: GuardedPerson): PersonAbilities {
  const { actor } = guarded;
  const change = can(actor, 'people:change-child') && decidePersonAccess(actor, 'change', guarded.personType, guarded.facts).allowed;
  const sealed = guarded.facts.restriction === 'sealed';
  return {
    change,
    restrict: change && !sealed && can(actor, 'people:restrict'),
    merge: change && !sealed && can(actor, 'people:merge'),
    viewAudit: guarded.isChild && can(actor, 'audit:view'),
    createPerson: can(actor, 'people:create-person'),
  };
}

export function relatedPeopleView(rows: readonly RelatedPersonRow[]): RelatedPersonView[] {
  return rows.map((r) => ({
    relatedPersonId: r.relatedPersonId,
    named: r.visible,
    name: r.visible ? `${r.givenName} ${r.familyName}` : 'Restricted record',
    personType: r.personType,
    gender: r.gender,
    dateOfBirth: r.visible ? r.dateOfBirth : null,
    expectedDateOfDelivery: r.visible ? r.expectedDateOfDelivery : null,
    relationship: r.relationship,
    relationshipLabel: relationshipLabel(r.relationship),
    parentalResponsibility: r.parentalResponsibility,
    livesWith: r.livesWith,
  }));
}

export async function loadPersonRecordView(
  trx: Transaction<Database>,
  guarded: GuardedPerson,
  personId: string,
  now: Date,
  /** The person row, when the caller has already read it in this transaction. */
  details?: PersonDetails,
  /** Related people, names, addresses and merged records, when the caller has read them in this transaction (loadChildPageContent). */
  content?: {
    readonly related: readonly RelatedPersonRow[];
    readonly names: readonly PersonNameRow[];
    readonly addresses: readonly PersonAddressRow[];
    readonly mergedFrom: readonly MergedRecordRow[];
  },
): Promise<PersonRecordView> {
  const person = details ?? (await findPersonDetails(trx, personId));
  if (person === undefined) throw new NotFoundError('Person');
  const names = content?.names ?? (await listPersonNames(trx, personId));
  const addresses = content?.addresses ?? (await listPersonAddresses(trx, personId));
  const mergedFrom = content?.mergedFrom ?? (await listMergedInto(trx, personId));
  const related = content?.related ?? (await listRelatedPeople(trx, guarded.actor, now, [personId]));
  return { person, names, addresses, mergedFrom, relationships: relatedPeopleView(related), can: abilitiesOf(guarded), accessBasis: guarded.basis };
}
