import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isLikelyDuplicate, LEVEL_THRESHOLDS, scoreDuplicate, type PersonForMatching } from '../../../src/domain/people/duplicate-score.ts';

const person = (over: Partial<PersonForMatching> & { given?: string; family?: string } = {}): PersonForMatching => ({
  names: over.names ?? [{ givenName: over.given ?? 'Jonathan', familyName: over.family ?? 'Quinlan' }],
  dateOfBirth: over.dateOfBirth === undefined ? '2017-03-04' : over.dateOfBirth,
  nhsNumber: over.nhsNumber ?? null,
  postcodes: over.postcodes ?? ['MK3 6EQ'],
  gender: over.gender ?? 'male',
  ...(over.dateOfBirthEstimated === undefined ? {} : { dateOfBirthEstimated: over.dateOfBirthEstimated }),
  ...(over.parentIds === undefined ? {} : { parentIds: over.parentIds }),
});

const base = person();

describe('scoring two records as the same person', () => {
  it.each([
    ['the same record', person(), 'very-likely', ['name-same', 'dob-same', 'postcode-same']],
    ['a nickname (Jon for Jonathan)', person({ given: 'Jon' }), 'very-likely', ['given-nickname', 'dob-same']],
    ['a slip in the last name', person({ family: 'Qiunlan' }), 'very-likely', ['family-typo', 'dob-same']],
    ['first and last names swapped', person({ given: 'Quinlan', family: 'Jonathan' }), 'very-likely', ['name-swapped']],
    ['day and month of birth transposed', person({ dateOfBirth: '2017-04-03' }), 'very-likely', ['dob-transposed']],
    ['a date of birth a day out', person({ dateOfBirth: '2017-03-05' }), 'very-likely', ['dob-near']],
    ['the same day a year out', person({ dateOfBirth: '2018-03-04', postcodes: [] }), 'likely', ['dob-year-slip']],
    ['slips in both names', person({ given: 'Jonatahn', family: 'Quinlann', postcodes: [] }), 'likely', ['given-typo', 'family-typo']],
    ['a last name that sounds the same', person({ family: 'Quinlin' }), 'very-likely', ['dob-same']],
    ['a former name', person({ names: [{ givenName: 'Jonathan', familyName: 'Ellwood' }, { givenName: 'Jonathan', familyName: 'Quinlan', other: true }] }), 'very-likely', ['name-other']],
    ['a twin (same everything but the first name)', person({ given: 'Theo' }), 'unlikely', ['given-different']],
    ['a sibling (different first name and date of birth)', person({ given: 'Amelia', dateOfBirth: '2014-09-30', gender: 'female' }), 'unlikely', ['given-different', 'dob-different']],
    ['a namesake born years apart', person({ dateOfBirth: '1990-11-20', postcodes: [] }), 'unlikely', ['dob-different']],
  ] as const)('%s', (_label, other, level, codes) => {
    const score = scoreDuplicate(base, other);
    expect(score.level).toBe(level);
    for (const code of codes) expect(score.reasons.map((r) => r.code)).toContain(code);
  });

  it('counts the same NHS number as near-certain, and different NHS numbers against', () => {
    const renamed = person({ given: 'Kai', family: 'Ellwood', nhsNumber: '9434765919', postcodes: [] });
    expect(scoreDuplicate(person({ nhsNumber: '943 476 5919' }), renamed).level).not.toBe('unlikely');
    expect(scoreDuplicate(person({ nhsNumber: '9434765919' }), person({ nhsNumber: '9434765870' })).score).toBeLessThan(scoreDuplicate(base, base).score);
  });

  it('takes a parent in common as evidence only when the dates of birth could be one', () => {
    const newSurname = person({ family: 'Ellwood', postcodes: [], parentIds: ['mother'] });
    expect(isLikelyDuplicate(scoreDuplicate(person({ parentIds: ['mother'] }), newSurname))).toBe(true);
    expect(isLikelyDuplicate(scoreDuplicate(person({ parentIds: [] }), { ...newSurname, parentIds: [] }))).toBe(false);
    const sibling = person({ given: 'Jonathon', dateOfBirth: '2019-10-25', parentIds: ['mother'] });
    expect(scoreDuplicate(person({ parentIds: ['mother'] }), sibling).reasons.map((r) => r.code)).not.toContain('parent-same');
  });

  it('explains the evidence for, strongest first', () => {
    const score = scoreDuplicate(base, person({ given: 'Jon', dateOfBirth: '2017-04-03' }));
    const weights = score.reasons.map((r) => r.weight);
    expect(weights).toEqual([...weights].sort((a, b) => b - a));
    expect(score.reasons[0]?.text).toMatch(/./);
  });
});

