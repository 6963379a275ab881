// Source of a contact or referral, as the DfE Children in Need census codes it (ReferralSource).
// Source: DfE Children in Need census XML schema, collection year 2025-26 (CIN_schema_2026.xsd,
// `referralsourcetype`), unchanged from 2024-25 (CIN_schema_2025.xsd); domain-spec §3.2 uses the same
// list for the contact source. Labels are Hearth's plain-English wording of the DfE descriptions.
// Stored exactly as the DfE codes them, so the census needs no re-keying.

export const REFERRAL_SOURCE_CODE_LIST = {
  source: 'DfE Children in Need census, ReferralSource (CIN_schema_2026.xsd)',
  collectionYears: ['2024-25', '2025-26'],
} as const;

export const REFERRAL_SOURCES = {
  '1A': 'Individual: family member, relative or carer',
  '1B': 'Individual: acquaintance (including neighbours and childminders)',
  '1C': 'Individual: the child or young person themselves',
  '1D': 'Individual: other (including strangers)',
  '2A': 'Schools',
  '2B': 'Education services',
  '3A': 'Health services: GP',
  '3B': 'Health services: health visitor',
  '3C': 'Health services: school nurse',
  '3D': 'Health services: other primary health services',
  '3E': 'Health services: accident and emergency',
  '3F': 'Health services: other (for example a hospice)',
  '4': 'Housing: local authority housing or housing association',
  '5A': 'Local authority services: social care (for example adult social care)',
  '5B': 'Local authority services: other internal (not social care or early help)',
  '5C': 'Local authority services: external (another local authority)',
  '5D': 'Local authority services: early help',
  '6': 'Police',
  '7': 'Other legal agency (courts, probation, immigration, Cafcass or prison)',
  '8': 'Other (children’s centres, independent or voluntary organisations)',
  '9': 'Anonymous',
  '10': 'Unknown',
} as const;

export type ReferralSource = keyof typeof REFERRAL_SOURCES;

/** In the DfE's order (an object's integer-like keys would come first, so the order is written out). */
export const REFERRAL_SOURCE_CODES: readonly ReferralSource[] = ['1A', '1B', '1C', '1D', '2A', '2B', '3A', '3B', '3C', '3D', '3E', '3F', '4', '5A', '5B', '5C', '5D', '6', '7', '8', '9', '10'];

export function isReferralSource(value: string): value is ReferralSource {
  return Object.hasOwn(REFERRAL_SOURCES, value);
}

/** The groups the census codes fall into, for a form that asks "what kind of organisation". */
export const REFERRAL_SOURCE_GROUPS: readonly { readonly label: string; readonly codes: readonly ReferralSource[] }[] = [
  { label: 'Individuals', codes: ['1A', '1B', '1C', '1D'] },
  { label: 'Education', codes: ['2A', '2B'] },
  { label: 'Health', codes: ['3A', '3B', '3C', '3D', '3E', '3F'] },
  { label: 'Housing', codes: ['4'] },
  { label: 'Local authority services', codes: ['5A', '5B', '5C', '5D'] },
  { label: 'Police and legal agencies', codes: ['6', '7'] },
  { label: 'Other', codes: ['8', '9', '10'] },
];

/** Who can use the public referral form: professionals, so individuals and "anonymous" are left out. */
export const PROFESSIONAL_REFERRAL_SOURCES: readonly ReferralSource[] = REFERRAL_SOURCE_CODES.filter((c) => !c.startsWith('1') && c !== '9' && c !== '10');
