// How likely two person records are the same person, and why: a pure, symmetric score over name
// similarity (exact, nickname, one slip, same sound, swapped first and last names, other names),
// date of birth (exact, day and month transposed, a day or two apart, one digit different, a year
// apart), NHS number, postcode and, when known, a parent or carer in common. The weights are evidence for or against, in the manner of record-linkage
// (Fellegi-Sunter) weights: agreement on a rare, reliable item counts most; disagreement on a
// reliable item counts against. Used by the duplicate check on creating a person, by search ranking
// and by the benchmark's precision and recall.
import { compareNamePart, nameTokens, type NamePartMatch } from './name-matching.ts';
import { outwardCode, postcodeKey } from './postcode.ts';

export interface NameForMatching {
  readonly givenName: string;
  readonly familyName: string;
  /** A name other than the current one (alias, former, birth): shown in the reason. */
  readonly other?: boolean;
}

export interface PersonForMatching {
  /** The current name first, then other names. */
  readonly names: readonly NameForMatching[];
  /** ISO date of birth (or expected date of delivery for an unborn child). */
  readonly dateOfBirth: string | null;
  readonly dateOfBirthEstimated?: boolean;
  readonly nhsNumber: string | null;
  readonly postcodes: readonly string[];
  readonly gender?: string | null;
  /** Parents and carers recorded on the person (ids), when known: a second record of a child is often linked to the same mother. */
  readonly parentIds?: readonly string[];
}

export type MatchReasonCode =
  | 'nhs-same'
  | 'nhs-different'
  | 'name-same'
  | 'name-swapped'
  | 'name-other'
  | 'given-nickname'
  | 'given-typo'
  | 'given-phonetic'
  | 'given-partial'
  | 'given-initial'
  | 'given-different'
  | 'family-typo'
  | 'family-phonetic'
  | 'family-partial'
  | 'family-different'
  | 'family-same'
  | 'given-same'
  | 'dob-same'
  | 'dob-transposed'
  | 'dob-near'
  | 'dob-one-digit'
  | 'dob-year-slip'
  | 'dob-close-estimate'
  | 'dob-different'
  | 'postcode-same'
  | 'postcode-district'
  | 'gender-different'
  | 'parent-same';

export interface MatchReason {
  readonly code: MatchReasonCode;
  readonly text: string;
  readonly weight: number;
}

export type DuplicateLevel = 'very-likely' | 'likely' | 'possible' | 'unlikely';

export interface DuplicateScore {
  readonly score: number;
  readonly level: DuplicateLevel;
  /** The evidence, strongest first. */
  readonly reasons: readonly MatchReason[];
  /** The name evidence alone (search uses it to decide whether a name matched at all). */
  readonly nameScore: number;
}

// A completely different first name counts strongly against (twins share everything else); a
// different last name only weakly (surnames change: marriage, a parent's new partner).
export const GIVEN_WEIGHTS: Readonly<Record<NamePartMatch, number>> = { exact: 3, nickname: 2.5, typo: 2.2, phonetic: 1.8, partial: 1.5, initial: 0.8, none: -6.5 };
export const FAMILY_WEIGHTS: Readonly<Record<NamePartMatch, number>> = { exact: 3, nickname: 2.2, typo: 2.2, phonetic: 2, partial: 1.8, initial: 0.5, none: -2 };
export const SWAPPED_PENALTY = 0.3;
export const WEIGHTS = {
  nhsSame: 8,
  nhsDifferent: -6,
  dobSame: 4,
  dobSameEstimated: 3,
  dobTransposed: 2.5,
  dobNear: 2,
  // One digit apart is weak evidence: among a million people, a common name has namesakes born on
  // nearly every date one digit away. It keeps the pair from counting as a different date.
  dobOneDigit: 0,
  dobYearSlip: 1.5,
  dobCloseEstimate: 1.5,
  dobDifferent: -3,
  dobDifferentEstimated: -1,
  postcodeSame: 1.5,
  postcodeDistrict: 0.5,
  genderDifferent: -1.5,
  parentSame: 3.5,
} as const;

/** Scores at or above these are shown as very likely, likely and possible matches. */
export const LEVEL_THRESHOLDS = { veryLikely: 9, likely: 6.5, possible: 4 } as const;

export function levelOf(score: number): DuplicateLevel {
  if (score >= LEVEL_THRESHOLDS.veryLikely) return 'very-likely';
  if (score >= LEVEL_THRESHOLDS.likely) return 'likely';
  if (score >= LEVEL_THRESHOLDS.possible) return 'possible';
  return 'unlikely';
}

/** The decision the duplicate check (and the benchmark) makes: likely or very likely. */
export function isLikelyDuplicate(score: DuplicateScore): boolean {
  return score.score >= LEVEL_THRESHOLDS.likely;
}

interface NameEvidence {
  readonly weight: number;
  readonly reasons: MatchReason[];
}