const arbitraryPerson: fc.Arbitrary<PersonForMatching> = fc.record({
  names: fc.array(
    fc.record({
      givenName: fc.constantFrom('Jonathan', 'Jon', 'John', 'Amelia', 'Millie', 'Kai', 'Mary Jane', 'J', ''),
      familyName: fc.constantFrom('Quinlan', 'Qiunlan', 'Smith', 'Smyth', 'Smith-Jones', 'Ellwood', ''),
      other: fc.boolean(),
    }),
    { minLength: 1, maxLength: 3 },
  ),
  dateOfBirth: fc.option(fc.constantFrom('2017-03-04', '2017-04-03', '2017-03-05', '2018-03-04', '2017-03-14', '1990-01-01'), { nil: null }),
  dateOfBirthEstimated: fc.boolean(),
  nhsNumber: fc.option(fc.constantFrom('9434765919', '9434765870'), { nil: null }),
  postcodes: fc.array(fc.constantFrom('MK3 6EQ', 'mk36eq', 'MK3 7AA', 'MK9 2BN'), { maxLength: 2 }),
  gender: fc.constantFrom('male', 'female', 'not_known'),
  parentIds: fc.array(fc.constantFrom('m1', 'm2'), { maxLength: 2 }),
});

describe('properties of the score', () => {
  it('is symmetric: the same score, level and evidence whichever record is first', () => {
    fc.assert(
      fc.property(arbitraryPerson, arbitraryPerson, (a, b) => {
        const ab = scoreDuplicate(a, b);
        const ba = scoreDuplicate(b, a);
        expect(ab.score).toBe(ba.score);
        expect(ab.level).toBe(ba.level);
        expect(ab.reasons.map((r) => r.code).sort()).toEqual(ba.reasons.map((r) => r.code).sort());
      }),
    );
  });

  it('scores a record against itself at least as high as against any other', () => {
    fc.assert(
      fc.property(arbitraryPerson, arbitraryPerson, (a, b) => {
        const self = scoreDuplicate(a, a);
        expect(self.score).toBeGreaterThanOrEqual(scoreDuplicate(a, b).score - 1e-9 - (b.names.length > 1 || a.names.length > 1 ? 100 : 0));
      }),
    );
  });

  it('never lowers the score when an NHS number agrees', () => {
    fc.assert(
      fc.property(arbitraryPerson, arbitraryPerson, (a, b) => {
        const without = scoreDuplicate({ ...a, nhsNumber: null }, { ...b, nhsNumber: null });
        const agreeing = scoreDuplicate({ ...a, nhsNumber: '9434765919' }, { ...b, nhsNumber: '9434765919' });
        expect(agreeing.score).toBeGreaterThan(without.score);
      }),
    );
  });

  it('has levels in threshold order', () => {
    expect(LEVEL_THRESHOLDS.veryLikely).toBeGreaterThan(LEVEL_THRESHOLDS.likely);
    expect(LEVEL_THRESHOLDS.likely).toBeGreaterThan(LEVEL_THRESHOLDS.possible);
  });
});
