// Primary need (category of need) at the end of an assessment, as the DfE Children in Need census codes
// it (PrimaryNeedCode). Source: domain-spec §3.3 [DfE-CIN], from the CIN census specification 2025-26
// (CIN_schema_2026.xsd `primaryneedcodetype`). N0 "Not stated" exists in the census but is not offered:
// an authorised assessment always states the child's primary need. SSDA903 accepts N1-N8 only.
// Labels are Hearth's plain-English wording of the DfE descriptions.

export const PRIMARY_NEED_CODE_LIST = {
  source: 'DfE Children in Need census, PrimaryNeedCode (domain-spec §3.3)',
  collectionYears: ['2024-25', '2025-26'],
} as const;

export const PRIMARY_NEEDS = {
  N1: 'Abuse or neglect',
  N2: 'Child’s disability or illness',
  N3: 'Parental disability or illness',
  N4: 'Family in acute stress',
  N5: 'Family dysfunction',
  N6: 'Socially unacceptable behaviour',
  N7: 'Low income',
  N8: 'Absent parenting',
  N9: 'Cases other than children in need',
} as const;

export type PrimaryNeed = keyof typeof PRIMARY_NEEDS;

export const PRIMARY_NEED_CODES = Object.keys(PRIMARY_NEEDS) as readonly PrimaryNeed[];

export function isPrimaryNeed(value: string): value is PrimaryNeed {
  return Object.hasOwn(PRIMARY_NEEDS, value);
}
