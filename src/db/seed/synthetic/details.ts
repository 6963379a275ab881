// The rest of a person's record (migration 0005): ethnicity, religion, first language and
// interpreter, disabilities, immigration status, UPN, GP and school, phone and email, a flat
// number; and the records beside it: other names (a mother's birth surname, a child's preferred
// name, an alias) and address history. Proportions are CFG approximations of England's children
// in need [CIN24 ethnicity and disability tables]; every value is synthetic.
import { ofSchoolAgeForCensus } from '../../../domain/shared/codes/dfe/upn-unknown-reason.ts';
import { upnCheckLetter } from '../../../domain/shared/identifiers/upn.ts';
import { ageInYears, isoOf } from './dates.ts';
import { NICKNAMES, SURNAME_ENDINGS, SURNAME_STEMS } from './names.ts';
import type { Random } from './random.ts';
import { weighted } from './sampling.ts';

export interface PersonDetails {
  readonly ethnicity: string | null;
  readonly religion: string | null;
  readonly firstLanguage: string | null;
  readonly interpreterNeeded: boolean;
  readonly disabilities: readonly string[];
  readonly immigrationStatus: string | null;
  readonly upn: string | null;
  /** Why a child of school age has no UPN (UN2-UN6; migration 0023), else null. */
  readonly upnUnknownReason: string | null;
  readonly phone: string | null;
  readonly email: string | null;
  readonly gpPractice: string | null;
  readonly school: string | null;
  readonly addressLine2: string | null;
  readonly dateOfBirthEstimated: boolean;
}

export const ETHNICITY_WEIGHTS = [
  ['WBRI', 0.62],
  ['WIRI', 0.004],
  ['WIRT', 0.003],
  ['WOTH', 0.05],
  ['WROM', 0.006],
  ['MWBC', 0.025],
  ['MWBA', 0.01],
  ['MWAS', 0.012],
  ['MOTH', 0.025],
  ['AIND', 0.02],
  ['APKN', 0.03],
  ['ABAN', 0.015],
  ['AOTH', 0.02],
  ['BCRB', 0.01],
  ['BAFR', 0.05],
  ['BOTH', 0.015],
  ['CHNE', 0.003],
  ['OOTH', 0.03],
  ['REFU', 0.005],
  ['NOBT', 0.035],
] as const;
const RELIGION_WEIGHTS = [
  ['not_known', 0.35],
  ['no_religion', 0.2],
  ['christian', 0.25],
  ['muslim', 0.12],
  ['hindu', 0.02],
  ['sikh', 0.02],
  ['buddhist', 0.005],
  ['jewish', 0.003],
  ['other', 0.01],
  ['not_stated', 0.02],
] as const;
const LANGUAGE_WEIGHTS = [
  ['English', 0.86],
  ['Polish', 0.03],
  ['Urdu', 0.02],
  ['Romanian', 0.02],
  ['Bengali', 0.015],
  ['Punjabi', 0.015],
  ['Somali', 0.01],
  ['Arabic', 0.01],
  ['Portuguese', 0.01],
  ['Tigrinya', 0.005],
  ['Lithuanian', 0.005],
] as const;
const IMMIGRATION_WEIGHTS = [
  [null, 0.72],
  ['british_or_irish', 0.22],
  ['settled', 0.02],
  ['pre_settled', 0.015],
  ['limited_leave', 0.008],
  ['refugee', 0.007],
  ['asylum_seeker', 0.004],
  ['no_recourse', 0.004],
  ['not_known', 0.002],
] as const;
const CWD_CODES = ['AUT', 'LD', 'COMM', 'MOB', 'HAND', 'PC', 'BEH', 'CON', 'HEAR', 'VIS', 'INC'] as const;

/** Family-wide traits children and parents share. */
export interface FamilyTraits {
  readonly ethnicity: string;
  readonly religion: string;
  readonly language: string;
}

export function familyTraits(random: Random): FamilyTraits {
  return { ethnicity: weighted(random, ETHNICITY_WEIGHTS), religion: weighted(random, RELIGION_WEIGHTS), language: weighted(random, LANGUAGE_WEIGHTS) };
}

/** UPNs for Milton Keynes (old LA number 826), unique by counter: establishment, year, serial. */
export class Upns {
  private n = 0;
  next(yearOfAllocation: number): string {
    const serial = this.n % 1000;
    const establishment = 2000 + (Math.floor(this.n / 1000) % 8000);
    this.n += 1;
    const body = `826${String(establishment)}${String(yearOfAllocation % 100).padStart(2, '0')}${String(serial).padStart(3, '0')}`;
    return `${upnCheckLetter(body) ?? 'A'}${body}`;
  }
}

