// The people module: turns a family's story into person rows (children, an unborn baby, parents,
// a step-parent, a grandparent) and their relationships in both directions, with names drawn from
// realistic pools and an address in one of the authority's three localities.
import { nhsCheckDigit } from '../../../domain/shared/identifiers/nhs-number.ts';
import { isoOf, timestampOf, YEAR_DAYS } from './dates.ts';
import { mixSeed } from './ids.ts';
import {
  COMMON_FAMILY_NAMES,
  COMMON_GIVEN_ADULT_FEMALE,
  COMMON_GIVEN_ADULT_MALE,
  COMMON_GIVEN_FEMALE,
  COMMON_GIVEN_MALE,
  FAMILY_NAMES,
  SURNAME_ENDINGS,
  SURNAME_STEMS,
} from './names.ts';
import {
  CHILD_TAKES_FATHER_SURNAME_RATE,
  FATHER_AT_HOME_RATE,
  FATHER_KNOWN_RATE,
  GRANDPARENT_RATE,
  HALF_SIBLING_RATE,
  NHS_NUMBER_KNOWN_RATE,
  PARENTS_SHARE_SURNAME_RATE,
  RESTRICTED_RATE,
  STEP_PARENT_RATE,
} from './proportions.ts';
import { createRandom, type Random } from './random.ts';
import { adultDetails, arrayLiteral, childDetails, familyTraits, flatLine, preferredName, Upns, type PersonDetails } from './details.ts';
import { zipfPicker } from './sampling.ts';
import type { FamilyShape, Locality } from './stories.ts';

export type AdultRole = 'mother' | 'father' | 'second_father' | 'step_parent' | 'grandparent';

export interface PersonDraft {
  readonly id: string;
  readonly personType: 'child' | 'unborn' | 'adult';
  givenName: string;
  familyName: string;
  readonly gender: 'male' | 'female';
  readonly dateOfBirth: number | null;
  readonly expectedDateOfDelivery: number | null;
  readonly nhsNumber: string | null;
  readonly address: Address;
  readonly createdDay: number;
  /** For children: their key in the family shape; for adults: their role. */
  readonly childKey: number | null;
  readonly role: AdultRole | null;
  /** Migration 0005 columns; filled once the family is named. */
  details: PersonDetails;
  /** Other names (person_name) and address history (person_address). */
  otherNames: readonly OtherName[];
  addresses: readonly AddressSpell[];
}

export interface OtherName {
  readonly nameType: 'alias' | 'former' | 'birth' | 'preferred';
  readonly givenName: string;
  readonly familyName: string;
  readonly usedTo: number | null;
}

export interface AddressSpell {
  readonly address: Address;
  readonly movedIn: number | null;
  readonly movedOut: number | null;
}

export interface Address {
  readonly addressLine2?: string | null;
  readonly addressLine1: string;
  readonly town: string;
  readonly postcode: string;
}

export interface FamilyPeople {
  readonly children: readonly PersonDraft[];
  readonly adults: readonly PersonDraft[];
  readonly restricted: boolean;
  readonly relationships: readonly RelationshipDraft[];
}

export interface RelationshipDraft {
  readonly personId: string;
  readonly relatedPersonId: string;
  readonly relationship: string;
  readonly parentalResponsibility: boolean;
  readonly livesWith: boolean;
}

const LOCALITY_TOWNS: readonly (readonly [string, readonly number[]])[] = [
  ['Wolverton', [12, 13]],
  ['Stony Stratford', [11, 19]],
  ['Newport Pagnell', [16]],
  ['Olney', [46]],
  ['Milton Keynes', [5, 6, 7, 8, 9, 10, 14, 15]],
  ['Bletchley', [1, 2, 3, 4, 17]],
];
const TOWNS_BY_LOCALITY: Readonly<Record<Locality, readonly number[]>> = { 0: [0, 1, 2, 3], 1: [4], 2: [5] };
const STREET_KINDS = ['Close', 'Way', 'Road', 'Drive', 'Court', 'Lane', 'Grove', 'Crescent', 'Avenue', 'Place', 'Walk', 'Gardens'];

