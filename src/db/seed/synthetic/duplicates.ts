// Duplicate records with a known answer, for the matching benchmark: about 2% of children and 0.5%
// of adults are recorded a second time, later, by the front door, with the slips that happen in
// practice (see name-variants.ts). Each pair goes to the ground truth: which record duplicates
// which, and what differs. Twins, siblings and namesakes that are *not* duplicates occur naturally.
import { mixSeed } from './ids.ts';
import { DUPLICATE_ADULT_RATE, DUPLICATE_CHILD_RATE, DUPLICATE_KEEPS_NHS_NUMBER_RATE, DUPLICATE_KIND_WEIGHTS } from './proportions.ts';
import { address, surname, type IdSource, type PersonDraft } from './people.ts';
import { createRandom, type Random } from './random.ts';
import { weighted } from './sampling.ts';
import { nearbyDate, nickname, swapDayMonth, typo } from './name-variants.ts';
import type { FamilyShape } from './stories.ts';

export type DuplicateKind =
  | 'given-name-typo'
  | 'family-name-typo'
  | 'nickname'
  | 'swapped-names'
  | 'dob-day-month-swapped'
  | 'dob-typo'
  | 'changed-surname'
  | 'moved-address'
  | 'no-nhs-number';

/** One line of the ground truth: `duplicateId` is a second record of the person `originalId`. */
export interface DuplicatePair {
  readonly originalId: string;
  readonly duplicateId: string;
  readonly personType: 'child' | 'adult';
  readonly kinds: readonly DuplicateKind[];
}

export interface DuplicateRecord {
  readonly person: PersonDraft;
  readonly pair: DuplicatePair;
  /** Day the duplicate was created (a closed front-door contact for a child). */
  readonly createdDay: number;
}

function vary(
  original: PersonDraft,
  random: Random,
  kind: (typeof DUPLICATE_KIND_WEIGHTS)[number][0],
  newSurname: string,
): { draft: Partial<PersonDraft>; kinds: DuplicateKind[] } {
  const dob = original.dateOfBirth;
  switch (kind) {
    case 'given-name-typo':
      return { draft: { givenName: typo(original.givenName, random) }, kinds: ['given-name-typo'] };
    case 'family-name-typo':
      return { draft: { familyName: typo(original.familyName, random) }, kinds: ['family-name-typo'] };
    case 'nickname': {
      const nick = nickname(original.givenName, random);
      return nick === null
        ? { draft: { givenName: typo(original.givenName, random) }, kinds: ['given-name-typo'] }
        : { draft: { givenName: nick }, kinds: ['nickname'] };
    }
    case 'swapped-names':
      return { draft: { givenName: original.familyName, familyName: original.givenName }, kinds: ['swapped-names'] };
    case 'dob-day-month-swapped': {
      const swapped = dob === null ? null : swapDayMonth(dob);
      if (swapped !== null) return { draft: { dateOfBirth: swapped }, kinds: ['dob-day-month-swapped'] };
      return dob === null
        ? { draft: { givenName: typo(original.givenName, random) }, kinds: ['given-name-typo'] }
        : { draft: { dateOfBirth: nearbyDate(dob, random) }, kinds: ['dob-typo'] };
    }
    case 'changed-surname':
      return { draft: { familyName: random.chance(0.3) ? `${original.familyName}-${newSurname}` : newSurname }, kinds: ['changed-surname'] };
    case 'combined': {
      const first = vary(original, random, random.chance(0.5) ? 'given-name-typo' : 'family-name-typo', newSurname);
      const second = vary({ ...original, ...first.draft }, random, random.chance(0.5) ? 'dob-day-month-swapped' : 'nickname', newSurname);
      return { draft: { ...first.draft, ...second.draft }, kinds: [...new Set([...first.kinds, ...second.kinds])] };
    }
  }
}

/** The duplicates of one family's people, deterministic in (seed, family index). */
export function duplicatesOf(
  seed: number,
  shape: FamilyShape,
  people: { readonly children: readonly PersonDraft[]; readonly adults: readonly PersonDraft[] },
  asOf: number,
  ids: IdSource,
): DuplicateRecord[] {
  const random = createRandom(mixSeed(seed, shape.index, 4));
  const out: DuplicateRecord[] = [];
  const stepParent = people.adults.find((a) => a.role === 'step_parent');
  const candidates = [
    ...people.children.filter((c) => c.personType === 'child').map((p) => [p, DUPLICATE_CHILD_RATE] as const),
    ...people.adults.map((p) => [p, DUPLICATE_ADULT_RATE] as const),
  ];
  for (const [original, rate] of candidates) {
    if (!random.chance(rate)) continue;
    const createdDay = Math.min(asOf - 1, original.createdDay + random.int(30, 1500));
    if (createdDay <= original.createdDay) continue;
    const kind = weighted(random, DUPLICATE_KIND_WEIGHTS);
    let { draft, kinds } = vary(original, random, kind, stepParent?.familyName ?? surname(random));
    const unchanged =
      (draft.givenName ?? original.givenName) === original.givenName &&
      (draft.familyName ?? original.familyName) === original.familyName &&
      (draft.dateOfBirth ?? original.dateOfBirth) === original.dateOfBirth;
    if (unchanged) ({ draft, kinds } = vary(original, random, 'family-name-typo', ''));
    const moved = random.chance(0.3);
    const keepsNhs = original.nhsNumber !== null && random.chance(DUPLICATE_KEEPS_NHS_NUMBER_RATE);
    const person: PersonDraft = {
      ...original,
      ...draft,
      id: ids.nextPersonId(),
      nhsNumber: keepsNhs ? original.nhsNumber : null,
      address: moved ? address(random, shape.locality) : original.address,
      createdDay,
      details: { ...original.details, upn: random.chance(0.4) ? original.details.upn : null, school: random.chance(0.5) ? original.details.school : null },
      otherNames: [],
      addresses: [],
    };
    person.addresses = [{ address: person.address, movedIn: null, movedOut: null }];
    if (moved) kinds.push('moved-address');
    if (original.nhsNumber !== null && !keepsNhs) kinds.push('no-nhs-number');
    out.push({
      person,
      createdDay,
      pair: { originalId: original.id, duplicateId: person.id, personType: original.personType === 'adult' ? 'adult' : 'child', kinds },
    });
  }
  return out;
}
