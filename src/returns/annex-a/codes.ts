// Ofsted's drop-down values for Annex A cells: a letter prefix, then the code or label. Letters and
// wording follow the January 2024 workbook's sample rows ("q) 6: Police", "s) 8: Other", "k) APKN",
// "r) OOTH", "s) NOBT", "a) Male", "b) Female", "a) Yes", "b) No") and the list order of the older
// LIIA data map (a) 1A: Individual ... u) 10: Unknown; a) WBRI ...). Where the workbook gives no
// example the prefix is inferred from that order: verified: false.
import { ETHNICITY_CODES } from '../cin-census/codes.ts';

export const ANNEX_CODES_VERIFIED = false as const;

const letter = (i: number): string => String.fromCharCode(97 + i);

/** Hearth's gender as Ofsted lists it. */
export function annexGender(gender: string | null): string {
  switch (gender) {
    case 'male':
      return 'a) Male';
    case 'female':
      return 'b) Female';
    case 'other':
      return 'd) Neither';
    default:
      return 'c) Not stated/recorded';
  }
}

// The workbook lists 19 ethnicities a) to s), ending "r) OOTH", "s) NOBT": REFU has no letter of its
// own there, so Hearth writes it after NOBT (t) REFU), the one inference in this list.
const ETHNICITY_ORDER = [...ETHNICITY_CODES.filter((c) => c !== 'REFU'), 'REFU'];

export function annexEthnicity(code: string | null): string | null {
  if (code === null) return null;
  const i = ETHNICITY_ORDER.indexOf(code);
  return i < 0 ? null : `${letter(i)}) ${code}`;
}

// Contact and referral source. The Ofsted list predates 5D (LA early help, added to the CIN census
// in 2023-24): there are 21 letters, and 6 is q). Early help is an internal LA service, so 5D is
// written as 5B (other internal LA services).
const SOURCE_LABELS: readonly (readonly [string, string])[] = [
  ['1A', 'Individual'],
  ['1B', 'Individual'],
  ['1C', 'Individual'],
  ['1D', 'Individual'],
  ['2A', 'Schools'],
  ['2B', 'Education services'],
  ['3A', 'Health services'],
  ['3B', 'Health services'],
  ['3C', 'Health services'],
  ['3D', 'Health services'],
  ['3E', 'Health services'],
  ['3F', 'Health services'],
  ['4', 'Housing'],
  ['5A', 'LA services'],
  ['5B', 'LA services'],
  ['5C', 'LA services'],
  ['6', 'Police'],
  ['7', 'Other legal agency'],
  ['8', 'Other'],
  ['9', 'Anonymous'],
  ['10', 'Unknown'],
];

export function annexSource(code: string): string {
  const key = code === '5D' ? '5B' : code;
  const i = SOURCE_LABELS.findIndex(([c]) => c === key);
  const entry = SOURCE_LABELS[i];
  return entry === undefined ? code : `${letter(i)}) ${entry[0]}: ${entry[1]}`;
}

export const annexYesNo = (value: boolean | null): string | null => (value === null ? null : value ? 'a) Yes' : 'b) No');

/** "Does the Child have a Disability": any DfE disability code other than NONE. */
export function annexDisability(codes: readonly string[]): string | null {
  if (codes.length === 0) return null;
  return annexYesNo(codes.some((c) => c !== 'NONE'));
}