// Exponents chosen so the commonest surname is about 1.5% of people and the commonest given name
// about 2.5% of children (England: Smith about 1.1%; the top baby names 1-2% of births).
const pickSurname = zipfPicker(COMMON_FAMILY_NAMES, 0.45);
const pickGirl = zipfPicker(COMMON_GIVEN_FEMALE, 0.35);
const pickBoy = zipfPicker(COMMON_GIVEN_MALE, 0.35);
const pickWoman = zipfPicker(COMMON_GIVEN_ADULT_FEMALE, 0.35);
const pickMan = zipfPicker(COMMON_GIVEN_ADULT_MALE, 0.35);

/** A surname: mostly common ones, a long tail of rarer (and invented) ones. */
export function surname(random: Random): string {
  const x = random.next();
  if (x < 0.65) return pickSurname(random);
  if (x < 0.75) return random.pick(FAMILY_NAMES);
  return `${random.pick(SURNAME_STEMS)}${random.pick(SURNAME_ENDINGS)}`;
}

export const childGivenName = (random: Random, male: boolean): string => (male ? pickBoy(random) : pickGirl(random));
export const adultGivenName = (random: Random, male: boolean): string => (male ? pickMan(random) : pickWoman(random));

export function address(random: Random, locality: Locality): Address {
  const [town, districts] = LOCALITY_TOWNS[random.pick(TOWNS_BY_LOCALITY[locality])] ?? ['Milton Keynes', [9]];
  const street = `${random.pick(SURNAME_STEMS)}${random.pick(SURNAME_ENDINGS)} ${random.pick(STREET_KINDS)}`;
  const district = random.pick(districts);
  const unit = `${String(random.int(1, 9))}${random.pick(['A', 'B', 'D', 'E', 'F', 'G', 'H', 'J', 'L', 'N', 'P', 'Q', 'R', 'S', 'T', 'U', 'W', 'X', 'Y', 'Z'])}${random.pick(['A', 'B', 'D', 'E', 'F', 'G', 'H', 'J', 'L', 'N', 'P', 'Q', 'R', 'S', 'T', 'U', 'W'])}`;
  return { addressLine1: `${String(random.int(1, 180))} ${street}`, addressLine2: flatLine(random), town, postcode: `MK${String(district)} ${unit}` };
}

/**
 * NHS numbers from the range reserved for test data (999 000 0000 to 999 999 9999), handed out in
 * a scrambled order that never repeats: the n-th number is a bijection of n modulo 10^7.
 */
export class NhsNumbers {
  private n = 0;
  constructor(private readonly offset: number) {}
  next(): string {
    for (;;) {
      if (this.n >= 10_000_000) throw new Error('the NHS test range is used up: generate fewer children');
      const x = (this.n * 7_654_321 + this.offset) % 10_000_000;
      this.n += 1;
      const nine = `999${String(x).padStart(7, '0').slice(0, 6)}`;
      const check = nhsCheckDigit(nine);
      // The 7th digit of x is the check digit position; keep only numbers whose last digit is it.
      if (check !== null && String(check) === String(x % 10)) return `${nine}${String(check)}`;
    }
  }
}

export interface IdSource {
  nextPersonId(): string;
  readonly upns: Upns;
}

const NO_DETAILS: PersonDetails = {
  ethnicity: null,
  religion: null,
  firstLanguage: null,
  interpreterNeeded: false,
  disabilities: [],
  immigrationStatus: null,
  upn: null,
  upnUnknownReason: null,
  phone: null,
  email: null,
  gpPractice: null,
  school: null,
  addressLine2: null,
  dateOfBirthEstimated: false,
};

