// The code lists of a person's record that are not DfE returns codes (those are in
// src/domain/shared/codes/dfe/). Each list is stored as written here, with a CHECK in migration 0005.

export const PERSON_TYPES = ['child', 'unborn', 'adult'] as const;
export type PersonType = (typeof PERSON_TYPES)[number];
export const PERSON_TYPE_LABELS: Readonly<Record<PersonType, string>> = { child: 'Child', unborn: 'Unborn child', adult: 'Adult' };

/**
 * Gender as recorded (migration 0004). The returns map it to the DfE's Sex item (M, F, U) from
 * 2024-25; an unborn child is always U (CIN census rule 8750), which is why an unborn child's gender
 * is "not known".
 */
export const GENDERS = ['female', 'male', 'other', 'not_known', 'not_stated'] as const;
export type Gender = (typeof GENDERS)[number];
export const GENDER_LABELS: Readonly<Record<Gender, string>> = {
  female: 'Female',
  male: 'Male',
  other: 'Other',
  not_known: 'Not known',
  not_stated: 'Prefers not to say',
};

/** Religion in the categories of the 2021 Census for England and Wales (ONS), plus "not asked yet". */
export const RELIGIONS = [
  { code: 'no_religion', label: 'No religion' },
  { code: 'christian', label: 'Christian' },
  { code: 'buddhist', label: 'Buddhist' },
  { code: 'hindu', label: 'Hindu' },
  { code: 'jewish', label: 'Jewish' },
  { code: 'muslim', label: 'Muslim' },
  { code: 'sikh', label: 'Sikh' },
  { code: 'other', label: 'Any other religion' },
  { code: 'not_stated', label: 'Prefers not to say' },
  { code: 'not_known', label: 'Not known yet' },
] as const;
export type ReligionCode = (typeof RELIGIONS)[number]['code'];
export const RELIGION_CODES = RELIGIONS.map((r) => r.code) as [ReligionCode, ...ReligionCode[]];

/**
 * Immigration status, as social workers need it for support and for UASC (the CIN census factor 9A
 * and the SSDA903 UASC table): a local list, no DfE code exists (CFG: confirm with the authority).
 */
export const IMMIGRATION_STATUSES = [
  { code: 'british_or_irish', label: 'British or Irish citizen' },
  { code: 'settled', label: 'Settled status or indefinite leave to remain' },
  { code: 'pre_settled', label: 'Pre-settled status' },
  { code: 'limited_leave', label: 'Limited leave to remain' },
  { code: 'refugee', label: 'Refugee or humanitarian protection' },
  { code: 'asylum_seeker', label: 'Asylum seeker (claim not decided)' },
  { code: 'uasc', label: 'Unaccompanied asylum-seeking child' },
  { code: 'no_recourse', label: 'No recourse to public funds' },
  { code: 'no_leave', label: 'No current leave' },
  { code: 'not_known', label: 'Not known' },
] as const;
export type ImmigrationStatusCode = (typeof IMMIGRATION_STATUSES)[number]['code'];
export const IMMIGRATION_STATUS_CODES = IMMIGRATION_STATUSES.map((s) => s.code) as [ImmigrationStatusCode, ...ImmigrationStatusCode[]];

/** Names a person has had or used, besides the one on their record now. */
export const NAME_TYPES = [
  { code: 'alias', label: 'Also known as' },
  { code: 'former', label: 'Former name' },
  { code: 'birth', label: 'Name at birth' },
  { code: 'preferred', label: 'Preferred name' },
  { code: 'merged', label: 'Name on a merged record' },
] as const;
export type NameType = (typeof NAME_TYPES)[number]['code'];
export const NAME_TYPE_CODES = NAME_TYPES.map((n) => n.code) as [NameType, ...NameType[]];
/** The name types a worker may add by hand ("merged" is written by a merge). */
export const ADDABLE_NAME_TYPE_CODES = ['alias', 'former', 'birth', 'preferred'] as const;
export const ADDABLE_NAME_TYPES = NAME_TYPES.filter((n) => n.code !== 'merged');

export function codeLabel(list: readonly { readonly code: string; readonly label: string }[], code: string | null | undefined): string {
  if (code === null || code === undefined) return 'Not recorded';
  return list.find((item) => item.code === code)?.label ?? code;
}
