// Relationships between people, as recorded on both people: "B is A's parent" is kept with its
// inverse "A is B's child", so either record lists the other. Parental responsibility (Children Act
// 1989 s3) and living in the same household are recorded on the pair and kept the same both ways.

/** What a worker records: "<related person> is <person>'s <relationship>". */
export const RECORDABLE_RELATIONSHIPS = [
  { code: 'parent', label: 'Parent' },
  { code: 'step_parent', label: 'Step-parent' },
  { code: 'sibling', label: 'Sibling' },
  { code: 'half_sibling', label: 'Half-sibling' },
  { code: 'grandparent', label: 'Grandparent' },
  { code: 'other_relative', label: 'Other relative' },
  { code: 'partner', label: 'Partner' },
  { code: 'carer', label: 'Carer' },
  { code: 'connected_person', label: 'Friend or connected person' },
  { code: 'professional', label: 'Professional' },
  { code: 'child', label: 'Child' },
  { code: 'step_child', label: 'Step-child' },
  { code: 'grandchild', label: 'Grandchild' },
  { code: 'cared_for', label: 'Person they care for' },
  { code: 'client', label: 'Person they work with (as a professional)' },
] as const;

export type RelationshipCode = (typeof RECORDABLE_RELATIONSHIPS)[number]['code'];
export const RELATIONSHIP_CODES = RECORDABLE_RELATIONSHIPS.map((r) => r.code) as [RelationshipCode, ...RelationshipCode[]];

const INVERSE: Readonly<Record<RelationshipCode, RelationshipCode>> = {
  parent: 'child',
  child: 'parent',
  step_parent: 'step_child',
  step_child: 'step_parent',
  grandparent: 'grandchild',
  grandchild: 'grandparent',
  carer: 'cared_for',
  cared_for: 'carer',
  professional: 'client',
  client: 'professional',
  sibling: 'sibling',
  half_sibling: 'half_sibling',
  other_relative: 'other_relative',
  partner: 'partner',
  connected_person: 'connected_person',
};

export function inverseRelationship(code: RelationshipCode): RelationshipCode {
  return INVERSE[code];
}

export function isRelationshipCode(value: string): value is RelationshipCode {
  return (RELATIONSHIP_CODES as readonly string[]).includes(value);
}

export function relationshipLabel(code: string): string {
  return RECORDABLE_RELATIONSHIPS.find((r) => r.code === code)?.label ?? code;
}

/**
 * Who can hold parental responsibility for the other person in the pair: parents, step-parents,
 * grandparents, other relatives, carers and connected people (through a court order or agreement);
 * never a sibling, a partner or a professional (as such).
 */
const CAN_HOLD_PR: ReadonlySet<RelationshipCode> = new Set(['parent', 'step_parent', 'grandparent', 'other_relative', 'carer', 'connected_person', 'child', 'step_child', 'grandchild', 'cared_for']);

export function canHoldParentalResponsibility(code: RelationshipCode): boolean {
  return CAN_HOLD_PR.has(code);
}

export interface RelationshipProblemInput {
  readonly personId: string;
  readonly relatedPersonId: string;
  readonly relationship: RelationshipCode;
  readonly parentalResponsibility: boolean;
}

/** Field errors for a relationship that cannot be recorded, or an empty object. */
export function relationshipProblems(input: RelationshipProblemInput): Record<string, string> {
  const errors: Record<string, string> = {};
  if (input.personId === input.relatedPersonId) errors['relatedPersonId'] = 'Choose someone other than this person';
  if (input.parentalResponsibility && !canHoldParentalResponsibility(input.relationship)) {
    errors['parentalResponsibility'] = `A ${relationshipLabel(input.relationship).toLowerCase()} cannot hold parental responsibility through that relationship`;
  }
  return errors;
}