/** Names and relationships for a planned family. Deterministic in (seed, family index). */
export function peopleOf(seed: number, shape: FamilyShape, ids: IdSource, nhs: NhsNumbers): FamilyPeople {
  const random = createRandom(mixSeed(seed, shape.index, 2));
  const home = address(random, shape.locality);
  const firstContact = shape.episodes[0]?.milestones.contact ?? shape.phases[0]?.start ?? 0;
  const eldest = shape.children.reduce((min, c) => Math.min(min, c.birthDay), Number.POSITIVE_INFINITY);
  const youngest = shape.children.reduce((max, c) => Math.max(max, c.birthDay), Number.NEGATIVE_INFINITY);
  const motherName = surname(random);
  const fatherKnown = random.chance(FATHER_KNOWN_RATE);
  const fatherName = random.chance(PARENTS_SHARE_SURNAME_RATE) ? motherName : surname(random);
  const childName = fatherKnown && random.chance(CHILD_TAKES_FATHER_SURNAME_RATE) ? fatherName : motherName;
  const adultBorn = (child: number, minAge: number, maxAge: number) => child - Math.round(random.int(minAge, maxAge) * YEAR_DAYS) - random.int(0, 364);
  const adults: PersonDraft[] = [];
  const adult = (role: AdultRole, male: boolean, familyName: string, born: number, where: Address): PersonDraft => {
    const p: PersonDraft = {
      id: ids.nextPersonId(),
      personType: 'adult',
      givenName: adultGivenName(random, male),
      familyName,
      gender: male ? 'male' : 'female',
      dateOfBirth: born,
      expectedDateOfDelivery: null,
      nhsNumber: null,
      address: where,
      createdDay: firstContact,
      childKey: null,
      role,
      details: NO_DETAILS,
      otherNames: [],
      addresses: [],
    };
    adults.push(p);
    return p;
  };
  const mother = adult('mother', false, motherName, adultBorn(eldest, 17, 40), home);
  const fatherAtHome = random.chance(FATHER_AT_HOME_RATE);
  const father = fatherKnown ? adult('father', true, fatherName, adultBorn(eldest, 18, 45), fatherAtHome ? home : address(random, shape.locality)) : null;
  const halfSiblings = shape.children.length >= 2 && random.chance(HALF_SIBLING_RATE);
  const secondFather = halfSiblings ? adult('second_father', true, surname(random), adultBorn(youngest, 18, 45), address(random, shape.locality)) : null;
  const stepParent = !fatherAtHome && random.chance(STEP_PARENT_RATE) ? adult('step_parent', true, surname(random), adultBorn(youngest, 20, 48), home) : null;
  const grandparent = random.chance(GRANDPARENT_RATE)
    ? adult('grandparent', false, motherName, adultBorn(eldest, 36, 60), address(random, shape.locality))
    : null;

  const restricted = random.chance(RESTRICTED_RATE);
  const splitAt = halfSiblings ? random.int(1, shape.children.length - 1) : shape.children.length;
  const children: PersonDraft[] = shape.children.map((c) => ({
    id: ids.nextPersonId(),
    personType: c.unborn ? 'unborn' : 'child',
    givenName: c.unborn ? 'Baby' : childGivenName(random, c.male),
    familyName: c.key >= splitAt && secondFather !== null ? secondFather.familyName : childName,
    gender: c.male ? 'male' : 'female',
    dateOfBirth: c.unborn ? null : c.birthDay,
    expectedDateOfDelivery: c.unborn ? c.birthDay : null,
    nhsNumber: !c.unborn && random.chance(NHS_NUMBER_KNOWN_RATE) ? nhs.next() : null,
    address: home,
    createdDay: Math.max(firstContact, c.unborn ? (shape.phases.find((p) => p.childKey === c.key)?.start ?? firstContact) : c.birthDay),
    childKey: c.key,
    role: null,
    details: NO_DETAILS,
    otherNames: [],
    addresses: [],
  }));

  const rel: RelationshipDraft[] = [];
  const link = (a: PersonDraft, b: PersonDraft, there: string, back: string, pr: boolean, livesWith: boolean) => {
    rel.push({ personId: a.id, relatedPersonId: b.id, relationship: there, parentalResponsibility: pr, livesWith });
    rel.push({ personId: b.id, relatedPersonId: a.id, relationship: back, parentalResponsibility: pr, livesWith });
  };
  for (const child of children) {
    const key = child.childKey ?? 0;
    const dad = key >= splitAt ? secondFather : father;
    link(child, mother, 'parent', 'child', true, true);
    if (dad !== null)
      link(child, dad, 'parent', 'child', dad === father ? fatherAtHome || random.chance(0.6) : random.chance(0.5), dad === father && fatherAtHome);
    if (stepParent !== null) link(child, stepParent, 'step_parent', 'step_child', false, true);
    if (grandparent !== null) link(child, grandparent, 'grandparent', 'grandchild', false, false);
  }
  for (let i = 0; i < children.length; i += 1) {
    for (let j = i + 1; j < children.length; j += 1) {
      const a = children[i];
      const b = children[j];
      if (a === undefined || b === undefined) continue;
      const half = (a.childKey ?? 0) >= splitAt !== (b.childKey ?? 0) >= splitAt;
      const kind = half ? 'half_sibling' : 'sibling';
      link(a, b, kind, kind, false, true);
    }
  }
  if (father !== null && fatherAtHome) link(mother, father, 'partner', 'partner', false, true);
  if (stepParent !== null) link(mother, stepParent, 'partner', 'partner', false, true);
  describe(seed, shape, children, adults, home, firstContact, ids, shape.asOf);
  return { children, adults, restricted, relationships: rel };
}

