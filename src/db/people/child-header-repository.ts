// The facts the identity bar's legal status and flags are computed from
// (src/domain/people/child-status.ts). Later journeys add theirs here: the children-in-care journey
// its legal-status episodes, the child protection journey its plans. Until those tables exist the
// lists are empty, and the bar says what follows from that ("Not looked after").
import type { Transaction } from 'kysely';
import type { ChildStatusFacts } from '../../domain/people/child-status.ts';
import type { Database } from '../schema.ts';

export async function loadChildStatusFacts(
  _trx: Transaction<Database>,
  person: { readonly personType: 'child' | 'unborn' | 'adult'; readonly restriction: 'none' | 'restricted' | 'sealed'; readonly mergedIntoPersonId: string | null },
): Promise<ChildStatusFacts> {
  return {
    personType: person.personType,
    restriction: person.restriction,
    legalStatuses: [],
    protectionPlans: [],
    mergedIntoPersonId: person.mergedIntoPersonId,
  };
}
