// The facts the identity bar's legal status and flags are computed from
// (src/domain/people/child-status.ts). The child protection journey's plans are read with the rest of
// the identity bar (src/db/people/child-record-repository.ts headerColumns); the children-in-care
// journey adds its legal-status episodes the same way. Until it lands that list is empty, and the bar
// says what follows from that ("Not looked after").
import type { ChildStatusFacts, ProtectionPlanFact } from '../../domain/people/child-status.ts';

/** The facts, from the person row and the child's child protection plans (read with the header). */
export function childStatusFacts(
  person: { readonly personType: 'child' | 'unborn' | 'adult'; readonly restriction: 'none' | 'restricted' | 'sealed'; readonly mergedIntoPersonId: string | null },
  protectionPlans: readonly ProtectionPlanFact[],
): ChildStatusFacts {
  return {
    personType: person.personType,
    restriction: person.restriction,
    legalStatuses: [],
    protectionPlans,
    mergedIntoPersonId: person.mergedIntoPersonId,
  };
}