/**
 * Fills the 0005 details, other names and address history, from a stream of their own so the
 * names and relationships above stay the same for a seed whatever is added here.
 */
function describe(
  seed: number,
  shape: FamilyShape,
  children: PersonDraft[],
  adults: PersonDraft[],
  home: Address,
  firstContact: number,
  ids: IdSource,
  today: number,
): void {
  const random = createRandom(mixSeed(seed, shape.index, 6));
  const traits = familyTraits(random);
  const disabledKeys = new Set(shape.episodes.filter((e) => e.stage === 'disabled').flatMap((e) => e.childKeys));
  const homeFrom = firstContact - random.int(100, 3000);
  const previous = random.chance(0.2) ? address(random, shape.locality) : null;
  const homeSpells = (from: number): AddressSpell[] =>
    previous === null || from >= homeFrom
      ? [{ address: home, movedIn: Math.max(from, homeFrom), movedOut: null }]
      : [
          { address: previous, movedIn: Math.max(from, homeFrom - random.int(300, 2500)), movedOut: homeFrom - 1 },
          { address: home, movedIn: homeFrom, movedOut: null },
        ];
  let n = shape.index * 7;
  for (const adult of adults) {
    adult.details = adultDetails(random, traits, adult.givenName, adult.familyName, n++);
    adult.addresses =
      adult.address === home
        ? homeSpells(Number.NEGATIVE_INFINITY)
        : [{ address: adult.address, movedIn: firstContact - random.int(100, 3000), movedOut: null }];
    const names: OtherName[] = [];
    if (adult.role === 'mother' && random.chance(0.35))
      names.push({ nameType: 'birth', givenName: adult.givenName, familyName: surname(random), usedTo: firstContact - random.int(400, 4000) });
    if (random.chance(0.01)) names.push({ nameType: 'alias', givenName: adult.givenName, familyName: surname(random), usedTo: null });
    adult.otherNames = names;
  }
  for (const child of children) {
    if (child.personType === 'unborn') {
      child.addresses = [{ address: home, movedIn: null, movedOut: null }];
      continue;
    }
    const born = child.dateOfBirth ?? firstContact;
    child.details = childDetails(random, traits, born, today, disabledKeys.has(child.childKey ?? -1), ids.upns);
    child.addresses = homeSpells(born);
    const preferred = random.chance(0.04) ? preferredName(random, child.givenName) : null;
    child.otherNames = preferred === null ? [] : [{ nameType: 'preferred', givenName: preferred, familyName: child.familyName, usedTo: null }];
  }
}

