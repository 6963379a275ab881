// Child identifier rules of the CIN census (module ChildIdentifiers). See rule.ts for the source.
import { LocalDate } from '@js-joda/core';
import { SEX_CODES, isOneOf } from '../codes.ts';
import type { CensusRule } from './rule.ts';

const UPN_CHECK_LETTERS = 'ABCDEFGHJKLMNPQRTUVWXYZ';

/**
 * The UPN check letter (character 1): the sum of characters 2-13, each given its numeric value
 * (a letter in character 13 by its position in UPN_CHECK_LETTERS) and weighted 2 to 13, modulo 23,
 * indexes UPN_CHECK_LETTERS. DfE, "Unique pupil numbers (UPNs): guidance for schools and local
 * authorities", Annex: check letter calculation.
 */
export function upnCheckLetter(upn: string): string | null {
  if (!/^[A-Z]\d{11}[0-9A-Z]$/.test(upn)) return null;
  let sum = 0;
  for (let i = 1; i < 13; i++) {
    const ch = upn.charAt(i);
    const value = /\d/.test(ch) ? Number(ch) : UPN_CHECK_LETTERS.indexOf(ch);
    if (value < 0) return null;
    sum += value * (i + 1);
  }
  return UPN_CHECK_LETTERS.charAt(sum % 23);
}

export const CHILD_IDENTIFIER_RULES: readonly CensusRule[] = [
  {
    code: '8500',
    type: 'error',
    module: 'ChildIdentifiers',
    message: 'LA Child ID missing',
    appliesTo: ['LAchildID'],
    verified: true,
    check: (c) => (c.childIdentifiers.laChildId.trim() === '' ? ['LAchildID'] : []),
  },
  {
    code: '8510',
    type: 'error',
    module: 'ChildIdentifiers',
    message: 'More than one child record with the same LA Child ID',
    appliesTo: ['LAchildID'],
    verified: true,
    check: (c, ctx) => ((ctx.laChildIdCounts.get(c.childIdentifiers.laChildId) ?? 0) > 1 ? [`LAchildID ${c.childIdentifiers.laChildId}`] : []),
  },
  {
    code: '1570',
    type: 'error',
    module: 'ChildIdentifiers',
    message: 'LA Child ID must be 20 characters or fewer',
    appliesTo: ['LAchildID'],
    verified: false,
    check: (c) => (c.childIdentifiers.laChildId.length > 20 ? ['LAchildID'] : []),
  },
  {
    code: '1580',
    type: 'error',
    module: 'ChildIdentifiers',
    message: 'LA Child ID must contain only letters and numbers',
    appliesTo: ['LAchildID'],
    verified: false,
    check: (c) => (c.childIdentifiers.laChildId !== '' && !/^[A-Za-z0-9]+$/.test(c.childIdentifiers.laChildId) ? ['LAchildID'] : []),
  },
  {
    code: '8520',
    type: 'error',
    module: 'ChildIdentifiers',
    message: 'Date of Birth is after data collection period (must be on or before the end of the census period)',
    appliesTo: ['PersonBirthDate', 'ReferenceDate'],
    verified: true,
    check: (c, ctx) => {
      const dob = c.childIdentifiers.personBirthDate;
      return dob !== undefined && dob > ctx.period.end ? ['PersonBirthDate'] : [];
    },
  },
  {
    code: '8525Q',
    type: 'query',
    module: 'ChildIdentifiers',
    message: 'Either Date of Birth or Expected Date of Birth must be provided (but not both)',
    appliesTo: ['PersonBirthDate', 'ExpectedPersonBirthDate'],
    verified: true,
    check: (c) =>
      (c.childIdentifiers.personBirthDate === undefined) === (c.childIdentifiers.expectedPersonBirthDate === undefined) ? ['PersonBirthDate'] : [],
  },
  {
    code: '8530Q',
    type: 'query',
    module: 'ChildIdentifiers',
    message: 'Please check: Expected Date of Birth is outside the expected range for this census (March to December of the Census Year end)',
    appliesTo: ['ExpectedPersonBirthDate', 'ReferenceDate'],
    verified: true,
    check: (c, ctx) => {
      const edd = c.childIdentifiers.expectedPersonBirthDate;
      if (edd === undefined) return [];
      const ref = LocalDate.parse(ctx.period.end);
      const earliest = ref.minusDays(30).toString();
      const latest = ref.plusMonths(9).toString();
      return edd <= earliest || edd >= latest ? ['ExpectedPersonBirthDate'] : [];
    },
  },
  {
    code: '8535Q',
    type: 'query',
    module: 'ChildIdentifiers',
    message: 'Please check: Child’s date of death should not be prior to the date of birth',
    appliesTo: ['PersonDeathDate', 'PersonBirthDate'],
    verified: false,
    check: (c) => {
      const { personDeathDate: death, personBirthDate: dob } = c.childIdentifiers;
      return death !== undefined && dob !== undefined && death < dob ? ['PersonDeathDate'] : [];
    },
  },
  {
    code: '4180',
    type: 'error',
    module: 'ChildIdentifiers',
    message: 'Sex is missing or an invalid code (M, F or U)',
    appliesTo: ['Sex'],
    verified: false,
    check: (c) => (isOneOf(SEX_CODES, c.childIdentifiers.sex) ? [] : ['Sex']),
  },
  {
    code: '8750',
    type: 'error',
    module: 'ChildIdentifiers',
    message: 'Sex must equal U for an unborn child',
    appliesTo: ['Sex', 'PersonBirthDate', 'ExpectedPersonBirthDate'],
    verified: false,
    check: (c) => {
      const ci = c.childIdentifiers;
      return ci.personBirthDate === undefined && ci.expectedPersonBirthDate !== undefined && ci.sex !== 'U' ? ['Sex'] : [];
    },
  },
  {
    code: '1510',
    type: 'error',
    module: 'ChildIdentifiers',
    message: 'UPN invalid (wrong check letter at character 1)',
    appliesTo: ['UPN'],
    verified: false,
    check: (c) => {
      const upn = c.childIdentifiers.upn;
      if (upn === undefined) return [];
      const expected = upnCheckLetter(upn.toUpperCase());
      return expected === null || expected !== upn.charAt(0).toUpperCase() ? ['UPN'] : [];
    },
  },
  {
    code: '1520',
    type: 'error',
    module: 'ChildIdentifiers',
    message: 'More than one record with the same UPN',
    appliesTo: ['UPN'],
    verified: false,
    check: (c, ctx) => {
      const upn = c.childIdentifiers.upn;
      return upn !== undefined && (ctx.upnCounts.get(upn) ?? 0) > 1 ? [`UPN ${upn}`] : [];
    },
  },
  {
    code: '8772',
    type: 'error',
    module: 'ChildIdentifiers',
    message: 'UPN unknown reason is UN7 (Referral with no further action) but at least one CIN details is a referral going on to further action',
    appliesTo: ['UPNunknown', 'ReferralNFA'],
    verified: false,
    check: (c) => (c.childIdentifiers.upnUnknown === 'UN7' && c.cinDetails.some((d) => !d.referralNfa) ? ['UPNunknown'] : []),
  },
];