const GIVEN_TEXT: Partial<Record<NamePartMatch, [MatchReasonCode, string]>> = {
  exact: ['given-same', 'Same first name'],
  nickname: ['given-nickname', 'First names are forms of the same name'],
  typo: ['given-typo', 'First names differ by one or two letters'],
  phonetic: ['given-phonetic', 'First names sound the same'],
  partial: ['given-partial', 'One first name contains the other'],
  initial: ['given-initial', 'First name matches an initial'],
  none: ['given-different', 'Different first names'],
};
const FAMILY_TEXT: Partial<Record<NamePartMatch, [MatchReasonCode, string]>> = {
  exact: ['family-same', 'Same last name'],
  nickname: ['family-typo', 'Last names are close'],
  typo: ['family-typo', 'Last names differ by one or two letters'],
  phonetic: ['family-phonetic', 'Last names sound the same'],
  partial: ['family-partial', 'One last name contains the other'],
  initial: ['family-partial', 'Last name matches an initial'],
  none: ['family-different', 'Different last names'],
};

function hasText(value: string): boolean {
  return nameTokens(value).length > 0;
}

function partEvidence(a: string, b: string, kind: 'given' | 'family', table: Readonly<Record<NamePartMatch, number>>, texts: typeof GIVEN_TEXT): NameEvidence {
  if (!hasText(a) || !hasText(b)) return { weight: 0, reasons: [] };
  const match = compareNamePart(a, b, kind);
  const [code, text] = texts[match] ?? ['given-different', 'Different names'];
  return { weight: table[match], reasons: [{ code, text, weight: table[match] }] };
}

function namePairEvidence(a: NameForMatching, b: NameForMatching): NameEvidence {
  const given = partEvidence(a.givenName, b.givenName, 'given', GIVEN_WEIGHTS, GIVEN_TEXT);
  const family = partEvidence(a.familyName, b.familyName, 'family', FAMILY_WEIGHTS, FAMILY_TEXT);
  const straight: NameEvidence = { weight: given.weight + family.weight, reasons: [...given.reasons, ...family.reasons] };
  // Swapped: the same weight table on both sides, so the score stays symmetric.
  const s1 = partEvidence(a.givenName, b.familyName, 'family', FAMILY_WEIGHTS, FAMILY_TEXT);
  const s2 = partEvidence(a.familyName, b.givenName, 'family', FAMILY_WEIGHTS, FAMILY_TEXT);
  const swappedWeight = s1.weight + s2.weight - SWAPPED_PENALTY;
  if (s1.reasons.length > 0 && s2.reasons.length > 0 && swappedWeight > straight.weight + 1e-9) {
    return { weight: swappedWeight, reasons: [{ code: 'name-swapped', text: 'First and last names match the other way round', weight: swappedWeight }] };
  }
  const allExact = given.reasons[0]?.code === 'given-same' && family.reasons[0]?.code === 'family-same';
  return allExact ? { weight: straight.weight, reasons: [{ code: 'name-same', text: 'Same first and last name', weight: straight.weight }] } : straight;
}

function nameEvidence(a: PersonForMatching, b: PersonForMatching): NameEvidence {
  const candidates: { evidence: NameEvidence; viaOther: boolean; key: string }[] = [];
  for (const na of a.names) {
    for (const nb of b.names) {
      const evidence = namePairEvidence(na, nb);
      candidates.push({ evidence, viaOther: na.other === true || nb.other === true, key: evidence.reasons.map((r) => r.code).sort().join(',') });
    }
  }
  // Highest weight; on a tie the current names, then a fixed order, so the answer never depends on
  // which record is "a" and which is "b".
  candidates.sort((p, q) => q.evidence.weight - p.evidence.weight || Number(p.viaOther) - Number(q.viaOther) || p.key.localeCompare(q.key));
  const best = candidates[0];
  if (best === undefined) return { weight: 0, reasons: [] };
  if (!best.viaOther || best.evidence.weight <= 0) return best.evidence;
  return { weight: best.evidence.weight, reasons: [{ code: 'name-other', text: 'Matches another name they have used', weight: best.evidence.weight }, ...best.evidence.reasons] };
}

interface Ymd {
  readonly y: number;
  readonly m: number;
  readonly d: number;
}

function ymd(iso: string): Ymd | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (match === null) return null;
  return { y: Number(match[1]), m: Number(match[2]), d: Number(match[3]) };
}

/** Days since 0000-03-01 in the proleptic Gregorian calendar (pure arithmetic, no clock). */
function dayNumber({ y, m, d }: Ymd): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const mp = (m + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe;
}

