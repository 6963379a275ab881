import { describe, expect, it } from 'vitest';
import { genderFor, PERSON_DATE_MESSAGES, personDateErrors, personTypeAfterEdit } from '../../../src/domain/people/person-rules.ts';
import { parseLocalDate } from '../../../src/domain/shared/time/local-date.ts';
import { isValidPostcode, normalisePostcode, outwardCode, postcodeKey } from '../../../src/domain/people/postcode.ts';

const today = parseLocalDate('2026-11-23');

describe('dates on a person’s record', () => {
  it.each([
    [{ personType: 'child', dateOfBirth: '2026-11-24' }, { dateOfBirth: PERSON_DATE_MESSAGES.dobInFuture }],
    [{ personType: 'child', dateOfBirth: '2026-11-23' }, {}],
    [{ personType: 'child', dateOfBirth: '1900-06-01' }, { dateOfBirth: PERSON_DATE_MESSAGES.dobTooOld }],
    [{ personType: 'adult', dateOfBirth: '1906-11-22' }, { dateOfBirth: PERSON_DATE_MESSAGES.dobTooOld }],
    [{ personType: 'adult', dateOfBirth: '1906-11-23' }, {}],
    [{ personType: 'child' }, { dateOfBirth: PERSON_DATE_MESSAGES.dobRequired }],
    [{ personType: 'adult' }, {}],
    [{ personType: 'unborn', expectedDateOfDelivery: '2027-03-01' }, {}],
    [{ personType: 'unborn' }, { expectedDateOfDelivery: PERSON_DATE_MESSAGES.eddRequired }],
    [{ personType: 'unborn', expectedDateOfDelivery: '2027-09-24' }, { expectedDateOfDelivery: PERSON_DATE_MESSAGES.eddTooFar }],
    [{ personType: 'unborn', expectedDateOfDelivery: '2026-08-22' }, { expectedDateOfDelivery: PERSON_DATE_MESSAGES.eddPassed }],
    [{ personType: 'unborn', expectedDateOfDelivery: '2027-01-01', dateOfBirth: '2026-11-01' }, { dateOfBirth: PERSON_DATE_MESSAGES.unbornHasDob }],
  ] as const)('%j gives %j', (input, errors) => {
    expect(personDateErrors(input, today)).toEqual(errors);
  });

  it('turns an unborn child given a date of birth into a child, and nothing else', () => {
    expect(personTypeAfterEdit('unborn', '2026-11-20')).toBe('child');
    expect(personTypeAfterEdit('unborn', undefined)).toBe('unborn');
    expect(personTypeAfterEdit('adult', '1990-01-01')).toBe('adult');
  });

  it('records an unborn child’s gender as not known (CIN census rule 8750)', () => {
    expect(genderFor('unborn', 'female')).toBe('not_known');
    expect(genderFor('child', 'female')).toBe('female');
  });
});

describe('UK postcodes', () => {
  it.each(['MK9 3HS', 'mk93hs', ' MK9  3HS ', 'SW1A 1AA', 'M1 1AE', 'B33 8TH', 'CR2 6XH', 'DN55 1PT', 'EC1A 1BB'])('accepts %j', (p) => {
    expect(isValidPostcode(p)).toBe(true);
  });
  it.each(['', 'MK9', 'not a postcode', '12345', 'MK9 3H', 'MK99 3HSS'])('refuses %j', (p) => {
    expect(isValidPostcode(p)).toBe(false);
  });
  it('writes and compares postcodes one way', () => {
    expect(normalisePostcode('mk93hs')).toBe('MK9 3HS');
    expect(postcodeKey('mk9 3hs')).toBe('MK93HS');
    expect(outwardCode('MK9 3HS')).toBe('MK9');
    expect(outwardCode('nope')).toBeNull();
  });
});
