// Child characteristics and disability rules of the CIN census. See rule.ts for the source.
import { DISABILITY_CODES, ETHNICITY_CODES, isOneOf } from '../codes.ts';
import type { CensusRule } from './rule.ts';

export const CHARACTERISTICS_RULES: readonly CensusRule[] = [
  {
    code: '4220',
    type: 'error',
    module: 'ChildCharacteristics',
    message: 'Child’s ethnicity is missing or invalid (see Ethnicity table)',
    appliesTo: ['Ethnicity'],
    verified: false,
    check: (c) => (isOneOf(ETHNICITY_CODES, c.childCharacteristics.ethnicity) ? [] : ['Ethnicity']),
  },
  {
    code: '8540',
    type: 'error',
    module: 'Disabilities',
    message: 'Child’s disability is missing or invalid (see Disability table)',
    appliesTo: ['Disability', 'PersonBirthDate', 'ReferralNFA'],
    verified: true,
    check: (c) => {
      // Applies to a born child with at least one referral going on to further action.
      if (c.childIdentifiers.personBirthDate === undefined || !c.cinDetails.some((d) => !d.referralNfa)) return [];
      const codes = c.childCharacteristics.disabilities;
      if (codes.length === 0) return ['Disability'];
      return codes.filter((code) => !isOneOf(DISABILITY_CODES, code)).map((code) => `Disability ${code}`);
    },
  },
  {
    code: '8790',
    type: 'error',
    module: 'Disabilities',
    message: 'Disability information includes both None and other values',
    appliesTo: ['Disability'],
    verified: true,
    check: (c) => {
      const codes = c.childCharacteristics.disabilities;
      return codes.includes('NONE') && codes.some((code) => code !== 'NONE') ? ['Disability'] : [];
    },
  },
  {
    code: '8794',
    type: 'error',
    module: 'Disabilities',
    message: 'Child has two or more disabilities with the same code',
    appliesTo: ['Disability'],
    verified: false,
    check: (c) => {
      const codes = c.childCharacteristics.disabilities;
      return new Set(codes).size !== codes.length ? ['Disability'] : [];
    },
  },
];