const placeName = (random: Random) => `${random.pick(SURNAME_STEMS)}${random.pick(SURNAME_ENDINGS)}`;

/**
 * Why a school-age child has no UPN (CFG; codes in src/domain/shared/codes/dfe/upn-unknown-reason.ts):
 * mostly never at a state-funded school in England (home or independent education) or a UPN the
 * authority cannot obtain; some educated outside England or with records that disagree. Not UN1
 * (derived from age by the census), UN4 (newly in need at census time) or UN7 (NFA referrals only).
 */
const UPN_UNKNOWN_WEIGHTS = [
  ['UN2', 0.4],
  ['UN6', 0.35],
  ['UN3', 0.1],
  ['UN5', 0.15],
] as const;

/** The census reference date of the collection year the day falls in (31 March after it). */
function censusReferenceDate(day: number): string {
  const d = new Date(day * 86_400_000);
  return `${String(d.getUTCMonth() >= 3 ? d.getUTCFullYear() + 1 : d.getUTCFullYear())}-03-31`;
}

export function childDetails(random: Random, traits: FamilyTraits, birthDay: number, asOf: number, disabled: boolean, upns: Upns): PersonDetails {
  const age = ageInYears(birthDay, asOf);
  const disabilities = disabled
    ? [...new Set([random.pick(CWD_CODES), ...(random.chance(0.5) ? [random.pick(CWD_CODES)] : [])])]
    : random.chance(0.04)
      ? [random.pick(CWD_CODES)]
      : // Recorded as "no disability" (the census needs a code for every child: CIN rule 8540).
        ['NONE'];
  const schoolAge = age >= 4 && age <= 18;
  const upn = schoolAge && random.chance(0.85) ? upns.next(new Date((birthDay + 5 * 365) * 86_400_000).getUTCFullYear()) : null;
  return {
    ethnicity: random.chance(0.05) ? 'NOBT' : traits.ethnicity,
    religion: random.chance(0.3) ? 'not_known' : traits.religion,
    firstLanguage: traits.language,
    interpreterNeeded: traits.language !== 'English' && random.chance(0.1),
    disabilities,
    immigrationStatus: weighted(random, IMMIGRATION_WEIGHTS),
    upn,
    upnUnknownReason: upn === null && ofSchoolAgeForCensus(isoOf(birthDay), censusReferenceDate(asOf)) ? weighted(random, UPN_UNKNOWN_WEIGHTS) : null,
    phone: null,
    email: null,
    gpPractice: random.chance(0.8) ? `${placeName(random)} ${random.pick(['Medical Centre', 'Surgery', 'Health Centre'])}` : null,
    school:
      schoolAge && random.chance(0.8)
        ? `${placeName(random)} ${age < 11 ? random.pick(['Primary School', 'Infant School', 'Junior School']) : random.pick(['Academy', 'School', 'College'])}`
        : null,
    addressLine2: null,
    dateOfBirthEstimated: random.chance(0.003),
  };
}

export function adultDetails(random: Random, traits: FamilyTraits, givenName: string, familyName: string, n: number): PersonDetails {
  const slug = `${givenName}.${familyName}`.toLowerCase().replace(/[^a-z.]/g, '');
  return {
    ethnicity: random.chance(0.1) ? 'NOBT' : traits.ethnicity,
    religion: traits.religion,
    firstLanguage: traits.language,
    interpreterNeeded: traits.language !== 'English' && random.chance(0.35),
    disabilities: [],
    immigrationStatus: weighted(random, IMMIGRATION_WEIGHTS),
    upn: null,
    upnUnknownReason: null,
    // Ofcom's range for drama (07700 900000-900999) and example.org: never a real line or inbox.
    phone: random.chance(0.7) ? `07700 900${String(random.int(0, 999)).padStart(3, '0')}` : null,
    email: random.chance(0.4) ? `${slug}${String(n % 1000)}@example.org` : null,
    gpPractice: random.chance(0.6) ? `${placeName(random)} ${random.pick(['Medical Centre', 'Surgery', 'Health Centre'])}` : null,
    school: null,
    addressLine2: null,
    dateOfBirthEstimated: false,
  };
}

export const flatLine = (random: Random): string | null => (random.chance(0.12) ? `Flat ${String(random.int(1, 24))}` : null);

export const preferredName = (random: Random, given: string): string | null => {
  const forms = NICKNAMES[given];
  return forms === undefined ? null : random.pick(forms);
};

/** A text[] cell as an array literal (see bulk-insert.ts). */
export const arrayLiteral = (items: readonly string[]): string => `{${items.join(',')}}`;
