// Unique pupil number (UPN): 13 characters, a check letter then 12 characters. Characters 2-4 are
// the old-style local authority number, 5-8 the DfE establishment number, 9-10 the year of
// allocation, 11-12 a serial number (all digits), and character 13 a digit, or a letter for a
// temporary UPN. The check letter (DfE "Unique pupil numbers (UPN): guidance for schools and local
// authorities", check letter algorithm; CIN census validation rule 1510):
//   multiply character n (n = 2..13) by the weight n, a letter counting as its position in
//   ABCDEFGHJKLMNPQRTUVWXYZ (A = 0, ..., Z = 22); sum; the remainder on division by 23 is the check
//   letter's position in the same list. I, O and S are never used.
// Worked examples in the DfE guidance: H801200001001 (permanent), G80120000101A (temporary).

const LETTERS = 'ABCDEFGHJKLMNPQRTUVWXYZ';
const SHAPE = /^[A-HJ-NP-RT-Z]\d{11}[0-9A-HJ-NP-RT-Z]$/;

export type UpnProblem = 'format' | 'check-letter';

/** Upper-cases and removes spaces, the way people type a UPN from a letter. */
export function normaliseUpn(value: string): string {
  return value.replace(/\s+/g, '').toUpperCase();
}

/** The check letter for the 12 characters after it, or null if they are not a valid body. */
export function upnCheckLetter(body: string): string | null {
  if (!/^\d{11}[0-9A-HJ-NP-RT-Z]$/.test(body)) return null;
  let sum = 0;
  for (let i = 0; i < 12; i += 1) {
    const ch = body.charAt(i);
    const value = /\d/.test(ch) ? Number(ch) : LETTERS.indexOf(ch);
    sum += value * (i + 2);
  }
  return LETTERS.charAt(sum % 23);
}

/** Why a (normalised) UPN is not valid, or null when it is. */
export function upnProblem(value: string): UpnProblem | null {
  if (!SHAPE.test(value)) return 'format';
  return upnCheckLetter(value.slice(1)) === value.charAt(0) ? null : 'check-letter';
}

export function isValidUpn(value: string): boolean {
  return upnProblem(normaliseUpn(value)) === null;
}