function dobEvidence(a: PersonForMatching, b: PersonForMatching): MatchReason[] {
  if (a.dateOfBirth === null || b.dateOfBirth === null) return [];
  const x = ymd(a.dateOfBirth);
  const y = ymd(b.dateOfBirth);
  if (x === null || y === null) return [];
  const estimated = a.dateOfBirthEstimated === true || b.dateOfBirthEstimated === true;
  if (a.dateOfBirth === b.dateOfBirth) {
    return estimated
      ? [{ code: 'dob-same', text: 'Same date of birth (estimated)', weight: WEIGHTS.dobSameEstimated }]
      : [{ code: 'dob-same', text: 'Same date of birth', weight: WEIGHTS.dobSame }];
  }
  if (x.y === y.y && x.d === y.m && x.m === y.d) {
    return [{ code: 'dob-transposed', text: 'Same date of birth with day and month swapped', weight: WEIGHTS.dobTransposed }];
  }
  const apart = Math.abs(dayNumber(x) - dayNumber(y));
  if (apart <= 2) return [{ code: 'dob-near', text: apart === 1 ? 'Dates of birth one day apart' : 'Dates of birth two days apart', weight: WEIGHTS.dobNear }];
  const digitsA = a.dateOfBirth.replace(/-/g, '');
  const digitsB = b.dateOfBirth.replace(/-/g, '');
  let differing = 0;
  for (let i = 0; i < digitsA.length; i += 1) if (digitsA.charAt(i) !== digitsB.charAt(i)) differing += 1;
  // The same day and month a year apart (a slip of the year; the 29th to 31st may have become the 28th).
  if (Math.abs(x.y - y.y) === 1 && x.m === y.m && (x.d === y.d || (Math.min(x.d, y.d) === 28 && Math.max(x.d, y.d) > 28))) {
    return [{ code: 'dob-year-slip', text: 'Dates of birth the same day a year apart', weight: WEIGHTS.dobYearSlip }];
  }
  if (differing === 1) return [{ code: 'dob-one-digit', text: 'Dates of birth differ by one digit', weight: WEIGHTS.dobOneDigit }];
  if (estimated && apart <= 31) return [{ code: 'dob-close-estimate', text: 'Estimated dates within a month of each other', weight: WEIGHTS.dobCloseEstimate }];
  return estimated
    ? [{ code: 'dob-different', text: 'Different dates of birth (one estimated)', weight: WEIGHTS.dobDifferentEstimated }]
    : [{ code: 'dob-different', text: 'Different dates of birth', weight: WEIGHTS.dobDifferent }];
}

function nhsEvidence(a: PersonForMatching, b: PersonForMatching): MatchReason[] {
  if (a.nhsNumber === null || b.nhsNumber === null || a.nhsNumber === '' || b.nhsNumber === '') return [];
  const x = a.nhsNumber.replace(/\s+/g, '');
  const y = b.nhsNumber.replace(/\s+/g, '');
  return x === y
    ? [{ code: 'nhs-same', text: 'Same NHS number', weight: WEIGHTS.nhsSame }]
    : [{ code: 'nhs-different', text: 'Different NHS numbers', weight: WEIGHTS.nhsDifferent }];
}

function postcodeEvidence(a: PersonForMatching, b: PersonForMatching): MatchReason[] {
  const keysA = new Set(a.postcodes.map(postcodeKey).filter((k) => k !== ''));
  const keysB = new Set(b.postcodes.map(postcodeKey).filter((k) => k !== ''));
  if ([...keysA].some((k) => keysB.has(k))) return [{ code: 'postcode-same', text: 'Same postcode, now or in the past', weight: WEIGHTS.postcodeSame }];
  const outA = new Set(a.postcodes.map(outwardCode).filter((k): k is string => k !== null));
  const outB = new Set(b.postcodes.map(outwardCode).filter((k): k is string => k !== null));
  if ([...outA].some((k) => outB.has(k))) return [{ code: 'postcode-district', text: 'Same postcode district', weight: WEIGHTS.postcodeDistrict }];
  return [];
}

/** A parent in common: evidence only when the dates of birth could be one (siblings share parents too). */
function parentEvidence(a: PersonForMatching, b: PersonForMatching, dob: readonly MatchReason[]): MatchReason[] {
  if (a.parentIds === undefined || b.parentIds === undefined) return [];
  if (dob.some((r) => r.code === 'dob-different')) return [];
  const theirs = new Set(b.parentIds);
  return a.parentIds.some((id) => theirs.has(id)) ? [{ code: 'parent-same', text: 'Linked to the same parent or carer', weight: WEIGHTS.parentSame }] : [];
}

function genderEvidence(a: PersonForMatching, b: PersonForMatching): MatchReason[] {
  const known = (g: string | null | undefined) => g === 'male' || g === 'female';
  if (known(a.gender) && known(b.gender) && a.gender !== b.gender) return [{ code: 'gender-different', text: 'Different genders recorded', weight: WEIGHTS.genderDifferent }];
  return [];
}

const round = (n: number) => Math.round(n * 100) / 100;

export function scoreDuplicate(a: PersonForMatching, b: PersonForMatching): DuplicateScore {
  const name = nameEvidence(a, b);
  const dob = dobEvidence(a, b);
  const reasons = [...name.reasons, ...dob, ...nhsEvidence(a, b), ...postcodeEvidence(a, b), ...parentEvidence(a, b, dob), ...genderEvidence(a, b)];
  const score = round(name.weight + reasons.slice(name.reasons.length).reduce((sum, r) => sum + r.weight, 0));
  const ordered = [...reasons].sort((p, q) => q.weight - p.weight || p.code.localeCompare(q.code));
  return { score, level: levelOf(score), reasons: ordered, nameScore: round(name.weight) };
}