export const PERSON_TABLE = {
  table: 'person',
  columns: [
    ['id', 'uuid'],
    ['person_type', 'text'],
    ['given_name', 'text'],
    ['family_name', 'text'],
    ['date_of_birth', 'date'],
    ['expected_date_of_delivery', 'date'],
    ['gender', 'text'],
    ['nhs_number', 'text'],
    ['address_line1', 'text'],
    ['town', 'text'],
    ['postcode', 'text'],
    ['restriction', 'text'],
    ['restriction_contact_user_id', 'uuid'],
    ['created_at', 'timestamptz'],
    ['updated_at', 'timestamptz'],
    // Migration 0005.
    ['address_line2', 'text'],
    ['date_of_birth_estimated', 'boolean'],
    ['ethnicity', 'text'],
    ['first_language', 'text'],
    ['interpreter_needed', 'boolean'],
    ['religion', 'text'],
    ['disabilities', 'text', 'text[]'],
    ['immigration_status', 'text'],
    ['upn', 'text'],
    ['upn_unknown_reason', 'text'],
    ['phone', 'text'],
    ['email', 'text'],
    ['gp_practice', 'text'],
    ['school', 'text'],
    ['restricted_at', 'timestamptz'],
    ['restriction_reason', 'text'],
  ],
} as const;

export const RELATIONSHIP_TABLE = {
  table: 'person_relationship',
  columns: [
    ['person_id', 'uuid'],
    ['related_person_id', 'uuid'],
    ['relationship', 'text'],
    ['parental_responsibility', 'boolean'],
    ['lives_with', 'boolean'],
  ],
} as const;

export const PERSON_NAME_TABLE = {
  table: 'person_name',
  columns: [
    ['id', 'uuid'],
    ['person_id', 'uuid'],
    ['name_type', 'text'],
    ['given_name', 'text'],
    ['family_name', 'text'],
    ['used_to', 'date'],
    ['created_at', 'timestamptz'],
  ],
} as const;

export const PERSON_ADDRESS_TABLE = {
  table: 'person_address',
  columns: [
    ['id', 'uuid'],
    ['person_id', 'uuid'],
    ['address_line1', 'text'],
    ['address_line2', 'text'],
    ['town', 'text'],
    ['postcode', 'text'],
    ['moved_in', 'date'],
    ['moved_out', 'date'],
    ['is_current', 'boolean'],
    ['created_at', 'timestamptz'],
  ],
} as const;

const RESTRICTION_REASONS = { none: null, restricted: 'A relative of a member of staff', sealed: 'Adoption order made' } as const;

export function personRow(p: PersonDraft, restriction: 'none' | 'restricted' | 'sealed', contactUserId: string | null) {
  const created = timestampOf(p.createdDay, p.id.charCodeAt(35) % 480);
  const d = p.details;
  return [
    p.id,
    p.personType,
    p.givenName,
    p.familyName,
    p.dateOfBirth === null ? null : isoOf(p.dateOfBirth),
    p.expectedDateOfDelivery === null ? null : isoOf(p.expectedDateOfDelivery),
    p.gender,
    p.nhsNumber,
    p.address.addressLine1,
    p.address.town,
    p.address.postcode,
    restriction,
    contactUserId,
    created,
    created,
    p.address.addressLine2 ?? null,
    d.dateOfBirthEstimated,
    d.ethnicity,
    d.firstLanguage,
    d.interpreterNeeded,
    d.religion,
    arrayLiteral(d.disabilities),
    d.immigrationStatus,
    d.upn,
    d.upnUnknownReason,
    d.phone,
    d.email,
    d.gpPractice,
    d.school,
    restriction === 'none' ? null : created,
    RESTRICTION_REASONS[restriction],
  ] as const;
}

/** person_name and person_address rows for a person. */
export function historyRows(
  p: PersonDraft,
  nameId: () => string,
  addressId: () => string,
): { names: (readonly (string | null)[])[]; addresses: (readonly (string | boolean | null)[])[] } {
  const created = timestampOf(p.createdDay);
  return {
    names: p.otherNames.map((n) => [nameId(), p.id, n.nameType, n.givenName, n.familyName, n.usedTo === null ? null : isoOf(n.usedTo), created] as const),
    addresses: p.addresses.map(
      (a) =>
        [
          addressId(),
          p.id,
          a.address.addressLine1,
          a.address.addressLine2 ?? null,
          a.address.town,
          a.address.postcode,
          a.movedIn === null ? null : isoOf(a.movedIn),
          a.movedOut === null ? null : isoOf(a.movedOut),
          a.movedOut === null,
          created,
        ] as const,
    ),
  };
}
